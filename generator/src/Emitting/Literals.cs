using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace OpenApiSdk.Generator.Emitting;

/// <summary>
/// The only way text from the spec reaches generated code: as an escaped C# string literal, or as
/// escaped XML doc text. Identifiers come from <see cref="Naming.Identifiers"/> instead.
/// </summary>
internal static class Literals
{
    /// <summary>A regular C# string literal holding exactly <paramref name="value"/>.</summary>
    public static string String(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\0': builder.Append("\\0"); break;
                default:
                    if (NeedsEscape(c, value, i))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
        return builder.ToString();
    }

    public static string StringOrNull(string? value) => value is null ? "null" : String(value);

    // Control and format characters, line and paragraph separators, and lone surrogates are written as
    // \uXXXX so that no spec text can end a literal or a line, or hide code behind bidi controls.
    private static bool NeedsEscape(char c, string value, int index)
    {
        if (char.IsHighSurrogate(c))
        {
            return index + 1 >= value.Length || !char.IsLowSurrogate(value[index + 1]);
        }

        if (char.IsLowSurrogate(c))
        {
            return index == 0 || !char.IsHighSurrogate(value[index - 1]);
        }

        UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator or UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse;
    }

    /// <summary>Text for an XML doc comment, on one line: markup escaped, control characters dropped.</summary>
    public static string XmlText(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                default:
                    UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
                    if (category is UnicodeCategory.Control or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Format)
                    {
                        builder.Append(' ');
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString().TrimEnd();
    }

    /// <summary>Escaped doc-comment lines: every kind of line break in the spec text starts a new '///' line.</summary>
    public static IEnumerable<string> DocLines(string text)
    {
        int start = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] is '\n' or '\r' or '\u2028' or '\u2029' or '\u0085')
            {
                yield return XmlText(text.Substring(start, i - start));
                if (i < text.Length && text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                start = i + 1;
            }
        }
    }
}
