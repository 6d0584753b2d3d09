using Xunit;

namespace OpenApiSdk.Runtime.Tests
{
    /// <summary>
    /// <see cref="SchemaPattern"/> (the runtime's <c>pattern</c>, through <c>common/EcmaPattern</c>) against ECMA-262's
    /// semantics, which JSON Schema 2020-12 §6.4 names as the dialect of <c>pattern</c>, read with the <c>u</c> flag (the
    /// test suite's "patterns always use unicode semantics"). Each case names the section of ECMA-262 (2024) that decides it;
    /// .NET's own reading differs in each one.
    /// </summary>
    public class SchemaPatternTests
    {
        [Theory]
        // §22.2.2.9 CharacterClassEscape: \d is [0-9] only (.NET: every Nd character)
        [InlineData(@"^\d$", "0", true)]
        [InlineData(@"^\d$", "\u07C0", false)] // NKO DIGIT ZERO
        [InlineData(@"^\d+$", "\u09EA\u09E8", false)] // BENGALI DIGIT FOUR, TWO
        [InlineData(@"^\D$", "\u07C0", true)]
        [InlineData(@"^\D$", "5", false)]
        // §22.2.2.9: \w is [A-Za-z0-9_] without the i flag (.NET: letters of every script)
        [InlineData(@"^\w$", "_", true)]
        [InlineData(@"^\w$", "\u00E9", false)] // e-acute
        [InlineData(@"^\W$", "\u00E9", true)]
        [InlineData(@"\wcole", "l'\u00E9cole", false)]
        // §22.2.2.9 with §12.2 WhiteSpace and §12.3 LineTerminator: ZWNBSP and the Space_Separators are white space, NEL is not
        [InlineData(@"^\s$", "\uFEFF", true)]
        [InlineData(@"^\s$", "\u2003", true)] // EM SPACE (Zs)
        [InlineData(@"^\s$", "\u2029", true)] // PARAGRAPH SEPARATOR (a line terminator)
        [InlineData(@"^\s$", "\u0085", false)] // NEXT LINE: .NET's \s has it, ECMA-262's does not
        [InlineData(@"^\S$", "\uFEFF", false)]
        [InlineData(@"^\S$", "\u2013", true)]
        // §22.2.2.9 inside a class (ClassEscape): the same sets, negated ones as their complement
        [InlineData(@"^[\d-]+$", "12-3", true)]
        [InlineData(@"^[\d]$", "\u0663", false)] // ARABIC-INDIC DIGIT THREE
        [InlineData(@"^[\Da]$", "\u0663", true)]
        [InlineData(@"^[\Da]$", "7", false)]
        [InlineData(@"^[\S]$", "\uFEFF", false)]
        [InlineData(@"^[^\s]$", "\uFEFF", false)]
        [InlineData(@"^[^\w]$", "\u00E9", true)]
        // §22.2.2.7 Atom "." (dotAll unset): any code point but a LineTerminator; with u a surrogate pair is one
        [InlineData(@"^.$", "\r", false)]
        [InlineData(@"^.$", "\u2028", false)]
        [InlineData(@"^.$", "\uD83D\uDC32", true)] // U+1F432 DRAGON FACE is one character
        // §22.2.1 with u: a code point outside the BMP is one Atom, so a quantifier repeats all of it
        [InlineData("^\uD83D\uDC32*$", "", true)]
        [InlineData("^\uD83D\uDC32*$", "\uD83D\uDC32\uD83D\uDC32", true)]
        [InlineData("^\uD83D\uDC32*$", "\uD83D\uDC09", false)] // U+1F409 DRAGON: the same high surrogate
        [InlineData(@"^\u{1F432}{2}$", "\uD83D\uDC32\uD83D\uDC32", true)] // RegExpUnicodeEscapeSequence \u{...}
        [InlineData(@"^\uD83D\uDC32+$", "\uD83D\uDC32\uD83D\uDC32", true)] // a surrogate pair of \u escapes is one code point
        [InlineData("^[a\uD83D\uDC32]$", "\uD83D\uDC32", true)] // §22.2.2.9 ClassContents with u: code points, not code units
        [InlineData("^[a\uD83D\uDC32]$", "\uD83D", false)]
        // §22.2.2.9 UnicodePropertyValueExpression: General_Category by any of its names (PropertyValueAliases.txt)
        [InlineData(@"\p{Letter}cole", "l'\u00E9cole", true)]
        [InlineData(@"\p{Letter}cole", "L'\u00C9COLE", false)]
        [InlineData(@"^\p{digit}+$", "\u09EA\u09E8", true)]
        [InlineData(@"^\p{gc=Lu}$", "\u00C9", true)]
        [InlineData(@"^\p{General_Category=Decimal_Number}$", "x", false)]
        [InlineData(@"^\P{L}$", "1", true)]
        [InlineData(@"^\p{LC}$", "\u01C5", true)] // Cased_Letter: Lu, Ll and Lt (U+01C5 is Lt)
        [InlineData(@"^\p{LC}$", "\u01BB", false)] // U+01BB is Lo
        [InlineData(@"^[\p{Lu}\d]+$", "A1", true)]
        [InlineData(@"^\p{ASCII}+$", "abc\u00E9", false)]
        // §22.2.2.9 CharacterEscape: \t, \cX (lower or upper letter), \0
        [InlineData(@"^\t$", "\t", true)]
        [InlineData(@"^\cC$", "\u0003", true)]
        [InlineData(@"^\cc$", "\u0003", true)]
        // §22.2.2.6 Assertion "$" (multiline unset): the end of input only, not before a final line break
        [InlineData("^abc$", "abc\n", false)]
        [InlineData("^a[$]", "a$", true)]
        // §22.2.2.9: [] matches nothing, [^] any character
        [InlineData("^a[]", "a]", false)]
        [InlineData("^a[^]$", "a\n", true)]
        public void A_pattern_means_what_ECMA_262_says(string pattern, string value, bool matches)
        {
            Assert.Equal(matches, new SchemaPattern(pattern).IsMatch(value));
        }

        [Theory]
        [InlineData(@"\p{Script=Greek}")] // scripts: .NET has none, so the pattern is left for .NET to reject (OAS006)
        [InlineData(@"\p{NotAProperty}")]
        [InlineData("abc[")] // an unterminated class
        [InlineData("[a-")]
        [InlineData("[^\\d")]
        [InlineData("\\")]
        public void A_pattern_NET_cannot_say_is_left_for_NET_to_reject(string pattern)
        {
            Assert.ThrowsAny<System.ArgumentException>(() => OpenApiRuntime.CreatePattern(OpenApiRuntime.DotNetPattern(pattern)));
        }
    }
}
