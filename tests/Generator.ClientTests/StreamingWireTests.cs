using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Chat.Sdk;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Streams.Sdk;
using Xunit;

namespace OpenApiSdk.ClientTests;

/// <summary>
/// Typed streaming against Kestrel: items arrive while the server is still sending (the server waits for a signal the
/// test gives only after the first item), leaving the enumeration closes the connection at once, the WHATWG event-stream
/// rules, the [DONE] marker of the pre-3.2 convention, JSON Lines, NDJSON and JSON text sequences, retries only before the
/// stream, and a connection lost in the middle.
/// </summary>
public sealed class StreamingWireTests : IAsyncLifetime
{
    /// <summary>
    /// What a server writes, at most, while it waits for the test to have seen an item (or for the client to close): more
    /// than loopback socket and Kestrel buffers can hold, so a client that reads on (buffering the body, or draining it)
    /// lets the server write it all, while a client that stops reading blocks the server well short of it. A bound on
    /// bytes, not on time: a test under load is slower, never wrong.
    /// </summary>
    private const int PaddingBytes = 32 * 1024 * 1024;

    private WebApplication _app = null!;
    private Uri _baseAddress = null!;
    private Func<HttpContext, Task> _handler = _ => Task.CompletedTask;
    private readonly ConcurrentQueue<(string Method, string Path, string Accept)> _requests = new();

    public async Task InitializeAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Run(context =>
        {
            _requests.Enqueue((context.Request.Method, context.Request.Path.Value ?? string.Empty, context.Request.Headers.Accept.ToString()));
            return _handler(context);
        });
        await _app.StartAsync();
        _baseAddress = new Uri(_app.Urls.First());
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private StreamsClient Streams(HttpClient http) => new(http, new StreamsClientOptions { BaseAddress = _baseAddress, Retry = RetryWireTests.Fast() });

    private ChatClient Chat(HttpClient http) => new(http, new ChatClientOptions { BaseAddress = _baseAddress, Retry = RetryWireTests.Fast() });

    private static async Task Send(HttpContext context, string text)
    {
        await context.Response.WriteAsync(text, context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }

    /// <summary>
    /// Writes <paramref name="line"/> (which the stream's format ignores: a comment, whitespace) until <paramref name="until"/>
    /// has completed or <see cref="PaddingBytes"/> are written; true when <paramref name="until"/> completed first.
    /// </summary>
    private static async Task<bool> PadUntil(HttpContext context, Task until, string line, int maxBytes = PaddingBytes)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(line);
        for (long written = 0; written < maxBytes; written += bytes.Length)
        {
            if (until.IsCompleted)
            {
                return true;
            }

            await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
        }

        return until.IsCompleted;
    }

    /// <summary>
    /// Writes <paramref name="line"/> until the server sees the connection close, at most <see cref="PaddingBytes"/>; the
    /// bytes written. Kestrel lets writes after an abort succeed without sending anything, so the loop asks
    /// <see cref="HttpContext.RequestAborted"/> before each one: the count is what was written before the close was seen.
    /// </summary>
    /// <summary>
    /// Lets the server write on (<paramref name="resume"/>) until the connection closes, and asserts the client read little
    /// of it after it <paramref name="what"/>: a client that drained the body has read nearly all of it by the time the
    /// server is done (the sockets buffer a few MB at most); one that closed the connection reads nothing more.
    /// </summary>
    private static async Task AssertClosed(string what, ReceivedBytes received, TaskCompletionSource resume, Task written)
    {
        long before = received.Count;
        resume.SetResult();
        await written;

        long after = received.Count - before;
        Assert.True(after < PaddingBytes / 2, "the client read " + after + " bytes after it " + what + ": the connection was drained, not closed");
    }

    private static async Task<long> WriteUntilClosed(HttpContext context, string line)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(line);
        long written = 0;
        try
        {
            while (written < PaddingBytes && !context.RequestAborted.IsCancellationRequested)
            {
                await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                written += bytes.Length;
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
        }

        return written;
    }

    private static Task Start(HttpContext context, string contentType)
    {
        context.Response.ContentType = contentType;
        return context.Response.StartAsync(context.RequestAborted);
    }

    [Fact]
    public async Task The_first_event_is_yielded_while_the_server_still_holds_the_rest()
    {
        var firstSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstSeenWhileHeld = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        _handler = async context =>
        {
            await Start(context, "text/event-stream");
            await Send(context, "data: first\n\n");

            // Comments until the test has the first event: a client that buffers the body gets them all, then the end.
            firstSeenWhileHeld.SetResult(await PadUntil(context, firstSeen.Task, ": " + new string('p', 4093) + "\n"));
            await Send(context, "data: second\n\n");
        };
        using var http = new HttpClient();

        await using IAsyncEnumerator<ServerEvent> items = Streams(http).WatchEventsStreamingAsync("news").GetAsyncEnumerator();
        Assert.True(await items.MoveNextAsync());
        Assert.Equal("first", items.Current.Data);
        firstSeen.SetResult();
        Assert.True(await items.MoveNextAsync());
        Assert.True(await firstSeenWhileHeld.Task, "the first event was yielded only after the server had written " + PaddingBytes + " bytes more");
        Assert.Equal("second", items.Current.Data);
        Assert.False(await items.MoveNextAsync());
        Assert.Equal("text/event-stream", _requests.Single().Accept);
    }

    [Fact]
    public async Task Leaving_after_three_items_closes_the_connection_at_once()
    {
        var left = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writtenAfterLeaving = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        _handler = async context =>
        {
            await Start(context, "application/jsonl");
            for (int i = 0; i < 5; i++)
            {
                await Send(context, "{\"level\":" + i + ",\"message\":\"m" + i + "\"}\n");
            }

            // Nothing until the client has left, then the rest: a client that drains the body (to reuse the connection)
            // reads it all, one that closed the connection makes the server see the close well short of it.
            await left.Task;
            writtenAfterLeaving.SetResult(await WriteUntilClosed(context, new string(' ', 4095) + "\n"));
        };
        var received = new ReceivedBytes();
        using var http = new HttpClient(received.DrainingForever());

        var levels = new List<long>();
        await foreach (LogEntry entry in Streams(http).TailLogsStreamingAsync())
        {
            levels.Add(entry.Level);
            if (levels.Count == 3)
            {
                break;
            }
        }

        await AssertClosed("left", received, left, writtenAfterLeaving.Task);
        Assert.Equal(new long[] { 0, 1, 2 }, levels);
    }

    [Fact]
    public async Task Events_follow_the_WHATWG_rules_split_data_comments_unknown_fields_retry_id_and_line_ends()
    {
        _handler = async context =>
        {
            await Start(context, "text/event-stream");
            await Send(context, "\uFEFF: a comment\r\nevent: addString\r\ndata: This data is formatted\r\ndata: across two lines\r\nretry: 5\r\n\r\n");
            await Send(context, "event: addInt64\rdata: 1234.5678\runknownField: this is ignored\rid: 7\r\r");
            await Send(context, "data\ndata:no space\nretry: 5x\n\n");
            await Send(context, "event: no data, so no event\n\n");
            await Send(context, "data: {\"foo\": 42}\nid\n\n");
            await Send(context, "data: dropped: the stream ends before the blank line\n");
        };
        using var http = new HttpClient();

        var events = new List<ServerEvent>();
        await foreach (ServerEvent item in Streams(http).WatchEventsStreamingAsync("news"))
        {
            events.Add(item);
        }

        Assert.Equal(4, events.Count);
        Assert.Equal(("addString", "This data is formatted\nacross two lines", (long?)5, (string?)null), (events[0].Event, events[0].Data, events[0].Retry, events[0].Id));
        Assert.Equal(("addInt64", "1234.5678", (long?)null, "7"), (events[1].Event, events[1].Data, events[1].Retry, events[1].Id));
        Assert.Equal((null, "\nno space", (long?)null, "7"), (events[2].Event, events[2].Data, events[2].Retry, events[2].Id));
        Assert.Equal(("{\"foo\": 42}", (string?)null), (events[3].Data, events[3].Id));
        Assert.All(events, e => Assert.Empty(e.Validate()));
        Assert.All(events, e => Assert.True(e.AdditionalProperties is null or { Count: 0 }));
    }

    [Fact]
    public async Task The_pre_3_2_convention_reads_each_events_data_as_the_schema_and_DONE_ends_the_stream()
    {
        _handler = async context =>
        {
            await Start(context, "text/event-stream");
            await Send(context, "data: {\"index\":0,\"delta\":\"Hel\"}\n\n: keep-alive\n\ndata: {\"index\":1,\n");
            await Send(context, "data: \"delta\":\"lo\"}\n\nevent: usage\ndata: {\"index\":2,\"delta\":\"\"}\n\n");
            await Send(context, "data: [DONE]\n\n");

            // The stream is over for the client; what follows would be an item (or a failure) if [DONE] did not end it.
            await Send(context, "data: {\"index\":3,\"delta\":\"!\"}\n\n");
        };
        using var http = new HttpClient();

        List<ChatChunk> chunks = await ToList(Chat(http).CreateChatCompletionStreamingAsync(new ChatRequest { Prompt = "Hello", Stream = true }));

        Assert.Equal("Hello", string.Concat(chunks.Select(c => c.Delta)));
        Assert.Equal(new long[] { 0, 1, 2 }, chunks.Select(c => c.Index));
        Assert.Equal(("POST", "text/event-stream"), (_requests.Single().Method, _requests.Single().Accept));
    }

    [Fact]
    public async Task The_JSON_media_type_of_the_same_response_keeps_its_plain_method()
    {
        _handler = async context =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"text\":\"Hello\"}");
        };
        using var http = new HttpClient();

        ChatCompletion completion = await Chat(http).CreateChatCompletionAsync(new ChatRequest { Prompt = "Hello" });

        Assert.Equal("Hello", completion.Text);
        Assert.Equal("application/json", _requests.Single().Accept);
    }

    [Fact]
    public async Task JSON_Lines_with_CRLF_blank_lines_and_no_final_newline_each_item_validated()
    {
        _handler = async context =>
        {
            await Start(context, "application/jsonl");
            await Send(context, "{\"level\":1,\"message\":\"Hi!\"}\r\n\r\n{\"level\":2,");
            await Send(context, "\"message\":\"a message that is far too long\"}\n{\"level\":3,\"message\":\"Bye!\"}");
        };
        using var http = new HttpClient();

        List<LogEntry> entries = await ToList(Streams(http).TailLogsStreamingAsync());

        Assert.Equal(new long[] { 1, 2, 3 }, entries.Select(e => e.Level));
        Assert.Empty(entries[0].Validate());
        Assert.Equal("/message", Assert.Single(entries[1].Validate()).Pointer);
        Assert.Equal("application/jsonl", _requests.Single().Accept);
    }

    [Fact]
    public async Task JSON_text_sequences_yield_each_text_once_complete_even_over_several_lines()
    {
        var firstSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstSeenWhileHeld = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        _handler = async context =>
        {
            await Start(context, "application/json-seq");
            await Send(context, "\u001e{\n  \"level\": 1,\n  \"message\": \"Hi!\"\n}\n");
            firstSeenWhileHeld.SetResult(await PadUntil(context, firstSeen.Task, new string(' ', 4095) + "\n"));
            await Send(context, "\u001e\u001e{\"level\": 2, \"message\": \"Bye!\"}\n");
        };
        using var http = new HttpClient();

        await using IAsyncEnumerator<LogEntry> items = Streams(http).TailLogSequenceStreamingAsync().GetAsyncEnumerator();
        Assert.True(await items.MoveNextAsync());
        Assert.Equal("Hi!", items.Current.Message);
        firstSeen.SetResult();
        Assert.True(await items.MoveNextAsync());
        Assert.True(await firstSeenWhileHeld.Task, "the first text was yielded only after the server had written " + PaddingBytes + " bytes more");
        Assert.Equal("Bye!", items.Current.Message);
        Assert.False(await items.MoveNextAsync());
    }

    [Fact]
    public async Task A_503_before_the_stream_is_retried_and_the_status_and_headers_are_given()
    {
        int calls = 0;
        _handler = async context =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                context.Response.StatusCode = 503;
                return;
            }

            context.Response.Headers["X-Request-Id"] = "req-2";
            await Start(context, "application/x-ndjson");
            await Send(context, "{\"level\":1,\"message\":\"after\"}\n");
        };
        using var http = new HttpClient();

        await using ApiStreamResponse<LogEntry> response = await Streams(http).AppendLogsStreamingWithResponseAsync(new LogEntry { Level = 0, Message = "m" });
        List<LogEntry> entries = await ToList(response);

        Assert.Equal((200, "req-2"), (response.StatusCode, response.RequestId));
        Assert.Equal("application/x-ndjson", response.Header("Content-Type"));
        Assert.Equal("after", Assert.Single(entries).Message);
        Assert.Equal(2, _requests.Count);
    }

    [Fact]
    public async Task A_connection_lost_in_the_middle_surfaces_after_the_items_read_and_the_POST_is_not_sent_again()
    {
        var twoRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _handler = async context =>
        {
            await Start(context, "application/x-ndjson");
            await Send(context, "{\"level\":1,\"message\":\"one\"}\n{\"level\":2,\"message\":\"two\"}\n{\"level\":3,");
            await twoRead.Task.WaitAsync(context.RequestAborted); // an abort with unread bytes in flight could discard them
            context.Abort();
        };
        using var http = new HttpClient();

        var entries = new List<LogEntry>();
        Exception ex = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await foreach (LogEntry entry in Streams(http).AppendLogsStreamingAsync(new LogEntry { Level = 0, Message = "m" }))
            {
                entries.Add(entry);
                if (entries.Count == 2)
                {
                    twoRead.SetResult();
                }
            }
        });

        Assert.True(ex is IOException or HttpRequestException, ex.ToString());
        Assert.Equal(new[] { "one", "two" }, entries.Select(e => e.Message));
        Assert.Single(_requests);
    }

    [Fact]
    public async Task An_error_status_is_the_declared_error_and_validation_runs_before_sending()
    {
        _handler = async context =>
        {
            context.Response.StatusCode = 404;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"title\":\"no such topic\"}");
        };
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<ApiException<Problem>>(() => ToList(Streams(http).WatchEventsStreamingAsync("none")));
        Assert.Equal((404, "no such topic"), (error.StatusCode, error.Error.Title));

        await Assert.ThrowsAsync<ValidationException>(() => ToList(Streams(http).WatchEventsStreamingAsync(string.Empty)));
        Assert.Single(_requests);
    }

    [Fact]
    public async Task Cancelling_within_an_item_stops_the_enumeration_and_closes_the_connection()
    {
        var halfSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writtenAfterCancelling = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        _handler = async context =>
        {
            await Start(context, "text/event-stream");
            await Send(context, "data: one\n\ndata: half of two\n");
            halfSent.SetResult();

            // Comments (the event stays unfinished) once the client has cancelled, until the server sees the close.
            await cancelled.Task;
            writtenAfterCancelling.SetResult(await WriteUntilClosed(context, ": " + new string('p', 4093) + "\n"));
        };
        var received = new ReceivedBytes();
        using var http = new HttpClient(received.DrainingForever());
        using var cancel = new CancellationTokenSource();

        await using IAsyncEnumerator<ServerEvent> items = Streams(http).WatchEventsStreamingAsync("news", cancellationToken: cancel.Token).GetAsyncEnumerator();
        Assert.True(await items.MoveNextAsync());
        Assert.Equal("one", items.Current.Data);
        await halfSent.Task;
        ValueTask<bool> next = items.MoveNextAsync(); // waits for the rest of "two", which never comes
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await next);
        await AssertClosed("cancelled", received, cancelled, writtenAfterCancelling.Task);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Cancelling_between_items_by_the_call_s_token_or_the_enumeration_s_stops_before_the_next_and_closes_the_connection(bool byEnumeration)
    {
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writtenAfterCancelling = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        _handler = async context =>
        {
            await Start(context, "application/jsonl");
            await Send(context, "{\"level\":1,\"message\":\"one\"}\n{\"level\":2,\"message\":\"two\"}\n");
            await cancelled.Task;
            writtenAfterCancelling.SetResult(await WriteUntilClosed(context, new string(' ', 4095) + "\n"));
        };
        var received = new ReceivedBytes();
        using var http = new HttpClient(received.DrainingForever());
        using var cancel = new CancellationTokenSource();

        // The call's token (the method's parameter) or the enumeration's (what WithCancellation passes): each one cancels.
        await using IAsyncEnumerator<LogEntry> items = byEnumeration
            ? Streams(http).TailLogsStreamingAsync().GetAsyncEnumerator(cancel.Token)
            : Streams(http).TailLogsStreamingAsync(cancellationToken: cancel.Token).GetAsyncEnumerator();
        Assert.True(await items.MoveNextAsync());
        Assert.Equal(1, items.Current.Level);
        cancel.Cancel();

        // The second item may be whole in the buffer already: a cancelled enumeration does not yield it.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await items.MoveNextAsync());
        await AssertClosed("cancelled", received, cancelled, writtenAfterCancelling.Task);
    }

    [Fact]
    public async Task Disposing_while_an_item_is_being_read_is_refused_as_an_async_iterator_refuses_it()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _handler = async context =>
        {
            await Start(context, "application/jsonl");
            await Send(context, "{\"level\":1,\"message\":\"one\"}\n");
            await release.Task;
        };
        using var http = new HttpClient();
        using var cancel = new CancellationTokenSource();

        IAsyncEnumerator<LogEntry> items = Streams(http).TailLogsStreamingAsync(cancellationToken: cancel.Token).GetAsyncEnumerator();
        Assert.True(await items.MoveNextAsync());
        ValueTask<bool> next = items.MoveNextAsync(); // waits for a line that does not come

        // The read in progress fills the stream's pooled buffer: disposing now would hand it back while it is written.
        await Assert.ThrowsAsync<NotSupportedException>(async () => await items.DisposeAsync());
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await next);
        await items.DisposeAsync();
        release.SetResult();
    }

    [Fact]
    public async Task A_line_that_never_ends_throws_past_MaxStreamItemBytes_after_the_items_before_it()
    {
        _handler = async context =>
        {
            await Start(context, "application/jsonl");
            await Send(context, "{\"level\":1,\"message\":\"a\"}\n{\"level\":2,\"message\":\"b\"}\n{\"level\":3,\"message\":\"");
            await WriteUntilClosed(context, new string('x', 1024)); // no line end, at most PaddingBytes
        };
        using var http = new HttpClient();
        var client = new StreamsClient(http, new StreamsClientOptions { BaseAddress = _baseAddress, Retry = RetryWireTests.Fast(), MaxStreamItemBytes = 64 * 1024 });

        var levels = new List<long>();
        ApiException failure = await Assert.ThrowsAsync<ApiException>(async () =>
        {
            await foreach (LogEntry entry in client.TailLogsStreamingAsync())
            {
                levels.Add(entry.Level);
            }
        });

        Assert.Equal(new long[] { 1, 2 }, levels);
        Assert.Contains("item 3 of the application/jsonl stream is too long", failure.Message, StringComparison.Ordinal);
        Assert.Single(_requests);
    }

    [Fact]
    public async Task One_activity_covers_the_call_until_the_stream_is_left()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == typeof(StreamsClient).FullName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        _handler = async context =>
        {
            await Start(context, "application/jsonl");
            await Send(context, "{\"level\":1,\"message\":\"one\"}\n{\"level\":2,\"message\":\"two\"}\n");
        };
        using var http = new HttpClient();

        await using (IAsyncEnumerator<LogEntry> items = Streams(http).TailLogsStreamingAsync().GetAsyncEnumerator())
        {
            Assert.True(await items.MoveNextAsync());
            Assert.DoesNotContain(stopped, a => a.OperationName == "tailLogs");
        }

        Activity activity = Assert.Single(stopped, a => a.OperationName == "tailLogs");
        Assert.Equal(200, activity.GetTagItem("http.response.status_code"));
    }

    private static async Task<List<T>> ToList<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (T item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
