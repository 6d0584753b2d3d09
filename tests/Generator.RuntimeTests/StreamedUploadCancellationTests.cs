using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Versioning;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OpenApiSdk.Runtime;
using Xunit;

namespace OpenApiSdk.RuntimeTests;

/// <summary>
/// A streamed request body (<see cref="RequestItems"/>) sent through <see cref="ClientPipeline"/> to Kestrel, as a generated
/// operation sends it, and stopped by the caller's token or by the call's timeout while the producer waits for its next
/// item: the producer's token is cancelled (no item is asked for after it), the call ends in the cancellation, and the
/// server sees the request aborted (a chunked body that never ends). These run twice: in Generator.RuntimeTests against the
/// runtime's net8.0 build, and in Generator.RuntimeTests.NetStandard against its netstandard2.0 build, whose HttpContent
/// gets no cancellation token from the transport.
/// </summary>
public sealed class StreamedUploadCancellationTests : IAsyncLifetime
{
    private WebApplication _app = null!;
    private Uri _baseAddress = null!;
    private Received _received = new();

    public async Task InitializeAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Run(async context =>
        {
            Received received = _received;
            var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            try
            {
                while (await reader.ReadLineAsync() is { } line)
                {
                    received.FirstLine.TrySetResult(line);
                }

                received.BodyComplete.TrySetResult(true);
            }
            catch (Exception ex) when (ex is IOException or BadHttpRequestException or OperationCanceledException)
            {
                received.BodyComplete.TrySetResult(false);
            }
        });
        await _app.StartAsync();
        _baseAddress = new Uri(_app.Urls.First());
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public void The_runtime_under_test_is_the_build_this_project_names()
    {
        string? framework = typeof(RequestItems).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName;
#if RUNTIME_NETSTANDARD
        Assert.Equal(".NETStandard,Version=v2.0", framework);
#else
        Assert.Equal(".NETCoreApp,Version=v8.0", framework);
#endif
    }

    [Fact]
    public async Task Cancelling_the_call_while_the_producer_waits_cancels_the_producer_and_aborts_the_request()
    {
        using var cancel = new CancellationTokenSource();
        var upload = new Upload();
        using var http = new HttpClient();

        Task call = Send(http, new Options(), upload.Items(), cancel.Token);
        Assert.Equal("1", await _received.FirstLine.Task); // the first item left the client
        await upload.Waiting; // and the producer was asked for the next one
        cancel.Cancel();

        await upload.Stopped(_received);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    [Fact]
    public async Task The_calls_timeout_while_the_producer_waits_cancels_the_producer_and_aborts_the_request()
    {
        using var http = new HttpClient();

        // The timeout is what is tested, not a bound on the test. It must come after the producer was asked for its second
        // item: when it comes sooner (a slow machine), the attempt says nothing and the next one doubles it.
        for (int attempt = 0; attempt < 6; attempt++)
        {
            _received = new Received();
            var upload = new Upload();
            Task call = Send(http, new Options { Timeout = TimeSpan.FromMilliseconds(250 << attempt) }, upload.Items(), CancellationToken.None);
            if (await Task.WhenAny(upload.Waiting, call) == upload.Waiting)
            {
                await upload.Stopped(_received);
                TaskCanceledException ex = await Assert.ThrowsAsync<TaskCanceledException>(() => call);
                Assert.IsType<TimeoutException>(ex.InnerException);
                return;
            }

            await Assert.ThrowsAsync<TaskCanceledException>(() => call);
        }

        Assert.Fail("the call's timeout came before the first item was sent in every attempt");
    }

    private Task<ApiResponse<object?>> Send(HttpClient http, Options options, IAsyncEnumerable<int> items, CancellationToken cancellationToken)
    {
        var pipeline = new ClientPipeline(http, options, "RuntimeTests.UploadClient", "X-Request-Id", null, null, null);
        var request = new ClientRequest("importNumbers", HttpMethod.Post, "/numbers", _baseAddress.GetLeftPart(UriPartial.Authority), "application/json");
        request.Path("/numbers");
        request.Body = RequestItems.JsonLines(items, (writer, item) => writer.WriteNumberValue(item), null, "application/jsonl", "importNumbers", cancellationToken);
        return pipeline.SendAsync(request, ResponseMap.NoBody(), null, cancellationToken);
    }

    private sealed class Options : ApiClientOptions
    {
    }

    /// <summary>What the server saw of one request: its first line, and whether the body ended as a complete chunked body.</summary>
    private sealed class Received
    {
        public TaskCompletionSource<string> FirstLine { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource<bool> BodyComplete { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>
    /// Items that give 1, then wait for their token to be cancelled or for the test to let them go on, and record which it
    /// was: a producer that honours its token stops there; one whose token nobody cancels would give 2.
    /// </summary>
    private sealed class Upload
    {
        private readonly TaskCompletionSource _waiting = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _goOn = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource<bool> _cancelledWhenResumed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Completed when the producer has been asked for its second item.</summary>
        public Task Waiting => _waiting.Task;

        public async IAsyncEnumerable<int> Items([EnumeratorCancellation] CancellationToken token = default)
        {
            yield return 1;
            _waiting.SetResult();
            using (token.Register(() => _goOn.TrySetResult()))
            {
                await _goOn.Task;
            }

            _cancelledWhenResumed.SetResult(token.IsCancellationRequested);
            token.ThrowIfCancellationRequested();
            yield return 2;
        }

        /// <summary>
        /// Asserts that the server saw the request aborted, then that the producer's token was cancelled (letting it go on
        /// first, so a build that does not cancel it fails here rather than leave the call waiting for its next item).
        /// </summary>
        public async Task Stopped(Received received)
        {
            Assert.False(await received.BodyComplete.Task, "the server read a complete body: the request was not aborted");
            _goOn.TrySetResult();
            Assert.True(await _cancelledWhenResumed.Task, "the producer's token was not cancelled: it was asked for its next item");
        }
    }
}
