using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.ServerSentEvents;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Events.Sdk;
using OpenApiSdk.Runtime;
using OpenApiSdk.Tests.Harness;

namespace OpenApiSdk.Benchmarks;

/// <summary>
/// Reading an OpenAPI 3.2 event stream of 1,000 typed events (Anthropic-style: <c>event: content_block_delta</c>, its data
/// the JSON of <c>ContentDelta</c>, tests/Generator.Tests/Specs/events-32.yaml) from memory: the SDK's path (the event
/// object, the <c>MessageEvent</c> union chosen by the event name's const, the payload read from <c>data</c>) against
/// System.Net.ServerSentEvents' SseParser, which hands the event type and the data to a callback that deserializes the
/// data with System.Text.Json's source-generated metadata into a hand-written class chosen by the event type.
/// </summary>
[MemoryDiagnoser]
public class TypedEventBenchmarks
{
    public const int Events = 1000;

    private byte[] _stream = Array.Empty<byte>();
    private EventsClient _client = null!;

    [GlobalSetup]
    public void Setup()
    {
        var text = new StringBuilder();
        for (int i = 0; i < Events; i++)
        {
            text.Append("event: content_block_delta\ndata: {\"index\":").Append(i % 3).Append(",\"text\":\"token number ").Append(i % 100).Append("\"}\n\n");
        }

        _stream = Encoding.UTF8.GetBytes(text.ToString());

        // The generated client over a handler that answers from memory: what a user's await foreach costs, one request included.
        _client = new EventsClient(new HttpClient(new EventStreamHandler(() => _stream)), new EventsClientOptions { BaseAddress = new Uri("http://localhost") });
        if (SdkAsync().GetAwaiter().GetResult() != SseParserAsync().GetAwaiter().GetResult())
        {
            throw new InvalidOperationException("the two readers read different items");
        }
    }

    [Benchmark(Description = "SDK typed events")]
    public async Task<long> SdkAsync()
    {
        long sum = 0;
        await foreach (MessageEvent item in _client.CreateMessageStreamingAsync().ConfigureAwait(false))
        {
            ContentDelta delta = item.AsContentDeltaEvent!.DataPayload!;
            sum += delta.Index + delta.Text.Length;
        }

        return sum;
    }

    /// <summary>The same events read as the one kind (ContentDeltaEvent, no union), from memory without a request: what the union adds.</summary>
    [Benchmark(Description = "SDK one kind (no union)")]
    public Task<long> ModelOnlyAsync() => ReadOneKindAsync(StreamItems.Events<ContentDeltaEvent>(ContentDeltaEvent.ReadJson, Json.Model<ContentDeltaEvent>()));

    /// <summary>The one kind read from the event written as its 3.2 JSON object (the path an item that cannot be filled from the fields takes).</summary>
    [Benchmark(Description = "SDK one kind, event object")]
    public Task<long> ModelFromObjectAsync() => ReadOneKindAsync(StreamItems.Events<ContentDeltaEvent>(ContentDeltaEvent.ReadJson));

    private async Task<long> ReadOneKindAsync(StreamItems<ContentDeltaEvent> items)
    {
        long sum = 0;
        var response = new ApiStreamResponse<ContentDeltaEvent>("bench", 200, new Dictionary<string, IReadOnlyList<string>>(), null, new HttpResponseMessage(), new HttpRequestMessage(), new MemoryStream(_stream, writable: false), items, StreamItems.DefaultMaxItemBytes, _ => { });
        await using (((IAsyncDisposable)response).ConfigureAwait(false))
        {
            await foreach (ContentDeltaEvent item in response.ConfigureAwait(false))
            {
                ContentDelta delta = item.DataPayload!;
                sum += delta.Index + delta.Text.Length;
            }
        }

        return sum;
    }

    [Benchmark(Baseline = true, Description = "SseParser + STJ source gen by event type")]
    public async Task<long> SseParserAsync()
    {
        long sum = 0;
        SseParser<ContentDeltaPoco?> parser = SseParser.Create(new MemoryStream(_stream, writable: false), static (type, data) => type switch
        {
            "content_block_delta" => JsonSerializer.Deserialize(data, TypedEventPocoContext.Default.ContentDeltaPoco),
            _ => null,
        });
        await foreach (SseItem<ContentDeltaPoco?> item in parser.EnumerateAsync().ConfigureAwait(false))
        {
            sum += item.Data!.Index + item.Data.Text!.Length;
        }

        return sum;
    }
}

/// <summary>A hand-written class of the ContentDelta schema, for System.Text.Json's source generator.</summary>
public sealed class ContentDeltaPoco
{
    [JsonPropertyName("index")]
    public long Index { get; set; }

    [JsonPropertyName("text")]
    public string? Text { get; set; }
}

[JsonSerializable(typeof(ContentDeltaPoco))]
public sealed partial class TypedEventPocoContext : JsonSerializerContext
{
}
