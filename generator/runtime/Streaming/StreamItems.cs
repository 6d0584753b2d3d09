using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OpenApiSdk.Runtime.Streaming;

namespace OpenApiSdk.Runtime;

/// <summary>How the items of an operation's sequential response are read (one per streaming operation, generated).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class StreamItems
{
    /// <summary>
    /// The data of an event stream's items that ends it (OpenAI's chat completions, completions and assistants streams send
    /// <c>data: [DONE]</c> last). Not JSON, so no item schema can describe it; it is only recognised for the pre-3.2
    /// convention of a <c>schema</c> under <c>text/event-stream</c> that types each event's data.
    /// </summary>
    public const string DoneMarker = "[DONE]";

    /// <summary>The default of <see cref="ApiClientOptions.MaxStreamItemBytes"/>: 16 MiB.</summary>
    public const int DefaultMaxItemBytes = 16 * 1024 * 1024;

    /// <summary>JSON Lines or NDJSON: each line one item.</summary>
    public static StreamItems<T> JsonLines<T>(ReadJson<T> read, string mediaType) => new(StreamFormat.JsonLines, read, mediaType);

    /// <summary>JSON text sequences (RFC 7464): each RS-prefixed text one item.</summary>
    public static StreamItems<T> JsonSequence<T>(ReadJson<T> read, string mediaType) => new(StreamFormat.JsonSequence, read, mediaType);

    /// <summary>An event stream whose events' data is each one JSON item (the pre-3.2 convention); <see cref="DoneMarker"/> ends it.</summary>
    public static StreamItems<T> EventData<T>(ReadJson<T> read) => new(StreamFormat.EventData, read, "text/event-stream");

    /// <summary>
    /// An event stream whose items are the events as OpenAPI 3.2 defines them: the object of <c>data</c>, <c>event</c>, <c>id</c>
    /// and <c>retry</c> (a number), read with the item schema's reader.
    /// </summary>
    public static StreamItems<T> Events<T>(ReadJson<T> read) => new(StreamFormat.Events, read, "text/event-stream");

    /// <summary>
    /// The same, for an item that is a model or a union of models: <paramref name="item"/> fills it straight from the event's
    /// fields (no event object written and parsed); <paramref name="read"/> reads the event object where it cannot (a field
    /// the model does not declare, a kind not chosen by the event name, text that is not UTF-8).
    /// </summary>
    public static StreamItems<T> Events<T>(ReadJson<T> read, JsonItem<T> item) =>
        new(StreamFormat.Events, read, "text/event-stream", item ?? throw new ArgumentNullException(nameof(item)));

    /// <summary>
    /// The items of a stream that <paramref name="start"/> opens when the enumeration starts, disposed (the connection closed)
    /// when it ends, however it ends. Both tokens cancel, and so does the token the enumeration is given.
    /// </summary>
    public static IAsyncEnumerable<T> Enumerate<T>(
        Func<CancellationToken, Task<ApiStreamResponse<T>>> start,
        CancellationToken cancellationToken,
        CancellationToken enumeratorCancellation = default) =>
        new OpenedItems<T>(start ?? throw new ArgumentNullException(nameof(start)), cancellationToken, enumeratorCancellation);

    /// <summary>
    /// What <see cref="Enumerate"/> returns. Each enumeration is the stream's own enumerator, which opens the stream at its first
    /// <c>MoveNextAsync</c> (<see cref="ApiStreamResponse{T}.Opening"/>): no second enumerator around it for each item to pass through.
    /// </summary>
    private sealed class OpenedItems<T>(Func<CancellationToken, Task<ApiStreamResponse<T>>> start, CancellationToken cancellationToken, CancellationToken enumeratorCancellation)
        : IAsyncEnumerable<T>
    {
        /// <summary>An enumeration cancelled by any of the tokens that can cancel: the one that can, or a source linking them (disposed when it ends).</summary>
        public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken token = default)
        {
            var cancelable = new List<CancellationToken>(3);
            foreach (CancellationToken each in new[] { cancellationToken, enumeratorCancellation, token })
            {
                if (each.CanBeCanceled && !cancelable.Contains(each))
                {
                    cancelable.Add(each);
                }
            }

            if (cancelable.Count <= 1)
            {
                return ApiStreamResponse<T>.Opening(start, null, cancelable.Count == 1 ? cancelable[0] : default);
            }

            var linked = CancellationTokenSource.CreateLinkedTokenSource(cancelable.ToArray());
            return ApiStreamResponse<T>.Opening(start, linked, linked.Token);
        }
    }
}

internal enum StreamFormat
{
    JsonLines,
    JsonSequence,
    EventData,
    Events,
}

internal enum ReadStep
{
    Item,
    NeedMore,
    End,
}

/// <summary>How one operation's stream is read into <typeparamref name="T"/>s; see <see cref="StreamItems"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class StreamItems<T>
{
    internal StreamItems(StreamFormat format, ReadJson<T> read, string mediaType, JsonItem<T>? item = null)
    {
        Format = format;
        Item = item;
        Read = read ?? throw new ArgumentNullException(nameof(read));
        MediaType = mediaType;
    }

    internal StreamFormat Format { get; }

    internal ReadJson<T> Read { get; }

    /// <summary>For <see cref="StreamFormat.Events"/>: what fills the item from the event's fields; null to read the event object.</summary>
    internal JsonItem<T>? Item { get; }

    /// <summary>The media type the stream is in (also what the request accepts).</summary>
    public string MediaType { get; }

    internal ItemReader<T> CreateReader(int maxItemBytes = StreamItems.DefaultMaxItemBytes) => new(this, maxItemBytes);
}

/// <summary>The state of reading one stream: the parser of its format and the buffers it reuses for every item.</summary>
internal sealed class ItemReader<T> : IDisposable
{
    private readonly StreamItems<T> _items;
    private readonly int _maxItemBytes;
    private readonly EventStreamParser? _events;
    private readonly JsonTextSequenceParser? _sequence;
    private PooledBytes? _eventJson;
    private Utf8JsonWriter? _eventWriter;
    private EventFields? _eventFields;

    internal ItemReader(StreamItems<T> items, int maxItemBytes)
    {
        _items = items;
        _maxItemBytes = maxItemBytes;
        if (items.Format is StreamFormat.EventData or StreamFormat.Events)
        {
            _events = new EventStreamParser();
        }
        else if (items.Format == StreamFormat.JsonSequence)
        {
            _sequence = new JsonTextSequenceParser();
        }
    }

    /// <summary>The next item from what <paramref name="buffer"/> holds.</summary>
    /// <exception cref="InvalidDataException">The stream breaks its format.</exception>
    /// <exception cref="JsonException">An item is not JSON.</exception>
    /// <exception cref="StreamItemTooLargeException">The item being read is already longer than the limit.</exception>
    internal ReadStep TryRead(StreamBuffer buffer, out T item)
    {
        ReadStep step = TryReadItem(buffer, out item);
        if (step == ReadStep.NeedMore && buffer.Pending.Length + (_events?.Data.Length ?? 0) > _maxItemBytes)
        {
            // An unfinished line (or event) past the limit: a stream that never ends its item must not exhaust memory.
            throw new StreamItemTooLargeException(_maxItemBytes);
        }

        return step;
    }

    private ReadStep TryReadItem(StreamBuffer buffer, out T item)
    {
        item = default!;
        switch (_items.Format)
        {
            case StreamFormat.JsonLines:
                if (!JsonLinesParser.TryReadItem(buffer, out ReadOnlySpan<byte> line))
                {
                    return buffer.Ended ? ReadStep.End : ReadStep.NeedMore;
                }

                item = ReadItem(line);
                return ReadStep.Item;
            case StreamFormat.JsonSequence:
                if (!_sequence!.TryReadItem(buffer, out ReadOnlySpan<byte> text))
                {
                    return buffer.Ended ? ReadStep.End : ReadStep.NeedMore;
                }

                item = ReadItem(text);
                return ReadStep.Item;
            default:
                if (!_events!.TryReadEvent(buffer))
                {
                    return buffer.Ended ? ReadStep.End : ReadStep.NeedMore;
                }

                if (_items.Format == StreamFormat.EventData)
                {
                    if (_events.Data.SequenceEqual("[DONE]"u8))
                    {
                        return ReadStep.End;
                    }

                    item = ReadItem(_events.Data);
                    return ReadStep.Item;
                }

                item = ReadEvent();
                return ReadStep.Item;
        }
    }

    public void Dispose()
    {
        _events?.Dispose();
        _eventFields?.Dispose();
        _eventWriter?.Dispose();
        _eventJson?.Dispose();
    }

    private T ReadItem(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read())
        {
            throw new InvalidDataException("An item is empty.");
        }

        T value = _items.Read(ref reader);
        if (reader.Read())
        {
            throw new InvalidDataException("An item holds more than one JSON value.");
        }

        return value;
    }

    /// <summary>
    /// The 3.2 event as its item: filled straight from the event's fields when the item can be (<see cref="StreamItems{T}.Item"/>),
    /// else read from the event object with <c>data</c> held by reference (<see cref="EventFields"/>); read again from the whole
    /// object when the item's reader did not ask for <c>data</c>, or when the data is not valid UTF-8 (the whole object holds
    /// it with replacement characters).
    /// </summary>
    private T ReadEvent()
    {
        EventFields fields = _eventFields ??= new EventFields(_events!);
        if (_items.Item is { } direct && fields.StartFields() && direct.TryReadEvent(fields, out T value) && fields.DataRead)
        {
            return value;
        }

        if (!Utf8Text.IsValid(_events!.Data))
        {
            return ReadItem(EventJson(dataByReference: false, out _, out _));
        }

        ReadOnlySpan<byte> json = EventJson(dataByReference: true, out int nameAt, out int dataAt);
        fields.Start(_eventJson!, nameAt, dataAt);
        T item;
        try
        {
            item = ReadItem(json);
        }
        finally
        {
            EventFields.Stop();
        }

        return fields.DataRead ? item : ReadItem(EventJson(dataByReference: false, out _, out _));
    }

    private static readonly JsonWriterOptions EventWriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    /// <summary>
    /// The event as OpenAPI 3.2 writes it in JSON: <c>event</c> when set, <c>data</c>, then <c>id</c> and <c>retry</c> when set.
    /// <c>event</c> comes first because it is what typed event kinds are chosen by: the reader finds it before the data.
    /// <paramref name="dataByReference"/> writes <c>data</c> as a one-byte placeholder that <see cref="EventFields"/> stands
    /// for; <paramref name="nameAt"/> and <paramref name="dataAt"/> are where the values of <c>event</c> and <c>data</c> start (-1: absent).
    /// </summary>
    private ReadOnlySpan<byte> EventJson(bool dataByReference, out int nameAt, out int dataAt)
    {
        PooledBytes json = _eventJson ??= new PooledBytes();
        json.Clear();
        // The text is read back at once by the item's reader and never shown to a browser: the relaxed encoder escapes only
        // what JSON requires (a quote as \", not \u0022; non-ASCII as it is), so there is less to escape and unescape.
        Utf8JsonWriter writer = _eventWriter ??= new Utf8JsonWriter(json, EventWriterOptions);
        writer.Reset(json);
        writer.WriteStartObject();
        nameAt = -1;
        if (_events!.EventType.Length > 0)
        {
            nameAt = "{\"event\":\"".Length;
            WriteText(writer, "event"u8, _events.EventType);
        }

        if (dataByReference)
        {
            writer.Flush();
            dataAt = json.Length + (nameAt < 0 ? 0 : 1) + "\"data\":\"".Length;
            writer.WriteString("data"u8, "-"u8);
        }
        else
        {
            dataAt = -1;
            WriteText(writer, "data"u8, _events.Data);
        }

        if (_events.Id.Length > 0)
        {
            WriteText(writer, "id"u8, _events.Id);
        }

        if (_events.Retry is { } retry)
        {
            writer.WriteNumber("retry"u8, retry);
        }

        writer.WriteEndObject();
        writer.Flush();
        return json.Span;
    }

    /// <summary>A field's text: the stream is decoded as UTF-8 with replacement characters (WHATWG), so invalid bytes are replaced, not an error.</summary>
    private static void WriteText(Utf8JsonWriter writer, ReadOnlySpan<byte> name, ReadOnlySpan<byte> utf8)
    {
        if (Utf8Text.IsValid(utf8))
        {
            writer.WriteString(name, utf8);
            return;
        }

        writer.WriteString(name, Encoding.UTF8.GetString(utf8.ToArray()));
    }
}

/// <summary>One item of a stream is longer than <see cref="ApiClientOptions.MaxStreamItemBytes"/> allows.</summary>
internal sealed class StreamItemTooLargeException : Exception
{
    internal StreamItemTooLargeException(int maxItemBytes)
        : base("an item is longer than " + maxItemBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) + " bytes (ApiClientOptions.MaxStreamItemBytes).")
    {
    }
}
