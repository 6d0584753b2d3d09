using System;
using System.Buffers;
using System.Text.Json;

namespace OpenApiSdk.Runtime.Streaming;

/// <summary>
/// A growable byte list over a pooled array, cleared and reused for every item of a stream; also the output of a reused
/// <see cref="Utf8JsonWriter"/> (<see cref="IBufferWriter{T}"/>).
/// </summary>
internal sealed class PooledBytes : IDisposable, IBufferWriter<byte>
{
    private byte[] _bytes = Array.Empty<byte>();

    internal int Length { get; private set; }

    internal ReadOnlySpan<byte> Span => new(_bytes, 0, Length);

    internal ReadOnlyMemory<byte> Memory => new(_bytes, 0, Length);

    internal void Clear() => Length = 0;

    internal void Set(ReadOnlySpan<byte> value)
    {
        Length = 0;
        Append(value);
    }

    internal void Append(ReadOnlySpan<byte> value)
    {
        Reserve(value.Length);
        value.CopyTo(_bytes.AsSpan(Length));
        Length += value.Length;
    }

    internal void Append(byte value)
    {
        Reserve(1);
        _bytes[Length++] = value;
    }

    internal void Truncate(int length) => Length = length;

    /// <summary>Writes the bytes to <paramref name="stream"/>.</summary>
    internal System.Threading.Tasks.Task WriteToAsync(System.IO.Stream stream, System.Threading.CancellationToken cancellationToken) =>
        stream.WriteAsync(_bytes, 0, Length, cancellationToken);

    public void Advance(int count) => Length += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(Math.Max(sizeHint, 1));
        return _bytes.AsMemory(Length);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(Math.Max(sizeHint, 1));
        return _bytes.AsSpan(Length);
    }

    public void Dispose()
    {
        if (_bytes.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_bytes);
            _bytes = Array.Empty<byte>();
        }

        Length = 0;
    }

    private void Reserve(int more)
    {
        if (_bytes.Length - Length >= more)
        {
            return;
        }

        byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Max(256, Math.Max(_bytes.Length * 2, Length + more)));
        _bytes.AsSpan(0, Length).CopyTo(larger);
        if (_bytes.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_bytes);
        }

        _bytes = larger;
    }
}
