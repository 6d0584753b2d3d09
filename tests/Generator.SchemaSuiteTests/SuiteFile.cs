using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenApiSdk.SchemaSuiteTests;

/// <summary>One case of a test group: a JSON value (its exact text) and the suite's verdict.</summary>
internal sealed record SuiteCase(string Description, string DataJson, bool Valid);

/// <summary>
/// One test group of a suite file: its schema (as the suite wrote it), its cases, and why it is not applicable
/// (null when it is). <see cref="InIssueBasis"/>: counted in the issue's figure of 1,171 tests (main files, no remote
/// document, no reference by <c>$id</c> or <c>$anchor</c>, no <c>$dynamicRef</c>).
/// </summary>
internal sealed record SuiteGroup(int Number, string Description, JsonNode? Schema, IReadOnlyList<SuiteCase> Cases, string? NotApplicable, bool InIssueBasis);

/// <summary>One file of the suite (<c>optional/format/date.json</c>), read with its groups.</summary>
internal sealed record SuiteFile(string Name, IReadOnlyList<SuiteGroup> Groups)
{
    /// <summary>The suite's main tests expect <c>format</c> to annotate; only <c>optional/format</c> expects it to assert (2020-12 §7.2).</summary>
    public bool AssertsFormats => Name.StartsWith("optional/format/", StringComparison.Ordinal);

    public bool IsOptional => Name.StartsWith("optional/", StringComparison.Ordinal);

    /// <summary>Every <c>.json</c> file under <paramref name="directory"/> (the suite's draft2020-12 folder), in ordinal order of its relative name.</summary>
    public static List<SuiteFile> ReadAll(string directory) =>
        Directory.GetFiles(directory, "*.json", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(directory, path).Replace('\\', '/'))
            .OrderBy(name => name, StringComparer.Ordinal)
            .Select(name => Read(name, File.ReadAllText(Path.Combine(directory, name))))
            .ToList();

    public static SuiteFile Read(string name, string text)
    {
        using JsonDocument document = JsonDocument.Parse(text);
        var groups = new List<SuiteGroup>();
        foreach (JsonElement group in document.RootElement.EnumerateArray())
        {
            List<SuiteCase> cases = group.GetProperty("tests").EnumerateArray()
                .Select(test => new SuiteCase(test.GetProperty("description").GetString()!, test.GetProperty("data").GetRawText(), test.GetProperty("valid").GetBoolean()))
                .ToList();
            JsonNode? schema = JsonNode.Parse(group.GetProperty("schema").GetRawText());
            string? notApplicable = Applicability.NotApplicable(name, schema);
            bool inBasis = notApplicable is null && !name.StartsWith("optional/", StringComparison.Ordinal) && !Applicability.ReferencesByIdOrAnchor(schema);
            groups.Add(new SuiteGroup(groups.Count + 1, group.GetProperty("description").GetString()!, schema, cases, notApplicable, inBasis));
        }

        return new SuiteFile(name, groups);
    }
}

/// <summary>
/// What the suite lets an implementation leave out, and nothing else: documents served from
/// <c>http://localhost:1234</c> (the suite's <c>remotes/</c>, which the generator never reads) and vocabularies the
/// generator does not claim. <c>$id</c>, <c>$anchor</c>, <c>$dynamicRef</c> and the metaschema are counted.
/// </summary>
internal static class Applicability
{
    public const string Remote = "needs a remote document (http://localhost:1234)";

    /// <summary>
    /// The optional files that test something other than 2020-12's own vocabularies, each with why. Every other
    /// optional file tests 2020-12 behaviour and is counted: <c>anchor</c>/<c>id</c>/<c>unknownKeyword</c> (what is and
    /// is not an identifier), <c>bignum</c>/<c>float-overflow</c> (numbers as JSON has them), <c>ecmascript-regex</c>/
    /// <c>non-bmp-regex</c> (<c>pattern</c> is ECMA-262, §6.4), <c>dynamicRef</c>, <c>no-schema</c>,
    /// <c>refOfUnknownKeyword</c> (a JSON Pointer <c>$ref</c> into any location), and <c>format/*</c> (format assertion).
    /// </summary>
    private static readonly Dictionary<string, string> OptionalLeftOut = new(StringComparer.Ordinal)
    {
        ["optional/dependencies-compatibility.json"] = "draft-07's `dependencies`, not a 2020-12 keyword (the generator claims no such vocabulary)",
        ["optional/cross-draft.json"] = Remote + ", read as another draft",
        ["optional/format-assertion.json"] = Remote + ": a custom metaschema with the format-assertion vocabulary",
    };

    public static string? NotApplicable(string file, JsonNode? schema)
    {
        if (file == "vocabulary.json")
        {
            return "custom `$vocabulary` metaschemas, " + Remote;
        }

        if (file == "refRemote.json" || NeedsRemoteDocument(schema))
        {
            return Remote;
        }

        return OptionalLeftOut.TryGetValue(file, out string? reason) ? reason : null;
    }

    /// <summary>A <c>$ref</c> that is not a JSON Pointer fragment (resolved through <c>$id</c>, an anchor or a URN), or any <c>$dynamicRef</c>.</summary>
    public static bool ReferencesByIdOrAnchor(JsonNode? schema) =>
        References(schema, DocumentBase).Any(r => r.Keyword == "$dynamicRef" || (r.Keyword == "$ref" && r.Text != "#" && !r.Text.StartsWith("#/", StringComparison.Ordinal)));

    /// <summary>
    /// A <c>$ref</c>, <c>$dynamicRef</c> or <c>$schema</c> on the suite's server (<c>localhost:1234</c>) that no <c>$id</c> of
    /// the group's own schema declares (<c>anchor.json</c> and <c>optional/id.json</c> name such URIs and declare them).
    /// </summary>
    private static bool NeedsRemoteDocument(JsonNode? schema)
    {
        var declared = new HashSet<string>(StringComparer.Ordinal);
        List<(string Keyword, string Text, Uri Resolved)> references = References(schema, DocumentBase, declared).ToList();
        return references.Any(r => r.Resolved.IsAbsoluteUri && r.Resolved.Authority == "localhost:1234" && !declared.Contains(r.Resolved.GetLeftPart(UriPartial.Query)));
    }

    /// <summary>The base URI of a schema without <c>$id</c> (RFC 2606 reserves <c>.invalid</c>: it names nothing).</summary>
    private static readonly Uri DocumentBase = new("https://suite.invalid/schema.json");

    /// <summary>Every <c>$ref</c>, <c>$dynamicRef</c> and <c>$schema</c> in the schema positions of <paramref name="node"/>, resolved against its base URI; each <c>$id</c> is added to <paramref name="declared"/>.</summary>
    private static IEnumerable<(string Keyword, string Text, Uri Resolved)> References(JsonNode? node, Uri baseUri, HashSet<string>? declared = null)
    {
        if (node is not JsonObject schema)
        {
            yield break;
        }

        if (schema["$id"] is JsonValue id && id.TryGetValue(out string? identifier) && Uri.TryCreate(baseUri, identifier, out Uri? resolved))
        {
            baseUri = resolved;
            declared?.Add(resolved.GetLeftPart(UriPartial.Query));
        }

        foreach (string keyword in new[] { "$ref", "$dynamicRef", "$schema" })
        {
            if (schema[keyword] is JsonValue value && value.TryGetValue(out string? text))
            {
                yield return (keyword, text, Uri.TryCreate(baseUri, text, out Uri? target) ? target : baseUri);
            }
        }

        foreach ((JsonNode? subschema, _) in Subschemas.Of(schema))
        {
            foreach ((string Keyword, string Text, Uri Resolved) reference in References(subschema, baseUri, declared))
            {
                yield return reference;
            }
        }
    }
}
