using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace OpenApiSdk.ClientTests;

/// <summary>
/// Sends requests to <see cref="TestServer"/> and lets a cancellation (the HttpClient's Timeout, a call's timeout) stop
/// an attempt only once the server has received it. A timeout test then does not depend on how fast a loaded machine
/// gets a request out: however short the timeout, the server sees each attempt exactly once, so the test counts requests.
/// </summary>
internal sealed class ReachesServerFirst : DelegatingHandler
{
    private readonly TestServer _server;
    private int _sent;

    public ReachesServerFirst(TestServer server)
        : base(new SocketsHttpHandler())
    {
        _server = server;
    }

    /// <summary>The attempts handed to the network.</summary>
    public int Sent => _sent;

    /// <summary>An HttpClient over this handler (one connection pool for all of them), with the server's base address.</summary>
    public HttpClient Client(TimeSpan timeout) => new(this, disposeHandler: false) { BaseAddress = _server.BaseAddress, Timeout = timeout };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        int number = Interlocked.Increment(ref _sent);
        using var attempt = new CancellationTokenSource();
        using CancellationTokenRegistration registration = cancellationToken.Register(() => _ = CancelOnceReceivedAsync(number, attempt));
        return await base.SendAsync(request, attempt.Token);
    }

    private async Task CancelOnceReceivedAsync(int number, CancellationTokenSource attempt)
    {
        // Polled, not timed: the wait ends when the request is there (the bound only turns a lost request into a failure, not a hang).
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (_server.Requests.Count < number && !guard.IsCancellationRequested)
        {
            await Task.Delay(5, CancellationToken.None);
        }

        try
        {
            attempt.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The attempt ended first (it was answered).
        }
    }
}
