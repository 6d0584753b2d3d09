using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace OpenApiSdk.Runtime;

/// <summary>
/// Writes a model's declared properties (see <see cref="IObjectMembers.Write"/>) by their number in its
/// <see cref="JsonNames"/>. A null value is left out: a property that was never set is not sent. A property whose
/// schema allows null writes it with <see cref="Null"/>. The same calls build the model's hash code and its
/// <c>ToString()</c> text, when the writer was made for those instead of JSON.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Each method is named after the kind of value it writes.")]
public readonly struct JsonMemberWriter
{
    private readonly Utf8JsonWriter? _writer;
    private readonly MemberSink? _sink;
    private readonly JsonNames _names;

    internal JsonMemberWriter(Utf8JsonWriter writer, JsonNames names)
    {
        _writer = writer;
        _sink = null;
        _names = names;
    }

    internal JsonMemberWriter(MemberSink sink, JsonNames names)
    {
        _writer = null;
        _sink = sink;
        _names = names;
    }

    /// <summary>Writes JSON null.</summary>
    public void Null(int member)
    {
        if (_writer is not null)
        {
            _writer.WriteNull(_names[member]);
        }
        else
        {
            _sink!.Add(member, null);
        }
    }

    /// <summary>Writes a string.</summary>
    public void String(int member, string? value)
    {
        if (value is not null)
        {
            if (_writer is not null)
            {
                _writer.WriteString(_names[member], value);
            }
            else
            {
                _sink!.Add(member, value);
            }
        }
    }

    /// <summary>Writes a number.</summary>
    public void Number(int member, int? value)
    {
        if (value is { } x)
        {
            if (_writer is not null)
            {
                _writer.WriteNumber(_names[member], x);
            }
            else
            {
                _sink!.Add(member, x);
            }
        }
    }

    /// <summary>Writes a number.</summary>
    public void Number(int member, long? value)
    {
        if (value is { } x)
        {
            if (_writer is not null)
            {
                _writer.WriteNumber(_names[member], x);
            }
            else
            {
                _sink!.Add(member, x);
            }
        }
    }

    /// <summary>Writes a number.</summary>
    public void Number(int member, float? value)
    {
        if (value is { } x)
        {
            if (_writer is not null)
            {
                _writer.WriteNumber(_names[member], x);
            }
            else
            {
                _sink!.Add(member, x);
            }
        }
    }

    /// <summary>Writes a number.</summary>
    public void Number(int member, double? value)
    {
        if (value is { } x)
        {
            if (_writer is not null)
            {
                _writer.WriteNumber(_names[member], x);
            }
            else
            {
                _sink!.Add(member, x);
            }
        }
    }

    /// <summary>Writes a number.</summary>
    public void Number(int member, decimal? value)
    {
        if (value is { } x)
        {
            if (_writer is not null)
            {
                _writer.WriteNumber(_names[member], x);
            }
            else
            {
                _sink!.Add(member, x);
            }
        }
    }

    /// <summary>Writes true or false.</summary>
    public void Boolean(int member, bool? value)
    {
        if (value is { } x)
        {
            if (_writer is not null)
            {
                _writer.WriteBoolean(_names[member], x);
            }
            else
            {
                _sink!.Add(member, x);
            }
        }
    }

    /// <summary>Writes an RFC 3339 date-time ("Z" for UTC).</summary>
    public void DateTime(int member, DateTimeOffset? value)
    {
        if (value is { } x)
        {
            if (_writer is not null)
            {
                _writer.WritePropertyName(_names[member]);
                OpenApiRuntime.WriteDateTime(_writer, x);
            }
            else
            {
                _sink!.Add(member, x);
            }
        }
    }

    /// <summary>Writes a UUID string.</summary>
    public void Guid(int member, Guid? value)
    {
        if (value is { } x)
        {
            if (_writer is not null)
            {
                _writer.WriteString(_names[member], x);
            }
            else
            {
                _sink!.Add(member, x);
            }
        }
    }

    /// <summary>Writes a base64 string.</summary>
    public void Bytes(int member, byte[]? value)
    {
        if (value is not null)
        {
            if (_writer is not null)
            {
                _writer.WriteBase64String(_names[member], value);
            }
            else
            {
                _sink!.Add(member, value);
            }
        }
    }

    /// <summary>Writes a JSON value as it is.</summary>
    public void Any(int member, JsonElement? value)
    {
        if (value is { } x)
        {
            if (_writer is not null)
            {
                _writer.WritePropertyName(_names[member]);
                x.WriteTo(_writer);
            }
            else
            {
                _sink!.Add(member, x);
            }
        }
    }

    /// <summary>Writes a generated model or union.</summary>
    public void Model(int member, OpenApiModel? value)
    {
        if (value is not null)
        {
            if (_writer is not null)
            {
                _writer.WritePropertyName(_names[member]);
                value.WriteJson(_writer);
            }
            else
            {
                _sink!.Add(member, value);
            }
        }
    }

    /// <summary>Writes a generated extensible enum.</summary>
    public void Enum<T>(int member, T? value)
        where T : struct, IOpenApiEnumValue
    {
        if (value is { } x)
        {
            if (_writer is not null)
            {
                _writer.WriteString(_names[member], x.Value);
            }
            else
            {
                _sink!.Add(member, x);
            }
        }
    }

    /// <summary>Writes a value of <paramref name="item"/>'s kind: a list, a map.</summary>
    public void Value<T>(int member, T? value, JsonItem<T> item)
        where T : class
    {
        if (value is not null)
        {
            if (_writer is not null)
            {
                _writer.WritePropertyName(_names[member]);
                (item ?? throw new ArgumentNullException(nameof(item))).Write(_writer, value);
            }
            else
            {
                _sink!.Add(member, value);
            }
        }
    }
}
