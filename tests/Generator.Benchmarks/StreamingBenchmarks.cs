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
using OpenApiSdk.Runtime;
using Streams.Sdk;

namespace OpenApiSdk.Benchmarks;

/// <summary>
/// Reading a server-sent event stream of 1,000 JSON log entries (the 3.1 convention: each event's data one item) from
/// memory: the SDK's streaming path (ApiStreamResponse over the runtime's parser, the generated LogEntry reader) against
/// System.Net.ServerSentEvents' SseParser with System.Text.Json's source-generated deserialization of the same items into
/// a hand-written class. Both include the async enumeration; allocations per item are the run's divided by 1,000.
/// </summary>
[MemoryDiagnoser]
public class StreamingBenchmarks
{
    public const int Events = 1000;

    private byte[] _stream = Array.Empty<byte>();
    private StreamItems<LogEntry> _items = null!;

    [GlobalSetup]
    public void Setup()
    {
        var text = new StringBuilder();
        for (int i = 0; i < Events; i++)
        {
            text.Append("event: log\nid: ").Append(i).Append("\ndata: {\"timestamp\":\"2025-09-19T12:00:00Z\",\"level\":").Append(i % 5)
                .Append(",\"message\":\"entry number ").Append(i % 100).Append("\"}\n\n");
        }

        _stream = Encoding.UTF8.GetBytes(text.ToString());
        _items = StreamItems.EventData<LogEntry>(LogEntry.ReadJson);
        if (SdkAsync().GetAwaiter().GetResult() != SseParserAsync().GetAwaiter().GetResult())
        {
            throw new InvalidOperationException("the two readers read different items");
        }
    }

    [Benchmark(Description = "SDK stream")]
    public async Task<long> SdkAsync()
    {
        long sum = 0;
        var response = new ApiStreamResponse<LogEntry>("bench", 200, new Dictionary<string, IReadOnlyList<string>>(), null, new HttpResponseMessage(), new HttpRequestMessage(), new MemoryStream(_stream, writable: false), _items, StreamItems.DefaultMaxItemBytes, _ => { });
        await using (((IAsyncDisposable)response).ConfigureAwait(false))
        {
            await foreach (LogEntry entry in response.ConfigureAwait(false))
            {
                sum += entry.Level + entry.Message.Length;
            }
        }

        return sum;
    }

    [Benchmark(Baseline = true, Description = "SseParser + STJ source gen")]
    public async Task<long> SseParserAsync()
    {
        long sum = 0;
        SseParser<LogEntryPoco?> parser = SseParser.Create(new MemoryStream(_stream, writable: false), static (_, data) => JsonSerializer.Deserialize(data, StreamPocoContext.Default.LogEntryPoco));
        await foreach (SseItem<LogEntryPoco?> item in parser.EnumerateAsync().ConfigureAwait(false))
        {
            sum += item.Data!.Level + item.Data.Message!.Length;
        }

        return sum;
    }
}

/// <summary>A hand-written class of the LogEntry schema, for System.Text.Json's source generator.</summary>
public sealed class LogEntryPoco
{
    [JsonPropertyName("timestamp")]
    public DateTimeOffset? Timestamp { get; set; }

    [JsonPropertyName("level")]
    public long Level { get; set; }

    [JsonPropertyName("message")]
    public string? Message { get; set; }
}

[JsonSerializable(typeof(LogEntryPoco))]
public sealed partial class StreamPocoContext : JsonSerializerContext
{
}
