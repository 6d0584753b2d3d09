using System;
using System.Collections.Generic;
using OpenApiSdk.Common;
using OpenApiSdk.Generator.Yaml;

namespace OpenApiSdk.Generator.Building;

/// <summary>
/// JSON Schema 2020-12 makes <c>$ref</c> an applicator like <c>allOf</c> (core §8.2.3.1): its sibling keywords apply
/// too, so <c>{$ref: X, maxItems: 2}</c> means <c>{maxItems: 2, allOf: [{$ref: X}]}</c>. For a 3.1 or 3.2 document this
/// stage, between reading and building (like <see cref="Swagger2Document"/>), writes every schema whose <c>$ref</c> has
/// siblings that assert something in that form, so every builder sees one shape: a schema with a <c>$ref</c> is only a
/// reference (plus annotations), and <see cref="RefResolver.Resolve"/> loses nothing by following it. The reference
/// becomes the last <c>allOf</c> part (pointers to existing parts keep their index); the new nodes take the positions of
/// the nodes they come from (the part is at the <c>$ref</c>'s value), and every node not on the way to a rewritten
/// schema is the original one. OpenAPI 3.0 ignores a Reference Object's siblings (3.0.3 §4.7.24), so 3.0 is left as is.
/// </summary>
internal static class RefSiblings
{
    private const int MaxDepth = 512;

    /// <summary>Siblings that only describe or identify, and so do not make a <c>$ref</c> an <c>allOf</c>.</summary>
    private static readonly HashSet<string> Passive = new(StringComparer.Ordinal)
    {
        "$ref", "$id", "$schema", "$anchor", "$dynamicAnchor", "$defs", "definitions", "$vocabulary", "$comment",
        "description", "title", "example", "examples", "default", "deprecated", "readOnly", "writeOnly", "nullable", "externalDocs", "xml", "discriminator",
    };

    /// <summary>Keywords that make a schema with <c>allOf</c> an object type of its own rather than an alias of its one part.</summary>
    private static readonly string[] ObjectKeywords =
    {
        "required", "unevaluatedProperties", "patternProperties", "propertyNames", "minProperties", "maxProperties", "dependentRequired", "dependentSchemas",
    };

    /// <summary>Whether <paramref name="schema"/> has object keywords of its own (beyond <c>properties</c>/<c>additionalProperties</c>).</summary>
    public static bool HasObjectKeywords(YamlNode schema)
    {
        foreach (string keyword in ObjectKeywords)
        {
            if (schema.Get(keyword) is not null)
            {
                return true;
            }
        }

        return false;
    }

    public static YamlNode Apply(YamlNode root)
    {
        var done = new Dictionary<YamlNode, YamlNode>(ReferenceEqualityComparer.Instance);
        var context = new Context(root);
        return Document(root, context, done, 0);
    }

    /// <summary>The document, and its resources once a <c>$dynamicRef</c> needs them.</summary>
    private sealed class Context
    {
        private SchemaResources? _resources;

        public Context(YamlNode root) => Root = root;

        public YamlNode Root { get; }

        public SchemaResources Resources => _resources ??= new SchemaResources(Root);
    }

    /// <summary>Whether <paramref name="schema"/> has a <c>$ref</c> beside keywords that assert something.</summary>
    public static bool HasApplyingSiblings(YamlNode schema)
    {
        if (!schema.IsMapping || schema.Get("$ref") is not { IsScalar: true })
        {
            return false;
        }

        foreach (KeyValuePair<YamlNode, YamlNode> pair in schema.Pairs!)
        {
            string key = pair.Key.Value ?? string.Empty;
            if (!Passive.Contains(key) && !key.StartsWith("x-", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static YamlNode Document(YamlNode node, Context context, Dictionary<YamlNode, YamlNode> done, int depth)
    {
        if (depth > MaxDepth || !(node.IsMapping || node.IsSequence))
        {
            return node;
        }

        if (done.TryGetValue(node, out YamlNode? known))
        {
            return known;
        }

        done[node] = node; // a YAML alias cycle ends here
        YamlNode result;
        if (node.IsSequence)
        {
            result = Items(node, item => Document(item, context, done, depth + 1));
        }
        else
        {
            bool isComponents = ReferenceEquals(node, context.Root.Get("components"));
            result = Pairs(node, pair =>
            {
                string key = pair.Key.Value ?? string.Empty;
                return key is "schema" or "itemSchema" ? Schema(pair.Value, context, done, depth + 1)
                    : key == "schemas" && isComponents ? Members(pair.Value, value => Schema(value, context, done, depth + 1))
                    : SchemaResources.DataMembers.Contains(key) || key.StartsWith("x-", StringComparison.Ordinal) ? pair.Value
                    : Document(pair.Value, context, done, depth + 1);
            });
        }

        done[node] = result;
        return result;
    }

    private static YamlNode Schema(YamlNode schema, Context context, Dictionary<YamlNode, YamlNode> done, int depth)
    {
        if (depth > MaxDepth || !schema.IsMapping)
        {
            return schema;
        }

        if (done.TryGetValue(schema, out YamlNode? known))
        {
            return known;
        }

        done[schema] = schema;
        YamlNode result = Pairs(schema, pair =>
        {
            string key = pair.Key.Value ?? string.Empty;
            return SchemaResources.SchemaListKeywords.Contains(key) && pair.Value.IsSequence ? Items(pair.Value, item => Schema(item, context, done, depth + 1))
                : SchemaResources.SchemaMapKeywords.Contains(key) ? Members(pair.Value, value => Schema(value, context, done, depth + 1))
                : SchemaResources.SchemaKeywords.Contains(key) ? Schema(pair.Value, context, done, depth + 1)
                : pair.Value;
        });

        if (result.Get("$dynamicRef") is { IsScalar: true } && result.Get("$ref") is null && context.Resources.StaticDynamicTarget(schema) is { } target)
        {
            bool initial = target == UriReference.Resolve(context.Resources.BaseOf(schema), result.GetString("$dynamicRef")!);
            result = AsReference(result, initial ? null : target);
        }

        if (HasApplyingSiblings(result) || BindsAnchorForItsReference(schema, result, context))
        {
            result = AsAllOf(result);
        }

        done[schema] = result;
        return result;
    }

    /// <summary>
    /// Whether a resource that <c>$ref</c>s another binds a dynamic anchor on the way (<c>{$id: product-page, $ref: page,
    /// $defs: {item: {$dynamicAnchor: item, ...}}}</c>): then it is no alias of its target, since the target's
    /// <c>$dynamicRef</c>s go elsewhere through it; written as an <c>allOf</c>, it becomes a type of its own.
    /// </summary>
    private static bool BindsAnchorForItsReference(YamlNode schema, YamlNode result, Context context) =>
        result.Get("$ref") is { IsScalar: true } && result.Get("$id") is not null && context.Resources.BindsScopedAnchor(schema);

    /// <summary>
    /// A <c>$dynamicRef</c> whose target does not depend on the dynamic scope, as the <c>$ref</c> it then is: its own text
    /// when that is the target (it resolves against the same base), else the target's absolute URI.
    /// </summary>
    private static YamlNode AsReference(YamlNode schema, string? target)
    {
        YamlNode result = Copy(YamlNode.Mapping(schema.Line, schema.Column, schema.Pairs!.Count), schema);
        foreach (KeyValuePair<YamlNode, YamlNode> pair in schema.Pairs!)
        {
            result.Pairs!.Add(pair.Key.Value == "$dynamicRef"
                ? new KeyValuePair<YamlNode, YamlNode>(
                    YamlNode.Scalar("$ref", plain: true, pair.Key.Line, pair.Key.Column),
                    target is null ? pair.Value : Copy(YamlNode.Scalar(target, plain: false, pair.Value.Line, pair.Value.Column), pair.Value))
                : pair);
        }

        return result;
    }

    /// <summary><c>{$ref: X, k: v}</c> as <c>{k: v, allOf: [..., {$ref: X}]}</c>.</summary>
    private static YamlNode AsAllOf(YamlNode schema)
    {
        KeyValuePair<YamlNode, YamlNode> reference = default;
        KeyValuePair<YamlNode, YamlNode>? allOf = null;
        var pairs = new List<KeyValuePair<YamlNode, YamlNode>>(schema.Pairs!.Count);
        foreach (KeyValuePair<YamlNode, YamlNode> pair in schema.Pairs!)
        {
            switch (pair.Key.Value)
            {
                case "$ref":
                    reference = pair;
                    break;
                case "allOf" when pair.Value.IsSequence:
                    allOf = pair;
                    break;
                default:
                    pairs.Add(pair);
                    break;
            }
        }

        YamlNode part = Copy(YamlNode.Mapping(reference.Value.Line, reference.Value.Column, 1), reference.Value);
        part.Pairs!.Add(reference);
        YamlNode parts = Copy(YamlNode.Sequence(allOf?.Value.Line ?? reference.Key.Line, allOf?.Value.Column ?? reference.Key.Column), allOf?.Value ?? reference.Value);
        if (allOf is { } existing)
        {
            parts.Items!.AddRange(existing.Value.Items!);
        }

        parts.Items!.Add(part);
        YamlNode key = allOf?.Key ?? YamlNode.Scalar("allOf", plain: true, reference.Key.Line, reference.Key.Column);
        YamlNode result = Copy(YamlNode.Mapping(schema.Line, schema.Column, pairs.Count + 1), schema);
        result.Pairs!.AddRange(pairs);
        result.Pairs.Add(new KeyValuePair<YamlNode, YamlNode>(key, parts));
        return result;
    }

    private static YamlNode Pairs(YamlNode mapping, Func<KeyValuePair<YamlNode, YamlNode>, YamlNode> value)
    {
        List<KeyValuePair<YamlNode, YamlNode>>? changed = null;
        for (int i = 0; i < mapping.Pairs!.Count; i++)
        {
            KeyValuePair<YamlNode, YamlNode> pair = mapping.Pairs[i];
            YamlNode rewritten = value(pair);
            if (!ReferenceEquals(rewritten, pair.Value) && changed is null)
            {
                changed = new List<KeyValuePair<YamlNode, YamlNode>>(mapping.Pairs.Count);
                changed.AddRange(mapping.Pairs.GetRange(0, i));
            }

            changed?.Add(new KeyValuePair<YamlNode, YamlNode>(pair.Key, rewritten));
        }

        if (changed is null)
        {
            return mapping;
        }

        YamlNode result = Copy(YamlNode.Mapping(mapping.Line, mapping.Column, changed.Count), mapping);
        result.Pairs!.AddRange(changed);
        return result;
    }

    private static YamlNode Members(YamlNode mapping, Func<YamlNode, YamlNode> value) =>
        mapping.IsMapping ? Pairs(mapping, pair => value(pair.Value)) : mapping;

    private static YamlNode Items(YamlNode sequence, Func<YamlNode, YamlNode> item)
    {
        List<YamlNode>? changed = null;
        for (int i = 0; i < sequence.Items!.Count; i++)
        {
            YamlNode rewritten = item(sequence.Items[i]);
            if (!ReferenceEquals(rewritten, sequence.Items[i]) && changed is null)
            {
                changed = new List<YamlNode>(sequence.Items.Count);
                changed.AddRange(sequence.Items.GetRange(0, i));
            }

            changed?.Add(rewritten);
        }

        if (changed is null)
        {
            return sequence;
        }

        YamlNode result = Copy(YamlNode.Sequence(sequence.Line, sequence.Column), sequence);
        result.Items!.AddRange(changed);
        return result;
    }

    private static YamlNode Copy(YamlNode created, YamlNode from)
    {
        created.EndLine = from.EndLine;
        created.EndColumn = from.EndColumn;
        return created;
    }
}
