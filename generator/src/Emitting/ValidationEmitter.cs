using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using OpenApiSdk.Generator.Model;

namespace OpenApiSdk.Generator.Emitting;

/// <summary>
/// Emits a model's validator: one call into the runtime's <c>Validation</c> per rule, chained with <c>&amp;&amp;</c>
/// (<c>v.Required("io_type", IoType is not null) &amp;&amp; v.Minimum("capacity_in_gb", _CapacityInGb, 50)</c>). Each
/// check returns false only when the caller must stop (a rule failed and nobody collects), so <c>IsValid()</c>
/// allocates nothing and stops at the first failure, and <c>Validate()</c> runs again with a collector that builds
/// JSON Pointers and messages. The checks skip an absent (null) value; presence is <c>Required</c>'s job.
/// </summary>
internal sealed class ValidationEmitter
{
    private readonly SourceWriter _w;
    private readonly List<string> _patterns = new();
    private int _unique;

    private ValidationEmitter(SourceWriter writer) => _w = writer;

    public static void Emit(SourceWriter w, TypeModel type) => new ValidationEmitter(w).EmitValidator(type);

    /// <summary>True when some alternative of the union has rules of its own, so the union implements <c>IUnionRules</c>.</summary>
    public static bool HasUnionRules(UnionModel union)
    {
        var emitter = new ValidationEmitter(new SourceWriter());
        return union.Variants.Any(v => emitter.VariantChecks(v).Count > 0);
    }

    /// <summary>The <c>IUnionRules</c> of a union: the rules of the alternatives that are not models, unions or plain enums.</summary>
    public static void EmitUnion(SourceWriter w, TypeModel type) => new ValidationEmitter(w).EmitUnionRules(type.Union!);

    /// <summary>The checks of an alternative's own rules; a model or union checks itself, and the runtime checks that an enum is known.</summary>
    private List<string> VariantChecks(VariantModel variant)
    {
        string value = "((" + TypeSyntax.Short(variant.Type) + ")value)";
        return variant.Type.Kind switch
        {
            TypeRefKind.Model or TypeRefKind.Union => new List<string>(),
            TypeRefKind.Enum => ScalarChecks("v", variant.Type, variant.Constraints, "null", value, mayBeNull: false),
            _ when !NeedsChecks(variant.Type, variant.Constraints) => new List<string>(),
            _ => ValueChecks("v", variant.Type, variant.Constraints, "null", value, nullable: false),
        };
    }

    private void EmitUnionRules(UnionModel union)
    {
        if (!HasUnionRules(union))
        {
            return;
        }

        _w.Line();
        _w.Line("bool __IUnionRules.Validate(ref __Validation v, int variant, object value) => variant switch");
        _w.Open();
        for (int i = 0; i < union.Variants.Count; i++)
        {
            List<string> checks = VariantChecks(union.Variants[i]);
            if (checks.Count > 0)
            {
                _w.Line(Int(i + 1) + " => " + string.Join(" && ", checks) + ",");
            }
        }

        _w.Line("_ => true,");
        _w.Close(";");
        EmitPatterns();
    }

    private void EmitValidator(TypeModel type)
    {
        var checks = new List<string>();
        foreach (PropertyModel property in type.Properties)
        {
            checks.AddRange(PropertyChecks(property));
        }

        // A subtype may require a value its base declares optional (as T?): its presence is checked here, in every pass.
        foreach (string jsonName in type.Inheritance?.RequiredInherited ?? EquatableArray<string>.Empty)
        {
            PropertyModel property = type.Properties.First(p => p.JsonName == jsonName);
            checks.Add("v.RequiredValue(" + Literals.String(jsonName) + ", " + property.Name + " is not null)");
        }

        // In an inheritance hierarchy the discriminator must name this very type (a value that names no subtype was read as the base).
        if (type.Inheritance is { } inheritance)
        {
            string value = InheritanceEmitter.Value(type, inheritance);
            string name = Literals.String(inheritance.Discriminator);
            if (!InheritanceEmitter.Discriminator(type, inheritance).Required)
            {
                checks.Add("v.RequiredValue(" + name + ", " + value + " is not null)");
            }

            checks.Add("v.Discriminator(" + name + ", " + value + ", __tags)");
        }

        // required names that properties does not declare (OAS009): the member must be present all the same, and the
        // reader keeps its value in AdditionalProperties (with additionalProperties: false no object is valid, as JSON Schema says).
        foreach (string name in type.UndeclaredRequired)
        {
            checks.Add("v.RequiredValue(" + Literals.String(name) + ", AdditionalProperties is not null && AdditionalProperties.ContainsKey(" + Literals.String(name) + "))");
        }

        if (type.ForbidsAdditionalProperties)
        {
            checks.Add("v.NoAdditionalProperties(AdditionalProperties)");
        }

        if (type.Unevaluated is { } unevaluated)
        {
            checks.Add(UnevaluatedCheck(type, unevaluated));
        }

        if (!type.Rules.IsEmpty)
        {
            checks.Add("__Rules(ref v)");
        }

        for (int r = 0; r < type.Choices.Count; r++)
        {
            checks.Add(ChoiceCheck("v", "null", type.Choices[r], (a, _) => "__Matches" + Int(r + 1) + "_" + Int(a + 1) + "()"));
        }

        if (type.MinProperties is { } min)
        {
            checks.Add("v.Rule(null, __PropertyCount() >= " + Int(min) + ", " + Literals.String("must have at least " + Int(min) + Plural(" propert", min)) + ")");
        }

        if (type.MaxProperties is { } max)
        {
            checks.Add("v.Rule(null, __PropertyCount() <= " + Int(max) + ", " + Literals.String("must have at most " + Int(max) + Plural(" propert", max)) + ")");
        }

        _w.Line();
        if (checks.Count == 0)
        {
            _w.Line("bool __IMembers.Validate(ref __Validation v) => true;");
        }
        else
        {
            _w.Line("bool __IMembers.Validate(ref __Validation v) =>");
            _w.Indent();
            for (int i = 0; i < checks.Count; i++)
            {
                _w.Line(checks[i] + (i == checks.Count - 1 ? ";" : " &&"));
            }

            _w.Unindent();
        }

        if (!type.Rules.IsEmpty)
        {
            EmitRules(type);
        }

        if (type.Unevaluated is not null && EvaluatedTerms(type).Count > 0)
        {
            _w.Line();
            _w.Line("private bool __Evaluated(string name) =>");
            _w.Indent();
            List<string> terms = EvaluatedTerms(type);
            for (int i = 0; i < terms.Count; i++)
            {
                _w.Line(terms[i] + (i == terms.Count - 1 ? ";" : " ||"));
            }

            _w.Unindent();
        }

        EmitChoiceAlternatives(type);

        if (type.MinProperties is not null || type.MaxProperties is not null)
        {
            // minProperties/maxProperties count the members present, declared and additional.
            _w.Line();
            _w.Line("private int __PropertyCount() => (AdditionalProperties?.Count ?? 0)"
                + string.Concat(type.Properties.Select(p => " + (" + TypeSyntax.Present(string.Empty, p) + " ? 1 : 0)")) + ";");
        }

        EmitPatterns();
    }

    /// <summary>
    /// <c>unevaluatedProperties</c>: each member kept in AdditionalProperties that <c>__Evaluated</c> does not name is
    /// reported (<c>false</c>) or checked against the schema, at its own pointer.
    /// </summary>
    private string UnevaluatedCheck(TypeModel type, UnevaluatedModel unevaluated)
    {
        string evaluated = EvaluatedTerms(type).Count == 0 ? "null" : "static (" + type.Name + " m, string n) => m.__Evaluated(n)";
        if (unevaluated.Schema is not { } schema)
        {
            return "v.NoUnevaluatedProperties(AdditionalProperties, this, " + evaluated + ")";
        }

        string id = Int(++_unique);
        string itemValidation = "v" + id, item = "i" + id;
        var itemChecks = new List<string> { itemValidation + ".JsonType(null, " + item + ", " + Literals.String(schema.JsonType) + ", " + (schema.AllowsNull ? "true" : "false") + ")" };
        if (schema.Type is { } scalar)
        {
            Constraints c = schema.Constraints;
            if (scalar.Kind == TypeRefKind.String)
            {
                // const and enum compare the JSON text in place (reading the string would allocate on a valid object).
                itemChecks.AddRange(JsonStringLiteralChecks(itemValidation, item, c));
                c = c with { Const = null, Enum = EquatableArray<JsonLiteral>.Empty };
            }

            if (!c.IsEmpty)
            {
                // The value is read once; lengths, patterns and formats need the string itself.
                string accessor = scalar.Kind switch
                {
                    TypeRefKind.String => "StringOf",
                    TypeRefKind.Int64 => "Int64Of",
                    TypeRefKind.Double => "DoubleOf",
                    _ => "BooleanOf",
                };
                string value = "s" + id;
                itemChecks.Add("(" + TypeSyntax.Runtime + "OpenApiRuntime." + accessor + "(" + item + ") is var " + value + ")");
                itemChecks.AddRange(ScalarChecks(itemValidation, scalar, c, "null", value));
            }
        }

        return "v.UnevaluatedProperties(AdditionalProperties, this, " + evaluated + ", static (ref __Validation " + itemValidation + ", global::System.Text.Json.JsonElement " + item + ") => "
            + string.Join(" && ", itemChecks) + ")";
    }

    /// <summary><c>const</c> and <c>enum</c> on a string kept as JSON, with the messages <see cref="ScalarChecks"/> gives.</summary>
    private static List<string> JsonStringLiteralChecks(string v, string item, Constraints c)
    {
        var checks = new List<string>();
        string notString = item + ".ValueKind != global::System.Text.Json.JsonValueKind.String";
        if (c.Const is { Kind: JsonLiteralKind.String } constant)
        {
            checks.Add(v + ".That(null, " + notString + " || " + item + ".ValueEquals(" + Literals.String(constant.Text) + "), " + Literals.String("must be " + constant.Text) + ")");
        }

        List<JsonLiteral> strings = c.Enum.Where(l => l.Kind == JsonLiteralKind.String).ToList();
        if (strings.Count > 0)
        {
            checks.Add(v + ".That(null, " + notString + " || " + string.Join(" || ", strings.Select(l => item + ".ValueEquals(" + Literals.String(l.Text) + ")"))
                + ", " + Literals.String("must be one of: " + string.Join(", ", c.Enum.Select(l => l.Text))) + ")");
        }

        return checks;
    }

    /// <summary>
    /// The conditions (on <c>name</c>, a member kept in AdditionalProperties) under which the member counts as evaluated:
    /// a name the SDK always counts, a <c>patternProperties</c> pattern, the <c>properties</c> of the if/then/else branch
    /// that applied. A rule of another kind adds its term here: <c>(it holds &amp;&amp; name is "a" or "b")</c>.
    /// </summary>
    private List<string> EvaluatedTerms(TypeModel type)
    {
        var terms = new List<string>();
        UnevaluatedModel unevaluated = type.Unevaluated!;
        if (!unevaluated.Names.IsEmpty)
        {
            terms.Add(NameIs(unevaluated.Names));
        }

        foreach (string pattern in unevaluated.Patterns)
        {
            terms.Add(Pattern(pattern) + ".IsMatch(name)");
        }

        foreach (RuleModel rule in type.Rules)
        {
            if (!rule.EvaluatedIfHolds.IsEmpty || !rule.EvaluatedOtherwise.IsEmpty)
            {
                terms.Add("(" + Condition(rule.If, string.Empty) + " ? " + NameIs(rule.EvaluatedIfHolds) + " : " + NameIs(rule.EvaluatedOtherwise) + ")");
            }
        }

        // A oneOf/anyOf alternative evaluates the members it declares when it matches (an incomplete one, which the SDK
        // cannot decide, counts as matching so that no valid object is rejected).
        var declared = new HashSet<string>(type.Properties.Select(p => p.JsonName), System.StringComparer.Ordinal);
        for (int r = 0; r < type.Choices.Count; r++)
        {
            for (int a = 0; a < type.Choices[r].Alternatives.Count; a++)
            {
                ChoiceAlternativeModel alternative = type.Choices[r].Alternatives[a];
                EquatableArray<string> names = alternative.DeclaredProperties.Where(n => !declared.Contains(n)).ToEquatableArray();
                if (!names.IsEmpty)
                {
                    terms.Add(alternative.Complete
                        ? "(__Matches" + Int(r + 1) + "_" + Int(a + 1) + "() && (" + NameIs(names) + "))"
                        : "(" + NameIs(names) + ")");
                }
            }
        }

        return terms;
    }

    private static string NameIs(EquatableArray<string> names) =>
        names.IsEmpty ? "false" : "name is " + string.Join(" or ", names.Select(Literals.String));

    private void EmitPatterns()
    {
        if (_patterns.Count > 0)
        {
            // Compiled on first use (the runtime converts ECMA-262 to .NET and sets a timeout).
            _w.Line();
            for (int i = 0; i < _patterns.Count; i++)
            {
                _w.Line("private static readonly __Pattern __p" + Int(i) + " = new(" + Literals.String(_patterns[i]) + ");");
            }
        }
    }

    private IEnumerable<string> PropertyChecks(PropertyModel property)
    {
        string name = Literals.String(property.JsonName);

        // A read-only property is set by the server: a request leaves it out, so Validate() does not require it.
        if (property.Required && !property.IsReadOnly)
        {
            // DataAnnotations' [Required] cannot check a value type, so [SchemaRules] checks RequiredValue ones.
            string method = TypeSyntax.StorageOf(property) == Storage.RequiredValue ? "v.RequiredValue(" : "v.Required(";
            yield return method + name + ", " + TypeSyntax.Present(string.Empty, property) + ")";
        }

        if (NeedsChecks(property.Type, property.Constraints))
        {
            foreach (string check in ValueChecks("v", property.Type, property.Constraints, name, ModelEmitter.Stored(property), nullable: true))
            {
                yield return check;
            }
        }
    }

    private static bool NeedsChecks(TypeRef type, Constraints constraints) => type.Kind switch
    {
        TypeRefKind.Model or TypeRefKind.Enum or TypeRefKind.Union => true,
        TypeRefKind.Array or TypeRefKind.Map => !constraints.IsEmpty || !type.ElementAllowsNull && !type.Element!.IsValueType || NeedsChecks(type.Element!, type.ElementConstraints ?? Constraints.None),
        _ => !constraints.IsEmpty,
    };

    /// <summary>
    /// The checks of a value (null when absent) held in <paramref name="value"/>, reported at member <paramref name="name"/>
    /// (a literal, or <c>null</c>); <paramref name="nullable"/> tells whether a value type is held as <c>T?</c>.
    /// </summary>
    private List<string> ValueChecks(string v, TypeRef type, Constraints c, string name, string value, bool nullable)
    {
        switch (type.Kind)
        {
            case TypeRefKind.Model:
            case TypeRefKind.Union:
                return new List<string> { v + ".Model(" + name + ", " + value + ")" };
            case TypeRefKind.Enum:
                // C# infers T from a T? argument only: a plain enum value names its type.
                var checks = new List<string> { v + (nullable ? ".Known(" : ".Known<" + type.ModelName + ">(") + name + ", " + value + ")" };
                checks.AddRange(ScalarChecks(v, type, c, name, value, nullable));
                return checks;
            case TypeRefKind.Array:
            case TypeRefKind.Map:
                return CollectionChecks(v, type, c, name, value);
            default:
                return ScalarChecks(v, type, c, name, value, nullable || !type.IsValueType);
        }
    }

    private List<string> CollectionChecks(string v, TypeRef type, Constraints c, string name, string value)
    {
        var checks = new List<string>();
        bool isMap = type.Kind == TypeRefKind.Map;
        if (c.MinItems is { } minItems)
        {
            checks.Add(v + (isMap ? ".MinProperties(" : ".MinItems(") + name + ", " + value + ", " + Int(minItems) + ")");
        }

        if (c.MaxItems is { } maxItems)
        {
            checks.Add(v + (isMap ? ".MaxProperties(" : ".MaxItems(") + name + ", " + value + ", " + Int(maxItems) + ")");
        }

        if (c.UniqueItems && !isMap)
        {
            checks.Add(v + ".UniqueItems(" + name + ", " + value + ")");
        }

        TypeRef element = type.Element!;
        Constraints elementConstraints = type.ElementConstraints ?? Constraints.None;
        bool nullCheck = !type.ElementAllowsNull && !element.IsValueType;
        bool elementChecks = NeedsChecks(element, elementConstraints);
        if (!nullCheck && !elementChecks)
        {
            return checks;
        }

        if (element.Kind is TypeRefKind.Model or TypeRefKind.Union)
        {
            checks.Add(v + ".Models(" + name + ", " + value + (type.ElementAllowsNull ? ", nullable: true)" : ")"));
        }
        else if (element.Kind == TypeRefKind.Enum && elementConstraints.IsEmpty && !(isMap && type.ElementAllowsNull))
        {
            checks.Add(v + ".Known(" + name + ", " + value + ")");
        }
        else if (!elementChecks)
        {
            checks.Add(v + ".NoNullItems(" + name + ", " + value + ")");
        }
        else
        {
            // Each item is checked by a static lambda (cached by the compiler, so checking allocates nothing).
            string id = Int(++_unique);
            string itemValidation = "v" + id, item = "i" + id;
            var itemChecks = new List<string>();
            if (nullCheck)
            {
                itemChecks.Add(itemValidation + ".NotNull(null, " + item + ")");
            }

            itemChecks.AddRange(ValueChecks(itemValidation, element, elementConstraints, "null", item, nullable: type.ElementAllowsNull));
            checks.Add(v + ".Items(" + name + ", " + value + ", static (ref __Validation " + itemValidation + ", " + TypeSyntax.ShortElement(type) + " " + item + ") => "
                + string.Join(" && ", itemChecks) + ")");
        }

        return checks;
    }

    /// <summary>The rules of a string, number or enum value: one runtime check each, or a condition where no check says the same.</summary>
    /// <param name="mayBeNull">The C# expression <paramref name="value"/> can be null (a reference, or a value type held as <c>T?</c>).</param>
    private List<string> ScalarChecks(string v, TypeRef type, Constraints c, string name, string value, bool mayBeNull = true)
    {
        var checks = new List<string>();
        TypeRefKind kind = type.Kind;
        if (kind is TypeRefKind.String)
        {
            if (c.MinLength is { } minLength)
            {
                checks.Add(v + ".MinLength(" + name + ", " + value + ", " + Int(minLength) + ")");
            }

            if (c.MaxLength is { } maxLength)
            {
                checks.Add(v + ".MaxLength(" + name + ", " + value + ", " + Int(maxLength) + ")");
            }

            if (c.Pattern is { } pattern)
            {
                checks.Add(v + ".Pattern(" + name + ", " + value + ", " + Pattern(pattern) + ")");
            }

            if (c.Format is { } format)
            {
                string method = format switch
                {
                    "date" => "Date",
                    "email" => "Email",
                    "uri" => "Uri",
                    "ipv4" => "IPv4",
                    _ => "IPv6",
                };
                checks.Add(v + "." + method + "(" + name + ", " + value + ")");
            }
        }

        if (type.IsNumber)
        {
            if (c.Minimum is { } minimum)
            {
                checks.Add(Bound(v, c.ExclusiveMinimum ? "ExclusiveMinimum" : "Minimum", name, value, minimum, kind, c.ExclusiveMinimum ? " <= " : " < ",
                    (c.ExclusiveMinimum ? "must be greater than " : "must be greater than or equal to ") + minimum));
            }

            if (c.Maximum is { } maximum)
            {
                checks.Add(Bound(v, c.ExclusiveMaximum ? "ExclusiveMaximum" : "Maximum", name, value, maximum, kind, c.ExclusiveMaximum ? " >= " : " > ",
                    (c.ExclusiveMaximum ? "must be less than " : "must be less than or equal to ") + maximum));
            }

            if (c.MultipleOf is { } multipleOf)
            {
                bool integral = type.IsInteger && long.TryParse(multipleOf, NumberStyles.None, CultureInfo.InvariantCulture, out _);
                string divisor = integral || kind == TypeRefKind.Decimal ? TypeSyntax.Number(multipleOf, kind) : TypeSyntax.Number(multipleOf, TypeRefKind.Double);
                checks.Add(SaysSame(divisor, multipleOf)
                    ? v + ".MultipleOf(" + name + ", " + value + ", " + divisor + ")"
                    : Condition(v, name, value, x => Violations(type, new Constraints(MultipleOf: multipleOf), x).Single()));
            }
        }

        if (c.Const is { } constant && Comparable(kind, constant))
        {
            checks.Add(Condition(v, name, value, x => ("!(" + EqualsLiteral(type, x, constant) + ")", "must be " + constant.Text)));
        }

        if (!c.Enum.IsEmpty && kind != TypeRefKind.Enum)
        {
            List<JsonLiteral> comparable = c.Enum.Where(l => Comparable(kind, l)).ToList();
            if (comparable.Count > 0)
            {
                checks.Add(Condition(v, name, value, x => ("!(" + string.Join(" || ", comparable.Select(l => EqualsLiteral(type, x, l))) + ")", "must be one of: " + string.Join(", ", c.Enum.Select(l => l.Text)))));
            }
        }

        foreach (ChoiceRuleModel choice in c.Choices)
        {
            // Each alternative is a condition on the non-null value; the runtime reports the count only when it breaks the rule.
            if (!mayBeNull)
            {
                checks.Add(ChoiceCheck(v, name, choice, (_, alternative) => ValueCondition(type, alternative.Check, value, plain: true)));
                continue;
            }

            string x = "__x" + Int(++_unique);
            checks.Add("(" + value + " is not { } " + x + " || " + ChoiceCheck(v, name, choice, (_, alternative) => ValueCondition(type, alternative.Check, x, plain: true)) + ")");
        }

        return checks;
    }

    /// <summary>
    /// A <c>oneOf</c>/<c>anyOf</c> rule: <c>v.OneOf(name, matched, undecided, count)</c>, where each alternative's condition
    /// (from <paramref name="matches"/>) adds to <c>matched</c>, or to <c>undecided</c> when the alternative is not fully
    /// checked (it may match when it does not, so it can satisfy the rule but not break "at most one").
    /// </summary>
    private static string ChoiceCheck(string v, string name, ChoiceRuleModel choice, System.Func<int, ChoiceAlternativeModel, string> matches)
    {
        var complete = new List<string>();
        var undecided = new List<string>();
        for (int a = 0; a < choice.Alternatives.Count; a++)
        {
            ChoiceAlternativeModel alternative = choice.Alternatives[a];
            string condition = matches(a, alternative);
            if (condition == "false")
            {
                continue; // never matches: counts for nothing
            }

            (alternative.Complete ? complete : undecided).Add(condition == "true" ? "1" : "(" + condition + " ? 1 : 0)");
        }

        string Sum(List<string> terms) => terms.Count == 0 ? "0" : string.Join(" + ", terms);
        string count = Int(choice.Alternatives.Count);
        return choice.ExactlyOne
            ? v + ".OneOf(" + name + ", " + Sum(complete) + ", " + Sum(undecided) + ", " + count + ")"
            : v + ".AnyOf(" + name + ", " + Sum(complete.Concat(undecided).ToList()) + ", " + count + ")";
    }

    /// <summary>One method per alternative of the object's oneOf/anyOf rules: whether the object matches it (evaluated without reporting).</summary>
    private void EmitChoiceAlternatives(TypeModel type)
    {
        for (int r = 0; r < type.Choices.Count; r++)
        {
            ChoiceRuleModel choice = type.Choices[r];
            for (int a = 0; a < choice.Alternatives.Count; a++)
            {
                _w.Line();
                _w.Line("/// <summary>Whether this object matches " + Literals.XmlText(choice.Alternatives[a].Origin) + ".</summary>");
                _w.Line("private bool __Matches" + Int(r + 1) + "_" + Int(a + 1) + "() => " + Condition(choice.Alternatives[a].Check, string.Empty, plain: true) + ";");
            }
        }
    }

    /// <summary><c>minimum</c>/<c>maximum</c> as a runtime check, unless the runtime would print the bound differently from the spec.</summary>
    private string Bound(string v, string method, string name, string value, string bound, TypeRefKind kind, string violatedBy, string message)
    {
        string literal = TypeSyntax.Number(bound, kind);
        return SaysSame(literal, bound)
            ? v + "." + method + "(" + name + ", " + value + ", " + literal + ")"
            : Condition(v, name, value, x => (x + violatedBy + literal, message));
    }

    /// <summary>A rule as a condition on the non-null value (named by a pattern variable), with its message as the spec states it.</summary>
    private string Condition(string v, string name, string value, System.Func<string, (string Violated, string Message)> rule)
    {
        string x = "__x" + Int(++_unique);
        (string violated, string message) = rule(x);
        return v + ".That(" + name + ", " + value + " is not { } " + x + " || !(" + violated + "), " + Literals.String(message) + ")";
    }

    /// <summary>
    /// True when the runtime prints the C# number <paramref name="literal"/> (in a message) exactly as the spec wrote
    /// <paramref name="text"/>: integers as written, decimals with their scale, doubles in their shortest form,
    /// which for the plain decimal notation of at most 15 significant digits down to 0.0001 is the text itself.
    /// </summary>
    private static bool SaysSame(string literal, string text)
    {
        char suffix = literal[literal.Length - 1];
        if (suffix == 'm')
        {
            return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal d)
                && d.ToString(CultureInfo.InvariantCulture) == text;
        }

        if (suffix != 'd')
        {
            return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long n) && n.ToString(CultureInfo.InvariantCulture) == text;
        }

        Match match = Regex.Match(text, @"^-?(0|[1-9][0-9]*)(?:\.([0-9]*[1-9]))?$");
        if (!match.Success)
        {
            return false;
        }

        string whole = match.Groups[1].Value, fraction = match.Groups[2].Value;
        int leadingZeros = whole == "0" ? fraction.Length - fraction.TrimStart('0').Length : 0;
        int significant = (whole == "0" ? 0 : whole.Length) + fraction.Length - leadingZeros;
        return significant <= 15 && leadingZeros <= 3 && (whole == "0" && fraction.Length == 0 || significant > 0);
    }

    /// <summary>Each constraint as (C# condition that is true when it is broken, message), on a non-null value: for if/then/else rules.</summary>
    private IEnumerable<(string Violated, string Message)> Violations(TypeRef type, Constraints c, string value)
    {
        TypeRefKind kind = type.Kind;
        if (kind is TypeRefKind.String)
        {
            if (c.MinLength is { } minLength)
            {
                yield return (TypeSyntax.Runtime + "OpenApiRuntime.Length(" + value + ") < " + Int(minLength), "must be at least " + Int(minLength) + " characters long");
            }

            if (c.MaxLength is { } maxLength)
            {
                yield return (TypeSyntax.Runtime + "OpenApiRuntime.Length(" + value + ") > " + Int(maxLength), "must be at most " + Int(maxLength) + " characters long");
            }

            if (c.Pattern is { } pattern)
            {
                yield return ("!" + Pattern(pattern) + ".IsMatch(" + value + ")", "must match the pattern " + pattern);
            }

            if (c.Format is { } format)
            {
                (string check, string message) = format switch
                {
                    "date-time" => ("IsDateTime", "must be a date-time (format: date-time, RFC 3339)"),
                    "time" => ("IsTime", "must be a time (format: time, RFC 3339)"),
                    "uuid" => ("IsUuid", "must be a UUID (format: uuid)"),
                    "date" => ("IsDate", "must be a date (format: date, YYYY-MM-DD)"),
                    "email" => ("IsEmail", "must be an email address (format: email)"),
                    "uri" => ("IsUri", "must be an absolute URI (format: uri)"),
                    "ipv4" => ("IsIPv4", "must be an IPv4 address (format: ipv4)"),
                    _ => ("IsIPv6", "must be an IPv6 address (format: ipv6)"),
                };
                yield return ("!" + TypeSyntax.Runtime + "OpenApiRuntime." + check + "(" + value + ")", message);
            }
        }

        if (type.IsNumber)
        {
            if (c.Minimum is { } minimum)
            {
                yield return (value + (c.ExclusiveMinimum ? " <= " : " < ") + TypeSyntax.Number(minimum, kind), (c.ExclusiveMinimum ? "must be greater than " : "must be greater than or equal to ") + minimum);
            }

            if (c.Maximum is { } maximum)
            {
                yield return (value + (c.ExclusiveMaximum ? " >= " : " > ") + TypeSyntax.Number(maximum, kind), (c.ExclusiveMaximum ? "must be less than " : "must be less than or equal to ") + maximum);
            }

            if (c.MultipleOf is { } multipleOf)
            {
                bool integral = type.IsInteger && long.TryParse(multipleOf, NumberStyles.None, CultureInfo.InvariantCulture, out _);
                string violated = integral
                    ? value + " % " + TypeSyntax.Number(multipleOf, kind) + " != 0"
                    : kind == TypeRefKind.Decimal
                        ? value + " % " + TypeSyntax.Number(multipleOf, kind) + " != 0m"
                        : "!" + TypeSyntax.Runtime + "OpenApiRuntime.IsMultipleOf(" + value + ", " + TypeSyntax.Number(multipleOf, TypeRefKind.Double) + ")";
                yield return (violated, "must be a multiple of " + multipleOf);
            }
        }

        if (kind is TypeRefKind.Array or TypeRefKind.Map)
        {
            string unit = kind == TypeRefKind.Map ? " propert" : " item";
            if (c.MinItems is { } minItems)
            {
                yield return (value + ".Count < " + Int(minItems), "must have at least " + Int(minItems) + Plural(unit, minItems));
            }

            if (c.MaxItems is { } maxItems)
            {
                yield return (value + ".Count > " + Int(maxItems), "must have at most " + Int(maxItems) + Plural(unit, maxItems));
            }

            if (c.UniqueItems)
            {
                yield return ("!" + TypeSyntax.Runtime + "OpenApiRuntime.AllUnique(" + value + ")", "must not contain duplicate items");
            }
        }

        if (c.Const is { } constant && Comparable(kind, constant))
        {
            yield return ("!(" + EqualsLiteral(type, value, constant) + ")", "must be " + constant.Text);
        }

        if (!c.Enum.IsEmpty && kind != TypeRefKind.Enum)
        {
            List<JsonLiteral> comparable = c.Enum.Where(v => Comparable(kind, v)).ToList();
            if (comparable.Count > 0)
            {
                yield return ("!(" + string.Join(" || ", comparable.Select(v => EqualsLiteral(type, value, v))) + ")", "must be one of: " + string.Join(", ", c.Enum.Select(v => v.Text)));
            }
        }
    }

    private static string Plural(string unit, int count) =>
        unit == " propert" ? (count == 1 ? " property" : " properties") : (count == 1 ? unit : unit + "s");

    private static bool Comparable(TypeRefKind kind, JsonLiteral literal) => literal.Kind switch
    {
        JsonLiteralKind.String => kind is TypeRefKind.String or TypeRefKind.Enum,
        JsonLiteralKind.Number => kind is TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Single or TypeRefKind.Double or TypeRefKind.Decimal,
        JsonLiteralKind.Boolean => kind is TypeRefKind.Boolean,
        _ => false,
    };

    private static string EqualsLiteral(TypeRef type, string value, JsonLiteral literal) => literal.Kind switch
    {
        JsonLiteralKind.String when type.Kind == TypeRefKind.Enum => value + ".Value == " + Literals.String(literal.Text),
        JsonLiteralKind.String => value + " == " + Literals.String(literal.Text),
        JsonLiteralKind.Number => value + " == " + TypeSyntax.Number(literal.Text, type.Kind),
        _ => value + " == " + literal.Text,
    };

    private string Pattern(string pattern)
    {
        int index = _patterns.IndexOf(pattern);
        if (index < 0)
        {
            index = _patterns.Count;
            _patterns.Add(pattern);
        }

        return "__p" + index.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The schema's if/then/else rules, as statements: a failure returns false only when nobody collects.</summary>
    private void EmitRules(TypeModel type)
    {
        _w.Line();
        _w.Open("private bool __Rules(ref __Validation v)");
        foreach (RuleModel rule in type.Rules)
        {
            string because = Describe(rule.If, string.Empty);
            _w.Open("if (" + Condition(rule.If, string.Empty) + ")");
            if (rule.Then is { } then)
            {
                EmitAssertions(then, string.Empty, " (because " + because + ")");
            }

            _w.Close();
            if (rule.Else is { } otherwise)
            {
                _w.Open("else");
                EmitAssertions(otherwise, string.Empty, " (because " + because + " does not hold)");
                _w.Close();
            }
        }

        _w.Line("return true;");
        _w.Close();
    }

    /// <summary>A C# condition: the object at <paramref name="owner"/> matches the fragment.</summary>
    /// <param name="plain">Write each constraint as the condition that holds (<c>Kind == "a"</c>), not as the negated violation (for choice alternatives; if/then/else keeps its form).</param>
    private string Condition(SchemaCheck check, string owner, bool plain = false)
    {
        if (check.Impossible)
        {
            return "false";
        }

        var parts = new List<string>();
        foreach (PropertyModel required in check.Required)
        {
            parts.Add(TypeSyntax.Present(owner, required));
        }

        foreach (string name in check.UndeclaredRequired)
        {
            parts.Add("(" + owner + "AdditionalProperties is not null && " + owner + "AdditionalProperties.ContainsKey(" + Literals.String(name) + "))");
        }

        foreach (PropertyCheck nested in check.Properties)
        {
            PropertyModel property = nested.Property;
            string inner = property.Type.Kind == TypeRefKind.Model
                ? Condition(nested.Check, TypeSyntax.Value(owner, property) + ".", plain)
                : ValueCondition(property.Type, nested.Check, TypeSyntax.Value(owner, property), plain);
            string? isNull = TypeSyntax.PresentButNull(owner, property);
            if (nested.RejectsNull && isNull is not null)
            {
                // A member that holds JSON null does not match a fragment whose type leaves null out.
                parts.Add("(" + TypeSyntax.Absent(owner, property) + " || (!(" + isNull + ")" + (inner == "true" ? string.Empty : " && (" + inner + ")") + "))");
                continue;
            }

            if (inner == "true")
            {
                continue;
            }

            parts.Add("(" + TypeSyntax.Absent(owner, property) + (isNull is null ? string.Empty : " || " + isNull) + " || (" + inner + "))");
        }

        return parts.Count == 0 ? "true" : string.Join(" && ", parts);
    }

    private string ValueCondition(TypeRef type, SchemaCheck check, string value, bool plain = false) =>
        check.Impossible ? "false" : ValueCondition(type, check.Constraints, value, plain);

    private string ValueCondition(TypeRef type, Constraints c, string value, bool plain = false)
    {
        List<string> holds = Violations(type, c, value).Select(v => plain ? Holds(v.Violated) : "!(" + v.Violated + ")").ToList();
        return holds.Count == 0 ? "true" : string.Join(" && ", holds);
    }

    /// <summary>The negation of a violation: <c>!(x)</c> becomes <c>(x)</c>, <c>!IsDate(v)</c> becomes <c>IsDate(v)</c>, anything else <c>!(...)</c>.</summary>
    private static string Holds(string violated)
    {
        if (violated.Length > 1 && violated[0] == '!')
        {
            string rest = violated.Substring(1);
            if (rest[0] == '(' && ClosingParenthesis(rest, 0) == rest.Length - 1)
            {
                return rest;
            }

            if (rest.IndexOf(' ') < 0 && rest.IndexOf('!') < 0 && rest.EndsWith(")", System.StringComparison.Ordinal))
            {
                return rest; // a call such as IsDate(__x1): its argument is a plain variable
            }
        }

        return "!(" + violated + ")";
    }

    private static int ClosingParenthesis(string text, int open)
    {
        int depth = 0;
        bool quoted = false;
        for (int i = open; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == '(')
            {
                depth++;
            }
            else if (c == ')' && --depth == 0)
            {
                return i;
            }
        }

        return -1;
    }

    private void EmitAssertions(SchemaCheck check, string owner, string because)
    {
        foreach (PropertyModel required in check.Required)
        {
            _w.Line("if (!v.Rule(" + Literals.String(required.JsonName) + ", " + TypeSyntax.Present(owner, required) + ", " + Literals.String("is required" + because) + ")) return false;");
        }

        foreach (PropertyCheck nested in check.Properties)
        {
            PropertyModel property = nested.Property;
            string? isNull = TypeSyntax.PresentButNull(owner, property);
            List<(string Violated, string Message)> violations = property.Type.Kind == TypeRefKind.Model
                ? new List<(string, string)>()
                : Violations(property.Type, nested.Check.Constraints, TypeSyntax.Value(owner, property)).ToList();
            bool hasNested = property.Type.Kind == TypeRefKind.Model && (!nested.Check.Required.IsEmpty || !nested.Check.Properties.IsEmpty);
            if (violations.Count == 0 && !hasNested)
            {
                continue;
            }

            _w.Open("if (" + TypeSyntax.Present(owner, property) + (isNull is null ? string.Empty : " && !(" + isNull + ")") + ")");
            _w.Line("v.Enter(" + Literals.String(property.JsonName) + ");");
            if (hasNested)
            {
                EmitAssertions(nested.Check, TypeSyntax.Value(owner, property) + ".", because);
            }

            foreach ((string violated, string message) in violations)
            {
                _w.Line("if (!v.Rule(null, !(" + violated + "), " + Literals.String(message + because) + ")) return false;");
            }

            _w.Line("v.Exit();");
            _w.Close();
        }
    }

    /// <summary>A readable statement of a condition, for messages: <c>/ha/mode is "Single"</c>.</summary>
    private static string Describe(SchemaCheck check, string pointer)
    {
        var parts = new List<string>();
        foreach (PropertyModel required in check.Required)
        {
            parts.Add(pointer + "/" + required.JsonName + " is present");
        }

        foreach (PropertyCheck nested in check.Properties)
        {
            string path = pointer + "/" + nested.Property.JsonName;
            Constraints c = nested.Check.Constraints;
            if (c.Const is { } constant)
            {
                parts.Add(path + " is " + Show(constant));
            }
            else if (!c.Enum.IsEmpty)
            {
                parts.Add(path + " is one of " + string.Join(", ", c.Enum.Select(Show)));
            }

            string inner = Describe(nested.Check, path);
            if (inner.Length > 0)
            {
                parts.Add(inner);
            }
        }

        return string.Join(" and ", parts.Distinct());
    }

    private static string Show(JsonLiteral literal) => literal.Kind == JsonLiteralKind.String ? "\"" + literal.Text + "\"" : literal.Text;

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
