using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using OpenApiSdk.Common;
using OpenApiSdk.Generator.Diagnostics;
using OpenApiSdk.Generator.Model;
using OpenApiSdk.Generator.Yaml;

namespace OpenApiSdk.Generator.Building;

/// <summary>Reads a schema's validation keywords into <see cref="Constraints"/>, reporting the ones that cannot hold.</summary>
internal sealed class ConstraintReader
{
    private readonly DiagnosticBag _diagnostics;
    private readonly bool _isOpenApi31;

    public ConstraintReader(DiagnosticBag diagnostics, bool isOpenApi31, bool validateFormats = true)
    {
        _diagnostics = diagnostics;
        _isOpenApi31 = isOpenApi31;
        ValidateFormats = validateFormats;
    }

    /// <summary>
    /// Whether <c>format</c> is asserted (the <c>ValidateFormats</c> metadata, JSON Schema 2020-12 §7.2): then a string's
    /// format from <see cref="StringFormats"/> is a check; otherwise every format only annotates.
    /// </summary>
    public bool ValidateFormats { get; }

    /// <summary>The format a string schema's values are checked against, or null when it only annotates.</summary>
    public StringFormat? CheckedFormat(string? format) => ValidateFormats ? StringFormats.Find(format) : null;

    /// <summary>
    /// The <c>type</c> list of a value of several types (<c>[integer, string]</c>, null included when listed) as JSON Schema's
    /// names separated by spaces, in the order written; null when the schema allows any type. A single type (<c>'null'</c>)
    /// is not a list here.
    /// </summary>
    private static string? TypeList(YamlNode schema)
    {
        if (schema.Get("type") is not { IsSequence: true } types || types.Items!.Count < 2)
        {
            return null;
        }

        var names = new List<string>();
        foreach (YamlNode item in types.Items)
        {
            if (item.Value is "string" or "integer" or "number" or "boolean" or "object" or "array" or "null" && !names.Contains(item.Value))
            {
                names.Add(item.Value);
            }
        }

        return names.Count == 0 ? null : string.Join(" ", names);
    }

    public Constraints Read(YamlNode schema, TypeRefKind kind)
    {
        if (!schema.IsMapping)
        {
            return Constraints.None;
        }

        int? minLength = ReadCount(schema, "minLength");
        int? maxLength = ReadCount(schema, "maxLength");
        if (minLength > maxLength)
        {
            _diagnostics.Report(DiagnosticDescriptors.ContradictoryConstraints, schema.Get("minLength"), $"minLength {minLength} is greater than maxLength {maxLength}");
            minLength = maxLength = null;
        }

        // An object's minProperties/maxProperties are kept as MinItems/MaxItems: both count what a collection holds.
        string countedMin = kind == TypeRefKind.Map ? "minProperties" : "minItems", countedMax = kind == TypeRefKind.Map ? "maxProperties" : "maxItems";
        int? minItems = ReadCount(schema, countedMin);
        int? maxItems = ReadCount(schema, countedMax);
        if (minItems > maxItems)
        {
            _diagnostics.Report(DiagnosticDescriptors.ContradictoryConstraints, schema.Get(countedMin), $"{countedMin} {minItems} is greater than {countedMax} {maxItems}");
            minItems = maxItems = null;
        }

        string? pattern = ReadPattern(schema);
        (string? minimum, bool exclusiveMinimum) = ReadBound(schema, "minimum", "exclusiveMinimum");
        (string? maximum, bool exclusiveMaximum) = ReadBound(schema, "maximum", "exclusiveMaximum");
        if (minimum is not null && maximum is not null)
        {
            double low = ParseNumber(minimum), high = ParseNumber(maximum);
            if (low > high || (low == high && (exclusiveMinimum || exclusiveMaximum)))
            {
                _diagnostics.Report(DiagnosticDescriptors.ContradictoryConstraints, schema.Get("minimum") ?? schema.Get("exclusiveMinimum"), $"minimum {minimum} is greater than maximum {maximum}");
                minimum = maximum = null;
                exclusiveMinimum = exclusiveMaximum = false;
            }
        }

        string? multipleOf = ReadNumber(schema, "multipleOf");
        if (multipleOf is not null && ParseNumber(multipleOf) <= 0)
        {
            _diagnostics.Report(DiagnosticDescriptors.IgnoredValue, schema.Get("multipleOf"), $"multipleOf must be greater than 0, not {multipleOf}; it is ignored");
            multipleOf = null;
        }

        bool anyType = kind == TypeRefKind.Any; // a JsonElement: every keyword is kept, and checked on values of its type
        if (!IsNumeric(kind) && !anyType)
        {
            minimum = maximum = multipleOf = null;
            exclusiveMinimum = exclusiveMaximum = false;
        }

        if (kind != TypeRefKind.String && kind != TypeRefKind.Enum && !anyType)
        {
            minLength = maxLength = null;
            pattern = null;
        }

        var constraints = new Constraints(
            minLength,
            maxLength,
            pattern,
            minimum,
            maximum,
            exclusiveMinimum,
            exclusiveMaximum,
            multipleOf,
            kind is TypeRefKind.Array or TypeRefKind.Map or TypeRefKind.Any ? minItems : null,
            kind is TypeRefKind.Array or TypeRefKind.Map or TypeRefKind.Any ? maxItems : null,
            (kind == TypeRefKind.Array || anyType) && schema.GetBool("uniqueItems"),
            ReadEnum(schema, kind),
            ReadConst(schema, kind) ?? (kind == TypeRefKind.Any && OnlyNull(schema) ? new JsonLiteral(JsonLiteralKind.Null, "null") : null),
            kind == TypeRefKind.String || anyType ? CheckedFormat(schema.GetString("format"))?.Name : null);
        if (schema.Get("enum") is { IsSequence: true, Items.Count: 0 })
        {
            constraints = constraints with { EmptyEnum = true };
        }

        if (anyType)
        {
            (int? minProperties, int? maxProperties) = ReadPropertyCounts(schema);
            constraints = constraints with { MinProperties = minProperties, MaxProperties = maxProperties, Types = TypeList(schema) };
        }

        Constraints result = constraints.IsEmpty ? Constraints.None : constraints;
        CheckDefault(schema, kind, result, SchemaBuilder.AllowsNull(schema));
        return result;
    }

    /// <summary><c>type: "null"</c> (or <c>["null"]</c>): the one value allowed is null, which is <c>const: null</c> (a JSON value holds it).</summary>
    private static bool OnlyNull(YamlNode schema) => schema.Get("type") switch
    {
        { IsScalar: true, Value: "null" } => true,
        { IsSequence: true, Items: { Count: > 0 } items } => items.All(t => t.Value == "null"),
        _ => false,
    };

    /// <summary>
    /// Checks the schema's <c>default</c> against the schema's own type and rules (OAS008); false when it
    /// breaks one, so that it is not documented as the default.
    /// </summary>
    public bool CheckDefault(YamlNode schema, TypeRefKind kind, Constraints constraints, bool allowsNull = false)
    {
        if (!schema.IsMapping || schema.Get("default") is not { } node)
        {
            return true;
        }

        string? problem = DefaultProblem(schema, node, kind, constraints, allowsNull || SchemaBuilder.AllowsNull(schema));
        if (problem is null)
        {
            return true;
        }

        _diagnostics.Report(DiagnosticDescriptors.InvalidEnumOrDefault, node, problem + "; the default is left out of the documentation");
        return false;
    }

    private static string? DefaultProblem(YamlNode schema, YamlNode node, TypeRefKind kind, Constraints c, bool allowsNull)
    {
        string shown = node.IsScalar ? "'" + Shorten(node.Value!) + "'" : node.IsSequence ? "list" : "object";
        switch (kind)
        {
            case TypeRefKind.Array:
                if (!node.IsSequence)
                {
                    return node.IsNull && allowsNull ? null : $"The default {shown} is not an array";
                }

                int count = node.Items!.Count;
                return c.MinItems > count ? $"The default has {count} items, fewer than minItems {c.MinItems}"
                    : c.MaxItems < count ? $"The default has {count} items, more than maxItems {c.MaxItems}"
                    : null;
            case TypeRefKind.Map or TypeRefKind.Model:
                return node.IsMapping || (node.IsNull && allowsNull) ? null : $"The default {shown} is not an object";
            case TypeRefKind.Any:
                return null;
        }

        if (JsonLiterals.From(node) is not { } literal)
        {
            return $"The default {shown} is not {JsonLiterals.Describe(kind)}";
        }

        if (literal.Kind == JsonLiteralKind.Null)
        {
            return allowsNull ? null : "The default is null, but the schema does not allow null";
        }

        if (!JsonLiterals.Fits(literal, kind))
        {
            return $"The default {shown} is not {JsonLiterals.Describe(kind)}";
        }

        if (schema.Get("enum") is { IsSequence: true } values)
        {
            bool found = false;
            foreach (YamlNode item in values.Items!)
            {
                found |= JsonLiterals.From(item) is { } allowed && allowed.Equals(literal);
            }

            if (!found)
            {
                return $"The default {shown} is not one of the enum values";
            }
        }

        if (c.Const is { } constant && !constant.Equals(literal))
        {
            return $"The default {shown} is not the const value '{Shorten(constant.Text)}'";
        }

        if (literal.Kind == JsonLiteralKind.String)
        {
            int length = CodePoints(literal.Text);
            if (c.MinLength > length)
            {
                return $"The default {shown} is shorter than minLength {c.MinLength}";
            }

            if (c.MaxLength < length)
            {
                return $"The default {shown} is longer than maxLength {c.MaxLength}";
            }

            if (c.Pattern is { } pattern && !Matches(pattern, literal.Text))
            {
                return $"The default {shown} does not match the pattern '{Shorten(pattern)}'";
            }
        }

        if (literal.Kind == JsonLiteralKind.Number)
        {
            double value = ParseNumber(literal.Text);
            if (c.Minimum is { } minimum && (c.ExclusiveMinimum ? value <= ParseNumber(minimum) : value < ParseNumber(minimum)))
            {
                return $"The default {shown} is below the {(c.ExclusiveMinimum ? "exclusive " : string.Empty)}minimum {minimum}";
            }

            if (c.Maximum is { } maximum && (c.ExclusiveMaximum ? value >= ParseNumber(maximum) : value > ParseNumber(maximum)))
            {
                return $"The default {shown} is above the {(c.ExclusiveMaximum ? "exclusive " : string.Empty)}maximum {maximum}";
            }

            if (c.MultipleOf is { } multipleOf && !IsMultiple(literal.Text, multipleOf))
            {
                return $"The default {shown} is not a multiple of {multipleOf}";
            }
        }

        return null;
    }

    private static bool IsMultiple(string value, string multipleOf)
    {
        if (decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal v)
            && decimal.TryParse(multipleOf, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal m)
            && m != 0)
        {
            return v % m == 0;
        }

        return true; // beyond decimal's range: not judged here
    }

    private static bool Matches(string pattern, string text)
    {
        try
        {
            return Regex.IsMatch(text, EcmaPattern.ToDotNet(pattern), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (RegexMatchTimeoutException)
        {
            return true; // not judged: the generated validator would time out too
        }
        catch (ArgumentException)
        {
            return true; // an invalid pattern is reported on its own (OAS006)
        }
    }

    private static int CodePoints(string text)
    {
        int count = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (!(char.IsLowSurrogate(text[i]) && i > 0 && char.IsHighSurrogate(text[i - 1])))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Spec text quoted in a message, cut short so a hostile value cannot flood the error list.</summary>
    internal static string Shorten(string text) => text.Length <= 80 ? text : text.Substring(0, 77) + "...";

    /// <summary>An object type's <c>minProperties</c> and <c>maxProperties</c>.</summary>
    public (int? Min, int? Max) ReadPropertyCounts(YamlNode schema)
    {
        int? min = ReadCount(schema, "minProperties"), max = ReadCount(schema, "maxProperties");
        if (min > max)
        {
            _diagnostics.Report(DiagnosticDescriptors.ContradictoryConstraints, schema.Get("minProperties"), $"minProperties {min} is greater than maxProperties {max}");
            return (null, null);
        }

        return (min, max);
    }

    internal int? ReadCount(YamlNode schema, string keyword)
    {
        YamlNode? node = schema.Get(keyword);
        if (node is null)
        {
            return null;
        }

        if (node.IsScalar && int.TryParse(node.Value, NumberStyles.None, CultureInfo.InvariantCulture, out int value))
        {
            return value;
        }

        // 2020-12 §6: a count is a non-negative integer, and 2.0 is an integer (a number with a zero fractional part).
        if (node.IsScalar && decimal.TryParse(node.Value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out decimal number)
            && number == decimal.Truncate(number) && number <= int.MaxValue)
        {
            return (int)number;
        }

        _diagnostics.Report(DiagnosticDescriptors.IgnoredValue, node, $"'{keyword}' must be a non-negative integer; it is ignored");
        return null;
    }

    private string? ReadNumber(YamlNode schema, string keyword)
    {
        YamlNode? node = schema.Get(keyword);
        if (node is null)
        {
            return null;
        }

        if (node.IsScalar && TryNormalizeNumber(node.Value!, out string? text))
        {
            return text;
        }

        _diagnostics.Report(DiagnosticDescriptors.IgnoredValue, node, $"'{keyword}' must be a number; it is ignored");
        return null;
    }

    private (string? Bound, bool Exclusive) ReadBound(YamlNode schema, string inclusiveKeyword, string exclusiveKeyword)
    {
        string? inclusive = ReadNumber(schema, inclusiveKeyword);
        YamlNode? exclusive = schema.Get(exclusiveKeyword);
        if (exclusive is null)
        {
            return (inclusive, false);
        }

        if (exclusive.IsScalar && exclusive.Value is "true" or "false")
        {
            // OpenAPI 3.0: a boolean that makes minimum/maximum exclusive.
            return (inclusive, inclusive is not null && exclusive.Value == "true");
        }

        // OpenAPI 3.1 (JSON Schema 2020-12): a number of its own.
        string? exclusiveBound = ReadNumber(schema, exclusiveKeyword);
        _ = _isOpenApi31;
        return exclusiveBound is null ? (inclusive, false) : (exclusiveBound, true);
    }

    private string? ReadPattern(YamlNode schema) => schema.Get("pattern") is { } node ? ValidPattern(node) : null;

    /// <summary>The pattern a scalar node holds, when .NET can compile its translation (<see cref="EcmaPattern"/>); an invalid one is reported (OAS006) and null.</summary>
    internal string? ValidPattern(YamlNode node)
    {
        if (!node.IsScalar)
        {
            return null;
        }

        string pattern = node.Value!;
        try
        {
            _ = new Regex(EcmaPattern.ToDotNet(pattern), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            return pattern;
        }
        catch (ArgumentException ex)
        {
            _diagnostics.Report(DiagnosticDescriptors.InvalidPattern, node, Shorten(pattern), Shorten(ex.Message.Replace(pattern, "...")));
            return null;
        }
    }

    private EquatableArray<JsonLiteral> ReadEnum(YamlNode schema, TypeRefKind kind)
    {
        YamlNode? node = schema.Get("enum");
        if (node is null)
        {
            return EquatableArray<JsonLiteral>.Empty;
        }

        if (!node.IsSequence)
        {
            _diagnostics.Report(DiagnosticDescriptors.IgnoredValue, node, "'enum' must be a list of values; it is ignored");
            return EquatableArray<JsonLiteral>.Empty;
        }

        var values = new List<JsonLiteral>(node.Items!.Count);
        var distinct = new HashSet<JsonLiteral>();
        int dropped = 0;
        foreach (YamlNode item in node.Items)
        {
            // An object or array among the allowed values of a value kept as JSON is compared as JSON.
            JsonLiteral? literal = JsonLiterals.From(item) ?? (kind == TypeRefKind.Any ? JsonLiterals.Structured(item) : null);
            if (literal is null && kind == TypeRefKind.Any)
            {
                _diagnostics.Report(DiagnosticDescriptors.UnsupportedConstruct, item, "An enum value nested more than 64 levels deep", "the enum is not checked");
                return EquatableArray<JsonLiteral>.Empty;
            }

            if (literal is null || (literal.Kind != JsonLiteralKind.Null && !JsonLiterals.Fits(literal, kind)))
            {
                // No value of the schema's type can equal it: leaving it out changes nothing the schema allows.
                _diagnostics.Report(DiagnosticDescriptors.InvalidEnumOrDefault, item, $"The enum value '{Shorten(item.Value ?? "(object)")}' is not {JsonLiterals.Describe(kind)}; no valid value can equal it, so it is left out");
                dropped++;
                continue;
            }

            if (distinct.Add(literal))
            {
                values.Add(literal);
            }
        }

        if (values.Count == 0 && dropped > 0)
        {
            _diagnostics.Report(DiagnosticDescriptors.ContradictoryConstraints, node, $"No enum value is {JsonLiterals.Describe(kind)}, so no value can satisfy the schema");
        }

        return values.ToEquatableArray();
    }

    private JsonLiteral? ReadConst(YamlNode schema, TypeRefKind kind)
    {
        YamlNode? node = schema.Get("const");
        if (node is null)
        {
            return null;
        }

        JsonLiteral? literal = JsonLiterals.From(node) ?? (kind == TypeRefKind.Any ? JsonLiterals.Structured(node) : null);
        if (literal is null && kind == TypeRefKind.Any)
        {
            _diagnostics.Report(DiagnosticDescriptors.UnsupportedConstruct, node, "A const nested more than 64 levels deep", "the value is not checked against it");
            return null;
        }

        if (literal is null || (literal.Kind != JsonLiteralKind.Null && !JsonLiterals.Fits(literal, kind)))
        {
            _diagnostics.Report(DiagnosticDescriptors.ContradictoryConstraints, node, $"The const value '{Shorten(node.Value ?? "(object)")}' is not {JsonLiterals.Describe(kind)}, so no value can satisfy the schema");
            return null;
        }

        return literal;
    }

    private static bool IsNumeric(TypeRefKind kind) =>
        kind is TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Single or TypeRefKind.Double or TypeRefKind.Decimal;

    public static bool TryNormalizeNumber(string text, out string? normalized)
    {
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal value))
        {
            normalized = value.ToString(CultureInfo.InvariantCulture);
            return true;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double big) && !double.IsInfinity(big) && !double.IsNaN(big))
        {
            normalized = big.ToString("R", CultureInfo.InvariantCulture);
            return true;
        }

        normalized = null;
        return false;
    }

    public static double ParseNumber(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
