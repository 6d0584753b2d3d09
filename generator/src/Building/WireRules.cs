using System;
using OpenApiSdk.Generator.Yaml;

namespace OpenApiSdk.Generator.Building;

/// <summary>Checks on names and media types that decide whether a parameter or body can be sent as the spec declares it.</summary>
internal static class WireRules
{
    private const string TokenSeparators = "()<>@,;:\\\"/[]?={}";

    /// <summary>An RFC 6265 §4.1.1 cookie-name: an RFC 2616 token (visible ASCII, none of the separators).</summary>
    public static bool IsCookieName(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (char c in name)
        {
            if (c <= ' ' || c >= 127 || TokenSeparators.IndexOf(c) >= 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>application/xml</c>, <c>text/xml</c> or a <c>+xml</c> type (RFC 7303), parameters ignored.</summary>
    public static bool IsXml(string mediaType)
    {
        string bare = mediaType.Split(';')[0].Trim().ToLowerInvariant();
        return bare is "application/xml" or "text/xml" || bare.EndsWith("+xml", StringComparison.Ordinal);
    }

    /// <summary>
    /// An XML media type whose schema describes a document (anything but a plain or binary string): the SDK sends or
    /// returns its bytes as they are, since no XML reader or writer is generated for the schema.
    /// </summary>
    public static bool IsStructuredXml(string mediaType, YamlNode media, RefResolver refs) =>
        IsXml(mediaType) && media.Get("schema") is { } schema && refs.Resolve(schema) is { IsMapping: true } resolved
        && SchemaBuilder.PrimaryType(resolved) != "string";
}
