using System;
using System.Collections.Generic;
using OpenApiSdk.Common;
using OpenApiSdk.Generator.Yaml;

namespace OpenApiSdk.Generator.Building;

/// <summary>
/// <c>$dynamicRef</c> resolved at generation time (JSON Schema 2020-12 core §8.2.3.2). Its URI is first resolved as a
/// <c>$ref</c>; only when that initial target declares a <c>$dynamicAnchor</c> of the fragment's name (the
/// "bookend") does the dynamic scope matter: the target is then that anchor in the outermost schema resource on the
/// evaluation path that declares one. <see cref="StaticTarget"/> fixes the reference when every path gives the same
/// target: every path from an entry point (<see cref="SchemaResources.Entries"/>) through subschemas, <c>$ref</c>s and
/// <c>$dynamicRef</c>s (one with a bookend to any anchor of its name, an over-approximation; one without to its initial
/// target) to the <c>$dynamicRef</c> is searched, carrying the outermost resource with the anchor seen so far. One target:
/// that is the reference (<see cref="RefSiblings"/> writes it as a <c>$ref</c>). Several (the same schema reached through
/// different scopes), or a search past <see cref="MaxSteps"/> (or the document's <see cref="MaxDocumentSteps"/>): null, the
/// <c>$dynamicRef</c> stays, and the JSON-value validator compiles it once per <see cref="DynamicBinding"/> it is reached
/// with, each going to <see cref="Target"/> (where nothing checks the value as JSON, the builder reports it: OAS010).
/// </summary>
internal static class DynamicScope
{
    /// <summary>Schemas visited (each with the outermost anchored resource so far) for one <c>$dynamicRef</c>.</summary>
    private const int MaxSteps = 50_000;

    /// <summary>Schemas visited for all the <c>$dynamicRef</c>s of one document: past it, each further one is reported.</summary>
    private const int MaxDocumentSteps = 1_000_000;

    public static string? StaticTarget(SchemaResources resources, YamlNode schema)
    {
        if (!schema.IsMapping || schema.GetString("$dynamicRef") is not { } text)
        {
            return null;
        }

        string absolute = UriReference.Resolve(resources.BaseOf(schema), text);
        (string resource, string? name) = UriReference.SplitFragment(absolute);
        if (name is not { Length: > 0 } || name[0] == '/' || !resources.HasDynamicAnchor(resource, name))
        {
            return absolute; // no bookend: a plain $ref
        }

        if (resources.DynamicAnchorCount(name) == 1)
        {
            return absolute; // the only resource that could take it over is the one it points to
        }

        var targets = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<(YamlNode, string?)>(new StepComparer());
        var pending = new Stack<(YamlNode Node, string? Outermost)>();
        foreach (YamlNode entry in resources.Entries)
        {
            pending.Push((entry, null));
        }

        int steps = 0;
        while (pending.Count > 0)
        {
            (YamlNode node, string? outermost) = pending.Pop();
            if (!node.IsMapping)
            {
                continue;
            }

            string nodeResource = resources.BaseOf(node);
            if (outermost is null && resources.HasDynamicAnchor(nodeResource, name))
            {
                outermost = nodeResource;
            }

            if (!seen.Add((node, outermost)))
            {
                continue;
            }

            if (++steps > MaxSteps || ++resources.DynamicSearchSteps > MaxDocumentSteps)
            {
                return null;
            }

            if (ReferenceEquals(node, schema))
            {
                targets.Add(outermost is null ? absolute : outermost + "#" + name);
                if (targets.Count > 1)
                {
                    return null;
                }
            }

            foreach (YamlNode next in Next(resources, node))
            {
                pending.Push((next, outermost));
            }
        }

        // Reached from no entry point: no generated code validates it through any scope, so the initial target is as good as any.
        return targets.Count == 1 ? Single(targets) : absolute;
    }

    /// <summary>
    /// Where the <c>$dynamicRef</c> at <paramref name="schema"/> leads when evaluation reached it through
    /// <paramref name="scope"/> (core §8.2.3.2), as an absolute URI: the initial target, or, when that declares a
    /// <c>$dynamicAnchor</c> of the fragment's name, the anchor in the outermost resource of the scope that declares one.
    /// </summary>
    public static string Target(SchemaResources resources, YamlNode schema, DynamicBinding scope)
    {
        string absolute = UriReference.Resolve(resources.BaseOf(schema), schema.GetString("$dynamicRef") ?? string.Empty);
        (string resource, string? name) = UriReference.SplitFragment(absolute);
        return name is { Length: > 0 } && name[0] != '/' && resources.HasDynamicAnchor(resource, name) && scope.Outermost(name) is { } outermost
            ? outermost + "#" + name
            : absolute;
    }

    /// <summary>
    /// The schemas from which evaluation can reach a <c>$dynamicRef</c> (through subschemas and references, as the search
    /// goes): only an object type among them can need its JSON checked for one. One walk of the document's schemas.
    /// </summary>
    public static HashSet<YamlNode> ReachingDynamicRefs(SchemaResources resources)
    {
        var reaching = new HashSet<YamlNode>(ReferenceEqualityComparer.Instance);
        var from = new Dictionary<YamlNode, List<YamlNode>>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<YamlNode>();
        foreach (YamlNode schema in new List<YamlNode>(resources.Schemas))
        {
            if (!schema.IsMapping)
            {
                continue;
            }

            if (schema.Get("$dynamicRef") is not null && reaching.Add(schema))
            {
                pending.Push(schema);
            }

            foreach (YamlNode next in Next(resources, schema))
            {
                if (!from.TryGetValue(next, out List<YamlNode>? sources))
                {
                    from.Add(next, sources = new List<YamlNode>());
                }

                sources.Add(schema);
            }
        }

        while (pending.Count > 0)
        {
            if (from.TryGetValue(pending.Pop(), out List<YamlNode>? sources))
            {
                foreach (YamlNode source in sources)
                {
                    if (reaching.Add(source))
                    {
                        pending.Push(source);
                    }
                }
            }
        }

        return reaching;
    }

    private static string Single(HashSet<string> targets)
    {
        foreach (string target in targets)
        {
            return target;
        }

        throw new InvalidOperationException();
    }

    /// <summary>Where evaluation can go from <paramref name="schema"/>: its subschemas and what its references can lead to.</summary>
    private static IEnumerable<YamlNode> Next(SchemaResources resources, YamlNode schema)
    {
        foreach (KeyValuePair<YamlNode, YamlNode> pair in schema.Pairs!)
        {
            string key = pair.Key.Value ?? string.Empty;
            YamlNode value = pair.Value;
            if (SchemaResources.SchemaListKeywords.Contains(key) && value.IsSequence)
            {
                foreach (YamlNode item in value.Items!)
                {
                    yield return item;
                }
            }
            else if (SchemaResources.SchemaMapKeywords.Contains(key) && key is not "$defs" and not "definitions" && value.IsMapping)
            {
                foreach (KeyValuePair<YamlNode, YamlNode> member in value.Pairs!)
                {
                    yield return member.Value;
                }
            }
            else if (SchemaResources.SchemaKeywords.Contains(key))
            {
                yield return value;
            }
            else if (key == "$ref" && value.Value is { } reference && resources.Find(UriReference.Resolve(resources.BaseOf(schema), reference)) is { } target)
            {
                yield return target;
            }
            else if (key == "$dynamicRef" && value.Value is { } dynamic)
            {
                string absolute = UriReference.Resolve(resources.BaseOf(schema), dynamic);
                if (resources.Find(absolute) is { } initial)
                {
                    yield return initial;
                }

                (string resource, string? name) = UriReference.SplitFragment(absolute);
                if (name is { Length: > 0 } && resources.HasDynamicAnchor(resource, name))
                {
                    foreach (YamlNode anchored in resources.DynamicAnchorNodes(name))
                    {
                        yield return anchored;
                    }
                }
            }
        }
    }

    private sealed class StepComparer : IEqualityComparer<(YamlNode Node, string? Outermost)>
    {
        public bool Equals((YamlNode Node, string? Outermost) x, (YamlNode Node, string? Outermost) y) =>
            ReferenceEquals(x.Node, y.Node) && string.Equals(x.Outermost, y.Outermost, StringComparison.Ordinal);

        public int GetHashCode((YamlNode Node, string? Outermost) step) =>
            (ReferenceEqualityComparer.Instance.GetHashCode(step.Node) * 397) ^ (step.Outermost is null ? 0 : StringComparer.Ordinal.GetHashCode(step.Outermost));
    }
}

/// <summary>
/// What of the dynamic scope (core §7.1: the schema resources evaluation entered to get here) a <c>$dynamicRef</c> can
/// depend on: for each dynamic anchor name that several resources declare (<see cref="SchemaResources.ScopedAnchorNames"/>),
/// the outermost resource entered so far that declares it. The JSON-value validator compiles a subschema once per
/// binding it is reached with, so two paths that bind an anchor differently get two methods (ajv's design).
/// </summary>
internal sealed class DynamicBinding : IEquatable<DynamicBinding>
{
    public static readonly DynamicBinding Empty = new(Array.Empty<KeyValuePair<string, string>>());

    /// <summary>Anchor name and outermost resource, in ordinal order of the name.</summary>
    private readonly KeyValuePair<string, string>[] _outermost;

    private DynamicBinding(KeyValuePair<string, string>[] outermost) => _outermost = outermost;

    /// <summary>The scope after entering the schema resource <paramref name="resource"/>: the names it declares that are not bound yet are bound to it.</summary>
    public DynamicBinding Enter(SchemaResources resources, string resource)
    {
        List<KeyValuePair<string, string>>? bound = null;
        foreach (string name in resources.ScopedAnchorNames)
        {
            if (Outermost(name) is null && resources.HasDynamicAnchor(resource, name))
            {
                bound ??= new List<KeyValuePair<string, string>>(_outermost);
                bound.Add(new KeyValuePair<string, string>(name, resource));
            }
        }

        if (bound is null)
        {
            return this;
        }

        bound.Sort((x, y) => string.CompareOrdinal(x.Key, y.Key));
        return new DynamicBinding(bound.ToArray());
    }

    /// <summary>The outermost resource entered that declares <c>$dynamicAnchor: name</c>, or null.</summary>
    public string? Outermost(string name)
    {
        foreach (KeyValuePair<string, string> binding in _outermost)
        {
            if (binding.Key == name)
            {
                return binding.Value;
            }
        }

        return null;
    }

    public bool Equals(DynamicBinding? other)
    {
        if (other is null || other._outermost.Length != _outermost.Length)
        {
            return false;
        }

        for (int i = 0; i < _outermost.Length; i++)
        {
            if (!string.Equals(_outermost[i].Key, other._outermost[i].Key, StringComparison.Ordinal)
                || !string.Equals(_outermost[i].Value, other._outermost[i].Value, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as DynamicBinding);

    public override int GetHashCode()
    {
        int hash = 17;
        foreach (KeyValuePair<string, string> binding in _outermost)
        {
            hash = (hash * 31) + StringComparer.Ordinal.GetHashCode(binding.Key);
            hash = (hash * 31) + StringComparer.Ordinal.GetHashCode(binding.Value);
        }

        return hash;
    }
}
