using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using OpenApiSdk.Signing;
using TaurusDb.StarRocks;
using Xunit;

namespace OpenApiSdk.ClientTests;

/// <summary>AK/SK signing (SDK-HMAC-SHA256) selected in the options: every attempt is signed anew and verifies on the server.</summary>
public sealed class SigningWireTests : IAsyncLifetime
{
    internal const string AccessKey = "HPUAEXAMPLEACCESSKEY";
    internal const string SecretKey = "sk-example-secret-key-0123456789";

    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    /// <summary>The signer the tests configure.</summary>
    internal static AkSkSigner Signer() => new(AccessKey, SecretKey);

    /// <summary>Checks a received request as the vendor's gateway does.</summary>
    internal static AkSkVerification Verify(ReceivedRequest request) =>
        new AkSkVerifier(ak => ak == AccessKey ? SecretKey : null).Verify(
            request.Method, request.RawTarget, name => request.Headers.TryGetValue(name, out string? value) ? value : null, request.Body);

    [Fact]
    public async Task Every_attempt_is_signed_again_with_a_fresh_date_and_each_signature_verifies()
    {
        _server.AnswerInTurn(new Reply(503, "{}"), new Reply(429, "{}"), new Reply(201, SeedPage.ExampleResponse));
        using HttpClient http = _server.CreateHttpClient();
        DateTimeOffset start = DateTimeOffset.UtcNow;
        int signed = 0;
        var signer = new AkSkSigner(AccessKey, SecretKey) { Clock = () => start.AddSeconds(signed++) }; // one second per attempt, as a slower retry would see
        var client = new StarRocksClient(http, new StarRocksClientOptions { BaseAddress = _server.BaseAddress, Token = "not-sent", Signer = signer, Retry = RetryWireTests.Fast() });

        await client.CreateStarRocksInstanceAsync(SeedPage.ProjectId, SeedPage.InstanceId, CreateStarRocksInstanceRequest.FromJson(SeedPage.ExampleRequest), CreateStarRocksInstanceXLanguage.EnUs);

        ReceivedRequest[] requests = _server.Requests.ToArray();
        Assert.Equal(3, requests.Length);
        Assert.Equal(3, requests.Select(r => r.Headers["X-Sdk-Date"]).Distinct().Count());
        Assert.Equal(3, requests.Select(r => r.Headers["Authorization"]).Distinct().Count());
        Assert.All(requests, request =>
        {
            AkSkVerification verification = Verify(request);
            Assert.True(verification.IsValid, verification.ToString());
            Assert.StartsWith("SDK-HMAC-SHA256 Access=" + AccessKey + ", SignedHeaders=accept;host;x-language;x-sdk-date, Signature=", request.Headers["Authorization"], StringComparison.Ordinal);
            Assert.False(request.Headers.ContainsKey("X-Auth-Token")); // the signature is the credential
        });
    }

    [Fact]
    public async Task A_request_changed_after_signing_does_not_verify()
    {
        _server.Answer(new Reply(201, SeedPage.ExampleResponse));
        using HttpClient http = _server.CreateHttpClient();
        var client = new StarRocksClient(http, new StarRocksClientOptions { BaseAddress = _server.BaseAddress, Signer = new AkSkSigner(AccessKey, SecretKey) });

        await client.CreateStarRocksInstanceAsync(SeedPage.ProjectId, SeedPage.InstanceId, CreateStarRocksInstanceRequest.FromJson(SeedPage.ExampleRequest));

        ReceivedRequest sent = Assert.Single(_server.Requests);
        Assert.True(Verify(sent).IsValid, Verify(sent).ToString());
        Assert.False(Verify(sent with { Body = sent.Body.Concat(new byte[] { (byte)' ' }).ToArray() }).IsValid);
        Assert.False(Verify(sent with { RawTarget = sent.RawTarget.Replace("in07", "in08", StringComparison.Ordinal) }).IsValid);
    }
}
