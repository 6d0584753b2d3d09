using System;
using System.Collections.Generic;
using System.Linq;
using OpenApiSdk.Generator.Model;
using OpenApiSdk.Generator.Validation;
using OpenApiSdk.Generator.Yaml;

namespace OpenApiSdk.Generator.Building;

/// <summary>
/// The part of <see cref="SchemaBuilder"/> for <c>unevaluatedProperties</c> and <c>unevaluatedItems</c> (JSON Schema
/// 2020-12 §11). An object's declared properties are always evaluated; what else evaluates a member (patternProperties,
/// additionalProperties, the if/then/else branch that applied) is gathered here from the schema and its allOf parts.
/// </summary>
internal sealed partial class SchemaBuilder
{
    /// <summary>Keywords of an <c>unevaluatedProperties</c> schema that the member check states (besides annotations).</summary>
    private static readonly HashSet<string> MemberSchemaKeywords = new(
        Catalogue.Names(JsonTypes.String | JsonTypes.Number | JsonTypes.Integer | JsonTypes.Boolean).Concat(new[] { "type", "nullable" }), StringComparer.Ordinal);

    /// <summary>What evaluates members of an object type besides its declared properties, gathered from the schema and its allOf parts.</summary>
    private sealed class Evaluation
    {
        public List<string> Patterns { get; } = new();

        public List<string> Names { get; } = new();

        /// <summary>An <c>additionalProperties</c> (or a part's <c>unevaluatedProperties</c>) evaluates every member.</summary>
        public bool All { get; set; }
    }

    /// <summary>
    /// The <c>unevaluatedProperties</c> of an object type; null when it has none or nothing can be unevaluated.
    /// <paramref name="rules"/> are its if/then/else rules with their index in <paramref name="built"/> (-1 when not checked);
    /// the built ones are given the names their branches evaluate.
    /// </summary>
    private UnevaluatedModel? BuildUnevaluated(PendingType pending, List<(YamlNode Node, int Built)> rules, List<RuleModel> built)
    {
        YamlNode schema = pending.Node;
        var evaluation = new Evaluation();
        GatherEvaluation(schema, schema, pending.SchemaName, evaluation, 0, new HashSet<YamlNode>(ReferenceEqualityComparer.Instance), inAlternative: false);
        YamlNode? keyword = KeyNode(schema, "unevaluatedProperties");
        YamlNode? value = schema.Get("unevaluatedProperties");
        if (keyword is null || value is null)
        {
            return null;
        }

        // Only members kept in AdditionalProperties can be unevaluated: declared names are evaluated by 'properties'.
        var declared = new HashSet<string>(StringComparer.Ordinal);
        foreach (PropertyModel property in pending.Properties ?? EquatableArray<PropertyModel>.Empty)
        {
            declared.Add(property.JsonName);
        }

        foreach ((YamlNode node, int index) in rules)
        {
            List<string> ifHolds = BranchNames(node.Get("if"), declared), otherwise = BranchNames(node.Get("else"), declared);
            ifHolds.AddRange(BranchNames(node.Get("then"), declared));
            if (index < 0)
            {
                // A rule the SDK does not check (reported where it is built): its members count as evaluated either way.
                evaluation.Names.AddRange(ifHolds);
                evaluation.Names.AddRange(otherwise);
            }
            else if (ifHolds.Count > 0 || otherwise.Count > 0)
            {
                built[index] = built[index] with { EvaluatedIfHolds = ifHolds.ToEquatableArray(), EvaluatedOtherwise = otherwise.ToEquatableArray() };
            }
        }

        if (evaluation.All || value is { IsScalar: true, Value: "true" } || IsAnnotationOnly(value))
        {
            return null; // every member is evaluated (or any value is allowed): nothing to check
        }

        MemberSchema? memberSchema = null;
        if (!(value is { IsScalar: true, Value: "false" }))
        {
            memberSchema = MemberSchemaOf(value, keyword, pending.SchemaName);
            if (memberSchema is null)
            {
                return null;
            }
        }

        evaluation.Names.RemoveAll(declared.Contains);
        return new UnevaluatedModel(Distinct(evaluation.Patterns), Distinct(evaluation.Names), memberSchema);
    }

    /// <summary>Walks the schema and its allOf parts for patternProperties, additionalProperties and, in parts, unevaluatedProperties.</summary>
    /// <param name="inAlternative">The walk is inside an alternative of a oneOf/anyOf or a dependent schema.</param>
    private void GatherEvaluation(YamlNode top, YamlNode schema, string where, Evaluation evaluation, int depth, HashSet<YamlNode> visited, bool inAlternative)
    {
        if (depth > 32 || _refs.Resolve(schema) is not { IsMapping: true } resolved || !visited.Add(resolved))
        {
            return;
        }

        bool collect = top.Get("unevaluatedProperties") is not null; // otherwise only a part's unevaluatedProperties is looked for
        if (collect && resolved.Get("patternProperties") is { IsMapping: true } patterns)
        {
            foreach (KeyValuePair<YamlNode, YamlNode> pair in patterns.Pairs!)
            {
                if (_constraints.ValidPattern(pair.Key) is { } pattern)
                {
                    evaluation.Patterns.Add(pattern);
                }
            }
        }

        if (resolved.Get("additionalProperties") is { IsNull: false })
        {
            evaluation.All = true; // with any value, additionalProperties evaluates every member its schema does not name
        }

        if (!ReferenceEquals(resolved, top) && KeyNode(resolved, "unevaluatedProperties") is { } partKeyword)
        {
            // A part's unevaluatedProperties sees only the part's own properties; checked where the part is a type of its own.
            evaluation.All = true;
            ReportUnsupported(resolved, partKeyword, $"'unevaluatedProperties' in an allOf part (in {where})", "it is checked where the part is used on its own, not for the members of this schema that only other parts declare");
        }

        // A oneOf/anyOf of the schema or of its allOf parts is a choice rule (SchemaBuilder.ChoiceRules): the members its
        // alternatives declare are evaluated when that alternative matches (ValidationEmitter.EvaluatedTerms). Below an
        // alternative, and for dependentSchemas, which are not checked, a member any alternative names counts as evaluated.
        foreach (string choice in new[] { "oneOf", "anyOf", "dependentSchemas" })
        {
            if (!collect || resolved.Get(choice) is not { } alternatives)
            {
                continue;
            }

            bool unconditional = inAlternative || choice == "dependentSchemas";
            IEnumerable<YamlNode> each = alternatives.IsSequence ? alternatives.Items! : alternatives.IsMapping ? Values(alternatives) : Array.Empty<YamlNode>();
            foreach (YamlNode alternative in each)
            {
                if (unconditional)
                {
                    var names = new List<KeyValuePair<YamlNode, YamlNode>>();
                    CollectObject(alternative, names, new List<YamlNode>(), 0, new HashSet<YamlNode>(ReferenceEqualityComparer.Instance));
                    foreach (KeyValuePair<YamlNode, YamlNode> name in names)
                    {
                        evaluation.Names.Add(name.Key.Value!);
                    }
                }

                GatherEvaluation(top, alternative, where, evaluation, depth + 1, visited, inAlternative: true);
            }

            if (unconditional)
            {
                ReportUnsupported(top, KeyNode(top, "unevaluatedProperties")!, $"'unevaluatedProperties' beside '{choice}' (in {where})", "a member that any alternative names counts as evaluated, whether or not that alternative holds");
            }
        }

        if (resolved.Get("allOf") is { IsSequence: true } allOf)
        {
            foreach (YamlNode part in allOf.Items!)
            {
                GatherEvaluation(top, part, where, evaluation, depth + 1, visited, inAlternative);
            }
        }
    }

    /// <summary>The undeclared member names a rule branch's <c>properties</c> lists (its allOf parts included).</summary>
    private List<string> BranchNames(YamlNode? branch, HashSet<string> declared)
    {
        var names = new List<string>();
        if (branch is null)
        {
            return names;
        }

        var properties = new List<KeyValuePair<YamlNode, YamlNode>>();
        CollectObject(branch, properties, new List<YamlNode>(), 0, new HashSet<YamlNode>(ReferenceEqualityComparer.Instance));
        foreach (KeyValuePair<YamlNode, YamlNode> pair in properties)
        {
            if (pair.Key.Value is { } name && !declared.Contains(name) && !names.Contains(name))
            {
                names.Add(name);
            }
        }

        return names;
    }

    /// <summary>
    /// The check of each unevaluated member's value: its JSON type, and for a scalar the constraints the generator checks
    /// elsewhere. Keywords outside that are reported; null (nothing checked) when the schema states no JSON type.
    /// </summary>
    private MemberSchema? MemberSchemaOf(YamlNode value, YamlNode keyword, string where)
    {
        if (_refs.Resolve(value) is not { IsMapping: true } resolved)
        {
            return null; // a broken reference is reported by the resolver
        }

        string? type = TypeOf(resolved);
        var leftOut = new List<string>();
        foreach (KeyValuePair<YamlNode, YamlNode> pair in resolved.Pairs!)
        {
            string name = pair.Key.Value ?? string.Empty;
            if (!MemberSchemaKeywords.Contains(name) && !AnnotationKeywords.Contains(name) && !name.StartsWith("x-", StringComparison.Ordinal)
                || (type is "object" or "array" && name is not ("type" or "nullable") && !AnnotationKeywords.Contains(name)))
            {
                leftOut.Add("'" + name + "'");
            }
        }

        if (type is null or "null")
        {
            ReportUnsupported(resolved, keyword, $"An 'unevaluatedProperties' schema without a single 'type' (in {where})", "the unevaluated members are not checked against it");
            return null;
        }

        TypeRefKind? kind = type switch
        {
            "string" => TypeRefKind.String,
            "integer" => TypeRefKind.Int64,
            "number" => TypeRefKind.Double,
            "boolean" => TypeRefKind.Boolean,
            _ => null,
        };
        if (resolved.GetString("format") is { } format && type == "integer" && format == "int32")
        {
            leftOut.Add("format '" + format + "'"); // a string's format is checked (or, unknown, annotates)
        }

        if (leftOut.Count > 0)
        {
            ReportUnsupported(resolved, keyword, $"{string.Join(", ", leftOut)} in an 'unevaluatedProperties' schema (in {where})", "the unevaluated members are checked for their JSON type" + (kind is null ? string.Empty : ", const, enum and the scalar constraints") + " only");
        }

        Constraints constraints = kind is { } scalar ? _constraints.Read(resolved, scalar) : Model.Constraints.None;
        return new MemberSchema(type, kind is { } k ? new TypeRef(k) : null, constraints, AllowsNull(resolved));
    }

    /// <summary>
    /// Whether the generated array honours the schema's <c>unevaluatedItems</c> exactly: with <c>items</c> every item is
    /// evaluated; without it, the schema types the items, and <c>false</c> allows no items (or no more than <c>prefixItems</c> lists).
    /// </summary>
    private static bool UnevaluatedItemsHonoured(YamlNode schema)
    {
        if (PrimaryType(schema) != "array" || schema.Get("contains") is not null || schema.Get("allOf") is not null
            || schema.Get("oneOf") is not null || schema.Get("anyOf") is not null || schema.Get("if") is not null
            || schema.Get("unevaluatedItems") is not { } value)
        {
            return false;
        }

        if (schema.Get("items") is not null || value is { IsScalar: true, Value: "true" or "false" })
        {
            return true;
        }

        return value.IsMapping && schema.Get("prefixItems") is null;
    }

    /// <summary>
    /// The item schema and the item limit <c>unevaluatedItems</c> gives an array without <c>items</c>: a schema shapes every
    /// item; <c>false</c> allows no item past <c>prefixItems</c> (none without it).
    /// </summary>
    private static (YamlNode? Items, int? MaxItems) UnevaluatedItems(YamlNode schema)
    {
        if (schema.Get("items") is { } items)
        {
            return (items, null);
        }

        if (!UnevaluatedItemsHonoured(schema))
        {
            return (null, null);
        }

        YamlNode value = schema.Get("unevaluatedItems")!;
        if (value.IsMapping)
        {
            return (value, null);
        }

        if (value.Value != "false")
        {
            return (null, null);
        }

        return (null, schema.Get("prefixItems") is { IsSequence: true } prefix ? prefix.Items!.Count : 0);
    }

    private static IEnumerable<YamlNode> Values(YamlNode mapping)
    {
        foreach (KeyValuePair<YamlNode, YamlNode> pair in mapping.Pairs!)
        {
            yield return pair.Value;
        }
    }

    private static EquatableArray<string> Distinct(List<string> values)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<string>();
        foreach (string value in values)
        {
            if (seen.Add(value))
            {
                result.Add(value);
            }
        }

        return result.ToEquatableArray();
    }
}
