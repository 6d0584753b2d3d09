using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Retries.Sdk;
using Xunit;

namespace OpenApiSdk.ClientTests;

/// <summary>
/// How long the client waits before a retry (PACKAGE-README.md, "Retries"), bounded on both sides: each wait the pipeline
/// asks for is recorded (ApiClientOptions.RetryWait) and returns at once, so the tests count waits instead of timing them
/// and cannot flake on a loaded machine; the server counts the requests.
/// </summary>
public sealed class RetryDelayWireTests : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private (RetriesClient Client, ConcurrentQueue<TimeSpan> Waits) Client(HttpClient http, RetryOptions retry)
    {
        var waits = new ConcurrentQueue<TimeSpan>();
        var options = new RetriesClientOptions { BaseAddress = _server.BaseAddress, Key = "api-key", Retry = retry };
        options.RetryWait = (delay, _) =>
        {
            waits.Enqueue(delay);
            return Task.CompletedTask;
        };
        return (new RetriesClient(http, options), waits);
    }

    private static Reply Unavailable(string retryAfter) => new(503, "{}") { Headers = new Dictionary<string, string> { ["Retry-After"] = retryAfter } };

    private static Reply ThingOk() => new(200, "{\"id\":\"t1\"}");

    [Fact]
    public async Task Retry_After_in_seconds_is_waited_exactly()
    {
        _server.AnswerInTurn(Unavailable("1"), Unavailable("7"), ThingOk());
        using HttpClient http = _server.CreateHttpClient();
        (RetriesClient client, ConcurrentQueue<TimeSpan> waits) = Client(http, new RetryOptions { BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMinutes(1) });

        Assert.Equal("t1", (await client.GetThingAsync("t1")).Id);

        Assert.Equal(new[] { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(7) }, waits);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task Retry_After_longer_than_MaxDelay_waits_MaxDelay()
    {
        _server.AnswerInTurn(Unavailable("3600"), ThingOk());
        using HttpClient http = _server.CreateHttpClient();
        (RetriesClient client, ConcurrentQueue<TimeSpan> waits) = Client(http, new RetryOptions { MaxDelay = TimeSpan.FromSeconds(20) });

        await client.GetThingAsync("t1");

        Assert.Equal(new[] { TimeSpan.FromSeconds(20) }, waits);
    }

    [Fact]
    public async Task Retry_After_as_an_HTTP_date_waits_until_that_date()
    {
        // Ten minutes ahead, whole seconds (an HTTP date has no fraction): the wait is at most 600 s, and more than 300 s
        // unless five minutes pass between this line and the answer; MaxDelay (1 h) would be far off.
        string date = DateTimeOffset.UtcNow.AddSeconds(600).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        _server.AnswerInTurn(Unavailable(date), ThingOk());
        using HttpClient http = _server.CreateHttpClient();
        (RetriesClient client, ConcurrentQueue<TimeSpan> waits) = Client(http, new RetryOptions { MaxDelay = TimeSpan.FromHours(1) });

        await client.GetThingAsync("t1");

        TimeSpan wait = Assert.Single(waits);
        Assert.InRange(wait, TimeSpan.FromSeconds(300), TimeSpan.FromSeconds(600));
    }

    [Fact]
    public async Task Without_Retry_After_the_wait_is_the_base_delay_doubled_per_retry()
    {
        _server.AnswerInTurn(new Reply(503, "{}"), new Reply(429, "{}"), new Reply(500, "{}"), ThingOk());
        using HttpClient http = _server.CreateHttpClient();
        (RetriesClient client, ConcurrentQueue<TimeSpan> waits) = Client(http, new RetryOptions { BaseDelay = TimeSpan.FromMilliseconds(100), Jitter = 0, MaxDelay = TimeSpan.FromMinutes(1) });

        await client.GetThingAsync("t1");

        Assert.Equal(new[] { 100.0, 200.0, 400.0 }, waits.Select(w => w.TotalMilliseconds));
        Assert.Equal(4, _server.Requests.Count);
    }

    [Fact]
    public async Task A_cancelled_wait_stops_the_retries()
    {
        _server.Answer(Unavailable("30"));
        using HttpClient http = _server.CreateHttpClient();
        using var cancellation = new CancellationTokenSource();
        var options = new RetriesClientOptions { BaseAddress = _server.BaseAddress, Key = "api-key" };
        options.RetryWait = async (delay, token) =>
        {
            Assert.Equal(TimeSpan.FromSeconds(30), delay);
            await cancellation.CancelAsync();
            token.ThrowIfCancellationRequested();
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new RetriesClient(http, options).GetThingAsync("t1", cancellationToken: cancellation.Token));

        Assert.Single(_server.Requests);
    }
}
