using System;
using System.Collections.Generic;
using OpenApiSdk.Common;
using OpenApiSdk.Generator.Model;
using OpenApiSdk.Generator.Validation;
using OpenApiSdk.Generator.Yaml;

namespace OpenApiSdk.Generator.Building;

/// <summary>
/// The part of <see cref="SchemaBuilder"/> for <c>oneOf</c>/<c>anyOf</c> beside a schema's own keywords: the value keeps
/// the type its own keywords give (an object its properties, a string stays a string), and the choice becomes a
/// <see cref="ChoiceRuleModel"/> whose alternatives are <see cref="SchemaCheck"/>s on that value (JSON Schema 2020-12
/// core 10.2.1.2/10.2.1.3). A keyword an alternative uses that a check cannot carry is reported (OAS010) where it is,
/// and the alternative is marked incomplete: it may then count as matching when it does not, never the reverse.
/// </summary>
internal sealed partial class SchemaBuilder
{
    /// <summary>Fragments built for oneOf/anyOf rules in one spec (each alternative and nested member is one); YAML aliases could otherwise multiply them.</summary>
    private const int MaxChoiceChecks = 4096;

    private int _choiceChecks;

    /// <summary>Keywords of an alternative that only describe, ignored by the checks.</summary>
    private static bool IsChoiceAnnotation(string key) =>
        AnnotationKeywords.Contains(key) || key is "$comment" or "discriminator" or "$id" or "$schema" or "$anchor" or "deprecated"
        || key.StartsWith("x-", StringComparison.Ordinal);

    /// <summary>Keywords on a value that <see cref="ConstraintReader.Read"/> turns into <see cref="Constraints"/> (format is read on its own).</summary>
    private static readonly HashSet<string> ValueCheckKeywords = Catalogue.Names(JsonTypes.Any, withFormat: false);

    /// <summary>Whether any oneOf/anyOf of the schema or its allOf parts can become a rule on it.</summary>
    private static bool HasChoiceKeyword(YamlNode schema) =>
        schema.Get("oneOf") is { IsSequence: true } || schema.Get("anyOf") is { IsSequence: true } || schema.Get("not") is { IsMapping: true };

    /// <summary>The oneOf/anyOf rules of an object type: its own and those of its allOf parts.</summary>
    private EquatableArray<ChoiceRuleModel> ObjectChoices(PendingType pending)
    {
        var rules = new List<ChoiceRuleModel>();
        foreach (YamlNode node in ChoiceNodes(pending.Node, 0, new HashSet<YamlNode>(ReferenceEqualityComparer.Instance)))
        {
            string where = ReferenceEquals(node, pending.Node) ? pending.SchemaName : pending.SchemaName + " (an allOf part)";
            AddChoiceRules(node, where, rules, alternative => ObjectAlternative(alternative.Node, pending, 0, alternative));
        }

        return rules.ToEquatableArray();
    }

    /// <summary>The oneOf/anyOf rules of a string, number, boolean or array value, checked on the value itself.</summary>
    private EquatableArray<ChoiceRuleModel> ValueChoices(YamlNode schema, TypeRef subject, string where)
    {
        var rules = new List<ChoiceRuleModel>();
        AddChoiceRules(schema, where, rules, alternative => ValueAlternative(alternative.Node, subject, alternative));
        return rules.ToEquatableArray();
    }

    private void AddChoiceRules(YamlNode schema, string where, List<ChoiceRuleModel> rules, Func<AlternativeSite, SchemaCheck> build)
    {
        foreach (string keyword in new[] { "oneOf", "anyOf" })
        {
            if (schema.Get(keyword) is not { IsSequence: true } list || list.Items!.Count == 0)
            {
                continue;
            }

            var alternatives = new List<ChoiceAlternativeModel>(list.Items.Count);
            for (int i = 0; i < list.Items.Count; i++)
            {
                YamlNode node = list.Items[i];
                var site = new AlternativeSite(node, keyword, i, where);
                SchemaCheck check = build(site);
                string origin = node.GetString("$ref") ?? where + "/" + keyword + "/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                alternatives.Add(new ChoiceAlternativeModel(check, site.Complete, DeclaredNames(node), origin));
            }

            rules.Add(new ChoiceRuleModel(keyword == "oneOf", alternatives.ToEquatableArray()));
        }

        if (schema.Get("not") is { IsMapping: true } negated)
        {
            var site = new AlternativeSite(negated, "not", 0, where);
            SchemaCheck check = build(site);
            string origin = negated.GetString("$ref") ?? where + "/not";
            rules.Add(new ChoiceRuleModel(false, new[] { new ChoiceAlternativeModel(check, site.Complete, EquatableArray<string>.Empty, origin) }.ToEquatableArray(), Negated: true));
        }
    }

    /// <summary>The schema and its allOf parts (each once) that have a oneOf or anyOf.</summary>
    private IEnumerable<YamlNode> ChoiceNodes(YamlNode schema, int depth, HashSet<YamlNode> visited)
    {
        if (depth > 32 || _refs.Resolve(schema) is not { IsMapping: true } resolved || !visited.Add(resolved))
        {
            yield break;
        }

        if (HasChoiceKeyword(resolved))
        {
            yield return resolved;
        }

        if (resolved.Get("allOf") is { IsSequence: true } allOf)
        {
            foreach (YamlNode part in allOf.Items!)
            {
                foreach (YamlNode node in ChoiceNodes(part, depth + 1, visited))
                {
                    yield return node;
                }
            }
        }
    }

    /// <summary>The names in an alternative's own <c>properties</c> (and its allOf parts'), followed through <c>$ref</c>.</summary>
    private EquatableArray<string> DeclaredNames(YamlNode alternative)
    {
        var properties = new List<KeyValuePair<YamlNode, YamlNode>>();
        CollectObject(alternative, properties, new List<YamlNode>(), 0, new HashSet<YamlNode>(ReferenceEqualityComparer.Instance));
        var names = new List<string>(properties.Count);
        foreach (KeyValuePair<YamlNode, YamlNode> pair in properties)
        {
            if (pair.Key.Value is { } name && !names.Contains(name))
            {
                names.Add(name);
            }
        }

        return names.ToEquatableArray();
    }

    /// <summary>An alternative checked against an object of <paramref name="subject"/>'s type (members by JSON name).</summary>
    private SchemaCheck ObjectAlternative(YamlNode fragment, PendingType subject, int depth, AlternativeSite site)
    {
        if (StartFragment(fragment, depth, site) is not { } resolved)
        {
            return site.Result;
        }

        EquatableArray<PropertyModel> declared = PropertiesOf(subject);
        var required = new List<PropertyModel>();
        var undeclared = new List<string>();
        var properties = new List<PropertyCheck>();
        bool impossible = false;
        foreach (KeyValuePair<YamlNode, YamlNode> pair in resolved.Pairs!)
        {
            string key = pair.Key.Value ?? string.Empty;
            switch (key)
            {
                case "required" when pair.Value.IsSequence:
                    foreach (YamlNode name in pair.Value.Items!)
                    {
                        if (name.Value is not { } jsonName)
                        {
                            continue;
                        }

                        if (Find(declared, jsonName) is { } property)
                        {
                            required.Add(property);
                        }
                        else if (!undeclared.Contains(jsonName))
                        {
                            undeclared.Add(jsonName); // present when AdditionalProperties holds it
                        }
                    }

                    break;
                case "properties" when pair.Value.IsMapping:
                    foreach (KeyValuePair<YamlNode, YamlNode> member in pair.Value.Pairs!)
                    {
                        if (Find(declared, member.Key.Value) is { } property)
                        {
                            properties.Add(PropertyFragment(member.Value, property, depth + 1, site));
                        }
                        else if (!IsTrivialSchema(member.Value))
                        {
                            site.Unchecked(this, member.Key, $"The rules for the member '{ConstraintReader.Shorten(member.Key.Value ?? string.Empty)}', which the object does not declare,");
                        }
                    }

                    break;
                case "allOf" when pair.Value.IsSequence:
                    foreach (YamlNode part in pair.Value.Items!)
                    {
                        SchemaCheck inner = ObjectAlternative(part, subject, depth + 1, site);
                        required.AddRange(inner.Required);
                        undeclared.AddRange(inner.UndeclaredRequired);
                        properties.AddRange(inner.Properties);
                        impossible |= inner.Impossible;
                    }

                    break;
                case "type":
                    impossible |= TypeFits(pair.Value, "object") == false;
                    break;
                case "additionalProperties" when IsTrivialSchema(pair.Value):
                case "$ref":
                    break; // resolved above (OpenAPI 3.0 ignores a reference's siblings)
                default:
                    if (!IsChoiceAnnotation(key))
                    {
                        site.Unchecked(this, pair.Key, $"'{ConstraintReader.Shorten(key)}'");
                    }

                    break;
            }
        }

        return new SchemaCheck(required.ToEquatableArray(), properties.ToEquatableArray(), Model.Constraints.None)
        {
            UndeclaredRequired = undeclared.ToEquatableArray(),
            Impossible = impossible,
        };
    }

    /// <summary>A fragment on a declared member of the object: a nested object's check, or the value's constraints.</summary>
    private PropertyCheck PropertyFragment(YamlNode fragment, PropertyModel property, int depth, AlternativeSite site)
    {
        bool rejectsNull = _refs.Resolve(fragment) is { IsMapping: true } resolved && resolved.Get("type") is { } type
            && TypeFits(type, "null") == false && !resolved.GetBool("nullable");
        if (property.Type.Kind == TypeRefKind.Model && _typesByName.TryGetValue(property.Type.ModelName!, out PendingType? nested))
        {
            return new PropertyCheck(property, ObjectAlternative(fragment, nested, depth, site), rejectsNull);
        }

        return new PropertyCheck(property, ValueAlternative(fragment, property.Type, site), rejectsNull);
    }

    /// <summary>An alternative checked against a non-null value of <paramref name="subject"/> (a string, number, boolean, list, ...).</summary>
    private SchemaCheck ValueAlternative(YamlNode fragment, TypeRef subject, AlternativeSite site)
    {
        if (StartFragment(fragment, 0, site) is not { } resolved)
        {
            return site.Result;
        }

        TypeRefKind kind = subject.Kind == TypeRefKind.Enum ? TypeRefKind.String : subject.Kind;
        bool impossible = false;
        string? format = null;
        foreach (KeyValuePair<YamlNode, YamlNode> pair in resolved.Pairs!)
        {
            string key = pair.Key.Value ?? string.Empty;
            if (ValueCheckKeywords.Contains(key))
            {
                if (!CarriedBy(key, subject.Kind) && AppliesTo(key, JsonTypeOf(subject)))
                {
                    site.Unchecked(this, pair.Key, $"'{key}' on a value typed as {subject.Kind}"); // a date-time's minLength, ...
                }

                continue; // read below, or a keyword for another JSON type, which JSON Schema ignores too
            }

            switch (key)
            {
                case "type":
                    bool? fits = TypeFits(pair.Value, JsonTypeOf(subject));
                    if (fits is null)
                    {
                        site.Unchecked(this, pair.Key, "'type'");
                    }

                    impossible |= fits == false;
                    break;
                case "format":
                    string? value = pair.Value.Value;
                    StringFormat? checkedFormat = _constraints.CheckedFormat(value);
                    if (value is null || FormatHeldByType(value, subject.Kind) || (checkedFormat is null && !(_constraints.ValidateFormats && FormatAsserted(value))))
                    {
                        break; // held by the C# type, or an annotation (an unknown format, or ValidateFormats="false")
                    }

                    if (kind == TypeRefKind.String && checkedFormat is not null)
                    {
                        format = checkedFormat.Name;
                    }
                    else if (JsonTypeOf(subject) == "string" || kind is TypeRefKind.Any or TypeRefKind.Union)
                    {
                        site.Unchecked(this, pair.Key, $"'format: {ConstraintReader.Shorten(value)}'");
                    }

                    break; // a string format on a number or boolean: ignored by JSON Schema too
                case "$ref":
                    break;
                default:
                    if (!IsChoiceAnnotation(key))
                    {
                        site.Unchecked(this, pair.Key, $"'{ConstraintReader.Shorten(key)}'");
                    }

                    break;
            }
        }

        Constraints constraints = kind is TypeRefKind.Any or TypeRefKind.Union or TypeRefKind.Model ? Model.Constraints.None : _constraints.Read(resolved, kind);
        if (format is not null && kind == TypeRefKind.String)
        {
            constraints = constraints with { Format = format };
        }

        return new SchemaCheck(EquatableArray<PropertyModel>.Empty, EquatableArray<PropertyCheck>.Empty, constraints) { Impossible = impossible };
    }

    /// <summary>
    /// The fragment's mapping, ready to be read; null when there is nothing to read, with <see cref="AlternativeSite.Result"/>
    /// set to what it means (<c>true</c>/<c>{}</c> matches, <c>false</c> and <c>{type: 'null'}</c> never match a non-null value).
    /// </summary>
    private YamlNode? StartFragment(YamlNode fragment, int depth, AlternativeSite site)
    {
        var empty = new SchemaCheck(EquatableArray<PropertyModel>.Empty, EquatableArray<PropertyCheck>.Empty, Model.Constraints.None);
        site.Result = empty;
        YamlNode? resolved = _refs.Resolve(fragment);
        if (resolved is null)
        {
            site.Complete = false; // a broken $ref, reported by the resolver
            return null;
        }

        if (!resolved.IsMapping)
        {
            site.Result = empty with { Impossible = resolved.Value == "false" };
            return null;
        }

        if (IsNullOnly(resolved))
        {
            site.Result = empty with { Impossible = true };
            return null;
        }

        if (depth > MaxCheckDepth || ++_choiceChecks > MaxChoiceChecks)
        {
            site.Unchecked(this, fragment, "An alternative that nests more than " + MaxCheckDepth + " levels deep or makes this spec's oneOf/anyOf rules exceed " + MaxChoiceChecks + " checks");
            return null;
        }

        return resolved;
    }

    private static bool CarriedBy(string keyword, TypeRefKind kind) => Catalogue.CarriedBy(keyword, kind);

    private static bool AppliesTo(string keyword, string? jsonType) => Catalogue.AppliesTo(keyword, jsonType);

    /// <summary>A schema that accepts every value: <c>true</c>, <c>{}</c> or only annotations.</summary>
    private bool IsTrivialSchema(YamlNode schema) =>
        _refs.Resolve(schema) is { } resolved && (resolved is { IsScalar: true, Value: "true" } || resolved.IsMapping && AllAnnotations(resolved));

    private static bool AllAnnotations(YamlNode schema)
    {
        foreach (KeyValuePair<YamlNode, YamlNode> pair in schema.Pairs!)
        {
            if (!IsChoiceAnnotation(pair.Key.Value ?? string.Empty))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether a <c>type</c> keyword admits <paramref name="jsonType"/>: true, false, or null when that cannot be told.</summary>
    private static bool? TypeFits(YamlNode type, string? jsonType)
    {
        if (jsonType is null)
        {
            return null;
        }

        var names = new List<string>();
        if (type.IsScalar && type.Value is { } one)
        {
            names.Add(one);
        }
        else if (type.IsSequence)
        {
            foreach (YamlNode item in type.Items!)
            {
                if (item.Value is { } name)
                {
                    names.Add(name);
                }
            }
        }
        else
        {
            return null;
        }

        if (names.Contains(jsonType) || (jsonType == "integer" && names.Contains("number")))
        {
            return true;
        }

        // An integer-valued double would be an "integer": the C# type cannot tell.
        return jsonType == "number" && names.Contains("integer") ? null : false;
    }

    /// <summary>The JSON type every non-null value of <paramref name="type"/> has; null when it is not one (a union, any JSON).</summary>
    private static string? JsonTypeOf(TypeRef type) => type.Kind switch
    {
        TypeRefKind.String or TypeRefKind.DateTimeOffset or TypeRefKind.Guid or TypeRefKind.Bytes or TypeRefKind.Enum => "string",
        TypeRefKind.Int32 or TypeRefKind.Int64 => "integer",
        TypeRefKind.Single or TypeRefKind.Double or TypeRefKind.Decimal => "number",
        TypeRefKind.Boolean => "boolean",
        TypeRefKind.Array => "array",
        TypeRefKind.Model or TypeRefKind.Map => "object",
        _ => null,
    };

    /// <summary>A format the value's C# type already guarantees (a <c>DateTimeOffset</c> is a date-time).</summary>
    private static bool FormatHeldByType(string format, TypeRefKind kind) => (format, kind) switch
    {
        ("date-time", TypeRefKind.DateTimeOffset) or ("uuid", TypeRefKind.Guid) or ("byte", TypeRefKind.Bytes) => true,
        ("int32", TypeRefKind.Int32) or ("int64", TypeRefKind.Int32 or TypeRefKind.Int64) => true,
        ("float" or "double", TypeRefKind.Single or TypeRefKind.Double) => true,
        _ => false,
    };

    /// <summary>Formats the SDK asserts elsewhere (through a C# type) but a check on another type cannot.</summary>
    private static bool FormatAsserted(string format) => format is "byte" or "int32" or "int64";

    /// <summary>Where one alternative is, and whether everything it says is checked.</summary>
    private sealed class AlternativeSite
    {
        public AlternativeSite(YamlNode node, string keyword, int index, string where)
        {
            Node = node;
            Keyword = keyword;
            Index = index;
            Where = where;
        }

        public YamlNode Node { get; }

        public string Keyword { get; }

        public int Index { get; }

        public string Where { get; }

        public bool Complete { get; set; } = true;

        public SchemaCheck Result { get; set; } = null!;

        /// <summary>Reports a keyword of the alternative that the check leaves out, and marks the alternative incomplete.</summary>
        public void Unchecked(SchemaBuilder builder, YamlNode at, string what)
        {
            Complete = false;
            string number = (Index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            builder.ReportUnsupported(at, at, $"{what} in alternative {number} of '{Keyword}' (in {Where})", Keyword == "oneOf"
                ? "it is not checked: the alternative counts as matching whatever it says, so a value must still match one alternative, but one that also matches this one is not rejected"
                : "it is not checked: the alternative counts as matching whatever it says, so a value that matches no alternative may be accepted");
        }
    }
}
