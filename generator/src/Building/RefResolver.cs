using System;
using System.Collections.Generic;
using OpenApiSdk.Generator.Diagnostics;
using OpenApiSdk.Generator.Yaml;

namespace OpenApiSdk.Generator.Building;

/// <summary>Follows local <c>$ref</c>s (<c>#/json/pointer</c>, or the document's 3.2 <c>$self</c> URI plus a fragment) inside one document.</summary>
internal sealed class RefResolver
{
    private const int MaxHops = 64;

    private readonly YamlNode _root;
    private readonly DiagnosticBag _diagnostics;
    private readonly Dictionary<string, YamlNode?> _cache = new(StringComparer.Ordinal);
    private readonly SelfUri? _self;

    public RefResolver(YamlNode root, DiagnosticBag diagnostics)
    {
        _root = root;
        _diagnostics = diagnostics;
        _self = SelfUri.Of(root);
    }

    /// <summary>A reference to this document by its <c>$self</c> URI as the fragment-only reference it means; any other unchanged.</summary>
    public string Localize(string reference) => _self?.Localize(reference) ?? reference;

    /// <summary>The node itself, or the node its <c>$ref</c> chain ends at; null (with a diagnostic) when a reference is broken.</summary>
    public YamlNode? Resolve(YamlNode node)
    {
        YamlNode current = node;
        List<YamlNode>? seen = null;
        for (int hop = 0; hop < MaxHops; hop++)
        {
            YamlNode? reference = current.IsMapping ? current.Get("$ref") : null;
            if (reference is null)
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

            YamlNode? target = ResolveReference(reference);
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
    /// The schema <paramref name="node"/>'s own <c>$ref</c> leads to, one hop (a target that is itself a <c>$ref</c> beside
    /// other keywords keeps them); null (with a diagnostic) when the reference is broken.
    /// </summary>
    public YamlNode? Target(YamlNode node) =>
        node.IsMapping && node.Get("$ref") is { } reference ? ResolveReference(reference) : node;

    /// <summary>The name after <c>#/components/schemas/</c> when <paramref name="node"/> is such a reference.</summary>
    public static string? ComponentSchemaName(YamlNode node)
    {
        const string prefix = "#/components/schemas/";
        string? reference = node.IsMapping ? node.GetString("$ref") : null;
        return reference is not null && reference.StartsWith(prefix, StringComparison.Ordinal) && reference.IndexOf('/', prefix.Length) < 0
            ? Unescape(reference.Substring(prefix.Length))
            : null;
    }

    private YamlNode? ResolveReference(YamlNode reference)
    {
        string text = reference.Value ?? string.Empty;
        if (_cache.TryGetValue(text, out YamlNode? cached))
        {
            if (cached is null)
            {
                Report(reference, text);
            }

            return cached;
        }

        string local = Localize(text);
        YamlNode? target = local.StartsWith("#", StringComparison.Ordinal) ? Walk(local) : null;
        _cache[text] = target;
        if (target is null)
        {
            Report(reference, text);
        }

        return target;
    }

    /// <summary>The schema a reference string leads to (following further <c>$ref</c>s), or null; reports nothing.</summary>
    public YamlNode? Lookup(string reference)
    {
        reference = Localize(reference);
        if (!reference.StartsWith("#", StringComparison.Ordinal) || Walk(reference) is not { } found)
        {
            return null;
        }

        return found.IsMapping && found.Get("$ref") is not null ? Resolve(found) : found;
    }

    private void Report(YamlNode reference, string text)
    {
        bool external = !text.StartsWith("#", StringComparison.Ordinal);
        _diagnostics.Report(external ? DiagnosticDescriptors.ExternalRef : DiagnosticDescriptors.UnresolvedRef, reference, text);
    }

    private YamlNode? Walk(string reference)
    {
        if (reference == "#")
        {
            return _root;
        }

        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            return null;
        }

        YamlNode? current = _root;
        foreach (string rawSegment in reference.Substring(2).Split('/'))
        {
            string segment = Unescape(rawSegment);
            if (current is null)
            {
                return null;
            }

            if (current.IsMapping)
            {
                current = current.Get(segment);
            }
            else if (current.IsSequence && int.TryParse(segment, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int index))
            {
                current = index < current.Items!.Count ? current.Items[index] : null;
            }
            else
            {
                return null;
            }
        }

        return current;
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
