using System;
using System.Collections.Generic;
using OpenApiSdk.Generator.Diagnostics;
using OpenApiSdk.Generator.Model;
using OpenApiSdk.Generator.Naming;

namespace OpenApiSdk.Generator.Building;

/// <summary>The query of an <c>x-ms-paths</c> key (AutoRest): the constant query parameters it fixes, and how it names an operation without an operationId.</summary>
internal static partial class OperationBuilder
{
    private sealed partial class Builder
    {
        /// <summary>
        /// The literal pairs of an <c>x-ms-paths</c> key's query, sent with every call. A pair that a declared query
        /// parameter also names is left to the parameter; a templated pair (<c>color={color}</c>) must name one.
        /// </summary>
        private EquatableArray<QueryConstantModel> QueryConstants(PendingOperation pending, List<ParameterModel> parameters, string operationId)
        {
            if (pending.Query.Count == 0)
            {
                return EquatableArray<QueryConstantModel>.Empty;
            }

            var constants = new List<QueryConstantModel>();
            foreach ((string name, string? value) in pending.Query)
            {
                bool declared = parameters.Exists(p => p.In == ParameterLocation.Query && p.WireName == name);
                if (value is null)
                {
                    if (!declared)
                    {
                        _diagnostics.Report(DiagnosticDescriptors.IgnoredValue, pending.QueryKey, $"The query '{name}={{...}}' of the {AzureExtensions.PathsKey} key names no query parameter of {operationId}; nothing is sent for it (declare the parameter)");
                    }
                }
                else if (declared)
                {
                    _diagnostics.Report(DiagnosticDescriptors.IgnoredValue, pending.QueryKey, $"The query '{name}' of the {AzureExtensions.PathsKey} key is also a declared query parameter of {operationId}; the parameter's value is sent, not '{value}'");
                }
                else
                {
                    constants.Add(new QueryConstantModel(name, value));
                }
            }

            return constants.ToEquatableArray();
        }

        /// <summary>What an <c>x-ms-paths</c> key's query adds to the name of an operation without an operationId (<c>GetJobsOpCancel</c>).</summary>
        private static string QueryName(List<(string Name, string? Value)> query)
        {
            var name = new System.Text.StringBuilder();
            foreach ((string key, string? value) in query)
            {
                name.Append(Identifiers.ToPascalCase(key));
                if (value is { Length: > 0 })
                {
                    name.Append(Identifiers.ToPascalCase(value));
                }
            }

            return name.ToString();
        }
    }
}
