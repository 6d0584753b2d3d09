using System;

namespace OpenApiSdk.Runtime.Streaming;

/// <summary>
/// The <c>text/event-stream</c> parser of the WHATWG HTML standard ("Server-sent events", "Parsing an event stream" and
/// "Interpreting an event stream"), over UTF-8 bytes: one leading byte order mark is skipped; lines end at CRLF, LF or
/// CR; a line starting with a colon is a comment; a field's value is what follows the first colon, less one leading
/// space; <c>data</c> lines are joined with LF; <c>event</c> sets the event type, <c>id</c> (unless it holds U+0000) the
/// last event id, which later events keep; <c>retry</c> counts only when it is all ASCII digits; any other field is
/// ignored; an empty line dispatches the event unless no <c>data</c> line was seen, and an event the stream ends in the
/// middle of is dropped. <see cref="Retry"/> is the <c>retry</c> field of the event's own lines (as OpenAPI 3.2's JSON
/// form of an event has it).
/// </summary>
internal sealed class EventStreamParser : IDisposable
{
    private static readonly byte[] ByteOrderMark = { 0xEF, 0xBB, 0xBF };

    private readonly PooledBytes _data = new();
    private readonly PooledBytes _eventType = new();
    private readonly PooledBytes _lastEventId = new();
    private bool _started;
    private bool _afterCarriageReturn;
    private bool _dispatched;

    /// <summary>The event's data: its <c>data</c> lines joined with LF (UTF-8).</summary>
    internal ReadOnlySpan<byte> Data => _data.Span;

    /// <summary>The event's type; empty when no <c>event</c> line set one (a browser then calls it <c>message</c>).</summary>
    internal ReadOnlySpan<byte> EventType => _eventType.Span;

    /// <summary>The last event id: the event's own <c>id</c>, else the last one before it; empty when none.</summary>
    internal ReadOnlySpan<byte> Id => _lastEventId.Span;

    /// <summary>The reconnection time in milliseconds the event's lines set, if any.</summary>
    internal long? Retry { get; private set; }

    /// <summary>
    /// Parses lines from <paramref name="buffer"/> until one dispatches an event (true: <see cref="Data"/> and the rest
    /// hold it until the next call) or no complete line is left (false: read more, or the stream is over).
    /// </summary>
    internal bool TryReadEvent(StreamBuffer buffer)
    {
        if (_dispatched)
        {
            // The next event starts empty; the last event id stays.
            _dispatched = false;
            _data.Clear();
            _eventType.Clear();
            Retry = null;
        }

        if (!_started && !SkipByteOrderMark(buffer))
        {
            return false;
        }

        while (true)
        {
            ReadOnlySpan<byte> pending = buffer.Pending;
            if (_afterCarriageReturn && pending.Length > 0)
            {
                // CRLF: the LF belongs to the line the CR ended.
                _afterCarriageReturn = false;
                if (pending[0] == (byte)'\n')
                {
                    buffer.Consume(1);
                    continue;
                }
            }

            int end = pending.IndexOfAny((byte)'\r', (byte)'\n');
            if (end < 0)
            {
                // The rest is not a complete line: wait for more, or (the stream has ended) drop it with the pending event.
                return false;
            }

            _afterCarriageReturn = pending[end] == (byte)'\r';
            bool dispatched = Line(pending.Slice(0, end));
            buffer.Consume(end + 1);
            if (dispatched)
            {
                return true;
            }
        }
    }

    public void Dispose()
    {
        _data.Dispose();
        _eventType.Dispose();
        _lastEventId.Dispose();
    }

    private bool SkipByteOrderMark(StreamBuffer buffer)
    {
        ReadOnlySpan<byte> pending = buffer.Pending;
        int common = Math.Min(pending.Length, ByteOrderMark.Length);
        if (pending.Slice(0, common).SequenceEqual(ByteOrderMark.AsSpan(0, common)))
        {
            if (common < ByteOrderMark.Length)
            {
                if (!buffer.Ended)
                {
                    return false;
                }

                // The stream ended within a byte order mark: nothing in it is a line.
                buffer.Consume(common);
                _started = true;
                return false;
            }

            buffer.Consume(ByteOrderMark.Length);
        }

        _started = true;
        return true;
    }

    /// <summary>Interprets one line; true when it dispatched an event.</summary>
    private bool Line(ReadOnlySpan<byte> line)
    {
        if (line.Length == 0)
        {
            return Dispatch();
        }

        if (line[0] == (byte)':')
        {
            return false;
        }

        int colon = line.IndexOf((byte)':');
        ReadOnlySpan<byte> field = colon < 0 ? line : line.Slice(0, colon);
        ReadOnlySpan<byte> value = colon < 0 ? ReadOnlySpan<byte>.Empty : line.Slice(colon + 1);
        if (value.Length > 0 && value[0] == (byte)' ')
        {
            value = value.Slice(1);
        }

        if (field.SequenceEqual("data"u8))
        {
            _data.Append(value);
            _data.Append((byte)'\n');
        }
        else if (field.SequenceEqual("event"u8))
        {
            _eventType.Set(value);
        }
        else if (field.SequenceEqual("id"u8))
        {
            if (value.IndexOf((byte)0) < 0)
            {
                _lastEventId.Set(value);
            }
        }
        else if (field.SequenceEqual("retry"u8))
        {
            if (Digits(value) is { } retry)
            {
                Retry = retry;
            }
        }

        return false;
    }

    private bool Dispatch()
    {
        if (_data.Length == 0)
        {
            // No data line (each adds at least its LF): nothing is dispatched, and the event type and retry are forgotten.
            _eventType.Clear();
            Retry = null;
            return false;
        }

        _data.Truncate(_data.Length - 1); // the LF after the last data line
        _dispatched = true;
        return true;
    }

    private static long? Digits(ReadOnlySpan<byte> value)
    {
        if (value.Length == 0)
        {
            return null;
        }

        long result = 0;
        foreach (byte b in value)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return null;
            }

            if (result > (long.MaxValue - 9) / 10)
            {
                return null;
            }

            result = (result * 10) + (b - '0');
        }

        return result;
    }
}
