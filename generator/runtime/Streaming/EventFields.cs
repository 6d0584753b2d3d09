using System;
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
/// </summary>
internal sealed class EventFields
{
    [ThreadStatic]
    private static EventFields? t_reading;

    private readonly EventStreamParser _event;
    private byte[] _nameBytes = Array.Empty<byte>();
    private string _name = string.Empty;
    private PooledBytes? _json;
    private int _nameAt = -1;
    private int _dataAt = -1;

    internal EventFields(EventStreamParser parsed) => _event = parsed;

    /// <summary>The fields of the event being read on this thread; null when none is.</summary>
    internal static EventFields? Reading => t_reading;

    /// <summary>True once the item's reader has read <c>data</c> (as a string or as its JSON content).</summary>
    internal bool DataRead { get; private set; }

    internal ReadOnlySpan<byte> Data => _event.Data;

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
