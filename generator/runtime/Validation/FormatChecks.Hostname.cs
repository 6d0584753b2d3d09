using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace OpenApiSdk.Runtime
{
    /// <summary>
    /// Host names: RFC 1123 §2.1 for <c>hostname</c>, IDNA2008 (RFC 5890-5893) for <c>idn-hostname</c> and for the
    /// A-labels (<c>xn--</c>) a <c>hostname</c> may hold. Punycode (RFC 3492) is .NET's <see cref="IdnMapping"/>; the
    /// IDNA2008 rules it does not apply (the code point classes of RFC 5892, its contextual rules, the Bidi rule of
    /// RFC 5893) are here. A plain ASCII host name allocates nothing; one with IDNA labels does.
    /// </summary>
    public static partial class FormatChecks
    {
        /// <summary>
        /// <c>format: hostname</c>: RFC 1123 §2.1 (RFC 952's names, which may start with a digit): labels of ASCII letters,
        /// digits and hyphens, not starting or ending with a hyphen, 1-63 characters, the name at most 253 (RFC 1034 §3.1:
        /// 255 octets on the wire), no empty label (so no trailing dot). A label starting <c>xn--</c> is an A-label and
        /// must be a valid one (RFC 5890 §2.3.2.1: it decodes to a valid U-label that encodes back to it).
        /// </summary>
        public static bool IsHostname(string value) => value != null && IsDomainName(value, 0, value.Length, idn: false);

        /// <summary>
        /// <c>format: idn-hostname</c>: RFC 5890 §2.3.2.3, labels that are A-labels, U-labels or LDH labels, separated by
        /// <c>.</c> or the dots RFC 3490 §3.1 also takes (U+3002, U+FF0E, U+FF61). A U-label (RFC 5891 §5.4, after the NFC
        /// of RFC 5891 §5.2) holds only PVALID code points (RFC 5892 §2: letters, digits and marks that case folding and
        /// NFKC leave unchanged, with the exceptions of §2.6), CONTEXTJ/CONTEXTO ones only where Appendix A allows them,
        /// starts with no combining mark, has no <c>--</c> in its 3rd and 4th positions, and its A-label is at most 63
        /// characters; a name with a right-to-left label meets the Bidi rule (RFC 5893 §2) in every label.
        /// </summary>
        public static bool IsIdnHostname(string value) => value != null && IsDomainName(value, 0, value.Length, idn: true);

        /// <summary><c>hostname</c>/<c>idn-hostname</c> in [start, end).</summary>
        private static bool IsDomainName(string value, int start, int end, bool idn)
        {
            if (end <= start)
            {
                return false;
            }

            bool plain = true;
            int label = start;
            for (int i = start; i <= end; i++)
            {
                if (i < end && value[i] != '.')
                {
                    char c = value[i];
                    if (c >= 0x80)
                    {
                        if (!idn)
                        {
                            return false;
                        }

                        plain = false;
                    }
                    else if (!(IsAlpha(c) || IsDigit(c) || c == '-'))
                    {
                        return false;
                    }

                    continue;
                }

                int length = i - label;
                if (length == 0 || length > 63 || value[label] == '-' || value[i - 1] == '-')
                {
                    return false;
                }

                plain &= !(length >= 4 && value[label + 2] == '-' && value[label + 3] == '-');
                label = i + 1;
            }

            // A name of LDH labels only, none of them IDNA's (no "--" in the 3rd and 4th positions): RFC 1123 is all.
            return plain ? end - start <= 253 : IsInternationalName(value.Substring(start, end - start), idn);
        }

        /// <summary>A name with an IDNA label (an A-label, or in <c>idn-hostname</c> a U-label): every label checked by RFC 5891.</summary>
        private static bool IsInternationalName(string name, bool idn)
        {
            if (idn && !name.IsNormalized(NormalizationForm.FormC))
            {
                name = name.Normalize(NormalizationForm.FormC); // RFC 5891 §5.2: the name is in NFC before it is checked
            }

            var mapping = new IdnMapping { UseStd3AsciiRules = true };
            var labels = new List<string>();
            int asciiLength = -1;
            int label = 0;
            for (int i = 0; i <= name.Length; i++)
            {
                if (i < name.Length && !IsLabelSeparator(name[i], idn))
                {
                    continue;
                }

                string text = name.Substring(label, i - label);
                label = i + 1;
                string? unicode = ULabelOf(text, mapping, out int aLabelLength);
                if (unicode is null || aLabelLength > 63)
                {
                    return false;
                }

                labels.Add(unicode);
                asciiLength += aLabelLength + 1;
            }

            return asciiLength <= 253 && MeetsBidiRule(labels);
        }

        private static bool IsLabelSeparator(char c, bool idn) => c == '.' || (idn && (c == '\u3002' || c == '\uFF0E' || c == '\uFF61'));

        /// <summary>
        /// The Unicode form of a label that is valid (an LDH label as it is, an A-label decoded, a U-label as it is), and
        /// the length of its ASCII form; null when it is not valid.
        /// </summary>
        private static string? ULabelOf(string label, IdnMapping mapping, out int aLabelLength)
        {
            aLabelLength = label.Length;
            if (label.Length == 0)
            {
                return null;
            }

            bool ascii = true;
            foreach (char c in label)
            {
                ascii &= c < 0x80;
            }

            try
            {
                if (ascii)
                {
                    if (!(label.Length >= 4 && label[2] == '-' && label[3] == '-'))
                    {
                        return label; // an LDH label, checked by the caller
                    }

                    if (!label.StartsWith("xn--", System.StringComparison.OrdinalIgnoreCase))
                    {
                        return null; // RFC 5891 §4.2.3.1: "--" in the 3rd and 4th positions is reserved for A-labels
                    }

                    // RFC 5890 §2.3.2.1: an A-label decodes to a U-label (with a non-ASCII character) whose A-label is itself.
                    string unicode = mapping.GetUnicode(label);
                    bool decoded = false;
                    foreach (char c in unicode)
                    {
                        decoded |= c >= 0x80;
                    }

                    return decoded && string.Equals(mapping.GetAscii(unicode), label, System.StringComparison.OrdinalIgnoreCase) && IsULabel(unicode)
                        ? unicode
                        : null;
                }

                aLabelLength = mapping.GetAscii(label).Length;
                return IsULabel(label) ? label : null;
            }
            catch (System.ArgumentException)
            {
                return null; // not Punycode, or a label UTS #46 rejects (a leading combining mark, a misplaced joiner, ...)
            }
        }

        /// <summary>RFC 5891 §5.4 (the protocol checks of §4.2.3 and §4.2.4) on a label with a non-ASCII character.</summary>
        private static bool IsULabel(string label)
        {
            if (label[0] == '-' || label[label.Length - 1] == '-' || (label.Length >= 4 && label[2] == '-' && label[3] == '-'))
            {
                return false; // §4.2.3.1: hyphen restrictions
            }

            for (int i = 0; i < label.Length; i++)
            {
                int codePoint = char.ConvertToUtf32(label, i);
                UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(label, i);
                if (i == 0 && category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
                {
                    return false; // §4.2.3.2: no leading combining mark
                }

                if (!IsPermitted(label, i, codePoint, category))
                {
                    return false;
                }

                if (codePoint > 0xFFFF)
                {
                    i++;
                }
            }

            return true;
        }

        /// <summary>RFC 5892: the code point's derived property is PVALID, or CONTEXTJ/CONTEXTO and its rule (Appendix A) holds here.</summary>
        private static bool IsPermitted(string label, int i, int codePoint, UnicodeCategory category)
        {
            switch (codePoint)
            {
                // §2.6 Exceptions: PVALID.
                case 0x00DF: case 0x03C2: case 0x06FD: case 0x06FE: case 0x0F0B: case 0x3007:
                    return true;

                // §2.6 Exceptions: DISALLOWED.
                case 0x0640: case 0x07FA: case 0x302E: case 0x302F: case 0x3031: case 0x3032: case 0x3033: case 0x3034: case 0x3035: case 0x303B:
                    return false;

                // Appendix A.1 ZERO WIDTH NON-JOINER: after a virama, or between joining letters.
                case 0x200C:
                    return (i > 0 && IsVirama(char.ConvertToUtf32(label, PreviousStart(label, i)))) || IsBetweenJoiningLetters(label, i);

                // A.2 ZERO WIDTH JOINER: after a virama.
                case 0x200D:
                    return i > 0 && IsVirama(char.ConvertToUtf32(label, PreviousStart(label, i)));

                // A.3 MIDDLE DOT: between two 'l'.
                case 0x00B7:
                    return i > 0 && label[i - 1] == 'l' && i + 1 < label.Length && label[i + 1] == 'l';

                // A.4 GREEK LOWER NUMERAL SIGN (KERAIA): followed by a Greek character.
                case 0x0375:
                    return i + 1 < label.Length && IsGreek(label[i + 1]);

                // A.5, A.6 HEBREW PUNCTUATION GERESH and GERSHAYIM: after a Hebrew character.
                case 0x05F3:
                case 0x05F4:
                    return i > 0 && label[i - 1] >= 0x0591 && label[i - 1] <= 0x05F4;

                // A.7 KATAKANA MIDDLE DOT: the label has a Hiragana, Katakana or Han character.
                case 0x30FB:
                    return HasHiraganaKatakanaOrHan(label);
            }

            if (codePoint >= 0x0660 && codePoint <= 0x0669)
            {
                return label.IndexOfAny(ExtendedArabicIndicDigits) < 0; // A.8 ARABIC-INDIC DIGITS: not with the extended ones
            }

            if (codePoint >= 0x06F0 && codePoint <= 0x06F9)
            {
                return label.IndexOfAny(ArabicIndicDigits) < 0; // A.9 EXTENDED ARABIC-INDIC DIGITS: not with the others
            }

            if ((codePoint >= 0x1100 && codePoint <= 0x11FF) || (codePoint >= 0xA960 && codePoint <= 0xA97F) || (codePoint >= 0xD7B0 && codePoint <= 0xD7FF))
            {
                return false; // §2.9 OldHangulJamo
            }

            if (codePoint < 0x80)
            {
                return IsAlpha((char)codePoint) || IsDigit((char)codePoint) || codePoint == '-'; // LDH (upper case is the same name in DNS)
            }

            // §2.1 LetterDigits (Ll, Lo, Lm, Mn, Mc, Nd: no upper case, which case folding would change), and §2.2 Unstable:
            // unchanged by NFKC.
            if (!(category is UnicodeCategory.LowercaseLetter or UnicodeCategory.OtherLetter or UnicodeCategory.ModifierLetter
                or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.DecimalDigitNumber))
            {
                return false;
            }

            string character = char.ConvertFromUtf32(codePoint);
            return character.IsNormalized(NormalizationForm.FormKC);
        }

        private static readonly char[] ArabicIndicDigits = { '\u0660', '\u0661', '\u0662', '\u0663', '\u0664', '\u0665', '\u0666', '\u0667', '\u0668', '\u0669' };

        private static readonly char[] ExtendedArabicIndicDigits = { '\u06F0', '\u06F1', '\u06F2', '\u06F3', '\u06F4', '\u06F5', '\u06F6', '\u06F7', '\u06F8', '\u06F9' };

        /// <summary>Canonical_Combining_Class 9 (Virama), the marks Unicode gives that class.</summary>
        private static bool IsVirama(int c) => c switch
        {
            0x094D or 0x09CD or 0x0A4D or 0x0ACD or 0x0B4D or 0x0BCD or 0x0C4D or 0x0CCD or 0x0D3B or 0x0D3C or 0x0D4D or 0x0DCA or 0x0E3A or 0x0EBA
                or 0x0F84 or 0x1039 or 0x103A or 0x1714 or 0x1715 or 0x1734 or 0x17D2 or 0x1A60 or 0x1B44 or 0x1BAA or 0x1BAB or 0x1BF2 or 0x1BF3
                or 0x2D7F or 0xA806 or 0xA82C or 0xA8C4 or 0xA953 or 0xA9C0 or 0xAAF6 or 0xABED or 0x10A3F or 0x11046 or 0x11070 or 0x1107F
                or 0x110B9 or 0x11133 or 0x11134 or 0x111C0 or 0x11235 or 0x112EA or 0x1134D or 0x11442 or 0x114C2 or 0x115BF or 0x1163F
                or 0x116B6 or 0x1172B or 0x11839 or 0x1193D or 0x1193E or 0x119E0 or 0x11A34 or 0x11A47 or 0x11A99 or 0x11C3F or 0x11D44
                or 0x11D45 or 0x11D97 => true,
            _ => false,
        };

        /// <summary>
        /// A.1's regular expression, <c>(Joining_Type:{L,D})(Joining_Type:T)*\u200C(Joining_Type:T)*(Joining_Type:{R,D})</c>, around
        /// the ZWNJ at <paramref name="zwnj"/>. Transparent are the marks and format characters; the joining letters those of
        /// the Arabic, Syriac, N'Ko and Mongolian scripts (those that join only to the right, and the non-joining hamza, by name).
        /// </summary>
        private static bool IsBetweenJoiningLetters(string label, int zwnj)
        {
            int before = zwnj - 1;
            while (before >= 0 && JoiningType(label[before]) == 'T')
            {
                before--;
            }

            int after = zwnj + 1;
            while (after < label.Length && JoiningType(label[after]) == 'T')
            {
                after++;
            }

            return before >= 0 && after < label.Length
                && JoiningType(label[before]) is 'L' or 'D'
                && JoiningType(label[after]) is 'R' or 'D';
        }

        private static char JoiningType(char c)
        {
            UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (c != '\u200C' && c != '\u200D' && category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format)
            {
                return 'T';
            }

            bool joiningScript = (c >= 0x0620 && c <= 0x06FF) || (c >= 0x0710 && c <= 0x07FF) || (c >= 0x0860 && c <= 0x08FF) || (c >= 0x1820 && c <= 0x18AA);
            if (!joiningScript || category != UnicodeCategory.OtherLetter)
            {
                return 'U';
            }

            return c switch
            {
                '\u0621' or '\u0674' => 'U',
                >= '\u0622' and <= '\u0625' or '\u0627' or '\u0629' or >= '\u062F' and <= '\u0632' or '\u0648' or >= '\u0671' and <= '\u0673'
                    or >= '\u0675' and <= '\u0677' or >= '\u0688' and <= '\u0699' or '\u06C0' or >= '\u06C3' and <= '\u06CB' or '\u06CD' or '\u06CF'
                    or '\u06D2' or '\u06D3' or '\u06D5' or '\u06EE' or '\u06EF' or '\u0710' or >= '\u0715' and <= '\u0719' or '\u071E' or '\u0728' or '\u072A'
                    or '\u072C' or '\u072F' or '\u074D' or >= '\u0759' and <= '\u075B' or '\u076B' or '\u076C' or '\u0771' or '\u0773' or '\u0774'
                    or '\u0778' or '\u0779' => 'R',
                _ => 'D',
            };
        }

        private static int PreviousStart(string label, int i) => i >= 2 && char.IsLowSurrogate(label[i - 1]) && char.IsHighSurrogate(label[i - 2]) ? i - 2 : i - 1;

        private static bool IsGreek(char c) => (c >= 0x0370 && c <= 0x03FF && !(c >= 0x03E2 && c <= 0x03EF)) || (c >= 0x1F00 && c <= 0x1FFF);

        private static bool HasHiraganaKatakanaOrHan(string label)
        {
            for (int i = 0; i < label.Length; i++)
            {
                char c = label[i];
                if (c == 0x30FB)
                {
                    continue;
                }

                if ((c >= 0x3040 && c <= 0x309F) || (c >= 0x30A0 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF) || (c >= 0xFF66 && c <= 0xFF9F)
                    || (c >= 0x2E80 && c <= 0x2FDF) || c == 0x3005 || c == 0x3007 || (c >= 0x3021 && c <= 0x3029) || (c >= 0x3038 && c <= 0x303B)
                    || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xD840 && c <= 0xD87F))
                {
                    return true; // the last range: high surrogates of planes 2 and 3 (CJK ideographs)
                }
            }

            return false;
        }

        // ---- RFC 5893 -------------------------------------------------------------------------------------

        /// <summary>
        /// RFC 5893 §2: in a Bidi domain name (one with an R, AL or AN character) every label meets the six rules: it starts
        /// with L, R or AL; a right-to-left label holds only R, AL, AN, EN, ES, CS, ET, ON, BN, NSM, ends (before NSMs) with
        /// R, AL, EN or AN, and does not mix EN with AN; a left-to-right label holds only L, EN, ES, CS, ET, ON, BN, NSM and
        /// ends (before NSMs) with L or EN.
        /// </summary>
        private static bool MeetsBidiRule(List<string> labels)
        {
            bool bidiDomain = false;
            foreach (string label in labels)
            {
                foreach (char c in label)
                {
                    BidiClass bidi = BidiClassOf(c);
                    bidiDomain |= bidi is BidiClass.R or BidiClass.AL or BidiClass.AN;
                }
            }

            if (!bidiDomain)
            {
                return true;
            }

            foreach (string label in labels)
            {
                BidiClass first = BidiClassOf(label[0]);
                if (first is not (BidiClass.L or BidiClass.R or BidiClass.AL))
                {
                    return false;
                }

                bool rightToLeft = first != BidiClass.L;
                bool en = false, an = false;
                BidiClass last = first;
                foreach (char c in label)
                {
                    BidiClass bidi = BidiClassOf(c);
                    en |= bidi == BidiClass.EN;
                    an |= bidi == BidiClass.AN;
                    bool allowed = rightToLeft ? bidi != BidiClass.L : bidi is not (BidiClass.R or BidiClass.AL or BidiClass.AN);
                    if (!allowed)
                    {
                        return false;
                    }

                    if (bidi != BidiClass.NSM)
                    {
                        last = bidi;
                    }
                }

                bool endsWell = rightToLeft ? last is BidiClass.R or BidiClass.AL or BidiClass.EN or BidiClass.AN : last is BidiClass.L or BidiClass.EN;
                if (!endsWell || (rightToLeft && en && an))
                {
                    return false;
                }
            }

            return true;
        }

        private enum BidiClass
        {
            L,
            R,
            AL,
            EN,
            AN,
            NSM,
            Other, // ES, CS, ET, ON, BN: allowed in either direction, never first or last
        }

        /// <summary>The Bidi_Class of a character of a label (.NET does not expose it): by the script blocks of the right-to-left scripts.</summary>
        private static BidiClass BidiClassOf(char c)
        {
            UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark)
            {
                return BidiClass.NSM;
            }

            if ((c >= '0' && c <= '9') || (c >= 0x06F0 && c <= 0x06F9) || c == 0x00B2 || c == 0x00B3 || c == 0x00B9)
            {
                return BidiClass.EN;
            }

            if ((c >= 0x0600 && c <= 0x0605) || (c >= 0x0660 && c <= 0x0669) || c == 0x066B || c == 0x066C || c == 0x06DD || c == 0x0890 || c == 0x0891 || c == 0x08E2)
            {
                return BidiClass.AN;
            }

            if ((c >= 0x0590 && c <= 0x05FF) || (c >= 0x07C0 && c <= 0x085F) || (c >= 0xFB1D && c <= 0xFB4F))
            {
                return BidiClass.R;
            }

            if ((c >= 0x0600 && c <= 0x07BF) || (c >= 0x0860 && c <= 0x08FF) || (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF))
            {
                return BidiClass.AL;
            }

            if (category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter
                or UnicodeCategory.OtherLetter or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber)
            {
                return BidiClass.L;
            }

            return c is >= '\uD800' and <= '\uDFFF' ? BidiClass.L : BidiClass.Other;
        }
    }
}
