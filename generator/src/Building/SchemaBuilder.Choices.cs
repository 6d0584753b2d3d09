using System;
using System.Collections.Generic;
using System.Linq;
using OpenApiSdk.Generator.Diagnostics;
using OpenApiSdk.Generator.Model;
using OpenApiSdk.Generator.Naming;
using OpenApiSdk.Generator.Yaml;

namespace OpenApiSdk.Generator.Building;

/// <summary>The part of <see cref="SchemaBuilder"/> for oneOf/anyOf: whether a schema is a choice, shared unions for recurring inline choices, alternatives and their discriminator values.</summary>
internal sealed partial class SchemaBuilder
{
    /// <summary>
    /// The alternatives of a schema that is a choice (<c>oneOf</c>, else <c>anyOf</c>) and nothing else: no
    /// properties, items or allOf of its own, and no alternative that is a bare fragment (<c>{required: [a]}</c>)
    /// whose rules a typed alternative could not carry. Null alternatives are left out and noted.
    /// </summary>
    private Choice? ChoiceOf(YamlNode schema)
    {
        if (!schema.IsMapping)
        {
            return null;
        }

        if (_choices.TryGetValue(schema, out Choice? known))
        {
            return known;
        }

        // A choice whose alternatives lead back to it with no typed schema in between (A: oneOf [$ref A, ...])
        // could never be read; while it is being decided it counts as a fragment, so it is not a union.
        if (!_choosing.Add(schema))
        {
            return null;
        }

        Choice? choice = DecideChoice(schema);
        _choosing.Remove(schema);
        _choices[schema] = choice;
        return choice;
    }

    private Choice? DecideChoice(YamlNode schema)
    {
        YamlNode? list = schema.Get("oneOf") is { IsSequence: true } oneOf ? oneOf : schema.Get("anyOf") is { IsSequence: true } anyOf ? anyOf : null;
        if (list is null || list.Items!.Count == 0 || ConstAlternatives(schema) is not null
            || schema.Get("properties") is not null || schema.Get("allOf") is not null || schema.Get("additionalProperties") is not null || schema.Get("items") is not null
            || schema.Get("unevaluatedItems") is not null // items the alternatives evaluate: a union cannot tell, the JSON-value validator can
            || (schema.Get("type") is { IsScalar: true } type && type.Value is not ("object" or "null")))
        {
            return null;
        }

        var alternatives = new List<YamlNode>(list.Items.Count);
        bool hasNull = false;
        foreach (YamlNode alternative in list.Items)
        {
            if (_refs.Resolve(alternative) is not { } resolved)
            {
                continue; // a broken $ref, reported by the resolver
            }

            if (IsNullOnly(resolved))
            {
                hasNull = true;
                continue;
            }

            if (resolved.IsMapping && TypeOf(resolved) is null && ChoiceOf(resolved) is null && !IsAnnotationOnly(resolved))
            {
                return null; // a fragment such as {required: [a]}: kept as JSON and reported
            }

            hasNull |= resolved.IsMapping && AllowsNull(resolved);
            alternatives.Add(alternative);
        }

        return alternatives.Count == 0 ? null : new Choice(alternatives, hasNull);
    }

    /// <summary>
    /// The string values of an enum written as alternatives, <c>oneOf: [{const: CREATE, description: ...}, ...]</c>
    /// (each alternative a string <c>const</c> or one-value <c>enum</c>); null when the schema is not that.
    /// </summary>
    private static List<YamlNode>? ConstAlternatives(YamlNode schema)
    {
        if (!schema.IsMapping || (schema.Get("oneOf") ?? schema.Get("anyOf")) is not { IsSequence: true } list || list.Items!.Count == 0 || schema.Get("enum") is not null)
        {
            return null;
        }

        var values = new List<YamlNode>(list.Items.Count);
        foreach (YamlNode alternative in list.Items)
        {
            if (!alternative.IsMapping)
            {
                return null;
            }

            YamlNode? value = null;
            foreach (KeyValuePair<YamlNode, YamlNode> pair in alternative.Pairs!)
            {
                switch (pair.Key.Value)
                {
                    case "const":
                        value = pair.Value;
                        break;
                    case "enum" when pair.Value is { IsSequence: true } one && one.Items!.Count == 1:
                        value = one.Items[0];
                        break;
                    case "type" when pair.Value.Value == "string":
                    case "description" or "title" or "$comment":
                        break;
                    default:
                        return null;
                }
            }

            if (value is null || JsonLiterals.From(value) is not { Kind: JsonLiteralKind.String })
            {
                return null;
            }

            values.Add(value);
        }

        return values;
    }

    /// <summary>
    /// A key that is equal for inline choices that would generate the same type: the same keyword, no
    /// discriminator, and alternatives that are the same references or the same inline schemas (written out
    /// in full, constraints included, documentation left out). Null when an alternative nests too deep to
    /// compare cheaply, or when keywords beside the choice may make the union check its JSON against its own schema
    /// (<c>unevaluatedProperties</c>, ...); that choice stays a type of its own named after where it is.
    /// </summary>
    private string? SharedUnionKey(YamlNode schema, Choice choice)
    {
        if (schema.Get("discriminator") is not null
            || schema.Pairs!.Any(p => p.Key.Value is { } key && key is not ("oneOf" or "anyOf") && JsonValueKeywords.Contains(key)))
        {
            return null;
        }

        var key = new System.Text.StringBuilder(schema.Get("oneOf") is null ? "anyOf" : "oneOf");
        foreach (YamlNode alternative in choice.Alternatives)
        {
            key.Append('|');
            if (alternative.GetString("$ref") is { } reference)
            {
                if (_refs.Resolve(alternative) is not { } target || !_typesByNode.ContainsKey(target))
                {
                    return null; // an alias of a non-type schema: its shape depends on more than the reference
                }

                key.Append("$ref ").Append(reference);
            }
            else if (!Canonical(alternative, key, 0))
            {
                return null;
            }
        }

        return key.ToString();
    }

    /// <summary>Appends a YAML node as unambiguous text (scalars quoted and escaped); false when it nests too deep.</summary>
    private static bool Canonical(YamlNode node, System.Text.StringBuilder into, int depth)
    {
        if (depth > 8)
        {
            return false;
        }

        if (node.IsMapping)
        {
            into.Append('{');
            foreach (KeyValuePair<YamlNode, YamlNode> pair in node.Pairs!)
            {
                string name = pair.Key.Value ?? string.Empty;
                if (name is "description" or "title" or "example" or "examples" or "$comment" || name.StartsWith("x-", StringComparison.Ordinal))
                {
                    continue; // documentation only: not part of what the type is
                }

                into.Append(name.Length).Append(':').Append(name).Append('=');
                if (!Canonical(pair.Value, into, depth + 1))
                {
                    return false;
                }
            }

            into.Append('}');
        }
        else if (node.IsSequence)
        {
            into.Append('[');
            foreach (YamlNode item in node.Items!)
            {
                if (!Canonical(item, into, depth + 1))
                {
                    return false;
                }

                into.Append(',');
            }

            into.Append(']');
        }
        else
        {
            string text = node.Value ?? "~";
            into.Append(text.Length).Append(':').Append(text);
        }

        return true;
    }

    /// <summary><c>StringOrAccount</c>: a shared union is named after its alternatives.</summary>
    private string SharedUnionName(Choice choice)
    {
        var parts = new List<string>(choice.Alternatives.Count);
        foreach (YamlNode alternative in choice.Alternatives)
        {
            if (_refs.Resolve(alternative) is { } target && _typesByNode.TryGetValue(target, out PendingType? type))
            {
                parts.Add(type.Name);
            }
            else
            {
                parts.Add(TypeOf(alternative) switch
                {
                    "integer" => alternative.GetString("format") == "int32" ? "Int32" : "Int64",
                    "number" => "Number",
                    "boolean" => "Boolean",
                    "string" => "String",
                    "array" => "List",
                    "object" => "Object",
                    _ => "Value",
                });
            }
        }

        return string.Join("Or", parts);
    }

    private static readonly string[] ReservedVariantNames = { "Json", "Valid", "Value" };

    private UnionModel BuildUnion(PendingType pending)
    {
        YamlNode schema = pending.Node;
        Choice choice = ChoiceOf(schema)!;
        YamlNode? discriminator = schema.Get("discriminator");
        string? propertyName = discriminator?.GetString("propertyName");
        var scope = new NameScope(ReservedVariantNames);
        foreach (string prefix in new[] { "Is", "As", "From" })
        {
            if (pending.Name.StartsWith(prefix, StringComparison.Ordinal) && pending.Name.Length > prefix.Length)
            {
                scope.Reserve(pending.Name.Substring(prefix.Length)); // IsCat cannot declare IsCat for its Cat alternative
            }
        }

        (string Property, EquatableArray<string>[] Tags)? constTags = propertyName is null ? ConstTags(schema, choice) : null;
        propertyName ??= constTags?.Property;
        var variants = new List<VariantModel>(choice.Alternatives.Count);
        for (int i = 0; i < choice.Alternatives.Count; i++)
        {
            YamlNode alternative = choice.Alternatives[i];
            string? inlineName = alternative.Get("$ref") is null ? InlineAlternativeName(alternative) : null;
            Shape shape = ShapeOf(alternative, pending.Name, inlineName ?? "Option" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));

            // An inline object or enum alternative is a type named {Union}{Name}; the alternative is just {Name}.
            bool inlineType = inlineName is not null && shape.Type.Kind is TypeRefKind.Model or TypeRefKind.Enum or TypeRefKind.Union;
            string name = scope.Claim(inlineType ? inlineName! : VariantName(shape.Type));
            EquatableArray<string> tags = constTags is { } fixedTags ? fixedTags.Tags[i] : propertyName is null ? EquatableArray<string>.Empty : Tags(alternative, discriminator!);
            string origin = alternative.GetString("$ref") ?? pending.SchemaName + "/" + (schema.Get("oneOf") is null ? "anyOf/" : "oneOf/") + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            variants.Add(new VariantModel(name, shape.Type, shape.Constraints, tags, origin));
        }

        // An alternative with no discriminator value (inline, unmapped) could never be chosen by it: then the
        // alternatives are told apart by what the JSON is valid against, as JSON Schema itself does.
        bool tagged = propertyName is not null && variants.TrueForAll(v => !v.Tags.IsEmpty);
        return new UnionModel(schema.Get("oneOf") is { IsSequence: true }, tagged ? propertyName : null, variants.ToEquatableArray(), tagged && discriminator is not null ? DefaultVariant(pending, choice, discriminator) : null);
    }

    /// <summary>
    /// Without a <c>discriminator</c>, alternatives that are objects each requiring one property fixed to its own string
    /// (<c>const</c>, or a one-value <c>enum</c>) are told apart by that property, as a discriminator would: the JSON can only
    /// be valid against the alternative whose value it carries, so reading by the value holds what JSON Schema's
    /// evaluation would, without trying each alternative. OpenAPI 3.2 types an event stream's kinds so (each event
    /// object fixes <c>event</c>). The first such property of the first alternative, in document order; null when none.
    /// </summary>
    private (string Property, EquatableArray<string>[] Tags)? ConstTags(YamlNode union, Choice choice)
    {
        var unionRequired = new HashSet<string>(StringComparer.Ordinal);
        foreach (YamlNode name in union.Get("required") is { IsSequence: true } names ? names.Items! : new List<YamlNode>())
        {
            if (name.Value is { } value)
            {
                unionRequired.Add(value);
            }
        }

        var fixedValues = new List<Dictionary<string, string>>(choice.Alternatives.Count);
        var candidates = new List<string>(); // the first alternative's, in document order
        foreach (YamlNode alternative in choice.Alternatives)
        {
            var properties = new List<KeyValuePair<YamlNode, YamlNode>>();
            var required = new List<YamlNode>();
            CollectObject(alternative, properties, required, 0, new HashSet<YamlNode>(ReferenceEqualityComparer.Instance));
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (KeyValuePair<YamlNode, YamlNode> property in properties)
            {
                string name = property.Key.Value!;
                bool isRequired = unionRequired.Contains(name) || required.Exists(r => r.Value == name);
                if (isRequired && FixedString(property.Value) is { } value)
                {
                    values[name] = value;
                    if (fixedValues.Count == 0 && !candidates.Contains(name))
                    {
                        candidates.Add(name);
                    }
                }
            }

            fixedValues.Add(values);
        }

        foreach (string candidate in candidates)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            if (fixedValues.TrueForAll(values => values.TryGetValue(candidate, out string? value) && seen.Add(value)))
            {
                return (candidate, fixedValues.Select(values => new[] { values[candidate] }.ToEquatableArray()).ToArray());
            }
        }

        return null;
    }

    /// <summary>The one string a property schema allows (<c>const</c>, or an <c>enum</c> of one string); null otherwise.</summary>
    private string? FixedString(YamlNode propertySchema)
    {
        if (_refs.Resolve(propertySchema) is not { IsMapping: true } schema)
        {
            return null;
        }

        YamlNode? value = schema.Get("const") ?? (schema.Get("enum") is { IsSequence: true } values && values.Items!.Count == 1 ? values.Items[0] : null);
        return value is not null && JsonLiterals.From(value) is { Kind: JsonLiteralKind.String } literal ? literal.Text : null;
    }

    /// <summary>
    /// The alternative OpenAPI 3.2's <c>defaultMapping</c> names (a schema name or a reference, like a <c>mapping</c>
    /// value): read when the discriminator is absent or names no alternative. Null without one; reported when it names none.
    /// </summary>
    private int? DefaultVariant(PendingType pending, Choice choice, YamlNode discriminator)
    {
        if (discriminator.Get("defaultMapping") is not { IsScalar: true, Value: { } pointsAt } defaultMapping)
        {
            return null;
        }

        YamlNode? target = _refs.Lookup(pointsAt.IndexOf('/') >= 0 ? pointsAt : "#/components/schemas/" + pointsAt);
        for (int i = 0; target is not null && i < choice.Alternatives.Count; i++)
        {
            if (choice.Alternatives[i].Get("$ref") is not null && ReferenceEquals(_refs.Resolve(choice.Alternatives[i]), target))
            {
                return i;
            }
        }

        _diagnostics.Report(DiagnosticDescriptors.InvalidSchema, defaultMapping, $"The defaultMapping '{pointsAt}' of {pending.SchemaName} names none of its alternatives; it is ignored, so an object without '{discriminator.GetString("propertyName")}' is reported as matching no alternative");
        return null;
    }

    /// <summary>
    /// A readable name for an inline alternative: its <c>title</c>; for a one-value string enum the value
    /// (<c>unlimited</c> → <c>Unlimited</c>, <c>''</c> → <c>Empty</c>); else <c>Object</c>/<c>Enum</c>/<c>List</c>.
    /// </summary>
    private static string? InlineAlternativeName(YamlNode alternative)
    {
        if (alternative.GetString("title") is { Length: > 0 } title)
        {
            return Identifiers.Truncate(Identifiers.ToPascalCase(title), 40);
        }

        if (alternative.Get("enum") is { IsSequence: true } values && values.Items!.Count == 1 && JsonLiterals.From(values.Items[0]) is { Kind: JsonLiteralKind.String } only)
        {
            return only.Text.Length == 0 ? "Empty" : Identifiers.Truncate(MemberName(only.Text, spelled: false), 40);
        }

        return PrimaryType(alternative) switch
        {
            "object" => "Object",
            "array" => "List",
            "string" when IsStringEnum(alternative) => "Enum",
            _ => null,
        };
    }

    private static string VariantName(TypeRef type) => type.Kind switch
    {
        TypeRefKind.Model or TypeRefKind.Enum or TypeRefKind.Union => type.ModelName!,
        TypeRefKind.DateTimeOffset => "DateTime",
        TypeRefKind.Array => VariantName(type.Element!) + "List",
        TypeRefKind.Map => VariantName(type.Element!) + "Map",
        TypeRefKind.Any => "JsonValue",
        _ => type.Kind.ToString(),
    };

    /// <summary>
    /// The discriminator values that choose <paramref name="alternative"/>: the <c>mapping</c> keys that point at
    /// it, else (as OpenAPI says) the name of the component schema it refers to. An inline alternative has none.
    /// </summary>
    private EquatableArray<string> Tags(YamlNode alternative, YamlNode discriminator)
    {
        if (alternative.GetString("$ref") is not { } reference || _refs.Resolve(alternative) is not { } target)
        {
            return EquatableArray<string>.Empty;
        }

        var tags = new List<string>();
        if (discriminator.Get("mapping") is { IsMapping: true } mapping)
        {
            foreach (KeyValuePair<YamlNode, YamlNode> pair in mapping.Pairs!)
            {
                if (pair.Key.Value is not { } tag || pair.Value.Value is not { } pointsAt)
                {
                    continue;
                }

                // A mapping value is a reference ('#/components/schemas/Cat') or a bare schema name ('Cat').
                string targetReference = pointsAt.IndexOf('/') >= 0 ? pointsAt : "#/components/schemas/" + pointsAt;
                if (targetReference == reference || ReferenceEquals(_refs.Lookup(targetReference), target))
                {
                    tags.Add(tag);
                }
            }
        }

        if (tags.Count == 0)
        {
            tags.Add(RefResolver.Unescape(reference.Substring(reference.LastIndexOf('/') + 1)));
        }

        return tags.ToEquatableArray();
    }
}
