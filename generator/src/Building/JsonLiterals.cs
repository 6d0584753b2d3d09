using System.Globalization;
using OpenApiSdk.Generator.Model;
using OpenApiSdk.Generator.Yaml;

namespace OpenApiSdk.Generator.Building;

/// <summary>YAML scalars as JSON values: a plain <c>1</c> is a number, a quoted <c>"1"</c> a string.</summary>
internal static class JsonLiterals
{
    public static JsonLiteral? From(YamlNode node)
    {
        if (!node.IsScalar)
        {
            return null;
        }

        string text = node.Value!;
        if (!node.IsPlain)
        {
            return new JsonLiteral(JsonLiteralKind.String, text);
        }

        if (node.IsNull)
        {
            return new JsonLiteral(JsonLiteralKind.Null, "null");
        }

        if (text is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
        {
            return new JsonLiteral(JsonLiteralKind.Boolean, text.ToLowerInvariant());
        }

        if (LooksNumeric(text) && ConstraintReader.TryNormalizeNumber(text, out string? number))
        {
            return new JsonLiteral(JsonLiteralKind.Number, number!);
        }

        return new JsonLiteral(JsonLiteralKind.String, text);
    }

    /// <summary>True when the value can be held by a property of <paramref name="kind"/>.</summary>
    public static bool Fits(JsonLiteral literal, TypeRefKind kind) => kind switch
    {
        TypeRefKind.String or TypeRefKind.Enum or TypeRefKind.DateTimeOffset or TypeRefKind.Guid or TypeRefKind.Bytes => literal.Kind == JsonLiteralKind.String,
        TypeRefKind.Int32 => literal.Kind == JsonLiteralKind.Number && int.TryParse(literal.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        TypeRefKind.Int64 => literal.Kind == JsonLiteralKind.Number && long.TryParse(literal.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        TypeRefKind.Single or TypeRefKind.Double or TypeRefKind.Decimal => literal.Kind == JsonLiteralKind.Number,
        TypeRefKind.Boolean => literal.Kind == JsonLiteralKind.Boolean,
        TypeRefKind.Any => true,
        _ => false,
    };

    /// <summary>What a value of <paramref name="kind"/> is called in messages, with its article.</summary>
    public static string Describe(TypeRefKind kind) => kind switch
    {
        TypeRefKind.String or TypeRefKind.Enum or TypeRefKind.DateTimeOffset or TypeRefKind.Guid or TypeRefKind.Bytes => "a string",
        TypeRefKind.Int32 => "a 32-bit integer",
        TypeRefKind.Int64 => "an integer",
        TypeRefKind.Single or TypeRefKind.Double or TypeRefKind.Decimal => "a number",
        TypeRefKind.Boolean => "a boolean",
        TypeRefKind.Array => "an array",
        _ => "a value of the schema's type",
    };

    private static bool LooksNumeric(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        char first = text[0];
        return char.IsDigit(first) || ((first == '-' || first == '+' || first == '.') && text.Length > 1);
    }
}
