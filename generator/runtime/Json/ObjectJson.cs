using System;
using System.ComponentModel;
using System.Text;
using System.Text.Json;

namespace OpenApiSdk.Runtime;

/// <summary>
/// Reads generated object models, subtypes included: where the requested type belongs to an inheritance hierarchy
/// (OpenAPI's discriminator on an <c>allOf</c> base), the discriminator's value chooses the runtime type.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ObjectJson
{
    /// <summary>Reads a <typeparamref name="T"/> from JSON text.</summary>
    /// <exception cref="JsonException">The text is not JSON, or its root is not an object.</exception>
    public static T FromJson<T>(string json)
        where T : OpenApiObject, new() =>
        FromJson<T>(Encoding.UTF8.GetBytes(json ?? throw new ArgumentNullException(nameof(json))));

    /// <summary>Reads a <typeparamref name="T"/> from UTF-8 JSON.</summary>
    /// <exception cref="JsonException">The text is not JSON, or its root is not an object.</exception>
    public static T FromJson<T>(ReadOnlySpan<byte> utf8Json)
        where T : OpenApiObject, new()
    {
        var reader = new Utf8JsonReader(utf8Json);
        T result;
        if (NonObjects<T>.Held)
        {
            OpenApiRuntime.ReadRootValue(ref reader, typeof(T).Name);
            result = ReadValue<T>(ref reader);
        }
        else
        {
            OpenApiRuntime.ReadRootObject(ref reader, typeof(T).Name);
            result = Read<T>(ref reader);
        }

        OpenApiRuntime.ReadEnd(ref reader);
        return result;
    }

    /// <summary>Whether <typeparamref name="T"/> holds JSON values that are not objects (its schema gives no type).</summary>
    public static bool HoldsNonObjects<T>()
        where T : OpenApiObject, new() => NonObjects<T>.Held;

    /// <summary>
    /// Reads the value the reader is on: an object as <see cref="Read{T}"/> does, any other value (null included) kept as
    /// JSON in a <typeparamref name="T"/> that holds such values (<see cref="HoldsNonObjects{T}"/>).
    /// </summary>
    public static T ReadValue<T>(ref Utf8JsonReader reader)
        where T : OpenApiObject, new()
    {
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            return Read<T>(ref reader);
        }

        var result = new T();
        ((INonObjectValue)result).NonObjectValue = OpenApiRuntime.ReadElement(ref reader);
        return result;
    }

    /// <summary>Reads the object the reader is on (its StartObject token) and leaves the reader on its EndObject.</summary>
    public static T Read<T>(ref Utf8JsonReader reader)
        where T : OpenApiObject, new()
    {
        T result = Subtypes<T>.Table is { } table ? Choose<T>(ref reader, table) : new T();
        result.ReadMembers(ref reader);
        return result;
    }

    /// <summary>Whether a <typeparamref name="T"/> can be filled from an event's fields (<see cref="TryReadEvent"/>): not chosen by a discriminator, holding only objects.</summary>
    internal static bool FillsFromEvent<T>()
        where T : OpenApiObject, new() => Subtypes<T>.Table is null && !NonObjects<T>.Held;

    /// <summary>
    /// Fills a <typeparamref name="T"/> (one that <see cref="FillsFromEvent{T}"/>) from the fields of the event being read,
    /// each by the member declared for it, as reading the event object would; false (nothing read) when the event has a
    /// field the type does not declare (the object keeps it in <c>AdditionalProperties</c>).
    /// </summary>
    internal static bool TryReadEvent<T>(Streaming.EventFields fields, out T value)
        where T : OpenApiObject, new()
    {
        value = null!;
        var result = new T();
        if (!result.TryReadEventMembers(fields))
        {
            return false;
        }

        value = result;
        return true;
    }

    /// <summary>
    /// The instance the discriminator's value names when that is a <typeparamref name="T"/>, else a plain
    /// <typeparamref name="T"/> (whose <c>Validate()</c> then reports the value); its discriminator is cleared, so
    /// that what is read is what the JSON holds.
    /// </summary>
    private static T Choose<T>(ref Utf8JsonReader reader, IObjectSubtypes table)
        where T : OpenApiObject, new()
    {
        OpenApiObject? named = FindDiscriminator(reader, table.Discriminator) is { } value ? table.Create(value) : null;

        // OpenAPI 3.2's defaultMapping: the type read when the discriminator is absent or names no type.
        named ??= (table as IObjectDefaultSubtype)?.CreateDefault();
        T result = named as T ?? new T();
        ((IObjectSubtypes)result).ClearDiscriminator();
        return result;
    }

    /// <summary>The string value of the member <paramref name="name"/> of the object <paramref name="reader"/> is on; null when absent or not a string.</summary>
    /// <remarks>Reads a copy of the reader (a struct), so the caller's position is kept; the object is buffered in full wherever the SDK reads one.</remarks>
    private static string? FindDiscriminator(Utf8JsonReader reader, string name)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool found = reader.ValueTextEquals(name);
            if (!reader.Read())
            {
                return null;
            }

            if (found)
            {
                return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }

            if (!reader.TrySkip())
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>One probe per requested type: whether it holds values that are not objects.</summary>
    private static class NonObjects<T>
        where T : OpenApiObject, new()
    {
        public static readonly bool Held = new T() is INonObjectValue;
    }

    /// <summary>One probe per requested type: its hierarchy's table of subtypes, null outside any hierarchy.</summary>
    private static class Subtypes<T>
        where T : OpenApiObject, new()
    {
        public static readonly IObjectSubtypes? Table = new T() as IObjectSubtypes;
    }
}
