using System;
using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace OpenApiSdk.Runtime.Streaming;

/// <summary>
/// The fields of the OpenAPI 3.2 event whose item is being read, for the members that read them (<see cref="JsonMember"/>:
/// <c>String</c>, <c>JsonContent</c>). <c>data</c> is given to the item's reader as a one-byte placeholder whose value is
/// read from the event's own bytes: no escaping in and unescaping out, and typed data is parsed where it lies. The
/// <c>event</c> name is read as one string reused while the name repeats. The values are recognised by where they lie (an
/// address, not a text), so no other string matches. An item whose reader never asked for <c>data</c> (it reads it some
/// other way) is read again from the whole event object (<see cref="DataRead"/>).
/// <para>
/// A model or a union of models is filled straight from the fields (<see cref="StartValues"/>, <see cref="Values"/>): the
/// model's reader reads each field's value with the member it declares for it, so no event object is written or parsed.
/// Any other item reads the event as the JSON object 3.2 defines, with this instance set for the thread (<see cref="Start"/>).
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
    private int _idAt = -1;
    private long? _valuesRetry;
    private bool _valuesVerbatim; // the array's name and id are the event's bytes as they are (nothing escaped)
    private readonly bool[] _present = new bool[4];

    internal EventFields(EventStreamParser parsed) => _event = parsed;

    /// <summary>The fields of the event whose object is being read on this thread (<see cref="Start"/>); null when none is.</summary>
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
        _valuesVerbatim = false; // the offsets are the object's now, not the array's
        DataRead = false;
        t_reading = this;
    }

    internal static void Stop() => t_reading = null;

    /// <summary>
    /// Starts reading an item from the fields themselves: the present fields, in the order of <see cref="Names"/>, as one
    /// JSON array (<c>data</c> the placeholder, the others their text or number) for <see cref="Values"/>. False, and
    /// nothing started, when a text field is not valid UTF-8 (on netstandard2.0: not ASCII): the event object holds it with
    /// replacement characters. No thread-static is set: the model's reader is given these fields (<see cref="JsonMember"/>).
    /// The array of the last event is kept when this one's name, <c>id</c> and <c>retry</c> are the same (the usual case:
    /// a stream repeats its event names, and most send no <c>id</c>), so only the data is checked then.
    /// </summary>
    internal bool StartValues()
    {
        if (!Utf8Text.IsValid(_event.Data))
        {
            return false;
        }

        if (!HoldsValues())
        {
            if (!Utf8Text.IsValid(_event.EventType) || !Utf8Text.IsValid(_event.Id))
            {
                return false;
            }

            WriteValues();
        }

        _json = _values;
        DataRead = false;
        return true;
    }

    /// <summary>True when the array holds this event's name, <c>id</c> and <c>retry</c> already (written as they are, unescaped).</summary>
    private bool HoldsValues()
    {
        if (!_valuesVerbatim || _event.Retry != _valuesRetry)
        {
            return false;
        }

        ReadOnlySpan<byte> json = _values!.Span;
        return Holds(json, _nameAt, _event.EventType) && Holds(json, _idAt, _event.Id);

        // Verbatim text holds no quote, so the string at `at` is utf8 exactly when it starts with it and ends right after.
        static bool Holds(ReadOnlySpan<byte> json, int at, ReadOnlySpan<byte> utf8) =>
            at < 0 ? utf8.Length == 0 : json.Slice(at).StartsWith(utf8) && json[at + utf8.Length] == (byte)'"';
    }

    private void WriteValues()
    {
        ReadOnlySpan<byte> name = _event.EventType;
        ReadOnlySpan<byte> id = _event.Id;
        PooledBytes values = _values ??= new PooledBytes();
        values.Clear();

        // One span for the whole array: at most six bytes per byte escaped (\u00XX), three per string, 20 digits and the rest.
        Span<byte> json = values.GetSpan(((name.Length + id.Length) * 6) + 40);
        int length = 0;
        json[length++] = (byte)'[';
        _nameAt = WriteString(json, ref length, name);
        _dataAt = WriteString(json, ref length, "-"u8);
        _idAt = WriteString(json, ref length, id);
        if (_event.Retry is { } retry)
        {
            json[length++] = (byte)',';
            Utf8Formatter.TryFormat(retry, json.Slice(length), out int written);
            length += written;
        }

        json[length++] = (byte)']';
        values.Advance(length);
        _present[EventField] = _nameAt >= 0;
        _present[DataField] = true;
        _present[IdField] = _idAt >= 0;
        _present[RetryField] = _event.Retry is not null;
        _valuesRetry = _event.Retry;
        _valuesVerbatim = !NeedsEscaping(name) && !NeedsEscaping(id);
    }

    /// <summary>True when the event has field <paramref name="field"/> (an index into <see cref="Names"/>).</summary>
    internal bool Has(int field) => _present[field];

    /// <summary>A reader on the array of the present fields' values (<see cref="StartValues"/>), on its start: each <c>Read</c> moves to the next.</summary>
    internal Utf8JsonReader Values()
    {
        var reader = new Utf8JsonReader(_values!.Span);
        reader.Read();
        return reader;
    }

    public void Dispose() => _values?.Dispose();

    /// <summary>
    /// Writes <paramref name="utf8"/> (valid UTF-8) as the array's next JSON string at <paramref name="length"/>, escaped
    /// only where JSON requires it; where its text starts, or -1 (nothing written) when it is empty.
    /// </summary>
    private static int WriteString(Span<byte> json, ref int length, ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length == 0)
        {
            return -1;
        }

        if (length > 1)
        {
            json[length++] = (byte)',';
        }

        json[length++] = (byte)'"';
        int at = length;
        if (NeedsEscaping(utf8))
        {
            // JSON's escapes for the few bytes that need one (a quote, a backslash, control characters); the rest as it is.
            foreach (byte b in utf8)
            {
                if (b is (byte)'"' or (byte)'\\' || b < 0x20)
                {
                    json[length++] = (byte)'\\';
                    json[length++] = (byte)'u';
                    Utf8Formatter.TryFormat(b, json.Slice(length), out int written, new System.Buffers.StandardFormat('X', 4));
                    length += written;
                }
                else
                {
                    json[length++] = b;
                }
            }
        }
        else
        {
            utf8.CopyTo(json.Slice(length));
            length += utf8.Length;
        }

        json[length++] = (byte)'"';
        return at;
    }

    // What JSON requires escaped in a string: a quote, a backslash, the control characters.
#if NET8_0_OR_GREATER
    private static readonly System.Buffers.SearchValues<byte> MustEscape = System.Buffers.SearchValues.Create(
        "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000B\f\r\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\"\\"u8);

    private static bool NeedsEscaping(ReadOnlySpan<byte> utf8) => utf8.IndexOfAny(MustEscape) >= 0;
#else
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
#endif

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

    /// <summary>The event's name is <paramref name="name"/> (a kind's discriminator value, <paramref name="utf8"/> its bytes): read as that string, not a new one.</summary>
    internal void NameIs(string name, byte[] utf8)
    {
        _name = name;
        _nameBytes = utf8;
    }

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
