using System;
using System.Collections.Generic;
using OpenApiSdk.Common;
using OpenApiSdk.Generator.Yaml;

namespace OpenApiSdk.Generator.Building;

/// <summary>
/// The schema resources of one document (JSON Schema 2020-12 core §8.2, §9.1.2): the base URI in force at every schema,
/// the schemas each canonical URI names (<c>$id</c>), and the plain and dynamic anchors (<c>$anchor</c>,
/// <c>$dynamicAnchor</c>) under their resource's URI. Built once, by one walk that enters schemas only where OpenAPI
/// puts them (<c>components.schemas</c>, every <c>schema</c> member) and, inside a schema, only through the keywords
/// that hold subschemas: an <c>$id</c> inside <c>enum</c>, <c>const</c>, an example or an unknown keyword is data, not a
/// resource. The document itself is the resource at its base: its 3.2 <c>$self</c> resolved against
/// <see cref="UriReference.PlaceholderBase"/>, or that placeholder. The first declaration of a URI wins.
/// </summary>
internal sealed class SchemaResources
{
    private const int MaxDepth = 512;

    internal static readonly HashSet<string> SchemaKeywords = new(StringComparer.Ordinal)
    {
        "items", "additionalItems", "additionalProperties", "not", "if", "then", "else", "contains", "propertyNames", "unevaluatedItems", "unevaluatedProperties", "contentSchema",
    };

    internal static readonly HashSet<string> SchemaListKeywords = new(StringComparer.Ordinal) { "allOf", "anyOf", "oneOf", "prefixItems", "items" };

    internal static readonly HashSet<string> SchemaMapKeywords = new(StringComparer.Ordinal) { "properties", "patternProperties", "$defs", "definitions", "dependentSchemas" };

    /// <summary>Members of OpenAPI objects that hold data, not OpenAPI objects or schemas.</summary>
    internal static readonly HashSet<string> DataMembers = new(StringComparer.Ordinal) { "example", "examples", "default", "enum", "const", "value" };

    private readonly Dictionary<YamlNode, string> _baseOf = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, YamlNode> _resources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, YamlNode> _anchors = new(StringComparer.Ordinal);
    private readonly HashSet<string> _dynamicAnchors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _dynamicAnchorCounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<YamlNode>> _dynamicAnchorNodes = new(StringComparer.Ordinal);
    private readonly List<YamlNode> _entries = new();
    private readonly HashSet<YamlNode> _walked = new(ReferenceEqualityComparer.Instance);
    private readonly YamlNode? _componentSchemas;

    public SchemaResources(YamlNode root)
    {
        Root = root;
        _componentSchemas = root.Get("components")?.Get("schemas") is { IsMapping: true } schemas ? schemas : null;
        DocumentBase = SelfBase(root);
        _resources[DocumentBase] = root;
        WalkDocument(root, 0);
    }

    public YamlNode Root { get; }

    /// <summary>Steps <see cref="DynamicScope"/> has taken in this document (its bound is per document).</summary>
    public int DynamicSearchSteps { get; set; }

    /// <summary>The document's own URI: its <c>$self</c> resolved against the placeholder base, or the placeholder.</summary>
    public string DocumentBase { get; }

    /// <summary>The base URI in force at <paramref name="node"/> (its own <c>$id</c> included); the document's for a node outside every schema resource.</summary>
    public string BaseOf(YamlNode node) => _baseOf.TryGetValue(node, out string? found) ? found : DocumentBase;

    /// <summary>Whether the walk entered <paramref name="node"/> as a schema.</summary>
    public bool IsSchema(YamlNode node) => _baseOf.ContainsKey(node);

    /// <summary>The schema whose canonical URI (without fragment) is <paramref name="uri"/>: an <c>$id</c>, or the document.</summary>
    public YamlNode? Resource(string uri) => _resources.TryGetValue(uri, out YamlNode? found) ? found : null;

    /// <summary>The schema with <c>$anchor</c> or <c>$dynamicAnchor</c> <paramref name="name"/> in the resource <paramref name="resource"/>.</summary>
    public YamlNode? Anchor(string resource, string name) => _anchors.TryGetValue(resource + "#" + name, out YamlNode? found) ? found : null;

    /// <summary>Whether the resource <paramref name="resource"/> declares <c>$dynamicAnchor: name</c>.</summary>
    public bool HasDynamicAnchor(string resource, string name) => _dynamicAnchors.Contains(resource + "#" + name);

    /// <summary>How many schema resources of the document declare <c>$dynamicAnchor: name</c>.</summary>
    public int DynamicAnchorCount(string name) => _dynamicAnchorCounts.TryGetValue(name, out int count) ? count : 0;

    /// <summary>Whether some schema of the document has a <c>$dynamicRef</c>.</summary>
    public bool HasDynamicRefs { get; private set; }

    /// <summary>Whether evaluation can reach a <c>$dynamicRef</c> from <paramref name="schema"/> (see <see cref="DynamicScope.ReachingDynamicRefs"/>).</summary>
    public bool ReachesDynamicRef(YamlNode schema) =>
        HasDynamicRefs && (_reachingDynamicRefs ??= DynamicScope.ReachingDynamicRefs(this)).Contains(schema);

    private HashSet<YamlNode>? _reachingDynamicRefs;

    /// <summary>Every schema the walk entered (and any adopted since).</summary>
    public IEnumerable<YamlNode> Schemas => _baseOf.Keys;

    /// <summary>The dynamic anchor names that several resources declare (in ordinal order): the only ones a dynamic scope can change the target of.</summary>
    public IReadOnlyList<string> ScopedAnchorNames => _scopedAnchorNames ??= SortedScopedNames();

    private IReadOnlyList<string>? _scopedAnchorNames;

    private List<string> SortedScopedNames()
    {
        var names = new List<string>();
        foreach (KeyValuePair<string, int> count in _dynamicAnchorCounts)
        {
            if (count.Value > 1)
            {
                names.Add(count.Key);
            }
        }

        names.Sort(StringComparer.Ordinal);
        return names;
    }

    /// <summary>
    /// Whether <paramref name="schema"/> is the root of a resource (<c>$id</c>) that declares a dynamic anchor several
    /// resources declare: evaluation that enters it binds that anchor (see <see cref="DynamicBinding"/>), so it means more
    /// than the schema it <c>$ref</c>s.
    /// </summary>
    public bool BindsScopedAnchor(YamlNode schema)
    {
        if (schema.Get("$id") is null || !ReferenceEquals(Resource(BaseOf(schema)), schema))
        {
            return false;
        }

        foreach (string name in ScopedAnchorNames)
        {
            if (HasDynamicAnchor(BaseOf(schema), name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The schemas where evaluation can start: each component schema and each <c>schema</c> of an operation, parameter, header or media type.</summary>
    public IReadOnlyList<YamlNode> Entries => _entries;

    /// <summary>The schemas that declare <c>$dynamicAnchor: name</c>.</summary>
    public IReadOnlyList<YamlNode> DynamicAnchorNodes(string name) =>
        _dynamicAnchorNodes.TryGetValue(name, out List<YamlNode>? nodes) ? nodes : (IReadOnlyList<YamlNode>)Array.Empty<YamlNode>();

    /// <summary>
    /// Where a <c>$dynamicRef</c> at <paramref name="schema"/> leads, as an absolute URI, when that does not depend on
    /// the path a value is validated through (see <see cref="DynamicScope"/>); null when it does, or when the search
    /// is past its bound.
    /// </summary>
    public string? StaticDynamicTarget(YamlNode schema) => DynamicScope.StaticTarget(this, schema);

    /// <summary>
    /// A node reached by a JSON Pointer that the walk did not enter (a subschema under an unknown keyword): indexed
    /// now as a schema under <paramref name="baseUri"/>, the base of the nearest schema above it on the pointer's path.
    /// </summary>
    private void Adopt(YamlNode node, string baseUri) => WalkSchema(node, baseUri, 0);

    /// <summary>The schema an absolute URI (with fragment) names: a resource plus nothing, an anchor or a JSON Pointer from its root; null when none.</summary>
    public YamlNode? Find(string absolute)
    {
        (string resource, string? fragment) = UriReference.SplitFragment(absolute);
        return Resource(resource) is not { } root ? null
            : string.IsNullOrEmpty(fragment) ? root
            : fragment![0] == '/' ? Walk(root, fragment)
            : Anchor(resource, fragment);
    }

    /// <summary>The node a JSON Pointer (RFC 6901, as a URI fragment) names from a resource's root.</summary>
    private YamlNode? Walk(YamlNode resourceRoot, string pointer)
    {
        YamlNode? current = resourceRoot;
        string? schemaBase = null; // the base of the last schema on the pointer's path
        foreach (string rawSegment in pointer.Substring(1).Split('/'))
        {
            if (current is { IsMapping: true } && IsSchema(current))
            {
                schemaBase = BaseOf(current);
            }

            string segment = RefResolver.Unescape(rawSegment);
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

        if (current is { IsMapping: true } && schemaBase is not null && !IsSchema(current))
        {
            Adopt(current, schemaBase); // a schema under an unknown keyword: its own $refs resolve against the base above it
        }

        return current;
    }

    private static string SelfBase(YamlNode root) =>
        root.Get("$self") is { IsScalar: true, Value: { Length: > 0 } self }
            ? UriReference.SplitFragment(UriReference.Resolve(UriReference.PlaceholderBase, self)).Resource
            : UriReference.PlaceholderBase;

    private void WalkDocument(YamlNode node, int depth)
    {
        if (depth > MaxDepth || !_walked.Add(node))
        {
            return;
        }

        if (node.IsSequence)
        {
            foreach (YamlNode item in node.Items!)
            {
                WalkDocument(item, depth + 1);
            }

            return;
        }

        if (!node.IsMapping)
        {
            return;
        }

        foreach (KeyValuePair<YamlNode, YamlNode> pair in node.Pairs!)
        {
            string key = pair.Key.Value ?? string.Empty;
            if (key is "schema" or "itemSchema")
            {
                _entries.Add(pair.Value);
                WalkSchema(pair.Value, DocumentBase, depth + 1);
            }
            else if (ReferenceEquals(pair.Value, _componentSchemas))
            {
                // components.schemas, walked once as schemas also where a converted Swagger 2.0 root has it as its definitions.
                if (!_walked.Add(pair.Value))
                {
                    continue;
                }

                foreach (KeyValuePair<YamlNode, YamlNode> schema in pair.Value.Pairs!)
                {
                    _entries.Add(schema.Value);
                    WalkSchema(schema.Value, DocumentBase, depth + 1);
                }
            }
            else if (!DataMembers.Contains(key) && !key.StartsWith("x-", StringComparison.Ordinal))
            {
                WalkDocument(pair.Value, depth + 1);
            }
        }
    }

    private void WalkSchema(YamlNode schema, string baseUri, int depth)
    {
        if (depth > MaxDepth || !schema.IsMapping || _baseOf.ContainsKey(schema))
        {
            return;
        }

        _walked.Add(schema);
        if (schema.Get("$id") is { IsScalar: true, Value: { Length: > 0 } id })
        {
            baseUri = UriReference.SplitFragment(UriReference.Resolve(baseUri, id)).Resource;
            if (!_resources.ContainsKey(baseUri))
            {
                _resources.Add(baseUri, schema);
            }
        }

        _baseOf.Add(schema, baseUri);
        if (schema.Get("$anchor") is { IsScalar: true, Value: { Length: > 0 } anchor } && !_anchors.ContainsKey(baseUri + "#" + anchor))
        {
            _anchors.Add(baseUri + "#" + anchor, schema);
        }

        if (schema.Get("$dynamicAnchor") is { IsScalar: true, Value: { Length: > 0 } dynamicAnchor })
        {
            string key = baseUri + "#" + dynamicAnchor;
            if (_dynamicAnchors.Add(key))
            {
                _dynamicAnchorCounts[dynamicAnchor] = _dynamicAnchorCounts.TryGetValue(dynamicAnchor, out int count) ? count + 1 : 1;
                if (!_dynamicAnchorNodes.TryGetValue(dynamicAnchor, out List<YamlNode>? nodes))
                {
                    _dynamicAnchorNodes.Add(dynamicAnchor, nodes = new List<YamlNode>());
                }

                nodes.Add(schema);
            }

            if (!_anchors.ContainsKey(key))
            {
                _anchors.Add(key, schema); // a $dynamicAnchor is also a plain anchor (2020-12 core §8.2.3.2)
            }
        }

        HasDynamicRefs |= schema.Get("$dynamicRef") is not null;
        foreach (KeyValuePair<YamlNode, YamlNode> pair in schema.Pairs!)
        {
            string key = pair.Key.Value ?? string.Empty;
            YamlNode value = pair.Value;
            if (SchemaListKeywords.Contains(key) && value.IsSequence)
            {
                foreach (YamlNode item in value.Items!)
                {
                    WalkSchema(item, baseUri, depth + 1);
                }
            }
            else if (SchemaMapKeywords.Contains(key) && value.IsMapping)
            {
                foreach (KeyValuePair<YamlNode, YamlNode> member in value.Pairs!)
                {
                    WalkSchema(member.Value, baseUri, depth + 1);
                }
            }
            else if (SchemaKeywords.Contains(key))
            {
                WalkSchema(value, baseUri, depth + 1);
            }
        }
    }
}
