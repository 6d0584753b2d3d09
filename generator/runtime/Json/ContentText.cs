using System.ComponentModel;
using System.Runtime.InteropServices;
using System.Text;

namespace OpenApiSdk.Runtime;

/// <summary>
/// The text of a string property that holds JSON (<c>contentMediaType</c> with a <c>contentSchema</c>), as the generated
/// property stores it: the string, or, when it was an OpenAPI 3.2 event's data, a copy of the data's UTF-8 bytes that is
/// decoded on the first get (a stream's reader that only wants the typed payload never makes the string). The typed form
/// is tied to <see cref="Source"/>, what it was read from, so it is null once the property is set to another text.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[StructLayout(LayoutKind.Auto)]
public struct ContentText
{
    private object? _value; // the string, or the UTF-8 bytes (byte[]) it is decoded from
    private string? _decoded; // the bytes' text, once asked for

    /// <summary>Holds <paramref name="text"/>.</summary>
    public ContentText(string? text)
    {
        _value = text;
        _decoded = null;
    }

    private ContentText(byte[] utf8)
    {
        _value = utf8;
        _decoded = null;
    }

    /// <summary>The text (decoded once when it is held as UTF-8); null when none is held.</summary>
    public string? Text => _value is byte[] utf8 ? _decoded ??= Decode(utf8) : (string?)_value;

    /// <summary>What the text was read from: the typed form read with it belongs to this text while this stays the same object.</summary>
    public readonly object? Source => _value;

    /// <summary>
    /// Sets the text. The very string <see cref="Text"/> gave is the same text: it keeps <see cref="Source"/> (as setting a
    /// property to the string it holds keeps it); any other string, an equal one included, is a new text.
    /// </summary>
    public void Set(string? text)
    {
        if (text is null || _value is not byte[] || !ReferenceEquals(text, _decoded))
        {
            _value = text;
            _decoded = null;
        }
    }

    /// <summary>Holds valid UTF-8 (a copy the holder owns), decoded when first asked for.</summary>
    internal static ContentText Utf8(byte[] utf8) => new(utf8);

    private static string Decode(byte[] utf8) => Encoding.UTF8.GetString(utf8);
}
