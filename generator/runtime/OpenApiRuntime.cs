using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Linq;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OpenApiSdk.Runtime;

/// <summary>Helpers the generated models call.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class OpenApiRuntime
{
    /// <summary>Escapes a member name as one JSON Pointer (RFC 6901) reference token.</summary>
    public static string EscapePointer(string name) =>
        name.IndexOf('~') < 0 && name.IndexOf('/') < 0 ? name : name.Replace("~", "~0").Replace("/", "~1");

    /// <summary>The length in Unicode code points, as JSON Schema counts it.</summary>
    public static int Length(string value)
    {
        int length = value.Length;
        for (int i = 1; i < value.Length; i++)
        {
            if (char.IsLowSurrogate(value[i]) && char.IsHighSurrogate(value[i - 1]))
            {
                length--;
            }
        }

        return length;
    }

    /// <summary>A culture-invariant pattern with a two-second match timeout.</summary>
    public static Regex CreatePattern(string pattern) =>
        new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));

    /// <summary>
    /// An ECMA-262 pattern (JSON Schema's dialect) as a .NET one (<c>$</c>, <c>\d</c>, <c>\w</c>, <c>\s</c>, <c>.</c>,
    /// code points outside the BMP, <c>\p{...}</c>: see <c>generator/common/EcmaPattern.cs</c>, which the generator
    /// compiles too for its own checks).
    /// </summary>
    public static string DotNetPattern(string pattern) => OpenApiSdk.Common.EcmaPattern.ToDotNet(pattern);

    /// <summary>A JSON Schema pattern match (a search, not a whole-string match); a match that runs out of time counts as no match.</summary>
    public static bool IsMatch(Regex pattern, string value)
    {
        try
        {
            return pattern.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>A JSON number with no fractional part (JSON Schema's integer: 1.0 is one).</summary>
    public static bool IsInteger(JsonElement value) =>
        value.TryGetInt64(out _) || (value.TryGetDouble(out double number) && !double.IsInfinity(number) && Math.Floor(number) == number);

    /// <summary>A value kept as JSON, as the string it holds; null when it is no string.</summary>
    public static string? StringOf(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A value kept as JSON, as the integer it holds; null when it is no integer that fits a long.</summary>
    public static long? Int64Of(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long number) ? number
        : value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out double d) && Math.Floor(d) == d && d >= long.MinValue && d < long.MaxValue ? (long)d
        : null;

    /// <summary>A value kept as JSON, as the number it holds; null when it is no number.</summary>
    public static double? DoubleOf(JsonElement value) => value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out double number) ? number : null;

    /// <summary>
    /// <c>type</c> as a list (<c>["integer", "string"]</c>) on a value kept as JSON: its JSON type is one of <paramref name="types"/>
    /// (JSON Schema's names separated by spaces; an integer is also a number). An absent value (<c>default</c>) is <c>required</c>'s concern.
    /// </summary>
    public static bool IsJsonType(JsonElement value, string types) => value.ValueKind switch
    {
        JsonValueKind.Undefined => true,
        JsonValueKind.String => HasType(types, "string"),
        JsonValueKind.Number => HasType(types, "number") || (HasType(types, "integer") && IsInteger(value)),
        JsonValueKind.True or JsonValueKind.False => HasType(types, "boolean"),
        JsonValueKind.Object => HasType(types, "object"),
        JsonValueKind.Array => HasType(types, "array"),
        _ => HasType(types, "null"),
    };

    // A whole word of the list, found without allocating (a valid value costs nothing).
    private static bool HasType(string types, string type)
    {
        int at = 0;
        while ((at = types.IndexOf(type, at, StringComparison.Ordinal)) >= 0)
        {
            int end = at + type.Length;
            if ((at == 0 || types[at - 1] == ' ') && (end == types.Length || types[end] == ' '))
            {
                return true;
            }

            at = end;
        }

        return false;
    }

    /// <summary><see cref="IsJsonType(JsonElement, string)"/> of an optional value: absent (null) is <c>required</c>'s concern.</summary>
    public static bool IsJsonType(JsonElement? value, string types) => value is not { } present || IsJsonType(present, types);

    /// <summary>An optional value kept as JSON, as the string it holds; null when absent or no string.</summary>
    public static string? StringOf(JsonElement? value) => value is { } present ? StringOf(present) : null;

    /// <summary>An optional value kept as JSON, as the number it holds; null when absent or no number.</summary>
    public static double? DoubleOf(JsonElement? value) => value is { } present ? DoubleOf(present) : null;

    /// <summary>An optional value kept as JSON, as the number of items of the array it is; null when absent or no array.</summary>
    public static int? ArrayLengthOf(JsonElement? value) => value is { } present ? ArrayLengthOf(present) : null;

    /// <summary>An optional value kept as JSON, as the number of members of the object it is; null when absent or no object.</summary>
    public static int? PropertyCountOf(JsonElement? value) => value is { } present ? PropertyCountOf(present) : null;

    /// <summary>An optional value kept as JSON, when it is an array; null when absent or no array.</summary>
    public static JsonElement? ArrayOf(JsonElement? value) => value is { } present ? ArrayOf(present) : null;

    /// <summary>A value kept as JSON, when it is an array; null when it is another JSON type.</summary>
    public static JsonElement? ArrayOf(JsonElement value) => value.ValueKind == JsonValueKind.Array ? value : null;

    /// <summary>
    /// <c>uniqueItems</c> on an array kept as JSON: no two items are equal by JSON Schema's equality (1 equals 1.0, members
    /// in any order). Compares pairs in place, allocating nothing.
    /// </summary>
    public static bool AllUnique(JsonElement array) => JsonEquality.AllUnique(array);

    /// <summary>A value kept as JSON, as the number of items of the array it is; null when it is no array.</summary>
    public static int? ArrayLengthOf(JsonElement value) => value.ValueKind == JsonValueKind.Array ? value.GetArrayLength() : null;

    /// <summary>A value kept as JSON, as the number of members of the object it is; null when it is no object.</summary>
    public static int? PropertyCountOf(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        int count = 0;
        foreach (JsonProperty _ in value.EnumerateObject())
        {
            count++;
        }

        return count;
    }

    /// <summary>A value kept as JSON, as the boolean it holds; null when it is no boolean.</summary>
    public static bool? BooleanOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    /// <summary>JSON Schema <c>multipleOf</c> for floating-point values, with a relative tolerance for binary rounding.</summary>
    public static bool IsMultipleOf(double value, double divisor)
    {
        double quotient = value / divisor;
        return Math.Abs(quotient - Math.Round(quotient)) <= 1e-9 * Math.Max(1d, Math.Abs(quotient));
    }

    /// <summary>JSON Schema <c>uniqueItems</c>: JSON values (an untyped list's items) are compared as JSON Schema does (<see cref="JsonEquality"/>).</summary>
    public static bool AllUnique<T>(IEnumerable<T> items)
    {
        if (items is IEnumerable<JsonElement> elements)
        {
            return JsonEquality.AllUnique(elements);
        }

        var seen = new HashSet<T>();
        foreach (T item in items)
        {
            if (!seen.Add(item))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when a read error was recorded at the member <paramref name="name"/> or below it.</summary>
    public static bool HasErrorAt(List<ValidationError> errors, string name)
    {
        string pointer = "/" + EscapePointer(name);
        foreach (ValidationError error in errors)
        {
            if (error.Pointer == pointer || error.Pointer.StartsWith(pointer + "/", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The message of a <see cref="OpenApiSdk.ValidationException"/>: the subject and one line per error.</summary>
    public static string DescribeErrors(string subject, IReadOnlyList<ValidationError> errors)
    {
        var text = new StringBuilder(subject).Append(" is not valid (").Append(errors.Count).Append(errors.Count == 1 ? " error):" : " errors):");
        foreach (ValidationError error in errors)
        {
            text.Append('\n').Append("  ").Append(error);
        }

        return text.ToString();
    }

    /// <summary>Compares two lists item by item (JSON values by their text).</summary>
    public static bool SequenceEqual<T>(List<T>? left, List<T>? right)
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
            if (!ItemEquals(left[i], right[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Compares two byte arrays by content.</summary>
    public static bool SequenceEqual(byte[]? left, byte[]? right) =>
        left is null || right is null ? left is null && right is null : Enumerable.SequenceEqual(left, right);

    /// <summary>Compares two maps entry by entry (JSON values by their text).</summary>
    public static bool DictionaryEqual<T>(Dictionary<string, T>? left, Dictionary<string, T>? right)
    {
        if (left is null || right is null)
        {
            return left is null && right is null;
        }

        if (left.Count != right.Count)
        {
            return false;
        }

        foreach (var pair in left)
        {
            if (!right.TryGetValue(pair.Key, out T? other) || !ItemEquals(pair.Value, other))
            {
                return false;
            }
        }

        return true;
    }

    // JsonElement's own Equals compares positions in a document, not values.
    private static bool ItemEquals<T>(T left, T right) =>
        left is JsonElement leftElement && right is JsonElement rightElement
            ? leftElement.GetRawText() == rightElement.GetRawText()
            : EqualityComparer<T>.Default.Equals(left, right);

    /// <summary><c>const</c>/<c>enum</c> on a JSON value: it is this string.</summary>
    public static bool JsonIsString(JsonElement value, string text) => value.ValueKind == JsonValueKind.String && value.ValueEquals(text);

    /// <summary><c>const</c>/<c>enum</c> on a JSON value: it is a number equal to <paramref name="number"/> (1 equals 1.0, as in JSON Schema).</summary>
    public static bool JsonIsNumber(JsonElement value, string number) => value.ValueKind == JsonValueKind.Number && JsonEquality.NumberEquals(value, number);

    /// <summary><c>const</c>/<c>enum</c> on a JSON value: it is this boolean (never a number: false is not 0).</summary>
    public static bool JsonIsBoolean(JsonElement value, bool literal) => value.ValueKind == (literal ? JsonValueKind.True : JsonValueKind.False);

    /// <summary><c>const</c>/<c>enum</c> on a JSON value: it is null.</summary>
    public static bool JsonIsNull(JsonElement value) => value.ValueKind == JsonValueKind.Null;

    /// <summary>
    /// <c>const</c>/<c>enum</c> with an object or array: <paramref name="value"/> equals the JSON <paramref name="json"/> the spec
    /// wrote (JSON Schema's equality). Each text is parsed once and kept.
    /// </summary>
    public static bool JsonIsValue(JsonElement value, string json) => JsonEquality.Equal(value, JsonConstants.GetOrAdd(json, ParseConstantOnce));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, JsonElement> JsonConstants = new(StringComparer.Ordinal);

    private static readonly Func<string, JsonElement> ParseConstantOnce = ParseConstant; // one delegate, not one per call

    private static JsonElement ParseConstant(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    /// <summary>Compares two JSON values by their text.</summary>
    public static bool JsonEqual(JsonElement? left, JsonElement? right) =>
        left is null || right is null ? left is null && right is null : left.Value.GetRawText() == right.Value.GetRawText();

    /// <summary>Appends <c>name = value</c> to a <c>ToString()</c> text.</summary>
    public static void AppendMember(StringBuilder text, ref bool first, string name, object? value)
    {
        text.Append(first ? " " : ", ").Append(name).Append(" = ");
        first = false;
        AppendValue(text, value);
    }

    private static void AppendValue(StringBuilder text, object? value)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                break;
            case string s:
                text.Append(s);
                break;
            case bool b:
                text.Append(b ? "true" : "false");
                break;
            case IFormattable formattable:
                text.Append(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            case System.Collections.IDictionary dictionary:
                text.Append('{');
                bool firstEntry = true;
                foreach (System.Collections.DictionaryEntry entry in dictionary)
                {
                    text.Append(firstEntry ? " " : ", ").Append(entry.Key).Append(" = ");
                    AppendValue(text, entry.Value);
                    firstEntry = false;
                }

                text.Append(firstEntry ? "}" : " }");
                break;
            case System.Collections.IEnumerable items:
                text.Append('[');
                bool firstItem = true;
                foreach (object? item in items)
                {
                    text.Append(firstItem ? string.Empty : ", ");
                    AppendValue(text, item);
                    firstItem = false;
                }

                text.Append(']');
                break;
            default:
                text.Append(value);
                break;
        }
    }

    /// <summary>Moves to the first token, which must start an object.</summary>
    public static void ReadRootObject(ref Utf8JsonReader reader, string typeName)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Expected a JSON object for " + typeName + ".");
        }
    }

    /// <summary>Moves to the first token of a document.</summary>
    public static void ReadRootValue(ref Utf8JsonReader reader, string typeName)
    {
        if (!reader.Read())
        {
            throw new JsonException("Expected a JSON value for " + typeName + ".");
        }
    }

    /// <summary>The string value of the object's <paramref name="propertyName"/> (a oneOf discriminator); null when absent or not a string.</summary>
    public static string? ReadDiscriminator(Utf8JsonReader reader, string propertyName) =>
        FindDiscriminator(ref reader, propertyName) ? reader.GetString() : null;

    /// <summary>Moves <paramref name="reader"/> (on an object) to the string value of its member <paramref name="propertyName"/>; false when there is none.</summary>
    internal static bool FindDiscriminator(ref Utf8JsonReader reader, string propertyName)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool found = reader.ValueTextEquals(propertyName);
            reader.Read();
            if (found)
            {
                return reader.TokenType == JsonTokenType.String;
            }

            reader.Skip();
        }

        return false;
    }

    /// <summary>Throws when anything follows the root value.</summary>
    public static void ReadEnd(ref Utf8JsonReader reader)
    {
        if (reader.Read())
        {
            throw new JsonException("Unexpected content after the JSON value.");
        }
    }

    /// <summary>Throws unless the reader is on a StartObject token.</summary>
    public static void ExpectObject(ref Utf8JsonReader reader, string typeName)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Expected a JSON object for " + typeName + ".");
        }
    }

    /// <summary>Reads the current value as a detached <see cref="JsonElement"/>.</summary>
    public static JsonElement ReadElement(ref Utf8JsonReader reader)
    {
        using (var document = JsonDocument.ParseValue(ref reader))
        {
            return document.RootElement.Clone();
        }
    }

    /// <summary>Reads an RFC 3339 date-time with its offset (for <see cref="JsonRead"/>); anything else is skipped and gives false.</summary>
    internal static bool TryReadDateTimeOffset(ref Utf8JsonReader reader, out DateTimeOffset value)
    {
        if (reader.TokenType == JsonTokenType.String && HasTimeZone(ref reader) && reader.TryGetDateTimeOffset(out value))
        {
            return true;
        }

        if (reader.TokenType == JsonTokenType.String && reader.GetString() is { } text && FormatChecks.IsDateTime(text))
        {
            // RFC 3339 that Utf8JsonReader does not read: a lower-case "t"/"z" (§5.6) or a leap second (§5.7), which
            // DateTimeOffset cannot hold and is read as second 59, as .NET's own parsing does.
            char[] upper = text.ToUpperInvariant().ToCharArray();
            if (upper[17] == '6')
            {
                upper[17] = '5';
                upper[18] = '9';
            }

            if (DateTimeOffset.TryParse(new string(upper), CultureInfo.InvariantCulture, DateTimeStyles.None, out value))
            {
                return true;
            }
        }

        value = default;
        reader.Skip();
        return false;
    }

    // RFC 3339 date-times carry their offset ("Z" or +hh:mm); without one Utf8JsonReader would assume the machine's.
    private static bool HasTimeZone(ref Utf8JsonReader reader)
    {
        ReadOnlySpan<byte> text = reader.HasValueSequence ? default : reader.ValueSpan;
        if (reader.HasValueSequence || MemoryExtensions.IndexOf(text, (byte)'\\') >= 0)
        {
            text = Encoding.UTF8.GetBytes(reader.GetString() ?? string.Empty); // escaped or split: rare
        }

        int n = text.Length;
        if (n < 20 || (text[10] != (byte)'T' && text[10] != (byte)'t'))
        {
            return false;
        }

        byte last = text[n - 1];
        return last == (byte)'Z' || last == (byte)'z' || ((text[n - 6] == (byte)'+' || text[n - 6] == (byte)'-') && text[n - 3] == (byte)':');
    }

    /// <summary>Writes a date-time as RFC 3339, with "Z" for UTC (as most APIs write it) rather than "+00:00".</summary>
    public static void WriteDateTime(Utf8JsonWriter writer, DateTimeOffset value)
    {
        if (value.Offset == TimeSpan.Zero)
        {
            writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }

    // One stream and writer per thread, reset per call: a call allocates only its result string.
    [ThreadStatic]
    private static MemoryStream? t_jsonStream;
    [ThreadStatic]
    private static Utf8JsonWriter? t_jsonWriter;
    [ThreadStatic]
    private static Utf8JsonWriter? t_indentedJsonWriter;

    /// <summary>Writes a model as JSON text, reusing a per-thread buffer.</summary>
    public static string ToJson(IOpenApiModel model, bool indented)
    {
        MemoryStream stream = t_jsonStream ??= new MemoryStream(1024);
        stream.SetLength(0);
        Utf8JsonWriter writer = indented
            ? t_indentedJsonWriter ??= new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true })
            : t_jsonWriter ??= new Utf8JsonWriter(stream);
        writer.Reset(stream);
        try
        {
            model.WriteJson(writer);
            writer.Flush();
            return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
        }
        finally
        {
            if (stream.Capacity > 1 << 20)
            {
                // Keep no megabyte buffers alive after one large document.
                t_jsonStream = null;
                t_jsonWriter = null;
                t_indentedJsonWriter = null;
            }
        }
    }
}
