using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace OpenApiSdk.Signing;

/// <summary>
/// Signs requests with an access key and secret key in the vendor's <c>SDK-HMAC-SHA256</c> scheme (see
/// <see cref="AkSkSignature"/>): it sets <c>X-Sdk-Date</c> (unless the request has one, whose text is then signed as
/// it is), <c>Host</c> (the URL's host without the port, unless set), <c>X-Security-Token</c> for temporary keys, and
/// <c>Authorization: SDK-HMAC-SHA256 Access=..., SignedHeaders=..., Signature=...</c>. Every request header but
/// Content-Type and names containing '_' is signed. The payload hash is the SHA-256 of the body, or the
/// <c>X-Sdk-Content-Sha256</c> header's value when the request has one; a body of unknown length (a streamed request body,
/// a file stream that cannot seek) is never read here: the signer sets <c>X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD</c>,
/// signed as any other header. The secret key never leaves this object (not even through ToString).
/// </summary>
public sealed class AkSkSigner : IRequestSigner
{
    /// <summary>The environment variable the vendor's SDKs read the access key from.</summary>
    public const string AccessKeyVariable = "HUAWEICLOUD_SDK_AK";

    /// <summary>The environment variable the vendor's SDKs read the secret key from.</summary>
    public const string SecretKeyVariable = "HUAWEICLOUD_SDK_SK";

    private readonly string _secretKey;
    private readonly string? _securityToken;

    /// <summary>A signer with these keys; <paramref name="securityToken"/> is sent as X-Security-Token (temporary keys).</summary>
    public AkSkSigner(string accessKey, string secretKey, string? securityToken = null)
    {
        if (string.IsNullOrEmpty(accessKey))
        {
            throw new ArgumentException("The access key is required.", nameof(accessKey));
        }

        if (string.IsNullOrEmpty(secretKey))
        {
            throw new ArgumentException("The secret key is required.", nameof(secretKey));
        }

        AccessKey = accessKey;
        _secretKey = secretKey;
        _securityToken = securityToken;
    }

    /// <summary>The access key (it is not secret: it is sent in every Authorization header).</summary>
    public string AccessKey { get; }

    /// <summary>The clock the signing time comes from (UTC now by default; set for tests).</summary>
    public Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;

    /// <summary>A signer from HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK, or null when either is unset.</summary>
    public static AkSkSigner? FromEnvironment()
    {
        string? accessKey = Environment.GetEnvironmentVariable(AccessKeyVariable);
        string? secretKey = Environment.GetEnvironmentVariable(SecretKeyVariable);
        return string.IsNullOrEmpty(accessKey) || string.IsNullOrEmpty(secretKey) ? null : new AkSkSigner(accessKey!, secretKey!);
    }

    /// <inheritdoc/>
    public async ValueTask SignAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        Uri uri = request.RequestUri ?? throw new ArgumentException("The request has no URI.", nameof(request));
        if (!request.Headers.Contains(AkSkSignature.DateHeader))
        {
            request.Headers.TryAddWithoutValidation(AkSkSignature.DateHeader, AkSkSignature.FormatDate(Clock()));
        }

        if (request.Headers.Host is null)
        {
            request.Headers.Host = uri.Host;
        }

        if (_securityToken is not null && !request.Headers.Contains("X-Security-Token"))
        {
            request.Headers.TryAddWithoutValidation("X-Security-Token", _securityToken);
        }

        request.Headers.Remove("Authorization");
        if (request.Content is { } content && content.Headers.ContentLength is null && !request.Headers.Contains(AkSkSignature.ContentSha256Header))
        {
            // A body whose length is unknown until it is sent is written as it is produced (chunked): hashing it first would
            // read all of it before the first byte left, and consume items that can be asked for only once.
            request.Headers.TryAddWithoutValidation(AkSkSignature.ContentSha256Header, AkSkSignature.UnsignedPayload);
        }

        string payloadHash;
        if (request.Headers.TryGetValues(AkSkSignature.ContentSha256Header, out IEnumerable<string>? declared))
        {
            payloadHash = string.Join(",", declared);
        }
        else
        {
#if NET8_0_OR_GREATER
            byte[] body = request.Content is null ? Array.Empty<byte>() : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
#else
            byte[] body = request.Content is null ? Array.Empty<byte>() : await request.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
#endif
            payloadHash = AkSkSignature.HexSha256(body);
        }

        var headers = new List<KeyValuePair<string, string>>();
        string date = string.Empty;
#if NET8_0_OR_GREATER
        foreach (KeyValuePair<string, System.Net.Http.Headers.HeaderStringValues> header in request.Headers.NonValidated)
        {
            string value = header.Value.ToString();
#else
        foreach (KeyValuePair<string, IEnumerable<string>> header in request.Headers)
        {
            string value = string.Join(string.Equals(header.Key, "User-Agent", StringComparison.OrdinalIgnoreCase) ? " " : ", ", header.Value);
#endif
            if (string.Equals(header.Key, AkSkSignature.DateHeader, StringComparison.OrdinalIgnoreCase))
            {
                date = value;
            }

            if (AkSkSignature.IsSigned(header.Key))
            {
                headers.Add(new KeyValuePair<string, string>(header.Key.ToLowerInvariant(), value));
            }
        }

        headers.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        string canonical = AkSkSignature.CanonicalRequest(request.Method.Method, AkSkSignature.CanonicalUri(uri.AbsolutePath), AkSkSignature.CanonicalQuery(uri.Query), headers, payloadHash);
        string signature = AkSkSignature.Signature(_secretKey, AkSkSignature.StringToSign(date, canonical));
        request.Headers.TryAddWithoutValidation("Authorization", AkSkSignature.Authorization(AccessKey, AkSkSignature.SignedHeaders(headers), signature));
    }

    /// <summary>The access key only.</summary>
    public override string ToString() => "AkSkSigner (access key " + AccessKey + ")";
}
