using OpenApiSdk.Runtime;
using System;
using System.Collections;
using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace OpenApiSdk;

/// <summary>JSON Schema <c>minLength</c>/<c>maxLength</c>, counted in code points as the spec counts them.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class SchemaLengthAttribute : ValidationAttribute
{
    /// <summary>Creates the rule.</summary>
    public SchemaLengthAttribute(int minimumLength, int maximumLength)
    {
        MinimumLength = minimumLength;
        MaximumLength = maximumLength;
    }

    /// <summary>The least number of code points.</summary>
    public int MinimumLength { get; }

    /// <summary>The greatest number of code points.</summary>
    public int MaximumLength { get; }

    /// <inheritdoc/>
    public override string FormatErrorMessage(string name) => "The field " + name + " must be " + MinimumLength + " to " + MaximumLength + " characters long.";

    /// <inheritdoc/>
    public override bool IsValid(object? value) =>
        value is not string text || (OpenApiRuntime.Length(text) >= MinimumLength && OpenApiRuntime.Length(text) <= MaximumLength);
}

/// <summary>JSON Schema <c>minItems</c>/<c>maxItems</c>, without reflection.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class SchemaItemsAttribute : ValidationAttribute
{
    /// <summary>Creates the rule.</summary>
    public SchemaItemsAttribute(int minimumCount, int maximumCount)
    {
        MinimumCount = minimumCount;
        MaximumCount = maximumCount;
    }

    /// <summary>The least number of items.</summary>
    public int MinimumCount { get; }

    /// <summary>The greatest number of items.</summary>
    public int MaximumCount { get; }

    /// <inheritdoc/>
    public override string FormatErrorMessage(string name) => "The field " + name + " must have " + MinimumCount + " to " + MaximumCount + " items.";

    /// <inheritdoc/>
    public override bool IsValid(object? value) =>
        value is not System.Collections.ICollection items || (items.Count >= MinimumCount && items.Count <= MaximumCount);
}

/// <summary>JSON Schema <c>pattern</c>: the value must contain a match (a search, unlike RegularExpressionAttribute's whole-string match).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class SchemaPatternAttribute : ValidationAttribute
{
    private Regex? _regex;

    /// <summary>Creates the rule.</summary>
    public SchemaPatternAttribute(string pattern)
    {
        Pattern = pattern;
    }

    /// <summary>The pattern as the spec writes it (ECMA-262), translated to .NET's dialect on first use.</summary>
    public string Pattern { get; }

    // The pattern is spec text: it is concatenated, never used as a format string.
    /// <inheritdoc/>
    public override string FormatErrorMessage(string name) => "The field " + name + " must match the pattern " + Pattern + ".";

    /// <inheritdoc/>
    public override bool IsValid(object? value) =>
        value is not string text || OpenApiRuntime.IsMatch(_regex ??= OpenApiRuntime.CreatePattern(OpenApiRuntime.DotNetPattern(Pattern)), text);
}

/// <summary>JSON Schema <c>format</c>, one of the formats the SDK checks (see <see cref="FormatChecks"/>).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class SchemaFormatAttribute : ValidationAttribute
{
    private readonly Common.StringFormat? _format;

    /// <summary>Creates the rule for the format named <paramref name="format"/> (<c>hostname</c>, <c>date</c>, ...).</summary>
    public SchemaFormatAttribute(string format)
    {
        Format = format;
        _format = Common.StringFormats.Find(format);
    }

    /// <summary>The format's JSON Schema name.</summary>
    public string Format { get; }

    /// <inheritdoc/>
    public override string FormatErrorMessage(string name) => "The field " + name + " " + (_format?.Message ?? "must have the format " + Format) + ".";

    /// <inheritdoc/>
    public override bool IsValid(object? value) => value is not string text || _format is null || FormatChecks.Check(_format, text);
}

/// <summary>JSON Schema <c>minimum</c>/<c>maximum</c> with the exclusive forms, on every target framework.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class SchemaRangeAttribute : ValidationAttribute
{
    /// <summary>Creates the rule.</summary>
    public SchemaRangeAttribute(double minimum, double maximum)
    {
        Minimum = minimum;
        Maximum = maximum;
    }

    /// <summary>The lower bound.</summary>
    public double Minimum { get; }

    /// <summary>The upper bound.</summary>
    public double Maximum { get; }

    /// <inheritdoc/>
    public override string FormatErrorMessage(string name) => "The field " + name + " is out of range.";

    /// <summary>True when the value must be greater than <see cref="Minimum"/>.</summary>
    public bool MinimumIsExclusive { get; set; }

    /// <summary>True when the value must be less than <see cref="Maximum"/>.</summary>
    public bool MaximumIsExclusive { get; set; }

    /// <inheritdoc/>
    public override bool IsValid(object? value)
    {
        if (value is null)
        {
            return true;
        }

        double number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
        return (MinimumIsExclusive ? number > Minimum : number >= Minimum) && (MaximumIsExclusive ? number < Maximum : number <= Maximum);
    }
}

/// <summary>JSON Schema <c>multipleOf</c>.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class MultipleOfAttribute : ValidationAttribute
{
    /// <summary>Creates the rule.</summary>
    public MultipleOfAttribute(double divisor)
    {
        Divisor = divisor;
    }

    /// <summary>The number the value must be a multiple of.</summary>
    public double Divisor { get; }

    /// <inheritdoc/>
    public override string FormatErrorMessage(string name) => "The field " + name + " must be a multiple of " + Divisor.ToString(CultureInfo.InvariantCulture) + ".";

    /// <inheritdoc/>
    public override bool IsValid(object? value) =>
        value is null || OpenApiRuntime.IsMultipleOf(Convert.ToDouble(value, CultureInfo.InvariantCulture), Divisor);
}

/// <summary>JSON Schema <c>uniqueItems</c>.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class UniqueItemsAttribute : ValidationAttribute
{
    /// <summary>Creates the rule.</summary>
    public UniqueItemsAttribute()
    {
    }

    /// <inheritdoc/>
    public override string FormatErrorMessage(string name) => "The field " + name + " must not contain duplicate items.";

    /// <inheritdoc/>
    public override bool IsValid(object? value) =>
        value is not System.Collections.IEnumerable items || OpenApiRuntime.AllUnique(Enumerable.Cast<object?>(items));
}

/// <summary>JSON Schema <c>enum</c>/<c>const</c>: the value must be one of the listed ones (or, for a generated enum, one the spec lists).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class SchemaEnumAttribute : ValidationAttribute
{
    /// <summary>Creates the rule; with no values, the value's own type (a generated enum) knows what is allowed.</summary>
    public SchemaEnumAttribute(params string[] allowedValues)
    {
        AllowedValues = allowedValues;
    }

    /// <inheritdoc/>
    public override string FormatErrorMessage(string name) => "The field " + name + " must be one of the values the spec lists.";

    /// <summary>The allowed values, as JSON text.</summary>
    public IReadOnlyList<string> AllowedValues { get; }

    /// <inheritdoc/>
    public override bool IsValid(object? value)
    {
        if (value is null)
        {
            return true;
        }

        if (value is IOpenApiEnumValue known)
        {
            return known.IsKnown;
        }

        string text = value is bool flag ? (flag ? "true" : "false") : Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
        foreach (string allowed in AllowedValues)
        {
            if (allowed == text)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>The rules no property attribute can state: conditional (if/then/else) rules, required numbers and flags, and values of the wrong JSON type.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class SchemaRulesAttribute : ValidationAttribute
{
    /// <inheritdoc/>
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is not IOpenApiModel model)
        {
            return ValidationResult.Success;
        }

        var errors = new ValidationCollector();
        if (model.ValidateTypeLevel(errors))
        {
            return ValidationResult.Success;
        }

        var pointers = new List<string>();
        foreach (ValidationError error in errors.Errors)
        {
            pointers.Add(error.Pointer);
        }

        return new ValidationResult(string.Join("; ", errors.Errors), pointers);
    }
}
