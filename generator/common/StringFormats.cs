using System;
using System.Collections.Generic;

namespace OpenApiSdk.Common;

/// <summary>
/// The one table of the string formats that are checked (every format of JSON Schema 2020-12 §7.3): the name a spec
/// writes, the runtime check generated code calls (<c>Validation.{Check}</c>, and <c>FormatChecks.Is{Check}</c> for a
/// condition) and the message. Compiled into both the generator and the runtime, so the two cannot disagree. A format
/// not in this table is an annotation (2020-12 §7.2.3: an unknown format is not an error).
/// </summary>
internal static class StringFormats
{
    public static readonly StringFormat Date = new("date", "Date", "must be a date (format: date, YYYY-MM-DD)");
    public static readonly StringFormat DateTime = new("date-time", "DateTime", "must be a date-time (format: date-time, RFC 3339)");
    public static readonly StringFormat Time = new("time", "Time", "must be a time (format: time, RFC 3339)");
    public static readonly StringFormat Duration = new("duration", "Duration", "must be a duration (format: duration, RFC 3339 Appendix A)");
    public static readonly StringFormat Email = new("email", "Email", "must be an email address (format: email)");
    public static readonly StringFormat IdnEmail = new("idn-email", "IdnEmail", "must be an email address (format: idn-email, RFC 6531)");
    public static readonly StringFormat Hostname = new("hostname", "Hostname", "must be a host name (format: hostname, RFC 1123)");
    public static readonly StringFormat IdnHostname = new("idn-hostname", "IdnHostname", "must be a host name (format: idn-hostname, RFC 5890)");
    public static readonly StringFormat IPv4 = new("ipv4", "IPv4", "must be an IPv4 address (format: ipv4)");
    public static readonly StringFormat IPv6 = new("ipv6", "IPv6", "must be an IPv6 address (format: ipv6)");
    public static readonly StringFormat Uri = new("uri", "Uri", "must be an absolute URI (format: uri)");
    public static readonly StringFormat UriReference = new("uri-reference", "UriReference", "must be a URI reference (format: uri-reference, RFC 3986)");
    public static readonly StringFormat Iri = new("iri", "Iri", "must be an absolute IRI (format: iri, RFC 3987)");
    public static readonly StringFormat IriReference = new("iri-reference", "IriReference", "must be an IRI reference (format: iri-reference, RFC 3987)");
    public static readonly StringFormat Uuid = new("uuid", "Uuid", "must be a UUID (format: uuid)");
    public static readonly StringFormat UriTemplate = new("uri-template", "UriTemplate", "must be a URI template (format: uri-template, RFC 6570)");
    public static readonly StringFormat JsonPointer = new("json-pointer", "JsonPointer", "must be a JSON Pointer (format: json-pointer, RFC 6901)");
    public static readonly StringFormat RelativeJsonPointer = new("relative-json-pointer", "RelativeJsonPointer", "must be a relative JSON Pointer (format: relative-json-pointer)");
    public static readonly StringFormat Regex = new("regex", "Regex", "must be a regular expression (format: regex, ECMA-262)");

    public static readonly IReadOnlyList<StringFormat> All = new[]
    {
        Date, DateTime, Time, Duration, Email, IdnEmail, Hostname, IdnHostname, IPv4, IPv6,
        Uri, UriReference, Iri, IriReference, Uuid, UriTemplate, JsonPointer, RelativeJsonPointer, Regex,
    };

    /// <summary>The checked format named <paramref name="name"/>, or null for a format that only annotates.</summary>
    public static StringFormat? Find(string? name)
    {
        foreach (StringFormat format in All)
        {
            if (string.Equals(format.Name, name, StringComparison.Ordinal))
            {
                return format;
            }
        }

        return null;
    }
}

/// <summary>One checked format: its JSON Schema name, the runtime check's name and the message of a value that breaks it.</summary>
internal sealed class StringFormat
{
    public StringFormat(string name, string check, string message)
    {
        Name = name;
        Check = check;
        Message = message;
    }

    public string Name { get; }

    public string Check { get; }

    public string Message { get; }
}
