using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Threading;

namespace OpenApiSdk.Generator.Yaml;

/// <summary>
/// Reads a JSON spec with <see cref="Utf8JsonReader"/> into the <see cref="YamlNode"/>s <see cref="YamlReader"/>
/// builds, with the positions YamlDotNet gives the same text: a JSON document reads the same either way, only
/// faster (JSON is YAML, but the YAML scanner is the slower path). Strings (keys included) are quoted scalars;
/// numbers, <c>true</c>, <c>false</c> and <c>null</c> are plain scalars holding their literal text. The limits
/// are <see cref="YamlReader"/>'s; duplicate keys are kept in order, so the last one wins, as there.
/// </summary>
internal static class JsonReader
{
    // Not inlined: a host that cannot load System.Text.Json fails this call, which SpecReader catches, not its caller's JIT.
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static YamlReadResult Read(string text, CancellationToken cancellationToken)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(text);
        int start = utf8.Length >= 3 && utf8[0] == 0xEF && utf8[1] == 0xBB && utf8[2] == 0xBF ? 3 : 0; // Utf8JsonReader does not skip a BOM
        var positions = new Positions(utf8);
        if (IsBlank(text))
        {
            return new YamlReadResult(null, "the file is empty", 1, 1);
        }

        var builder = new TreeBuilder();
        var reader = new Utf8JsonReader(
            new ReadOnlySpan<byte>(utf8, start, utf8.Length - start),
            new JsonReaderOptions { MaxDepth = YamlReader.MaxDepth + 1, CommentHandling = JsonCommentHandling.Disallow });
        int tokens = 0;
        int tokenStart = start;
        try
        {
            while (reader.Read())
            {
                tokenStart = start + (int)reader.TokenStartIndex;
                if ((++tokens & 0xFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                if (tokens > YamlReader.MaxNodes)
                {
                    return Fail($"the document has more than {YamlReader.MaxNodes} JSON tokens", positions, tokenStart);
                }

                positions.MoveTo(tokenStart);
                int line = positions.Line, column = positions.Column;
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        if (builder.Depth >= YamlReader.MaxDepth)
                        {
                            return Fail($"the document nests deeper than {YamlReader.MaxDepth} levels", positions, tokenStart);
                        }

                        builder.Open(reader.TokenType == JsonTokenType.StartObject ? YamlNode.Mapping(line, column) : YamlNode.Sequence(line, column));
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        // YamlDotNet ends a flow collection at its closing bracket, not after it.
                        builder.Close(line, column);
                        break;
                    case JsonTokenType.PropertyName:
                    case JsonTokenType.String:
                        builder.Add(Scalar(reader.GetString()!, plain: false, tokenStart + reader.ValueSpan.Length + 2, positions, line, column));
                        break;
                    default: // Number, True, False, Null: the literal as written, which is ASCII
                        builder.Add(Scalar(Encoding.UTF8.GetString(utf8, tokenStart, reader.ValueSpan.Length), plain: true, tokenStart + reader.ValueSpan.Length, positions, line, column));
                        break;
                }
            }
        }
        catch (JsonException ex)
        {
            return Fail(TrimMessage(ex.Message), positions, ErrorOffset(utf8, start, ex));
        }
        catch (InvalidOperationException ex)
        {
            // GetString refuses a string whose escapes make invalid UTF-16 (a lone surrogate), as YamlDotNet does.
            return Fail(ex.Message, positions, tokenStart);
        }

        return builder.Root is null
            ? new YamlReadResult(null, "the file is empty", 1, 1)
            : new YamlReadResult(builder.Root, null, 0, 0);
    }

    private static YamlNode Scalar(string value, bool plain, int end, Positions positions, int line, int column)
    {
        YamlNode node = YamlNode.Scalar(value, plain, line, column);
        positions.MoveTo(end);
        node.EndLine = positions.Line;
        node.EndColumn = positions.Column;
        return node;
    }

    private static bool IsBlank(string text)
    {
        foreach (char c in text)
        {
            if (c is not (' ' or '\t' or '\r' or '\n' or '\uFEFF'))
            {
                return false;
            }
        }

        return true;
    }

    private static YamlReadResult Fail(string message, Positions positions, int offset)
    {
        positions.MoveTo(offset);
        return new YamlReadResult(null, message, positions.Line, positions.Column);
    }

    /// <summary>The byte offset of a reader error: the exception counts lines by <c>\n</c> and bytes within the line.</summary>
    private static int ErrorOffset(byte[] utf8, int start, JsonException ex)
    {
        long line = ex.LineNumber ?? 0;
        int offset = start;
        for (; line > 0 && offset < utf8.Length; offset++)
        {
            if (utf8[offset] == (byte)'\n')
            {
                line--;
            }
        }

        return (int)Math.Min(utf8.Length, offset + (ex.BytePositionInLine ?? 0));
    }

    private static string TrimMessage(string message)
    {
        // "... Expected a ':'. LineNumber: 0 | BytePositionInLine: 13.": the diagnostic carries the position.
        int position = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        string trimmed = position > 0 ? message.Substring(0, position) : message;
        return trimmed.Replace(" Change the reader options.", string.Empty);
    }

    /// <summary>
    /// Turns byte offsets, visited in increasing order, into 1-based lines and columns as YamlDotNet and Roslyn count
    /// them: a line ends at <c>\r\n</c>, <c>\r</c>, <c>\n</c>, U+0085, U+2028 or U+2029, and a column is a UTF-16 unit.
    /// </summary>
    private sealed class Positions
    {
        private readonly byte[] _utf8;
        private int _offset;

        public Positions(byte[] utf8) => _utf8 = utf8;

        public int Line { get; private set; } = 1;

        public int Column { get; private set; } = 1;

        public void MoveTo(int offset)
        {
            if (offset < _offset)
            {
                _offset = 0; // only an error can look back
                Line = 1;
                Column = 1;
            }

            byte[] bytes = _utf8;
            while (_offset < offset)
            {
                byte b = bytes[_offset];
                if (b == (byte)'\n' || b == (byte)'\r')
                {
                    _offset += b == (byte)'\r' && _offset + 1 < bytes.Length && bytes[_offset + 1] == (byte)'\n' ? 2 : 1;
                    NewLine();
                }
                else if (b == 0xC2 && At(1) == 0x85)
                {
                    _offset += 2;
                    NewLine();
                }
                else if (b == 0xE2 && At(1) == 0x80 && At(2) is 0xA8 or 0xA9)
                {
                    _offset += 3;
                    NewLine();
                }
                else
                {
                    // A lead byte starts a character; a four-byte sequence is a surrogate pair in UTF-16.
                    if ((b & 0xC0) != 0x80)
                    {
                        Column += b >= 0xF0 ? 2 : 1;
                    }

                    _offset++;
                }
            }
        }

        private int At(int ahead) => _offset + ahead < _utf8.Length ? _utf8[_offset + ahead] : -1;

        private void NewLine()
        {
            Line++;
            Column = 1;
        }
    }

    /// <summary>Links nodes into the tree as they are read: a mapping alternates keys and values.</summary>
    private sealed class TreeBuilder
    {
        private readonly List<YamlNode> _open = new();
        private readonly List<YamlNode?> _pendingKeys = new();

        public YamlNode? Root { get; private set; }

        public int Depth => _open.Count;

        public void Open(YamlNode node)
        {
            Add(node);
            _open.Add(node);
            _pendingKeys.Add(null);
        }

        public void Close(int line, int column)
        {
            YamlNode closed = _open[_open.Count - 1];
            closed.EndLine = line;
            closed.EndColumn = column;
            _open.RemoveAt(_open.Count - 1);
            _pendingKeys.RemoveAt(_pendingKeys.Count - 1);
        }

        public void Add(YamlNode node)
        {
            if (_open.Count == 0)
            {
                Root ??= node;
                return;
            }

            YamlNode parent = _open[_open.Count - 1];
            if (parent.IsSequence)
            {
                parent.Items!.Add(node);
                return;
            }

            int top = _pendingKeys.Count - 1;
            if (_pendingKeys[top] is { } key)
            {
                parent.Pairs!.Add(new KeyValuePair<YamlNode, YamlNode>(key, node));
                _pendingKeys[top] = null;
            }
            else
            {
                _pendingKeys[top] = node; // Utf8JsonReader guarantees a property name here
            }
        }
    }
}
