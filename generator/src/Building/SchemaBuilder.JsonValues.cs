using System;
using System.Collections.Generic;
using System.Linq;
using OpenApiSdk.Generator.Diagnostics;
using OpenApiSdk.Generator.Model;
using OpenApiSdk.Generator.Validation;
using OpenApiSdk.Generator.Yaml;

namespace OpenApiSdk.Generator.Building;

/// <summary>
/// The part of <see cref="SchemaBuilder"/> that compiles the schema of a value kept as JSON into a
/// <see cref="JsonValueSchema"/> (ajv's schema compiler): each subschema node it reaches becomes one node, cached per YAML
/// node so a <c>$ref</c> back to a node already met (a recursive schema) is the same index. Used where the schema has a
/// keyword the per-type rules cannot state (<see cref="JsonValueKeywords"/>).
/// </summary>
internal sealed partial class SchemaBuilder
{
    /// <summary>More nodes than this in one compiled schema are taken as <c>true</c> (reported): work stays bounded.</summary>
    private const int MaxJsonSchemaNodes = 2000;

    /// <summary>The keywords that only the JSON-value validator checks on a value kept as JSON (<c>uniqueItems</c> is no such keyword: the per-type rules check it on a JSON array too).</summary>
    internal static readonly HashSet<string> JsonValueKeywords = new(StringComparer.Ordinal)
    {
        "not", "if", "then", "else", "allOf", "anyOf", "oneOf",
        "prefixItems", "items", "contains", "minContains", "maxContains",
        "properties", "patternProperties", "additionalProperties", "propertyNames", "required",
        "dependentRequired", "dependentSchemas", "unevaluatedItems", "unevaluatedProperties",
    };

    /// <summary>Whether a schema kept as JSON needs the JSON-value validator (it has a keyword the per-type rules cannot state).</summary>
    private static bool NeedsJsonValidator(YamlNode schema) =>
        schema.IsMapping && schema.Pairs!.Any(p => p.Key.Value is { } key && JsonValueKeywords.Contains(key) || p.Key.Value == "$ref")
        || schema.IsMapping && (IsStructured(schema.Get("const")) || schema.Get("enum") is { IsSequence: true } values && values.Items!.Any(IsStructured));

    /// <summary>
    /// Whether an array schema lists <c>prefixItems</c>: its leading items each have their own schema, which one element
    /// type of a typed list cannot state (a leading item of another type than <c>items</c> would be a read error), so the
    /// array is kept as JSON and the JSON-value validator checks the prefix and the items past it (2020-12 core §10.3.1).
    /// </summary>
    private static bool IsTuple(YamlNode schema) => schema.Get("prefixItems") is { IsSequence: true };

    /// <summary>Whether a schema has, beside its <c>allOf</c>, a keyword only the JSON-value validator checks.</summary>
    private static bool HasOwnJsonValueKeywords(YamlNode schema) =>
        schema.Pairs!.Any(p => p.Key.Value is { } key && key != "allOf" && JsonValueKeywords.Contains(key));

    private static bool IsStructured(YamlNode? node) => node is { IsMapping: true } or { IsSequence: true };

    /// <summary>
    /// A value kept as JSON: its per-type rules, and where it has a keyword only the JSON-value validator checks, the
    /// whole schema compiled (whose root's rules are the same per-type rules).
    /// </summary>
    private Shape JsonValueShape(YamlNode schema)
    {
        if (!NeedsJsonValidator(schema))
        {
            return new Shape(TypeRef.Any, _constraints.Read(schema, TypeRefKind.Any), true);
        }

        JsonValueSchema compiled = CompileJsonValue(schema);
        return new Shape(TypeRef.Any, compiled.Nodes[0].Scalars with { Schema = compiled }, true);
    }

    /// <summary>The first schema along a <c>$ref</c> chain that has validation keywords beside its <c>$ref</c>, or null.</summary>
    private YamlNode? KeywordsBesideRef(YamlNode schema)
    {
        YamlNode? node = schema;
        for (int hop = 0; hop < 64 && node is { IsMapping: true } && node.Get("$ref") is not null; hop++)
        {
            if (HasKeywordsBesideRef(node))
            {
                return node;
            }

            node = _refs.Follow(node);
        }

        return null;
    }

    /// <summary>Whether a schema with a <c>$ref</c> has validation keywords of its own beside it.</summary>
    private static bool HasKeywordsBesideRef(YamlNode schema) =>
        schema.Pairs!.Any(p => p.Key.Value is { } key && key != "$ref"
            && (JsonValueKeywords.Contains(key) || key is "type" or "const" or "enum" or "minProperties" or "maxProperties" || Validation.Catalogue.Find(key) is not null));

    /// <summary>
    /// Whether an OAS010 reported while an object type was built is about a keyword the JSON-value validator checks
    /// (every 2020-12 validation keyword but draft 2019-09's <c>$recursiveRef</c>): then the model is checked as JSON
    /// too, and the warning is taken back. How a schema is typed (discriminators, subtypes, recursion) is not validation.
    /// </summary>
    private static bool IsCheckedAsJson(DiagnosticInfo diagnostic) =>
        diagnostic.Id == Diagnostics.DiagnosticDescriptors.UnsupportedConstruct.Id
        && diagnostic.MessageArgs.Count > 0
        && IsCheckedAsJson(diagnostic.MessageArgs[0]);

    private static bool IsCheckedAsJson(string construct) =>
        !NotCheckedAsJson.Any(word => construct.IndexOf(word, StringComparison.Ordinal) >= 0);

    private static readonly string[] NotCheckedAsJson =
    {
        "discriminat", "$recursiveRef", "'dependencies'", "'additionalItems'", "A subtype ", "contains itself", "nested more than", "applies itself",
    };

    /// <summary>The schema compiled for the JSON-value validator.</summary>
    private JsonValueSchema CompileJsonValue(YamlNode root) => new JsonValueCompiler(this).Compile(root);

    /// <summary>
    /// Compiles one schema. A node is one YAML schema node reached with one <see cref="DynamicBinding"/>: where the
    /// document has no dynamic anchor that several resources declare every binding is empty, so that is one node per
    /// YAML node; otherwise a subschema reached through scopes that bind an anchor differently is compiled once per
    /// binding, and each <c>$dynamicRef</c> in it goes to its target for that binding (2020-12 core §8.2.3.2).
    /// </summary>
    private sealed class JsonValueCompiler
    {
        private readonly SchemaBuilder _builder;
        private readonly Dictionary<(YamlNode Schema, DynamicBinding Scope), int> _indexes = new(new NodeInScopeComparer());
        private readonly List<(YamlNode Schema, DynamicBinding Scope)> _pending = new();
        private bool _overflowReported;

        /// <summary>The dynamic scope of the node being compiled: its subschemas are reached with it (entering their own resource).</summary>
        private DynamicBinding _scope = DynamicBinding.Empty;

        public JsonValueCompiler(SchemaBuilder builder) => _builder = builder;

        private SchemaResources Resources => _builder._refs.Resources;

        public JsonValueSchema Compile(YamlNode root)
        {
            var nodes = new List<JsonSchemaNode>();
            Index(root);
            for (int i = 0; i < _pending.Count; i++)
            {
                _scope = _pending[i].Scope;
                nodes.Add(i < MaxJsonSchemaNodes ? Node(_pending[i].Schema) : new JsonSchemaNode());
            }

            CutInPlaceCycles(nodes, root);
            return new JsonValueSchema(nodes.ToEquatableArray());
        }

        /// <summary>
        /// A schema that applies itself to the same value with no member or item between (<c>A: {oneOf: [{$ref: A}, ...]}</c>)
        /// would never end: each such reference back is cut (to <c>true</c>, or to <c>false</c> under <c>not</c>), with a
        /// located OAS010, so validation always ends.
        /// </summary>
        private void CutInPlaceCycles(List<JsonSchemaNode> nodes, YamlNode root)
        {
            var state = new byte[nodes.Count]; // 0 unseen, 1 on the path, 2 done
            var cuts = new HashSet<(int From, int To)>();
            var path = new Stack<(int Node, IEnumerator<int> Next)>();
            for (int start = 0; start < nodes.Count; start++)
            {
                if (state[start] != 0)
                {
                    continue;
                }

                state[start] = 1;
                path.Push((start, InPlace(nodes[start]).GetEnumerator()));
                while (path.Count > 0)
                {
                    (int node, IEnumerator<int> next) = path.Peek();
                    if (!next.MoveNext())
                    {
                        state[node] = 2;
                        path.Pop();
                        continue;
                    }

                    int target = next.Current;
                    if (state[target] == 1)
                    {
                        cuts.Add((node, target));
                    }
                    else if (state[target] == 0)
                    {
                        state[target] = 1;
                        path.Push((target, InPlace(nodes[target]).GetEnumerator()));
                    }
                }
            }

            if (cuts.Count == 0)
            {
                return;
            }

            _builder.ReportUnsupported(root, root, "A schema that applies itself to the same value through $ref, allOf, anyOf, oneOf, not, if or dependentSchemas, with no member or item between", "that reference back is taken as true (as false under 'not'), since following it would never end");
            int always = nodes.Count, never = nodes.Count + 1;
            nodes.Add(new JsonSchemaNode());
            nodes.Add(new JsonSchemaNode { Never = true, Scalars = Model.Constraints.Nothing });
            for (int n = 0; n < always; n++)
            {
                int from = n;
                int Cut(int to, int replacement) => cuts.Contains((from, to)) ? replacement : to;
                int? CutOptional(int? to, int replacement) => to is { } t ? Cut(t, replacement) : null;
                JsonSchemaNode node = nodes[n];
                nodes[n] = node with
                {
                    Ref = CutOptional(node.Ref, always),
                    DynamicRef = CutOptional(node.DynamicRef, always),
                    AllOf = node.AllOf.Select(t => Cut(t, always)).ToEquatableArray(),
                    AnyOf = node.AnyOf.Select(t => Cut(t, always)).ToEquatableArray(),
                    OneOf = node.OneOf.Select(t => Cut(t, always)).ToEquatableArray(),
                    Not = CutOptional(node.Not, never),
                    If = CutOptional(node.If, always),
                    Then = CutOptional(node.Then, always),
                    Else = CutOptional(node.Else, always),
                    DependentSchemas = node.DependentSchemas.Select(d => d with { Node = Cut(d.Node, always) }).ToEquatableArray(),
                };
            }
        }

        private static IEnumerable<int> InPlace(JsonSchemaNode node) =>
            Applicators.InPlaceSubschemas(node).Concat(node.Not is { } not ? new[] { not } : Array.Empty<int>());

        /// <summary>The node index of a subschema reached from the node being compiled (in its scope), queued for compiling when first met.</summary>
        private int Index(YamlNode schema)
        {
            DynamicBinding scope = schema.IsMapping ? _scope.Enter(Resources, Resources.BaseOf(schema)) : DynamicBinding.Empty;
            if (_indexes.TryGetValue((schema, scope), out int index))
            {
                return index;
            }

            index = _pending.Count;
            if (index >= MaxJsonSchemaNodes && !_overflowReported)
            {
                _overflowReported = true;
                _builder.ReportUnsupported(schema, schema, "A schema of more than " + MaxJsonSchemaNodes.ToString(System.Globalization.CultureInfo.InvariantCulture) + " subschemas kept as JSON", "the subschemas past that number are not checked");
            }

            _indexes.Add((schema, scope), index);
            _pending.Add((schema, scope));
            return index;
        }

        private int? Sub(YamlNode schema, string keyword) => schema.Get(keyword) is { } sub && IsSchema(sub) ? Index(sub) : null;

        private EquatableArray<int> List(YamlNode schema, string keyword) =>
            schema.Get(keyword) is { IsSequence: true } list ? list.Items!.Where(IsSchema).Select(Index).ToEquatableArray() : EquatableArray<int>.Empty;

        private EquatableArray<NamedSubschema> Map(YamlNode schema, string keyword, bool patterns = false)
        {
            if (schema.Get(keyword) is not { IsMapping: true } map)
            {
                return EquatableArray<NamedSubschema>.Empty;
            }

            var named = new List<NamedSubschema>();
            foreach (KeyValuePair<YamlNode, YamlNode> pair in map.Pairs!)
            {
                if (pair.Key.Value is { } name && IsSchema(pair.Value) && (!patterns || _builder._constraints.ValidPattern(pair.Key) is not null))
                {
                    named.Add(new NamedSubschema(name, Index(pair.Value)));
                }
            }

            return named.ToEquatableArray();
        }

        private static bool IsSchema(YamlNode node) => node.IsMapping || node.IsScalar && node.Value is "true" or "false";

        private JsonSchemaNode Node(YamlNode schema)
        {
            if (!schema.IsMapping)
            {
                return schema.Value == "false" ? new JsonSchemaNode { Never = true, Scalars = Model.Constraints.Nothing } : new JsonSchemaNode();
            }

            Constraints scalars = _builder._constraints.Read(schema, TypeRefKind.Any);
            if (scalars.Types is null && schema.Get("type") is { IsScalar: true, Value: { } single } && single != "null")
            {
                scalars = scalars with { Types = single }; // one type is a list of one here: the value may be of any other
            }

            int? reference = null;
            if (schema.Get("$ref") is not null && _builder._refs.Follow(schema) is { } target)
            {
                reference = Index(target);
            }

            int? dynamicReference = null;
            if (KeyNode(schema, "$dynamicRef") is { } dynamicKey)
            {
                if (_builder._refs.Find(DynamicScope.Target(Resources, schema, _scope)) is { } dynamicTarget)
                {
                    dynamicReference = Index(dynamicTarget);
                }
                else
                {
                    _builder.ReportUnsupported(schema, dynamicKey, "'$dynamicRef' (in a value kept as JSON)", "the reference names no schema of this document and is not followed");
                }
            }

            return new JsonSchemaNode
            {
                Scalars = scalars.IsEmpty ? Model.Constraints.None : scalars,
                Required = schema.Get("required") is { IsSequence: true } required
                    ? required.Items!.Where(n => n.IsScalar).Select(n => n.Value!).Distinct(StringComparer.Ordinal).ToEquatableArray()
                    : EquatableArray<string>.Empty,
                Properties = Map(schema, "properties"),
                PatternProperties = Map(schema, "patternProperties", patterns: true),
                AdditionalProperties = Sub(schema, "additionalProperties"),
                PropertyNames = Sub(schema, "propertyNames"),
                DependentRequired = DependentRequired(schema),
                DependentSchemas = Map(schema, "dependentSchemas"),
                PrefixItems = List(schema, "prefixItems"),
                Items = Sub(schema, "items"),
                Contains = Sub(schema, "contains"),
                // Without contains, minContains and maxContains have no effect (2020-12 §6.4.4-5).
                MinContains = schema.Get("contains") is null ? null : _builder._constraints.ReadCount(schema, "minContains"),
                MaxContains = schema.Get("contains") is null ? null : _builder._constraints.ReadCount(schema, "maxContains"),
                AllOf = List(schema, "allOf"),
                AnyOf = List(schema, "anyOf"),
                OneOf = List(schema, "oneOf"),
                Not = Sub(schema, "not"),
                If = Sub(schema, "if"),
                Then = schema.Get("if") is null ? null : Sub(schema, "then"),
                Else = schema.Get("if") is null ? null : Sub(schema, "else"),
                Ref = reference,
                DynamicRef = dynamicReference,
                UnevaluatedItems = Sub(schema, "unevaluatedItems"),
                UnevaluatedProperties = Sub(schema, "unevaluatedProperties"),
            };
        }

        private static EquatableArray<DependentRequirement> DependentRequired(YamlNode schema)
        {
            if (schema.Get("dependentRequired") is not { IsMapping: true } map)
            {
                return EquatableArray<DependentRequirement>.Empty;
            }

            return map.Pairs!
                .Where(p => p.Key.Value is not null && p.Value.IsSequence)
                .Select(p => new DependentRequirement(p.Key.Value!, p.Value.Items!.Where(n => n.IsScalar).Select(n => n.Value!).ToEquatableArray()))
                .ToEquatableArray();
        }

        private sealed class NodeInScopeComparer : IEqualityComparer<(YamlNode Schema, DynamicBinding Scope)>
        {
            public bool Equals((YamlNode Schema, DynamicBinding Scope) x, (YamlNode Schema, DynamicBinding Scope) y) =>
                ReferenceEquals(x.Schema, y.Schema) && x.Scope.Equals(y.Scope);

            public int GetHashCode((YamlNode Schema, DynamicBinding Scope) node) =>
                (ReferenceEqualityComparer.Instance.GetHashCode(node.Schema) * 397) ^ node.Scope.GetHashCode();
        }
    }
}
