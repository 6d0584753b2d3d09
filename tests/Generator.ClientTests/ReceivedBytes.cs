using System;
using System.IO;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace OpenApiSdk.ClientTests;

/// <summary>
/// The bytes a client has read from its connections, counted where they leave the socket. A test that asks whether a
/// client closed a connection or drained it counts what the client read rather than what the server wrote: Kestrel lets
/// writes to an aborted connection succeed without sending anything until it notices the close, so the server's count
/// depends on how soon it notices (a race under load), while a client that closed the socket reads nothing more.
/// </summary>
internal sealed class ReceivedBytes
{
    private long _count;

    /// <summary>The bytes read so far.</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <summary>
    /// A handler whose connections are counted, and that drains an unread response body without a limit of bytes or time
    /// before it reuses the connection (the defaults stop at 1 MB or 2 s and then close it): a client that disposes a
    /// response instead of closing the connection reads all the server has.
    /// </summary>
    public SocketsHttpHandler DrainingForever() => new()
    {
        MaxResponseDrainSize = int.MaxValue,
        ResponseDrainTimeout = Timeout.InfiniteTimeSpan,
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new Counting(new NetworkStream(socket, ownsSocket: true), this);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    private sealed class Counting(Stream inner, ReceivedBytes owner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Counted(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            inner.WriteAsync(buffer, cancellationToken);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            inner.WriteAsync(buffer, offset, count, cancellationToken);

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        public override async ValueTask DisposeAsync()
        {
            await inner.DisposeAsync();
            await base.DisposeAsync();
        }

        private int Counted(int read)
        {
            Interlocked.Add(ref owner._count, read);
            return read;
        }
    }
}
