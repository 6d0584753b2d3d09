using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace OpenApiSdk.Common;

/// <summary>
/// Compiled into both the generator (its own checks of patterns in the spec) and the runtime (the checks generated
/// code makes), so the two can never disagree on what a pattern means.
/// </summary>
internal static class EcmaPattern
{
    // ECMA-262 §22.2.2.9 CharacterClassEscape: \d is [0-9], \w [A-Za-z0-9_] (without the i flag), \s WhiteSpace and
    // LineTerminator (§12.2, §12.3: TAB VT FF SP NBSP ZWNBSP, the Space_Separator characters, LF CR LS PS). .NET's own
    // \d and \w are Unicode classes and its \s has NEL but not ZWNBSP. Space_Separator is listed by hand (Unicode 15).
    private static readonly int[] Digits = { '0', '9' };
    private static readonly int[] WordCharacters = { '0', '9', 'A', 'Z', '_', '_', 'a', 'z' };
    private static readonly int[] WhiteSpace =
    {
        0x09, 0x0D, 0x20, 0x20, 0xA0, 0xA0, 0x1680, 0x1680, 0x2000, 0x200A, 0x2028, 0x2029, 0x202F, 0x202F, 0x205F, 0x205F,
        0x3000, 0x3000, 0xFEFF, 0xFEFF,
    };

    // ECMA-262 §22.2.2.9 UnicodePropertyValueExpression: the General_Category names and aliases (Unicode's
    // PropertyValueAliases.txt, ECMA-262 table "Value aliases and canonical values for General_Category") that .NET
    // spells by their short name. LC (Cased_Letter) is Lu, Ll and Lt: .NET has no LC.
    private static readonly Dictionary<string, string> GeneralCategories = Categories(
        "C Other", "Cc Control cntrl", "Cf Format", "Cn Unassigned", "Co Private_Use", "Cs Surrogate",
        "L Letter", "LC Cased_Letter", "Ll Lowercase_Letter", "Lm Modifier_Letter", "Lo Other_Letter", "Lt Titlecase_Letter", "Lu Uppercase_Letter",
        "M Mark Combining_Mark", "Mc Spacing_Mark", "Me Enclosing_Mark", "Mn Nonspacing_Mark",
        "N Number", "Nd Decimal_Number digit", "Nl Letter_Number", "No Other_Number",
        "P Punctuation punct", "Pc Connector_Punctuation", "Pd Dash_Punctuation", "Pe Close_Punctuation", "Pf Final_Punctuation",
        "Pi Initial_Punctuation", "Po Other_Punctuation", "Ps Open_Punctuation",
        "S Symbol", "Sc Currency_Symbol", "Sk Modifier_Symbol", "Sm Math_Symbol", "So Other_Symbol",
        "Z Separator", "Zl Line_Separator", "Zp Paragraph_Separator", "Zs Space_Separator");

    /// <summary>
    /// An ECMA-262 pattern (JSON Schema 2020-12 §6.4: the dialect of ECMA-262 §22.2, with the <c>u</c> flag, as the
    /// test suite's "patterns always use unicode semantics" reads it) as a .NET one:
    /// <list type="bullet">
    /// <item><c>$</c> outside a character class is <c>\z</c> (.NET's <c>$</c> also matches before a final line break).</item>
    /// <item><c>\d</c>, <c>\w</c>, <c>\s</c> and their negations are ECMA-262's ASCII digits, ASCII word characters and
    /// white space (§22.2.2.9), inside and outside classes; <c>.</c> is any code point but a line terminator (§22.2.2.7).</item>
    /// <item>A character outside the BMP (literal, <c>\u{1F432}</c> or a surrogate pair of <c>\uXXXX</c> escapes) is one
    /// code point: <c>🐲*</c> repeats the pair, not its second half. Inside a class (not negated, not a range end) it is
    /// an alternative beside the class.</item>
    /// <item><c>\p{Letter}</c>, <c>\p{gc=Lu}</c>, <c>\p{General_Category=digit}</c> are the General_Category names .NET
    /// spells by their short name; <c>\p{ASCII}</c>, <c>\p{Any}</c>, <c>\p{ASCII_Hex_Digit}</c> are their ranges. Other
    /// properties (scripts, binary properties) are left as written, which .NET rejects, so the generator reports the pattern
    /// (OAS006) instead of checking it wrongly. .NET's categories match BMP characters only.</item>
    /// <item>The empty classes <c>[]</c> (nothing) and <c>[^]</c> (any character) become <c>(?!)</c> and <c>[\s\S]</c>.</item>
    /// </list>
    /// </summary>
    public static string ToDotNet(string pattern)
    {
        var builder = new StringBuilder(pattern.Length + 8);
        int i = 0;
        while (i < pattern.Length)
        {
            char c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                i = AppendEscape(pattern, i, builder, inClass: false);
            }
            else if (c == '[' && i + 1 < pattern.Length && pattern[i + 1] == ']')
            {
                builder.Append("(?!)"); // ECMA-262's empty class matches nothing; .NET would read "[]...]" as a class holding ']'
                i += 2;
            }
            else if (c == '[' && i + 2 < pattern.Length && pattern[i + 1] == '^' && pattern[i + 2] == ']')
            {
                builder.Append("[\\s\\S]"); // [^]: any character
                i += 3;
            }
            else if (c == '[')
            {
                i = AppendClass(pattern, i, builder);
            }
            else if (c == '$')
            {
                builder.Append("\\z");
                i++;
            }
            else if (c == '.')
            {
                builder.Append("(?:[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]|[^\\n\\r\\u2028\\u2029])");
                i++;
            }
            else if (char.IsHighSurrogate(c) && i + 1 < pattern.Length && char.IsLowSurrogate(pattern[i + 1]))
            {
                AppendCodePoint(builder, char.ConvertToUtf32(c, pattern[i + 1]), inClass: false);
                i += 2;
            }
            else
            {
                builder.Append(c);
                i++;
            }
        }

        return builder.ToString();
    }

    /// <summary>A class from its <c>[</c>: its members in .NET's syntax, code points outside the BMP as alternatives beside it.</summary>
    private static int AppendClass(string pattern, int start, StringBuilder builder)
    {
        var members = new StringBuilder();
        var astral = new List<int>();
        bool negated = start + 1 < pattern.Length && pattern[start + 1] == '^';
        int i = start + (negated ? 2 : 1);
        bool rangeEnd = false; // the member being read follows a range's '-'
        while (i < pattern.Length && pattern[i] != ']')
        {
            char c = pattern[i];
            int codePoint = -1;
            int memberStart = members.Length;
            int next;
            if (c == '\\' && i + 1 < pattern.Length)
            {
                next = AppendEscape(pattern, i, members, inClass: true);
                codePoint = UnicodeEscapeAt(pattern, i, next);
            }
            else if (char.IsHighSurrogate(c) && i + 1 < pattern.Length && char.IsLowSurrogate(pattern[i + 1]))
            {
                codePoint = char.ConvertToUtf32(c, pattern[i + 1]);
                members.Append(c).Append(pattern[i + 1]);
                next = i + 2;
            }
            else
            {
                members.Append(c == '[' ? "\\[" : c.ToString());
                next = i + 1;
            }

            bool rangeStart = next + 1 < pattern.Length && pattern[next] == '-' && pattern[next + 1] != ']';
            if (codePoint > 0xFFFF && !negated && !rangeStart && !rangeEnd)
            {
                // One code point, an alternative beside the class. In a negated class or a range it cannot be said as one
                // .NET class and stays two code units, which .NET judges one by one.
                members.Length = memberStart;
                astral.Add(codePoint);
            }

            if (rangeStart)
            {
                members.Append('-');
                next++;
            }

            rangeEnd = rangeStart;
            i = next;
        }

        string body = members.ToString();
        if (i >= pattern.Length)
        {
            builder.Append(negated ? "[^" : "[").Append(body); // unterminated: left so, for .NET to reject (OAS006)
            return i;
        }

        if (astral.Count == 0)
        {
            builder.Append(negated ? "[^" : "[").Append(body).Append(']');
        }
        else
        {
            builder.Append("(?:");
            foreach (int codePoint in astral)
            {
                AppendCodePoint(builder, codePoint, inClass: false);
                builder.Append('|');
            }

            builder.Append(body.Length == 0 ? "(?!)" : "[" + body + "]").Append(')');
        }

        return i + 1; // past ']'
    }

    /// <summary>The code point a <c>\u</c> escape from <paramref name="start"/> to <paramref name="end"/> names; -1 for another escape.</summary>
    private static int UnicodeEscapeAt(string pattern, int start, int end) =>
        pattern[start + 1] == 'u' && TryUnicodeEscape(pattern, start, out int codePoint, out int after) && after == end ? codePoint : -1;

    /// <summary>Appends the escape at <paramref name="start"/> (a backslash) in .NET's syntax; returns the index after it.</summary>
    private static int AppendEscape(string pattern, int start, StringBuilder builder, bool inClass)
    {
        char kind = pattern[start + 1];
        switch (kind)
        {
            case 'd': AppendSet(builder, Digits, negated: false, inClass); return start + 2;
            case 'D': AppendSet(builder, Digits, negated: true, inClass); return start + 2;
            case 'w': AppendSet(builder, WordCharacters, negated: false, inClass); return start + 2;
            case 'W': AppendSet(builder, WordCharacters, negated: true, inClass); return start + 2;
            case 's': AppendSet(builder, WhiteSpace, negated: false, inClass); return start + 2;
            case 'S': AppendSet(builder, WhiteSpace, negated: true, inClass); return start + 2;
            case 'u' when TryUnicodeEscape(pattern, start, out int codePoint, out int after):
                AppendCodePoint(builder, codePoint, inClass);
                return after;
            case 'p' or 'P' when start + 2 < pattern.Length && pattern[start + 2] == '{' && pattern.IndexOf('}', start + 3) is int close and > 0:
                AppendProperty(builder, pattern.Substring(start + 3, close - start - 3), negated: kind == 'P', inClass, pattern.Substring(start, close - start + 1));
                return close + 1;
            default:
                builder.Append('\\').Append(kind);
                return start + 2;
        }
    }

    /// <summary><c>\uXXXX</c>, a surrogate pair of two such escapes, or <c>\u{X...}</c> (ECMA-262 §22.2.1 RegExpUnicodeEscapeSequence[+UnicodeMode]).</summary>
    private static bool TryUnicodeEscape(string pattern, int start, out int codePoint, out int after)
    {
        codePoint = -1;
        after = start;
        int i = start + 2;
        if (i < pattern.Length && pattern[i] == '{')
        {
            int close = pattern.IndexOf('}', i + 1);
            if (close < 0 || close == i + 1 || close - i - 1 > 6 || !TryHex(pattern, i + 1, close - i - 1, out codePoint) || codePoint > 0x10FFFF)
            {
                codePoint = -1;
                return false;
            }

            after = close + 1;
            return true;
        }

        if (!TryHex4(pattern, i, out int unit))
        {
            return false;
        }

        codePoint = unit;
        after = i + 4;
        if (char.IsHighSurrogate((char)unit) && after + 1 < pattern.Length && pattern[after] == '\\' && pattern[after + 1] == 'u'
            && TryHex4(pattern, after + 2, out int low) && char.IsLowSurrogate((char)low))
        {
            codePoint = char.ConvertToUtf32((char)unit, (char)low);
            after += 6;
        }

        return true;
    }

    private static bool TryHex4(string pattern, int start, out int value) => TryHex(pattern, start, 4, out value);

    private static bool TryHex(string pattern, int start, int length, out int value)
    {
        value = 0;
        if (start + length > pattern.Length)
        {
            return false;
        }

        for (int i = start; i < start + length; i++)
        {
            int digit = pattern[i] switch
            {
                >= '0' and <= '9' => pattern[i] - '0',
                >= 'a' and <= 'f' => pattern[i] - 'a' + 10,
                >= 'A' and <= 'F' => pattern[i] - 'A' + 10,
                _ => -1,
            };
            if (digit < 0)
            {
                return false;
            }

            value = (value * 16) + digit;
        }

        return true;
    }

    private static void AppendCodePoint(StringBuilder builder, int codePoint, bool inClass)
    {
        if (codePoint <= 0xFFFF)
        {
            AppendUnit(builder, codePoint);
            return;
        }

        string pair = char.ConvertFromUtf32(codePoint);
        if (inClass)
        {
            builder.Append(pair); // AppendClass moves it out of the class where it can
        }
        else
        {
            builder.Append("(?:");
            AppendUnit(builder, pair[0]);
            AppendUnit(builder, pair[1]);
            builder.Append(')');
        }
    }

    private static void AppendUnit(StringBuilder builder, int unit) =>
        builder.Append("\\u").Append(unit.ToString("X4", CultureInfo.InvariantCulture));

    /// <summary>A set of ranges (pairs of first and last code unit), or its complement in the BMP, as a class or class members.</summary>
    private static void AppendSet(StringBuilder builder, int[] ranges, bool negated, bool inClass)
    {
        if (!inClass)
        {
            builder.Append(negated ? "[^" : "[");
            AppendRanges(builder, ranges);
            builder.Append(']');
            return;
        }

        if (!negated)
        {
            AppendRanges(builder, ranges);
            return;
        }

        var complement = new List<int>();
        int from = 0;
        for (int r = 0; r < ranges.Length; r += 2)
        {
            if (ranges[r] > from)
            {
                complement.Add(from);
                complement.Add(ranges[r] - 1);
            }

            from = ranges[r + 1] + 1;
        }

        if (from <= 0xFFFF)
        {
            complement.Add(from);
            complement.Add(0xFFFF);
        }

        AppendRanges(builder, complement.ToArray());
    }

    private static void AppendRanges(StringBuilder builder, int[] ranges)
    {
        for (int r = 0; r < ranges.Length; r += 2)
        {
            AppendUnit(builder, ranges[r]);
            if (ranges[r + 1] != ranges[r])
            {
                builder.Append('-');
                AppendUnit(builder, ranges[r + 1]);
            }
        }
    }

    private static void AppendProperty(StringBuilder builder, string expression, bool negated, bool inClass, string asWritten)
    {
        int equals = expression.IndexOf('=');
        string name = equals < 0 ? expression : expression.Substring(equals + 1);
        bool generalCategory = equals < 0 || expression.Substring(0, equals) is "General_Category" or "gc";
        string? category = generalCategory && GeneralCategories.TryGetValue(name, out string? shortName) ? shortName : null;
        int[]? ranges = equals >= 0 ? null : name switch
        {
            "ASCII" => new[] { 0, 0x7F },
            "Any" => new[] { 0, 0xFFFF },
            "ASCII_Hex_Digit" => new int[] { '0', '9', 'A', 'F', 'a', 'f' },
            _ => null,
        };

        if (ranges is not null)
        {
            AppendSet(builder, ranges, negated, inClass);
        }
        else if (category == "LC" && !(negated && inClass))
        {
            builder.Append(inClass ? string.Empty : negated ? "[^" : "[").Append("\\p{Lu}\\p{Ll}\\p{Lt}").Append(inClass ? string.Empty : "]");
        }
        else if (category is not null and not "LC")
        {
            builder.Append(negated ? "\\P{" : "\\p{").Append(category).Append('}');
        }
        else
        {
            builder.Append(asWritten); // not a property .NET has: the pattern does not compile, and is reported
        }
    }

    private static Dictionary<string, string> Categories(params string[] rows)
    {
        var table = new Dictionary<string, string>(System.StringComparer.Ordinal);
        foreach (string row in rows)
        {
            string[] names = row.Split(' ');
            foreach (string name in names)
            {
                table[name] = names[0];
            }
        }

        return table;
    }
}
