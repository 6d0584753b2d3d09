using Xunit;

namespace OpenApiSdk.Runtime.Tests
{
    /// <summary>
    /// <see cref="FormatChecks"/> against the RFCs' own examples and grammar: each case names the rule that
    /// makes it valid or invalid.
    /// </summary>
    public class FormatChecksTests
    {
        [Theory]
        [InlineData("https://...")] // RFC 3986 §3.2.2: reg-name = *( unreserved / ... ); "." is unreserved
        [InlineData("ftp://ftp.is.co.za/rfc/rfc1808.txt")] // RFC 3986 §1.1.2 example
        [InlineData("http://www.ietf.org/rfc/rfc2396.txt")] // §1.1.2
        [InlineData("ldap://[2001:db8::7]/c=GB?objectClass?one")] // §1.1.2: IP-literal host, query with '?'
        [InlineData("mailto:John.Doe@example.com")] // §1.1.2: path-rootless
        [InlineData("news:comp.infosystems.www.servers.unix")] // §1.1.2
        [InlineData("tel:+1-816-555-1212")] // §1.1.2
        [InlineData("telnet://192.0.2.16:80/")] // §1.1.2: IPv4address host and port
        [InlineData("urn:oasis:names:specification:docbook:dtd:xml:4.1.2")] // §1.1.2
        [InlineData("foo://example.com:8042/over/there?name=ferret#nose")] // §3 example, every component
        [InlineData("http://user:pass@host/")] // §3.2.1: userinfo = *( unreserved / pct-encoded / sub-delims / ":" )
        [InlineData("http://host:/")] // §3.2.3: port = *DIGIT, empty allowed
        [InlineData("http://")] // §3.2.2: reg-name may be empty
        [InlineData("a:")] // §3.3: path-empty
        [InlineData("a:/")] // §3.3: path-absolute = "/" [ segment-nz *( "/" segment ) ]
        [InlineData("http://[v7.abc:def]/")] // §3.2.2: IPvFuture = "v" 1*HEXDIG "." 1*( unreserved / sub-delims / ":" )
        [InlineData("http://example.com/%41%2f")] // §2.1: pct-encoded = "%" HEXDIG HEXDIG, either case
        [InlineData("http://example.com/#frag?with/slash")] // §3.5: fragment = *( pchar / "/" / "?" )
        [InlineData("http://example.com/a!$&'()*+,;=:@b")] // §3.3: pchar includes sub-delims, ":" and "@"
        [InlineData("HTTP://EXAMPLE.COM/")] // §3.1: scheme is case-insensitive
        [InlineData("a+b-c.d:x")] // §3.1: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )
        public void Valid_uris(string value) => Assert.True(FormatChecks.IsUri(value), value);

        [Theory]
        [InlineData("")] // §3: scheme ":" is required in a URI
        [InlineData("//example.com/path")] // a relative-ref (§4.2), not a URI
        [InlineData("/a/b")] // a relative-ref
        [InlineData("1http://x")] // §3.1: scheme starts with ALPHA
        [InlineData("ht tp://x")] // §3.1: no space in a scheme
        [InlineData("http://exa mple.com/")] // §3.2.2: space is not in reg-name
        [InlineData("http://example.com/a b")] // §3.3: space is not a pchar
        [InlineData("http://example.com/%zz")] // §2.1: pct-encoded needs two HEXDIG
        [InlineData("http://example.com/%4")] // §2.1
        [InlineData("http://a@b@c/")] // §3.2.1: '@' is not in userinfo or reg-name
        [InlineData("http://host:80a/")] // §3.2.3: port = *DIGIT
        [InlineData("http://[::1/")] // §3.2.2: IP-literal needs its "]"
        [InlineData("http://[1::2::3]/")] // RFC 4291 §2.2: "::" at most once
        [InlineData("http://[v.x]/")] // §3.2.2: IPvFuture needs 1*HEXDIG after "v"
        [InlineData("http://example.com/#a#b")] // §3.5: '#' is not in a fragment
        [InlineData("http://example.com/ü")] // §2: a URI is ASCII (non-ASCII is an IRI, RFC 3987)
        [InlineData("http://example.com/<tag>")] // §2.2/2.3: '<' and '>' are neither reserved nor unreserved
        [InlineData("http://example.com/\\")] // '\' is not allowed
        public void Invalid_uris(string value) => Assert.False(FormatChecks.IsUri(value), value);

        [Theory]
        [InlineData("")] // RFC 3986 §4.2: relative-part can be path-empty
        [InlineData("//example.com/path")] // §4.2: network-path reference
        [InlineData("/a/b")] // §4.2: absolute-path reference
        [InlineData("g;x?y#s")] // §5.4.1 example: relative-path reference with query and fragment
        [InlineData("../../g")] // §5.4.1
        [InlineData("./this:that")] // §4.2: a first segment with ':' written after "./"
        [InlineData("#s")] // §5.4.1: fragment only
        [InlineData("?y")] // §5.4.1: query only
        [InlineData("https://...")] // any URI is a URI-reference (§4.1)
        [InlineData("g:h")] // §5.4.1: a URI with scheme g
        public void Valid_uri_references(string value) => Assert.True(FormatChecks.IsUriReference(value), value);

        [Theory]
        [InlineData("this:that:x y")] // a URI (scheme "this") with a space in its path
        [InlineData("1this:that")] // §4.2: path-noscheme's first segment (segment-nz-nc) may hold no ':'
        [InlineData("a b")] // §3.3: space is not a pchar
        [InlineData("#a#b")] // §3.5
        [InlineData("%")] // §2.1
        [InlineData("//[::1")] // §3.2.2
        public void Invalid_uri_references(string value) => Assert.False(FormatChecks.IsUriReference(value), value);

        [Theory]
        [InlineData("user@example.com")] // RFC 5321 §4.1.2: Dot-string "@" Domain
        [InlineData("first.last@example.com")] // Dot-string = Atom *("." Atom)
        [InlineData("!#$%&'*+-/=?^_`{|}~@example.com")] // RFC 5322 §3.2.3: every atext character
        [InlineData("\"john doe\"@example.com")] // RFC 5321: Quoted-string, qtextSMTP includes space (%d32)
        [InlineData("\"a\\\"b\"@example.com")] // quoted-pairSMTP = %d92 %d32-126
        [InlineData("postmaster@localhost")] // Domain = sub-domain *("." sub-domain): one label is a Domain
        [InlineData("user@a-b.c1")] // sub-domain = Let-dig [Ldh-str]
        [InlineData("user@123.example")] // Let-dig includes DIGIT
        [InlineData("user@[192.0.2.1]")] // IPv4-address-literal = Snum 3("." Snum)
        [InlineData("user@[IPv6:2001:db8::1]")] // IPv6-address-literal = "IPv6:" IPv6-addr
        [InlineData("user@[x-tag:abc]")] // General-address-literal = Standardized-tag ":" 1*dcontent
        public void Valid_emails(string value) => Assert.True(FormatChecks.IsEmail(value), value);

        [Theory]
        [InlineData("")] // Mailbox = Local-part "@" ...
        [InlineData("user")] // no "@"
        [InlineData("@example.com")] // Local-part is 1*atext or a Quoted-string
        [InlineData("user@")] // Domain needs a sub-domain
        [InlineData("a..b@example.com")] // Dot-string: an Atom between dots (1*atext)
        [InlineData(".a@example.com")] // Dot-string starts with an Atom
        [InlineData("a.@example.com")] // and ends with one
        [InlineData("a b@example.com")] // space is not atext
        [InlineData("a@b@example.com")] // '@' is not atext, nor in a Domain
        [InlineData("user@-example.com")] // sub-domain starts with Let-dig
        [InlineData("user@example-.com")] // Ldh-str ends with Let-dig
        [InlineData("user@example..com")] // an empty sub-domain
        [InlineData("user@example.com.")] // an empty last sub-domain
        [InlineData("user@exa_mple.com")] // '_' is not in Ldh-str
        [InlineData("\"unclosed@example.com")] // Quoted-string needs its closing DQUOTE
        [InlineData("\"a\"b@example.com")] // the Local-part ends at the closing DQUOTE
        [InlineData("user@[256.0.0.1]")] // Snum is 0-255
        [InlineData("user@[IPv6:1::2::3]")] // IPv6-addr
        [InlineData("user@[192.0.2.1")] // address-literal needs "]"
        [InlineData("usér@example.com")] // RFC 5321 is ASCII (SMTPUTF8, RFC 6531, is the idn-email format)
        public void Invalid_emails(string value) => Assert.False(FormatChecks.IsEmail(value), value);

        [Theory]
        [InlineData("0.0.0.0")] // RFC 2673 §3.2 dotted-quad; RFC 3986 dec-octet "0"
        [InlineData("192.0.2.235")] // RFC 5737 documentation address
        [InlineData("255.255.255.255")] // dec-octet = "25" %x30-35
        [InlineData("10.0.0.1")]
        public void Valid_ipv4(string value) => Assert.True(FormatChecks.IsIPv4(value), value);

        [Theory]
        [InlineData("")] // four decbytes
        [InlineData("256.0.0.1")] // dec-octet is at most 255
        [InlineData("1.2.3")] // four parts
        [InlineData("1.2.3.4.5")]
        [InlineData("01.2.3.4")] // RFC 3986 dec-octet: no leading zero (read as octal by inet_aton)
        [InlineData("1.2.3.04")]
        [InlineData("1..3.4")] // decbyte = 1*3DIGIT
        [InlineData("1.2.3.4 ")] // nothing after the last decbyte
        [InlineData("1.2.3.x")] // DIGIT only
        [InlineData("١.2.3.4")] // ASCII DIGIT only (not Arabic-Indic digits)
        [InlineData("1.2.3.4/24")] // a prefix length is not part of the address
        public void Invalid_ipv4(string value) => Assert.False(FormatChecks.IsIPv4(value), value);

        [Theory]
        [InlineData("ABCD:EF01:2345:6789:ABCD:EF01:2345:6789")] // RFC 4291 §2.2 form 1
        [InlineData("2001:DB8:0:0:8:800:200C:417A")] // §2.2 form 1, leading zeros omitted
        [InlineData("2001:DB8::8:800:200C:417A")] // §2.2 form 2: "::"
        [InlineData("FF01::101")] // §2.2 form 2
        [InlineData("::1")] // §2.2 form 2: loopback
        [InlineData("::")] // §2.2 form 2: unspecified
        [InlineData("1:2:3:4:5:6:7::")] // RFC 3986: [ *6( h16 ":" ) h16 ] "::"
        [InlineData("0:0:0:0:0:0:13.1.68.3")] // RFC 4291 §2.2 form 3
        [InlineData("::FFFF:129.144.52.38")] // §2.2 form 3, compressed
        [InlineData("::13.1.68.3")] // §2.2 form 3
        [InlineData("fe80::abcd")] // hex digits in either case
        public void Valid_ipv6(string value) => Assert.True(FormatChecks.IsIPv6(value), value);

        [Theory]
        [InlineData("")] // at least "::"
        [InlineData("1:2:3:4:5:6:7")] // eight groups without "::"
        [InlineData("1:2:3:4:5:6:7:8:9")] // at most eight groups
        [InlineData("1:2:3:4:5:6:7:8::")] // "::" stands for at least one group
        [InlineData("1::2::3")] // RFC 4291 §2.2: "::" can appear only once
        [InlineData("12345::")] // h16 = 1*4HEXDIG
        [InlineData("1:2:3:4:5:6:7:g")] // HEXDIG only
        [InlineData(":1:2:3:4:5:6:7")] // a single leading ':'
        [InlineData("1:2:3:4:5:6:7:")] // a single trailing ':'
        [InlineData("1.2.3.4::")] // ls32's IPv4address only as the last 32 bits
        [InlineData("::1.2.3.256")] // IPv4address dec-octet
        [InlineData("1:2:3:4:5:6:7:1.2.3.4")] // ls32 counts two groups: nine in all
        [InlineData("fe80::1%eth0")] // a zone index (RFC 6874) is not part of the address
        [InlineData("2001:db8::/32")] // nor a prefix length
        [InlineData("1.2.3.4")] // an IPv4 address is not an IPv6 address
        public void Invalid_ipv6(string value) => Assert.False(FormatChecks.IsIPv6(value), value);

        [Theory]
        [InlineData("1985-04-12")] // RFC 3339 §5.8 example (its date part)
        [InlineData("2000-02-29")] // Appendix C: 2000 is divisible by 400, a leap year
        [InlineData("2024-02-29")] // divisible by 4, not by 100
        [InlineData("0000-01-01")] // date-fullyear = 4DIGIT
        [InlineData("1999-12-31")]
        public void Valid_dates(string value) => Assert.True(FormatChecks.IsDate(value), value);

        [Theory]
        [InlineData("1900-02-29")] // Appendix C: 1900 is divisible by 100, not by 400
        [InlineData("2023-02-29")] // not divisible by 4
        [InlineData("2023-04-31")] // §5.7: date-mday 01-30 for month 04
        [InlineData("2023-13-01")] // date-month = 01-12
        [InlineData("2023-00-01")]
        [InlineData("2023-01-00")] // date-mday = 01-28, 01-29, 01-30, 01-31
        [InlineData("2023-1-01")] // date-month = 2DIGIT
        [InlineData("20230101")] // the "-" separators
        [InlineData("2023-01-01T00:00:00Z")] // a date-time, not a full-date
        [InlineData("２０２３-01-01")] // ASCII DIGIT only
        public void Invalid_dates(string value) => Assert.False(FormatChecks.IsDate(value), value);

        [Theory]
        [InlineData("1985-04-12T23:20:50.52Z")] // RFC 3339 §5.8 example
        [InlineData("1996-12-19T16:39:57-08:00")] // §5.8
        [InlineData("1990-12-31T23:59:60Z")] // §5.8: a leap second
        [InlineData("1990-12-31T15:59:60-08:00")] // §5.8: the same leap second in Pacific time
        [InlineData("1937-01-01T12:00:27.87+00:20")] // §5.8: Netherlands time
        [InlineData("1985-04-12t23:20:50z")] // §5.6 NOTE: "T" and "Z" may be lower case
        [InlineData("2023-01-01T00:00:00.123456789+14:00")] // time-secfrac = "." 1*DIGIT
        public void Valid_date_times(string value) => Assert.True(FormatChecks.IsDateTime(value), value);

        [Theory]
        [InlineData("1985-04-12 23:20:50Z")] // §5.6: the grammar has "T" (a space is only allowed by other profiles)
        [InlineData("1985-04-12T23:20:50")] // time-offset is required
        [InlineData("1985-04-12T24:00:00Z")] // time-hour = 00-23
        [InlineData("1985-04-12T23:60:00Z")] // time-minute = 00-59
        [InlineData("1985-04-12T23:20:61Z")] // time-second = 00-58, 00-59, 00-60
        [InlineData("1990-12-31T23:58:60Z")] // §5.7: a leap second only at the end of a UTC day
        [InlineData("1990-12-31T23:59:60+01:00")] // 22:59:60 UTC: not a leap second
        [InlineData("1985-04-12T23:20:50.Z")] // time-secfrac needs 1*DIGIT
        [InlineData("1985-04-12T23:20:50+0800")] // time-numoffset = ( "+" / "-" ) time-hour ":" time-minute
        [InlineData("1985-04-12T23:20:50+24:00")] // offset hour 00-23
        [InlineData("1985-04-12T23:20Z")] // time-second is required
        [InlineData("1985-02-30T00:00:00Z")] // the full-date must exist
        [InlineData("1985-04-12T23:20:50ZZ")] // nothing after the offset
        public void Invalid_date_times(string value) => Assert.False(FormatChecks.IsDateTime(value), value);

        [Theory]
        [InlineData("23:20:50.52Z")] // RFC 3339 §5.6 full-time
        [InlineData("16:39:57-08:00")]
        [InlineData("23:59:60Z")] // §5.7 leap second
        public void Valid_times(string value) => Assert.True(FormatChecks.IsTime(value), value);

        [Theory]
        [InlineData("23:20:50")] // time-offset is required in full-time
        [InlineData("23:59:60+01:00")] // §5.7: not the end of a UTC day
        [InlineData("2:20:50Z")] // time-hour = 2DIGIT
        public void Invalid_times(string value) => Assert.False(FormatChecks.IsTime(value), value);

        [Theory]
        [InlineData("f81d4fae-7dec-11d0-a765-00a0c91e6bf6")] // RFC 4122 §3 example
        [InlineData("F81D4FAE-7DEC-11D0-A765-00A0C91E6BF6")] // §3: hexDigit is case-insensitive on input
        [InlineData("00000000-0000-0000-0000-000000000000")] // §4.1.7: the nil UUID
        [InlineData("6ba7b810-9dad-11d1-80b4-00c04fd430c8")] // Appendix C: the DNS namespace UUID
        public void Valid_uuids(string value) => Assert.True(FormatChecks.IsUuid(value), value);

        [Theory]
        [InlineData("f81d4fae7dec11d0a76500a0c91e6bf6")] // §3: the "-" separators
        [InlineData("f81d4fae-7dec-11d0-a765-00a0c91e6bf")] // node = 6hexOctet
        [InlineData("f81d4fae-7dec-11d0-a765-00a0c91e6bf6a")] // nothing more
        [InlineData("f81d4fae-7dec-11d0-a765_00a0c91e6bf6")] // "-" exactly
        [InlineData("g81d4fae-7dec-11d0-a765-00a0c91e6bf6")] // hexDigit only
        [InlineData("{f81d4fae-7dec-11d0-a765-00a0c91e6bf6}")] // braces are a Microsoft form, not RFC 4122's
        [InlineData("urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6")] // §3: the URN, not the UUID string form
        [InlineData("f81d4fae-7dec-11d0a-765-00a0c91e6bf6")] // hyphens in their places
        public void Invalid_uuids(string value) => Assert.False(FormatChecks.IsUuid(value), value);

        [Theory]
        [InlineData("P4DT12H30M5S")] // RFC 3339 Appendix A: dur-date = dur-day [dur-time]
        [InlineData("P1Y2M3DT4H5M6S")] // dur-year = 1*DIGIT "Y" [dur-month]; dur-month = ... [dur-day]
        [InlineData("P1M")] // dur-month alone
        [InlineData("PT1M")] // dur-time = "T" (dur-hour / dur-minute / dur-second); here a minute
        [InlineData("PT36H")] // dur-hour = 1*DIGIT "H" [dur-minute]
        [InlineData("P2W")] // dur-week = 1*DIGIT "W"
        [InlineData("P01D")] // 1*DIGIT: leading zeros are digits
        public void Valid_durations(string value) => Assert.True(FormatChecks.IsDuration(value), value);

        [Theory]
        [InlineData("")] // duration = "P" ...
        [InlineData("P")] // "P" needs dur-date, dur-time or dur-week
        [InlineData("PT")] // dur-time needs an element after "T"
        [InlineData("P1YT")]
        [InlineData("P2D1Y")] // the order Y M D
        [InlineData("P1Y2D")] // dur-year's [dur-month] comes before dur-day: no month skipped
        [InlineData("PT1H2S")] // dur-hour's [dur-minute] comes before dur-second
        [InlineData("P1D2H")] // time elements only after "T"
        [InlineData("P1Y2W")] // dur-week stands alone
        [InlineData("PT0.5S")] // 1*DIGIT: no fraction
        [InlineData("-P1D")] // no sign
        [InlineData("P\u09e8Y")] // DIGIT is ASCII
        public void Invalid_durations(string value) => Assert.False(FormatChecks.IsDuration(value), value);

        [Theory]
        [InlineData("www.example.com")] // RFC 1123 §2.1: labels of letters, digits, hyphens
        [InlineData("1host")] // §2.1: a label may start with a digit (RFC 952 did not allow it)
        [InlineData("a--b.com")] // hyphens inside a label
        [InlineData("abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijk.com")] // RFC 1034 §3.1: a label of 63
        [InlineData("xn--9n2bp8q.xn--9t4b11yi5a")] // RFC 5890 §2.3.2.1: valid A-labels (example.test in Hangul)
        public void Valid_hostnames(string value) => Assert.True(FormatChecks.IsHostname(value), value);

        [Theory]
        [InlineData("")] // at least one label
        [InlineData("example.")] // no empty label (RFC 1034 §3.1's root label is not written)
        [InlineData("-hostname")] // RFC 952: not starting with a hyphen
        [InlineData("hostname-")] // nor ending with one
        [InlineData("host_name")] // '_' is not a letter, digit or hyphen
        [InlineData("abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijkl.com")] // RFC 1034 §3.1: labels of 63 octets or less
        [InlineData("\u212Aelvin.example.com")] // ASCII only (KELVIN SIGN)
        [InlineData("xn--X")] // RFC 5890 §2.3.2.1: an A-label is valid Punycode
        [InlineData("xn--07jt112bpxg.xn--9t4b11yi5a")] // decoding to U+302E, DISALLOWED (RFC 5892 §2.6)
        [InlineData("XN--aa---o47jg78q")] // RFC 5891 §4.2.3.1: "--" in the 3rd and 4th positions of the U-label
        public void Invalid_hostnames(string value) => Assert.False(FormatChecks.IsHostname(value), value);

        [Theory]
        [InlineData("실례.테스트")] // RFC 5890 §2.3.2.1: U-labels
        [InlineData("a。b")] // RFC 3490 §3.1: U+3002 separates labels
        [InlineData("ßς་〇")] // RFC 5892 §2.6: exceptions that are PVALID
        [InlineData("l·l")] // RFC 5892 A.3: MIDDLE DOT between two 'l'
        [InlineData("α͵β")] // A.4: KERAIA followed by Greek
        [InlineData("א׳ב")] // A.5: GERESH after Hebrew
        [InlineData("・ぁ")] // A.7: KATAKANA MIDDLE DOT with Hiragana
        [InlineData("क्\u200dष")] // A.2: ZERO WIDTH JOINER after a virama
        [InlineData("بي\u200cبي")] // A.1: ZERO WIDTH NON-JOINER between joining letters
        [InlineData("ب٠ب")] // RFC 5893 §2: a right-to-left label with AN, ending in AL
        public void Valid_idn_hostnames(string value) => Assert.True(FormatChecks.IsIdnHostname(value), value);

        [Theory]
        [InlineData("〮실례.테스트")] // RFC 5892 §2.6: U+302E is DISALLOWED
        [InlineData("\u0903hello")] // RFC 5891 §4.2.3.2: no leading combining mark
        [InlineData("ـߺ")] // RFC 5892 §2.6: exceptions that are DISALLOWED
        [InlineData("a·l")] // A.3: MIDDLE DOT not after 'l'
        [InlineData("α͵S")] // A.4: KERAIA not followed by Greek
        [InlineData("A׳ב")] // A.5: GERESH not after Hebrew
        [InlineData("def・abc")] // A.7: KATAKANA MIDDLE DOT without Hiragana, Katakana or Han
        [InlineData("ب٠۰")] // A.8: Arabic-Indic digits mixed with extended ones
        [InlineData("क\u200dष")] // A.2: ZERO WIDTH JOINER not after a virama
        [InlineData("aא")] // RFC 5893 §2 rule 5: a left-to-right label holds no R
        [InlineData("0a.א")] // rule 1: in a Bidi domain name every label starts with L, R or AL
        [InlineData("xn--7a")] // RFC 5892 §2.1: U+00A1 is not a letter or digit
        [InlineData("üüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüü")] // RFC 5890 §2.3.2.1: an A-label of at most 63
        [InlineData("example。")] // no empty label after a separator
        public void Invalid_idn_hostnames(string value) => Assert.False(FormatChecks.IsIdnHostname(value), value);

        [Theory]
        [InlineData("실례@실례.테스트")] // RFC 6531 §3.3: UTF8-non-ascii in the local part, a U-label domain
        [InlineData("δοκιμή@example.com")] // atext =/ UTF8-non-ascii
        [InlineData("\"δοκιμή\"@example.com")] // qtextSMTP =/ UTF8-non-ascii
        [InlineData("joe.bloggs@example.com")] // every RFC 5321 mailbox is one
        public void Valid_idn_emails(string value) => Assert.True(FormatChecks.IsIdnEmail(value), value);

        [Theory]
        [InlineData("2962")] // Mailbox = Local-part "@" ...
        [InlineData("user＠example.com")] // only "@" (U+0040) separates; FULLWIDTH COMMERCIAL AT is local-part text
        [InlineData("user@〮실례.테스트")] // the domain is an idn-hostname
        public void Invalid_idn_emails(string value) => Assert.False(FormatChecks.IsIdnEmail(value), value);

        [Theory]
        [InlineData("http://ƒøø.ßår/?∂éœ=πîx#πîüx")] // RFC 3987 §2.2: ucschar in ireg-name, iquery, ifragment
        [InlineData("http://[2001:db8::1]")] // IP-literal as in RFC 3986
        [InlineData("urn:example:resource")] // ipath-rootless
        [InlineData("http://ƒøø.ßår/?q=\U000F0000")] // iprivate in iquery
        [InlineData("http://ƒøø.ßår/\U00010300")] // ucschar beyond the BMP
        public void Valid_iris(string value) => Assert.True(FormatChecks.IsIri(value), value);

        [Theory]
        [InlineData("/abc")] // an IRI has a scheme (irelative-ref is an IRI-reference)
        [InlineData("http://ƒøø.ßår/\U000F0000")] // iprivate only in iquery
        [InlineData("http://ƒøø.ßår/\n")] // no control characters
        [InlineData("\\\\WINDOWS\\filëßåré")] // '\' is in no production
        public void Invalid_iris(string value) => Assert.False(FormatChecks.IsIri(value), value);

        [Theory]
        [InlineData("//ƒøø.ßår/?∂éœ=πîx#πîüx")] // RFC 3987 §2.2: irelative-ref with iauthority
        [InlineData("âππ")] // ipath-noscheme
        [InlineData("#ƒrägmênt")] // ifragment only
        public void Valid_iri_references(string value) => Assert.True(FormatChecks.IsIriReference(value), value);

        [Theory]
        [InlineData("#ƒräg\\mênt")] // '\' is not in ifragment
        [InlineData("a b")] // nor a space anywhere
        public void Invalid_iri_references(string value) => Assert.False(FormatChecks.IsIriReference(value), value);

        [Theory]
        [InlineData("")] // RFC 6570 §2: URI-Template = *( literals / expression )
        [InlineData("http://example.com/dictionary/{term:1}/{term}")] // §1.2 level 4 example: prefix modifier
        [InlineData("{+var}")] // §2.2 operator "+"
        [InlineData("{?x,y}")] // variable-list = varspec *( "," varspec )
        [InlineData("{var*}")] // explode = "*"
        [InlineData("{a.b}")] // varname = varchar *( ["."] varchar )
        [InlineData("{%41}")] // varchar = ALPHA / DIGIT / "_" / pct-encoded
        [InlineData("{v:9999}")] // max-length = %x31-39 0*3DIGIT
        [InlineData("a%41b")] // literals: pct-encoded
        public void Valid_uri_templates(string value) => Assert.True(FormatChecks.IsUriTemplate(value), value);

        [Theory]
        [InlineData("{}")] // variable-list needs a varspec
        [InlineData("{term")] // an expression ends with "}"
        [InlineData("foo}bar")] // "}" is not a literal
        [InlineData("{a,,b}")] // an empty varspec
        [InlineData("{v:0}")] // max-length starts with %x31-39
        [InlineData("{v:10000}")] // at most four digits
        [InlineData("{a..b}")] // a "." only between varchars
        [InlineData("{=var}")] // op-reserve: "=" "," "!" "@" "|" are reserved for future extensions
        [InlineData("a b")] // literals exclude SP
        public void Invalid_uri_templates(string value) => Assert.False(FormatChecks.IsUriTemplate(value), value);

        [Theory]
        [InlineData("")] // RFC 6901 §5: the whole document
        [InlineData("/foo/0")] // §5
        [InlineData("/a~1b")] // §3: "~1" is "/"
        [InlineData("/m~0n")] // "~0" is "~"
        [InlineData("/ ")] // §5: any other character
        [InlineData("/foo//bar")] // reference-token may be empty
        public void Valid_json_pointers(string value) => Assert.True(FormatChecks.IsJsonPointer(value), value);

        [Theory]
        [InlineData("a")] // json-pointer = *( "/" reference-token )
        [InlineData("#/a")] // a URI fragment is another representation (§6)
        [InlineData("/~2")] // escaped = "~" ( "0" / "1" )
        [InlineData("/foo/bar~")]
        public void Invalid_json_pointers(string value) => Assert.False(FormatChecks.IsJsonPointer(value), value);

        [Theory]
        [InlineData("0")] // draft-handrews-relative-json-pointer-01 §3: non-negative-integer json-pointer (empty)
        [InlineData("1/foo/bar")] // then a JSON Pointer
        [InlineData("0#")] // or "#"
        [InlineData("120/a")] // non-negative-integer = %x30 / %x31-39 *( %x30-39 )
        public void Valid_relative_json_pointers(string value) => Assert.True(FormatChecks.IsRelativeJsonPointer(value), value);

        [Theory]
        [InlineData("")] // the integer is required
        [InlineData("/foo")] // a JSON Pointer is not relative
        [InlineData("01/a")] // no leading zero
        [InlineData("-1/a")] // no sign
        [InlineData("0##")] // "#" ends it
        [InlineData("1#/a")]
        public void Invalid_relative_json_pointers(string value) => Assert.False(FormatChecks.IsRelativeJsonPointer(value), value);

        [Theory]
        [InlineData("([abc])+\\s+$")] // ECMA-262 §22.2.1 Pattern
        [InlineData("(?<name>x)\\k<name>")] // GroupName and the \k backreference
        [InlineData("(?<=a+)b")] // lookbehind, of any width
        [InlineData("[]")] // ClassContents may be empty
        [InlineData("[^]")]
        [InlineData("\\cA")] // "c" AsciiLetter control escape
        public void Valid_regexes(string value) => Assert.True(FormatChecks.IsRegex(value), value);

        [Theory]
        [InlineData("^(abc]")] // an unclosed group
        [InlineData("\\a")] // not an ECMA-262 escape (Unicode mode has no identity escape of a letter)
        [InlineData("(?i)abc")] // no inline flags in ECMA-262
        [InlineData("(?#comment)a")] // no comment groups
        [InlineData("(?P<name>x)")] // Python's named group
        public void Invalid_regexes(string value) => Assert.False(FormatChecks.IsRegex(value), value);

        [Fact]
        public void Checking_a_valid_value_allocates_nothing_for_the_scanned_formats()
        {
            // Everything but the IDNA labels, which decode Punycode, and regex, which compiles the pattern.
            System.Func<bool>[] checks =
            {
                () => FormatChecks.IsDateTime("1990-12-31T23:59:60Z"), () => FormatChecks.IsDate("2024-02-29"), () => FormatChecks.IsTime("23:20:50.52Z"),
                () => FormatChecks.IsDuration("P1Y2M3DT4H5M6S"), () => FormatChecks.IsEmail("a@example.com"), () => FormatChecks.IsIdnEmail("δοκιμή@example.com"),
                () => FormatChecks.IsHostname("www.example.com"), () => FormatChecks.IsIdnHostname("www.example.com"), () => FormatChecks.IsIPv4("192.0.2.1"),
                () => FormatChecks.IsIPv6("::1"), () => FormatChecks.IsUri("http://a/b?c#d"), () => FormatChecks.IsUriReference("../g"),
                () => FormatChecks.IsIri("http://ƒøø/∂"), () => FormatChecks.IsIriReference("âππ"), () => FormatChecks.IsUuid("f81d4fae-7dec-11d0-a765-00a0c91e6bf6"),
                () => FormatChecks.IsUriTemplate("/a/{b}{?c,d*}"), () => FormatChecks.IsJsonPointer("/a~1b"), () => FormatChecks.IsRelativeJsonPointer("1/a"),
            };
            foreach (System.Func<bool> check in checks)
            {
                Assert.True(check());
                long before = System.GC.GetAllocatedBytesForCurrentThread();
                bool valid = check();
                Assert.True(valid);
                Assert.Equal(0, System.GC.GetAllocatedBytesForCurrentThread() - before);
            }
        }

        [Theory]
        [InlineData("\"1985-04-12t23:20:50z\"", "1985-04-12T23:20:50+00:00")] // RFC 3339 §5.6 NOTE: lower-case "t" and "z"
        [InlineData("\"1990-12-31T23:59:60Z\"", "1990-12-31T23:59:59+00:00")] // §5.7 leap second, held as second 59
        [InlineData("\"1990-12-31T15:59:60-08:00\"", "1990-12-31T15:59:59-08:00")]
        public void A_date_time_property_reads_every_rfc3339_date_time(string json, string expected)
        {
            var reader = new System.Text.Json.Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json));
            reader.Read();
            Assert.True(OpenApiRuntime.TryReadDateTimeOffset(ref reader, out System.DateTimeOffset value));
            Assert.Equal(System.DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
            Assert.Equal(System.TimeSpan.Parse(expected.Substring(20).TrimStart('+'), System.Globalization.CultureInfo.InvariantCulture) * (expected[19] == '-' ? -1 : 1), value.Offset);
        }

        [Fact]
        public void Null_is_never_a_valid_value()
        {
            Assert.False(FormatChecks.IsUri(null!));
            Assert.False(FormatChecks.IsUriReference(null!));
            Assert.False(FormatChecks.IsEmail(null!));
            Assert.False(FormatChecks.IsIPv4(null!));
            Assert.False(FormatChecks.IsIPv6(null!));
            Assert.False(FormatChecks.IsDate(null!));
            Assert.False(FormatChecks.IsTime(null!));
            Assert.False(FormatChecks.IsDateTime(null!));
            Assert.False(FormatChecks.IsUuid(null!));
            Assert.False(FormatChecks.IsDuration(null!));
            Assert.False(FormatChecks.IsHostname(null!));
            Assert.False(FormatChecks.IsIdnHostname(null!));
            Assert.False(FormatChecks.IsIdnEmail(null!));
            Assert.False(FormatChecks.IsIri(null!));
            Assert.False(FormatChecks.IsIriReference(null!));
            Assert.False(FormatChecks.IsUriTemplate(null!));
            Assert.False(FormatChecks.IsJsonPointer(null!));
            Assert.False(FormatChecks.IsRelativeJsonPointer(null!));
            Assert.False(FormatChecks.IsRegex(null!));
        }
    }
}
