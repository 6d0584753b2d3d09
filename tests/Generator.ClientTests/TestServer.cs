using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace OpenApiSdk.ClientTests;

/// <summary>One request as Kestrel received it: the raw request target, headers, body bytes and when it arrived (Stopwatch ticks).</summary>
public sealed record ReceivedRequest(string Method, string RawTarget, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public long ArrivedAt { get; init; } = System.Diagnostics.Stopwatch.GetTimestamp();

    /// <summary>The time from <paramref name="earlier"/>'s arrival to this one's.</summary>
    public TimeSpan Since(ReceivedRequest earlier) => TimeSpan.FromSeconds((ArrivedAt - earlier.ArrivedAt) / (double)System.Diagnostics.Stopwatch.Frequency);
}

/// <summary>What the server answers: status, body, content type and extra headers.</summary>
public sealed record Reply(int Status, string Body, string? ContentType = "application/json;charset=UTF-8", string? RequestId = null)
{
    /// <summary>Wait until the client gives up (cancellation or timeout); the answer never comes.</summary>
    public bool Hang { get; init; }

    /// <summary>Close the connection without answering, after the request was read.</summary>
    public bool Abort { get; init; }

    /// <summary>Extra response headers (Retry-After).</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }
}

/// <summary>A real HTTP server on 127.0.0.1 (a free port) that records every request and answers with <see cref="Reply"/>.</summary>
public sealed class TestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();
    private Func<ReceivedRequest, Reply> _reply = _ => new Reply(404, string.Empty);

    private TestServer(WebApplication app)
    {
        _app = app;
    }

    /// <summary>Completed when a request has arrived (for the cancellation tests).</summary>
    public TaskCompletionSource RequestArrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyList<ReceivedRequest> Requests => _requests.ToArray();

    public static async Task<TestServer> StartAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        WebApplication app = builder.Build();
        var server = new TestServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseAddress = new Uri(app.Urls.First());
        return server;
    }

    public void Answer(Func<ReceivedRequest, Reply> reply) => _reply = reply;

    public void Answer(Reply reply) => _reply = _ => reply;

    /// <summary>Answers the requests in turn with <paramref name="replies"/>, the last one for every request after them.</summary>
    public void AnswerInTurn(params Reply[] replies)
    {
        int next = -1;
        _reply = _ => replies[Math.Min(Interlocked.Increment(ref next), replies.Length - 1)];
    }

    public HttpClient CreateHttpClient() => new() { BaseAddress = BaseAddress };

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        string rawTarget = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var request = new ReceivedRequest(context.Request.Method, rawTarget, headers, body.ToArray());
        _requests.Enqueue(request);
        RequestArrived.TrySetResult();

        Reply reply = _reply(request);
        if (reply.Hang)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
            }

            return;
        }

        if (reply.Abort)
        {
            context.Abort();
            return;
        }

        context.Response.StatusCode = reply.Status;
        foreach (KeyValuePair<string, string> header in reply.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[header.Key] = header.Value;
        }

        if (reply.RequestId is not null)
        {
            context.Response.Headers["X-Request-Id"] = reply.RequestId;
        }

        if (reply.ContentType is not null)
        {
            context.Response.ContentType = reply.ContentType;
        }

        await context.Response.WriteAsync(reply.Body, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
