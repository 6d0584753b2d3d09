using System.Collections.Generic;
using System.Text;

namespace OpenApiSdk.Generator.Yaml;

/// <summary>
/// YAML 1.2 §8.1.1.1: a block scalar without an indentation indicator takes its content indentation from
/// its first non-empty line or, when every line is empty, from the longest of them; leading empty lines may
/// hold spaces, up to that indentation, and stand for a line break each whatever their spaces. YamlDotNet 16
/// rejects such lines ("found extra spaces in first line", "found more spaces in lines above first content
/// line"), also after an explicit indicator in a folded scalar. So for a document it rejects, the spaces of
/// those leading empty lines are removed: the value YAML 1.2 gives is unchanged, and so is every line number
/// and every column of a line with content. Where YAML 1.2 itself rejects the text (a leading empty line with
/// more spaces than the first content line), nothing is changed.
/// </summary>
internal static class BlockScalarBlankLines
{
    /// <summary>A header whose leading empty lines were emptied: its 1-based line and the parent indentation assumed.</summary>
    internal readonly struct Rewrite
    {
        public Rewrite(int line, int parentIndent)
        {
            Line = line;
            ParentIndent = parentIndent;
        }

        public int Line { get; }

        /// <summary>
        /// The indentation n of §8.1.1.1: the column (0-based) of the keys of the block mapping or the dashes of
        /// the block sequence holding the scalar, -1 at the top level. It decides where an all-empty scalar ends.
        /// </summary>
        public int ParentIndent { get; }
    }

    /// <summary>The text with those lines emptied, or null when no block scalar has such lines.</summary>
    public static string? EmptyLeadingBlankLines(string text, List<Rewrite> rewrites)
    {
        List<(int Start, int End)> lines = SplitLines(text);
        StringBuilder? result = null;
        int copied = 0;
        for (int i = 0; i < lines.Count; i++)
        {
            (int start, int end) = lines[i];
            if (!FindHeader(text, start, end, out int parentIndent, out bool hasIndicator))
            {
                continue;
            }

            if (!hasIndicator && LeadingBlankLines(text, lines, i + 1, parentIndent) is { } count)
            {
                result ??= new StringBuilder(text.Length);
                for (int blank = i + 1; blank <= i + count; blank++)
                {
                    result.Append(text, copied, lines[blank].Start - copied);
                    copied = lines[blank].End; // the spaces are dropped, the line break kept
                }

                rewrites.Add(new Rewrite(i + 1, parentIndent));
            }

            // The scalar's content is text, not YAML: a line in it that looks like a header is not one.
            while (i + 1 < lines.Count && IndentationOrBlank(text, lines[i + 1]) > parentIndent)
            {
                i++;
            }
        }

        return result?.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>The line's indentation, or int.MaxValue for a line of spaces only (it belongs to any block scalar).</summary>
    private static int IndentationOrBlank(string text, (int Start, int End) line)
    {
        int spaces = 0;
        while (line.Start + spaces < line.End && text[line.Start + spaces] == ' ')
        {
            spaces++;
        }

        return line.Start + spaces == line.End ? int.MaxValue : spaces;
    }

    /// <summary>
    /// How many lines from <paramref name="first"/> on hold only spaces (at least one with a space), when they
    /// are the leading empty lines of a block scalar as YAML 1.2 reads them; null when there are none, or when
    /// YAML 1.2 rejects them (more spaces than the first non-empty line, which sets the indentation).
    /// </summary>
    private static int? LeadingBlankLines(string text, List<(int Start, int End)> lines, int first, int parentIndent)
    {
        int longest = 0;
        int i = first;
        for (; i < lines.Count; i++)
        {
            (int start, int end) = lines[i];
            int spaces = 0;
            while (start + spaces < end && text[start + spaces] == ' ')
            {
                spaces++;
            }

            if (start + spaces < end)
            {
                // Content more indented than the parent sets the indentation; a line that is not ends the scalar.
                if (spaces > parentIndent && longest > spaces)
                {
                    return null;
                }

                break;
            }

            longest = System.Math.Max(longest, spaces);
        }

        return longest == 0 ? null : i - first;
    }

    /// <summary>
    /// Finds a block scalar header (<c>|</c>, <c>|+</c>, <c>&gt;-</c>, <c>|2</c>, ...) that
    /// ends the line, after <c>key:</c>, <c>- </c> or <c>---</c> (and any anchor or tag), and the indentation its
    /// content is relative to. Quoted keys and comments are skipped; anything unclear is left alone.
    /// </summary>
    private static bool FindHeader(string text, int start, int end, out int parentIndent, out bool hasIndicator)
    {
        parentIndent = 0;
        hasIndicator = false;
        int contentEnd = CommentStart(text, start, end);
        while (contentEnd > start && text[contentEnd - 1] == ' ')
        {
            contentEnd--;
        }

        // The header token: | or > then at most a chomping indicator and a digit, in either order.
        int token = contentEnd - 1;
        for (int k = 0; k < 2 && token >= start && text[token] is '+' or '-' or (>= '1' and <= '9'); k++)
        {
            hasIndicator |= text[token] is >= '1' and <= '9';
            token--;
        }

        if (token < start || text[token] is not ('|' or '>') || (token > start && text[token - 1] != ' '))
        {
            return false;
        }

        // What comes before it, with anchors (&a) and tags (!t) stepped over.
        int before = token;
        while (true)
        {
            while (before > start && text[before - 1] == ' ')
            {
                before--;
            }

            int wordStart = before;
            while (wordStart > start && text[wordStart - 1] != ' ')
            {
                wordStart--;
            }

            if (wordStart < before && text[wordStart] is '&' or '!')
            {
                before = wordStart;
                continue;
            }

            break;
        }

        // Leading indentation and sequence dashes: "  - - ".
        int position = start;
        while (position < end && text[position] == ' ')
        {
            position++;
        }

        int lastDash = -1;
        while (position < before && text[position] == '-' && position + 1 < end && text[position + 1] == ' ')
        {
            lastDash = position - start;
            position++;
            while (position < end && text[position] == ' ')
            {
                position++;
            }
        }

        if (position >= before)
        {
            if (lastDash < 0)
            {
                return false; // a header alone on its line (a continuation, or a value below its key): not judged
            }

            parentIndent = lastDash; // "- |": the sequence's dashes
        }
        else if (position == start && before - start == 3 && string.CompareOrdinal(text, start, "---", 0, 3) == 0)
        {
            parentIndent = -1; // "--- |": the document's root
        }
        else if (text[before - 1] == ':' && IsSimpleKey(text, position, before - 1))
        {
            parentIndent = position - start; // "key: |": the mapping's keys
        }
        else
        {
            return false;
        }

        return true;
    }

    /// <summary>A plain or quoted key on one line, with no ': ' or flow indicators that would make it something else.</summary>
    private static bool IsSimpleKey(string text, int start, int end)
    {
        if (end <= start)
        {
            return false;
        }

        char first = text[start];
        if (first is '\'' or '"')
        {
            int close = text.IndexOf(first, start + 1);
            while (first == '"' && close > 0 && text[close - 1] == '\\')
            {
                close = text.IndexOf(first, close + 1);
            }

            return close == end - 1;
        }

        if (first is '[' or '{' or '?' or '#' or '&' or '!' or '*' or '|' or '>' or '%' or '@' or '`')
        {
            return false;
        }

        for (int i = start; i < end; i++)
        {
            if (text[i] == ':' && i + 1 < end && text[i + 1] == ' ')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Where a comment starts on the line ('#' after a space, outside quotes), or the line's end.</summary>
    private static int CommentStart(string text, int start, int end)
    {
        char quote = '\0';
        for (int i = start; i < end; i++)
        {
            char c = text[i];
            if (quote != '\0')
            {
                if (c == quote && !(quote == '"' && text[i - 1] == '\\'))
                {
                    quote = '\0';
                }
            }
            else if (c == '#' && (i == start || text[i - 1] is ' ' or '\t'))
            {
                return i;
            }
            else if (c is '\'' or '"' && (i == start || text[i - 1] is ' ' or '-' or ':' or '[' or '{' or ','))
            {
                quote = c;
            }
        }

        return end;
    }

    /// <summary>Line start and end offsets (the end excludes the break); breaks are \n, \r\n and \r, as in YAML 1.2.</summary>
    private static List<(int Start, int End)> SplitLines(string text)
    {
        var lines = new List<(int, int)>();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] is '\n' or '\r')
            {
                lines.Add((start, i));
                if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            lines.Add((start, text.Length));
        }

        return lines;
    }
}
