using System.Globalization;

namespace OpenApiSdk.Runtime;

/// <summary>Where a value being read sits, as a JSON Pointer built only when a read error needs it.</summary>
internal readonly struct JsonPath
{
    private readonly string _parent;
    private readonly int _index;
    private readonly string? _key;

    /// <summary>The value at <paramref name="pointer"/> itself.</summary>
    public JsonPath(string pointer)
    {
        _parent = pointer;
        _index = -1;
        _key = null;
    }

    /// <summary>Item <paramref name="index"/> of the list at <paramref name="parent"/>.</summary>
    public JsonPath(string parent, int index)
    {
        _parent = parent;
        _index = index;
        _key = null;
    }

    /// <summary>The value at <paramref name="key"/> of the map at <paramref name="parent"/>.</summary>
    public JsonPath(string parent, string key)
    {
        _parent = parent;
        _index = -1;
        _key = key;
    }

    public override string ToString() =>
        _key is not null ? _parent + "/" + OpenApiRuntime.EscapePointer(_key)
        : _index >= 0 ? _parent + "/" + _index.ToString(CultureInfo.InvariantCulture)
        : _parent;
}
