using System.Globalization;
using System.Text;
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

    /// <summary>
    /// An object or array from the spec as a <see cref="JsonLiteralKind.Json"/> literal (its compact JSON text, scalars read as
    /// <see cref="From"/> reads them); null for a scalar, or for a structure nested deeper than <paramref name="depth"/>
    /// (a YAML alias can make one endless).
    /// </summary>
    public static JsonLiteral? Structured(YamlNode node, int depth = 64)
    {
        var text = new StringBuilder();
        return (node.IsMapping || node.IsSequence) && Write(node, text, depth) ? new JsonLiteral(JsonLiteralKind.Json, text.ToString()) : null;
    }

    private static bool Write(YamlNode node, StringBuilder text, int depth)
    {
        if (depth == 0)
        {
            return false;
        }

        if (node.IsMapping)
        {
            text.Append('{');
            for (int i = 0; i < node.Pairs!.Count; i++)
            {
                if (i > 0)
                {
                    text.Append(',');
                }

                WriteString(node.Pairs[i].Key.Value ?? string.Empty, text);
                text.Append(':');
                if (!Write(node.Pairs[i].Value, text, depth - 1))
                {
                    return false;
                }
            }

            text.Append('}');
            return true;
        }

        if (node.IsSequence)
        {
            text.Append('[');
            for (int i = 0; i < node.Items!.Count; i++)
            {
                if (i > 0)
                {
                    text.Append(',');
                }

                if (!Write(node.Items[i], text, depth - 1))
                {
                    return false;
                }
            }

            text.Append(']');
            return true;
        }

        JsonLiteral scalar = From(node)!;
        if (scalar.Kind == JsonLiteralKind.String)
        {
            WriteString(scalar.Text, text);
        }
        else
        {
            text.Append(scalar.Text);
        }

        return true;
    }

    // RFC 8259 §7: quote, backslash and control characters escaped.
    private static void WriteString(string value, StringBuilder text)
    {
        text.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                default:
                    if (c < ' ')
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        text.Append('"');
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
