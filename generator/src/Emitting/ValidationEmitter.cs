using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using OpenApiSdk.Common;
using OpenApiSdk.Generator.Model;

namespace OpenApiSdk.Generator.Emitting;

/// <summary>
/// Emits a model's validator: one call into the runtime's <c>Validation</c> per rule, chained with <c>&amp;&amp;</c>
/// (<c>v.Required("io_type", IoType is not null) &amp;&amp; v.Minimum("capacity_in_gb", _CapacityInGb, 50)</c>). Each
/// check returns false only when the caller must stop (a rule failed and nobody collects), so <c>IsValid()</c>
/// allocates nothing and stops at the first failure, and <c>Validate()</c> runs again with a collector that builds
/// JSON Pointers and messages. The checks skip an absent (null) value; presence is <c>Required</c>'s job.
/// </summary>
internal sealed partial class ValidationEmitter
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

            if (StringFormats.Find(c.Format) is { } format)
            {
                checks.Add(v + "." + format.Check + "(" + name + ", " + value + ")");
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

    /// <summary>The C# condition that is true when the string <paramref name="value"/> breaks <paramref name="format"/>.</summary>
    internal static string FormatViolated(StringFormat format, string value) => "!" + TypeSyntax.Runtime + "FormatChecks.Is" + format.Check + "(" + value + ")";

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

            if (StringFormats.Find(c.Format) is { } format)
            {
                yield return (FormatViolated(format, value), format.Message);
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

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
