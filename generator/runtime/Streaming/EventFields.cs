using System;
using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace OpenApiSdk.Runtime.Streaming;

/// <summary>
/// The fields of the OpenAPI 3.2 event whose item is being read, for the members that read them (<see cref="JsonMember"/>:
/// <c>String</c>, <c>Text</c>, <c>JsonContent</c>): the <c>event</c> name, <c>data</c> and <c>id</c> are taken from the
/// event's own bytes (no escaping in and unescaping out; typed data is parsed where it lies), and the name is one string
/// reused while it repeats. An item whose reader never asked for <c>data</c> (it reads it some other way) is read again
/// from the whole event object (<see cref="DataRead"/>).
/// <para>
/// A model or a union of models is filled straight from the fields (<see cref="StartFields"/>): the model's reader reads
/// each field with the member it declares for it, told which field it is, so no event object is written or parsed, and
/// no JSON is read at all for a field read as text; a member that reads its field as JSON (a number, an enum, any other
/// kind) is given a reader on the field's value (<see cref="ValueReader"/>). Any other item reads the event as the JSON
/// object 3.2 defines, with this instance set for the thread (<see cref="Start"/>): <c>data</c> is a one-byte placeholder
/// there, and the name and data are recognised by where they lie (an address, not a text), so no other string matches.
/// </para>
/// </summary>
internal sealed class EventFields : IDisposable
{
    /// <summary>The fields in the order the event object has them, and as they are read: <c>event</c> first (kinds are chosen by it).</summary>
    internal static readonly string[] Names = { "event", "data", "id", "retry" };

    /// <summary>The indexes of <see cref="Names"/>.</summary>
    internal const int EventField = 0;
    internal const int DataField = 1;
    internal const int IdField = 2;
    internal const int RetryField = 3;

    [ThreadStatic]
    private static EventFields? t_reading;

    private readonly EventStreamParser _event;
    private byte[] _nameBytes = Array.Empty<byte>();
    private string _name = string.Empty;
    private PooledBytes? _json;
    private int _nameAt = -1;
    private int _dataAt = -1;
    private PooledBytes? _values;
    private bool _valuesWritten;
    private int _present; // the fields the event has: bit 1 << field

    internal EventFields(EventStreamParser parsed) => _event = parsed;

    /// <summary>The fields of the event whose object is being read on this thread (<see cref="Start"/>); null when none is.</summary>
    internal static EventFields? Reading => t_reading;

    /// <summary>True once the item's reader has read <c>data</c> (as a string or as its JSON content).</summary>
    internal bool DataRead { get; private set; }

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
    /// Starts filling an item from the fields themselves. False, and nothing started, when a text field is not valid UTF-8
    /// (on netstandard2.0: not ASCII): the event object holds it with replacement characters. No thread-static is set: the
    /// model's reader is given these fields (<see cref="JsonMember"/>).
    /// </summary>
    internal bool StartFields()
    {
        if (!Utf8Text.IsValid(_event.Data) || !Utf8Text.IsValid(_event.EventType) || !Utf8Text.IsValid(_event.Id))
        {
            return false;
        }

        _present = (1 << DataField)
            | (_event.EventType.Length > 0 ? 1 << EventField : 0)
            | (_event.Id.Length > 0 ? 1 << IdField : 0)
            | (_event.Retry is not null ? 1 << RetryField : 0);
        _valuesWritten = false;
        DataRead = false;
        return true;
    }

    /// <summary>True when the event being filled (<see cref="StartFields"/>) has field <paramref name="field"/> (an index into <see cref="Names"/>).</summary>
    internal bool Has(int field) => (_present & (1 << field)) != 0;

    /// <summary>The text of field <paramref name="field"/>, which is not <c>retry</c> (a number).</summary>
    internal string Text(int field) => field switch
    {
        EventField => Name(),
        DataField => Decode(ReadData()),
        _ => Decode(_event.Id),
    };

    /// <summary>The event's data (valid UTF-8 wherever it is asked for), now counted as read by the item's reader.</summary>
    internal ReadOnlySpan<byte> ReadData()
    {
        DataRead = true;
        return _event.Data;
    }

    /// <summary>
    /// A reader on the value of field <paramref name="field"/> as the event object would hold it (<c>data</c> the placeholder,
    /// the others their text or number), for a member that reads it as JSON: the present fields are written as one JSON array
    /// the first time an event asks.
    /// </summary>
    internal Utf8JsonReader ValueReader(int field)
    {
        if (!_valuesWritten)
        {
            WriteValues();
            _valuesWritten = true;
        }

        var reader = new Utf8JsonReader(_values!.Span);
        reader.Read(); // the array's start
        for (int each = 0; each <= field; each++)
        {
            if (Has(each))
            {
                reader.Read();
            }
        }

        return reader;
    }

    public void Dispose() => _values?.Dispose();

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
        WriteString(json, ref length, name);
        WriteString(json, ref length, "-"u8);
        WriteString(json, ref length, id);
        if (_event.Retry is { } retry)
        {
            json[length++] = (byte)',';
            Utf8Formatter.TryFormat(retry, json.Slice(length), out int written);
            length += written;
        }

        json[length++] = (byte)']';
        values.Advance(length);
    }

    /// <summary>
    /// Writes <paramref name="utf8"/> (valid UTF-8) as the array's next JSON string at <paramref name="length"/>, escaped
    /// only where JSON requires it; nothing when it is empty (the field is absent).
    /// </summary>
    private static void WriteString(Span<byte> json, ref int length, ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length == 0)
        {
            return;
        }

        if (length > 1)
        {
            json[length++] = (byte)',';
        }

        json[length++] = (byte)'"';
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

    /// <summary>
    /// In the event object (<see cref="Start"/>): the field whose value the reader is on, recognised by where it lies, when it
    /// is the name or the data; -1 otherwise.
    /// </summary>
    internal int FieldAt(ref Utf8JsonReader reader) =>
        reader.TokenType != JsonTokenType.String || reader.HasValueSequence || !_json!.Span.Overlaps(reader.ValueSpan, out int at) ? -1
        : at == _dataAt ? DataField
        : at == _nameAt ? EventField
        : -1;

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
