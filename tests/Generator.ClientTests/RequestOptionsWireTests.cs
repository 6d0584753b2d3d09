using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using TaurusDb.StarRocks;
using Xunit;

namespace OpenApiSdk.ClientTests;

/// <summary>The WithResponse form of an operation, and the per-call RequestOptions: extra headers, validation.</summary>
public sealed class RequestOptionsWireTests : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private StarRocksClient Client(HttpClient http) => new(http, new StarRocksClientOptions { BaseAddress = _server.BaseAddress, Token = "t", Retry = RetryWireTests.Fast() });

    private static CreateStarRocksInstanceRequest ExampleRequest() => CreateStarRocksInstanceRequest.FromJson(SeedPage.ExampleRequest);

    [Fact]
    public async Task The_WithResponse_form_returns_status_headers_request_id_and_the_body()
    {
        _server.Answer(new Reply(201, SeedPage.ExampleResponse, RequestId: "2fd1a2c8e3a04d1b"));
        using HttpClient http = _server.CreateHttpClient();

        ApiResponse<CreateStarRocksInstanceResponse> response = await Client(http).CreateStarRocksInstanceWithResponseAsync(SeedPage.ProjectId, SeedPage.InstanceId, ExampleRequest());

        Assert.Equal(201, response.StatusCode);
        Assert.Equal("2fd1a2c8e3a04d1b", response.RequestId);
        Assert.Equal("2fd1a2c8e3a04d1b", response.Header("x-request-id"));
        Assert.StartsWith("application/json", response.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Equal("cf0b7506-1505-450f-9d95-ce9d93b6b5c3", response.Value.JobId);
    }

    [Fact]
    public async Task The_interface_has_the_WithResponse_form_too_and_its_errors_are_the_same()
    {
        _server.Answer(new Reply(400, "{\"error_code\":\"DBS.280234\",\"error_msg\":\"Invalid DB instance name.\"}", RequestId: "r-400"));
        using HttpClient http = _server.CreateHttpClient();
        var ex = await Assert.ThrowsAsync<ApiException<ErrorResponse>>(() => ((IStarRocksClient)Client(http)).CreateStarRocksInstanceWithResponseAsync(SeedPage.ProjectId, SeedPage.InstanceId, ExampleRequest()));

        Assert.Equal("DBS.280234", ex.ErrorCode);
        Assert.Equal("r-400", ex.RequestId);
    }

    [Fact]
    public async Task Extra_headers_of_a_call_are_sent_and_replace_the_calls_own()
    {
        _server.Answer(new Reply(201, SeedPage.ExampleResponse));
        using HttpClient http = _server.CreateHttpClient();
        var call = new RequestOptions();
        call.Headers["X-Trace-Id"] = "trace-1";
        call.Headers["X-Language"] = "zh-cn";

        await Client(http).CreateStarRocksInstanceAsync(SeedPage.ProjectId, SeedPage.InstanceId, ExampleRequest(), "en-us", call);

        ReceivedRequest sent = Assert.Single(_server.Requests);
        Assert.Equal("trace-1", sent.Headers["X-Trace-Id"]);
        Assert.Equal("zh-cn", sent.Headers["X-Language"]);
    }

    [Fact]
    public async Task An_extra_header_with_a_line_break_is_refused_and_nothing_is_sent()
    {
        using HttpClient http = _server.CreateHttpClient();
        var call = new RequestOptions();
        call.Headers["X-Trace-Id"] = "a\r\nX-Injected: 1";

        await Assert.ThrowsAsync<ArgumentException>(() => Client(http).CreateStarRocksInstanceAsync(SeedPage.ProjectId, SeedPage.InstanceId, ExampleRequest(), requestOptions: call));

        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Validation_can_be_turned_off_for_one_call_and_stays_on_for_the_others()
    {
        _server.Answer(new Reply(400, "{\"error_code\":\"DBS.200001\",\"error_msg\":\"Parameter error.\"}"));
        using HttpClient http = _server.CreateHttpClient();
        StarRocksClient client = Client(http);
        CreateStarRocksInstanceRequest invalid = ExampleRequest();
        invalid.FeVolume.CapacityInGb = 55;

        await Assert.ThrowsAsync<ValidationException>(() => client.CreateStarRocksInstanceAsync(SeedPage.ProjectId, SeedPage.InstanceId, invalid));
        Assert.Empty(_server.Requests);

        await Assert.ThrowsAsync<ApiException<ErrorResponse>>(() => client.CreateStarRocksInstanceAsync(SeedPage.ProjectId, SeedPage.InstanceId, invalid, requestOptions: new RequestOptions { ValidateRequest = false }));
        Assert.Equal(55, JsonNode.Parse(Assert.Single(_server.Requests).Body)!["fe_volume"]!["capacity_in_gb"]!.GetValue<int>());
    }
}
