using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;

namespace OpenApiSdk.Runtime;

/// <summary>
/// How one kind of JSON value is read, written and compared: a list item, a map value, a union alternative or a
/// property that is a list, a map or a union. The instances are shared (<see cref="Json"/>, <see cref="List"/>,
/// <see cref="Map"/>), so generated code that names one allocates nothing.
/// </summary>
/// <typeparam name="T">The C# type of the value.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class JsonItem<T>
{
    private JsonItem<List<T>>? _list;
    private JsonItem<Dictionary<string, T>>? _map;

    private protected JsonItem()
    {
    }

    /// <summary>A JSON array of these values.</summary>
    public JsonItem<List<T>> List => _list ??= new ListItem<T>(this);

    /// <summary>A JSON object whose members are these values.</summary>
    public JsonItem<Dictionary<string, T>> Map => _map ??= new MapItem<T>(this);

    /// <summary>The kind, as a union's messages name it ("a string", "an object").</summary>
    internal abstract string Kind { get; }

    /// <summary>A cache for <see cref="Json.OrNull{T}(JsonItem{T})"/> and <see cref="Json.Nullable{T}(JsonItem{T})"/>.</summary>
    internal object? NullableForm { get; set; }

    /// <summary>Reads the value the reader is on; a mismatch is skipped, recorded on <paramref name="owner"/> at <paramref name="path"/>, and gives false.</summary>
    internal abstract bool Read(ref Utf8JsonReader reader, OpenApiModel owner, in JsonPath path, out T value);

    /// <summary>Writes a value (null as JSON null).</summary>
    internal abstract void Write(Utf8JsonWriter writer, T value);

    /// <summary>Compares two values as the models compare properties (JSON values by their text).</summary>
    internal virtual bool Equal(T left, T right) => EqualityComparer<T>.Default.Equals(left, right);

    /// <summary>
    /// Fills a value straight from the fields of the OpenAPI 3.2 event being read (no event object); false when this kind
    /// cannot be (only models and unions of models can), and the event object is read instead.
    /// </summary>
    internal virtual bool TryReadEvent(Streaming.EventFields fields, out T value)
    {
        value = default!;
        return false;
    }
}

/// <summary>Reads one value; a mismatch is recorded on the owner.</summary>
internal delegate bool JsonReadFunc<T>(ref Utf8JsonReader reader, OpenApiModel owner, in JsonPath path, out T value);

internal sealed class ScalarItem<T> : JsonItem<T>
{
    private readonly JsonReadFunc<T> _read;
    private readonly Action<Utf8JsonWriter, T> _write;

    public ScalarItem(string kind, JsonReadFunc<T> read, Action<Utf8JsonWriter, T> write)
    {
        Kind = kind;
        _read = read;
        _write = write;
    }

    internal override string Kind { get; }

    internal override bool Read(ref Utf8JsonReader reader, OpenApiModel owner, in JsonPath path, out T value) => _read(ref reader, owner, path, out value);

    internal override void Write(Utf8JsonWriter writer, T value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            _write(writer, value);
        }
    }
}

internal sealed class BytesItem : JsonItem<byte[]>
{
    internal override string Kind => "a string";

    internal override bool Read(ref Utf8JsonReader reader, OpenApiModel owner, in JsonPath path, out byte[] value) => JsonRead.Bytes(ref reader, owner, path, out value);

    internal override void Write(Utf8JsonWriter writer, byte[] value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteBase64StringValue(value);
        }
    }

    internal override bool Equal(byte[] left, byte[] right) => OpenApiRuntime.SequenceEqual(left, right);
}

internal sealed class AnyItem : JsonItem<JsonElement>
{
    internal override string Kind => "any JSON value";

    internal override bool Read(ref Utf8JsonReader reader, OpenApiModel owner, in JsonPath path, out JsonElement value)
    {
        value = OpenApiRuntime.ReadElement(ref reader);
        return true;
    }

    internal override void Write(Utf8JsonWriter writer, JsonElement value) => value.WriteTo(writer);

    internal override bool Equal(JsonElement left, JsonElement right) => left.GetRawText() == right.GetRawText();
}

internal sealed class ModelItem<T> : JsonItem<T>
    where T : OpenApiObject, new()
{
    public static readonly ModelItem<T> Instance = new();

    internal override string Kind => "an object";

    internal override bool Read(ref Utf8JsonReader reader, OpenApiModel owner, in JsonPath path, out T value) => JsonRead.Model(ref reader, owner, path, out value);

    // 1 when T fills from an event's fields, -1 when not, 0 until the first event asks (not when Instance is made: asking
    // makes a T, whose statics may name this item). An int: written whole, whichever thread asks first.
    private int _fillsFromEvent;

    internal override bool TryReadEvent(Streaming.EventFields fields, out T value)
    {
        if (_fillsFromEvent == 0)
        {
            _fillsFromEvent = ObjectJson.FillsFromEvent<T>() ? 1 : -1;
        }

        if (_fillsFromEvent > 0)
        {
            return ObjectJson.TryReadEvent(fields, out value);
        }

        value = null!;
        return false;
    }

    internal override void Write(Utf8JsonWriter writer, T value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            value.WriteJson(writer);
        }
    }
}

internal sealed class EnumItem<T> : JsonItem<T>
    where T : struct, IOpenApiEnumValue<T>
{
    public static readonly EnumItem<T> Instance = new();

    internal override string Kind => "a string";

    internal override bool Read(ref Utf8JsonReader reader, OpenApiModel owner, in JsonPath path, out T value) => JsonRead.Enum(ref reader, owner, path, out value);

    internal override void Write(Utf8JsonWriter writer, T value) => writer.WriteStringValue(value.Value);

    internal override bool Equal(T left, T right) => left.Equals(right);
}

/// <summary>A value type that may be JSON null.</summary>
internal sealed class NullableItem<T> : JsonItem<T?>
    where T : struct
{
    private readonly JsonItem<T> _item;

    public NullableItem(JsonItem<T> item) => _item = item;

    internal override string Kind => _item.Kind;

    internal override bool Read(ref Utf8JsonReader reader, OpenApiModel owner, in JsonPath path, out T? value)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            value = null;
            return true;
        }

        bool read = _item.Read(ref reader, owner, path, out T item);
        value = item;
        return read;
    }

    internal override void Write(Utf8JsonWriter writer, T? value)
    {
        if (value is { } item)
        {
            _item.Write(writer, item);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    internal override bool Equal(T? left, T? right) =>
        left is { } l ? right is { } r && _item.Equal(l, r) : right is null;
}

/// <summary>A reference type that may be JSON null.</summary>
internal sealed class OrNullItem<T> : JsonItem<T?>
    where T : class
{
    private readonly JsonItem<T> _item;

    public OrNullItem(JsonItem<T> item) => _item = item;

    internal override string Kind => _item.Kind;

    internal override bool Read(ref Utf8JsonReader reader, OpenApiModel owner, in JsonPath path, out T? value)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            value = null;
            return true;
        }

        bool read = _item.Read(ref reader, owner, path, out T item);
        value = item;
        return read;
    }

    internal override void Write(Utf8JsonWriter writer, T? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            _item.Write(writer, value);
        }
    }

    internal override bool Equal(T? left, T? right) =>
        left is null || right is null ? left is null && right is null : _item.Equal(left, right);
}

internal sealed class ListItem<T> : JsonItem<List<T>>
{
    private readonly JsonItem<T> _item;

    public ListItem(JsonItem<T> item) => _item = item;

    internal override string Kind => "an array";

    internal override bool Read(ref Utf8JsonReader reader, OpenApiModel owner, in JsonPath path, out List<T> value)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            value = null!;
            return JsonRead.NotNull(ref reader, owner, path) && Mismatch(ref reader, owner, path);
        }

        string pointer = path.ToString();
        var list = new List<T>();
        int index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (_item.Read(ref reader, owner, new JsonPath(pointer, index), out T item))
            {
                list.Add(item);
            }

            index++;
        }

        value = list;
        return true;
    }

    private static bool Mismatch(ref Utf8JsonReader reader, OpenApiModel owner, in JsonPath path)
    {
        reader.Skip();
        owner.AddReadError(path.ToString(), "must be an array");
        return false;
    }

    internal override void Write(Utf8JsonWriter writer, List<T> value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartArray();
        foreach (T item in value)
        {
            _item.Write(writer, item);
        }

        writer.WriteEndArray();
    }

    internal override bool Equal(List<T> left, List<T> right)
    {
        if (left is null || right is null)
        {
            return left is null && right is null;
        }

        if (left.Count != right.Count)
        {
            return false;
        }

        for (int i = 0; i < left.Count; i++)
        {
            if (!_item.Equal(left[i], right[i]))
            {
                return false;
            }
        }

        return true;
    }
}

internal sealed class MapItem<T> : JsonItem<Dictionary<string, T>>
{
    private readonly JsonItem<T> _item;

    public MapItem(JsonItem<T> item) => _item = item;

    internal override string Kind => "an object";

    internal override bool Read(ref Utf8JsonReader reader, OpenApiModel owner, in JsonPath path, out Dictionary<string, T> value)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            value = null!;
            if (!JsonRead.NotNull(ref reader, owner, path))
            {
                return false;
            }

            reader.Skip();
            owner.AddReadError(path.ToString(), "must be an object");
            return false;
        }

        string pointer = path.ToString();
        var map = new Dictionary<string, T>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string key = reader.GetString() ?? string.Empty;
            reader.Read();
            if (_item.Read(ref reader, owner, new JsonPath(pointer, key), out T item))
            {
                map[key] = item;
            }
        }

        value = map;
        return true;
    }

    internal override void Write(Utf8JsonWriter writer, Dictionary<string, T> value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        foreach (KeyValuePair<string, T> entry in value)
        {
            writer.WritePropertyName(entry.Key);
            _item.Write(writer, entry.Value);
        }

        writer.WriteEndObject();
    }

    internal override bool Equal(Dictionary<string, T> left, Dictionary<string, T> right)
    {
        if (left is null || right is null)
        {
            return left is null && right is null;
        }

        if (left.Count != right.Count)
        {
            return false;
        }

        foreach (KeyValuePair<string, T> entry in left)
        {
            if (!right.TryGetValue(entry.Key, out T? other) || !_item.Equal(entry.Value, other))
            {
                return false;
            }
        }

        return true;
    }
}
