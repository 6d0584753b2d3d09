using System;
using System.Collections.Generic;
using OpenApiSdk.Generator.Diagnostics;
using OpenApiSdk.Generator.Model;
using OpenApiSdk.Generator.Naming;
using OpenApiSdk.Generator.Yaml;

namespace OpenApiSdk.Generator.Building;

/// <summary>
/// AutoRest's <c>x-ms-parameter-location</c>: <c>client</c> makes a parameter a client value (an options property sent
/// with every call that has the parameter; the method parameter stays, optional, to override it), <c>method</c> keeps it a
/// method parameter, as every parameter is without the extension.
/// </summary>
internal static partial class OperationBuilder
{
    private const string ParameterLocationKey = "x-ms-parameter-location";

    private sealed partial class Builder
    {
        private readonly Dictionary<string, ClientParameterModel> _clientParameters = new(StringComparer.Ordinal);
        private readonly List<ClientParameterModel> _clientParameterList = new();

        /// <summary>Applies <c>x-ms-parameter-location: client</c> to a built parameter: the options property it falls back to.</summary>
        private ParameterModel ClientLocation(YamlNode node, ParameterModel parameter, string clientName, string operationId)
        {
            if (node.Get(ParameterLocationKey) is not { } location)
            {
                return parameter;
            }

            if (!(location.IsScalar && location.Value is "client" or "method"))
            {
                _diagnostics.Report(DiagnosticDescriptors.IgnoredValue, location, $"'{ParameterLocationKey}' must be client or method; it is ignored and '{parameter.WireName}' of {operationId} stays a method parameter");
                return parameter;
            }

            if (location.Value == "method")
            {
                return parameter;
            }

            if (parameter.AsJson || parameter.Type.Kind is not (TypeRefKind.String or TypeRefKind.Enum) || parameter.In == ParameterLocation.Cookie)
            {
                _diagnostics.Report(DiagnosticDescriptors.IgnoredValue, location, $"'{ParameterLocationKey}: client' is applied to string path, query and header parameters; '{parameter.WireName}' of {operationId} stays a method parameter");
                return parameter;
            }

            string key = parameter.In + ":" + parameter.WireName;
            if (!_clientParameters.TryGetValue(key, out ClientParameterModel? model))
            {
                model = new ClientParameterModel(parameter.WireName, parameter.In, _optionNames.Claim(Identifiers.ToPascalCase(clientName)), node.GetString("description"));
                _clientParameters.Add(key, model);
                _clientParameterList.Add(model);
            }

            return parameter with { Required = false, ClientOption = model.PropertyName, ClientOptionRequired = parameter.Required };
        }
    }
}
