using System;
using System.Buffers;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace OpenApiSdk.Runtime;

/// <summary>
/// The declared property being read (see <see cref="IObjectMembers.Read"/>): which one, and the model that records
/// a read error at its JSON Pointer. Each method reads the value the reader is on; a mismatch (JSON null included,
/// unless tested with <see cref="IsNull"/> first) is skipped, recorded and gives false.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Each method is named after the C# type it reads.")]
public readonly struct JsonMember
{
    private readonly OpenApiModel _owner;
    private readonly JsonNames _names;
    private readonly Streaming.EventFields? _event;

    // Filling from an event's fields: the field this member's value is (an index into EventFields.Names), and the reader is
    // on nothing until a method reads the value as JSON (Positioned); -1 otherwise.
    private readonly int _eventField;

    internal JsonMember(OpenApiModel owner, JsonNames names, int index, Streaming.EventFields? eventFields = null, int eventField = -1)
    {
        _owner = owner;
        _names = names;
        Index = index;
        _event = eventFields;
        _eventField = eventField;
    }

    /// <summary>The member's index in the model's <see cref="JsonNames"/>.</summary>
    public int Index { get; }

    private JsonPath Path => new(_names.Pointer(Index));

    /// <summary>True when the value is JSON null (which a nullable member stores as null).</summary>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Called on the member, like every other read.")]
    public bool IsNull(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null;

    /// <summary>Reads a string (a member of an event: its name, data or id from the event's own bytes).</summary>
    public bool String(ref Utf8JsonReader reader, out string value)
    {
        if (EventField(ref reader) is int field and >= 0 and not Streaming.EventFields.RetryField)
        {
            value = _event!.Text(field);
            return true;
        }

        return JsonRead.String(ref Positioned(ref reader), _owner, Path, out value);
    }

    /// <summary>
    /// Reads the text of a string property that holds JSON: the string, or an event's data kept as a copy of its UTF-8 bytes
    /// that <see cref="ContentText.Text"/> decodes when first asked for.
    /// </summary>
    public bool Text(ref Utf8JsonReader reader, out ContentText value)
    {
        if (EventField(ref reader) == Streaming.EventFields.DataField)
        {
            value = ContentText.Utf8(_event!.ReadData().ToArray());
            return true;
        }

        bool read = String(ref reader, out string text);
        value = new ContentText(read ? text : null);
        return read;
    }

    /// <summary>Reads a 32-bit integer.</summary>
    public bool Int32(ref Utf8JsonReader reader, out int value) => JsonRead.Int32(ref Positioned(ref reader), _owner, Path, out value);

    /// <summary>Reads a 64-bit integer.</summary>
    public bool Int64(ref Utf8JsonReader reader, out long value) => JsonRead.Int64(ref Positioned(ref reader), _owner, Path, out value);

    /// <summary>Reads a float.</summary>
    public bool Single(ref Utf8JsonReader reader, out float value) => JsonRead.Single(ref Positioned(ref reader), _owner, Path, out value);

    /// <summary>Reads a double.</summary>
    public bool Double(ref Utf8JsonReader reader, out double value) => JsonRead.Double(ref Positioned(ref reader), _owner, Path, out value);

    /// <summary>Reads a decimal.</summary>
    public bool Decimal(ref Utf8JsonReader reader, out decimal value) => JsonRead.Decimal(ref Positioned(ref reader), _owner, Path, out value);

    /// <summary>Reads true or false.</summary>
    public bool Boolean(ref Utf8JsonReader reader, out bool value) => JsonRead.Boolean(ref Positioned(ref reader), _owner, Path, out value);

    /// <summary>Reads an RFC 3339 date-time with its offset.</summary>
    public bool DateTime(ref Utf8JsonReader reader, out DateTimeOffset value) => JsonRead.DateTime(ref Positioned(ref reader), _owner, Path, out value);

    /// <summary>Reads a UUID string.</summary>
    public bool Guid(ref Utf8JsonReader reader, out Guid value) => JsonRead.Guid(ref Positioned(ref reader), _owner, Path, out value);

    /// <summary>Reads a base64 string.</summary>
    public bool Bytes(ref Utf8JsonReader reader, out byte[] value) => JsonRead.Bytes(ref Positioned(ref reader), _owner, Path, out value);

    /// <summary>Reads any JSON value as it is (JSON null included); never fails.</summary>
    public JsonElement Any(ref Utf8JsonReader reader) => OpenApiRuntime.ReadElement(ref Positioned(ref reader));

    /// <summary>Reads a generated object model.</summary>
    public bool Model<T>(ref Utf8JsonReader reader, out T value)
        where T : OpenApiObject, new() =>
        JsonRead.Model(ref Positioned(ref reader), _owner, Path, out value);

    /// <summary>Reads a generated extensible enum.</summary>
    public bool Enum<T>(ref Utf8JsonReader reader, out T value)
        where T : struct, IOpenApiEnumValue<T> =>
        JsonRead.Enum(ref Positioned(ref reader), _owner, Path, out value);

    /// <summary>Reads a value of <paramref name="item"/>'s kind: a list, a map, a union.</summary>
    public bool Value<T>(ref Utf8JsonReader reader, JsonItem<T> item, out T value)
    {
        _ = item ?? throw new ArgumentNullException(nameof(item));
        Positioned(ref reader);
        if (!JsonRead.NotNull(ref reader, _owner, Path))
        {
            value = default!;
            return false;
        }

        return item.Read(ref reader, _owner, Path, out value);
    }

    /// <summary>
    /// Reads the JSON held in the string the reader is on (JSON Schema's <c>contentMediaType: application/json</c> with a
    /// <c>contentSchema</c>): the string is unescaped into a pooled buffer and read as <paramref name="item"/>'s kind. A string
    /// that is not one JSON text, or a value that does not fit, is recorded at the member's pointer and gives false.
    /// </summary>
    public bool JsonContent<T>(ref Utf8JsonReader reader, JsonItem<T> item, out T value)
    {
        _ = item ?? throw new ArgumentNullException(nameof(item));
        value = default!;
        if (EventField(ref reader) == Streaming.EventFields.DataField)
        {
            // An event's data: its JSON is read where it lies, nothing to unescape.
            try
            {
                var data = new Utf8JsonReader(_event!.ReadData());
                return ReadContent(ref data, item, out value);
            }
            catch (JsonException)
            {
                value = default!;
                return JsonRead.Failed(_owner, Path, NotJsonContent);
            }
        }

        if (Positioned(ref reader).TokenType != JsonTokenType.String)
        {
            return false;
        }

        // Unescaping never lengthens the text, so the escaped length bounds the buffer.
        int escapedLength = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        byte[] buffer = ArrayPool<byte>.Shared.Rent(Math.Max(escapedLength, 1));
        try
        {
            int length = reader.CopyString(buffer);
            var content = new Utf8JsonReader(buffer.AsSpan(0, length));
            return ReadContent(ref content, item, out value);
        }
        catch (JsonException)
        {
            value = default!;
            return JsonRead.Failed(_owner, Path, NotJsonContent);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The event field the value is (filling from the fields: given; in the event object: recognised by where it lies); -1 when none.</summary>
    private int EventField(ref Utf8JsonReader reader) => _eventField >= 0 ? _eventField : _event is { } fields ? fields.FieldAt(ref reader) : -1;

    /// <summary>The reader on the value: filling from an event's fields, put on the field's value the first time a method reads it as JSON.</summary>
    private ref Utf8JsonReader Positioned(ref Utf8JsonReader reader)
    {
        if (_eventField >= 0 && reader.TokenType == JsonTokenType.None)
        {
            reader = _event!.ValueReader(_eventField);
        }

        return ref reader;
    }

    /// <summary>What a string declared to hold JSON (<c>contentMediaType: application/json</c>) is reported with when it does not.</summary>
    internal const string NotJsonContent = "must be a JSON text (contentMediaType: application/json)";

    private bool ReadContent<T>(ref Utf8JsonReader content, JsonItem<T> item, out T value)
    {
        value = default!;
        if (!content.Read())
        {
            return JsonRead.Failed(_owner, Path, NotJsonContent);
        }

        if (!JsonRead.NotNull(ref content, _owner, Path) || !item.Read(ref content, _owner, Path, out value))
        {
            return false;
        }

        // One JSON text: anything after the value (another value) is not JSON; Read throws on text that is not.
        return !content.Read() || JsonRead.Failed(_owner, Path, NotJsonContent);
    }
}
