using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;

namespace OpenApiSdk.SchemaSuiteTests;

/// <summary>
/// An OpenAPI 3.1 document made of suite groups: group N's schema is the component <c>SchemaN</c>, and
/// <c>HolderN</c> an object whose required property <c>value</c> refers to it, so any JSON value can be read and
/// validated through a generated model (<c>{"value": data}</c>; a pointer <c>/value/x</c> is the suite's <c>/x</c>).
/// Each component is one line, so a diagnostic's line names its group.
/// </summary>
internal sealed class SuiteDocument
{
    public const string HolderProperty = "value";

    private readonly Dictionary<int, int> _groupByLine = new();

    public SuiteDocument(string title, IEnumerable<SuiteGroup> groups)
    {
        var text = new StringBuilder();
        text.Append("{\n\"openapi\": \"3.1.0\",\n\"info\": {\"title\": ").Append(JsonValue.Create(title).ToJsonString()).Append(", \"version\": \"1\"},\n");
        text.Append("\"paths\": {},\n\"components\": {\"schemas\": {\n");
        int line = 5;
        string separator = string.Empty;
        foreach (SuiteGroup group in groups)
        {
            string schemaName = SchemaName(group.Number);
            JsonNode? schema = References.Rewrite(group.Schema, "#/components/schemas/" + schemaName);
            text.Append(separator).Append('"').Append(schemaName).Append("\": ").Append(schema?.ToJsonString() ?? "null").Append(",\n");
            text.Append('"').Append(HolderName(group.Number)).Append("\": {\"type\": \"object\", \"required\": [\"").Append(HolderProperty)
                .Append("\"], \"properties\": {\"").Append(HolderProperty).Append("\": {\"$ref\": \"#/components/schemas/").Append(schemaName).Append("\"}}}");
            separator = ",\n";
            _groupByLine[line] = group.Number;
            _groupByLine[line + 1] = group.Number;
            line += 2;
        }

        text.Append("\n}}\n}\n");
        Text = text.ToString();
    }

    public string Text { get; }

    public static string SchemaName(int group) => "Schema" + group.ToString(CultureInfo.InvariantCulture);

    public static string HolderName(int group) => "Holder" + group.ToString(CultureInfo.InvariantCulture);

    /// <summary>The group whose component is on 0-based <paramref name="line"/>; null for the document's frame.</summary>
    public int? GroupAt(int line) => _groupByLine.TryGetValue(line, out int group) ? group : null;

    public static string HolderJson(string data) => "{\"" + HolderProperty + "\": " + data + "}";

    /// <summary>A validation error's pointer as the suite means it (the holder's <c>/value</c> taken off).</summary>
    public static string SuitePointer(string pointer) =>
        pointer == "/" + HolderProperty || pointer.StartsWith("/" + HolderProperty + "/", StringComparison.Ordinal) ? pointer.Substring(HolderProperty.Length + 1) : pointer;
}

/// <summary>
/// Moves a group's references with its schema: a JSON Pointer fragment (<c>#</c>, <c>#/$defs/x</c>) written where no
/// <c>$id</c> sets another base means the group's schema, which is now at a pointer inside the document, so it is
/// rewritten to that pointer. Under an <c>$id</c> (the group's own or a subschema's) a fragment is resolved against
/// that resource by the generator (JSON Schema 2020-12 core §8.2) and is left as written, as are references by URI
/// and anchor. Only keywords that hold schemas are walked (a <c>$ref</c> inside an <c>enum</c> value or an unknown
/// keyword is data).
/// </summary>
internal static class References
{
    public static JsonNode? Rewrite(JsonNode? schema, string pointer)
    {
        JsonNode? copy = schema?.DeepClone();
        Walk(copy, pointer, pointer);
        return copy;
    }

    private static void Walk(JsonNode? node, string pointer, string group)
    {
        if (node is not JsonObject schema || schema["$id"] is JsonValue)
        {
            return;
        }

        foreach (string keyword in new[] { "$ref", "$dynamicRef" })
        {
            if (schema[keyword] is JsonValue value && value.TryGetValue(out string? reference) && (reference == "#" || reference.StartsWith("#/", StringComparison.Ordinal)))
            {
                schema[keyword] = string.Concat(group, reference.AsSpan(1));
            }
        }

        foreach ((JsonNode? subschema, string path) in Subschemas.Of(schema))
        {
            Walk(subschema, pointer + path, group);
        }
    }
}

/// <summary>The subschemas of a schema, by the keywords of 2020-12's core and applicator vocabularies that hold schemas.</summary>
internal static class Subschemas
{
    private static readonly string[] SchemaKeywords = { "items", "additionalProperties", "not", "if", "then", "else", "contains", "propertyNames", "unevaluatedItems", "unevaluatedProperties", "contentSchema" };
    private static readonly string[] SchemaListKeywords = { "allOf", "anyOf", "oneOf", "prefixItems" };
    private static readonly string[] SchemaMapKeywords = { "properties", "patternProperties", "$defs", "dependentSchemas" };

    /// <summary>Each subschema with its JSON Pointer below <paramref name="schema"/> (as a URI fragment: <c>/properties/a~1b</c>).</summary>
    public static IEnumerable<(JsonNode? Schema, string Path)> Of(JsonObject schema)
    {
        foreach (KeyValuePair<string, JsonNode?> member in schema.ToList())
        {
            string path = "/" + Escape(member.Key);
            if (SchemaKeywords.Contains(member.Key, StringComparer.Ordinal))
            {
                yield return (member.Value, path);
            }
            else if (SchemaListKeywords.Contains(member.Key, StringComparer.Ordinal) && member.Value is JsonArray list)
            {
                for (int i = 0; i < list.Count; i++)
                {
                    yield return (list[i], path + "/" + i.ToString(CultureInfo.InvariantCulture));
                }
            }
            else if (SchemaMapKeywords.Contains(member.Key, StringComparer.Ordinal) && member.Value is JsonObject map)
            {
                foreach (KeyValuePair<string, JsonNode?> entry in map.ToList())
                {
                    yield return (entry.Value, path + "/" + Escape(entry.Key));
                }
            }
        }
    }

    /// <summary>A member name as a segment of a JSON Pointer in a URI fragment (RFC 6901 §3 and §6; the resolver decodes <c>%</c>).</summary>
    private static string Escape(string name) =>
        name.Replace("%", "%25", StringComparison.Ordinal).Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
