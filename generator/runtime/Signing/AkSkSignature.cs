using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OpenApiSdk.Signing;

/// <summary>
/// The steps of the vendor's <c>SDK-HMAC-SHA256</c> signature, shared by <see cref="AkSkSigner"/> (the client) and
/// <see cref="AkSkVerifier"/> (a server): canonical request, string to sign, signature, Authorization header.
/// </summary>
public static class AkSkSignature
{
    /// <summary>The algorithm name, first in the Authorization header and the string to sign.</summary>
    public const string Algorithm = "SDK-HMAC-SHA256";

    /// <summary>The header carrying the signing time.</summary>
    public const string DateHeader = "X-Sdk-Date";

    /// <summary>A header whose value, when present, is used as the payload hash as it is (<c>UNSIGNED-PAYLOAD</c>).</summary>
    public const string ContentSha256Header = "X-Sdk-Content-Sha256";

    /// <summary>The <see cref="ContentSha256Header"/> value of a body that is not hashed (the vendor's choice for bodies that are not JSON).</summary>
    public const string UnsignedPayload = "UNSIGNED-PAYLOAD";

    /// <summary>The format of <see cref="DateHeader"/>: UTC, <c>20191115T033655Z</c>.</summary>
    public const string DateFormat = "yyyyMMdd'T'HHmmss'Z'";

    /// <summary>The <see cref="DateHeader"/> value of a time.</summary>
    public static string FormatDate(DateTimeOffset time) => time.UtcDateTime.ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>Reads a <see cref="DateHeader"/> value.</summary>
    public static bool TryParseDate(string? value, out DateTimeOffset time) =>
        DateTimeOffset.TryParseExact(value, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);

    /// <summary>
    /// Percent-encodes as the signature does: <c>A-Z a-z 0-9 - _ . ~</c> stay, every other UTF-8 byte becomes
    /// <c>%XX</c> in upper-case hex (space is %20, '/' is %2F).
    /// </summary>
    public static string Encode(string value)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(value);
        var text = new StringBuilder(bytes.Length);
        foreach (byte b in bytes)
        {
            char c = (char)b;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~')
            {
                text.Append(c);
            }
            else
            {
                text.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }

    /// <summary>The canonical URI: the path percent-decoded, split on '/', each segment encoded, joined with '/', ending in '/'.</summary>
    public static string CanonicalUri(string path)
    {
        string[] segments = Uri.UnescapeDataString(path).Split('/');
        for (int i = 0; i < segments.Length; i++)
        {
            segments[i] = Encode(segments[i]);
        }

        string uri = string.Join("/", segments);
        return uri.EndsWith("/", StringComparison.Ordinal) ? uri : uri + "/";
    }

    /// <summary>
    /// The canonical query of a query string (without '?'): parameters sorted by name, repeated names by value (ordinal),
    /// each <c>name=value</c> encoded, joined with '&amp;'; empty when there is none.
    /// </summary>
    public static string CanonicalQuery(string query)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (string part in query.TrimStart('?').Split('&'))
        {
            if (part.Length == 0)
            {
                continue;
            }

            int equals = part.IndexOf('=');
            string name = Uri.UnescapeDataString(equals < 0 ? part : part.Substring(0, equals));
            string value = equals < 0 ? string.Empty : Uri.UnescapeDataString(part.Substring(equals + 1));
            pairs.Add(new KeyValuePair<string, string>(name, value));
        }

        pairs.Sort((a, b) =>
        {
            int byName = string.CompareOrdinal(a.Key, b.Key);
            return byName != 0 ? byName : string.CompareOrdinal(a.Value, b.Value);
        });
        var text = new StringBuilder();
        foreach (KeyValuePair<string, string> pair in pairs)
        {
            text.Append(text.Length == 0 ? string.Empty : "&").Append(Encode(pair.Key)).Append('=').Append(Encode(pair.Value));
        }

        return text.ToString();
    }

    /// <summary>True when a header is signed: every header but Content-Type and those whose name contains '_'.</summary>
    public static bool IsSigned(string headerName) =>
        headerName.IndexOf('_') < 0 && !string.Equals(headerName, "Content-Type", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The canonical request: method, canonical URI, canonical query, each signed header as <c>name:trimmed-value</c>
    /// followed by a newline (sorted by lower-case name), the signed header names joined with ';', the payload hash.
    /// </summary>
    /// <param name="method">The request method.</param>
    /// <param name="canonicalUri">From <see cref="CanonicalUri"/>.</param>
    /// <param name="canonicalQuery">From <see cref="CanonicalQuery"/>.</param>
    /// <param name="headers">The signed headers, by lower-case name.</param>
    /// <param name="payloadHash">The hex SHA-256 of the body, or the X-Sdk-Content-Sha256 value.</param>
    public static string CanonicalRequest(string method, string canonicalUri, string canonicalQuery, IEnumerable<KeyValuePair<string, string>> headers, string payloadHash)
    {
        var sorted = new List<KeyValuePair<string, string>>(headers);
        sorted.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        var text = new StringBuilder();
        text.Append(method.ToUpperInvariant()).Append('\n').Append(canonicalUri).Append('\n').Append(canonicalQuery).Append('\n');
        foreach (KeyValuePair<string, string> header in sorted)
        {
            text.Append(header.Key).Append(':').Append(header.Value.Trim()).Append('\n');
        }

        text.Append('\n').Append(SignedHeaders(sorted)).Append('\n').Append(payloadHash);
        return text.ToString();
    }

    /// <summary>The signed header names joined with ';', in the order given.</summary>
    public static string SignedHeaders(IEnumerable<KeyValuePair<string, string>> sortedHeaders)
    {
        var names = new List<string>();
        foreach (KeyValuePair<string, string> header in sortedHeaders)
        {
            names.Add(header.Key);
        }

        return string.Join(";", names);
    }

    /// <summary>The string to sign: the algorithm, the date, and the hex SHA-256 of the canonical request.</summary>
    public static string StringToSign(string date, string canonicalRequest) =>
        Algorithm + "\n" + date + "\n" + HexSha256(Encoding.UTF8.GetBytes(canonicalRequest));

    /// <summary>The signature: lower-case hex HMAC-SHA256 of the string to sign, keyed with the secret key.</summary>
    public static string Signature(string secretKey, string stringToSign)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secretKey));
        return Hex(hmac.ComputeHash(Encoding.UTF8.GetBytes(stringToSign)));
    }

    /// <summary>The Authorization header value.</summary>
    public static string Authorization(string accessKey, string signedHeaders, string signature) =>
        Algorithm + " Access=" + accessKey + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature;

    /// <summary>Reads an Authorization header value made by <see cref="Authorization"/>.</summary>
    public static bool TryParseAuthorization(string? value, out string accessKey, out string signedHeaders, out string signature)
    {
        accessKey = signedHeaders = signature = string.Empty;
        if (value is null || !value.StartsWith(Algorithm + " ", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (string part in value.Substring(Algorithm.Length + 1).Split(','))
        {
            string item = part.Trim();
            int equals = item.IndexOf('=');
            if (equals <= 0)
            {
                return false;
            }

            string text = item.Substring(equals + 1);
            switch (item.Substring(0, equals))
            {
                case "Access":
                    accessKey = text;
                    break;
                case "SignedHeaders":
                    signedHeaders = text;
                    break;
                case "Signature":
                    signature = text;
                    break;
            }
        }

        return accessKey.Length > 0 && signedHeaders.Length > 0 && signature.Length > 0;
    }

    /// <summary>Lower-case hex SHA-256 (of the empty string: e3b0c442...b855).</summary>
    public static string HexSha256(byte[] data)
    {
        using var sha = SHA256.Create();
        return Hex(sha.ComputeHash(data));
    }

    private static string Hex(byte[] bytes)
    {
        var text = new StringBuilder(bytes.Length * 2);
        foreach (byte b in bytes)
        {
            text.Append(b.ToString("x2", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }
}
