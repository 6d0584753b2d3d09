using System;
using System.Text.Json;

namespace OpenApiSdk.Runtime;

/// <summary>
/// Reads one JSON value of each kind the generator maps to C#. A value of the wrong kind is skipped and recorded on
/// the model as a read error (never thrown), so one pass names every problem of a payload; JSON null where the
/// schema allows none is recorded as "must not be null".
/// </summary>
internal static class JsonRead
{
    public static bool String(ref Utf8JsonReader reader, OpenApiModel owner, in JsonPath path, out string value)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            value = reader.GetString()!;
            return true;
        }

        value = string.Empty;
        return Mismatch(ref reader, owner, path, "must be a string");
    }

    public static bool Int32(ref Utf8JsonReader reader, OpenApiModel owner, in JsonPath path, out int value)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            if (reader.TryGetInt32(out value))
            {
                return true;
            }

            if (IntegralNumber(ref reader, out long whole) && whole is >= int.MinValue and <= int.MaxValue)
            {
                value = (int)whole;
                return true;
            }
        }

        return Mismatch(ref reader, owner, path, "must be a 32-bit integer", out value);
    }

    public static bool Int64(ref Utf8JsonReader reader, OpenApiModel owner, in JsonPath path, out long value) =>
        reader.TokenType == JsonTokenType.Number && (reader.TryGetInt64(out value) || IntegralNumber(ref reader, out value)) || Mismatch(ref reader, owner, path, "must be an integer", out value);

    /// <summary>
    /// A number written with a fraction or an exponent whose value is a whole number (<c>1.0</c>, <c>1e2</c>): an integer in
    /// JSON Schema 2020-12 (validation §6.1.1: "a number with a zero fractional part"), which <c>TryGetInt64</c> refuses.
    /// </summary>
    private static bool IntegralNumber(ref Utf8JsonReader reader, out long value)
    {
        value = 0;
        if (!reader.TryGetDecimal(out decimal number) || decimal.Truncate(number) != number || number < long.MinValue || number > long.MaxValue)
        {
            return false;
        }

        value = (long)number;
        return true;
    }

    public static bool Single(ref Utf8JsonReader reader, OpenApiModel owner, in JsonPath path, out float value) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetSingle(out value) || Mismatch(ref reader, owner, path, "must be a number", out value);

    public static bool Double(ref Utf8JsonReader reader, OpenApiModel owner, in JsonPath path, out double value) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out value) || Mismatch(ref reader, owner, path, "must be a number", out value);

    public static bool Decimal(ref Utf8JsonReader reader, OpenApiModel owner, in JsonPath path, out decimal value) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out value) || Mismatch(ref reader, owner, path, "must be a number", out value);

    public static bool Boolean(ref Utf8JsonReader reader, OpenApiModel owner, in JsonPath path, out bool value)
    {
        if (reader.TokenType is JsonTokenType.True or JsonTokenType.False)
        {
            value = reader.GetBoolean();
            return true;
        }

        return Mismatch(ref reader, owner, path, "must be a boolean", out value);
    }

    public static bool DateTime(ref Utf8JsonReader reader, OpenApiModel owner, in JsonPath path, out DateTimeOffset value)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            value = default;
            return Failed(owner, path, "must not be null");
        }

        return OpenApiRuntime.TryReadDateTimeOffset(ref reader, out value) || Failed(owner, path, "must be a date-time string (RFC 3339)");
    }

    public static bool Guid(ref Utf8JsonReader reader, OpenApiModel owner, in JsonPath path, out Guid value) =>
        reader.TokenType == JsonTokenType.String && reader.TryGetGuid(out value) || Mismatch(ref reader, owner, path, "must be a UUID string", out value);

    public static bool Bytes(ref Utf8JsonReader reader, OpenApiModel owner, in JsonPath path, out byte[] value)
    {
        if (reader.TokenType == JsonTokenType.String && reader.TryGetBytesFromBase64(out byte[]? bytes))
        {
            value = bytes!;
            return true;
        }

        value = Array.Empty<byte>();
        return Mismatch(ref reader, owner, path, "must be a base64 string");
    }

    public static bool Model<T>(ref Utf8JsonReader reader, OpenApiModel owner, in JsonPath path, out T value)
        where T : OpenApiObject, new()
    {
        if (reader.TokenType == JsonTokenType.StartObject || ObjectJson.HoldsNonObjects<T>())
        {
            value = ObjectJson.ReadValue<T>(ref reader);
            return true;
        }

        value = null!;
        return Mismatch(ref reader, owner, path, "must be an object");
    }

    public static bool Enum<T>(ref Utf8JsonReader reader, OpenApiModel owner, in JsonPath path, out T value)
        where T : struct, IOpenApiEnumValue<T>
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            value = default(T).WithValue(reader.GetString()!);
            return true;
        }

        return Mismatch(ref reader, owner, path, "must be a string", out value);
    }

    /// <summary>JSON null where the schema allows none: recorded, and false.</summary>
    public static bool NotNull(ref Utf8JsonReader reader, OpenApiModel owner, in JsonPath path) =>
        reader.TokenType != JsonTokenType.Null || Failed(owner, path, "must not be null");

    private static bool Mismatch<T>(ref Utf8JsonReader reader, OpenApiModel owner, in JsonPath path, string message, out T value)
        where T : struct
    {
        value = default;
        return Mismatch(ref reader, owner, path, message);
    }

    private static bool Mismatch(ref Utf8JsonReader reader, OpenApiModel owner, in JsonPath path, string message)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return Failed(owner, path, "must not be null");
        }

        reader.Skip();
        return Failed(owner, path, message);
    }

    internal static bool Failed(OpenApiModel owner, in JsonPath path, string message)
    {
        owner.AddReadError(path.ToString(), message);
        return false;
    }
}
