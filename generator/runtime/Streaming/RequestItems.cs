using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OpenApiSdk.Runtime.Streaming;

namespace OpenApiSdk.Runtime;

/// <summary>
/// A request body in a sequential media type, taken from the caller's <see cref="IAsyncEnumerable{T}"/> and written as
/// the items are produced: each item is validated, written with the generated writer, framed and flushed before the next
/// one is asked for (chunked transfer, nothing buffered but the item). The items can be asked for once, so the body is
/// sent once: <see cref="RequestBody.CanSend"/> is false as soon as the first item has been asked for, and the pipeline
/// never sends such a request again.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class RequestItems
{
    /// <summary>JSON Lines or NDJSON: each item's compact JSON, then LF.</summary>
    public static RequestBody JsonLines<T>(IAsyncEnumerable<T> items, Action<Utf8JsonWriter, T> write, Action<ValidationCollector, T>? validate, string mediaType, string operationId, CancellationToken cancellationToken) =>
        new SequenceBody<T>(StreamFormat.JsonLines, items, write, validate, mediaType, operationId, cancellationToken);

    /// <summary>JSON text sequences (RFC 7464): RS, each item's JSON, then LF.</summary>
    public static RequestBody JsonSequence<T>(IAsyncEnumerable<T> items, Action<Utf8JsonWriter, T> write, Action<ValidationCollector, T>? validate, string mediaType, string operationId, CancellationToken cancellationToken) =>
        new SequenceBody<T>(StreamFormat.JsonSequence, items, write, validate, mediaType, operationId, cancellationToken);

    /// <summary>An event stream whose events' data is each one JSON item (the pre-3.2 convention): <c>data: {json}</c>, then a blank line.</summary>
    public static RequestBody EventData<T>(IAsyncEnumerable<T> items, Action<Utf8JsonWriter, T> write, Action<ValidationCollector, T>? validate, string operationId, CancellationToken cancellationToken) =>
        new SequenceBody<T>(StreamFormat.EventData, items, write, validate, "text/event-stream", operationId, cancellationToken);

    /// <summary>
    /// An event stream whose items are the events as OpenAPI 3.2 defines them, the object of <c>data</c>, <c>event</c>,
    /// <c>id</c> and <c>retry</c>: written as those fields, <c>data</c> one <c>data:</c> line per line of it.
    /// </summary>
    public static RequestBody Events<T>(IAsyncEnumerable<T> items, Action<Utf8JsonWriter, T> write, Action<ValidationCollector, T>? validate, string operationId, CancellationToken cancellationToken) =>
        new SequenceBody<T>(StreamFormat.Events, items, write, validate, "text/event-stream", operationId, cancellationToken);
}

/// <summary>The body of <see cref="RequestItems"/>: one <see cref="SequenceContent"/> per attempt, of which only the first can ask for the items.</summary>
internal sealed class SequenceBody<T> : RequestBody
{
    private static readonly byte[] DataField = Encoding.UTF8.GetBytes("data: ");

    private readonly StreamFormat _format;
    private readonly IAsyncEnumerable<T> _items;
    private readonly Action<Utf8JsonWriter, T> _write;
    private readonly Action<ValidationCollector, T>? _validate;
    private readonly string _mediaType;
    private readonly string _operationId;
    private readonly CancellationToken _cancellationToken;
    private int _started;

    internal SequenceBody(StreamFormat format, IAsyncEnumerable<T> items, Action<Utf8JsonWriter, T> write, Action<ValidationCollector, T>? validate, string mediaType, string operationId, CancellationToken cancellationToken)
    {
        _format = format;
        _items = items ?? throw new ArgumentNullException(nameof(items));
        _write = write ?? throw new ArgumentNullException(nameof(write));
        _validate = validate;
        _mediaType = mediaType;
        _operationId = operationId;
        _cancellationToken = cancellationToken;
    }

    /// <inheritdoc/>
    public override bool CanSend => Volatile.Read(ref _started) == 0;

    /// <inheritdoc/>
    public override HttpContent CreateContent() => new SequenceContent(this, CancellationToken.None);

    /// <inheritdoc/>
    internal override HttpContent CreateContent(CancellationToken callCancellation) => new SequenceContent(this, callCancellation);

    /// <summary>
    /// Writes the items until the caller's token, the call's (its timeout) or the transport's is cancelled. The call's is
    /// passed on here because netstandard2.0's HttpContent gets no token from the transport: without it, a timeout would
    /// close the connection and leave the producer waiting for an item nobody writes.
    /// </summary>
    private async Task WriteAsync(Stream stream, CancellationToken callCancellation, CancellationToken transportCancellation)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("The items of the " + _operationId + " request can be sent only once.");
        }

        var tokens = new List<CancellationToken>(3);
        foreach (CancellationToken candidate in new[] { _cancellationToken, callCancellation, transportCancellation })
        {
            if (candidate.CanBeCanceled && !tokens.Contains(candidate))
            {
                tokens.Add(candidate);
            }
        }

        using CancellationTokenSource? linked = tokens.Count > 1 ? CancellationTokenSource.CreateLinkedTokenSource(tokens.ToArray()) : null;
        CancellationToken token = linked?.Token ?? (tokens.Count == 1 ? tokens[0] : CancellationToken.None);
        using var json = new PooledBytes();
        using var frame = new PooledBytes();
        using var writer = new Utf8JsonWriter(json);
        int index = 0;
        try
        {
            await foreach (T item in _items.WithCancellation(token).ConfigureAwait(false))
            {
                Validate(item, index);
                json.Clear();
                writer.Reset(json);
                _write(writer, item);
                writer.Flush();
                frame.Clear();
                Frame(json.Span, frame, index);
                await frame.WriteToAsync(stream, token).ConfigureAwait(false);
                await stream.FlushAsync(token).ConfigureAwait(false);
                index++;
            }
        }
        catch (Exception ex) when (token.IsCancellationRequested && ex is not OperationCanceledException)
        {
            // A cancelled call closes the connection under a write: that is the cancellation, not a failed write.
            throw new OperationCanceledException("The " + _operationId + " request was cancelled while its items were sent.", ex, token);
        }
    }

    private void Validate(T item, int index)
    {
        if (_validate is null)
        {
            return;
        }

        var errors = new ValidationCollector();
        errors.Enter("body");
        errors.Enter(index);
        if (item is null)
        {
            errors.Add(null, "must not be null");
        }
        else
        {
            _validate(errors, item);
        }

        if (errors.Errors.Count > 0)
        {
            throw new ValidationException("Item " + index.ToString(CultureInfo.InvariantCulture) + " of the " + _operationId + " request", errors.Errors);
        }
    }

    private void Frame(ReadOnlySpan<byte> json, PooledBytes frame, int index)
    {
        switch (_format)
        {
            case StreamFormat.JsonLines:
                frame.Append(json);
                frame.Append((byte)'\n');
                break;
            case StreamFormat.JsonSequence:
                frame.Append(0x1E);
                frame.Append(json);
                frame.Append((byte)'\n');
                break;
            case StreamFormat.EventData:
                // Compact JSON has no line break (the writer escapes control characters in strings): one data line.
                frame.Append(DataField);
                frame.Append(json);
                frame.Append((byte)'\n');
                frame.Append((byte)'\n');
                break;
            default:
                EventFields(json, frame, index);
                break;
        }
    }

    /// <summary>
    /// The event object (<c>data</c>, <c>event</c>, <c>id</c>, <c>retry</c>) as event-stream fields, as the WHATWG parser
    /// reads them back: <c>data</c> one line per line of it (a non-string value as its JSON text); a line break in
    /// <c>event</c> or <c>id</c>, a <c>retry</c> that is not a non-negative integer or any other member cannot be written
    /// and fails the item.
    /// </summary>
    private void EventFields(ReadOnlySpan<byte> json, PooledBytes frame, int index)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        string? data = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string name = reader.GetString()!;
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null)
            {
                continue;
            }

            switch (name)
            {
                case "data":
                    data = reader.TokenType == JsonTokenType.String ? reader.GetString() : JsonText(ref reader, json);
                    break;
                case "event" or "id" when reader.TokenType == JsonTokenType.String:
                    string value = reader.GetString()!;
                    if (value.IndexOfAny(LineBreaks) >= 0)
                    {
                        Fail(index, name, "must not contain a line break or NUL (text/event-stream)");
                    }

                    Field(frame, name, value);
                    break;
                case "retry" when reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out long retry) && retry >= 0:
                    Field(frame, name, retry.ToString(CultureInfo.InvariantCulture));
                    break;
                default:
                    Fail(index, name, name is "event" or "id" or "retry" ? "has no text/event-stream form" : "is not a text/event-stream field (data, event, id, retry)");
                    break;
            }
        }

        if (data is not null)
        {
            int start = 0;
            for (int i = 0; i <= data.Length; i++)
            {
                if (i == data.Length || data[i] is '\r' or '\n')
                {
                    Field(frame, "data", data.Substring(start, i - start));
                    if (i < data.Length - 1 && data[i] == '\r' && data[i + 1] == '\n')
                    {
                        i++;
                    }

                    start = i + 1;
                }
            }
        }

        frame.Append((byte)'\n');
    }

    private static readonly char[] LineBreaks = { '\r', '\n', '\0' };

    private static string JsonText(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        long start = reader.TokenStartIndex;
        reader.Skip();
        return Encoding.UTF8.GetString(json.Slice((int)start, (int)(reader.BytesConsumed - start)).ToArray());
    }

    private static void Field(PooledBytes frame, string name, string value)
    {
        frame.Append(Encoding.UTF8.GetBytes(name + ": " + value + "\n"));
    }

    private void Fail(int index, string member, string message)
    {
        var errors = new ValidationCollector();
        errors.Enter("body");
        errors.Enter(index);
        errors.Add(member, message);
        throw new ValidationException("Item " + index.ToString(CultureInfo.InvariantCulture) + " of the " + _operationId + " request", errors.Errors);
    }

    /// <summary>Chunked content (no length) that writes the items when HttpClient sends it.</summary>
    private sealed class SequenceContent : HttpContent
    {
        private readonly SequenceBody<T> _body;
        private readonly CancellationToken _callCancellation;

        internal SequenceContent(SequenceBody<T> body, CancellationToken callCancellation)
        {
            _body = body;
            _callCancellation = callCancellation;
            Headers.TryAddWithoutValidation("Content-Type", body._mediaType);
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => _body.WriteAsync(stream, _callCancellation, CancellationToken.None);

#if NET8_0_OR_GREATER
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) => _body.WriteAsync(stream, _callCancellation, cancellationToken);
#endif

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }
}
