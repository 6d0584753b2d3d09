using System;
using System.ComponentModel;
using System.Text;
using System.Text.Json;

namespace OpenApiSdk.Runtime;

/// <summary>
/// The JSON names of a model's declared properties, in declaration order: the encoded form for writing, the
/// UTF-8 form for matching while reading, and the JSON Pointer token for read errors; with the C# property names
/// and which properties are secrets, for <c>ToString()</c>. One static instance per model.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class JsonNames
{
    private readonly string[] _names;
    private readonly JsonEncodedText[] _encoded;
    private readonly byte[]?[] _utf8; // only where the escaped form differs from the name's own UTF-8
    private readonly string?[] _pointers;
    private readonly string[] _properties;
    private readonly int[] _secrets;

    /// <summary>Creates the table.</summary>
    /// <param name="names">The JSON names.</param>
    /// <param name="properties">The C# property names, in the same order.</param>
    /// <param name="secrets">The indexes of the secrets (passwords, write-only values), which <c>ToString()</c> shows as ***.</param>
    public JsonNames(string[] names, string[] properties, params int[] secrets)
    {
        _names = names ?? throw new ArgumentNullException(nameof(names));
        _properties = properties ?? throw new ArgumentNullException(nameof(properties));
        _secrets = secrets ?? Array.Empty<int>();
        _encoded = new JsonEncodedText[names.Length];
        _utf8 = new byte[]?[names.Length];
        _pointers = new string?[names.Length];
        for (int i = 0; i < names.Length; i++)
        {
            _encoded[i] = JsonEncodedText.Encode(names[i]);
            byte[] utf8 = Encoding.UTF8.GetBytes(names[i]);
            _utf8[i] = _encoded[i].EncodedUtf8Bytes.SequenceEqual(utf8) ? null : utf8;
        }
    }

    /// <summary>The number of names.</summary>
    public int Count => _names.Length;

    /// <summary>The encoded name of member <paramref name="index"/>, for <see cref="Utf8JsonWriter"/>.</summary>
    public JsonEncodedText this[int index] => _encoded[index];

    /// <summary>The C# name of member <paramref name="index"/>.</summary>
    internal string Property(int index) => _properties[index];

    /// <summary>True when member <paramref name="index"/> is a secret.</summary>
    internal bool IsSecret(int index) => Array.IndexOf(_secrets, index) >= 0;

    /// <summary>The name of member <paramref name="index"/> as a JSON Pointer from the model: <c>/name</c>, escaped.</summary>
    internal string Pointer(int index) => _pointers[index] ??= "/" + OpenApiRuntime.EscapePointer(_names[index]);

    /// <summary>The member index of each field of an OpenAPI 3.2 event (<see cref="Streaming.EventFields.Names"/>), -1 where none is declared.</summary>
    internal int[] EventMembers => _eventMembers ??= Array.ConvertAll(Streaming.EventFields.Names, name => Array.IndexOf(_names, name));

    private int[]? _eventMembers;

    /// <summary>
    /// The index of the property name the reader is on, or -1. Members usually arrive in declaration order, so the
    /// search starts at <paramref name="start"/> (the one after the last match) and wraps around.
    /// </summary>
    internal int Find(ref Utf8JsonReader reader, int start)
    {
        int count = _names.Length;
        for (int n = 0, i = start; n < count; n++, i++)
        {
            if (i >= count)
            {
                i = 0;
            }

            // ValueTextEquals compares the unescaped name with plain UTF-8, not with JsonEncodedText's escaped bytes.
            if (_utf8[i] is { } utf8 ? reader.ValueTextEquals(utf8) : reader.ValueTextEquals(_encoded[i].EncodedUtf8Bytes))
            {
                return i;
            }
        }

        return -1;
    }
}
