using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;

namespace OpenApiSdk.Runtime;

/// <summary>
/// A request body the generated code describes once per call; <see cref="ClientPipeline"/> creates fresh
/// <see cref="HttpContent"/> from it for every attempt, so a retry sends the same bytes.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class RequestBody
{
    /// <summary>True when the body can be sent (again): false for a file stream that cannot seek and was sent, and for streamed items once the first was asked for.</summary>
    public virtual bool CanSend => true;

    /// <summary>A JSON body, written once by the generated writer.</summary>
    public static RequestBody Json<T>(Action<Utf8JsonWriter, T> write, T value, string mediaType) =>
        new BytesBody(RequestJson.Bytes(write, value), mediaType, json: true);

    /// <summary>An <c>application/x-www-form-urlencoded</c> body: the members of the JSON object the generated writer writes, arrays as repeated fields, nested objects as JSON text.</summary>
    public static RequestBody Form<T>(Action<Utf8JsonWriter, T> write, T value) => new FormBody(RequestJson.Bytes(write, value), null);

    /// <summary>
    /// An <c>application/x-www-form-urlencoded</c> body whose array fields named in <paramref name="joined"/> (pairs of
    /// field name and separator) are sent as one field of the items joined, the others as repeated fields.
    /// </summary>
    public static RequestBody Form<T>(Action<Utf8JsonWriter, T> write, T value, string[] joined) => new FormBody(RequestJson.Bytes(write, value), joined);

    /// <summary>The caller's bytes as they are, with the spec's media type.</summary>
    public static RequestBody Binary(byte[] body, string mediaType) => new BytesBody(body ?? throw new ArgumentNullException(nameof(body)), mediaType, json: false);

    /// <summary>Creates the content of one attempt.</summary>
    public abstract HttpContent CreateContent();

    /// <summary>
    /// Creates the content of one attempt of a call that <paramref name="callCancellation"/> (the caller's token and the
    /// call's timeout) cancels: streamed items stop being asked for when it is cancelled, whatever the transport passes on.
    /// </summary>
    internal virtual HttpContent CreateContent(CancellationToken callCancellation) => CreateContent();

    private sealed class BytesBody : RequestBody
    {
        private readonly byte[] _body;
        private readonly string _mediaType;
        private readonly bool _json;

        internal BytesBody(byte[] body, string mediaType, bool json)
        {
            _body = body;
            _mediaType = mediaType;
            _json = json;
        }

        public override HttpContent CreateContent()
        {
            var content = new ByteArrayContent(_body);
            if (_json)
            {
                content.Headers.ContentType = new MediaTypeHeaderValue(_mediaType) { CharSet = "utf-8" };
            }
            else
            {
                content.Headers.TryAddWithoutValidation("Content-Type", _mediaType);
            }

            return content;
        }
    }

    private sealed class FormBody : RequestBody
    {
        private readonly List<KeyValuePair<string?, string?>> _fields;

        internal FormBody(byte[] json, string[]? joined)
        {
            _fields = FormFields.Of(json, joined);
        }

        public override HttpContent CreateContent() => new FormUrlEncodedContent(_fields);
    }
}

/// <summary>
/// The fields of an <c>application/x-www-form-urlencoded</c> value, a form body or OpenAPI 3.2's form query string alike:
/// the members of the JSON object the generated writer writes, arrays as repeated fields (or one field joined with the
/// separator given for it: Swagger 2.0's collectionFormat), nested objects as JSON text, nulls left out.
/// </summary>
internal static class FormFields
{
    /// <param name="json">The value as the generated writer writes it.</param>
    /// <param name="joined">Pairs of a field name and the separator its array items are joined with; null when none is.</param>
    public static List<KeyValuePair<string?, string?>> Of(byte[] json, string[]? joined = null)
    {
        var fields = new List<KeyValuePair<string?, string?>>();
        using JsonDocument document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return fields;
        }

        foreach (JsonProperty property in document.RootElement.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Array && Separator(joined, property.Name) is { } separator)
            {
                fields.Add(new KeyValuePair<string?, string?>(property.Name, Join(property.Value, separator)));
            }
            else if (property.Value.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement item in property.Value.EnumerateArray())
                {
                    Add(fields, property.Name, item);
                }
            }
            else
            {
                Add(fields, property.Name, property.Value);
            }
        }

        return fields;
    }

    /// <summary>
    /// The fields as <c>name=value&amp;...</c>, encoded as <see cref="FormUrlEncodedContent"/> encodes them (RFC 3986
    /// percent-encoding of everything but unreserved characters, then a space as <c>+</c>), so <c>a + b</c> is <c>a+%2B+b</c>.
    /// </summary>
    public static string Encode(List<KeyValuePair<string?, string?>> fields)
    {
        var text = new StringBuilder();
        foreach (KeyValuePair<string?, string?> field in fields)
        {
            text.Append(text.Length == 0 ? string.Empty : "&").Append(Encode(field.Key)).Append('=').Append(Encode(field.Value));
        }

        return text.ToString();
    }

    /// <summary>An array's items as one text, joined with <paramref name="separator"/>: strings as they are, null as empty, others as JSON.</summary>
    public static string Join(JsonElement array, string separator)
    {
        var items = new List<string>();
        foreach (JsonElement item in array.EnumerateArray())
        {
            items.Add(item.ValueKind == JsonValueKind.String ? item.GetString()! : item.ValueKind == JsonValueKind.Null ? string.Empty : item.GetRawText());
        }

        return string.Join(separator, items);
    }

    /// <summary>The separator <paramref name="joined"/> (pairs of a field name and a separator) gives <paramref name="name"/>; null when none.</summary>
    public static string? Separator(string[]? joined, string name)
    {
        for (int i = 0; joined is not null && i + 1 < joined.Length; i += 2)
        {
            if (string.Equals(joined[i], name, StringComparison.Ordinal))
            {
                return joined[i + 1];
            }
        }

        return null;
    }

    private static string Encode(string? value) => string.IsNullOrEmpty(value) ? string.Empty : Uri.EscapeDataString(value).Replace("%20", "+");

    private static void Add(List<KeyValuePair<string?, string?>> fields, string name, JsonElement value)
    {
        if (value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
        {
            fields.Add(new KeyValuePair<string?, string?>(name, value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()));
        }
    }
}

/// <summary>
/// A multipart/form-data body: the model's members as text or JSON parts (one per item of an array), then each file.
/// Names and file names come from the spec and the caller, so the Content-Disposition is built here: quotes and
/// control characters are percent-encoded (as browsers do), and the file name is also sent as filename* (RFC 6266).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class MultipartBody : RequestBody
{
    private readonly List<Part> _parts = new();

    /// <inheritdoc/>
    public override bool CanSend => _parts.TrueForAll(part => part.File is null || part.File.CanSend);

    /// <summary>
    /// Adds one part per member of the JSON object the generated writer writes (one per item of an array, or one for
    /// all of them joined with the separator <paramref name="joined"/> gives the member: Swagger 2.0's collectionFormat
    /// other than multi): strings, numbers and booleans as text/plain, objects as application/json, unless
    /// <paramref name="contentTypes"/> (pairs of part name and content type) says otherwise. Null members are not sent.
    /// </summary>
    public void Fields<T>(Action<Utf8JsonWriter, T> write, T value, string[]? contentTypes, string[]? joined = null)
    {
        using JsonDocument document = JsonDocument.Parse(RequestJson.Bytes(write, value));
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (JsonProperty property in document.RootElement.EnumerateObject())
        {
            string? contentType = null;
            for (int i = 0; contentTypes is not null && i + 1 < contentTypes.Length; i += 2)
            {
                if (string.Equals(contentTypes[i], property.Name, StringComparison.Ordinal))
                {
                    contentType = contentTypes[i + 1];
                    break;
                }
            }

            if (property.Value.ValueKind == JsonValueKind.Array && FormFields.Separator(joined, property.Name) is { } separator)
            {
                _parts.Add(new Part(property.Name, Encoding.UTF8.GetBytes(FormFields.Join(property.Value, separator)), contentType ?? "text/plain; charset=utf-8", null));
            }
            else if (property.Value.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement item in property.Value.EnumerateArray())
                {
                    Field(property.Name, item, contentType);
                }
            }
            else
            {
                Field(property.Name, property.Value, contentType);
            }
        }
    }

    /// <summary>Adds a file part: the caller's content, file name and content type (else the spec's default for the part).</summary>
    public void File(string name, FileContent file, string defaultContentType)
    {
        if (file is null)
        {
            throw new ArgumentException("A file to send is null.", nameof(file));
        }

        _parts.Add(new Part(name, null, file.ContentType ?? defaultContentType, file));
    }

    /// <inheritdoc/>
    public override HttpContent CreateContent()
    {
        var form = new MultipartFormDataContent();
        foreach (Part part in _parts)
        {
            HttpContent content = part.File is { } file ? file.CreateContent() : new ByteArrayContent(part.Text!);
            content.Headers.TryAddWithoutValidation("Content-Type", part.ContentType);
            var disposition = new ContentDispositionHeaderValue("form-data") { Name = "\"" + DispositionText(part.Name) + "\"" };
            if (part.File is not null)
            {
                disposition.FileName = "\"" + DispositionText(part.File.FileName) + "\"";
                disposition.FileNameStar = part.File.FileName;
            }

            content.Headers.ContentDisposition = disposition;
            form.Add(content);
        }

        return form;
    }

    private void Field(string name, JsonElement value, string? contentType)
    {
        if (value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return;
        }

        bool structured = value.ValueKind is JsonValueKind.Object or JsonValueKind.Array;
        string type = contentType ?? (structured ? "application/json; charset=utf-8" : "text/plain; charset=utf-8");
        string bare = type.Split(';')[0].Trim();
        bool json = bare.Equals("application/json", StringComparison.OrdinalIgnoreCase) || bare.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
        string text = value.ValueKind == JsonValueKind.String && !json ? value.GetString()! : value.GetRawText();
        _parts.Add(new Part(name, Encoding.UTF8.GetBytes(text), type, null));
    }

    /// <summary>A name or file name inside a quoted Content-Disposition parameter: quotes and control characters percent-encoded, so it cannot end the parameter or the header.</summary>
    private static string DispositionText(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (char c in value)
        {
            if (c == '"' || c < ' ' || c == '\u007f')
            {
                text.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    private sealed class Part
    {
        internal Part(string name, byte[]? text, string contentType, FileContent? file)
        {
            Name = name;
            Text = text;
            ContentType = contentType;
            File = file;
        }

        internal string Name { get; }

        internal byte[]? Text { get; }

        internal string ContentType { get; }

        internal FileContent? File { get; }
    }
}

/// <summary>JSON text of a value written by a generated writer, for bodies and JSON-valued parameters.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class RequestJson
{
    /// <summary>The value's compact JSON as UTF-8 bytes.</summary>
    public static byte[] Bytes<T>(Action<Utf8JsonWriter, T> write, T value)
    {
        if (write is null)
        {
            throw new ArgumentNullException(nameof(write));
        }

        var buffer = new System.IO.MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer, value);
        }

        return buffer.ToArray();
    }

    /// <summary>The value's compact JSON text (the default encoder escapes line breaks and non-ASCII, so it is one ASCII line).</summary>
    public static string Text<T>(Action<Utf8JsonWriter, T> write, T value) => Encoding.UTF8.GetString(Bytes(write, value));
}
