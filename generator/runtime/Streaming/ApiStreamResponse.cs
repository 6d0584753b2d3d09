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
    public async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _enumerated, 1) != 0)
        {
            throw new InvalidOperationException("A stream's items can be enumerated once.");
        }

        var buffer = new StreamBuffer(_body);
        ItemReader<T> reader = _items.CreateReader(_maxItemBytes);
        Exception? failure = null;
        bool finished = false;
        int count = 0;
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                (ReadStep step, T item) = Next(reader, buffer, count);
                if (step == ReadStep.Item)
                {
                    count++;
                    yield return item;
                }
                else if (step == ReadStep.End)
                {
                    finished = true;
                    break;
                }
                else
                {
                    failure = await FillAsync(buffer, cancellationToken).ConfigureAwait(false);
                    if (failure is not null)
                    {
                        System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
                    }
                }
            }
        }
        finally
        {
            reader.Dispose();
            buffer.Dispose();
            await CloseAsync(finished, failure).ConfigureAwait(false);
        }
    }

    /// <summary>The items, awaited with or without the captured context (the extension methods of IAsyncEnumerable and IAsyncDisposable would be ambiguous).</summary>
    public ConfiguredCancelableAsyncEnumerable<T> ConfigureAwait(bool continueOnCapturedContext) => ((IAsyncEnumerable<T>)this).ConfigureAwait(continueOnCapturedContext);

    /// <summary>The items, enumerated with <paramref name="cancellationToken"/>.</summary>
    public ConfiguredCancelableAsyncEnumerable<T> WithCancellation(CancellationToken cancellationToken) => ((IAsyncEnumerable<T>)this).WithCancellation(cancellationToken);

    /// <summary>Closes the connection (at once, when the stream has not ended) and ends the call's trace.</summary>
    public ValueTask DisposeAsync() => CloseAsync(finished: false, failure: null);

    /// <summary>Closes the connection (see <see cref="DisposeAsync"/>).</summary>
    public void Dispose() => CloseAsync(finished: false, failure: null).AsTask().GetAwaiter().GetResult();

    private (ReadStep Step, T Item) Next(ItemReader<T> reader, StreamBuffer buffer, int count)
    {
        try
        {
            ReadStep step = reader.TryRead(buffer, out T item);
            return (step, item);
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException or StreamItemTooLargeException)
        {
            string item = "item " + (count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + " of the " + _items.MediaType + " stream";
            string detail = ex is StreamItemTooLargeException ? item + " is too long: " + ex.Message : item + " is not what the spec declares: " + ex.Message;
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
}
