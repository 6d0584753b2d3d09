using System;
using System.Buffers;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace OpenApiSdk.Runtime.Streaming;

/// <summary>
/// The bytes of a response stream read so far and not yet parsed, in one pooled array that is reused for the whole
/// stream (compacted before each read, doubled only when one item does not fit). The parsers look at
/// <see cref="Pending"/> and <see cref="Consume"/> what they have parsed, so reading items allocates nothing here.
/// </summary>
internal sealed class StreamBuffer : IDisposable
{
    internal const int InitialSize = 16 * 1024;

    private readonly Stream _stream;
    private byte[] _buffer;
    private int _start;
    private int _end;

    internal StreamBuffer(Stream stream, int initialSize = InitialSize)
    {
        _stream = stream;
        _buffer = ArrayPool<byte>.Shared.Rent(initialSize);
    }

    /// <summary>The stream has ended: <see cref="Pending"/> is all that is left.</summary>
    internal bool Ended { get; private set; }

    /// <summary>The bytes received and not yet consumed.</summary>
    internal ReadOnlySpan<byte> Pending => new(_buffer, _start, _end - _start);

    /// <summary>Marks the first <paramref name="count"/> pending bytes as parsed.</summary>
    internal void Consume(int count) => _start += count;

    /// <summary>Reads more bytes from the stream (what one read returns); false when the stream has ended.</summary>
    internal async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (Ended)
        {
            return false;
        }

        MakeRoom();
#if NET8_0_OR_GREATER
        int read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
#else
        int read = await _stream.ReadAsync(_buffer, _end, _buffer.Length - _end, cancellationToken).ConfigureAwait(false);
#endif
        if (read == 0)
        {
            Ended = true;
            return false;
        }

        _end += read;
        return true;
    }

    /// <summary>For tests and in-memory input: appends bytes as if the stream had returned them.</summary>
    internal void Append(ReadOnlySpan<byte> bytes)
    {
        MakeRoom(bytes.Length);

        bytes.CopyTo(_buffer.AsSpan(_end));
        _end += bytes.Length;
    }

    /// <summary>For tests and in-memory input: the stream has ended.</summary>
    internal void End() => Ended = true;

    public void Dispose()
    {
        byte[] buffer = _buffer;
        _buffer = Array.Empty<byte>();
        _start = _end = 0;
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Moves the pending bytes to the front, and grows the array when fewer than <paramref name="needed"/> bytes are free after that.</summary>
    private void MakeRoom(int needed = 1)
    {
        if (_start > 0)
        {
            int count = _end - _start;
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, count);
            _start = 0;
            _end = count;
        }

        if (_buffer.Length - _end < needed)
        {
            byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _end + needed));
            Buffer.BlockCopy(_buffer, 0, larger, 0, _end);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }
    }
}
