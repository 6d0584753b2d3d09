using System;
using System.Collections.Generic;
using OpenApiSdk.Generator.Diagnostics;
using OpenApiSdk.Generator.Yaml;

namespace OpenApiSdk.Generator.Building;

/// <summary>
/// Follows <c>$ref</c>s inside one document as JSON Schema 2020-12 core §8.2 defines them: a reference is resolved
/// (RFC 3986 §5) against the base URI in force where it is written (the nearest enclosing <c>$id</c>, else the
/// document's own URI, see <see cref="SchemaResources"/>), and names a schema resource (its <c>$id</c>, or the
/// document) plus a fragment: empty, an anchor (<c>$anchor</c>/<c>$dynamicAnchor</c>) or a JSON Pointer from that
/// resource's root. A URI that no resource of the document declares is another file (OAS004): the generator reads none.
/// </summary>
internal sealed class RefResolver
{
    private const int MaxHops = 64;

    private readonly YamlNode _root;
    private readonly DiagnosticBag _diagnostics;
    private readonly Dictionary<string, YamlNode?> _cache = new(StringComparer.Ordinal);
    private readonly SelfUri? _self;
    private readonly SchemaResources _resources;

    public RefResolver(YamlNode root, DiagnosticBag diagnostics)
    {
        _root = root;
        _diagnostics = diagnostics;
        _self = SelfUri.Of(root);
        _resources = new SchemaResources(root);
    }

    /// <summary>The document's resources: base URIs, <c>$id</c>s and anchors.</summary>
    public SchemaResources Resources => _resources;

    /// <summary>A reference to this document by its <c>$self</c> URI as the fragment-only reference it means; any other unchanged.</summary>
    public string Localize(string reference) => _self?.Localize(reference) ?? reference;

    /// <summary>The node itself, or the node its <c>$ref</c> chain ends at; null (with a diagnostic) when a reference is broken.</summary>
    public YamlNode? Resolve(YamlNode node)
    {
        YamlNode current = node;
        List<YamlNode>? seen = null;
        for (int hop = 0; hop < MaxHops; hop++)
        {
            if (!current.IsMapping || current.Get("$ref") is null)
            {
                return current;
            }

            seen ??= new List<YamlNode>();
            if (seen.Contains(current))
            {
                _diagnostics.Report(DiagnosticDescriptors.IgnoredValue, node.Get("$ref") ?? node, $"The $ref '{node.GetString("$ref")}' loops back to itself without reaching a schema; a schema cannot be only a reference to itself");
                return null;
            }

            seen.Add(current);

            YamlNode? target = Follow(current);
            if (target is null)
            {
                return null;
            }

            current = target;
        }

        _diagnostics.Report(DiagnosticDescriptors.InvalidSchema, node.Get("$ref") ?? node, "The $ref chain does not end: it loops or is longer than 64 references");
        return null;
    }

    /// <summary>
    /// The schema that <paramref name="schema"/>'s own <c>$ref</c> points to, one reference only (its target may have a
    /// <c>$ref</c> of its own); null (with OAS003/OAS004 at the reference) when it points at nothing in this document, or
    /// when <paramref name="schema"/> has no <c>$ref</c>.
    /// </summary>
    public YamlNode? Follow(YamlNode schema) =>
        schema.IsMapping && schema.Get("$ref") is { } reference ? Target(reference, _resources.BaseOf(schema), report: true) : null;

    /// <summary>The absolute URI (with fragment) that <paramref name="schema"/>'s <paramref name="keyword"/> (<c>$ref</c>, <c>$dynamicRef</c>) names, resolved against the base in force there.</summary>
    public string? AbsoluteReference(YamlNode schema, string keyword = "$ref") =>
        schema.IsMapping && schema.GetString(keyword) is { } text ? UriReference.Resolve(_resources.BaseOf(schema), text) : null;

    /// <summary>The schema a reference string leads to from the document's base (following further <c>$ref</c>s), or null; reports nothing.</summary>
    public YamlNode? Lookup(string reference)
    {
        if (Find(UriReference.Resolve(_resources.DocumentBase, reference)) is not { } found)
        {
            return null;
        }

        return found.IsMapping && found.Get("$ref") is not null ? Resolve(found) : found;
    }

    /// <summary>The schema an absolute URI (with fragment) names in this document, or null; reports nothing.</summary>
    public YamlNode? Find(string absolute)
    {
        if (!_cache.TryGetValue(absolute, out YamlNode? target))
        {
            target = _resources.Find(absolute);
            _cache[absolute] = target;
        }

        return target;
    }

    private YamlNode? Target(YamlNode reference, string baseUri, bool report)
    {
        string text = reference.Value ?? string.Empty;
        string absolute = UriReference.Resolve(baseUri, text);
        YamlNode? target = Find(absolute);
        if (target is null && text.StartsWith("#/", StringComparison.Ordinal) && baseUri != _resources.DocumentBase
            && Find(_resources.DocumentBase + text) is { } inDocument)
        {
            // '#/components/...' written under an $id: JSON Schema resolves it against the $id, where it names nothing;
            // an OpenAPI author means the document, so it is read so, and said.
            if (report)
            {
                _diagnostics.Report(DiagnosticDescriptors.IgnoredValue, reference, $"The $ref '{text}' is under the $id '{baseUri}', against which JSON Schema 2020-12 resolves it, and points at nothing there; it is read as this document's '{text}'");
            }

            return inDocument;
        }

        if (target is null && report)
        {
            bool known = _resources.Resource(UriReference.SplitFragment(absolute).Resource) is not null;
            string named = Swagger2Document.OpenApi3Form(_root, text) is { } openApi3 ? text + "' read as '" + openApi3 : text; // a Swagger 2.0 reference: where it was looked for too
            _diagnostics.Report(known ? DiagnosticDescriptors.UnresolvedRef : DiagnosticDescriptors.ExternalRef, reference, named);
        }

        return target;
    }

    /// <summary>Undoes RFC 6901 (<c>~1</c>, <c>~0</c>) and URI percent-encoding in one pointer segment.</summary>
    public static string Unescape(string segment)
    {
        if (segment.IndexOf('%') >= 0)
        {
            try
            {
                segment = Uri.UnescapeDataString(segment);
            }
            catch (UriFormatException)
            {
                // Left as written: the lookup then fails and reports the reference.
            }
        }

        return segment.Replace("~1", "/").Replace("~0", "~");
    }
}
