using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.IO;
using System.Text.Json;

namespace OpenApiSdk.Runtime;

/// <summary>How one header's text becomes a member of the generated headers model (webhooks and callbacks).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum HeaderText
{
    /// <summary>A string (without the surrounding whitespace, which RFC 9110 §5.5 excludes from a field value).</summary>
    Text,

    /// <summary>A number or boolean: its JSON literal when the text is one, else the text as a string (which validation then names).</summary>
    Scalar,

    /// <summary>A comma-separated list (the simple style) of strings.</summary>
    TextList,

    /// <summary>A comma-separated list of numbers or booleans.</summary>
    ScalarList,

    /// <summary>JSON text (an object header, or <c>content: application/json</c>); the text as a string when it is not JSON.</summary>
    Json,
}

/// <summary>Helpers the generated webhook and callback parsers call.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class OpenApiReceiving
{
    /// <summary>
    /// True for a JSON media type (<c>application/json</c>, <c>application/*+json</c>, with or without parameters), and
    /// for no <c>Content-Type</c> at all: a sender that names none is read as the JSON the spec declares.
    /// </summary>
    public static bool IsJsonMediaType(string? contentType)
    {
        if (contentType is null || contentType.Trim().Length == 0)
        {
            return true;
        }

        int semicolon = contentType.IndexOf(';');
        string bare = (semicolon < 0 ? contentType : contentType.Substring(0, semicolon)).Trim();
        return bare.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (bare.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && bare.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The value of a header, its name compared case-insensitively (RFC 9110 §5.1) whatever the dictionary's comparer.</summary>
    public static bool TryGetHeader(IReadOnlyDictionary<string, string> headers, string name, out string value)
    {
        if (headers.TryGetValue(name, out string? exact) && exact is not null)
        {
            value = exact;
            return true;
        }

        foreach (KeyValuePair<string, string> pair in headers)
        {
            if (string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase) && pair.Value is not null)
            {
                value = pair.Value;
                return true;
            }
        }

        value = string.Empty;
        return false;
    }

    /// <summary>
    /// The declared headers that are present, as one UTF-8 JSON object (member name = the declared header name), for
    /// the generated headers model to read and validate. Headers that are absent are left out, so a required one is
    /// reported as missing.
    /// </summary>
    public static byte[] HeadersJson(IReadOnlyDictionary<string, string> headers, string[] names, HeaderText[] kinds)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            for (int i = 0; i < names.Length; i++)
            {
                if (!TryGetHeader(headers, names[i], out string text))
                {
                    continue;
                }

                writer.WritePropertyName(names[i]);
                switch (kinds[i])
                {
                    case HeaderText.TextList:
                    case HeaderText.ScalarList:
                        writer.WriteStartArray();
                        foreach (string item in text.Split(','))
                        {
                            WriteValue(writer, item.Trim(), kinds[i] == HeaderText.ScalarList ? HeaderText.Scalar : HeaderText.Text);
                        }

                        writer.WriteEndArray();
                        break;
                    default:
                        WriteValue(writer, text.Trim(), kinds[i]); // RFC 9110 §5.5: leading and trailing whitespace is not part of the value
                        break;
                }
            }

            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static void WriteValue(Utf8JsonWriter writer, string text, HeaderText kind)
    {
        if (kind != HeaderText.Text && ParseJson(text) is { } element
            && (kind == HeaderText.Json || element.ValueKind is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False))
        {
            element.WriteTo(writer);
            return;
        }

        writer.WriteStringValue(text);
    }

    private static JsonElement? ParseJson(string text)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
