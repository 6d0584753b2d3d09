using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Azure.Lro;
using Xunit;

namespace OpenApiSdk.ClientTests;

/// <summary>
/// AutoRest's extensions on the wire (Specs/azure-lro.yaml) against a real HTTP server (Kestrel on 127.0.0.1):
/// WaitFor{Operation}Async for each final-state-via of x-ms-long-running-operation-options, following the header
/// AutoRest's docs and Azure's asynchronous operation pattern name (Azure-AsyncOperation, Operation-Location, Location,
/// else the resource's provisioningState), a failed and a cancelled operation, Retry-After; the constant query of an
/// x-ms-paths key; an x-ms-client-name header parameter; and from a Swagger 2.0 document (Specs/azure-host.yaml)
/// x-ms-parameterized-host and x-ms-requestBody-name.
/// </summary>
public sealed class AzureWireTests : IAsyncLifetime
{
    private static readonly WaitOptions Fast = new() { PollInterval = TimeSpan.FromMilliseconds(10), Timeout = TimeSpan.FromSeconds(60) };

    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static Account NewAccount() => new() { Name = "acc", Replication = AccountType.LocallyRedundant };

    private StorageClient Client(HttpClient http) => new(http, new StorageClientOptions { BaseAddress = _server.BaseAddress });

    private string Url(string path) => new Uri(_server.BaseAddress, path).AbsoluteUri;

    private static Reply Accepted(string header, string url, string retryAfter = "0") =>
        new(202, string.Empty, ContentType: null) { Headers = new Dictionary<string, string> { [header] = url, ["Retry-After"] = retryAfter } };

    private static Reply Status(string status, string extra = "") => new(200, "{\"status\":\"" + status + "\"" + extra + "}");

    private string[] Targets() => _server.Requests.Select(r => r.Method + " " + r.RawTarget).ToArray();

    [Fact]
    public async Task A_PUT_follows_Azure_AsyncOperation_and_reads_the_result_from_the_resource_by_default()
    {
        _server.AnswerInTurn(
            Accepted("Azure-AsyncOperation", Url("/operations/op1")),
            Status("InProgress"),
            Status("Succeeded"),
            new Reply(200, "{\"name\":\"acc\",\"account_type\":\"Standard_LRS\",\"properties\":{\"provisioningState\":\"Succeeded\"}}"));
        using HttpClient http = _server.CreateHttpClient();
        StorageClient client = Client(http);

        ApiResponse<Account?> started = await client.AccountsCreateWithResponseAsync("acc", "2015-05-01-preview", NewAccount());
        Account? account = await client.WaitForAccountsCreateAsync(started, Fast);

        // A 202 without a body is no result yet: the operation returns null for it, where 200 and 201 carry the account.
        Assert.Equal(202, started.StatusCode);
        Assert.Null(started.Value);
        Assert.Equal("acc", account!.Name);
        Assert.Equal(AccountType.LocallyRedundant, account.Replication);
        Assert.Equal(new[] { "PUT /accounts/acc", "GET /operations/op1", "GET /operations/op1", "GET /accounts/acc" }, Targets());

        // x-ms-client-name: the C# parameter 'version' is the header x-ms-version.
        Assert.Equal("2015-05-01-preview", _server.Requests[0].Headers["x-ms-version"]);
    }

    [Fact]
    public async Task Final_state_via_azure_async_operation_reads_the_result_from_the_status_monitor_without_a_final_GET()
    {
        _server.AnswerInTurn(
            Accepted("Azure-AsyncOperation", Url("/operations/op2")),
            Status("Succeeded", ",\"name\":\"from-the-monitor\""));
        using HttpClient http = _server.CreateHttpClient();
        StorageClient client = Client(http);

        ApiResponse<Account?> started = await client.AccountsUpdateWithResponseAsync("acc", NewAccount());
        Account? account = await client.WaitForAccountsUpdateAsync(started, Fast);

        Assert.Equal("from-the-monitor", account!.Name);
        Assert.Equal(new[] { "PATCH /accounts/acc", "GET /operations/op2" }, Targets());
    }

    [Fact]
    public async Task Final_state_via_location_polls_the_Location_until_it_answers_other_than_202_and_returns_that_body()
    {
        _server.AnswerInTurn(
            Accepted("Location", Url("/results/r7")),
            Accepted("Location", Url("/results/r7")),
            new Reply(200, "{\"key1\":\"secret-key\"}"));
        using HttpClient http = _server.CreateHttpClient();
        StorageClient client = Client(http);

        ApiResponse<Keys?> started = await client.AccountsRegenerateKeyWithResponseAsync("acc");
        Keys? keys = await client.WaitForAccountsRegenerateKeyAsync(started, Fast);

        Assert.Equal("secret-key", keys!.Key1);
        Assert.Equal(new[] { "POST /accounts/acc/regenerateKey", "GET /results/r7", "GET /results/r7" }, Targets());
    }

    [Fact]
    public async Task Final_state_via_operation_location_polls_Operation_Location_and_reads_the_result_from_its_last_answer()
    {
        _server.AnswerInTurn(
            Accepted("Operation-Location", Url("/exports/e1?api-version=1")),
            Status("Running"),
            Status("Succeeded", ",\"blobUri\":\"https://blobs.example/e1\""));
        using HttpClient http = _server.CreateHttpClient();
        StorageClient client = Client(http);

        ApiResponse<Export?> started = await client.AccountsExportWithResponseAsync("acc");
        Export? export = await client.WaitForAccountsExportAsync(started, Fast);

        Assert.Equal("https://blobs.example/e1", export!.BlobUri);
        Assert.Equal(new[] { "POST /accounts/acc/export", "GET /exports/e1?api-version=1", "GET /exports/e1?api-version=1" }, Targets());
    }

    [Fact]
    public async Task Final_state_via_original_uri_GETs_the_URL_of_the_operation_once_the_Location_says_it_is_done()
    {
        _server.AnswerInTurn(
            Accepted("Location", Url("/pending/p1")),
            new Reply(204, string.Empty, ContentType: null),
            new Reply(200, "{\"name\":\"replaced\"}"));
        using HttpClient http = _server.CreateHttpClient();
        StorageClient client = Client(http);

        ApiResponse<Account?> started = await client.AccountsReplaceWithResponseAsync("acc", NewAccount());
        Account? account = await client.WaitForAccountsReplaceAsync(started, Fast);

        Assert.Equal("replaced", account!.Name);
        Assert.Equal(new[] { "PUT /accounts/acc/replace", "GET /pending/p1", "GET /accounts/acc/replace" }, Targets());
    }

    [Fact]
    public async Task A_PUT_without_a_status_monitor_is_followed_through_the_resource_provisioningState()
    {
        _server.AnswerInTurn(
            new Reply(201, "{\"name\":\"acc\",\"properties\":{\"provisioningState\":\"Creating\"}}"),
            new Reply(200, "{\"name\":\"acc\",\"properties\":{\"provisioningState\":\"Creating\"}}"),
            new Reply(200, "{\"name\":\"acc\",\"properties\":{\"provisioningState\":\"Succeeded\"}}"));
        using HttpClient http = _server.CreateHttpClient();
        StorageClient client = Client(http);

        ApiResponse<Account?> started = await client.AccountsCreateWithResponseAsync("acc", "2015-05-01-preview", NewAccount());
        Account? account = await client.WaitForAccountsCreateAsync(started, Fast);

        Assert.Equal("Succeeded", account!.Properties!.ProvisioningState);
        Assert.Equal(new[] { "PUT /accounts/acc", "GET /accounts/acc", "GET /accounts/acc" }, Targets());
    }

    [Fact]
    public async Task A_DELETE_that_the_service_finishes_later_is_waited_for_through_its_Location()
    {
        _server.AnswerInTurn(
            Accepted("Location", Url("/deletions/d1")),
            Accepted("Location", Url("/deletions/d1")),
            new Reply(204, string.Empty, ContentType: null));
        using HttpClient http = _server.CreateHttpClient();
        StorageClient client = Client(http);

        ApiResponse started = await client.AccountsDeleteWithResponseAsync("acc");
        await client.WaitForAccountsDeleteAsync(started, Fast);

        Assert.Equal(new[] { "DELETE /accounts/acc", "GET /deletions/d1", "GET /deletions/d1" }, Targets());
    }

    [Theory]
    [InlineData("Failed")]
    [InlineData("Canceled")]
    public async Task An_operation_that_ends_Failed_or_Canceled_throws_JobFailedException_with_the_error_message(string terminal)
    {
        _server.AnswerInTurn(
            Accepted("Azure-AsyncOperation", Url("/operations/op3")),
            Status("InProgress"),
            Status(terminal, ",\"error\":{\"code\":\"QuotaExceeded\",\"message\":\"The subscription has no storage quota left.\"}"),
            new Reply(500, "{}"));
        using HttpClient http = _server.CreateHttpClient();
        StorageClient client = Client(http);

        ApiResponse<Account?> started = await client.AccountsCreateWithResponseAsync("acc", "2015-05-01-preview", NewAccount());
        JobFailedException failure = await Assert.ThrowsAsync<JobFailedException>(() => client.WaitForAccountsCreateAsync(started, Fast));

        Assert.Equal(terminal, failure.Status);
        Assert.Equal("The subscription has no storage quota left.", failure.Reason);
        Assert.Equal("Accounts_Create", failure.OperationId);
        Assert.Equal(3, _server.Requests.Count); // no final GET of a failed operation
    }

    [Fact]
    public async Task A_status_monitor_that_answers_without_a_status_is_an_error_not_an_endless_wait()
    {
        _server.AnswerInTurn(Accepted("Azure-AsyncOperation", Url("/operations/op4")), new Reply(200, "{\"state\":\"Succeeded\"}"));
        using HttpClient http = _server.CreateHttpClient();
        StorageClient client = Client(http);

        ApiResponse<Account?> started = await client.AccountsCreateWithResponseAsync("acc", "2015-05-01-preview", NewAccount());

        await Assert.ThrowsAsync<InvalidOperationException>(() => client.WaitForAccountsCreateAsync(started, Fast));
    }

    [Fact]
    public async Task Retry_After_on_the_initial_response_and_on_each_poll_sets_the_wait_instead_of_the_poll_interval()
    {
        // The poll interval (one hour) would run into the wait's timeout; Retry-After: 0 (RFC 9110 §10.2.3) asks for none.
        _server.AnswerInTurn(
            Accepted("Azure-AsyncOperation", Url("/operations/op5")),
            new Reply(200, "{\"status\":\"InProgress\"}") { Headers = new Dictionary<string, string> { ["Retry-After"] = "0" } },
            new Reply(200, "{\"status\":\"InProgress\"}") { Headers = new Dictionary<string, string> { ["Retry-After"] = "0" } },
            Status("Succeeded", ",\"name\":\"done\""));
        using HttpClient http = _server.CreateHttpClient();
        StorageClient client = Client(http);
        var options = new WaitOptions { PollInterval = TimeSpan.FromHours(1), Timeout = TimeSpan.FromSeconds(20) };

        ApiResponse<Account?> started = await client.AccountsUpdateWithResponseAsync("acc", NewAccount());
        Account? account = await client.WaitForAccountsUpdateAsync(started, options);

        Assert.Equal("done", account!.Name);
        Assert.Equal(4, _server.Requests.Count);
    }

    [Fact]
    public async Task A_status_monitor_on_another_origin_is_not_polled_with_the_clients_credentials()
    {
        _server.AnswerInTurn(Accepted("Azure-AsyncOperation", "https://elsewhere.example/operations/op6"));
        using HttpClient http = _server.CreateHttpClient();
        StorageClient client = Client(http);

        ApiResponse<Account?> started = await client.AccountsCreateWithResponseAsync("acc", "2015-05-01-preview", NewAccount());

        await Assert.ThrowsAsync<InvalidOperationException>(() => client.WaitForAccountsCreateAsync(started, Fast));
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task An_x_ms_paths_key_sends_its_literal_query_before_the_declared_parameters()
    {
        _server.Answer(new Reply(204, string.Empty, ContentType: null));
        using HttpClient http = _server.CreateHttpClient();
        StorageClient client = Client(http);

        await client.AccountsRestoreAsync("acc", "yesterday");

        Assert.Equal("POST /accounts/acc?op=restore&api-version=2015-05-01-preview&at=yesterday", Targets().Single());
    }

    [Fact]
    public async Task X_ms_parameter_location_client_parameters_come_from_the_options_unless_a_call_gives_its_own()
    {
        _server.Answer(new Reply(200, "{\"value\":[]}"));
        using HttpClient http = _server.CreateHttpClient();
        var options = new StorageClientOptions { BaseAddress = _server.BaseAddress, SubscriptionId = "sub-1", ApiVersion = "2015-05-01-preview", ClientRequestId = "req-1" };
        var client = new StorageClient(http, options);

        await client.UsagesListAsync();
        await client.UsagesListAsync(subscriptionId: "sub-2", clientRequestId: "req-2");

        Assert.Equal(new[] { "GET /subscriptions/sub-1/usages?api-version=2015-05-01-preview", "GET /subscriptions/sub-2/usages?api-version=2015-05-01-preview" }, Targets());
        Assert.Equal(new[] { "req-1", "req-2" }, _server.Requests.Select(r => r.Headers["x-ms-client-request-id"]));
    }

    [Fact]
    public async Task X_ms_parameterized_host_is_the_server_of_its_parameters_and_x_ms_requestBody_name_names_the_body()
    {
        // Specs/azure-host.yaml: hostTemplate "{endpoint}/api/{apiSegment}" without a scheme prefix; apiSegment defaults to v2.
        _server.Answer(new Reply(200, "{\"color\":\"blue\"}"));
        using HttpClient http = new();
        var client = new Azure.Host.ItemsClient(http, new Azure.Host.ItemsClientOptions { Endpoint = _server.BaseAddress.AbsoluteUri.TrimEnd('/') });

        Azure.Host.Item? stored = await client.ItemsPutAsync("box", item: new Azure.Host.Item { Color = "red" });

        Assert.Equal("PUT /api/v2/items/box", Targets().Single());
        Assert.Equal("{\"color\":\"red\"}", System.Text.Encoding.UTF8.GetString(_server.Requests[0].Body));
        Assert.Equal("blue", stored!.Color);
        Assert.Equal("item", typeof(Azure.Host.ItemsClient).GetMethod(nameof(Azure.Host.ItemsClient.ItemsPutAsync))!.GetParameters()[1].Name);
    }

    [Fact]
    public async Task A_required_client_parameter_that_neither_the_options_nor_the_call_give_throws_before_sending()
    {
        using HttpClient http = _server.CreateHttpClient();
        var client = new StorageClient(http, new StorageClientOptions { BaseAddress = _server.BaseAddress, ApiVersion = "2015-05-01-preview" });

        InvalidOperationException missing = await Assert.ThrowsAsync<InvalidOperationException>(() => client.UsagesListAsync());

        Assert.Equal("subscriptionId is required: set Options.SubscriptionId or pass subscriptionId.", missing.Message);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public void X_ms_enum_names_the_members_and_keeps_unknown_values()
    {
        Assert.Equal("Standard_LRS", AccountType.LocallyRedundant.Value);
        Assert.Equal("Standard_GRS", AccountType.GeoRedundant.Value);
        Account read = Account.FromJson("{\"account_type\":\"Premium_LRS\"}");
        Assert.False(read.Replication!.Value.IsKnown);
        Assert.Equal("Premium_LRS", read.Replication.Value.Value);
    }
}
