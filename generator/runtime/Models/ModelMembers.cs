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

/// <summary>A hash code built one property at a time, for <see cref="IObjectMembers.Hash"/>; consistent with <see cref="Values.Equal(string, string)"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct ModelHash
{
    internal ModelHash(int seed) => Value = seed;

    /// <summary>The hash so far.</summary>
    public int Value { get; private set; }

    /// <summary>Adds a string (ordinal).</summary>
    public void Add(string? value) => Combine(value is null ? 0 : System.StringComparer.Ordinal.GetHashCode(value));

    /// <summary>Adds a number, flag, date, UUID or enum.</summary>
    public void Add<T>(T? value)
        where T : struct => Combine(value.GetHashCode());

    /// <summary>Adds a nested model or union.</summary>
    public void Add(OpenApiModel? value) => Combine(value is null ? 0 : value.GetHashCode());

    /// <summary>Adds a list (its length: items are compared by value, which a hash of references would break).</summary>
    public void Add<T>(List<T>? value) => Combine(value is null ? 0 : value.Count);

    /// <summary>Adds a map (its size).</summary>
    public void Add<T>(Dictionary<string, T>? value) => Combine(value is null ? 0 : value.Count);

    /// <summary>Adds a byte array (its length).</summary>
    public void Add(byte[]? value) => Combine(value is null ? 0 : value.Length);

    /// <summary>Adds a JSON value (nothing: JSON values compare by text).</summary>
    public void Add(JsonElement? value) => Combine(0);

    private void Combine(int hash) => Value = unchecked((Value * 31) + hash);
}

/// <summary>The text of a model's <c>ToString()</c>: <c>Type { Name = value, ... }</c>, secrets masked.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ModelText
{
    private readonly StringBuilder _text;
    private bool _first = true;

    internal ModelText(string typeName) => _text = new StringBuilder(typeName).Append(" {");

    /// <summary>Adds a property that is set (a null value is one that was never set, and is left out).</summary>
    public void Add(string name, object? value)
    {
        if (value is not null)
        {
            OpenApiRuntime.AppendMember(_text, ref _first, name, value);
        }
    }

    /// <summary>Adds a property whose schema allows null, when it was set (null shown as null).</summary>
    public void Add(string name, object? value, bool isSet)
    {
        if (isSet)
        {
            OpenApiRuntime.AppendMember(_text, ref _first, name, value);
        }
    }

    /// <summary>Adds a secret (a password, a write-only value) that is set, as ***.</summary>
    public void Secret(string name, bool isSet)
    {
        if (isSet)
        {
            OpenApiRuntime.AppendMember(_text, ref _first, name, "***");
        }
    }

    /// <inheritdoc/>
    public override string ToString() => _text.ToString() + (_first ? "}" : " }");
}
