using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Metrics31 = Uploads31.Sdk;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using OpenApiSdk.Signing;
using Uploads32.Sdk;
using Xunit;

namespace OpenApiSdk.ClientTests;

/// <summary>
/// Request bodies in sequential media types against Kestrel: the caller's items reach the server as they are produced,
/// framed exactly as JSON Lines, JSON text sequences (RFC 7464) and event streams frame them, each validated before it is
/// sent (an invalid one stops the upload, the request aborted); cancellation; a body whose items were asked for is never
/// sent again.
/// </summary>
public sealed class StreamingUploadWireTests : IAsyncLifetime
{
    /// <summary>
    /// How many bytes of items a producer makes, at most, while it waits for the server to have read the first one: more
    /// than loopback socket and Kestrel buffers hold, so a client that buffers the body makes the producer reach it, while a
    /// client that sends each item at once lets the server read the first long before. A bound on work, not on time.
    /// </summary>
    private const int PaddingBytes = 32 * 1024 * 1024;

    private static readonly LogEntry Padding = new() { Level = 0, Message = "padding" };

    private WebApplication _app = null!;
    private Uri _baseAddress = null!;
    private Func<HttpContext, Task> _handler = _ => Task.CompletedTask;
    private readonly ConcurrentQueue<(string Method, string ContentType, string? TransferEncoding, long? ContentLength)> _requests = new();

    public async Task InitializeAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Run(context =>
        {
            _requests.Enqueue((context.Request.Method, context.Request.ContentType ?? string.Empty, context.Request.Headers.TransferEncoding.FirstOrDefault(), context.Request.ContentLength));
            return _handler(context);
        });
        await _app.StartAsync();
        _baseAddress = new Uri(_app.Urls.First());
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private IngestClient Ingest(HttpClient http, IRequestSigner? signer = null) =>
        new(http, new IngestClientOptions { BaseAddress = _baseAddress, Retry = RetryWireTests.Fast(), Signer = signer });

    /// <summary>The request as <see cref="TestServer"/> records it, with the body the server read.</summary>
    private static ReceivedRequest Received(HttpContext context, string body) => new(
        context.Request.Method,
        context.Features.Get<IHttpRequestFeature>()!.RawTarget,
        context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
        Encoding.UTF8.GetBytes(body));

    /// <summary>The request body as the server read it, and whether it ended as a complete chunked body (false: the read failed).</summary>
    private static async Task<(string Body, bool Complete)> ReadBody(HttpContext context)
    {
        var body = new MemoryStream();
        try
        {
            await context.Request.Body.CopyToAsync(body);
            return (Encoding.UTF8.GetString(body.ToArray()), true);
        }
        catch (Exception ex) when (ex is IOException or BadHttpRequestException or OperationCanceledException)
        {
            return (Encoding.UTF8.GetString(body.ToArray()), false);
        }
    }

    /// <summary>Reads the request body line by line, completing <paramref name="firstLine"/> with the first line, then to its end.</summary>
    private static async Task<(string Body, bool Complete)> ReadLines(HttpContext context, TaskCompletionSource<string> firstLine)
    {
        var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var text = new StringBuilder();
        try
        {
            string? line;
            while ((line = await reader.ReadLineAsync()) is not null)
            {
                firstLine.TrySetResult(line);
                text.Append(line).Append('\n');
            }

            return (text.ToString(), true);
        }
        catch (Exception ex) when (ex is IOException or BadHttpRequestException or OperationCanceledException)
        {
            return (text.ToString(), false);
        }
    }

    /// <summary>
    /// <paramref name="first"/>, then <see cref="Padding"/> until <paramref name="until"/> has completed (at most
    /// <see cref="PaddingBytes"/> of them), then <paramref name="last"/>; <paramref name="beforeBound"/> says whether
    /// <paramref name="until"/> completed before the bound.
    /// </summary>
    private static async IAsyncEnumerable<LogEntry> FirstThenPadUntil(LogEntry first, Task until, LogEntry last, TaskCompletionSource<bool> beforeBound)
    {
        yield return first;
        for (long made = 0; made < PaddingBytes && !until.IsCompleted; made += 32)
        {
            yield return Padding;
        }

        beforeBound.SetResult(until.IsCompleted);
        await Task.Yield();
        yield return last;
    }

    private static async IAsyncEnumerable<T> Items<T>(params T[] items)
    {
        foreach (T item in items)
        {
            await Task.Yield();
            yield return item;
        }
    }

    [Fact]
    public async Task The_server_reads_the_first_item_while_the_client_is_still_producing()
    {
        var firstLine = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var received = new TaskCompletionSource<(string Body, bool Complete)>(TaskCreationOptions.RunContinuationsAsynchronously);
        _handler = async context =>
        {
            received.SetResult(await ReadLines(context, firstLine));
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"count\":3}");
        };
        using var http = new HttpClient();
        var beforeBound = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

        Imported imported = await Ingest(http).ImportLogsAsync(FirstThenPadUntil(new LogEntry { Level = 1, Message = "first" }, firstLine.Task, new LogEntry { Level = 2, Message = "last" }, beforeBound));

        Assert.True(await beforeBound.Task, "the server read the first item only after the client had produced " + PaddingBytes + " bytes more");
        Assert.Equal("{\"level\":1,\"message\":\"first\"}", await firstLine.Task);
        (string body, bool complete) = await received.Task;
        Assert.True(complete);
        Assert.EndsWith("{\"level\":2,\"message\":\"last\"}\n", body, StringComparison.Ordinal);
        Assert.Equal(3, imported.Count);
        (string method, string contentType, string? transferEncoding, long? contentLength) = Assert.Single(_requests);
        Assert.Equal(("POST", "application/jsonl", "chunked", (long?)null), (method, contentType, transferEncoding, contentLength));
    }

    [Fact]
    public async Task Each_item_is_flushed_to_the_connection_before_the_next_is_asked_for()
    {
        _handler = async context =>
        {
            await ReadBody(context);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"count\":2}");
        };
        var recording = new RecordingHandler();
        using var http = new HttpClient(recording);
        var flushedWhenAsked = new List<string>();
        async IAsyncEnumerable<LogEntry> Entries()
        {
            await Task.Yield();
            yield return new LogEntry { Level = 1, Message = "one" };
            flushedWhenAsked.Add(recording.Flushed);
            yield return new LogEntry { Level = 2, Message = "two" };
            flushedWhenAsked.Add(recording.Flushed);
        }

        await Ingest(http).ImportLogsAsync(Entries());

        Assert.Equal(new[]
        {
            "{\"level\":1,\"message\":\"one\"}\n",
            "{\"level\":1,\"message\":\"one\"}\n{\"level\":2,\"message\":\"two\"}\n",
        }, flushedWhenAsked);
    }

    [Fact]
    public async Task Each_format_frames_its_items_exactly_on_the_wire()
    {
        var bodies = new ConcurrentQueue<(string ContentType, string Body)>();
        _handler = async context =>
        {
            (string body, bool complete) = await ReadBody(context);
            Assert.True(complete);
            bodies.Enqueue((context.Request.ContentType ?? string.Empty, body));
            context.Response.StatusCode = 204;
        };
        using var http = new HttpClient();
        var metrics = new Metrics31.MetricsClient(http, new Metrics31.MetricsClientOptions { BaseAddress = _baseAddress });

        await Ingest(http).ReplaceLogSequenceAsync(Items(new LogEntry { Level = 1, Message = "a\nb" }, new LogEntry { Level = 2, Message = "\u00e9" }));
        await Ingest(http).PublishEventsAsync(Items(
            new ServerEvent { Event = "add", Id = "7", Retry = 5, Data = "two\r\nlines" },
            new ServerEvent { Data = string.Empty },
            new ServerEvent { Data = "{\"x\":1}\n" }));
        await metrics.PushMetricsAsync(Items(new Metrics31.Metric { Name = "cpu", Value = 0.5 }, new Metrics31.Metric { Name = "mem", Value = 2 }));
        await metrics.PushMetricEventsAsync(Items(new Metrics31.Metric { Name = "cpu", Value = 1 }));

        Assert.Equal(new[]
        {
            // RFC 7464: RS, the JSON text, LF (a line break inside a string is escaped by the JSON writer).
            ("application/json-seq", "\u001e{\"level\":1,\"message\":\"a\\nb\"}\n\u001e{\"level\":2,\"message\":\"\\u00E9\"}\n"),

            // WHATWG: one field per line, data last and split at each line end, a blank line ending each event.
            ("text/event-stream", "event: add\nid: 7\nretry: 5\ndata: two\ndata: lines\n\ndata: \n\ndata: {\"x\":1}\ndata: \n\n"),

            // A 3.1 schema under a sequential type is one item's: NDJSON lines, and each event's data one JSON item.
            ("application/x-ndjson", "{\"name\":\"cpu\",\"value\":0.5}\n{\"name\":\"mem\",\"value\":2}\n"),
            ("text/event-stream", "data: {\"name\":\"cpu\",\"value\":1}\n\n"),
        }, bodies.ToArray());
    }

    [Fact]
    public async Task An_invalid_item_stops_the_upload_with_its_index_in_the_pointer_and_aborts_the_request()
    {
        var received = new TaskCompletionSource<(string Body, bool Complete)>(TaskCreationOptions.RunContinuationsAsynchronously);
        _handler = async context => received.SetResult(await ReadBody(context));
        bool thirdAskedFor = false;
        async IAsyncEnumerable<LogEntry> Entries()
        {
            yield return new LogEntry { Level = 1, Message = "fine" };
            await Task.Yield();
            yield return new LogEntry { Level = 2, Message = "a message that is far too long" };
            thirdAskedFor = true;
            yield return new LogEntry { Level = 3, Message = "never sent" };
        }

        using var http = new HttpClient();
        Exception? thrown = await Record.ExceptionAsync(() => Ingest(http).ImportLogsAsync(Entries()));
        http.Dispose(); // a client that had ended the body cleanly has done so by now; a hang is impossible either way
        ValidationException ex = Assert.IsType<ValidationException>(thrown);

        Assert.Equal("/body/1/message", Assert.Single(ex.Errors).Pointer);
        Assert.False(thirdAskedFor);
        (string body, bool complete) = await received.Task;
        Assert.False(complete, "the server read a complete body: " + body);
        Assert.Equal("{\"level\":1,\"message\":\"fine\"}\n", body);
        Assert.Single(_requests);
    }

    [Fact]
    public async Task An_event_whose_name_has_a_line_break_cannot_be_framed_and_stops_the_upload()
    {
        var received = new TaskCompletionSource<(string Body, bool Complete)>(TaskCreationOptions.RunContinuationsAsynchronously);
        _handler = async context => received.SetResult(await ReadBody(context));
        using var http = new HttpClient();

        Exception? thrown = await Record.ExceptionAsync(() => Ingest(http).PublishEventsAsync(Items(
            new ServerEvent { Data = "ok" }, new ServerEvent { Event = "a\ndata: forged", Data = "x" })));
        http.Dispose();
        ValidationException ex = Assert.IsType<ValidationException>(thrown);

        Assert.Equal("/body/1/event", Assert.Single(ex.Errors).Pointer);
        Assert.Equal("data: ok\n\n", (await received.Task).Body);
    }

    [Fact]
    public async Task Cancelling_while_the_producer_waits_stops_the_upload()
    {
        var firstLine = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var received = new TaskCompletionSource<(string Body, bool Complete)>(TaskCreationOptions.RunContinuationsAsynchronously);
        _handler = async context => received.SetResult(await ReadLines(context, firstLine));
        var producerWaiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var producerCancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var beforeBound = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var cancel = new CancellationTokenSource();
        async IAsyncEnumerable<LogEntry> Entries([EnumeratorCancellation] CancellationToken token = default)
        {
            await foreach (LogEntry entry in FirstThenPadUntil(new LogEntry { Level = 1, Message = "first" }, firstLine.Task, Padding, beforeBound))
            {
                yield return entry;
            }

            // Waits for a next item that never comes, until the call is cancelled.
            using CancellationTokenRegistration registration = token.Register(() => producerCancelled.TrySetResult());
            producerWaiting.SetResult();
            await producerCancelled.Task;
            token.ThrowIfCancellationRequested();
        }

        using var http = new HttpClient();
        Task call = Ingest(http).ImportLogsAsync(Entries(), cancellationToken: cancel.Token);
        Assert.True(await beforeBound.Task, "the server read the first item only after the client had produced " + PaddingBytes + " bytes more");
        await producerWaiting.Task; // the items so far are sent: the cancellation finds the producer waiting
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        await producerCancelled.Task;
        (string _, bool complete) = await received.Task;
        Assert.False(complete);
        Assert.Single(_requests);
    }

    [Fact]
    public async Task A_signed_upload_is_marked_UNSIGNED_PAYLOAD_sent_item_by_item_and_verifies_on_the_server()
    {
        var received = new TaskCompletionSource<(ReceivedRequest Request, bool Complete)>(TaskCreationOptions.RunContinuationsAsynchronously);
        _handler = async context =>
        {
            (string body, bool complete) = await ReadBody(context);
            received.SetResult((Received(context, body), complete));
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"count\":3}");
        };
        var recording = new RecordingHandler();
        using var http = new HttpClient(recording);
        var flushedWhenAsked = new List<string>();
        async IAsyncEnumerable<LogEntry> Entries()
        {
            await Task.Yield();
            flushedWhenAsked.Add(recording.Flushed);
            yield return new LogEntry { Level = 1, Message = "one" };
            flushedWhenAsked.Add(recording.Flushed);
            yield return new LogEntry { Level = 2, Message = "two" };
            flushedWhenAsked.Add(recording.Flushed);
            yield return new LogEntry { Level = 3, Message = "three" };
        }

        Imported imported = await Ingest(http, SigningWireTests.Signer()).ImportLogsAsync(Entries());

        // Signing read nothing: each item was asked for once the one before it had left the client.
        Assert.Equal(new[]
        {
            string.Empty,
            "{\"level\":1,\"message\":\"one\"}\n",
            "{\"level\":1,\"message\":\"one\"}\n{\"level\":2,\"message\":\"two\"}\n",
        }, flushedWhenAsked);
        Assert.Equal(3, imported.Count);
        (ReceivedRequest request, bool complete) = await received.Task;
        Assert.True(complete);
        Assert.Equal("{\"level\":1,\"message\":\"one\"}\n{\"level\":2,\"message\":\"two\"}\n{\"level\":3,\"message\":\"three\"}\n", Encoding.UTF8.GetString(request.Body));
        Assert.Equal("UNSIGNED-PAYLOAD", request.Headers["X-Sdk-Content-Sha256"]);
        Assert.Equal("chunked", request.Headers["Transfer-Encoding"]);
        Assert.StartsWith("SDK-HMAC-SHA256 Access=" + SigningWireTests.AccessKey + ", SignedHeaders=accept;host;x-sdk-content-sha256;x-sdk-date, Signature=", request.Headers["Authorization"], StringComparison.Ordinal);
        AkSkVerification verification = SigningWireTests.Verify(request);
        Assert.True(verification.IsValid, verification.ToString());
        Assert.False(SigningWireTests.Verify(request with { Headers = request.Headers.Where(h => h.Key != "X-Sdk-Content-Sha256").ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase) }).IsValid);
    }

    [Fact]
    public async Task A_signed_upload_refused_before_any_item_was_asked_for_is_retried_and_its_items_asked_for_once()
    {
        var received = new ConcurrentQueue<ReceivedRequest>();
        _handler = async context =>
        {
            received.Enqueue(Received(context, (await ReadBody(context)).Body));
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"count\":2}");
        };
        using var http = new HttpClient(new RefusedOnce());
        int enumerations = 0;
        async IAsyncEnumerable<LogEntry> Entries()
        {
            enumerations++;
            await Task.Yield();
            yield return new LogEntry { Level = 1, Message = "one" };
            yield return new LogEntry { Level = 2, Message = "two" };
        }

        Imported imported = await Ingest(http, SigningWireTests.Signer()).ImportLogsAsync(Entries());

        Assert.Equal(2, imported.Count);
        Assert.Equal(1, enumerations);
        ReceivedRequest request = Assert.Single(received);
        Assert.Equal("{\"level\":1,\"message\":\"one\"}\n{\"level\":2,\"message\":\"two\"}\n", Encoding.UTF8.GetString(request.Body));
        Assert.True(SigningWireTests.Verify(request).IsValid, SigningWireTests.Verify(request).ToString());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_503_after_the_items_were_sent_is_not_sent_again(bool withSigner)
    {
        _handler = async context =>
        {
            await ReadBody(context);
            context.Response.StatusCode = 503;
        };
        using var http = new HttpClient();
        int enumerations = 0;
        async IAsyncEnumerable<LogEntry> Entries()
        {
            enumerations++;
            await Task.Yield();
            yield return new LogEntry { Level = 1, Message = "one" };
        }

        ApiException ex = await Assert.ThrowsAnyAsync<ApiException>(() => Ingest(http, withSigner ? SigningWireTests.Signer() : null).ImportLogsAsync(Entries()));

        Assert.Equal(503, ex.StatusCode);
        Assert.Equal(1, enumerations);
        Assert.Single(_requests);
    }

    [Fact]
    public async Task A_PUT_whose_connection_drops_after_its_items_were_asked_for_is_not_sent_again()
    {
        // A PUT is idempotent, so a lost connection would be retried; its items, asked for once, cannot be.
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _handler = async context =>
        {
            var firstLine = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            Task<(string Body, bool Complete)> reading = ReadLines(context, firstLine);
            await Task.WhenAny(firstLine.Task, reading);
            context.Abort();
            aborted.TrySetResult();
            await reading;
        };
        var counting = new CountingHandler();
        using var http = new HttpClient(counting);
        int enumerations = 0;
        async IAsyncEnumerable<LogEntry> Entries()
        {
            enumerations++;
            yield return new LogEntry { Level = 1, Message = "one" };
            await aborted.Task;
            yield return new LogEntry { Level = 2, Message = "two" };
        }

        Exception? thrown = await Record.ExceptionAsync(() => Ingest(http).ReplaceLogSequenceAsync(Entries()));

        Assert.True(thrown is HttpRequestException or IOException, thrown?.ToString());
        Assert.Equal(1, counting.Attempts);
        Assert.Equal(1, enumerations);
        Assert.Single(_requests);
    }

    [Fact]
    public async Task A_connection_refused_before_any_item_was_asked_for_is_retried()
    {
        var received = new ConcurrentQueue<string>();
        _handler = async context =>
        {
            received.Enqueue((await ReadBody(context)).Body);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"count\":1}");
        };
        using var http = new HttpClient(new RefusedOnce());

        Imported imported = await Ingest(http).ImportLogsAsync(Items(new LogEntry { Level = 1, Message = "one" }));

        Assert.Equal(1, imported.Count);
        Assert.Equal("{\"level\":1,\"message\":\"one\"}\n", Assert.Single(received));
    }

    [Fact]
    public async Task Both_ways_the_items_sent_and_the_items_answered_are_typed()
    {
        _handler = async context =>
        {
            (string body, bool _) = await ReadBody(context);
            context.Response.ContentType = "application/x-ndjson";
            await context.Response.WriteAsync(body);
        };
        using var http = new HttpClient();

        var echoed = new List<string>();
        await foreach (LogEntry entry in Ingest(http).EchoLogsStreamingAsync(Items(new LogEntry { Level = 1, Message = "one" }, new LogEntry { Level = 2, Message = "two" })))
        {
            echoed.Add(entry.Message);
        }

        Assert.Equal(new[] { "one", "two" }, echoed);
        Assert.Equal("application/x-ndjson", Assert.Single(_requests).ContentType);
    }

    /// <summary>
    /// Sends each request's content through a stream that records what was written up to the last flush (the bytes
    /// HttpClient was told to put on the connection), so a test sees what had left the client when.
    /// </summary>
    private sealed class RecordingHandler : DelegatingHandler
    {
        private readonly StringBuilder _written = new();
        private volatile string _flushed = string.Empty;

        public RecordingHandler()
            : base(new SocketsHttpHandler())
        {
        }

        public string Flushed => _flushed;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Content is { } content)
            {
                var recorded = new RecordedContent(content, this);
                foreach (KeyValuePair<string, IEnumerable<string>> header in content.Headers)
                {
                    recorded.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }

                request.Content = recorded;
            }

            return base.SendAsync(request, cancellationToken);
        }

        private sealed class RecordedContent(HttpContent inner, RecordingHandler owner) : HttpContent
        {
            protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => inner.CopyToAsync(new Recorder(stream, owner));

            protected override bool TryComputeLength(out long length)
            {
                length = -1;
                return false;
            }
        }

        private sealed class Recorder(Stream inner, RecordingHandler owner) : Stream
        {
            public override bool CanRead => false;

            public override bool CanSeek => false;

            public override bool CanWrite => true;

            public override long Length => throw new NotSupportedException();

            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

            public override void Flush() => FlushAsync(CancellationToken.None).GetAwaiter().GetResult();

            public override async Task FlushAsync(CancellationToken cancellationToken)
            {
                await inner.FlushAsync(cancellationToken);
                owner._flushed = owner._written.ToString();
            }

            public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count).GetAwaiter().GetResult();

            public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
            {
                owner._written.Append(Encoding.UTF8.GetString(buffer.Span));
                await inner.WriteAsync(buffer, cancellationToken);
            }

            public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
        }
    }

    /// <summary>Counts the attempts the pipeline makes, including those that would fail before reaching the server.</summary>
    private sealed class CountingHandler : DelegatingHandler
    {
        private int _attempts;

        public CountingHandler()
            : base(new SocketsHttpHandler())
        {
        }

        public int Attempts => Volatile.Read(ref _attempts);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _attempts);
            return base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>Fails the first attempt as a refused connection would, before the request's content is touched.</summary>
    private sealed class RefusedOnce : DelegatingHandler
    {
        private int _attempts;

        public RefusedOnce()
            : base(new SocketsHttpHandler())
        {
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _attempts) == 1
                ? Task.FromException<HttpResponseMessage>(new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused)))
                : base.SendAsync(request, cancellationToken);
    }
}
