using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Events.Sdk;
using Events31.Sdk;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OpenApiSdk;
using OpenApiSdk.Tests.Harness;
using Xunit;

namespace OpenApiSdk.ClientTests;

/// <summary>
/// Typed event streams against Kestrel (Specs/events-32.yaml, events-31.yaml): an event's <c>data</c> declared as JSON
/// (<c>contentMediaType: application/json</c> with a <c>contentSchema</c>) is read typed as <c>DataPayload</c> as each event
/// arrives, a payload that is not JSON or breaks its schema is reported by <c>Validate()</c> under <c>/data</c> (never thrown),
/// and a <c>oneOf</c> of event objects each fixing <c>event</c> with <c>const</c> yields the kind the event name says, an
/// unknown name kept and reported.
/// </summary>
public sealed class TypedEventWireTests : IAsyncLifetime
{
    /// <summary>What the server writes, at most, while it waits for the test to have seen the first event (see StreamingWireTests.PaddingBytes).</summary>
    private const int PaddingBytes = 32 * 1024 * 1024;

    private WebApplication _app = null!;
    private Uri _baseAddress = null!;
    private Func<HttpContext, Task> _handler = _ => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Run(context => _handler(context));
        await _app.StartAsync();
        _baseAddress = new Uri(_app.Urls.First());
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private EventsClient Events(HttpClient http) => new(http, new EventsClientOptions { BaseAddress = _baseAddress });

    /// <summary>Answers with an event stream of <paramref name="text"/>.</summary>
    private void Serve(string text) => _handler = async context =>
    {
        context.Response.ContentType = "text/event-stream";
        await context.Response.WriteAsync(text, context.RequestAborted);
    };

    private static async Task<List<T>> All<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (T item in items)
        {
            list.Add(item);
        }

        return list;
    }

    [Fact]
    public async Task A_typed_payload_is_read_as_its_event_arrives()
    {
        var firstSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstSeenWhileHeld = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        _handler = async context =>
        {
            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync("event: progress\ndata: {\"percent\": 10,\ndata:  \"note\": \"h\\u00e9llo \u2713\"}\n\n", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);

            // Comments until the test has the first event (bounded by bytes): a client that buffers the body gets them all first.
            byte[] comment = Encoding.UTF8.GetBytes(": " + new string('p', 4093) + "\n");
            long written = 0;
            while (!firstSeen.Task.IsCompleted && written < PaddingBytes)
            {
                await context.Response.Body.WriteAsync(comment, context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                written += comment.Length;
            }

            firstSeenWhileHeld.SetResult(firstSeen.Task.IsCompleted);
            await context.Response.WriteAsync("data: {\"percent\": 100}\n\n", context.RequestAborted);
        };
        using var http = new HttpClient();

        await using IAsyncEnumerator<ProgressEvent> events = Events(http).WatchProgressStreamingAsync().GetAsyncEnumerator();
        Assert.True(await events.MoveNextAsync());
        ProgressEvent first = events.Current;
        firstSeen.SetResult();

        // data stays the text on the wire (its lines joined with \n); DataPayload is that JSON read as the contentSchema.
        Assert.Equal("{\"percent\": 10,\n \"note\": \"h\\u00e9llo \u2713\"}", first.Data);
        Assert.Equal(10, first.DataPayload!.Percent);
        Assert.Equal("h\u00e9llo \u2713", first.DataPayload.Note);
        Assert.Empty(first.Validate());
        Assert.True(await events.MoveNextAsync());
        Assert.True(await firstSeenWhileHeld.Task, "the first event was yielded only after the server had written " + PaddingBytes + " bytes more");
        Assert.Equal(100, events.Current.DataPayload!.Percent);
        Assert.False(await events.MoveNextAsync());

        // The payload is the one read from the text it came with: once Data is another text, it is not that text's.
        first.Data = "{\"percent\": 20}";
        Assert.Null(first.DataPayload);
    }

    [Fact]
    public async Task A_payload_that_is_not_JSON_or_breaks_its_schema_is_reported_under_data_and_the_stream_goes_on()
    {
        Serve("data: {\"percent\": 5\n\n" + "data: [DONE]\n\n" + "data: {\"percent\": 150, \"note\": \"far longer than twenty\"}\n\n" + "data: {\"note\": \"x\"}\n\n"
            + "data: \"fifty\"\n\n" + "data: {\"percent\": 1} 2\n\n" + "data: {\"percent\": 50}\n\n");
        using var http = new HttpClient();

        List<ProgressEvent> events = await All(Events(http).WatchProgressStreamingAsync());

        Assert.Equal(7, events.Count);
        Assert.Equal("{\"percent\": 5", events[0].Data);
        Assert.Null(events[0].DataPayload);
        Assert.Equal("/data: must be a JSON text (contentMediaType: application/json)", Assert.Single(events[0].Validate()).ToString());

        // Under 3.2 [DONE] is only a data that is not JSON: no end marker (that is the pre-3.2 convention's).
        Assert.Equal("/data: must be a JSON text (contentMediaType: application/json)", Assert.Single(events[1].Validate()).ToString());
        Assert.Equal(
            new[] { "/data/percent: must be less than or equal to 100", "/data/note: must be at most 20 characters long" },
            events[2].Validate().Select(e => e.ToString()));
        Assert.Equal("/data/percent: is required", Assert.Single(events[3].Validate()).ToString());
        Assert.Equal("/data: must be an object", Assert.Single(events[4].Validate()).ToString());
        Assert.Equal("/data: must be a JSON text (contentMediaType: application/json)", Assert.Single(events[5].Validate()).ToString());
        Assert.Empty(events[6].Validate());
        Assert.Equal(50, events[6].DataPayload!.Percent);
    }

    [Fact]
    public async Task A_scalar_payload_is_typed_and_checked_at_data()
    {
        Serve("data: 7\n\ndata: -1\n\ndata: seven\n\n");
        using var http = new HttpClient();

        List<WatchCountsEvent> counts = await All(Events(http).WatchCountsStreamingAsync());

        Assert.Equal(new long?[] { 7, -1, null }, counts.Select(c => c.DataPayload));
        Assert.Empty(counts[0].Validate());
        Assert.Equal("/data: must be greater than or equal to 0", Assert.Single(counts[1].Validate()).ToString());
        Assert.Equal("/data: must be a JSON text (contentMediaType: application/json)", Assert.Single(counts[2].Validate()).ToString());
    }

    [Fact]
    public async Task The_event_name_chooses_the_kind_each_with_its_typed_payload()
    {
        Serve("event: message_start\ndata: {\"id\": \"msg_1\", \"model\": \"m\"}\n\n"
            + "event: content_block_delta\ndata: {\"index\": 0, \"text\": \"Hel\"}\n\n"
            + ": keep-alive\n\n"
            + "event: content_block_delta\ndata: {\"index\": 0, \"text\": \"lo\"}\n\n"
            + "event: message_stop\ndata: {}\n\n");
        using var http = new HttpClient();

        List<MessageEvent> events = await All(Events(http).CreateMessageStreamingAsync());

        Assert.Equal(4, events.Count);
        Assert.Equal(("msg_1", "m"), (events[0].AsMessageStartEvent!.DataPayload!.Id, events[0].AsMessageStartEvent!.DataPayload!.Model));
        Assert.Equal("Hello", string.Concat(events.Select(e => e.AsContentDeltaEvent?.DataPayload?.Text)));
        Assert.True(events[3].IsMessageStopEvent);
        Assert.Equal("{}", events[3].AsMessageStopEvent!.Data);
        Assert.All(events, e => Assert.Empty(e.Validate()));
    }

    [Fact]
    public async Task An_unknown_event_name_is_kept_and_reported_and_a_kind_with_a_bad_payload_names_it()
    {
        Serve("event: ping\ndata: {}\n\n"
            + "data: no event name\n\n"
            + "event: content_block_delta\ndata: {\"index\": -1, \"text\": \"x\"}\n\n"
            + "event: content_block_delta\ndata: {\"index\": 0,\n\n"
            + "event: message_stop\ndata: done\n\n");
        using var http = new HttpClient();

        List<MessageEvent> events = await All(Events(http).CreateMessageStreamingAsync());

        Assert.Equal(5, events.Count);
        Assert.Null(events[0].Value);
        Assert.Equal("ping", events[0].UnmatchedJson!.Value.GetProperty("event").GetString());
        Assert.Equal(
            "/event: must be one of the discriminator values: message_start, content_block_delta, message_stop",
            Assert.Single(events[0].Validate()).ToString());
        Assert.Equal("/: must be an object with the discriminator property \"event\" (a string)", Assert.Single(events[1].Validate()).ToString());
        Assert.Equal("/data/index: must be greater than or equal to 0", Assert.Single(events[2].Validate()).ToString());
        Assert.Equal("{\"index\": 0,", events[3].AsContentDeltaEvent!.Data);
        Assert.Equal("/data: must be a JSON text (contentMediaType: application/json)", Assert.Single(events[3].Validate()).ToString());

        // message_stop's data declares no JSON: any text is valid.
        Assert.Empty(events[4].Validate());
    }

    [Fact]
    public async Task A_31_schema_that_is_the_event_object_is_read_as_the_event()
    {
        Serve("event: tick\nid: 1\ndata: {\"done\": 3}\n\ndata: {\"done\": -3}\n\n");
        using var http = new HttpClient();

        List<JobEvent> events = await All(new JobEventsClient(http, new JobEventsClientOptions { BaseAddress = _baseAddress }).WatchJobStreamingAsync("j1"));

        Assert.Equal(("tick", "1", 3L), (events[0].Event, events[0].Id, events[0].DataPayload!.Done));
        Assert.Empty(events[0].Validate());
        Assert.Equal("/data/done: must be greater than or equal to 0", Assert.Single(events[1].Validate()).ToString());
    }
}

/// <summary>
/// A model or a union of models filled straight from an event's fields (<c>StreamItems.Events(read, item)</c>, what the
/// generated client uses) is the item that reading the event as its 3.2 JSON object gives: the same values, the same kind,
/// the same validation errors at the same pointers, whether the event has a field the model does not declare, a name
/// that needs escaping in JSON, no name, an unknown name, data that is not JSON, or bytes that are not UTF-8.
/// </summary>
public sealed class TypedEventFillingTests
{
    internal static List<T> ReadStream<T>(OpenApiSdk.Runtime.StreamItems<T> items, byte[] stream, List<T>? into = null)
    {
        var response = new ApiStreamResponse<T>(
            "test", 200, new Dictionary<string, IReadOnlyList<string>>(), null, new HttpResponseMessage(), new HttpRequestMessage(),
            new System.IO.MemoryStream(stream, writable: false), items, OpenApiSdk.Runtime.StreamItems.DefaultMaxItemBytes, _ => { });
        List<T> read = into ?? [];
        read.Clear();
        IAsyncEnumerator<T> enumerator = response.GetAsyncEnumerator();
        while (enumerator.MoveNextAsync().AsTask().GetAwaiter().GetResult())
        {
            read.Add(enumerator.Current);
        }

        enumerator.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return read;
    }

    private static readonly byte[] Stream = Encoding.UTF8.GetBytes(
        "event: content_block_delta\ndata: {\"index\": 0, \"text\": \"Hel\"}\n\n"
        + "event: content_block_delta\nid: 7\nretry: 1500\ndata: {\"index\": -1, \"text\": \"lo\"}\n\n"
        + "event: message_start\ndata: {\"id\": \"msg_1\"}\n\n"
        + "event: message_stop\ndata: line one\ndata: line \"two\" \\ \u00e9\n\n"
        + "event: content_block_delta\ndata: {\"index\": 0,\n\n"
        + "event: content_block_delta\ndata: \n\n"
        + "event: ping\ndata: {}\n\n"
        + "data: no event name\n\n"
        + "event: progress \"quoted\" \\ \u0001\nid: a\\b\"c\ndata: {\"percent\": 150, \"note\": \"\u2713\"}\n\n"
        + "event: progress\nretry: 20\ndata: 7\n\n");

    private static byte[] NotUtf8()
    {
        var bytes = new List<byte>(Encoding.UTF8.GetBytes("event: content_block_delta\ndata: {\"index\": 0, \"text\": \""));
        bytes.AddRange(new byte[] { 0xC3, 0x28 });
        bytes.AddRange(Encoding.UTF8.GetBytes("\"}\n\nevent: message_st\u00e9p"));
        bytes.Add(0xFF);
        bytes.AddRange(Encoding.UTF8.GetBytes("\ndata: x\n\n"));
        return bytes.ToArray();
    }

    private static void AssertSame<T>(List<T> fromObject, List<T> fromFields)
        where T : OpenApiModel
    {
        Assert.Equal(fromObject.Count, fromFields.Count);
        for (int i = 0; i < fromObject.Count; i++)
        {
            Assert.Equal(fromObject[i].ToString(), fromFields[i].ToString());
            Assert.Equal(fromObject[i], fromFields[i]);
            Assert.Equal(fromObject[i].Validate().Select(e => e.ToString()), fromFields[i].Validate().Select(e => e.ToString()));
        }
    }

    [Fact]
    public void A_union_of_event_kinds_filled_from_the_fields_is_what_the_event_object_gives()
    {
        foreach (byte[] stream in new[] { Stream, NotUtf8() })
        {
            List<MessageEvent> fromObject = ReadStream(OpenApiSdk.Runtime.StreamItems.Events<MessageEvent>(MessageEvent.ReadJson), stream);
            List<MessageEvent> fromFields = ReadStream(OpenApiSdk.Runtime.StreamItems.Events(MessageEvent.ReadJson, MessageEvent.__Shape.Item), stream);
            AssertSame(fromObject, fromFields);
            Assert.Equal(fromObject.Select(e => e.Value?.GetType()), fromFields.Select(e => e.Value?.GetType()));
            Assert.Equal(fromObject.Select(e => e.UnmatchedJson?.GetRawText()), fromFields.Select(e => e.UnmatchedJson?.GetRawText()));
        }

        List<MessageEvent> events = ReadStream(OpenApiSdk.Runtime.StreamItems.Events(MessageEvent.ReadJson, MessageEvent.__Shape.Item), Stream);
        Assert.Equal("Hel", events[0].AsContentDeltaEvent!.DataPayload!.Text);
        Assert.Equal("/data/index: must be greater than or equal to 0", Assert.Single(events[1].Validate()).ToString());
        Assert.Equal("line one\nline \"two\" \\ \u00e9", events[3].AsMessageStopEvent!.Data);
    }

    [Fact]
    public void A_model_with_every_event_field_filled_from_the_fields_is_what_the_event_object_gives()
    {
        foreach (byte[] stream in new[] { Stream, NotUtf8() })
        {
            List<ProgressEvent> fromObject = ReadStream(OpenApiSdk.Runtime.StreamItems.Events<ProgressEvent>(ProgressEvent.ReadJson), stream);
            List<ProgressEvent> fromFields = ReadStream(OpenApiSdk.Runtime.StreamItems.Events(ProgressEvent.ReadJson, OpenApiSdk.Runtime.Json.Model<ProgressEvent>()), stream);
            AssertSame(fromObject, fromFields);
            Assert.Equal(fromObject.Select(e => (e.Event, e.Id, e.Retry, e.Data)), fromFields.Select(e => (e.Event, e.Id, e.Retry, e.Data)));
        }

        List<ProgressEvent> events = ReadStream(OpenApiSdk.Runtime.StreamItems.Events(ProgressEvent.ReadJson, OpenApiSdk.Runtime.Json.Model<ProgressEvent>()), Stream);
        Assert.Equal(("content_block_delta", "7", 1500L), (events[1].Event, events[1].Id, events[1].Retry));
        ProgressEvent escaped = events[8];
        Assert.Equal(("progress \"quoted\" \\ \u0001", "a\\b\"c", (long?)null), (escaped.Event, escaped.Id, escaped.Retry));
        Assert.Equal(new[] { "/data/percent: must be less than or equal to 100" }, escaped.Validate().Select(e => e.ToString()));
        Assert.Equal(("7", 20L), (events[9].Data, events[9].Retry));
    }

    [Fact]
    public void The_fields_of_events_that_repeat_some_of_them_are_each_events_own()
    {
        // Each event's own name, id and retry, however they change from one event to the next (and the id stays once set).
        byte[] stream = Encoding.UTF8.GetBytes(
            "event: ab\ndata: 1\n\n" + "event: abc\ndata: 2\n\n" + "event: ab\ndata: 3\n\n" + "event: ab\nid: 1\ndata: 4\n\n"
            + "event: ab\ndata: 5\n\n" + "event: ab\nid: 12\ndata: 6\n\n" + "event: ab\nid: 1\nretry: 5\ndata: 7\n\n" + "event: ab\ndata: 8\n\n"
            + "event: a\"b\ndata: 9\n\n" + "event: ab\ndata: 10\n\n" + "data: 11\n\n" + "event: ab\ndata: 12\n\n");
        List<ProgressEvent> fromObject = ReadStream(OpenApiSdk.Runtime.StreamItems.Events<ProgressEvent>(ProgressEvent.ReadJson), stream);
        List<ProgressEvent> fromFields = ReadStream(OpenApiSdk.Runtime.StreamItems.Events(ProgressEvent.ReadJson, OpenApiSdk.Runtime.Json.Model<ProgressEvent>()), stream);

        // An id stays the last event id once set (WHATWG); retry is each event's own.
        var expected = new (string?, string?, long?)[]
        {
            ("ab", null, null), ("abc", null, null), ("ab", null, null), ("ab", "1", null), ("ab", "1", null), ("ab", "12", null),
            ("ab", "1", 5), ("ab", "1", null), ("a\"b", "1", null), ("ab", "1", null), (null, "1", null), ("ab", "1", null),
        };
        Assert.Equal(expected, fromFields.Select(e => (e.Event, e.Id, e.Retry)));
        AssertSame(fromObject, fromFields);
    }

    [Fact]
    public void An_events_data_is_decoded_when_first_asked_for_and_its_payload_belongs_to_that_text()
    {
        byte[] stream = Encoding.UTF8.GetBytes("event: content_block_delta\ndata: {\"index\": 0, \"text\": \"h\u00e9\"}\n\n");
        ContentDeltaEvent fromObject = Assert.Single(ReadStream(OpenApiSdk.Runtime.StreamItems.Events<ContentDeltaEvent>(ContentDeltaEvent.ReadJson), stream));
        ContentDeltaEvent read = Assert.Single(ReadStream(OpenApiSdk.Runtime.StreamItems.Events(ContentDeltaEvent.ReadJson, OpenApiSdk.Runtime.Json.Model<ContentDeltaEvent>()), stream));

        // The payload needs no text; the text is made on the first get (a string), then the same string every time.
        Assert.Equal("h\u00e9", read.DataPayload!.Text);
        long before = GC.GetAllocatedBytesForCurrentThread();
        string data = read.Data;
        long firstGet = GC.GetAllocatedBytesForCurrentThread() - before;
        before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Same(data, read.Data);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.InRange(firstGet, 2 * data.Length, 4 * data.Length + 64);
        Assert.Equal("{\"index\": 0, \"text\": \"h\u00e9\"}", data);

        // JSON, text, equality and validation see that text, as reading the event object gives it.
        Assert.Equal(fromObject.ToJson(), read.ToJson());
        Assert.Equal(fromObject.ToString(), read.ToString());
        Assert.Equal(fromObject, read);
        Assert.Equal(fromObject.GetHashCode(), read.GetHashCode());
        Assert.Empty(read.Validate());

        // The payload is that text's: setting Data to the string it gave keeps it; any other string, an equal one too, does not.
        read.Data = data;
        Assert.Equal(0, read.DataPayload!.Index);
        read.Data = new string(data.ToCharArray());
        Assert.Null(read.DataPayload);
        Assert.Equal(data, read.Data);
    }
}

/// <summary>What reading a typed payload costs in allocations: the payload model itself, and nothing for getting it out of the string.</summary>
public sealed class TypedEventAllocationTests
{
    private static long Allocated(Action read) => AllocatedBytes.PerCall(read, warmUps: 100, runs: 1000);

    [Fact]
    public void Reading_the_payload_allocates_only_what_reading_it_alone_does()
    {
        const string payload = "{\"percent\":42,\"note\":\"half way \\u2713\"}";
        byte[] typedEvent = Encoding.UTF8.GetBytes("{\"data\":" + JsonQuoted(payload) + ",\"event\":\"progress\",\"id\":\"7\"}");
        byte[] payloadAlone = Encoding.UTF8.GetBytes(payload);

        // The same event read by a model without contentSchema (Streams.Sdk's ServerEvent: data, event, id, retry).
        long plainEvent = Allocated(() => Streams.Sdk.ServerEvent.FromJson(typedEvent));
        long payloadModel = Allocated(() => Progress.FromJson(payloadAlone));
        long withPayload = Allocated(() => ProgressEvent.FromJson(typedEvent));

        // Beyond both, only ProgressEvent's fields for the payload: the payload, the text it was read from, and the slot of
        // Data's decoded text (ContentText, which holds an event's data as UTF-8 until it is asked for): 3 references.
        Assert.InRange(withPayload - plainEvent - payloadModel, 0, 3 * IntPtr.Size);
    }

    [Fact]
    public void Reading_an_event_stream_allocates_the_event_its_data_bytes_and_payload_and_not_the_repeated_name()
    {
        const string payload = "{\"index\":1,\"text\":\"token \\\"12\\\"\"}";
        byte[] payloadBytes = Encoding.UTF8.GetBytes(payload);
        var stream = new StringBuilder();
        for (int i = 0; i < 1000; i++)
        {
            stream.Append("event: content_block_delta\ndata: ").Append(payload).Append("\n\n");
        }

        byte[] streamBytes = Encoding.UTF8.GetBytes(stream.ToString());
        var items = OpenApiSdk.Runtime.StreamItems.Events<ContentDeltaEvent>(ContentDeltaEvent.ReadJson, OpenApiSdk.Runtime.Json.Model<ContentDeltaEvent>());
        var read = new List<ContentDeltaEvent>(1000);
        void ReadStream()
        {
            read.Clear();
            var response = new ApiStreamResponse<ContentDeltaEvent>(
                "test", 200, new Dictionary<string, IReadOnlyList<string>>(), null, new HttpResponseMessage(), new HttpRequestMessage(),
                new System.IO.MemoryStream(streamBytes, writable: false), items, OpenApiSdk.Runtime.StreamItems.DefaultMaxItemBytes, _ => { });
            IAsyncEnumerator<ContentDeltaEvent> items1000 = response.GetAsyncEnumerator();
            while (items1000.MoveNextAsync().AsTask().GetAwaiter().GetResult())
            {
                read.Add(items1000.Current);
            }

            items1000.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        long perItem = Allocated(ReadStream) / 1000;
        long payloadModel = Allocated(() => ContentDelta.FromJson(payloadBytes));
        long dataBytes = Allocated(() => _ = payloadBytes.ToArray());
        long eventModel = Allocated(() => _ = new ContentDeltaEvent());

        // The name is one string while it repeats; the data is kept as a copy of its UTF-8 bytes (no string until Data is
        // asked for: decoding it in the reader would be 24 B more here) and its JSON read where it lies.
        Assert.InRange(perItem - payloadModel - dataBytes - eventModel, 0, 16);
        Assert.Equal(1000, read.Count);
        Assert.All(read, e => Assert.Equal(("token \"12\"", payload), (e.DataPayload!.Text, e.Data)));
        Assert.All(read, e => Assert.Empty(e.Validate()));
        Assert.All(read, e => Assert.Same(read[0].Event, e.Event));
    }

    [Fact]
    public void Reading_event_kinds_allocates_the_item_model_alone_whichever_kinds_alternate()
    {
        // Two kinds taking turns (OpenAPI 3.2 itemSchema: a oneOf of event objects chosen by the event name's const).
        byte[] streamBytes = TwoEventKinds.Stream(500);

        // What the generated client reads the stream with (CreateMessageStreamingAsync's StreamItems).
        var items = OpenApiSdk.Runtime.StreamItems.Events(MessageEvent.ReadJson, MessageEvent.__Shape.Item);
        var read = new List<MessageEvent>(1000);
        long perPair = Allocated(() => TypedEventFillingTests.ReadStream(items, streamBytes, read)) / 500;

        // The item model: the union holding the kind, the kind's event model, its Data (as UTF-8) and its typed payload.
        TwoEventKinds.PairModel model = TwoEventKinds.ItemModel(Allocated);

        Assert.Equal(1000, read.Count);
        Assert.All(read, e => Assert.Empty(e.Validate()));
        Assert.Equal(("msg_1", "token"), (read[0].AsMessageStartEvent!.DataPayload!.Id, read[1].AsContentDeltaEvent!.DataPayload!.Text));

        // Each kind's event name is its const, not a string per item; beyond the models only the stream's own buffers and
        // state (ApiStreamResponse, its pooled arrays: rented anew when a collection has trimmed the pool), shared by its
        // 1,000 items: within 24 B an item, as for one kind (a name string per change of kind is about 100 B an item more).
        Assert.Same(read[0].AsMessageStartEvent!.Event, read[998].AsMessageStartEvent!.Event);
        Assert.Same(read[1].AsContentDeltaEvent!.Event, read[999].AsContentDeltaEvent!.Event);
        Assert.InRange(perPair - model.Total, 0, 2 * 24);
    }

    private static string JsonQuoted(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
