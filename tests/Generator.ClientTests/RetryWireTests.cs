using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Retries.Sdk;
using TaurusDb.StarRocks;
using Xunit;

namespace OpenApiSdk.ClientTests;

/// <summary>
/// Retries against a real server on 127.0.0.1: what is retried (429/503 always, failures before sending always,
/// 408/500/502/504 and lost connections only for idempotent methods or a declared idempotency key), how long the
/// client waits (Retry-After), and the limits (MaxRetries, cancellation, timeout).
/// </summary>
public sealed class RetryWireTests : IAsyncLifetime
{
    private const string Token = "MIIT-iam-token-0123456789-secret";
    private static readonly string ErrorBody = "{\"error_code\":\"DBS.108000\",\"error_msg\":\"Server failure.\"}";

    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    /// <summary>Short waits, so the suite stays fast; a MaxDelay that still lets a Retry-After of a second through.</summary>
    internal static RetryOptions Fast(int maxRetries = 3) => new() { MaxRetries = maxRetries, BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromSeconds(5) };

    private StarRocksClient Seed(HttpClient http, Action<StarRocksClientOptions>? configure = null)
    {
        var options = new StarRocksClientOptions { BaseAddress = _server.BaseAddress, Token = Token, Retry = Fast() };
        configure?.Invoke(options);
        return new StarRocksClient(http, options);
    }

    private RetriesClient Things(HttpClient http, Action<RetriesClientOptions>? configure = null)
    {
        var options = new RetriesClientOptions { BaseAddress = _server.BaseAddress, Key = "api-key", Retry = Fast() };
        configure?.Invoke(options);
        return new RetriesClient(http, options);
    }

    private static Task<CreateStarRocksInstanceResponse> Create(StarRocksClient client, RequestOptions? requestOptions = null) =>
        client.CreateStarRocksInstanceAsync(SeedPage.ProjectId, SeedPage.InstanceId, CreateStarRocksInstanceRequest.FromJson(SeedPage.ExampleRequest), requestOptions: requestOptions);

    private static Reply Created() => new(201, SeedPage.ExampleResponse, RequestId: "req-201");

    private static Reply Status(int status) => new(status, ErrorBody, RequestId: "req-" + status);

    private static Reply ThingOk() => new(200, "{\"id\":\"t1\"}");

    [Fact]
    public async Task A_503_with_Retry_After_1_is_sent_again_a_second_later_and_the_second_answer_is_returned()
    {
        _server.AnswerInTurn(Status(503) with { Headers = new Dictionary<string, string> { ["Retry-After"] = "1" } }, Created());
        using HttpClient http = _server.CreateHttpClient();

        CreateStarRocksInstanceResponse response = await Create(Seed(http));

        Assert.Equal("cf0b7506-1505-450f-9d95-ce9d93b6b5c3", response.JobId);
        ReceivedRequest[] requests = _server.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        Assert.True(requests[1].Since(requests[0]) >= TimeSpan.FromSeconds(0.9), "the retry came " + requests[1].Since(requests[0]) + " after the first request");
        Assert.Equal(requests[0].Body, requests[1].Body);
        Assert.Equal(Token, requests[1].Headers["X-Auth-Token"]);
    }

    [Fact]
    public async Task A_Retry_After_date_is_honoured_too()
    {
        string date = DateTimeOffset.UtcNow.AddSeconds(3).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        _server.AnswerInTurn(Status(503) with { Headers = new Dictionary<string, string> { ["Retry-After"] = date } }, Created());
        using HttpClient http = _server.CreateHttpClient();

        await Create(Seed(http));

        ReceivedRequest[] requests = _server.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        Assert.True(requests[1].Since(requests[0]) >= TimeSpan.FromSeconds(0.9), "the retry came " + requests[1].Since(requests[0]) + " after the first request");
    }

    [Fact]
    public async Task A_429_twice_then_201_is_three_requests_and_the_created_instance()
    {
        _server.AnswerInTurn(Status(429), Status(429), Created());
        using HttpClient http = _server.CreateHttpClient();

        CreateStarRocksInstanceResponse response = await Create(Seed(http));

        Assert.Equal("590031445ef845bb912d7fc8243db80cin17", response.Instance!.Id);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(504)]
    [InlineData(408)]
    public async Task A_server_error_on_the_create_POST_is_sent_once_and_surfaces(int status)
    {
        _server.AnswerInTurn(Status(status), Created());
        using HttpClient http = _server.CreateHttpClient();

        ApiException ex = await Assert.ThrowsAnyAsync<ApiException>(() => Create(Seed(http)));

        Assert.Equal(status, ex.StatusCode);
        Assert.Equal("req-" + status, ex.RequestId);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task A_connection_closed_after_the_POST_was_read_is_not_sent_again()
    {
        _server.AnswerInTurn(new Reply(0, string.Empty) { Abort = true }, Created());
        using HttpClient http = _server.CreateHttpClient();

        await Assert.ThrowsAsync<HttpRequestException>(() => Create(Seed(http)));

        Assert.Single(_server.Requests);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    [InlineData(408)]
    [InlineData(429)]
    public async Task The_same_failures_on_a_GET_are_retried(int status)
    {
        _server.AnswerInTurn(Status(status), ThingOk());
        using HttpClient http = _server.CreateHttpClient();

        Thing thing = await Things(http).GetThingAsync("t1");

        Assert.Equal("t1", thing.Id);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task A_connection_closed_after_a_GET_was_read_is_retried()
    {
        _server.AnswerInTurn(new Reply(0, string.Empty) { Abort = true }, ThingOk());
        using HttpClient http = _server.CreateHttpClient();

        Thing thing = await Things(http).GetThingAsync("t1");

        Assert.Equal("t1", thing.Id);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task A_GET_that_keeps_failing_is_sent_max_retries_plus_one_times_and_the_last_error_surfaces()
    {
        _server.Answer(new Reply(500, "{\"code\":\"E500\",\"message\":\"down\"}", RequestId: "last"));
        using HttpClient http = _server.CreateHttpClient();

        var ex = await Assert.ThrowsAsync<ApiException<Error>>(() => Things(http, o => o.Retry = Fast(maxRetries: 2)).GetThingAsync("t1"));

        Assert.Equal(500, ex.StatusCode);
        Assert.Equal("E500", ex.ErrorCode);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task Max_retries_0_sends_once_even_on_a_503()
    {
        _server.AnswerInTurn(Status(503), Created());
        using HttpClient http = _server.CreateHttpClient();

        ApiException ex = await Assert.ThrowsAnyAsync<ApiException>(() => Create(Seed(http, o => o.Retry = RetryOptions.None)));

        Assert.Equal(503, ex.StatusCode);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task The_calls_retry_setting_overrides_the_clients()
    {
        _server.AnswerInTurn(Status(503), Created());
        using HttpClient http = _server.CreateHttpClient();

        await Assert.ThrowsAnyAsync<ApiException>(() => Create(Seed(http), new RequestOptions { Retry = RetryOptions.None }));
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task A_POST_that_carries_its_declared_Idempotency_Key_is_retried_after_a_500_and_sends_the_same_key()
    {
        _server.AnswerInTurn(Status(500), new Reply(201, "{\"id\":\"o1\"}"));
        using HttpClient http = _server.CreateHttpClient();

        Thing order = await Things(http).CreateOrderAsync(new Thing { Id = "o1" }, idempotencyKey: "key-123");

        Assert.Equal("o1", order.Id);
        Assert.Equal(new[] { "key-123", "key-123" }, _server.Requests.Select(r => r.Headers["Idempotency-Key"]));
    }

    [Fact]
    public async Task The_same_POST_without_its_Idempotency_Key_is_sent_once()
    {
        _server.AnswerInTurn(Status(500), new Reply(201, "{\"id\":\"o1\"}"));
        using HttpClient http = _server.CreateHttpClient();

        await Assert.ThrowsAnyAsync<ApiException>(() => Things(http).CreateOrderAsync(new Thing { Id = "o1" }));
        Assert.Single(_server.Requests);

        // A POST whose operation declares no key is not retried even when a caller adds a header of that name.
        _server.AnswerInTurn(Status(500), new Reply(201, "{\"id\":\"o1\"}"));
        var call = new RequestOptions();
        call.Headers["Idempotency-Key"] = "key-1";
        await Assert.ThrowsAnyAsync<ApiException>(() => Things(http).CreateThingAsync(new Thing { Id = "o1" }, call));
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task A_blank_Idempotency_Key_is_no_key_and_the_POST_is_sent_once()
    {
        _server.AnswerInTurn(Status(500), new Reply(201, "{\"id\":\"o1\"}"));
        using HttpClient http = _server.CreateHttpClient();

        await Assert.ThrowsAnyAsync<ApiException>(() => Things(http).CreateOrderAsync(new Thing { Id = "o1" }, idempotencyKey: "   "));

        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task A_refused_connection_is_retried_even_for_a_POST_because_nothing_was_sent()
    {
        var counter = new CountingHandler();
        using var http = new HttpClient(counter);
        (Uri refusing, Socket holder) = RefusingPort();
        using Socket held = holder;
        StarRocksClient client = new(http, new StarRocksClientOptions { BaseAddress = refusing, Token = Token, Retry = Fast(maxRetries: 2) });

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => Create(client));

        Assert.Equal(3, counter.Sent);
        Assert.DoesNotContain(Token, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_during_the_wait_before_a_retry_stops_the_loop()
    {
        _server.Answer(Status(503) with { Headers = new Dictionary<string, string> { ["Retry-After"] = "30" } });
        using HttpClient http = _server.CreateHttpClient();
        using var cancellation = new CancellationTokenSource();
        StarRocksClient client = Seed(http, o => o.Retry = new RetryOptions { MaxDelay = TimeSpan.FromMinutes(1) });

        Task call = client.CreateStarRocksInstanceAsync(SeedPage.ProjectId, SeedPage.InstanceId, CreateStarRocksInstanceRequest.FromJson(SeedPage.ExampleRequest), cancellationToken: cancellation.Token);
        await _server.RequestArrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task The_calls_timeout_ends_a_slow_call_with_a_timeout()
    {
        _server.Answer(new Reply(201, string.Empty) { Hang = true });
        using HttpClient http = _server.CreateHttpClient();

        var ex = await Assert.ThrowsAsync<TaskCanceledException>(() => Create(Seed(http), new RequestOptions { Timeout = TimeSpan.FromMilliseconds(300) }));

        Assert.IsType<TimeoutException>(ex.InnerException);
        Assert.Contains("CreateStarRocksInstance", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_timeout_covers_the_retries_and_their_waits()
    {
        _server.Answer(Status(503) with { Headers = new Dictionary<string, string> { ["Retry-After"] = "30" } });
        // However slow the machine, the first attempt reaches the server before the timeout can stop it (ReachesServerFirst),
        // so the server sees exactly one request whether the timeout ends the first attempt or the 30 s wait after it.
        using var handler = new ReachesServerFirst(_server);
        using HttpClient http = handler.Client(System.Threading.Timeout.InfiniteTimeSpan);
        StarRocksClient client = Seed(http, o =>
        {
            o.Retry = new RetryOptions { MaxDelay = TimeSpan.FromMinutes(1) };
            o.Timeout = TimeSpan.FromSeconds(2);
        });

        var ex = await Assert.ThrowsAsync<TaskCanceledException>(() => Create(client));

        Assert.IsType<TimeoutException>(ex.InnerException);
        Assert.Single(_server.Requests);
    }

    /// <summary>
    /// A port on 127.0.0.1 that refuses connections for as long as the returned socket lives: bound (so nothing else can
    /// take it) but not listening, which the kernel answers with a reset. A port picked, freed and then dialled could be
    /// taken in between by another test's server.
    /// </summary>
    private static (Uri Address, Socket Holder) RefusingPort()
    {
        var holder = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        holder.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        int port = ((IPEndPoint)holder.LocalEndPoint!).Port;
        return (new Uri("http://127.0.0.1:" + port.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/"), holder);
    }

    /// <summary>Counts the requests handed to the network (each attempt is one).</summary>
    private sealed class CountingHandler : DelegatingHandler
    {
        private int _sent;

        public CountingHandler()
            : base(new SocketsHttpHandler())
        {
        }

        public int Sent => _sent;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _sent);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
