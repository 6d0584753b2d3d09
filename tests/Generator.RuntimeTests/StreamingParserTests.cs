using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using OpenApiSdk.Runtime;
using OpenApiSdk.Runtime.Streaming;
using Xunit;

namespace OpenApiSdk.RuntimeTests;

/// <summary>
/// The stream parsers, fed every way a stream can be cut into reads (each input is also delivered one byte at a time and
/// in every split into two reads), so a line end, a BOM or a JSON text split between reads is read as one.
/// </summary>
public class StreamingParserTests
{
    private sealed record SseEvent(string Data, string EventType, string Id, long? Retry);

    /// <summary>The events of <paramref name="text"/>, checked to be the same for every way of cutting it.</summary>
    private static List<SseEvent> Events(string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        List<SseEvent> whole = ParseEvents(bytes, bytes.Length);
        Assert.Equal(whole, ParseEvents(bytes, 1));
        for (int split = 1; split < bytes.Length; split++)
        {
            Assert.Equal(whole, ParseEvents(bytes, split, once: true));
        }

        return whole;
    }

    private static List<SseEvent> ParseEvents(byte[] bytes, int chunk, bool once = false)
    {
        var events = new List<SseEvent>();
        using var parser = new EventStreamParser();
        using var buffer = new StreamBuffer(Stream.Null, 16);
        foreach (byte[] part in Chunks(bytes, chunk, once))
        {
            buffer.Append(part);
            while (parser.TryReadEvent(buffer))
            {
                events.Add(new SseEvent(Encoding.UTF8.GetString(parser.Data), Encoding.UTF8.GetString(parser.EventType), Encoding.UTF8.GetString(parser.Id), parser.Retry));
            }
        }

        buffer.End();
        while (parser.TryReadEvent(buffer))
        {
            events.Add(new SseEvent(Encoding.UTF8.GetString(parser.Data), Encoding.UTF8.GetString(parser.EventType), Encoding.UTF8.GetString(parser.Id), parser.Retry));
        }

        return events;
    }

    private static IEnumerable<byte[]> Chunks(byte[] bytes, int chunk, bool once)
    {
        if (once)
        {
            yield return bytes[..chunk];
            yield return bytes[chunk..];
            yield break;
        }

        for (int i = 0; i < bytes.Length; i += chunk)
        {
            yield return bytes[i..Math.Min(bytes.Length, i + chunk)];
        }
    }

    [Fact]
    public void The_OpenAPI_3_2_example_stream_gives_its_three_events()
    {
        // The event-stream example of OpenAPI 3.2.0 ("Server-Sent Event Streams") and the JSON Lines it says is equivalent.
        List<SseEvent> events = Events("event: addString\ndata: This data is formatted\ndata: across two lines\nretry: 5\n\nevent: addInt64\ndata: 1234.5678\nunknownField: this is ignored\n\n: This is a comment\nevent: addJSON\ndata: {\"foo\": 42}\n\n");

        Assert.Equal(
            new[]
            {
                new SseEvent("This data is formatted\nacross two lines", "addString", string.Empty, 5),
                new SseEvent("1234.5678", "addInt64", string.Empty, null),
                new SseEvent("{\"foo\": 42}", "addJSON", string.Empty, null),
            },
            events);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r")]
    [InlineData("\r\n")]
    public void Lines_end_at_LF_CR_or_CRLF(string end)
    {
        List<SseEvent> events = Events("data: a" + end + "data: b" + end + end + "data: c" + end + end);

        Assert.Equal(new[] { "a\nb", "c" }, events.ConvertAll(e => e.Data));
    }

    [Fact]
    public void One_leading_BOM_is_skipped_and_a_second_is_data()
    {
        Assert.Equal("x", Assert.Single(Events("\uFEFFdata: x\n\n")).Data);
        Assert.Empty(Events("\uFEFF\uFEFFdata: x\n\n")); // the field name is then "\uFEFFdata", not data
    }

    [Fact]
    public void A_value_loses_one_leading_space_and_a_field_without_colon_has_an_empty_value()
    {
        List<SseEvent> events = Events("data:  two spaces\ndata\ndata:none\n\n");

        Assert.Equal(" two spaces\n\nnone", Assert.Single(events).Data);
    }

    [Fact]
    public void Id_persists_is_reset_by_an_empty_id_and_ignored_with_NUL()
    {
        List<SseEvent> events = Events("id: 1\ndata: a\n\ndata: b\n\nid: 2\u0000\ndata: c\n\nid\ndata: d\n\n");

        Assert.Equal(new[] { "1", "1", "1", string.Empty }, events.ConvertAll(e => e.Id));
    }

    [Fact]
    public void Retry_counts_only_as_ASCII_digits_and_belongs_to_its_event()
    {
        List<SseEvent> events = Events("retry: 3000\ndata: a\n\nretry: 30s\ndata: b\n\nretry: -1\ndata: c\n\n");

        Assert.Equal(new long?[] { 3000, null, null }, events.ConvertAll(e => e.Retry));
    }

    [Fact]
    public void No_data_dispatches_nothing_and_forgets_the_event_type()
    {
        List<SseEvent> events = Events("event: lonely\n\ndata: a\n\n: comment only\n\n");

        Assert.Equal(new SseEvent("a", string.Empty, string.Empty, null), Assert.Single(events));
    }

    [Fact]
    public void An_event_the_stream_ends_in_is_dropped()
    {
        Assert.Equal(new[] { "kept" }, Events("data: kept\n\ndata: dropped\n").ConvertAll(e => e.Data));
        Assert.Empty(Events("data: no line end"));
    }

    [Fact]
    public void An_empty_data_line_is_an_event_with_empty_data()
    {
        Assert.Equal(string.Empty, Assert.Single(Events("data:\n\n")).Data);
    }

    private static List<string> Items(StreamFormat format, string text) => Items(format, Encoding.UTF8.GetBytes(text));

    private static List<string> Items(StreamFormat format, byte[] bytes)
    {
        List<string> whole = ReadItems(format, bytes, bytes.Length);
        Assert.Equal(whole, ReadItems(format, bytes, 1));
        return whole;
    }

    private static List<string> ReadItems(StreamFormat format, byte[] bytes, int chunk)
    {
        var items = new StreamItems<string>(format, static (ref Utf8JsonReader r) =>
        {
            JsonElement element = JsonElement.ParseValue(ref r);
            return element.GetRawText();
        }, "test");
        using ItemReader<string> reader = items.CreateReader();
        using var buffer = new StreamBuffer(Stream.Null, 16);
        var result = new List<string>();
        ReadStep step = ReadStep.NeedMore;
        foreach (byte[] part in Chunks(bytes, chunk, once: false))
        {
            buffer.Append(part);
            while ((step = reader.TryRead(buffer, out string item)) == ReadStep.Item)
            {
                result.Add(item);
            }

            if (step == ReadStep.End)
            {
                return result; // the enumeration stops here, as ApiStreamResponse's does
            }
        }

        buffer.End();
        while ((step = reader.TryRead(buffer, out string last)) == ReadStep.Item)
        {
            result.Add(last);
        }

        Assert.Equal(ReadStep.End, step);
        return result;
    }

    [Fact]
    public void JSON_Lines_skip_blank_lines_accept_CRLF_and_a_last_line_without_LF()
    {
        Assert.Equal(new[] { "{\"a\":1}", "[2]", "3" }, Items(StreamFormat.JsonLines, "{\"a\":1}\r\n\r\n  \n[2]\n3"));
    }

    [Fact]
    public void JSON_text_sequences_read_texts_over_several_lines_and_consecutive_separators()
    {
        Assert.Equal(
            new[] { "{\n  \"a\": 1\n}", "\"s\"", "42" },
            Items(StreamFormat.JsonSequence, "\u001e{\n  \"a\": 1\n}\n\u001e\u001e\"s\"\n\u001e42\n"));
    }

    [Fact]
    public void A_JSON_text_sequence_item_is_taken_once_complete_without_waiting_for_the_next_separator()
    {
        var items = new StreamItems<long>(StreamFormat.JsonSequence, static (ref Utf8JsonReader r) => r.TokenType == JsonTokenType.Number ? r.GetInt64() : (r.TrySkip() ? -1 : -2), "test");
        using ItemReader<long> reader = items.CreateReader();
        using var buffer = new StreamBuffer(Stream.Null);

        buffer.Append("\u001e{\"a\":1}"u8);
        Assert.Equal(ReadStep.Item, reader.TryRead(buffer, out long first));
        Assert.Equal(-1, first);
        buffer.Append("\n\u001e12"u8);
        Assert.Equal(ReadStep.NeedMore, reader.TryRead(buffer, out _)); // 12 might go on: 123
        buffer.Append("3\n"u8);
        Assert.Equal(ReadStep.Item, reader.TryRead(buffer, out long second));
        Assert.Equal(123, second);
    }

    [Theory]
    [InlineData("{\"a\":1}\n")]
    [InlineData("\u001e{\"a\":1} {\"b\":2}\n")]
    [InlineData("\u001e{\"a\":\n")]
    [InlineData("\u001e{nope}\n")]
    public void A_broken_JSON_text_sequence_is_an_error_not_a_silent_gap(string text)
    {
        Assert.Throws<InvalidDataException>(() => Items(StreamFormat.JsonSequence, text));
    }

    [Fact]
    public void With_the_pre_3_2_convention_DONE_ends_the_stream_even_when_more_follows()
    {
        Assert.Equal(new[] { "{\"i\":1}" }, Items(StreamFormat.EventData, "data: {\"i\":1}\n\ndata: [DONE]\n\ndata: {\"i\":2}\n\n"));
    }

    [Fact]
    public void With_the_pre_3_2_convention_data_that_is_not_JSON_is_an_error()
    {
        Assert.ThrowsAny<JsonException>(() => Items(StreamFormat.EventData, "data: [DONE] later\n\n"));
    }

    [Fact]
    public void With_an_item_schema_each_event_is_the_object_OpenAPI_3_2_defines()
    {
        List<string> items = Items(StreamFormat.Events, "event: e\nid: 9\nretry: 10\ndata: l\u00e9\ndata: \"2\"\n\ndata: x\n\n");

        Assert.Equal(new[] { "{\"event\":\"e\",\"data\":\"l\u00e9\\n\\\"2\\\"\",\"id\":\"9\",\"retry\":10}", "{\"data\":\"x\",\"id\":\"9\"}" }, items);
    }

    [Theory]
    [InlineData("JsonLines", "{\"level\":1,\"message\":\"m\"}\n")]
    [InlineData("JsonSequence", "\u001e{\"level\":1,\"message\":\"m\"}\n")]
    [InlineData("EventData", "data: {\"level\":1,\"message\":\"m\"}\n\n")]
    [InlineData("Events", "event: log\nid: 3\ndata: {\"level\":1,\"message\":\"m\"}\n\n")]
    public void Reading_items_allocates_nothing_beyond_the_item(string format, string item)
    {
        var items = new StreamItems<int>(Enum.Parse<StreamFormat>(format), static (ref Utf8JsonReader r) => r.TrySkip() ? 1 : 0, "test");
        byte[] one = Encoding.UTF8.GetBytes(item);
        using ItemReader<int> reader = items.CreateReader();
        using var buffer = new StreamBuffer(Stream.Null, 64 * 1024);
        void ReadAll(int count)
        {
            for (int i = 0; i < count; i++)
            {
                buffer.Append(one);
                if (reader.TryRead(buffer, out _) != ReadStep.Item)
                {
                    throw new InvalidOperationException("item " + i + " was not read");
                }
            }
        }

        ReadAll(100); // warm: pooled buffers rented, writer created
        long before = GC.GetAllocatedBytesForCurrentThread();
        ReadAll(1000);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    [Theory]
    [InlineData("JsonLines", "1\n", "1")]
    [InlineData("JsonSequence", "\u001e1\n\u001e", "1")]
    [InlineData("EventData", "data: 1\n\n", "data: 1\n")]
    [InlineData("Events", "data: 1\n\n", "data: 1\n")]
    [InlineData("Events", "data: 1\n\n", "data: 1")]
    public void An_item_that_never_ends_throws_past_the_limit_after_the_items_before_it(string format, string first, string endlessPart)
    {
        const int limit = 256;
        var items = new StreamItems<int>(Enum.Parse<StreamFormat>(format), static (ref Utf8JsonReader r) => r.TrySkip() ? 1 : 0, "test");
        using ItemReader<int> reader = items.CreateReader(limit);
        using var buffer = new StreamBuffer(Stream.Null, 16);
        buffer.Append(Encoding.UTF8.GetBytes(first));
        Assert.Equal(ReadStep.Item, reader.TryRead(buffer, out _));

        // A line, or an event of data lines, that never ends: fed a few bytes at a time, at most 8 times the limit
        // (an event's data lines hold 2 bytes of data for every 8 on the wire).
        byte[] part = Encoding.UTF8.GetBytes(endlessPart);
        int fed = 0;
        StreamItemTooLargeException? tooLarge = null;
        while (tooLarge is null && fed < 8 * limit)
        {
            buffer.Append(part);
            fed += part.Length;
            tooLarge = Record.Exception(() => reader.TryRead(buffer, out _)) as StreamItemTooLargeException;
        }

        Assert.NotNull(tooLarge);
        Assert.InRange(fed, limit, 8 * limit);
        Assert.Contains("256 bytes", tooLarge!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_item_as_long_as_the_limit_is_read()
    {
        const int limit = 64;
        var items = new StreamItems<string>(StreamFormat.JsonLines, static (ref Utf8JsonReader r) => r.GetString()!, "test");
        using ItemReader<string> reader = items.CreateReader(limit);
        using var buffer = new StreamBuffer(Stream.Null, 16);
        string text = new('a', limit - 2);
        buffer.Append(Encoding.UTF8.GetBytes("\"" + text + "\"")); // the limit exactly, the line not yet ended
        Assert.Equal(ReadStep.NeedMore, reader.TryRead(buffer, out _));
        buffer.Append("\n"u8);
        Assert.Equal(ReadStep.Item, reader.TryRead(buffer, out string item));
        Assert.Equal(text, item);
    }
}
