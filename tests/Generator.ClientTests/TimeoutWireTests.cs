using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Retries.Sdk;
using Xunit;

namespace OpenApiSdk.ClientTests;

/// <summary>
/// The "HttpClient's timeout" row of PACKAGE-README.md's retry table, both ways, counted in requests the server saw: a
/// create (POST without its Idempotency-Key) is never sent again after the HttpClient's own Timeout (the server may be
/// creating it); a GET, and a POST that carries its declared Idempotency-Key, are.
/// </summary>
public sealed class TimeoutWireTests : IAsyncLifetime
{
    private static readonly TimeSpan HttpTimeout = TimeSpan.FromMilliseconds(200);

    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static Reply Held() => new(201, string.Empty) { Hang = true };

    /// <summary>
    /// A client whose HttpClient times out after 200 ms, over a connection already open: a GET answered through another
    /// HttpClient (no timeout) over the same handler, so the warm-up cannot time out itself.
    /// </summary>
    private async Task<(RetriesClient Client, IDisposable Http)> WarmClientAsync()
    {
        var handler = new ReachesServerFirst(_server);
        using (HttpClient warm = handler.Client(System.Threading.Timeout.InfiniteTimeSpan))
        {
            _server.Answer(new Reply(200, "{\"id\":\"warm\"}"));
            Assert.Equal("warm", (await Client(warm).GetThingAsync("warm")).Id);
        }

        return (Client(handler.Client(HttpTimeout)), handler);
    }

    private RetriesClient Client(HttpClient http) =>
        new(http, new RetriesClientOptions { BaseAddress = _server.BaseAddress, Key = "api-key", Retry = RetryWireTests.Fast() });

    [Fact]
    public async Task A_create_held_past_the_HttpClient_timeout_is_sent_once_and_the_timeout_surfaces()
    {
        (RetriesClient client, IDisposable http) = await WarmClientAsync();
        using (http)
        {
            _server.Answer(Held());

            var ex = await Assert.ThrowsAsync<TaskCanceledException>(() => client.CreateThingAsync(new Thing { Id = "t1" }));

            Assert.IsType<TimeoutException>(ex.InnerException);
            Assert.Equal(new[] { "GET", "POST" }, _server.Requests.Select(r => r.Method));
        }
    }

    [Fact]
    public async Task A_GET_held_past_the_HttpClient_timeout_is_sent_again()
    {
        (RetriesClient client, IDisposable http) = await WarmClientAsync();
        using (http)
        {
            _server.AnswerInTurn(Held(), new Reply(200, "{\"id\":\"t1\"}"));

            Thing thing = await client.GetThingAsync("t1");

            // Sent again after the held one: at least twice (a loaded machine can hold the second answer past the 200 ms too).
            Assert.Equal("t1", thing.Id);
            string[] targets = _server.Requests.Skip(1).Select(r => r.RawTarget).ToArray();
            Assert.True(targets.Length >= 2, "sent " + targets.Length + " time(s)");
            Assert.All(targets, target => Assert.Equal("/things/t1", target));
        }
    }

    [Fact]
    public async Task A_POST_with_its_Idempotency_Key_held_past_the_HttpClient_timeout_is_sent_again_with_the_same_key()
    {
        (RetriesClient client, IDisposable http) = await WarmClientAsync();
        using (http)
        {
            _server.AnswerInTurn(Held(), new Reply(201, "{\"id\":\"o1\"}"));

            Thing order = await client.CreateOrderAsync(new Thing { Id = "o1" }, idempotencyKey: "key-7");

            Assert.Equal("o1", order.Id);
            string[] keys = _server.Requests.Skip(1).Select(r => r.Headers["Idempotency-Key"]).ToArray();
            Assert.True(keys.Length >= 2, "sent " + keys.Length + " time(s)");
            Assert.All(keys, key => Assert.Equal("key-7", key));
        }
    }

    [Fact]
    public async Task A_GET_held_past_every_attempt_is_sent_max_retries_plus_one_times_then_the_timeout_surfaces()
    {
        (RetriesClient client, IDisposable http) = await WarmClientAsync();
        using (http)
        {
            _server.Answer(Held());

            var ex = await Assert.ThrowsAsync<TaskCanceledException>(() => client.GetThingAsync("t1"));

            Assert.IsType<TimeoutException>(ex.InnerException);
            Assert.Equal(1 + 4, _server.Requests.Count); // the warm-up, then 1 + MaxRetries (3)
        }
    }
}
