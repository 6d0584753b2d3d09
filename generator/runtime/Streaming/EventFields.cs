using System;
using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace OpenApiSdk.Runtime.Streaming;

/// <summary>
/// The fields of the OpenAPI 3.2 event whose item is being read on this thread, for the readers of its event object
/// (<see cref="JsonRead.String"/>, <see cref="JsonMember.JsonContent"/>). The event object is written with a one-byte
/// placeholder for <c>data</c>, whose value is read from the event's own bytes: no escaping into the object and no
/// unescaping out of it, and typed data is parsed where it lies. The <c>event</c> name is read as one string reused
/// while the name repeats. The values are recognised by where they lie in the event object (an address, not a text),
/// so no other string matches. An item whose reader never asked for <c>data</c> (it reads the object some other way)
/// is read again from the whole event object (<see cref="DataRead"/>).
/// <para>
/// A model or a union of models is filled straight from the fields (<see cref="StartValues"/>, <see cref="Reader"/>): each
/// field is its own JSON value, read by the member the model declares for it, so no event object is written or parsed.
/// </para>
/// </summary>
internal sealed class EventFields : IDisposable
{
    /// <summary>The fields in the order the event object has them, and as they are read: <c>event</c> first (kinds are chosen by it).</summary>
    internal static readonly string[] Names = { "event", "data", "id", "retry" };

    private const int EventField = 0;
    private const int DataField = 1;
    private const int IdField = 2;
    private const int RetryField = 3;

    [ThreadStatic]
    private static EventFields? t_reading;

    private readonly EventStreamParser _event;
    private byte[] _nameBytes = Array.Empty<byte>();
    private string _name = string.Empty;
    private PooledBytes? _json;
    private int _nameAt = -1;
    private int _dataAt = -1;
    private PooledBytes? _values;
    private readonly int[] _valueStart = new int[4];
    private readonly int[] _valueLength = new int[4];

    internal EventFields(EventStreamParser parsed) => _event = parsed;

    /// <summary>The fields of the event being read on this thread; null when none is.</summary>
    internal static EventFields? Reading => t_reading;

    /// <summary>True once the item's reader has read <c>data</c> (as a string or as its JSON content).</summary>
    internal bool DataRead { get; private set; }

    internal ReadOnlySpan<byte> Data => _event.Data;

    /// <summary>The event's name (UTF-8); empty when no <c>event</c> line set one.</summary>
    internal ReadOnlySpan<byte> EventName => _event.EventType;

    /// <summary>Starts reading an item of the event object <paramref name="json"/>, whose name and data values start at the offsets given (-1: absent).</summary>
    internal void Start(PooledBytes json, int nameAt, int dataAt)
    {
        _json = json;
        _nameAt = nameAt;
        _dataAt = dataAt;
        DataRead = false;
        t_reading = this;
    }

    internal static void Stop() => t_reading = null;

    /// <summary>
    /// Starts reading an item from the fields themselves: each present field becomes one JSON value (<c>data</c> the
    /// placeholder, the others their text or number) for <see cref="Reader"/>. False, and nothing started, when a text
    /// field is not valid UTF-8 (on netstandard2.0: not ASCII): the event object holds it with replacement characters.
    /// </summary>
    internal bool StartValues()
    {
        if (!Utf8Text.IsValid(_event.Data) || !Utf8Text.IsValid(_event.EventType) || !Utf8Text.IsValid(_event.Id))
        {
            return false;
        }

        PooledBytes values = _values ??= new PooledBytes();
        values.Clear();
        AppendString(values, EventField, _event.EventType);
        AppendString(values, DataField, "-"u8);
        AppendString(values, IdField, _event.Id);
        _valueStart[RetryField] = values.Length;
        _valueLength[RetryField] = 0;
        if (_event.Retry is { } retry)
        {
            Utf8Formatter.TryFormat(retry, values.GetSpan(20), out int written);
            values.Advance(written);
            _valueLength[RetryField] = written;
        }

        int nameAt = _valueLength[EventField] > 0 ? _valueStart[EventField] + 1 : -1;
        Start(values, nameAt, _valueStart[DataField] + 1);
        return true;
    }

    /// <summary>True when the event has field <paramref name="field"/> (an index into <see cref="Names"/>).</summary>
    internal bool Has(int field) => _valueLength[field] > 0;

    /// <summary>A reader on the value of field <paramref name="field"/>, which <see cref="Has"/> says is present.</summary>
    internal Utf8JsonReader Reader(int field)
    {
        var reader = new Utf8JsonReader(_values!.Span.Slice(_valueStart[field], _valueLength[field]));
        reader.Read();
        return reader;
    }

    public void Dispose() => _values?.Dispose();

    /// <summary>A JSON string of <paramref name="utf8"/> (valid UTF-8), absent when empty except for <c>data</c>; escaped only where JSON requires it.</summary>
    private void AppendString(PooledBytes values, int field, ReadOnlySpan<byte> utf8)
    {
        _valueStart[field] = values.Length;
        if (utf8.Length == 0 && field != DataField)
        {
            _valueLength[field] = 0;
            return;
        }

        values.Append((byte)'"');
        if (NeedsEscaping(utf8))
        {
            // JSON's escapes for the few bytes that need one (a quote, a backslash, control characters); the rest as it is.
            foreach (byte b in utf8)
            {
                if (b is (byte)'"' or (byte)'\\' || b < 0x20)
                {
                    values.Append((byte)'\\');
                    values.Append((byte)'u');
                    Utf8Formatter.TryFormat(b, values.GetSpan(4), out int written, new System.Buffers.StandardFormat('X', 4));
                    values.Advance(written);
                }
                else
                {
                    values.Append(b);
                }
            }
        }
        else
        {
            values.Append(utf8);
        }

        values.Append((byte)'"');
        _valueLength[field] = values.Length - _valueStart[field];
    }

    private static bool NeedsEscaping(ReadOnlySpan<byte> utf8)
    {
        foreach (byte b in utf8)
        {
            if (b is (byte)'"' or (byte)'\\' || b < 0x20)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The string the reader is on, when it is the event's name or data.</summary>
    internal bool TryGetString(ref Utf8JsonReader reader, out string value)
    {
        if (IsAt(ref reader, _dataAt))
        {
            DataRead = true;
            value = Decode(_event.Data);
            return true;
        }

        if (IsAt(ref reader, _nameAt))
        {
            value = Name();
            return true;
        }

        value = string.Empty;
        return false;
    }

    /// <summary>True when the reader is on the event's data (then <see cref="Data"/> is its text).</summary>
    internal bool IsData(ref Utf8JsonReader reader)
    {
        if (!IsAt(ref reader, _dataAt))
        {
            return false;
        }

        DataRead = true;
        return true;
    }

    private bool IsAt(ref Utf8JsonReader reader, int offset) =>
        offset >= 0 && !reader.HasValueSequence && _json!.Span.Overlaps(reader.ValueSpan, out int at) && at == offset;

    private string Name()
    {
        ReadOnlySpan<byte> name = _event.EventType;
        if (!name.SequenceEqual(_nameBytes))
        {
            _nameBytes = name.ToArray();
            _name = Decode(name);
        }

        return _name;
    }

    /// <summary>UTF-8 as a string; invalid bytes become replacement characters (as the stream's decoding makes them, WHATWG).</summary>
    private static string Decode(ReadOnlySpan<byte> utf8) =>
#if NET8_0_OR_GREATER
        Encoding.UTF8.GetString(utf8);
#else
        Encoding.UTF8.GetString(utf8.ToArray());
#endif
}
