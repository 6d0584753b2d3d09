using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OpenApiSdk.Generator.Model;

namespace OpenApiSdk.Generator.Emitting;

/// <summary>
/// Emits the reflection-free validator of a model. <c>ValidateCore(null)</c> answers valid/invalid without
/// allocating; only when a model is invalid does <c>Validate()</c> run again with a collector that builds
/// JSON Pointers and messages.
/// </summary>
internal sealed class ValidationEmitter
{
    private readonly SourceWriter _w;
    private readonly string _q;
    private readonly List<string> _patterns = new();
    private int _depth;

    private ValidationEmitter(SourceWriter writer, string qualifier)
    {
        _w = writer;
        _q = qualifier;
    }

    /// <param name="qualifier"><c>global::Namespace.</c>: generated names are qualified, so a property named like a type cannot hide it.</param>
    public static void Emit(SourceWriter w, TypeModel type, string qualifier) => new ValidationEmitter(w, qualifier).EmitValidator(type);

    /// <summary>The validator of a <see cref="TypeModelKind.Union"/>: the alternative held is checked against its own schema.</summary>
    public static void EmitUnion(SourceWriter w, TypeModel type, string qualifier) => new ValidationEmitter(w, qualifier).EmitUnionValidator(type);

    private void EmitUnionValidator(TypeModel type)
    {
        UnionModel union = type.Union!;
        EmitEntryPoints();
        OpenValidateCore();
        if (union.ExactlyOne && union.Discriminator is null)
        {
            _w.Line();
            _w.Open("if (__matches > 1)");
            FailBody(null, "must match exactly one of the alternatives (oneOf), but the JSON that was read matches several");
            _w.Close();
        }

        var checkedVariants = Enumerable.Range(0, union.Variants.Count).Where(i => NeedsChecks(union.Variants[i].Type, union.Variants[i].Constraints)).ToList();
        if (checkedVariants.Count > 0)
        {
            _w.Line();
            _w.Open("switch (__variant)");
            foreach (int i in checkedVariants)
            {
                VariantModel variant = union.Variants[i];
                string value = "value" + Int(i + 1);
                _w.Open("case " + Int(i + 1) + ":");
                _w.Line("var " + value + " = (" + TypeSyntax.Of(variant.Type, _q) + ")__value!;");
                EmitValueChecks(variant.Type, variant.Constraints, value);
                _w.Line("break;");
                _w.Close();
            }

            _w.Close();
        }

        _w.Line();
        _w.Line("return valid;");
        _w.Close();
        _w.Line();
        _w.Line("internal bool ValidateTypeLevel(" + TypeSyntax.Runtime + "ValidationCollector? errors) => ValidateCore(errors);");
        EmitReadErrors();
        EmitInterfaceAndPatterns();
    }

    /// <summary>Opens <c>ValidateCore</c>: read errors first, and a quick "no" when only asked whether valid.</summary>
    private void OpenValidateCore()
    {
        _w.Line();
        _w.Open("internal bool ValidateCore(" + TypeSyntax.Runtime + "ValidationCollector? errors)");
        _w.Line("bool valid = ValidateReadErrors(errors);");
        _w.Open("if (!valid && errors is null)");
        _w.Line("return false;");
        _w.Close();
    }

    private void EmitEntryPoints()
    {
        _w.Line();
        _w.Summary("Checks every rule of the schema and returns all violations, each with the JSON Pointer (RFC 6901) of the offending value; empty when the object is valid.");
        _w.Open("public global::System.Collections.Generic.IReadOnlyList<" + TypeSyntax.Sdk + "ValidationError> Validate()");
        _w.Open("if (ValidateCore(null))");
        _w.Line("return global::System.Array.Empty<" + TypeSyntax.Sdk + "ValidationError>();");
        _w.Close();
        _w.Line();
        _w.Line("var errors = new " + TypeSyntax.Runtime + "ValidationCollector();");
        _w.Line("ValidateCore(errors);");
        _w.Line("return errors.Errors;");
        _w.Close();

        _w.Line();
        _w.Line("/// <summary>True when <see cref=\"Validate\"/> would find nothing; does not allocate.</summary>");
        _w.Line("public bool IsValid() => ValidateCore(null);");
    }

    private void EmitValidator(TypeModel type)
    {
        EmitEntryPoints();
        OpenValidateCore();
        foreach (PropertyModel property in type.Properties)
        {
            EmitProperty(property);
        }

        EmitUndeclaredRequired(type);
        if (type.ForbidsAdditionalProperties)
        {
            _w.Line();
            _w.Open("if (AdditionalProperties is not null && AdditionalProperties.Count > 0)");
            _w.Open("if (errors is null)");
            _w.Line("return false;");
            _w.Close();
            _w.Line();
            _w.Line("valid = false;");
            _w.Open("foreach (string name in AdditionalProperties.Keys)");
            _w.Line("errors.Add(name, \"is not allowed: the schema declares no such property (additionalProperties: false)\");");
            _w.Close();
            _w.Close();
        }

        if (!type.Rules.IsEmpty)
        {
            _w.Line();
            _w.Open("if (!ValidateRules(errors))");
            FailBody(null);
            _w.Close();
        }

        EmitPropertyCount(type);
        _w.Line();
        _w.Line("return valid;");
        _w.Close();

        EmitTypeLevel(type);
        EmitReadErrors();
        if (!type.Rules.IsEmpty)
        {
            EmitRules(type);
        }

        EmitInterfaceAndPatterns();
    }

    private void EmitInterfaceAndPatterns()
    {
        _w.Line();
        _w.Line("bool " + TypeSyntax.Runtime + "IOpenApiModel.ValidateCore(" + TypeSyntax.Runtime + "ValidationCollector? errors) => ValidateCore(errors);");
        _w.Line();
        _w.Line("bool " + TypeSyntax.Runtime + "IOpenApiModel.ValidateTypeLevel(" + TypeSyntax.Runtime + "ValidationCollector? errors) => ValidateTypeLevel(errors);");

        if (_patterns.Count > 0)
        {
            _w.Line();
            _w.Line("// Compiled on first use, once per type.");
            _w.Open("private static class __Patterns");
            for (int i = 0; i < _patterns.Count; i++)
            {
                _w.Line("internal static readonly global::System.Text.RegularExpressions.Regex P" + i.ToString(CultureInfo.InvariantCulture)
                    + " = " + TypeSyntax.Runtime + "OpenApiRuntime.CreatePattern(" + Literals.String(Literals.DotNetPattern(_patterns[i])) + ");");
            }

            _w.Close();
        }
    }

    /// <summary><c>minProperties</c>/<c>maxProperties</c>: the members present, declared and additional, are counted.</summary>
    private void EmitPropertyCount(TypeModel type)
    {
        if (type.MinProperties is null && type.MaxProperties is null)
        {
            return;
        }

        _w.Line();
        _w.Line("int __members = AdditionalProperties?.Count ?? 0;");
        foreach (PropertyModel property in type.Properties)
        {
            _w.Line("__members += " + TypeSyntax.Present(string.Empty, property) + " ? 1 : 0;");
        }

        if (type.MinProperties is { } min)
        {
            _w.Open("if (__members < " + Int(min) + ")");
            FailBody(null, "must have at least " + Int(min) + Plural(" propert", min));
            _w.Close();
        }

        if (type.MaxProperties is { } max)
        {
            _w.Open("if (__members > " + Int(max) + ")");
            FailBody(null, "must have at most " + Int(max) + Plural(" propert", max));
            _w.Close();
        }
    }

    /// <summary>The checks DataAnnotations attributes cannot make: for <c>[SchemaRules]</c>.</summary>
    private void EmitTypeLevel(TypeModel type)
    {
        _w.Line();
        _w.Open("internal bool ValidateTypeLevel(" + TypeSyntax.Runtime + "ValidationCollector? errors)");
        _w.Line("bool valid = ValidateReadErrors(errors);");
        foreach (PropertyModel property in type.Properties.Where(p => TypeSyntax.StorageOf(p) == Storage.RequiredValue && !p.IsReadOnly))
        {
            _w.Open("if (" + TypeSyntax.Absent(string.Empty, property) + " && !HasReadError(" + Literals.String(property.JsonName) + "))");
            FailBody(Literals.String(property.JsonName), "is required");
            _w.Close();
        }

        EmitUndeclaredRequired(type);
        if (!type.Rules.IsEmpty)
        {
            _w.Open("if (!ValidateRules(errors))");
            FailBody(null);
            _w.Close();
        }

        EmitPropertyCount(type);
        _w.Line("return valid;");
        _w.Close();
    }

    /// <summary>
    /// <c>required</c> names that <c>properties</c> does not declare (OAS009): the member must be present, and the
    /// reader keeps its value in <c>AdditionalProperties</c>. With <c>additionalProperties: false</c> the member is
    /// also forbidden, so no object is valid, as JSON Schema says.
    /// </summary>
    private void EmitUndeclaredRequired(TypeModel type)
    {
        foreach (string name in type.UndeclaredRequired)
        {
            string segment = Literals.String(name);
            _w.Line();
            _w.Open("if (AdditionalProperties is null || !AdditionalProperties.ContainsKey(" + segment + "))");
            FailBody(segment, "is required");
            _w.Close();
        }
    }

    private void EmitReadErrors()
    {
        _w.Line();
        _w.Line("/// <summary>Problems met while reading JSON (a wrong type, a null where none is allowed), reported by validation.</summary>");
        _w.Open("private bool ValidateReadErrors(" + TypeSyntax.Runtime + "ValidationCollector? errors)");
        _w.Open("if (__readErrors is null)");
        _w.Line("return true;");
        _w.Close();
        _w.Line();
        _w.Line("errors?.AddRelative(__readErrors);");
        _w.Line("return false;");
        _w.Close();
        _w.Line();
        _w.Line("private bool HasReadError(string property) => __readErrors is not null && " + TypeSyntax.Runtime + "OpenApiRuntime.HasErrorAt(__readErrors, property);");
        _w.Line();
        _w.Line("internal void AddReadError(string pointer, string message) => (__readErrors ??= new global::System.Collections.Generic.List<" + TypeSyntax.Sdk + "ValidationError>()).Add(new " + TypeSyntax.Sdk + "ValidationError(pointer, message));");
    }

    private void EmitProperty(PropertyModel property)
    {
        string segment = Literals.String(property.JsonName);
        bool needsValueChecks = NeedsChecks(property.Type, property.Constraints);
        // A read-only property is set by the server: a request leaves it out, so Validate() does not require it.
        bool required = property.Required && !property.IsReadOnly;
        if (!required && !needsValueChecks)
        {
            return;
        }

        _w.Line();
        string? isNull = TypeSyntax.PresentButNull(string.Empty, property);
        if (required)
        {
            _w.Open("if (" + TypeSyntax.Absent(string.Empty, property) + ")");
            _w.Open("if (!HasReadError(" + segment + "))");
            FailBody(segment, "is required");
            _w.Close();
            _w.Close();
            if (!needsValueChecks)
            {
                return;
            }

            _w.Open(isNull is null ? "else" : "else if (!(" + isNull + "))");
        }
        else
        {
            _w.Open("if (" + TypeSyntax.Present(string.Empty, property) + (isNull is null ? ")" : " && !(" + isNull + "))"));
        }

        _w.Line("errors?.Enter(" + segment + ");");
        EmitValueChecks(property.Type, property.Constraints, TypeSyntax.Value(string.Empty, property));
        _w.Line("errors?.Exit();");
        _w.Close();
    }

    private static bool NeedsChecks(TypeRef type, Constraints constraints) => type.Kind switch
    {
        TypeRefKind.Model or TypeRefKind.Enum or TypeRefKind.Union => true,
        TypeRefKind.Array or TypeRefKind.Map => !constraints.IsEmpty || !type.ElementAllowsNull && !type.Element!.IsValueType || NeedsChecks(type.Element!, type.ElementConstraints ?? Constraints.None),
        _ => !constraints.IsEmpty,
    };

    /// <summary>Checks on a non-null value whose pointer the collector has already entered.</summary>
    private void EmitValueChecks(TypeRef type, Constraints c, string value)
    {
        switch (type.Kind)
        {
            case TypeRefKind.Model:
            case TypeRefKind.Union:
                _w.Open("if (!((" + TypeSyntax.Runtime + "IOpenApiModel)" + value + ").ValidateCore(errors))");
                FailBody(null);
                _w.Close();
                return;
            case TypeRefKind.Enum:
                _w.Open("if (!" + value + ".IsKnown)");
                FailBody(null, "must be one of the values the spec lists");
                _w.Close();
                break;
            case TypeRefKind.Array:
            case TypeRefKind.Map:
                EmitCollectionChecks(type, c, value);
                return;
        }

        foreach ((string violated, string message) in Violations(type, c, value))
        {
            _w.Open("if (" + violated + ")");
            FailBody(null, message);
            _w.Close();
        }
    }

    private void EmitCollectionChecks(TypeRef type, Constraints c, string value)
    {
        foreach ((string violated, string message) in Violations(type, c, value))
        {
            _w.Open("if (" + violated + ")");
            FailBody(null, message);
            _w.Close();
        }

        TypeRef element = type.Element!;
        Constraints elementConstraints = type.ElementConstraints ?? Constraints.None;
        bool nullCheck = !type.ElementAllowsNull && !element.IsValueType;
        bool checks = NeedsChecks(element, elementConstraints);
        if (!nullCheck && !checks)
        {
            return;
        }

        int depth = ++_depth;
        string item = "item" + depth.ToString(CultureInfo.InvariantCulture);
        string nullableValue = type.ElementAllowsNull && element.IsValueType ? item + ".GetValueOrDefault()" : item;
        if (type.Kind == TypeRefKind.Array)
        {
            string index = "i" + depth.ToString(CultureInfo.InvariantCulture);
            _w.Open("for (int " + index + " = 0; " + index + " < " + value + ".Count; " + index + "++)");
            _w.Line("var " + item + " = " + value + "[" + index + "];");
            _w.Line("errors?.Enter(" + index + ");");
        }
        else
        {
            string entry = "entry" + depth.ToString(CultureInfo.InvariantCulture);
            _w.Open("foreach (var " + entry + " in " + value + ")");
            _w.Line("var " + item + " = " + entry + ".Value;");
            _w.Line("errors?.Enter(" + entry + ".Key);");
        }

        if (nullCheck || type.ElementAllowsNull)
        {
            _w.Open("if (" + item + " is null)");
            if (nullCheck)
            {
                FailBody(null, "must not be null");
            }

            _w.Close();
            if (checks)
            {
                _w.Open("else");
                EmitValueChecks(element, elementConstraints, nullableValue);
                _w.Close();
            }
        }
        else
        {
            EmitValueChecks(element, elementConstraints, nullableValue);
        }

        _w.Line("errors?.Exit();");
        _w.Close();
        _depth--;
    }

    /// <summary>Each constraint as (C# condition that is true when it is broken, message).</summary>
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
                yield return ("!" + TypeSyntax.Runtime + "OpenApiRuntime.IsMatch(" + Pattern(pattern) + ", " + value + ")", "must match the pattern " + pattern);
            }

            if (c.Format is { } format)
            {
                (string check, string message) = format switch
                {
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

        return "__Patterns.P" + index.ToString(CultureInfo.InvariantCulture);
    }

    private void EmitRules(TypeModel type)
    {
        _w.Line();
        _w.Line("/// <summary>The schema's if/then/else rules.</summary>");
        _w.Open("private bool ValidateRules(" + TypeSyntax.Runtime + "ValidationCollector? errors)");
        _w.Line("bool valid = true;");
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

        _w.Line("return valid;");
        _w.Close();
    }

    /// <summary>A C# condition: the object at <paramref name="owner"/> matches the fragment.</summary>
    private string Condition(SchemaCheck check, string owner)
    {
        var parts = new List<string>();
        foreach (PropertyModel required in check.Required)
        {
            parts.Add(TypeSyntax.Present(owner, required));
        }

        foreach (PropertyCheck nested in check.Properties)
        {
            PropertyModel property = nested.Property;
            string inner = property.Type.Kind == TypeRefKind.Model
                ? Condition(nested.Check, TypeSyntax.Value(owner, property) + ".")
                : ValueCondition(property.Type, nested.Check.Constraints, TypeSyntax.Value(owner, property));
            if (inner == "true")
            {
                continue;
            }

            string? isNull = TypeSyntax.PresentButNull(owner, property);
            parts.Add("(" + TypeSyntax.Absent(owner, property) + (isNull is null ? string.Empty : " || " + isNull) + " || (" + inner + "))");
        }

        return parts.Count == 0 ? "true" : string.Join(" && ", parts);
    }

    private string ValueCondition(TypeRef type, Constraints c, string value)
    {
        List<string> holds = Violations(type, c, value).Select(v => "!(" + v.Violated + ")").ToList();
        return holds.Count == 0 ? "true" : string.Join(" && ", holds);
    }

    private void EmitAssertions(SchemaCheck check, string owner, string because)
    {
        foreach (PropertyModel required in check.Required)
        {
            _w.Open("if (" + TypeSyntax.Absent(owner, required) + ")");
            FailBody(Literals.String(required.JsonName), "is required" + because);
            _w.Close();
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
            _w.Line("errors?.Enter(" + Literals.String(property.JsonName) + ");");
            if (hasNested)
            {
                EmitAssertions(nested.Check, TypeSyntax.Value(owner, property) + ".", because);
            }

            foreach ((string violated, string message) in violations)
            {
                _w.Open("if (" + violated + ")");
                FailBody(null, message + because);
                _w.Close();
            }

            _w.Line("errors?.Exit();");
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

    /// <summary>Marks the result invalid, adding an error when collecting; returns at once when only asked whether valid.</summary>
    private void FailBody(string? segment, string? message = null)
    {
        _w.Open("if (errors is null)");
        _w.Line("return false;");
        _w.Close();
        _w.Line();
        _w.Line("valid = false;");
        if (message is not null)
        {
            _w.Line("errors.Add(" + (segment ?? "null") + ", " + Literals.String(message) + ");");
        }
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
