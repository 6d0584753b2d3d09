namespace OpenApiSdk.Runtime
{
    /// <summary>The formats that point into a document or describe text: JSON Pointers, URI Templates and regular expressions.</summary>
    public static partial class FormatChecks
    {
        /// <summary>
        /// <c>format: json-pointer</c>: RFC 6901 §3, <c>*( "/" reference-token )</c>, in which a <c>~</c> is always
        /// <c>~0</c> or <c>~1</c>; any other character may appear (the JSON string representation, §5).
        /// </summary>
        public static bool IsJsonPointer(string value) => value != null && IsJsonPointer(value, 0);

        /// <summary>
        /// <c>format: relative-json-pointer</c>: draft-handrews-relative-json-pointer-01 §3 (the draft JSON Schema
        /// 2020-12 cites), <c>non-negative-integer ( json-pointer / "#" )</c>; the integer is ASCII digits without a sign
        /// or leading zero.
        /// </summary>
        public static bool IsRelativeJsonPointer(string value)
        {
            if (value == null || value.Length == 0 || !IsDigit(value[0]))
            {
                return false;
            }

            int position = 1;
            if (value[0] != '0')
            {
                while (position < value.Length && IsDigit(value[position]))
                {
                    position++;
                }
            }

            return (position == value.Length - 1 && value[position] == '#') || IsJsonPointer(value, position);
        }

        /// <summary>
        /// <c>format: uri-template</c>: RFC 6570 §2, literals and expressions
        /// <c>"{" [ operator ] varspec *( "," varspec ) "}"</c>; a <c>varspec</c> is a <c>varname</c> (ALPHA, DIGIT, "_" or
        /// pct-encoded, dots only between them) with an optional <c>*</c> or a prefix <c>":"</c> of 1-9999 without a leading
        /// zero. The operators reserved for future use (<c>= , ! @ |</c>) are rejected. A literal is any character but
        /// CTL, SP, <c>" % &lt; &gt; \ ^ ` { | }</c> (a <c>%</c> only as pct-encoded); <c>'</c> is taken as a literal, as the JSON
        /// Schema test suite does (it is an RFC 3986 sub-delim), although §2.1 lists it among the exclusions.
        /// </summary>
        public static bool IsUriTemplate(string value)
        {
            if (value == null)
            {
                return false;
            }

            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (c == '{')
                {
                    int close = value.IndexOf('}', i + 1);
                    if (close < 0 || !IsTemplateExpression(value, i + 1, close))
                    {
                        return false;
                    }

                    i = close;
                }
                else if (c == '%')
                {
                    if (!IsPercentEncoded(value, ref i))
                    {
                        return false;
                    }
                }
                else if (c <= ' ' || c == 0x7F || "\"<>\\^`{|}".IndexOf(c) >= 0 || (char.IsSurrogate(c) && !IsSurrogatePair(value, ref i)))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// <c>format: regex</c>: a regular expression in the ECMA-262 dialect (JSON Schema 2020-12 §7.3.8), judged by its
        /// syntax with Unicode-mode escapes: constructs of other dialects that .NET would also accept are rejected (inline
        /// flags <c>(?i)</c>, comments <c>(?#...)</c>, Python's <c>(?P&lt;name&gt;...)</c>, escapes such as <c>\a</c>, <c>\A</c>,
        /// <c>\Z</c>), then the pattern must compile as the runtime would compile it (<see cref="SchemaPattern"/>).
        /// Allocates: the pattern is compiled.
        /// </summary>
        public static bool IsRegex(string value)
        {
            if (value == null || !HasEcmaSyntax(value))
            {
                return false;
            }

            try
            {
                _ = new System.Text.RegularExpressions.Regex(
                    Common.EcmaPattern.ToDotNet(value), System.Text.RegularExpressions.RegexOptions.CultureInvariant, System.TimeSpan.FromSeconds(1));
                return true;
            }
            catch (System.ArgumentException)
            {
                return false;
            }
        }

        /// <summary><c>*( "/" reference-token )</c> from <paramref name="start"/> to the end.</summary>
        private static bool IsJsonPointer(string value, int start)
        {
            if (start < value.Length && value[start] != '/')
            {
                return false;
            }

            for (int i = start; i < value.Length; i++)
            {
                if (value[i] == '~' && (i + 1 >= value.Length || (value[i + 1] != '0' && value[i + 1] != '1')))
                {
                    return false; // escaped = "~" ( "0" / "1" )
                }
            }

            return true;
        }

        /// <summary>The text between an expression's braces: <c>[ operator ] variable-list</c>.</summary>
        private static bool IsTemplateExpression(string value, int start, int end)
        {
            int position = start;
            if (position < end && "+#./;?&".IndexOf(value[position]) >= 0)
            {
                position++;
            }

            while (true)
            {
                // varname = varchar *( ["."] varchar ); varchar = ALPHA / DIGIT / "_" / pct-encoded
                int name = position;
                bool dot = false;
                for (; position < end; position++)
                {
                    char c = value[position];
                    if (c == '.' && position > name && !dot)
                    {
                        dot = true;
                        continue;
                    }

                    if (!(IsAlpha(c) || IsDigit(c) || c == '_' || IsPercentEncoded(value, ref position)))
                    {
                        break;
                    }

                    dot = false;
                }

                if (position == name || dot)
                {
                    return false;
                }

                // modifier-level4 = prefix / explode; prefix = ":" max-length; max-length = %x31-39 0*3DIGIT
                if (position < end && value[position] == '*')
                {
                    position++;
                }
                else if (position < end && value[position] == ':')
                {
                    int digits = ++position;
                    while (position < end && IsDigit(value[position]))
                    {
                        position++;
                    }

                    if (position == digits || position - digits > 4 || value[digits] == '0')
                    {
                        return false;
                    }
                }

                if (position == end)
                {
                    return true;
                }

                if (value[position] != ',')
                {
                    return false;
                }

                position++;
            }
        }

        /// <summary>A high surrogate at <paramref name="i"/> followed by a low one; <paramref name="i"/> then points at the low one.</summary>
        private static bool IsSurrogatePair(string value, ref int i)
        {
            if (!char.IsHighSurrogate(value[i]) || i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))
            {
                return false;
            }

            i++;
            return true;
        }

        /// <summary>
        /// The ECMA-262 (Unicode mode) syntax that .NET reads otherwise or accepts beyond it: every group that starts with
        /// <c>(?</c> is <c>(?:</c>, a lookaround, or a named group <c>(?&lt;name&gt;</c>; every escape outside a class is one
        /// ECMA-262 defines (§22.2.1 <c>AtomEscape</c>).
        /// </summary>
        private static bool HasEcmaSyntax(string pattern)
        {
            bool inClass = false;
            for (int i = 0; i < pattern.Length; i++)
            {
                char c = pattern[i];
                if (c == '\\')
                {
                    if (++i >= pattern.Length)
                    {
                        return false;
                    }

                    char e = pattern[i];
                    bool known = IsDigit(e) || "dDwWsSfnrtvcxuk0pP".IndexOf(e) >= 0 || (!inClass && (e == 'b' || e == 'B')) || (inClass && (e == 'b' || e == '-'))
                        || "^$\\.*+?()[]{}|/".IndexOf(e) >= 0;
                    if (!known)
                    {
                        return false;
                    }

                    continue;
                }

                if (inClass)
                {
                    inClass = c != ']';
                }
                else if (c == '[')
                {
                    inClass = true;
                    if (i + 1 < pattern.Length && pattern[i + 1] == '^')
                    {
                        i++;
                    }

                    if (i + 1 < pattern.Length && pattern[i + 1] == ']')
                    {
                        inClass = false; // [] and [^]: an empty class (ECMA-262), not a ']' in a class
                        i++;
                    }
                }
                else if (c == '(' && i + 1 < pattern.Length && pattern[i + 1] == '?')
                {
                    string rest = pattern.Substring(i + 2, System.Math.Min(2, pattern.Length - i - 2));
                    bool group = rest.StartsWith(":", System.StringComparison.Ordinal) || rest.StartsWith("=", System.StringComparison.Ordinal)
                        || rest.StartsWith("!", System.StringComparison.Ordinal) || rest == "<=" || rest == "<!"
                        || (rest.Length == 2 && rest[0] == '<' && (IsAlpha(rest[1]) || rest[1] == '_' || rest[1] == '$'));
                    if (!group)
                    {
                        return false;
                    }
                }
            }

            return !inClass;
        }
    }
}
