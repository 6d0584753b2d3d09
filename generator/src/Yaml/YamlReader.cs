using System;
using System.Collections.Generic;
using System.IO;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace OpenApiSdk.Generator.Yaml;

/// <summary>The outcome of reading YAML text: a root node, or an error with its position.</summary>
internal readonly struct YamlReadResult
{
    public YamlReadResult(YamlNode? root, string? error, int line, int column)
    {
        Root = root;
        Error = error;
        Line = line;
        Column = column;
    }

    public YamlNode? Root { get; }

    public string? Error { get; }

    public int Line { get; }

    public int Column { get; }
}

/// <summary>
/// Reads YAML (JSON included) into <see cref="YamlNode"/>s with YamlDotNet's event parser, which is
/// cheaper than its representation model. Work is bounded: depth and node count are capped.
/// </summary>
internal static class YamlReader
{
    public const int MaxDepth = 256;
    public const int MaxNodes = 4_000_000;

    public static YamlReadResult Read(string text, System.Threading.CancellationToken cancellationToken)
    {
        YamlReadResult result = Parse(text, null, cancellationToken, out bool scannerError);
        return scannerError ? ReadAsYaml12(text, result, cancellationToken) : result;
    }

    /// <summary>
    /// A second reading for a document YamlDotNet rejected, with the spaces of block scalars' leading empty lines
    /// removed, as YAML 1.2 reads them (<see cref="BlockScalarBlankLines"/>). The result is used only when every scalar changed is
    /// read as a block scalar whose parent has the indentation that was assumed; otherwise, or when the text
    /// fails again no further on, the first error is reported, at its own line.
    /// </summary>
    private static YamlReadResult ReadAsYaml12(string text, YamlReadResult first, System.Threading.CancellationToken cancellationToken)
    {
        var rewrites = new List<BlockScalarBlankLines.Rewrite>();
        if (BlockScalarBlankLines.EmptyLeadingBlankLines(text, rewrites) is not { } rewritten)
        {
            return first;
        }

        var expected = new Dictionary<int, BlockScalarBlankLines.Rewrite>();
        foreach (BlockScalarBlankLines.Rewrite rewrite in rewrites)
        {
            expected[rewrite.Line] = rewrite;
        }

        YamlReadResult second = Parse(rewritten, expected, cancellationToken, out bool secondScannerError);
        if (second.Root is not null)
        {
            return second;
        }

        if (!secondScannerError || second.Line < first.Line || (second.Line == first.Line && second.Column <= first.Column))
        {
            return first;
        }

        return second; // a real error further on, at its line (lines with content are unchanged)
    }

    /// <param name="expected">Lines of the block scalar headers whose empty lines were emptied, checked as the text is read; null on the first reading.</param>
    private static YamlReadResult Parse(string text, Dictionary<int, BlockScalarBlankLines.Rewrite>? expected, System.Threading.CancellationToken cancellationToken, out bool scannerError)
    {
        scannerError = false;
        int matched = 0;
        var parser = new Parser(new StringReader(text));
        var anchors = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var stack = new List<YamlNode>();
        var pendingKeys = new List<YamlNode?>();
        YamlNode? root = null;
        int nodeCount = 0;
        Mark last = Mark.Empty;

        try
        {
            while (parser.MoveNext())
            {
                ParsingEvent current = parser.Current!;
                last = current.Start;
                if ((++nodeCount & 0xFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                if (nodeCount > MaxNodes)
                {
                    return Fail($"the document has more than {MaxNodes} YAML nodes", current.Start);
                }

                switch (current)
                {
                    case DocumentStart when root is not null:
                        return Fail("the file holds more than one YAML document; an OpenAPI file holds one", current.Start);
                    case Scalar scalar:
                    {
                        if (expected is not null && scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded
                            && expected.TryGetValue((int)scalar.Start.Line, out BlockScalarBlankLines.Rewrite rewrite))
                        {
                            // Where an all-empty scalar ends was judged from the indentation of the collection holding it.
                            int parentIndent = stack.Count == 0 ? -1 : stack[stack.Count - 1].Column - 1;
                            if (parentIndent != rewrite.ParentIndent)
                            {
                                return Fail("a block scalar header was read differently than assumed", current.Start);
                            }

                            matched++;
                        }

                        var node = YamlNode.Scalar(scalar.Value, scalar.Style == ScalarStyle.Plain && scalar.Tag.IsEmpty, (int)scalar.Start.Line, (int)scalar.Start.Column);
                        node.EndLine = (int)scalar.End.Line;
                        node.EndColumn = (int)scalar.End.Column;
                        Remember(anchors, scalar.Anchor, node);
                        if (!Add(node))
                        {
                            return Fail("a mapping key must be a scalar", current.Start);
                        }

                        break;
                    }

                    case AnchorAlias alias:
                        if (!anchors.TryGetValue(alias.Value.Value, out YamlNode? target))
                        {
                            return Fail($"the alias '*{alias.Value.Value}' names no anchor defined before it", current.Start);
                        }

                        target.IsAliased = true;

                        if (!Add(target))
                        {
                            return Fail("a mapping key must be a scalar", current.Start);
                        }

                        break;
                    case MappingStart mapping:
                    {
                        var node = YamlNode.Mapping((int)mapping.Start.Line, (int)mapping.Start.Column);
                        Remember(anchors, mapping.Anchor, node);
                        if (!Open(node))
                        {
                            return Fail(stack.Count >= MaxDepth ? $"the document nests deeper than {MaxDepth} levels" : "a mapping key must be a scalar", current.Start);
                        }

                        break;
                    }

                    case SequenceStart sequence:
                    {
                        var node = YamlNode.Sequence((int)sequence.Start.Line, (int)sequence.Start.Column);
                        Remember(anchors, sequence.Anchor, node);
                        if (!Open(node))
                        {
                            return Fail(stack.Count >= MaxDepth ? $"the document nests deeper than {MaxDepth} levels" : "a mapping key must be a scalar", current.Start);
                        }

                        break;
                    }

                    case MappingEnd:
                    case SequenceEnd:
                        YamlNode closed = stack[stack.Count - 1];
                        closed.EndLine = (int)current.End.Line;
                        closed.EndColumn = (int)current.End.Column;
                        stack.RemoveAt(stack.Count - 1);
                        pendingKeys.RemoveAt(pendingKeys.Count - 1);
                        break;
                }
            }
        }
        catch (YamlException ex)
        {
            scannerError = true;
            return Fail(TrimMessage(ex.Message), ex.Start);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
#pragma warning disable CA1031 // A malformed spec must become a diagnostic, never a crashed generator.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return Fail(ex.Message, last);
        }

        if (expected is not null && matched != expected.Count)
        {
            return Fail("a block scalar header was not read as one", last); // a quoted line that ends in '|', say
        }

        return root is null
            ? new YamlReadResult(null, "the file is empty", 1, 1)
            : new YamlReadResult(root, null, 0, 0);

        bool Open(YamlNode node)
        {
            if (stack.Count >= MaxDepth || !Add(node))
            {
                return false;
            }

            stack.Add(node);
            pendingKeys.Add(null);
            return true;
        }

        bool Add(YamlNode node)
        {
            if (stack.Count == 0)
            {
                root ??= node;
                return true;
            }

            YamlNode parent = stack[stack.Count - 1];
            if (parent.IsSequence)
            {
                parent.Items!.Add(node);
                return true;
            }

            int top = pendingKeys.Count - 1;
            if (pendingKeys[top] is { } key)
            {
                parent.Pairs!.Add(new KeyValuePair<YamlNode, YamlNode>(key, node));
                pendingKeys[top] = null;
                return true;
            }

            if (!node.IsScalar)
            {
                return false;
            }

            pendingKeys[top] = node;
            return true;
        }
    }

    private static void Remember(Dictionary<string, YamlNode> anchors, AnchorName anchor, YamlNode node)
    {
        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = node;
        }
    }

    private static YamlReadResult Fail(string message, Mark mark) =>
        new(null, message, Math.Max(1, (int)mark.Line), Math.Max(1, (int)mark.Column));

    private static string TrimMessage(string message)
    {
        // YamlDotNet prefixes its messages with "(Line: 3, Col: 5, Idx: 20) - (...): "; the diagnostic carries the position.
        int separator = message.IndexOf("): ", StringComparison.Ordinal);
        return separator >= 0 && message.StartsWith("(", StringComparison.Ordinal) ? message.Substring(separator + 3) : message;
    }
}
