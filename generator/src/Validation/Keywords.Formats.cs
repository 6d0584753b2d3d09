using System.Collections.Generic;
using OpenApiSdk.Generator.Emitting;
using OpenApiSdk.Generator.Emitting.Code;
using OpenApiSdk.Generator.Model;

namespace OpenApiSdk.Generator.Validation;

/// <summary>
/// <c>format</c> as an assertion (2020-12 format-assertion vocabulary, §7): the formats a string value is checked
/// against, each with its runtime predicate, the <c>Validation</c> method that reports it (where there is one) and its message.
/// </summary>
internal static partial class Keywords
{
    /// <summary>format → (runtime predicate, <c>Validation</c> method or null, message).</summary>
    public static readonly IReadOnlyDictionary<string, (string Predicate, string? Method, string Message)> Formats =
        new Dictionary<string, (string, string?, string)>(System.StringComparer.Ordinal)
        {
            ["date-time"] = ("IsDateTime", null, "must be a date-time (format: date-time, RFC 3339)"),
            ["time"] = ("IsTime", null, "must be a time (format: time, RFC 3339)"),
            ["uuid"] = ("IsUuid", null, "must be a UUID (format: uuid)"),
            ["date"] = ("IsDate", "Date", "must be a date (format: date, YYYY-MM-DD)"),
            ["email"] = ("IsEmail", "Email", "must be an email address (format: email)"),
            ["uri"] = ("IsUri", "Uri", "must be an absolute URI (format: uri)"),
            ["ipv4"] = ("IsIPv4", "IPv4", "must be an IPv4 address (format: ipv4)"),
            ["ipv6"] = ("IsIPv6", "IPv6", "must be an IPv6 address (format: ipv6)"),
        };

    public static readonly Keyword Format = new("format", JsonTypes.String, IsString,
        x =>
        {
            if (x.Constraints.Format is not { } format || !Formats.TryGetValue(format, out var definition))
            {
                return null;
            }

            return new Rule(
                "format",
                v => Expr.Call(RuntimeNames.OpenApiRuntime + "." + definition.Predicate, v).Not(),
                definition.Message,
                definition.Method is { } method ? new RuntimeCheck(method) : null);
        },
        _ => null);
}
