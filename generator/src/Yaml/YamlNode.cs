using System;
using System.Collections.Generic;

namespace OpenApiSdk.Generator.Yaml;

internal enum YamlNodeKind
{
    Scalar,
    Mapping,
    Sequence,
}

/// <summary>
/// A YAML node with its position. Lives only inside one parse; never stored in pipeline outputs.
/// Aliases point at the anchored node itself, so an alias bomb costs one node, not an expansion.
/// </summary>
internal sealed class YamlNode
{
    private Dictionary<string, YamlNode>? _index;

    private YamlNode(YamlNodeKind kind, int line, int column)
    {
        Kind = kind;
        Line = line;
        Column = column;
    }

    public YamlNodeKind Kind { get; }

    /// <summary>1-based line of the node's first character.</summary>
    public int Line { get; }

    /// <summary>1-based column of the node's first character.</summary>
    public int Column { get; }

    public int EndLine { get; set; }

    public int EndColumn { get; set; }

    /// <summary>The scalar text; null for collections.</summary>
    public string? Value { get; private set; }

    /// <summary>True for an unquoted scalar, whose text may stand for a number, bool or null.</summary>
    public bool IsPlain { get; private set; }

    public List<KeyValuePair<YamlNode, YamlNode>>? Pairs { get; private set; }

    /// <summary>
    /// True when an alias refers to this node, so it may be reached from more than one place (a tree otherwise; JSON
    /// has no aliases). The Swagger 2.0 conversion, which edits the tree in place, converts such a node once.
    /// </summary>
    public bool IsAliased { get; set; }

    public List<YamlNode>? Items { get; private set; }

    public bool IsMapping => Kind == YamlNodeKind.Mapping;

    public bool IsSequence => Kind == YamlNodeKind.Sequence;

    public bool IsScalar => Kind == YamlNodeKind.Scalar;

    /// <summary>A plain scalar <c>null</c>, <c>~</c> or empty: YAML's null.</summary>
    public bool IsNull => Kind == YamlNodeKind.Scalar && IsPlain && (Value is "" or "~" or "null" or "Null" or "NULL");

    public static YamlNode Scalar(string value, bool plain, int line, int column) =>
        new(YamlNodeKind.Scalar, line, column) { Value = value, IsPlain = plain };

    public static YamlNode Mapping(int line, int column, int capacity = 0) =>
        new(YamlNodeKind.Mapping, line, column) { Pairs = new List<KeyValuePair<YamlNode, YamlNode>>(capacity) };

    public static YamlNode Sequence(int line, int column) =>
        new(YamlNodeKind.Sequence, line, column) { Items = new List<YamlNode>() };

    public YamlNode? this[string key] => Get(key);

    /// <summary>Drops the key index after <see cref="Pairs"/> was edited in place, so <see cref="Get"/> reads the edited pairs.</summary>
    public void PairsEdited() => _index = null;

    public YamlNode? Get(string key)
    {
        List<KeyValuePair<YamlNode, YamlNode>>? pairs = Pairs;
        if (pairs is null)
        {
            return null;
        }

        if (pairs.Count > 12)
        {
            return LookUpIndexed(key);
        }

        for (int i = pairs.Count - 1; i >= 0; i--)
        {
            if (string.Equals(pairs[i].Key.Value, key, StringComparison.Ordinal))
            {
                return pairs[i].Value;
            }
        }

        return null;
    }

    private YamlNode? LookUpIndexed(string key)
    {
        if (_index is null)
        {
            var index = new Dictionary<string, YamlNode>(Pairs!.Count, StringComparer.Ordinal);
            foreach (KeyValuePair<YamlNode, YamlNode> pair in Pairs)
            {
                if (pair.Key.Value is { } name)
                {
                    index[name] = pair.Value;
                }
            }

            _index = index;
        }

        return _index.TryGetValue(key, out YamlNode? value) ? value : null;
    }

    public string? GetString(string key)
    {
        YamlNode? node = Get(key);
        return node is { IsScalar: true, IsNull: false } ? node.Value : null;
    }

    public bool GetBool(string key) => Get(key) is { IsScalar: true, Value: "true" or "True" or "TRUE" };
}
