using System;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenApiSdk.Runtime;

/// <summary>Plugs a generated model's reader and writer into <c>JsonSerializer</c> (named by its <c>[JsonConverter]</c>).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ModelJsonConverter<T> : JsonConverter<T>
    where T : OpenApiObject, new()
{
    /// <inheritdoc/>
    /// <remarks>In an inheritance hierarchy the discriminator chooses the subtype (JsonSerializer buffers the whole object for a converter).</remarks>
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (ObjectJson.HoldsNonObjects<T>())
        {
            return ObjectJson.ReadValue<T>(ref reader);
        }

        OpenApiRuntime.ExpectObject(ref reader, typeof(T).Name);
        return ObjectJson.Read<T>(ref reader);
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => (value ?? throw new ArgumentNullException(nameof(value))).WriteJson(writer);
}

/// <summary>Plugs a generated extensible enum into <c>JsonSerializer</c>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class EnumJsonConverter<T> : JsonConverter<T>
    where T : struct, IOpenApiEnumValue<T>
{
    /// <inheritdoc/>
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        default(T).WithValue(reader.GetString() ?? throw new JsonException("Expected a string."));

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        (writer ?? throw new ArgumentNullException(nameof(writer))).WriteStringValue(value.Value);
}
