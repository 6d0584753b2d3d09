using System.Globalization;
using System.Text.RegularExpressions;
using OpenApiSdk.Generator.Emitting;
using OpenApiSdk.Generator.Emitting.Code;
using OpenApiSdk.Generator.Model;
using static OpenApiSdk.Generator.Validation.Catalogue;

namespace OpenApiSdk.Generator.Validation;

/// <summary>The numeric keywords of the 2020-12 validation vocabulary (§6.2); <c>exclusiveMinimum</c>/<c>exclusiveMaximum</c> are the bounds' exclusive forms.</summary>
internal static partial class Keywords
{
    private static readonly Twin Range = new("__Range", (type, c) => RangeAttribute(type.Kind, c));

    public static readonly Keyword Minimum = new("minimum", JsonTypes.Number | JsonTypes.Integer, IsNumber,
        x => x.Constraints.Minimum is { } bound
            ? Bound(x.Kind, "minimum", bound, x.Constraints.ExclusiveMinimum, "ExclusiveMinimum", "Minimum", "<=", "<", "must be greater than ", "must be greater than or equal to ")
            : null,
        c => c.Minimum is { } bound ? (c.ExclusiveMinimum ? "greater than " : "at least ") + bound : null,
        Range);

    public static readonly Keyword Maximum = new("maximum", JsonTypes.Number | JsonTypes.Integer, IsNumber,
        x => x.Constraints.Maximum is { } bound
            ? Bound(x.Kind, "maximum", bound, x.Constraints.ExclusiveMaximum, "ExclusiveMaximum", "Maximum", ">=", ">", "must be less than ", "must be less than or equal to ")
            : null,
        c => c.Maximum is { } bound ? (c.ExclusiveMaximum ? "less than " : "at most ") + bound : null,
        Range);

    public static readonly Keyword MultipleOf = new("multipleOf", JsonTypes.Number | JsonTypes.Integer, IsNumber,
        x =>
        {
            if (x.Constraints.MultipleOf is not { } multipleOf)
            {
                return null;
            }

            TypeRefKind kind = x.Kind;
            bool integral = x.Type.IsInteger && long.TryParse(multipleOf, NumberStyles.None, CultureInfo.InvariantCulture, out _);
            string divisor = integral || kind == TypeRefKind.Decimal ? TypeSyntax.Number(multipleOf, kind) : TypeSyntax.Number(multipleOf, TypeRefKind.Double);
            System.Func<Expr, Expr> violated = integral || kind == TypeRefKind.Decimal
                ? v => Expr.Compare(Expr.Arithmetic(v, "%", Literal(divisor)), "!=", Literal(integral ? "0" : "0m"))
                : v => Expr.Call(RuntimeNames.OpenApiRuntime + ".IsMultipleOf", v, Literal(divisor)).Not();
            return new Rule("multipleOf", violated, "must be a multiple of " + multipleOf, SaysSame(divisor, multipleOf) ? new RuntimeCheck("MultipleOf", divisor) : null);
        },
        c => c.MultipleOf is { } multipleOf ? "a multiple of " + multipleOf : null,
        new Twin("__MultipleOf", (type, c) => !IsNumber(type.Kind) ? null : "__MultipleOf(" + TypeSyntax.Number(c.MultipleOf!, TypeRefKind.Double) + ")"));

    /// <summary><c>minimum</c>/<c>maximum</c>: a runtime check, unless the runtime would print the bound differently from the spec.</summary>
    private static Rule Bound(TypeRefKind kind, string keyword, string bound, bool exclusive, string exclusiveMethod, string method, string exclusiveViolation, string violation, string exclusiveMessage, string message)
    {
        string literal = TypeSyntax.Number(bound, kind);
        return new Rule(
            exclusive ? "exclusive" + char.ToUpperInvariant(keyword[0]) + keyword.Substring(1) : keyword,
            v => Expr.Compare(v, exclusive ? exclusiveViolation : violation, Literal(literal)),
            (exclusive ? exclusiveMessage : message) + bound,
            SaysSame(literal, bound) ? new RuntimeCheck(exclusive ? exclusiveMethod : method, literal) : null);
    }

    /// <summary>
    /// True when the runtime prints the C# number <paramref name="literal"/> (in a message) exactly as the spec wrote
    /// <paramref name="text"/>: integers as written, decimals with their scale, doubles in their shortest form,
    /// which for the plain decimal notation of at most 15 significant digits down to 0.0001 is the text itself.
    /// </summary>
    internal static bool SaysSame(string literal, string text)
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

    private static string? RangeAttribute(TypeRefKind kind, Constraints c)
    {
        if (!IsNumber(kind))
        {
            return null;
        }

        if (c.ExclusiveMinimum || c.ExclusiveMaximum)
        {
            // RangeAttribute's exclusive bounds exist only on .NET 8+; the generated attribute works everywhere.
            return "__SchemaRange(" + Double(c.Minimum, "double.MinValue") + ", " + Double(c.Maximum, "double.MaxValue")
                + (c.ExclusiveMinimum ? ", MinimumIsExclusive = true" : string.Empty)
                + (c.ExclusiveMaximum ? ", MaximumIsExclusive = true" : string.Empty) + ")";
        }

        if (kind is TypeRefKind.Int32 && IsInt(c.Minimum) && IsInt(c.Maximum))
        {
            return "__Range(" + (c.Minimum ?? "int.MinValue") + ", " + (c.Maximum ?? "int.MaxValue") + ")";
        }

        return "__Range(" + Double(c.Minimum, "double.MinValue") + ", " + Double(c.Maximum, "double.MaxValue") + ")";
    }

    private static string Double(string? bound, string unbounded) => bound is null ? unbounded : TypeSyntax.Number(bound, TypeRefKind.Double);

    private static bool IsInt(string? text) => text is null || int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
}
