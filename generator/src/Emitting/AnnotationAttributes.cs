using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OpenApiSdk.Common;
using OpenApiSdk.Generator.Model;

namespace OpenApiSdk.Generator.Emitting;

/// <summary>
/// DataAnnotations attributes for a property, so <c>Validator.TryValidateObject</c> and ASP.NET Core
/// enforce the same rules as <c>Validate()</c>. BCL attributes where their meaning matches JSON Schema
/// exactly; the generated ones (<c>MultipleOf</c>, <c>UniqueItems</c>, <c>SchemaEnum</c>, <c>SchemaPattern</c>, <c>SchemaFormat</c>) elsewhere.
/// </summary>
internal static class AnnotationAttributes
{
    /// <summary>The attributes (without brackets, through the file's aliases) for one property.</summary>
    public static IEnumerable<string> For(PropertyModel property)
    {
        Constraints c = property.Constraints;
        TypeRef type = property.Type;
        if (property.Required && !property.IsReadOnly && !property.AllowsNull && !type.IsValueType)
        {
            yield return "__Required" + (type.Kind == TypeRefKind.String ? "(AllowEmptyStrings = true)" : string.Empty);
        }

        if (type.Kind == TypeRefKind.String && (c.MinLength is not null || c.MaxLength is not null))
        {
            // StringLength counts UTF-16 units and JSON Schema counts code points; the generated attribute counts as the spec does.
            yield return "__SchemaLength(" + Int(c.MinLength ?? 0) + ", " + Int(c.MaxLength ?? int.MaxValue) + ")";
        }

        if (type.Kind == TypeRefKind.Array && (c.MinItems is not null || c.MaxItems is not null))
        {
            // MinLength/MaxLength read Count through reflection, which trimming breaks; the generated attribute does not.
            yield return "__SchemaItems(" + Int(c.MinItems ?? 0) + ", " + Int(c.MaxItems ?? int.MaxValue) + ")";
        }

        if (c.Pattern is { } pattern)
        {
            yield return "__SchemaPattern(" + Literals.String(EcmaPattern.ToDotNet(pattern)) + ")";
        }

        if (type.Kind == TypeRefKind.String && c.Format is { } format)
        {
            yield return "__SchemaFormat(" + Literals.String(format) + ")";
        }

        if (type.IsNumber && (c.Minimum is not null || c.Maximum is not null))
        {
            yield return RangeAttribute(type.Kind, c);
        }

        if (type.IsNumber && c.MultipleOf is { } multipleOf)
        {
            yield return "__MultipleOf(" + TypeSyntax.Number(multipleOf, TypeRefKind.Double) + ")";
        }

        if (type.Kind == TypeRefKind.Array && c.UniqueItems)
        {
            yield return "__UniqueItems";
        }

        if (type.Kind == TypeRefKind.Enum)
        {
            yield return "__SchemaEnum";
        }
        else if (!c.Enum.IsEmpty || c.Const is not null)
        {
            IEnumerable<JsonLiteral> allowed = c.Const is { } constant ? new[] { constant } : c.Enum;
            yield return "__SchemaEnum(" + string.Join(", ", allowed.Select(v => Literals.String(v.Text))) + ")";
        }
    }

    private static string RangeAttribute(TypeRefKind kind, Constraints c)
    {
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

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
