using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using OpenApiSdk.Runtime;
using OpenApiSdk.Signing;
using Xunit;

namespace OpenApiSdk.RuntimeTests;

/// <summary>The vendor's SDK-HMAC-SHA256 signature, checked against the vectors published with its .NET, Python and Go SDKs (../shared/seed/AKSK-SIGNING.md).</summary>
public class AkSkSignerTests
{
    private const string AccessKey = "AccessKey";
    private const string SecretKey = "SecretKey";
    private static readonly DateTimeOffset VectorTime = new(2019, 11, 15, 3, 36, 55, TimeSpan.Zero);

    private static AkSkSigner Signer() => new(AccessKey, SecretKey) { Clock = () => VectorTime };

    private static HttpRequestMessage VectorRequest(HttpMethod method, string url, string? body)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.TryAddWithoutValidation("TEST_UNDERSCORE", "TEST_VALUE");
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        return request;
    }

    [Fact]
    public async Task The_published_GET_vector_gives_the_published_signature()
    {
        using HttpRequestMessage request = VectorRequest(HttpMethod.Get, "https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0", null);

        await Signer().SignAsync(request, default);

        Assert.Equal(
            "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, Signature=fd95e7da6f695cfb4cabbb9d6b0968aec155bc576b064835282473539ae9ea1d",
            Assert.Single(request.Headers.GetValues("Authorization")));
        Assert.Equal("20191115T033655Z", Assert.Single(request.Headers.GetValues("X-Sdk-Date")));
        Assert.Equal("service.region.example.com", request.Headers.Host);
    }

    [Fact]
    public async Task The_published_POST_vector_gives_the_published_signature()
    {
        using HttpRequestMessage request = VectorRequest(HttpMethod.Post, "https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpc/123", "{\"key\":\"value\"}");

        await Signer().SignAsync(request, default);

        Assert.Equal(
            "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, Signature=b5649aa774f6cac7437631662f08815fc65c70e40e486df6db2436ce68902771",
            Assert.Single(request.Headers.GetValues("Authorization")));
    }

    [Fact]
    public void The_published_POST_canonical_request_and_string_to_sign_are_built_exactly()
    {
        string canonical = AkSkSignature.CanonicalRequest(
            "POST",
            AkSkSignature.CanonicalUri("/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpc/123"),
            AkSkSignature.CanonicalQuery(string.Empty),
            new[] { new KeyValuePair<string, string>("x-sdk-date", "20191115T033655Z"), new KeyValuePair<string, string>("host", "service.region.example.com") },
            AkSkSignature.HexSha256(Encoding.UTF8.GetBytes("{\"key\":\"value\"}")));

        Assert.Equal(
            "POST\n/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpc/123/\n\nhost:service.region.example.com\nx-sdk-date:20191115T033655Z\n\nhost;x-sdk-date\ne43abcf3375244839c012f9633f95862d232a95b00d5bc7348b3098b9fed7f32",
            canonical);
        string stringToSign = AkSkSignature.StringToSign("20191115T033655Z", canonical);
        Assert.Equal("SDK-HMAC-SHA256\n20191115T033655Z\n79be7a43859f485df125c417ebb8821754c7ed42f6742ce8b0fd74b2b303446d", stringToSign);
        Assert.Equal("b5649aa774f6cac7437631662f08815fc65c70e40e486df6db2436ce68902771", AkSkSignature.Signature(SecretKey, stringToSign));
    }

    [Fact]
    public void The_published_query_vector_is_sorted_and_encoded_as_the_vendor_does()
    {
        // As the generated client writes the query (RFC 3986 percent-encoding), then canonicalized.
        var request = new ClientRequest("Op", HttpMethod.Get, "/", "https://h", "application/json");
        request.Query("limit", "1");
        request.Query("enable", "true");
        request.Query("test", "一 (&=?!#%.*)");
        request.Query("path", "/tmp/123");
        request.QueryEach("multi", new[] { "1", "2", "3" });
        var uri = new Uri(request.Url);

        Assert.Equal(
            "enable=true&limit=1&multi=1&multi=2&multi=3&path=%2Ftmp%2F123&test=%E4%B8%80%20%28%26%3D%3F%21%23%25.%2A%29",
            AkSkSignature.CanonicalQuery(uri.Query));
    }

    [Fact]
    public void Repeated_names_are_sorted_by_value_and_path_segments_are_encoded_one_by_one()
    {
        Assert.Equal("a=1&a=2&b=", AkSkSignature.CanonicalQuery("?b&a=2&a=1"));
        Assert.Equal("/v1/a%20b/c%2Ad/", AkSkSignature.CanonicalUri("/v1/a%20b/c*d"));
        Assert.Equal("/", AkSkSignature.CanonicalUri("/"));
    }

    [Fact]
    public async Task A_date_the_caller_set_is_signed_as_its_own_text()
    {
        using HttpRequestMessage request = VectorRequest(HttpMethod.Get, "https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0", null);
        request.Headers.TryAddWithoutValidation("X-Sdk-Date", "20191115T033655Z");

        await new AkSkSigner(AccessKey, SecretKey) { Clock = () => VectorTime.AddHours(5) }.SignAsync(request, default);

        Assert.EndsWith("Signature=fd95e7da6f695cfb4cabbb9d6b0968aec155bc576b064835282473539ae9ea1d", Assert.Single(request.Headers.GetValues("Authorization")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_request_verifies_and_any_change_to_it_does_not()
    {
        var verifier = new AkSkVerifier(ak => ak == AccessKey ? SecretKey : null) { Clock = () => VectorTime.AddMinutes(3) };
        AkSkVerification Verify(HttpRequestMessage request, string? target = null, byte[]? body = null, string? date = null) =>
            verifier.Verify(
                request.Method.Method,
                target ?? request.RequestUri!.PathAndQuery,
                name => name.Equals("X-Sdk-Date", StringComparison.OrdinalIgnoreCase) && date is not null ? date
                    : request.Headers.TryGetValues(name, out IEnumerable<string>? values) ? string.Join(", ", values) : null,
                body ?? request.Content!.ReadAsByteArrayAsync().GetAwaiter().GetResult());

        using HttpRequestMessage signed = VectorRequest(HttpMethod.Post, "https://service.region.example.com/v1/p/vpc/123?b=2&a=1", "{\"key\":\"value\"}");
        signed.Headers.TryAddWithoutValidation("X-Language", "en-us");
        await Signer().SignAsync(signed, default);

        Assert.True(Verify(signed).IsValid, Verify(signed).ToString());
        Assert.Equal(AccessKey, Verify(signed).AccessKey);
        Assert.Contains("x-language", signed.Headers.GetValues("Authorization").Single(), StringComparison.Ordinal);
        Assert.False(Verify(signed, body: Encoding.UTF8.GetBytes("{\"key\":\"other\"}")).IsValid);
        Assert.False(Verify(signed, target: "/v1/p/vpc/124?b=2&a=1").IsValid);
        Assert.False(Verify(signed, target: "/v1/p/vpc/123?b=3&a=1").IsValid);
        Assert.False(Verify(signed, date: "20191115T033656Z").IsValid);
        Assert.Equal("unknown access key", new AkSkVerifier(_ => null).Verify("POST", "/v1/p/vpc/123", name => signed.Headers.TryGetValues(name, out var v) ? v.First() : null, Array.Empty<byte>()).Failure);

        var late = new AkSkVerifier(ak => SecretKey) { Clock = () => VectorTime.AddMinutes(16) };
        Assert.Contains("X-Sdk-Date", late.Verify("POST", signed.RequestUri!.PathAndQuery, name => signed.Headers.TryGetValues(name, out var v) ? v.First() : null, Encoding.UTF8.GetBytes("{\"key\":\"value\"}")).Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_streamed_body_is_signed_as_UNSIGNED_PAYLOAD_without_asking_for_an_item()
    {
        int asked = 0;
        async IAsyncEnumerable<int> Items()
        {
            asked++;
            await Task.Yield();
            yield return 1;
        }

        RequestBody body = RequestItems.JsonLines<int>(Items(), (writer, item) => writer.WriteNumberValue(item), null, "application/jsonl", "importLogs", default);
        using HttpRequestMessage request = VectorRequest(HttpMethod.Post, "https://service.region.example.com/v1/p/logs", null);
        request.Content = body.CreateContent();

        await Signer().SignAsync(request, default);

        Assert.Equal(0, asked);
        Assert.True(body.CanSend);
        Assert.Equal("UNSIGNED-PAYLOAD", Assert.Single(request.Headers.GetValues("X-Sdk-Content-Sha256")));
        Assert.Contains("SignedHeaders=host;x-sdk-content-sha256;x-sdk-date,", Assert.Single(request.Headers.GetValues("Authorization")), StringComparison.Ordinal);

        // The server hashes nothing either: whatever body arrives, the signature holds, and without the header it does not.
        var verifier = new AkSkVerifier(ak => ak == AccessKey ? SecretKey : null) { Clock = () => VectorTime };
        string? Header(string name) => request.Headers.TryGetValues(name, out IEnumerable<string>? values) ? string.Join(", ", values) : null;
        Assert.True(verifier.Verify("POST", "/v1/p/logs", Header, Encoding.UTF8.GetBytes("1\n")).IsValid);
        Assert.False(verifier.Verify("POST", "/v1/p/logs", name => name.Equals("X-Sdk-Content-Sha256", StringComparison.OrdinalIgnoreCase) ? null : Header(name), Encoding.UTF8.GetBytes("1\n")).IsValid);
    }

    [Fact]
    public async Task A_body_of_known_length_is_hashed_and_a_declared_payload_hash_is_kept()
    {
        using HttpRequestMessage hashed = VectorRequest(HttpMethod.Post, "https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpc/123", "{\"key\":\"value\"}");
        using HttpRequestMessage declared = VectorRequest(HttpMethod.Post, "https://service.region.example.com/v1/p/logs", null);
        declared.Content = new StreamContent(new NoSeekStream());
        declared.Headers.TryAddWithoutValidation("X-Sdk-Content-Sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

        await Signer().SignAsync(hashed, default);
        await Signer().SignAsync(declared, default);

        Assert.False(hashed.Headers.Contains("X-Sdk-Content-Sha256"));
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Assert.Single(declared.Headers.GetValues("X-Sdk-Content-Sha256")));
    }

    /// <summary>A stream that cannot seek (so its content has no length) and fails if anything reads it.</summary>
    private sealed class NoSeekStream : System.IO.Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("the body was read");

        public override long Seek(long offset, System.IO.SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public void The_secret_key_is_not_in_the_signers_text_and_keys_are_required()
    {
        Assert.DoesNotContain(SecretKey, new AkSkSigner(AccessKey, SecretKey).ToString(), StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new AkSkSigner(AccessKey, string.Empty));
        Assert.Throws<ArgumentException>(() => new AkSkSigner(string.Empty, SecretKey));
    }
}
