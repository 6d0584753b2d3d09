using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OpenApiSdk.Generator.Emitting.Code;
using OpenApiSdk.Generator.Model;
using OpenApiSdk.Generator.Validation;

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

    private readonly JsonValueValidatorEmitter _jsonValues;

    private ValidationEmitter(SourceWriter writer)
    {
        _w = writer;
        _jsonValues = new JsonValueValidatorEmitter(c => JsonValueChecks("v", c, "null", "value", nullable: false), Pattern);
    }

    public static void Emit(SourceWriter w, TypeModel type) => new ValidationEmitter(w).EmitValidator(type);

    /// <summary>True when some alternative of the union has rules of its own, so the union implements <c>IUnionRules</c>.</summary>
    public static bool HasUnionRules(UnionModel union)
    {
        var emitter = new ValidationEmitter(new SourceWriter());
        return union.Variants.Any(v => emitter.VariantChecks(v).Count > 0);
    }

    /// <summary>
    /// A union's <c>IUnionRules</c> (the rules of the alternatives that are not models, unions or plain enums) and, when the
    /// typed checks leave a keyword beside its alternatives out, its <c>IUnionJson</c>: its own JSON against its whole schema.
    /// </summary>
    public static void EmitUnion(SourceWriter w, TypeModel type) => new ValidationEmitter(w).EmitUnionRules(type);

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

    private void EmitUnionRules(TypeModel type)
    {
        UnionModel union = type.Union!;
        if (HasUnionRules(union))
        {
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
        }

        if (type.JsonFallback is { } schema)
        {
            _w.Line();
            _w.Line("bool __IUnionJson.ValidateJson(ref __Validation v) => " + _jsonValues.ModelCheck("v", schema) + ";");
        }

        _jsonValues.Emit(_w);
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
            if (inheritance.DefaultOtherTags is not null)
            {
                // OpenAPI 3.2's defaultMapping type: no value, or one that names no other type, is read as this one.
                checks.Add("v.DefaultDiscriminator(" + name + ", " + value + ", __otherTags)");
            }
            else
            {
                if (!InheritanceEmitter.Discriminator(type, inheritance).Required)
                {
                    checks.Add("v.RequiredValue(" + name + ", " + value + " is not null)");
                }

                checks.Add("v.Discriminator(" + name + ", " + value + ", __tags)");
            }
        }

        // required names that properties does not declare (OAS009): the member must be present all the same, and the
        // reader keeps its value in AdditionalProperties (with additionalProperties: false no object is valid, as JSON Schema says).
        foreach (string name in type.UndeclaredRequired)
        {
            checks.Add("v.RequiredValue(" + Literals.String(name) + ", AdditionalProperties is not null && AdditionalProperties.ContainsKey(" + Literals.String(name) + "))");
        }

        if (type.NonObjectRules is { } parts && parts.Contains(Constraints.Nothing))
        {
            // An allOf part is the schema false: no object is valid either.
            checks.Add("v.Rule(null, false, " + Literals.String(JsonForms.TypeRule(string.Empty).Message) + ")");
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
            checks.Add(ChoiceCheck("v", "null", type.Choices[r], (a, _) => Expr.Raw("__Matches" + Int(r + 1) + "_" + Int(a + 1) + "()")));
        }

        if (type.MinProperties is { } min)
        {
            checks.Add("v.Rule(null, __PropertyCount() >= " + Int(min) + ", " + Literals.String("must have at least " + Int(min) + Catalogue.Plural(" propert", min)) + ")");
        }

        if (type.MaxProperties is { } max)
        {
            checks.Add("v.Rule(null, __PropertyCount() <= " + Int(max) + ", " + Literals.String("must have at most " + Int(max) + Catalogue.Plural(" propert", max)) + ")");
        }

        if (type.JsonFallback is { } schema)
        {
            // Keywords the typed checks cannot carry: the model's own JSON against its whole schema (repeated errors are dropped).
            checks.Add(_jsonValues.ModelCheck("v", schema));
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

        if (type.NonObjectRules is { } nonObject)
        {
            // A value that is not an object: the schema's (and its allOf parts') rules for its JSON type, at its own pointer.
            List<string> valueChecks = type.JsonFallback is { } whole
                ? new List<string> { _jsonValues.Check("v", "null", "value", whole) }
                : nonObject.SelectMany(c => JsonValueChecks("v", c, "null", "value", nullable: false)).ToList();
            _w.Line();
            _w.Line("bool __INonObject.ValidateNonObject(ref __Validation v, __JsonElement value) => " + (valueChecks.Count == 0 ? "true" : string.Join(" && ", valueChecks)) + ";");
        }

        if (type.MinProperties is not null || type.MaxProperties is not null)
        {
            // minProperties/maxProperties count the members present, declared and additional.
            _w.Line();
            _w.Line("private int __PropertyCount() => (AdditionalProperties?.Count ?? 0)"
                + string.Concat(type.Properties.Select(p => " + (" + TypeSyntax.Present(string.Empty, p) + " ? 1 : 0)")) + ";");
        }

        _jsonValues.Emit(_w);
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

        // A string that holds JSON: its typed form checked at the string's pointer (a text that is not JSON is a read error).
        if (property.Content is { } content && NeedsChecks(content.Type, content.Constraints))
        {
            foreach (string check in ValueChecks("v", content.Type, content.Constraints, name, content.Name, nullable: true))
            {
                yield return check;
            }
        }
    }

    private static bool NeedsChecks(TypeRef type, Constraints constraints) => type.Kind switch
    {
        TypeRefKind.Model or TypeRefKind.Enum or TypeRefKind.Union => true,
        TypeRefKind.Array or TypeRefKind.Map => !constraints.IsEmpty || !type.ElementAllowsNull && !type.Element!.IsValueType || NeedsChecks(type.Element!, type.ElementConstraints ?? Constraints.None),
        TypeRefKind.Any => JsonForms.HasRules(constraints),
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
            case TypeRefKind.Any:
                return JsonValueChecks(v, c, name, value, nullable);
            default:
                return ScalarChecks(v, type, c, name, value, nullable || !type.IsValueType);
        }
    }

    private List<string> CollectionChecks(string v, TypeRef type, Constraints c, string name, string value)
    {
        var checks = new List<string>();
        foreach (Rule rule in Catalogue.Rules(Context(type, c)))
        {
            checks.Add(Check(v, name, value, rule, mayBeNull: true));
        }

        TypeRef element = type.Element!;
        Constraints elementConstraints = type.ElementConstraints ?? Constraints.None;
        bool nullCheck = !type.ElementAllowsNull && !element.IsValueType;
        bool elementChecks = NeedsChecks(element, elementConstraints);
        if (!nullCheck && !elementChecks)
        {
            return checks;
        }

        bool isMap = type.Kind == TypeRefKind.Map;
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

            // A JSON value item holds JSON null itself (it is a JsonElement, not a JsonElement?).
            itemChecks.AddRange(ValueChecks(itemValidation, element, elementConstraints, "null", item, nullable: type.ElementAllowsNull && element.Kind != TypeRefKind.Any));
            checks.Add(v + ".Items(" + name + ", " + value + ", static (ref __Validation " + itemValidation + ", " + TypeSyntax.ShortElement(type) + " " + item + ") => "
                + (itemChecks.Count == 0 ? "true" : string.Join(" && ", itemChecks)) + ")");
        }

        return checks;
    }

    /// <summary>
    /// The rules of a value kept as JSON (<paramref name="value"/>, a <c>JsonElement</c>; <c>default</c> when absent): its
    /// <c>type</c> list, then per JSON type the catalogue's keywords for that type, on the value read once as that type
    /// (<c>(OpenApiRuntime.StringOf(value) is var s1 &amp;&amp; v.MinLength(name, s1, 2))</c>); a value of another type reads as
    /// null, which every check skips.
    /// </summary>
    /// <param name="nullable">The value is a <c>JsonElement?</c> (a property), not a <c>JsonElement</c> (an item, an alternative, a held non-object value).</param>
    private List<string> JsonValueChecks(string v, Constraints c, string name, string value, bool nullable)
    {
        if (c.Schema is { } schema)
        {
            // Applicators and the rest: the JSON-value validator's method for the schema (which states the rules below too).
            return new List<string> { _jsonValues.Check(v, name, value, schema) };
        }

        var checks = new List<string>();
        if (c.Types is { } types)
        {
            checks.Add(Check(v, name, value, JsonForms.TypeRule(types), mayBeNull: false));
        }

        foreach (Rule rule in JsonForms.ValueRules(c, (type, read, count) => Context(type, read, count)))
        {
            checks.Add(Check(v, name, value, rule, mayBeNull: nullable));
        }

        foreach ((JsonForm form, List<Rule> rules) in JsonForms.Rules(c, (type, read, count) => Context(type, read, count)))
        {
            string read = JsonForms.ReadCall(form, value);
            if (rules.Count == 1)
            {
                checks.Add(Check(v, name, read, rules[0], mayBeNull: true));
                continue;
            }

            string typed = "__j" + Int(++_unique);
            checks.Add("(" + read + " is var " + typed + " && " + string.Join(" && ", rules.Select(rule => Check(v, name, typed, rule, mayBeNull: true))) + ")");
        }

        return checks;
    }

    /// <summary>The rules of a string, number or enum value: one runtime check each, or a condition where no check says the same.</summary>
    /// <param name="mayBeNull">The C# expression <paramref name="value"/> can be null (a reference, or a value type held as <c>T?</c>).</param>
    private List<string> ScalarChecks(string v, TypeRef type, Constraints c, string name, string value, bool mayBeNull = true)
    {
        var checks = new List<string>();
        foreach (Rule rule in Catalogue.Rules(Context(type, c)))
        {
            checks.Add(Check(v, name, value, rule, mayBeNull));
        }

        foreach (ChoiceRuleModel choice in c.Choices)
        {
            // Each alternative is a condition on the non-null value; the runtime reports the count only when it breaks the rule.
            if (!mayBeNull)
            {
                checks.Add(ChoiceCheck(v, name, choice, (_, alternative) => ValueCondition(type, alternative.Check, Expr.Raw(value))));
                continue;
            }

            string x = "__x" + Int(++_unique);
            checks.Add("(" + value + " is not { } " + x + " || " + ChoiceCheck(v, name, choice, (_, alternative) => ValueCondition(type, alternative.Check, Expr.Raw(x))) + ")");
        }

        return checks;
    }

    /// <summary>
    /// A rule as its runtime check (<c>v.MinLength(name, value, 3)</c>), or where the runtime has none that says the same,
    /// as a condition on the value with the rule's message; a value that may be null is bound to a pattern variable first.
    /// </summary>
    private string Check(string v, string name, string value, Rule rule, bool mayBeNull)
    {
        if (rule.Check is { } check)
        {
            return v + "." + check.Method + "(" + name + ", " + value + (check.Argument is null ? string.Empty : ", " + check.Argument) + ")";
        }

        Expr holds;
        if (mayBeNull)
        {
            string x = "__x" + Int(++_unique);
            holds = Expr.Or(Expr.Compare(Expr.Raw(value), "is not", Expr.Raw("{ } " + x)), rule.Holds(Expr.Raw(x)));
        }
        else
        {
            holds = rule.Holds(Expr.Raw(value));
        }

        return v + ".That(" + name + ", " + holds + ", " + Literals.String(rule.Message) + ")";
    }

    /// <summary>The catalogue's rules on a value of a model: patterns are the model's <c>__p</c> fields.</summary>
    private RuleContext Context(TypeRef type, Constraints c, System.Func<Expr, Expr>? count = null) => new(type, c, pattern =>
    {
        string field = Pattern(pattern);
        return (field, value => Expr.Call(field + ".IsMatch", value));
    }, count);

    /// <summary>Each constraint as a rule (its condition on a non-null value, its message): for if/then/else and choice alternatives.</summary>
    private List<Rule> Violations(TypeRef type, Constraints c) => Catalogue.Rules(Context(type, c));

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
