using System;
using System.Collections.Generic;
using System.Text;

namespace OpenApiSdk.Signing;

/// <summary>
/// Checks an <c>SDK-HMAC-SHA256</c> signature the way the service's gateway does, for a stand-in or test server:
/// the Authorization header names a known access key, <c>X-Sdk-Date</c> is signed and within <see cref="MaxClockSkew"/>
/// of the clock, every signed header is present, and the signature recomputed from the received request matches.
/// </summary>
public sealed class AkSkVerifier
{
    private readonly Func<string, string?> _secretKeyOf;

    /// <summary>A verifier that finds the secret key of an access key with <paramref name="secretKeyOf"/> (null: unknown).</summary>
    public AkSkVerifier(Func<string, string?> secretKeyOf)
    {
        _secretKeyOf = secretKeyOf ?? throw new ArgumentNullException(nameof(secretKeyOf));
    }

    /// <summary>How far X-Sdk-Date may be from the clock (15 minutes, as the vendor's gateway allows).</summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The clock (UTC now by default).</summary>
    public Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;

    /// <summary>Verifies a received request.</summary>
    /// <param name="method">The request method.</param>
    /// <param name="target">The request target as received: the path and query (<c>/v3/a/b?x=1</c>).</param>
    /// <param name="header">A received header's value by name (case-insensitive), null when absent.</param>
    /// <param name="body">The received body.</param>
    public AkSkVerification Verify(string method, string target, Func<string, string?> header, byte[] body)
    {
        if (method is null || target is null || header is null || body is null)
        {
            throw new ArgumentNullException(method is null ? nameof(method) : target is null ? nameof(target) : header is null ? nameof(header) : nameof(body));
        }

        if (!AkSkSignature.TryParseAuthorization(header("Authorization"), out string accessKey, out string signedHeaders, out string signature))
        {
            return AkSkVerification.Invalid(null, "no SDK-HMAC-SHA256 Authorization header");
        }

        if (_secretKeyOf(accessKey) is not { } secretKey)
        {
            return AkSkVerification.Invalid(accessKey, "unknown access key");
        }

        string[] names = signedHeaders.Split(';');
        if (Array.IndexOf(names, "x-sdk-date") < 0)
        {
            return AkSkVerification.Invalid(accessKey, "X-Sdk-Date is not signed");
        }

        string? date = header(AkSkSignature.DateHeader);
        if (!AkSkSignature.TryParseDate(date, out DateTimeOffset time) || (Clock() - time).Duration() > MaxClockSkew)
        {
            return AkSkVerification.Invalid(accessKey, "X-Sdk-Date is missing, malformed or more than " + MaxClockSkew.TotalMinutes + " minutes from the server's clock");
        }

        var headers = new List<KeyValuePair<string, string>>();
        foreach (string name in names)
        {
            if (header(name) is not { } value)
            {
                return AkSkVerification.Invalid(accessKey, "the signed header " + name + " is missing");
            }

            headers.Add(new KeyValuePair<string, string>(name, value));
        }

        int question = target.IndexOf('?');
        string path = question < 0 ? target : target.Substring(0, question);
        string query = question < 0 ? string.Empty : target.Substring(question + 1);
        string payloadHash = header(AkSkSignature.ContentSha256Header) ?? AkSkSignature.HexSha256(body);
        string canonical = AkSkSignature.CanonicalRequest(method, AkSkSignature.CanonicalUri(path), AkSkSignature.CanonicalQuery(query), headers, payloadHash);
        string expected = AkSkSignature.Signature(secretKey, AkSkSignature.StringToSign(date!, canonical));
        return FixedTimeEquals(expected, signature) ? AkSkVerification.Valid(accessKey) : AkSkVerification.Invalid(accessKey, "the signature does not match the request");
    }

    private static bool FixedTimeEquals(string expected, string actual)
    {
        byte[] left = Encoding.ASCII.GetBytes(expected);
        byte[] right = Encoding.ASCII.GetBytes(actual);
        int difference = left.Length ^ right.Length;
        for (int i = 0; i < left.Length && i < right.Length; i++)
        {
            difference |= left[i] ^ right[i];
        }

        return difference == 0;
    }
}

/// <summary>The outcome of <see cref="AkSkVerifier.Verify"/>: valid, or why not (never a key or a signature).</summary>
public sealed class AkSkVerification
{
    private AkSkVerification(bool isValid, string? accessKey, string? failure)
    {
        IsValid = isValid;
        AccessKey = accessKey;
        Failure = failure;
    }

    /// <summary>True when the signature is valid.</summary>
    public bool IsValid { get; }

    /// <summary>The access key the request names, when it names one.</summary>
    public string? AccessKey { get; }

    /// <summary>Why the signature is not valid; null when it is.</summary>
    public string? Failure { get; }

    internal static AkSkVerification Valid(string accessKey) => new(true, accessKey, null);

    internal static AkSkVerification Invalid(string? accessKey, string failure) => new(false, accessKey, failure);

    /// <summary>"valid", or the failure.</summary>
    public override string ToString() => IsValid ? "valid" : Failure!;
}
