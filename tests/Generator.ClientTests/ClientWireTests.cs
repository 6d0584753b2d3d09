using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using TaurusDb.StarRocks;
using Xunit;

namespace OpenApiSdk.ClientTests;

/// <summary>The generated StarRocksClient against a real HTTP server (Kestrel on 127.0.0.1).</summary>
public sealed class ClientWireTests : IAsyncLifetime
{
    private const string Token = "MIIT-iam-token-0123456789-secret";
    private const string Password = "Test@123!";

    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private StarRocksClient Client(HttpClient http, Action<StarRocksClientOptions>? configure = null)
    {
        var options = new StarRocksClientOptions { BaseAddress = _server.BaseAddress, Token = Token, Retry = RetryWireTests.Fast() };
        configure?.Invoke(options);
        return new StarRocksClient(http, options);
    }

    private static CreateStarRocksInstanceRequest ExampleRequest() => CreateStarRocksInstanceRequest.FromJson(SeedPage.ExampleRequest);

    private static Reply Created() => new(201, SeedPage.ExampleResponse, RequestId: "req-201");

    [Fact]
    public async Task The_page_example_request_goes_on_the_wire_as_the_page_shows_it()
    {
        _server.Answer(Created());
        using HttpClient http = _server.CreateHttpClient();

        await Client(http).CreateStarRocksInstanceAsync(SeedPage.ProjectId, SeedPage.InstanceId, ExampleRequest(), CreateStarRocksInstanceXLanguage.EnUs);

        ReceivedRequest request = Assert.Single(_server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal(SeedPage.ExamplePath, request.RawTarget);
        Assert.Equal(Token, request.Headers["X-Auth-Token"]);
        Assert.Equal("en-us", request.Headers["X-Language"]);
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal("application/json", request.Headers["Accept"]);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(SeedPage.ExampleRequest), JsonNode.Parse(request.Body)), Encoding.UTF8.GetString(request.Body));
    }

    [Fact]
    public async Task Optional_headers_are_sent_only_when_set_and_the_options_give_their_default()
    {
        _server.Answer(Created());
        using HttpClient http = _server.CreateHttpClient();

        await Client(http).CreateStarRocksInstanceAsync(SeedPage.ProjectId, SeedPage.InstanceId, ExampleRequest());
        await Client(http, o => o.XLanguage = "zh-cn").CreateStarRocksInstanceAsync(SeedPage.ProjectId, SeedPage.InstanceId, ExampleRequest());
        await Client(http, o => o.XLanguage = "zh-cn").CreateStarRocksInstanceAsync(SeedPage.ProjectId, SeedPage.InstanceId, ExampleRequest(), "en-us");

        ReceivedRequest[] requests = _server.Requests.ToArray();
        Assert.False(requests[0].Headers.ContainsKey("X-Language"));
        Assert.Equal("zh-cn", requests[1].Headers["X-Language"]);
        Assert.Equal("en-us", requests[2].Headers["X-Language"]);
    }

    [Fact]
    public async Task The_page_example_response_is_read_into_the_typed_model_nulls_included()
    {
        _server.Answer(Created());
        using HttpClient http = _server.CreateHttpClient();

        CreateStarRocksInstanceResponse response = await Client(http).CreateStarRocksInstanceAsync(SeedPage.ProjectId, SeedPage.InstanceId, ExampleRequest());

        Assert.Equal("cf0b7506-1505-450f-9d95-ce9d93b6b5c3", response.JobId);
        StarRocksInstance instance = response.Instance!;
        Assert.Equal("590031445ef845bb912d7fc8243db80cin17", instance.Id);
        Assert.Equal("az1", instance.AzCode);
        Assert.Equal("htap-ff64", instance.Name);
        Assert.Equal("star-rocks", instance.Engine!.Type);
        Assert.Equal("3.1", instance.Engine.Version);
        Assert.Equal(3306, instance.Port);
        Assert.False(instance.EnableSsl);
        Assert.Equal("creating", instance.Status);
        Assert.Equal("0", instance.PayInfo!.PayModel!.Value.Value);
        Assert.Null(instance.PayInfo.OrderId);
        Assert.Null(instance.PayInfo.Period);
        Assert.Null(instance.PayInfo.PeriodType);
        Assert.Null(instance.PayInfo.IsAutoRenew);
        Assert.Empty(instance.TagsInfo!.Tags!);
        Assert.Equal("_sys_enterprise_project_id", Assert.Single(instance.TagsInfo.SysTags!).Key);

        // The nulls were read as present nulls, not as missing values: written back, the document is the page's.
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(SeedPage.ExampleResponse), JsonNode.Parse(response.ToJson())));
    }

    [Theory]
    [InlineData(400, "DBS.280234", "Invalid DB instance name.")]
    [InlineData(500, "DBS.108000", "Server failure.")]
    public async Task Documented_error_statuses_throw_the_typed_exception_with_code_message_and_request_id(int status, string code, string message)
    {
        string body = "{\"error_code\":\"" + code + "\",\"error_msg\":\"" + message + "\"}";
        _server.Answer(new Reply(status, body, RequestId: "2fd1a2c8e3a04d1b"));
        using HttpClient http = _server.CreateHttpClient();

        var ex = await Assert.ThrowsAsync<ApiException<ErrorResponse>>(() => Client(http).CreateStarRocksInstanceAsync(SeedPage.ProjectId, SeedPage.InstanceId, ExampleRequest()));

        Assert.Equal(status, ex.StatusCode);
        Assert.Equal(code, ex.ErrorCode);
        Assert.Equal(message, ex.ErrorMessage);
        Assert.Equal(code, ex.Error.ErrorCode);
        Assert.Equal(message, ex.Error.ErrorMsg);
        Assert.Equal("2fd1a2c8e3a04d1b", ex.RequestId);
        Assert.Equal(body, ex.ResponseBody);
        Assert.Equal("CreateStarRocksInstance", ex.OperationId);
        Assert.Contains(code, ex.Message, StringComparison.Ordinal);
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
        Assert.Contains("2fd1a2c8e3a04d1b", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_undocumented_status_with_the_services_error_body_is_still_parsed()
    {
        _server.Answer(new Reply(401, "{\"error_code\":\"APIGW.0301\",\"error_msg\":\"Incorrect IAM authentication information.\"}", RequestId: "r-401"));
        using HttpClient http = _server.CreateHttpClient();

        var ex = await Assert.ThrowsAsync<ApiException<ErrorResponse>>(() => Client(http).CreateStarRocksInstanceAsync(SeedPage.ProjectId, SeedPage.InstanceId, ExampleRequest()));

        Assert.Equal(401, ex.StatusCode);
        Assert.Equal("APIGW.0301", ex.ErrorCode);
        Assert.Equal("r-401", ex.RequestId);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(502)]
    public async Task A_non_json_error_body_gives_the_api_exception_with_the_body_kept(int status)
    {
        const string html = "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>";
        _server.Answer(new Reply(status, html, "text/html", "gw-1"));
        using HttpClient http = _server.CreateHttpClient();

        ApiException ex = await Assert.ThrowsAsync<ApiException>(() => Client(http).CreateStarRocksInstanceAsync(SeedPage.ProjectId, SeedPage.InstanceId, ExampleRequest()));

        Assert.Equal(status, ex.StatusCode);
        Assert.Equal(html, ex.ResponseBody);
        Assert.Null(ex.ErrorCode);
        Assert.Null(ex.ErrorMessage);
        Assert.Equal("gw-1", ex.RequestId);
        Assert.Null(ex.InnerException);
        Assert.Contains("text/html", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_error_body_gives_the_api_exception()
    {
        _server.Answer(new Reply(500, string.Empty, null, "empty-1"));
        using HttpClient http = _server.CreateHttpClient();

        ApiException ex = await Assert.ThrowsAsync<ApiException>(() => Client(http).CreateStarRocksInstanceAsync(SeedPage.ProjectId, SeedPage.InstanceId, ExampleRequest()));

        Assert.Equal(500, ex.StatusCode);
        Assert.Equal(string.Empty, ex.ResponseBody);
        Assert.Contains("empty", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"instance\": {\"id\": \"590031445ef845bb912d7fc8243db80cin17\", \"name\": \"htap")]
    [InlineData("<html>created</html>")]
    [InlineData("[]")]
    public async Task A_success_status_with_a_body_that_is_not_the_declared_json_gives_the_api_exception_not_a_json_exception(string body)
    {
        _server.Answer(new Reply(201, body));
        using HttpClient http = _server.CreateHttpClient();

        Exception thrown = await Record.ExceptionAsync(() => Client(http).CreateStarRocksInstanceAsync(SeedPage.ProjectId, SeedPage.InstanceId, ExampleRequest()));

        ApiException ex = Assert.IsType<ApiException>(thrown);
        Assert.Equal(201, ex.StatusCode);
        Assert.Equal(body, ex.ResponseBody);
    }

    [Fact]
    public async Task A_long_error_body_is_capped()
    {
        string body = new('x', 20_000);
        _server.Answer(new Reply(503, body, "text/plain"));
        using HttpClient http = _server.CreateHttpClient();

        ApiException ex = await Assert.ThrowsAsync<ApiException>(() => Client(http, o => o.MaxErrorBodyLength = 100).CreateStarRocksInstanceAsync(SeedPage.ProjectId, SeedPage.InstanceId, ExampleRequest()));

        Assert.Equal(new string('x', 100), ex.ResponseBody);
        Assert.True(ex.ResponseBodyTruncated);
        Assert.Equal(4, _server.Requests.Count); // a 503 is retried (3 times by default), then surfaces
    }

    [Fact]
    public async Task Cancelling_a_call_to_a_slow_server_throws_operation_canceled()
    {
        _server.Answer(new Reply(201, string.Empty) { Hang = true });
        using HttpClient http = _server.CreateHttpClient();
        using var cancellation = new CancellationTokenSource();

        Task call = Client(http).CreateStarRocksInstanceAsync(SeedPage.ProjectId, SeedPage.InstanceId, ExampleRequest(), cancellationToken: cancellation.Token);
        await _server.RequestArrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    [Fact]
    public async Task HttpClient_timeout_on_a_slow_server_throws_the_timeout_not_an_api_exception()
    {
        _server.Answer(new Reply(201, string.Empty) { Hang = true });
        using HttpClient http = _server.CreateHttpClient();
        http.Timeout = TimeSpan.FromMilliseconds(300);

        var ex = await Assert.ThrowsAsync<TaskCanceledException>(() => Client(http).CreateStarRocksInstanceAsync(SeedPage.ProjectId, SeedPage.InstanceId, ExampleRequest()));

        Assert.IsType<TimeoutException>(ex.InnerException);
    }

    [Fact]
    public async Task An_invalid_body_throws_every_error_and_sends_nothing()
    {
        CreateStarRocksInstanceRequest request = ExampleRequest();
        request.FeVolume.CapacityInGb = 55;
        request.Ha.Mode = StarRocksHaMode.Cluster; // Cluster needs 3..10 FE and BE nodes; the example has 1
        request.DbRootPwd = "short";
        using HttpClient http = _server.CreateHttpClient();

        var ex = await Assert.ThrowsAsync<ValidationException>(() => Client(http).CreateStarRocksInstanceAsync(SeedPage.ProjectId, SeedPage.InstanceId, request));

        string[] pointers = ex.Errors.Select(e => e.Pointer).ToArray();
        Assert.Contains("/body/fe_volume/capacity_in_gb", pointers);
        Assert.Contains("/body/fe_count", pointers);
        Assert.Contains("/body/be_count", pointers);
        Assert.Contains("/body/db_root_pwd", pointers);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task An_invalid_header_value_throws_and_sends_nothing()
    {
        using HttpClient http = _server.CreateHttpClient();

        var ex = await Assert.ThrowsAsync<ValidationException>(() => Client(http).CreateStarRocksInstanceAsync(SeedPage.ProjectId, SeedPage.InstanceId, ExampleRequest(), "fr-fr"));

        Assert.Equal("/header/X-Language", Assert.Single(ex.Errors).Pointer);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Turning_validation_off_sends_an_invalid_body_as_it_is()
    {
        _server.Answer(new Reply(400, "{\"error_code\":\"DBS.200001\",\"error_msg\":\"Parameter error.\"}"));
        CreateStarRocksInstanceRequest request = ExampleRequest();
        request.FeVolume.CapacityInGb = 55;
        using HttpClient http = _server.CreateHttpClient();

        var ex = await Assert.ThrowsAsync<ApiException<ErrorResponse>>(() => Client(http, o => o.ValidateRequests = false).CreateStarRocksInstanceAsync(SeedPage.ProjectId, SeedPage.InstanceId, request));

        Assert.Equal("DBS.200001", ex.ErrorCode);
        ReceivedRequest sent = Assert.Single(_server.Requests);
        Assert.Equal(55, JsonNode.Parse(sent.Body)!["fe_volume"]!["capacity_in_gb"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("23a50154cf494ec9ad6883979a12d/0a")]
    [InlineData("23a50154cf494ec9ad6883979a12d?0a")]
    [InlineData("23a50154cf494ec9ad6883979a12d%0a")]
    [InlineData("../../../../../../../../admin/x")]
    public async Task A_project_id_with_slash_question_mark_or_percent_is_rejected_before_sending(string projectId)
    {
        using HttpClient http = _server.CreateHttpClient();

        var ex = await Assert.ThrowsAsync<ValidationException>(() => Client(http).CreateStarRocksInstanceAsync(projectId, SeedPage.InstanceId, ExampleRequest()));

        Assert.All(ex.Errors, e => Assert.Equal("/path/project_id", e.Pointer));
        Assert.Contains(ex.Errors, e => e.Message.Contains("pattern", StringComparison.Ordinal));
        Assert.Empty(_server.Requests);
    }

    [Theory]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("a?b=c", "a%3Fb%3Dc")]
    [InlineData("a%2Fb", "a%252Fb")]
    [InlineData("a#b", "a%23b")]
    public async Task Without_validation_a_path_value_is_encoded_and_never_changes_the_path(string projectId, string encoded)
    {
        _server.Answer(Created());
        using HttpClient http = _server.CreateHttpClient();

        await Client(http, o => o.ValidateRequests = false).CreateStarRocksInstanceAsync(projectId, SeedPage.InstanceId, ExampleRequest());

        ReceivedRequest sent = Assert.Single(_server.Requests);
        Assert.Equal("/v3/" + encoded + "/instances/" + SeedPage.InstanceId + "/starrocks", sent.RawTarget);
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public async Task Without_validation_a_dot_segment_is_refused_because_it_would_change_the_path(string projectId)
    {
        using HttpClient http = _server.CreateHttpClient();

        await Assert.ThrowsAsync<ArgumentException>(() => Client(http, o => o.ValidateRequests = false).CreateStarRocksInstanceAsync(projectId, SeedPage.InstanceId, ExampleRequest()));

        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task The_token_and_the_password_never_appear_in_exception_text_or_ToString()
    {
        using HttpClient http = _server.CreateHttpClient();
        var texts = new System.Collections.Generic.List<string>();
        StarRocksClient client = Client(http);

        // A server that answers with the token and the password in an HTML error page (a gateway echoing the request).
        _server.Answer(new Reply(502, "<html>X-Auth-Token: " + Token + " body: " + Password + "</html>", "text/html"));
        ApiException gateway = await Assert.ThrowsAsync<ApiException>(() => client.CreateStarRocksInstanceAsync(SeedPage.ProjectId, SeedPage.InstanceId, ExampleRequest()));
        texts.Add(gateway.Message);
        texts.Add(gateway.ToString());

        _server.Answer(new Reply(400, "{\"error_code\":\"DBS.280234\",\"error_msg\":\"Invalid DB instance name.\"}"));
        ApiException<ErrorResponse> api = await Assert.ThrowsAsync<ApiException<ErrorResponse>>(() => client.CreateStarRocksInstanceAsync(SeedPage.ProjectId, SeedPage.InstanceId, ExampleRequest()));
        texts.Add(api.ToString());
        texts.Add(api.Error.ToString());

        // An invalid request whose password is also invalid.
        CreateStarRocksInstanceRequest invalid = ExampleRequest();
        invalid.DbRootPwd = "weakpassword" + Token;
        invalid.Name = "1";
        ValidationException validation = await Assert.ThrowsAsync<ValidationException>(() => client.CreateStarRocksInstanceAsync(SeedPage.ProjectId, SeedPage.InstanceId, invalid));
        texts.Add(validation.ToString());
        texts.Add(invalid.ToString());
        texts.Add(ExampleRequest().ToString());
        texts.Add(client.Options.ToString()!);
        texts.Add(client.ToString()!);

        // Each validation error as printed.
        texts.AddRange(validation.Errors.Select(e => e.ToString()));

        Assert.All(texts, text =>
        {
            Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Password, text, StringComparison.Ordinal);
        });
        Assert.Contains("***", ExampleRequest().ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_token_provider_is_asked_for_every_request_so_tokens_can_be_refreshed()
    {
        _server.Answer(Created());
        using HttpClient http = _server.CreateHttpClient();
        int calls = 0;
        StarRocksClient client = Client(http, o =>
        {
            o.Token = "unused";
            o.TokenProvider = _ => new ValueTask<string?>("token-" + Interlocked.Increment(ref calls));
        });

        await client.CreateStarRocksInstanceAsync(SeedPage.ProjectId, SeedPage.InstanceId, ExampleRequest());
        await client.CreateStarRocksInstanceAsync(SeedPage.ProjectId, SeedPage.InstanceId, ExampleRequest());

        Assert.Equal(new[] { "token-1", "token-2" }, _server.Requests.Select(r => r.Headers["X-Auth-Token"]).ToArray());
    }

    [Fact]
    public async Task A_derived_client_can_sign_each_request_and_inspect_each_response()
    {
        _server.Answer(Created());
        using HttpClient http = _server.CreateHttpClient();
        var client = new SigningClient(http, new StarRocksClientOptions { BaseAddress = _server.BaseAddress });

        await client.CreateStarRocksInstanceAsync(SeedPage.ProjectId, SeedPage.InstanceId, ExampleRequest());

        ReceivedRequest sent = Assert.Single(_server.Requests);
        Assert.False(sent.Headers.ContainsKey("X-Auth-Token"));
        Assert.Equal("20261126T120000Z", sent.Headers["X-Sdk-Date"]);
        Assert.Equal(SigningClient.Sign("POST", sent.RawTarget, sent.Body), sent.Headers["Authorization"]);
        Assert.Equal(new[] { "CreateStarRocksInstance 201 req-201" }, client.Seen);
    }

    /// <summary>AK/SK-style signing added by a downstream SDK, without touching generated code.</summary>
    private sealed class SigningClient : StarRocksClient
    {
        public SigningClient(HttpClient http, StarRocksClientOptions options)
            : base(http, options)
        {
        }

        public System.Collections.Generic.List<string> Seen { get; } = new();

        public static string Sign(string method, string target, byte[] body)
        {
            using var hmac = new System.Security.Cryptography.HMACSHA256(Encoding.UTF8.GetBytes("secret-key"));
            byte[] hash = hmac.ComputeHash(Encoding.UTF8.GetBytes(method + "\n" + target + "\n" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(body))));
            return "SDK-HMAC-SHA256 Access=ak, SignedHeaders=x-sdk-date, Signature=" + Convert.ToHexString(hash).ToLowerInvariant();
        }

        protected override async ValueTask PrepareRequestAsync(HttpRequestMessage request, string operationId, CancellationToken cancellationToken)
        {
            byte[] body = await request.Content!.ReadAsByteArrayAsync(cancellationToken);
            request.Headers.TryAddWithoutValidation("X-Sdk-Date", "20261126T120000Z");
            request.Headers.TryAddWithoutValidation("Authorization", Sign(request.Method.Method, request.RequestUri!.PathAndQuery, body));
        }

        protected override ValueTask InspectResponseAsync(HttpResponseMessage response, string operationId, CancellationToken cancellationToken)
        {
            Seen.Add(operationId + " " + (int)response.StatusCode + " " + string.Join(",", response.Headers.GetValues("X-Request-Id")));
            return default;
        }
    }
}
