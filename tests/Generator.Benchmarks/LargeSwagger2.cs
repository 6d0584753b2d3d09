using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenApiSdk.Benchmarks;

/// <summary>
/// A large Swagger 2.0 document made from a real one, for <see cref="Swagger2ReaderBenchmarks"/>: the shared documents are
/// 3-26 KB, and real 2.0 documents reach hundreds (Azure's newer storage specs, Kubernetes). Each copy adds every path
/// under <c>/copyN</c> and every definition as <c>NameCopyN</c>, with its operation ids and its references to
/// definitions renamed alike, so the copies are as a real document's parts are: distinct operations and models that
/// share the root's parameters.
/// </summary>
internal static class LargeSwagger2
{
    public static string Build(string json, int copies)
    {
        JsonObject document = JsonNode.Parse(json.TrimStart('\uFEFF'))!.AsObject();
        JsonObject paths = document["paths"]!.AsObject();
        JsonObject definitions = document["definitions"]!.AsObject();
        var originalPaths = paths.ToList();
        var originalDefinitions = definitions.ToList();
        for (int copy = 1; copy < copies; copy++)
        {
            string suffix = "Copy" + copy.ToString(CultureInfo.InvariantCulture);
            foreach (var (path, item) in originalPaths)
            {
                paths.Add("/copy" + copy.ToString(CultureInfo.InvariantCulture) + path, Renamed(item!, suffix));
            }

            foreach (var (name, schema) in originalDefinitions)
            {
                definitions.Add(name + suffix, Renamed(schema!, suffix));
            }
        }

        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>A deep copy of <paramref name="node"/> whose operation ids and references to definitions end with <paramref name="suffix"/>.</summary>
    private static JsonNode Renamed(JsonNode node, string suffix)
    {
        JsonNode copy = node.DeepClone();
        foreach (JsonObject mapping in Mappings(copy))
        {
            if (mapping["$ref"] is JsonValue reference && reference.GetValue<string>() is { } text && text.StartsWith("#/definitions/", System.StringComparison.Ordinal))
            {
                mapping["$ref"] = text + suffix;
            }

            if (mapping["operationId"] is JsonValue operationId && operationId.GetValueKind() == JsonValueKind.String)
            {
                mapping["operationId"] = operationId.GetValue<string>() + suffix;
            }
        }

        return copy;
    }

    private static System.Collections.Generic.IEnumerable<JsonObject> Mappings(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject mapping:
                yield return mapping;
                foreach (var (_, value) in mapping.ToList())
                {
                    foreach (JsonObject inner in Mappings(value))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonArray list:
                foreach (JsonNode? item in list)
                {
                    foreach (JsonObject inner in Mappings(item))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }
}
