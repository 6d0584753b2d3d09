using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OpenApiSdk.Runtime;
using OpenApiSdk.Runtime.Streaming;

namespace OpenApiSdk;

/// <summary>
/// A streaming response (from the <c>StreamingWithResponseAsync</c> form of an operation): status, headers and request id
/// as soon as the headers have arrived, and the items as they arrive, enumerated once. Dispose it (<c>await using</c>):
/// disposing, or leaving the enumeration early, closes the connection at once.
/// </summary>
/// <typeparam name="T">One item of the stream.</typeparam>
public sealed class ApiStreamResponse<T> : ApiResponse, IAsyncEnumerable<T>, IAsyncDisposable, IDisposable
{
    private readonly string _operationId;
    private readonly HttpResponseMessage _response;
    private readonly HttpRequestMessage _request;
    private readonly Stream _body;
    private readonly StreamItems<T> _items;
    private readonly Action<Exception?> _ended;
    private readonly int _maxItemBytes;
    private int _enumerated;
    private int _closed;
    private Exception? _itemFailure;

    internal ApiStreamResponse(
        string operationId,
        int statusCode,
        IReadOnlyDictionary<string, IReadOnlyList<string>> headers,
        string? requestId,
        HttpResponseMessage response,
        HttpRequestMessage request,
        Stream body,
        StreamItems<T> items,
        int maxItemBytes,
        Action<Exception?> ended)
        : base(statusCode, headers, requestId)
    {
        _operationId = operationId;
        _response = response;
        _request = request;
        _body = body;
        _items = items;
        _ended = ended;
        _maxItemBytes = maxItemBytes;
    }

    /// <summary>
    /// The items, each as soon as it is complete. A transport failure in the middle of the stream surfaces as its exception
    /// after the items already read (the request is never sent again); an item that breaks the stream's format throws
    /// <see cref="ApiException"/>, and so does an item longer than <see cref="ApiClientOptions.MaxStreamItemBytes"/> (then the
    /// connection is closed). Enumerated once.
    /// </summary>
    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default) => new Items(this, null, null, cancellationToken);

    /// <summary>The items, awaited with or without the captured context (the extension methods of IAsyncEnumerable and IAsyncDisposable would be ambiguous).</summary>
    public ConfiguredCancelableAsyncEnumerable<T> ConfigureAwait(bool continueOnCapturedContext) => ((IAsyncEnumerable<T>)this).ConfigureAwait(continueOnCapturedContext);

    /// <summary>The items, enumerated with <paramref name="cancellationToken"/>.</summary>
    public ConfiguredCancelableAsyncEnumerable<T> WithCancellation(CancellationToken cancellationToken) => ((IAsyncEnumerable<T>)this).WithCancellation(cancellationToken);

    /// <summary>Closes the connection (at once, when the stream has not ended) and ends the call's trace.</summary>
    public ValueTask DisposeAsync() => CloseAsync(finished: false, failure: null);

    /// <summary>Closes the connection (see <see cref="DisposeAsync"/>).</summary>
    public void Dispose() => CloseAsync(finished: false, failure: null).AsTask().GetAwaiter().GetResult();

    private ReadStep Next(ItemReader<T> reader, StreamBuffer buffer, int count, out T item)
    {
        try
        {
            return reader.TryRead(buffer, out item);
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException or StreamItemTooLargeException)
        {
            string read = "item " + (count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + " of the " + _items.MediaType + " stream";
            string detail = ex is StreamItemTooLargeException ? read + " is too long: " + ex.Message : read + " is not what the spec declares: " + ex.Message;
            _itemFailure = new ApiException(_operationId, StatusCode, _response.ReasonPhrase, RequestId, null, null, null, false, detail, ex);
            throw _itemFailure;
        }
    }

    /// <summary>Reads more of the body; the exception of a transport failure (returned, to be thrown by the iterator), else null.</summary>
    private static async ValueTask<Exception?> FillAsync(StreamBuffer buffer, CancellationToken cancellationToken)
    {
        try
        {
            await buffer.FillAsync(cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or ObjectDisposedException && !cancellationToken.IsCancellationRequested)
        {
            return ex;
        }
    }

    private async ValueTask CloseAsync(bool finished, Exception? failure)
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }

        try
        {
            if (!finished)
            {
                await AbortAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _body.Dispose();
            _response.Dispose();
            _request.Dispose();
            _ended(failure ?? _itemFailure);
        }
    }

    /// <summary>
    /// Disposing a response whose body is not fully read makes HttpClient drain it (up to 1 MB, for up to 2 s) to reuse the
    /// connection, so a server streaming slowly would go on for two seconds. A read cancelled while it waits closes the
    /// connection instead, at once: that is what is done here (the bytes already buffered are skipped first, a bounded number of reads).
    /// </summary>
    private async ValueTask AbortAsync()
    {
        byte[] scratch = ArrayPool<byte>.Shared.Rent(4096);
        try
        {
            using var cancel = new CancellationTokenSource();
            for (int i = 0; i < 64; i++)
            {
                Task<int> read = _body.ReadAsync(scratch, 0, scratch.Length, cancel.Token);
                if (!read.IsCompleted)
                {
                    cancel.Cancel();
                }

                if (await Ended(read).ConfigureAwait(false))
                {
                    return;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    private static async Task<bool> Ended(Task<int> read)
    {
        try
        {
            return await read.ConfigureAwait(false) == 0;
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or HttpRequestException or ObjectDisposedException)
        {
            return true;
        }
    }

    /// <summary>
    /// The items of a stream that <paramref name="open"/> opens (sends the request) at the first <c>MoveNextAsync</c>, read by the
    /// stream's own enumerator: what <see cref="StreamItems.Enumerate"/> returns, with no second enumerator around this one.
    /// <paramref name="linked"/>, the source of <paramref name="cancellationToken"/> when it links several, is disposed when the
    /// enumeration ends.
    /// </summary>
    internal static IAsyncEnumerator<T> Opening(Func<CancellationToken, Task<ApiStreamResponse<T>>> open, CancellationTokenSource? linked, CancellationToken cancellationToken) =>
        new Items(null, open, linked, cancellationToken);

    /// <summary>
    /// One enumeration of the items. It starts (the stream opened when it is not yet, the buffer and the parser made) at the
    /// first <see cref="MoveNextAsync"/>, and ends (the connection closed, the call's trace ended) when the stream ends, fails
    /// or is left. An item already whole in the buffer (most are: one read holds many) is returned at once, with no async
    /// state machine run for it; only opening, reading more of the body, the end and a failure take the async path.
    /// </summary>
    private sealed class Items : IAsyncEnumerator<T>
    {
        private readonly CancellationToken _cancellationToken;
        private ApiStreamResponse<T>? _stream;
        private Func<CancellationToken, Task<ApiStreamResponse<T>>>? _open;
        private CancellationTokenSource? _linked;
        private StreamBuffer? _buffer;
        private ItemReader<T>? _reader;
        private int _count;
        private bool _ended;
        private bool _reading;

        internal Items(ApiStreamResponse<T>? stream, Func<CancellationToken, Task<ApiStreamResponse<T>>>? open, CancellationTokenSource? linked, CancellationToken cancellationToken)
        {
            _stream = stream;
            _open = open;
            _linked = linked;
            _cancellationToken = cancellationToken;
        }

        public T Current { get; private set; } = default!;

        public ValueTask<bool> MoveNextAsync()
        {
            if (_reader is null || _ended || _cancellationToken.IsCancellationRequested)
            {
                return ReadAsync();
            }

            ReadStep step;
            T item;
            try
            {
                step = _stream!.Next(_reader, _buffer!, _count, out item);
            }
            catch (Exception ex)
            {
                return FailAsync(ex);
            }

            if (step != ReadStep.Item)
            {
                return step == ReadStep.End ? FinishAsync() : ReadAsync();
            }

            _count++;
            Current = item;
            return new ValueTask<bool>(true);
        }

        public ValueTask DisposeAsync()
        {
            if (_reading)
            {
                // As a compiler-generated async iterator does: the buffers must not go back to the pool while a read fills them.
                throw new NotSupportedException("A stream's enumerator cannot be disposed while a MoveNextAsync is pending.");
            }

            if (_reader is null || _ended)
            {
                ReleaseLinked();
                return default;
            }

            return EndAsync(finished: false, failure: null);
        }

        /// <summary>The slow path of <see cref="MoveNextAsync"/>: starts, reads more of the body until an item is whole, or ends.</summary>
        private async ValueTask<bool> ReadAsync()
        {
            if (_ended)
            {
                return false;
            }

            _reading = true;
            try
            {
                return await StartAndReadAsync().ConfigureAwait(false);
            }
            finally
            {
                _reading = false;
            }
        }

        private async ValueTask<bool> StartAndReadAsync()
        {
            if (_reader is null)
            {
                await StartAsync().ConfigureAwait(false);
            }

            Exception? transportFailure = null;
            try
            {
                while (true)
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                    ReadStep step = _stream!.Next(_reader!, _buffer!, _count, out T item);
                    if (step == ReadStep.Item)
                    {
                        _count++;
                        Current = item;
                        return true;
                    }

                    if (step == ReadStep.End)
                    {
                        break;
                    }

                    transportFailure = await FillAsync(_buffer!, _cancellationToken).ConfigureAwait(false);
                    if (transportFailure is not null)
                    {
                        System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(transportFailure).Throw();
                    }
                }
            }
            catch (Exception)
            {
                await EndAsync(finished: false, transportFailure).ConfigureAwait(false);
                throw;
            }

            await EndAsync(finished: true, failure: null).ConfigureAwait(false);
            return false;
        }

        /// <summary>Opens the stream when it is not yet (a failure ends the enumeration: the request is not sent again), then makes the buffer and the parser.</summary>
        private async ValueTask StartAsync()
        {
            if (_open is { } open)
            {
                _open = null;
                try
                {
                    _stream = await open(_cancellationToken).ConfigureAwait(false);
                }
                catch (Exception)
                {
                    _ended = true;
                    ReleaseLinked();
                    throw;
                }
            }

            ApiStreamResponse<T> stream = _stream!;
            if (Interlocked.Exchange(ref stream._enumerated, 1) != 0)
            {
                _ended = true;
                throw new InvalidOperationException("A stream's items can be enumerated once.");
            }

            _buffer = new StreamBuffer(stream._body);
            _reader = stream._items.CreateReader(stream._maxItemBytes);
        }

        private async ValueTask<bool> FinishAsync()
        {
            await EndAsync(finished: true, failure: null).ConfigureAwait(false);
            return false;
        }

        private async ValueTask<bool> FailAsync(Exception ex)
        {
            await EndAsync(finished: false, failure: null).ConfigureAwait(false);
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex).Throw();
            return false;
        }

        /// <summary>
        /// No more items: the buffers returned, the connection closed (at once when the stream has not <paramref name="finished"/>)
        /// and the call's trace ended with <paramref name="failure"/> (a transport failure) or the item's failure, if any.
        /// </summary>
        private async ValueTask EndAsync(bool finished, Exception? failure)
        {
            _ended = true;
            _reader!.Dispose();
            _buffer!.Dispose();
            try
            {
                await _stream!.CloseAsync(finished, failure).ConfigureAwait(false);
            }
            finally
            {
                ReleaseLinked();
            }
        }

        private void ReleaseLinked()
        {
            _linked?.Dispose();
            _linked = null;
        }
    }
}
