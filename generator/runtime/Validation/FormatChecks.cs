namespace OpenApiSdk.Runtime
{
    /// <summary>
    /// The string formats JSON Schema 2020-12 (§7.3) defines, each checked against the grammar of the RFC it
    /// names, by hand-written scanners: no regular expression, so no backtracking, and linear time in the
    /// length of the value. Every method takes any string and never throws.
    /// </summary>
    /// <remarks>
    /// Where ajv (the validator the example tests compare with) differs from the RFC, the RFC wins and the
    /// difference is said on the method.
    /// </remarks>
    public static partial class FormatChecks
    {
        /// <summary>
        /// <c>format: uri</c>: an RFC 3986 <c>URI</c> (§3, Appendix A):
        /// <c>scheme ":" hier-part [ "?" query ] [ "#" fragment ]</c>. The host is an IP-literal or a reg-name,
        /// so <c>https://...</c> is valid (its host <c>...</c> is a reg-name). Only ASCII (an IRI is another format).
        /// </summary>
        public static bool IsUri(string value)
        {
            if (value == null)
            {
                return false;
            }

            int colon = SchemeEnd(value);
            return colon > 0 && IsHierPartQueryFragment(value, colon + 1, relative: false, iri: false);
        }

        /// <summary>
        /// <c>format: uri-reference</c>: an RFC 3986 <c>URI-reference</c> (§4.1): a <c>URI</c> or a
        /// <c>relative-ref</c> (<c>relative-part [ "?" query ] [ "#" fragment ]</c>); the empty string is one.
        /// </summary>
        public static bool IsUriReference(string value)
        {
            if (value == null)
            {
                return false;
            }

            int colon = SchemeEnd(value);
            return colon > 0
                ? IsHierPartQueryFragment(value, colon + 1, relative: false, iri: false)
                : IsHierPartQueryFragment(value, 0, relative: true, iri: false);
        }

        /// <summary>
        /// <c>format: iri</c>: an RFC 3987 <c>IRI</c> (§2.2): the grammar of a URI in which <c>iunreserved</c> also takes
        /// <c>ucschar</c> (most non-ASCII characters) and <c>iquery</c> also <c>iprivate</c> (private-use characters).
        /// </summary>
        public static bool IsIri(string value)
        {
            if (value == null)
            {
                return false;
            }

            int colon = SchemeEnd(value);
            return colon > 0 && IsHierPartQueryFragment(value, colon + 1, relative: false, iri: true);
        }

        /// <summary><c>format: iri-reference</c>: an RFC 3987 <c>IRI-reference</c> (§2.2), an IRI or an <c>irelative-ref</c>.</summary>
        public static bool IsIriReference(string value)
        {
            if (value == null)
            {
                return false;
            }

            int colon = SchemeEnd(value);
            return colon > 0
                ? IsHierPartQueryFragment(value, colon + 1, relative: false, iri: true)
                : IsHierPartQueryFragment(value, 0, relative: true, iri: true);
        }

        /// <summary>
        /// <c>format: email</c>: an RFC 5321 <c>Mailbox</c> (§4.1.2), as JSON Schema says:
        /// <c>Local-part "@" ( Domain / address-literal )</c>, the local part a dot-string of RFC 5322 atext or a
        /// quoted string. Unlike ajv's regular expression this accepts what the RFC does: a quoted local part
        /// (<c>"a b"@example.com</c>), an address literal (<c>a@[192.0.2.1]</c>, <c>a@[IPv6:2001:db8::1]</c>) and a
        /// domain of one label (<c>postmaster@localhost</c>). The length limits of §4.5.3.1 are sizes a server must
        /// at least accept, not syntax, and are not checked.
        /// </summary>
        public static bool IsEmail(string value)
        {
            if (value == null)
            {
                return false;
            }

            int at = LocalPartEnd(value, utf8: false);
            if (at <= 0 || at >= value.Length - 1 || value[at] != '@')
            {
                return false;
            }

            int domain = at + 1;
            return value[domain] == '['
                ? IsAddressLiteral(value, domain)
                : IsDomain(value, domain, value.Length);
        }

        /// <summary>
        /// <c>format: idn-email</c>: an RFC 6531 <c>Mailbox</c> (§3.3): <c>email</c>'s grammar in which <c>atext</c> and
        /// <c>qtextSMTP</c> also take any non-ASCII character (<c>UTF8-non-ascii</c>) and a sub-domain may be a U-label
        /// (the domain is an <c>idn-hostname</c>).
        /// </summary>
        public static bool IsIdnEmail(string value)
        {
            if (value == null)
            {
                return false;
            }

            int at = LocalPartEnd(value, utf8: true);
            if (at <= 0 || at >= value.Length - 1 || value[at] != '@')
            {
                return false;
            }

            int domain = at + 1;
            return value[domain] == '['
                ? IsAddressLiteral(value, domain)
                : IsDomainName(value, domain, value.Length, idn: true);
        }

        /// <summary>
        /// <c>format: ipv4</c>: the dotted-quad of RFC 2673 §3.2, each part a decimal 0-255 written as RFC 3986's
        /// <c>dec-octet</c> (§3.2.2), so without leading zeros (<c>01.2.3.4</c> is rejected, as ajv and the
        /// JSON Schema test suite do: such parts are read as octal elsewhere).
        /// </summary>
        public static bool IsIPv4(string value) => value != null && IsIPv4(value, 0, value.Length);

        /// <summary>
        /// <c>format: ipv6</c>: an RFC 4291 §2.2 text form, by the ABNF of RFC 3986's <c>IPv6address</c>: eight
        /// groups of 1-4 hex digits, at most one <c>::</c> standing for one or more zero groups, and an optional
        /// dotted-quad as the last 32 bits. No zone index (<c>%eth0</c>) or prefix length (<c>/64</c>).
        /// </summary>
        public static bool IsIPv6(string value) => value != null && IsIPv6(value, 0, value.Length);

        /// <summary>
        /// <c>format: date</c>: RFC 3339 <c>full-date</c> (§5.6), <c>YYYY-MM-DD</c> in ASCII digits, the day no later
        /// than the month's last (February 29 only in a leap year, Appendix C).
        /// </summary>
        public static bool IsDate(string value) => value != null && value.Length == 10 && IsFullDate(value, 0);

        /// <summary>
        /// <c>format: time</c>: RFC 3339 <c>full-time</c> (§5.6): <c>HH:MM:SS[.frac]</c> and an offset <c>Z</c> or
        /// <c>±HH:MM</c>. Second 60 (a leap second, §5.7) only where it is 23:59 in UTC.
        /// </summary>
        public static bool IsTime(string value) => value != null && IsFullTime(value, 0);

        /// <summary>
        /// <c>format: date-time</c>: RFC 3339 <c>date-time</c> (§5.6), <c>full-date "T" full-time</c>. As §5.6 notes,
        /// <c>T</c> and <c>Z</c> may be lower case; a space for <c>T</c> is not part of the grammar and is rejected.
        /// </summary>
        public static bool IsDateTime(string value) =>
            value != null && value.Length > 11 && IsFullDate(value, 0) && (value[10] == 'T' || value[10] == 't') && IsFullTime(value, 11);

        /// <summary>
        /// <c>format: duration</c>: RFC 3339 Appendix A <c>duration = "P" (dur-date / dur-time / dur-week)</c>, each
        /// element <c>1*DIGIT</c> and its letter, in the order Y M D, then <c>"T"</c> and H M S, no element skipped
        /// between two that are present (<c>P1Y2D</c> is not in the grammar), weeks alone. No fractions, no sign.
        /// </summary>
        public static bool IsDuration(string value)
        {
            if (value == null || value.Length < 3 || value[0] != 'P')
            {
                return false;
            }

            int position = 1;
            if (value[position] != 'T')
            {
                char unit = DurationElement(value, ref position);
                if (unit == 'W')
                {
                    return position == value.Length; // dur-week = 1*DIGIT "W", alone
                }

                // dur-date = (dur-day / dur-month / dur-year): Y [M [D]], M [D], or D.
                string order = "YMD";
                int rank = order.IndexOf(unit);
                if (rank < 0)
                {
                    return false;
                }

                while (position < value.Length && value[position] != 'T')
                {
                    char next = DurationElement(value, ref position);
                    if (next == '\0' || rank + 1 >= order.Length || order[rank + 1] != next)
                    {
                        return false;
                    }

                    rank++;
                }

                if (position == value.Length)
                {
                    return true;
                }
            }

            // dur-time = "T" (dur-hour / dur-minute / dur-second): H [M [S]], M [S], or S.
            position++;
            if (position == value.Length)
            {
                return false;
            }

            string timeOrder = "HMS";
            int timeRank = -1;
            while (position < value.Length)
            {
                char unit = DurationElement(value, ref position);
                int found = unit == '\0' ? -1 : timeOrder.IndexOf(unit);
                if (found < 0 || (timeRank >= 0 && found != timeRank + 1) || found <= timeRank)
                {
                    return false;
                }

                timeRank = found;
            }

            return true;
        }

        /// <summary>
        /// <c>format: uuid</c>: the RFC 4122 §3 string form (kept by RFC 9562 §4, which obsoletes RFC 4122),
        /// 8-4-4-4-12 hex digits, case-insensitive on input, with hyphens, any version or variant. ajv also takes a <c>urn:uuid:</c> prefix; that is the URN, a URI, not the UUID's
        /// string form, and is rejected.
        /// </summary>
        public static bool IsUuid(string value)
        {
            if (value == null || value.Length != 36)
            {
                return false;
            }

            for (int i = 0; i < 36; i++)
            {
                bool hyphen = i == 8 || i == 13 || i == 18 || i == 23;
                if (hyphen ? value[i] != '-' : !IsHexDigit(value[i]))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The check of a format from the table (<see cref="Common.StringFormats"/>), for the DataAnnotations attribute.</summary>
        internal static bool Check(Common.StringFormat format, string value) => format.Check switch
        {
            "Date" => IsDate(value),
            "DateTime" => IsDateTime(value),
            "Time" => IsTime(value),
            "Duration" => IsDuration(value),
            "Email" => IsEmail(value),
            "IdnEmail" => IsIdnEmail(value),
            "Hostname" => IsHostname(value),
            "IdnHostname" => IsIdnHostname(value),
            "IPv4" => IsIPv4(value),
            "IPv6" => IsIPv6(value),
            "Uri" => IsUri(value),
            "UriReference" => IsUriReference(value),
            "Iri" => IsIri(value),
            "IriReference" => IsIriReference(value),
            "Uuid" => IsUuid(value),
            "UriTemplate" => IsUriTemplate(value),
            "JsonPointer" => IsJsonPointer(value),
            "RelativeJsonPointer" => IsRelativeJsonPointer(value),
            "Regex" => IsRegex(value),
            _ => throw new System.ArgumentException("No check for the format " + format.Name, nameof(format)),
        };

        // ---- RFC 3986 -------------------------------------------------------------------------------------

        /// <summary>The index of the ':' ending <c>scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )</c>, or -1.</summary>
        private static int SchemeEnd(string value)
        {
            if (value.Length == 0 || !IsAlpha(value[0]))
            {
                return -1;
            }

            for (int i = 1; i < value.Length; i++)
            {
                char c = value[i];
                if (c == ':')
                {
                    return i;
                }

                if (!(IsAlpha(c) || IsDigit(c) || c == '+' || c == '-' || c == '.'))
                {
                    return -1;
                }
            }

            return -1;
        }

        /// <summary>
        /// <c>hier-part</c> (or <c>relative-part</c>) from <paramref name="start"/>, then <c>[ "?" query ] [ "#" fragment ]</c>:
        /// <c>"//" authority path-abempty</c>, or a path of pchars and '/'. In a relative reference the first
        /// segment of a path that does not start with '/' may hold no ':' (<c>path-noscheme</c>).
        /// </summary>
        private static bool IsHierPartQueryFragment(string value, int start, bool relative, bool iri)
        {
            int end = value.Length;
            int query = IndexOfAny(value, start, end, '?', '#');
            int pathEnd = query < 0 ? end : query;
            int path = start;
            if (pathEnd - start >= 2 && value[start] == '/' && value[start + 1] == '/')
            {
                int authorityEnd = IndexOfAny(value, start + 2, pathEnd, '/', '/');
                if (authorityEnd < 0)
                {
                    authorityEnd = pathEnd;
                }

                if (!IsAuthority(value, start + 2, authorityEnd, iri))
                {
                    return false;
                }

                path = authorityEnd;
            }
            else if (relative && path < pathEnd && value[path] != '/')
            {
                // path-noscheme: segment-nz-nc, a first segment without ':'.
                for (int i = path; i < pathEnd && value[i] != '/'; i++)
                {
                    if (value[i] == ':')
                    {
                        return false;
                    }
                }
            }

            for (int i = path; i < pathEnd; i++)
            {
                if (value[i] != '/' && !IsPChar(value, ref i, iri, query: false))
                {
                    return false;
                }
            }

            if (query < 0)
            {
                return true;
            }

            // query = *( pchar / "/" / "?" ); then fragment, the same characters (RFC 3987: iprivate only in iquery).
            int fragment = value[query] == '#' ? query : value.IndexOf('#', query);
            for (int i = query + 1; i < end; i++)
            {
                if (i == fragment)
                {
                    continue;
                }

                if (value[i] != '/' && value[i] != '?' && !IsPChar(value, ref i, iri, query: fragment < 0 || i < fragment))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary><c>authority = [ userinfo "@" ] host [ ":" port ]</c>.</summary>
        private static bool IsAuthority(string value, int start, int end, bool iri)
        {
            int at = value.IndexOf('@', start, end - start);
            int host = start;
            if (at >= 0)
            {
                // userinfo = *( unreserved / pct-encoded / sub-delims / ":" )
                for (int i = start; i < at; i++)
                {
                    if (value[i] != ':' && !IsUnreservedOrSubDelim(value[i]) && !IsPercentEncoded(value, ref i) && !(iri && IsIriChar(value, ref i, query: false)))
                    {
                        return false;
                    }
                }

                host = at + 1;
            }

            int hostEnd;
            if (host < end && value[host] == '[')
            {
                int close = value.IndexOf(']', host, end - host);
                if (close < 0 || !IsIPLiteralContent(value, host + 1, close))
                {
                    return false;
                }

                hostEnd = close + 1;
            }
            else
            {
                // reg-name = *( unreserved / pct-encoded / sub-delims ); it also covers IPv4address.
                hostEnd = host;
                while (hostEnd < end && value[hostEnd] != ':')
                {
                    int i = hostEnd;
                    if (!IsUnreservedOrSubDelim(value[i]) && !IsPercentEncoded(value, ref i) && !(iri && IsIriChar(value, ref i, query: false)))
                    {
                        return false;
                    }

                    hostEnd = i + 1;
                }
            }

            if (hostEnd == end)
            {
                return true;
            }

            // port = *DIGIT
            if (value[hostEnd] != ':')
            {
                return false;
            }

            for (int i = hostEnd + 1; i < end; i++)
            {
                if (!IsDigit(value[i]))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Inside <c>IP-literal = "[" ( IPv6address / IPvFuture ) "]"</c>.</summary>
        private static bool IsIPLiteralContent(string value, int start, int end)
        {
            if (start < end && (value[start] == 'v' || value[start] == 'V'))
            {
                // IPvFuture = "v" 1*HEXDIG "." 1*( unreserved / sub-delims / ":" )
                int i = start + 1;
                while (i < end && IsHexDigit(value[i]))
                {
                    i++;
                }

                if (i == start + 1 || i >= end - 1 || value[i] != '.')
                {
                    return false;
                }

                for (i++; i < end; i++)
                {
                    if (value[i] != ':' && !IsUnreservedOrSubDelim(value[i]))
                    {
                        return false;
                    }
                }

                return true;
            }

            return IsIPv6(value, start, end);
        }

        /// <summary>
        /// <c>pchar = unreserved / pct-encoded / sub-delims / ":" / "@"</c> (in an IRI <c>ipchar</c>, with <c>iunreserved</c>,
        /// and in <c>iquery</c> also <c>iprivate</c>); a '%' advances past its two hex digits, a surrogate pair past its second half.
        /// </summary>
        private static bool IsPChar(string value, ref int i, bool iri, bool query)
        {
            char c = value[i];
            return c == ':' || c == '@' || IsUnreservedOrSubDelim(c) || IsPercentEncoded(value, ref i) || (iri && IsIriChar(value, ref i, query));
        }

        /// <summary>
        /// RFC 3987 §2.2 <c>ucschar</c> (or, in a query, <c>iprivate</c>) at <paramref name="i"/>, which then points at its
        /// last UTF-16 unit. A lone surrogate is no character.
        /// </summary>
        private static bool IsIriChar(string value, ref int i, bool query)
        {
            char c = value[i];
            if (c < 0xA0)
            {
                return false;
            }

            int codePoint = c;
            if (char.IsSurrogate(c))
            {
                if (!char.IsHighSurrogate(c) || i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))
                {
                    return false;
                }

                codePoint = char.ConvertToUtf32(c, value[i + 1]);
            }

            bool ucs = (codePoint <= 0xD7FF) || (codePoint >= 0xF900 && codePoint <= 0xFDCF) || (codePoint >= 0xFDF0 && codePoint <= 0xFFEF)
                || (codePoint >= 0x10000 && codePoint <= 0xEFFFD && (codePoint & 0xFFFF) <= 0xFFFD && codePoint < 0xE0000)
                || (codePoint >= 0xE1000 && codePoint <= 0xEFFFD);
            bool @private = (codePoint >= 0xE000 && codePoint <= 0xF8FF) || (codePoint >= 0xF0000 && (codePoint & 0xFFFF) <= 0xFFFD);
            if (!ucs && !(query && @private))
            {
                return false;
            }

            if (codePoint > 0xFFFF)
            {
                i++;
            }

            return true;
        }

        /// <summary><c>pct-encoded = "%" HEXDIG HEXDIG</c> at <paramref name="i"/>, which then points at its last digit.</summary>
        private static bool IsPercentEncoded(string value, ref int i)
        {
            if (value[i] != '%' || i + 2 >= value.Length || !IsHexDigit(value[i + 1]) || !IsHexDigit(value[i + 2]))
            {
                return false;
            }

            i += 2;
            return true;
        }

        /// <summary>unreserved (<c>ALPHA / DIGIT / "-" / "." / "_" / "~"</c>) or sub-delims (<c>!$&amp;'()*+,;=</c>).</summary>
        private static bool IsUnreservedOrSubDelim(char c) =>
            IsAlpha(c) || IsDigit(c) || c == '-' || c == '.' || c == '_' || c == '~'
            || c == '!' || c == '$' || c == '&' || c == '\'' || c == '(' || c == ')' || c == '*' || c == '+' || c == ',' || c == ';' || c == '=';

        /// <summary>RFC 3986 <c>IPv6address</c> in [start, end).</summary>
        private static bool IsIPv6(string value, int start, int end)
        {
            int doubleColon = -1;
            for (int i = start; i + 1 < end; i++)
            {
                if (value[i] == ':' && value[i + 1] == ':')
                {
                    if (doubleColon >= 0)
                    {
                        return false; // "::" at most once
                    }

                    doubleColon = i;
                    i++;
                }
            }

            if (doubleColon < 0)
            {
                return CountGroups(value, start, end, allowIPv4Tail: true) == 8;
            }

            int left = CountGroups(value, start, doubleColon, allowIPv4Tail: false);
            int right = CountGroups(value, doubleColon + 2, end, allowIPv4Tail: true);
            return left >= 0 && right >= 0 && left + right <= 7;
        }

        /// <summary>
        /// The 16-bit groups in [start, end) written as <c>h16 *( ":" h16 )</c>, a dotted-quad last counting two
        /// (<c>ls32</c>); 0 for an empty range, -1 when the text is not such a list.
        /// </summary>
        private static int CountGroups(string value, int start, int end, bool allowIPv4Tail)
        {
            if (start == end)
            {
                return 0;
            }

            int groups = 0;
            int position = start;
            while (true)
            {
                int colon = value.IndexOf(':', position, end - position);
                int groupEnd = colon < 0 ? end : colon;
                if (colon < 0 && allowIPv4Tail && value.IndexOf('.', position, groupEnd - position) >= 0)
                {
                    return IsIPv4(value, position, groupEnd) ? groups + 2 : -1;
                }

                int length = groupEnd - position;
                if (length < 1 || length > 4)
                {
                    return -1;
                }

                for (int i = position; i < groupEnd; i++)
                {
                    if (!IsHexDigit(value[i]))
                    {
                        return -1;
                    }
                }

                groups++;
                if (colon < 0)
                {
                    return groups;
                }

                position = colon + 1;
                if (position == end)
                {
                    return -1; // a trailing single ':'
                }
            }
        }

        /// <summary>
        /// <c>IPv4address = dec-octet "." dec-octet "." dec-octet "." dec-octet</c>;
        /// <c>dec-octet</c> is 0-255 without leading zeros.
        /// </summary>
        private static bool IsIPv4(string value, int start, int end)
        {
            int parts = 0;
            int position = start;
            while (position <= end)
            {
                int dot = value.IndexOf('.', position, end - position);
                int partEnd = dot < 0 ? end : dot;
                int length = partEnd - position;
                if (length < 1 || length > 3 || (length > 1 && value[position] == '0'))
                {
                    return false;
                }

                int number = 0;
                for (int i = position; i < partEnd; i++)
                {
                    if (!IsDigit(value[i]))
                    {
                        return false;
                    }

                    number = (number * 10) + (value[i] - '0');
                }

                if (number > 255 || ++parts > 4)
                {
                    return false;
                }

                if (dot < 0)
                {
                    break;
                }

                position = dot + 1;
            }

            return parts == 4;
        }

        // ---- RFC 5321 -------------------------------------------------------------------------------------

        /// <summary>The index just past <c>Local-part = Dot-string / Quoted-string</c>, or -1; with <paramref name="utf8"/>, RFC 6531's.</summary>
        private static int LocalPartEnd(string value, bool utf8)
        {
            if (value.Length == 0)
            {
                return -1;
            }

            if (value[0] == '"')
            {
                // Quoted-string = DQUOTE *QcontentSMTP DQUOTE; qtextSMTP = %d32-33 / %d35-91 / %d93-126;
                // quoted-pairSMTP = %d92 %d32-126.
                for (int i = 1; i < value.Length; i++)
                {
                    char c = value[i];
                    if (c == '"')
                    {
                        return i + 1;
                    }

                    if (c == '\\')
                    {
                        if (++i >= value.Length || value[i] < 32 || value[i] > 126)
                        {
                            return -1;
                        }
                    }
                    else if ((c < 32 || c > 126) && !(utf8 && IsNonAscii(value, ref i)))
                    {
                        return -1;
                    }
                }

                return -1;
            }

            // Dot-string = Atom *("." Atom); Atom = 1*atext.
            int position = 0;
            while (true)
            {
                int atom = position;
                while (position < value.Length && (IsAText(value[position]) || (utf8 && IsNonAscii(value, ref position))))
                {
                    position++;
                }

                if (position == atom)
                {
                    return -1;
                }

                if (position < value.Length && value[position] == '.')
                {
                    position++;
                    continue;
                }

                return position;
            }
        }

        /// <summary>RFC 6532 <c>UTF8-non-ascii</c> at <paramref name="i"/>: a non-ASCII character (a surrogate only in a pair, then <paramref name="i"/> points at its second half).</summary>
        private static bool IsNonAscii(string value, ref int i) => value[i] >= 0x80 && (!char.IsSurrogate(value[i]) || IsSurrogatePair(value, ref i));

        /// <summary>RFC 5322 <c>atext</c>: ALPHA / DIGIT / one of <c>!#$%&amp;'*+-/=?^_`{|}~</c>.</summary>
        private static bool IsAText(char c) =>
            IsAlpha(c) || IsDigit(c) || "!#$%&'*+-/=?^_`{|}~".IndexOf(c) >= 0;

        /// <summary>
        /// <c>Domain = sub-domain *("." sub-domain)</c>; <c>sub-domain = Let-dig [Ldh-str]</c>: letters, digits and
        /// hyphens, starting and ending with a letter or digit.
        /// </summary>
        private static bool IsDomain(string value, int start, int end)
        {
            int label = start;
            for (int i = start; i <= end; i++)
            {
                if (i < end && value[i] != '.')
                {
                    char c = value[i];
                    if (!(IsAlpha(c) || IsDigit(c) || (c == '-' && i != label)))
                    {
                        return false;
                    }

                    continue;
                }

                if (i == label || value[i - 1] == '-')
                {
                    return false; // an empty label, or one ending in '-'
                }

                label = i + 1;
            }

            return true;
        }

        /// <summary>
        /// <c>address-literal = "[" ( IPv4-address-literal / IPv6-address-literal / General-address-literal ) "]"</c>,
        /// from <paramref name="start"/> (the '[') to the end of the value.
        /// </summary>
        private static bool IsAddressLiteral(string value, int start)
        {
            int end = value.Length - 1;
            if (end <= start + 1 || value[end] != ']')
            {
                return false;
            }

            int content = start + 1;
            if (IsIPv4(value, content, end))
            {
                return true;
            }

            int colon = value.IndexOf(':', content, end - content);
            if (colon <= content)
            {
                return false;
            }

            if (colon - content == 4 && string.Compare(value, content, "IPv6", 0, 4, System.StringComparison.OrdinalIgnoreCase) == 0)
            {
                return IsIPv6(value, colon + 1, end); // IPv6-address-literal = "IPv6:" IPv6-addr
            }

            // General-address-literal = Standardized-tag ":" 1*dcontent; Standardized-tag = Ldh-str;
            // dcontent = %d33-90 / %d94-126.
            if (!IsDomain(value, content, colon) || value.IndexOf('.', content, colon - content) >= 0 || colon + 1 >= end)
            {
                return false;
            }

            for (int i = colon + 1; i < end; i++)
            {
                char c = value[i];
                if (c < 33 || c > 126 || c == '[' || c == '\\' || c == ']')
                {
                    return false;
                }
            }

            return true;
        }

        // ---- RFC 3339 -------------------------------------------------------------------------------------

        /// <summary><c>full-date = date-fullyear "-" date-month "-" date-mday</c> at [start, start + 10).</summary>
        private static bool IsFullDate(string value, int start)
        {
            if (value.Length < start + 10 || value[start + 4] != '-' || value[start + 7] != '-')
            {
                return false;
            }

            int year = Digits(value, start, 4), month = Digits(value, start + 5, 2), day = Digits(value, start + 8, 2);
            return year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= DaysInMonth(year, month);
        }

        /// <summary>
        /// <c>full-time = partial-time time-offset</c> from <paramref name="start"/> to the end:
        /// <c>time-hour ":" time-minute ":" time-second [ "." 1*DIGIT ]</c>, then <c>"Z" / ( "+" / "-" ) time-hour ":" time-minute</c>.
        /// </summary>
        private static bool IsFullTime(string value, int start)
        {
            if (value.Length < start + 9 || value[start + 2] != ':' || value[start + 5] != ':')
            {
                return false;
            }

            int hour = Digits(value, start, 2), minute = Digits(value, start + 3, 2), second = Digits(value, start + 6, 2);
            if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60)
            {
                return false;
            }

            int position = start + 8;
            if (value[position] == '.')
            {
                int fraction = ++position;
                while (position < value.Length && IsDigit(value[position]))
                {
                    position++;
                }

                if (position == fraction || position == value.Length)
                {
                    return false;
                }
            }

            int offsetMinutes;
            char sign = value[position];
            if (sign == 'Z' || sign == 'z')
            {
                if (position + 1 != value.Length)
                {
                    return false;
                }

                offsetMinutes = 0;
            }
            else if (sign == '+' || sign == '-')
            {
                if (value.Length != position + 6 || value[position + 3] != ':')
                {
                    return false;
                }

                int offsetHour = Digits(value, position + 1, 2), offsetMinute = Digits(value, position + 4, 2);
                if (offsetHour < 0 || offsetHour > 23 || offsetMinute < 0 || offsetMinute > 59)
                {
                    return false;
                }

                offsetMinutes = (sign == '-' ? -1 : 1) * ((offsetHour * 60) + offsetMinute);
            }
            else
            {
                return false;
            }

            if (second < 60)
            {
                return true;
            }

            // §5.7: a leap second is the last second of a UTC day (23:59:60Z); local time = UTC + offset.
            int utc = (((hour * 60) + minute - offsetMinutes) % 1440 + 1440) % 1440;
            return utc == (23 * 60) + 59;
        }

        /// <summary>One duration element, <c>1*DIGIT</c> and its letter, from <paramref name="position"/>; its letter, or '\0'.</summary>
        private static char DurationElement(string value, ref int position)
        {
            int digits = position;
            while (position < value.Length && IsDigit(value[position]))
            {
                position++;
            }

            if (position == digits || position == value.Length)
            {
                return '\0';
            }

            return value[position++];
        }

        /// <summary>RFC 3339 Appendix C: the leap year rule of the Gregorian calendar.</summary>
        private static int DaysInMonth(int year, int month)
        {
            switch (month)
            {
                case 2:
                    return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28;
                case 4:
                case 6:
                case 9:
                case 11:
                    return 30;
                default:
                    return 31;
            }
        }

        /// <summary>The number written by <paramref name="count"/> ASCII digits at <paramref name="start"/>, or -1.</summary>
        private static int Digits(string value, int start, int count)
        {
            int number = 0;
            for (int i = start; i < start + count; i++)
            {
                if (i >= value.Length || !IsDigit(value[i]))
                {
                    return -1;
                }

                number = (number * 10) + (value[i] - '0');
            }

            return number;
        }

        // ---- ABNF core rules (RFC 5234 Appendix B.1) ------------------------------------------------------

        private static bool IsAlpha(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

        private static bool IsDigit(char c) => c >= '0' && c <= '9';

        private static bool IsHexDigit(char c) => IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

        private static int IndexOfAny(string value, int start, int end, char first, char second)
        {
            for (int i = start; i < end; i++)
            {
                if (value[i] == first || value[i] == second)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
