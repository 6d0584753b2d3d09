using System;
using System.IO;
using System.Text.Json;

namespace OpenApiSdk.Runtime.Streaming;

/// <summary>
/// JSON Lines (<c>application/jsonl</c>) and NDJSON (<c>application/x-ndjson</c>): one JSON text per line, lines ending
/// at LF (a CR before it is whitespace). Blank lines are skipped, as the NDJSON spec allows; the last line may lack its LF.
/// </summary>
internal static class JsonLinesParser
{
    /// <summary>The next JSON text, consumed from <paramref name="buffer"/> (valid until the buffer is read into again); false when no complete line is buffered.</summary>
    internal static bool TryReadItem(StreamBuffer buffer, out ReadOnlySpan<byte> json)
    {
        while (true)
        {
            ReadOnlySpan<byte> pending = buffer.Pending;
            int newline = pending.IndexOf((byte)'\n');
            ReadOnlySpan<byte> line;
            if (newline >= 0)
            {
                line = pending.Slice(0, newline);
                buffer.Consume(newline + 1);
            }
            else if (buffer.Ended && pending.Length > 0)
            {
                line = pending;
                buffer.Consume(pending.Length);
            }
            else
            {
                json = default;
                return false;
            }

            line = JsonTextSequenceParser.Trim(line);
            if (line.Length > 0)
            {
                json = line;
                return true;
            }
        }
    }
}

/// <summary>
/// JSON text sequences (RFC 7464, <c>application/json-seq</c>): each JSON text is preceded by RS (0x1E) and followed by
/// LF, and may span lines. A text is taken as soon as it is complete (an object or array at its closing bracket, a
/// number, literal or string once the LF after it has arrived), without waiting for the next RS. Consecutive RS bytes are
/// one separator (§2.1). Anything else between texts, or a text that is not JSON, is an error rather than skipped: the
/// SDK does not hand over a stream with items silently missing.
/// </summary>
internal sealed class JsonTextSequenceParser
{
    internal const byte RecordSeparator = 0x1E;

    private bool _afterSeparator;

    /// <summary>The next JSON text, consumed from <paramref name="buffer"/>; false when no complete text is buffered.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a JSON text sequence.</exception>
    internal bool TryReadItem(StreamBuffer buffer, out ReadOnlySpan<byte> json)
    {
        json = default;
        ReadOnlySpan<byte> pending = buffer.Pending;
        int skip = 0;
        while (skip < pending.Length && (pending[skip] == RecordSeparator || IsWhitespace(pending[skip])))
        {
            _afterSeparator |= pending[skip] == RecordSeparator;
            skip++;
        }

        buffer.Consume(skip);
        pending = pending.Slice(skip);
        if (pending.Length == 0)
        {
            return false;
        }

        if (!_afterSeparator)
        {
            throw new InvalidDataException("A JSON text in a JSON text sequence must follow a record separator (RS, 0x1E; RFC 7464 section 2.2).");
        }

        int next = pending.IndexOf(RecordSeparator);
        ReadOnlySpan<byte> record = next < 0 ? pending : pending.Slice(0, next);
        bool final = next >= 0 || buffer.Ended;
        int length;
        try
        {
            var reader = new Utf8JsonReader(record, isFinalBlock: final, default);
            if (!reader.Read() || (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip()))
            {
                if (final)
                {
                    throw new InvalidDataException("A JSON text of the sequence is incomplete (RFC 7464 section 2.4: truncated).");
                }

                return false;
            }

            length = (int)reader.BytesConsumed;
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException("A JSON text of the sequence is not JSON: " + ex.Message, ex);
        }

        if (Trim(record.Slice(length)).Length > 0)
        {
            throw new InvalidDataException("A record of the JSON text sequence holds more than one JSON text (RFC 7464 section 2.2).");
        }

        json = record.Slice(0, length);
        buffer.Consume(length);
        _afterSeparator = false;
        return true;
    }

    /// <summary>Without the JSON whitespace (RFC 8259: space, tab, LF, CR) at either end.</summary>
    internal static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> bytes)
    {
        int start = 0;
        while (start < bytes.Length && IsWhitespace(bytes[start]))
        {
            start++;
        }

        int end = bytes.Length;
        while (end > start && IsWhitespace(bytes[end - 1]))
        {
            end--;
        }

        return bytes.Slice(start, end - start);
    }

    private static bool IsWhitespace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r';
}
