using System.Collections.Generic;
using System.ComponentModel;
using System.Text;
using System.Text.Json;

namespace OpenApiSdk.Runtime;

/// <summary>Value equality of one property, for <see cref="IObjectMembers.Equal"/>: lists and maps item by item, JSON values by their text.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Values
{
    /// <summary>Ordinal string equality.</summary>
    public static bool Equal(string? left, string? right) => string.Equals(left, right, System.StringComparison.Ordinal);

    /// <summary>Numbers, flags, dates, UUIDs and enums (absent equals only absent).</summary>
    public static bool Equal<T>(T? left, T? right)
        where T : struct, System.IEquatable<T> =>
        left is { } l ? right is { } r && l.Equals(r) : right is null;

    /// <summary>Nested models and unions, by value.</summary>
    public static bool Equal(OpenApiModel? left, OpenApiModel? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Lists, item by item.</summary>
    public static bool Equal<T>(List<T>? left, List<T>? right) => OpenApiRuntime.SequenceEqual(left, right);

    /// <summary>Maps, entry by entry.</summary>
    public static bool Equal<T>(Dictionary<string, T>? left, Dictionary<string, T>? right) => OpenApiRuntime.DictionaryEqual(left, right);

    /// <summary>Byte arrays, by content.</summary>
    public static bool Equal(byte[]? left, byte[]? right) => OpenApiRuntime.SequenceEqual(left, right);

    /// <summary>JSON values, by their text.</summary>
    public static bool Equal(JsonElement? left, JsonElement? right) => OpenApiRuntime.JsonEqual(left, right);
}

/// <summary>
/// Where <see cref="JsonMemberWriter"/> sends the properties when it is not writing JSON: a hash code or a
/// <c>ToString()</c> text is built from the same one line per property that writes the JSON.
/// </summary>
internal abstract class MemberSink
{
    /// <summary>A property that is set, with its value (null for a property whose schema allows null).</summary>
    public abstract void Add(int member, object? value);
}

/// <summary>A hash code consistent with <see cref="Values"/>: lists and maps by their size, JSON values not at all.</summary>
internal sealed class HashSink : MemberSink
{
    public int Value { get; private set; } = 17;

    public override void Add(int member, object? value)
    {
        int hash = value switch
        {
            null => 0,
            string text => System.StringComparer.Ordinal.GetHashCode(text),
            System.Collections.ICollection items => items.Count, // items are compared by value, which their own hashes are not
            JsonElement => 0, // JSON values compare by text
            _ => value.GetHashCode(),
        };
        Value = unchecked((Value * 31) + hash);
    }
}

/// <summary>The text of a model's <c>ToString()</c>: <c>Type { Name = value, ... }</c>, secrets masked.</summary>
internal sealed class TextSink : MemberSink
{
    private readonly StringBuilder _text;
    private readonly JsonNames _names;
    private bool _first = true;

    public TextSink(string typeName, JsonNames names)
    {
        _text = new StringBuilder(typeName).Append(" {");
        _names = names;
    }

    public override void Add(int member, object? value) =>
        OpenApiRuntime.AppendMember(_text, ref _first, _names.Property(member), _names.IsSecret(member) ? "***" : value);

    public override string ToString() => _text.ToString() + (_first ? "}" : " }");
}
