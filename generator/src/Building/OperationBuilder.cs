using System.Threading;
using OpenApiSdk.Generator.Model;
using OpenApiSdk.Generator.Yaml;

namespace OpenApiSdk.Generator.Building;

/// <summary>Builds the client model from the spec's <c>paths</c>.</summary>
internal static class OperationBuilder
{
    public static ClientModel? Build(YamlNode root, SpecContext context, SchemaBuilder schemas, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        _ = root;
        _ = context;
        _ = schemas;
        _ = diagnostics;
        _ = cancellationToken;
        return null;
    }
}
