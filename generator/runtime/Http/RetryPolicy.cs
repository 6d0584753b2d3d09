using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace OpenApiSdk.Runtime;

/// <summary>Which failed attempts are retried, and how long to wait first (the rules are documented on <see cref="RetryOptions"/>).</summary>
internal static class RetryPolicy
{
    private static readonly object RandomLock = new();
    private static readonly Random Random = new();

    /// <summary>
    /// GET, HEAD, PUT, DELETE, OPTIONS and TRACE, the idempotent methods of RFC 9110 section 9.2.2, and QUERY (OpenAPI 3.2's
    /// <c>query</c> operation), which draft-ietf-httpbis-safe-method-w-body defines as safe and idempotent. Method names are
    /// case-sensitive (RFC 9110 section 9.1), so only <c>QUERY</c> is one.
    /// </summary>
    public static bool IsIdempotent(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Put || method == HttpMethod.Delete
        || method == HttpMethod.Options || method == HttpMethod.Trace || string.Equals(method.Method, "QUERY", StringComparison.Ordinal);

    /// <summary>429 Too Many Requests and 503 Service Unavailable: the server says it did not act, so any method is retried.</summary>
    public static bool ServerDidNotAct(int status) => status is 429 or 503;

    /// <summary>408, 500, 502, 504: the server may have acted, so only a repeatable request is retried.</summary>
    public static bool MayHaveActed(int status) => status is 408 or 500 or 502 or 504;

    /// <summary>True for a status that is retried, given whether the request may be repeated.</summary>
    public static bool ShouldRetry(int status, bool repeatable) => ServerDidNotAct(status) || (repeatable && MayHaveActed(status));

    /// <summary>A failure of the transport: the server may or may not have seen the request.</summary>
    public static bool IsTransportFailure(Exception exception) => exception is HttpRequestException or IOException;

    /// <summary>
    /// True when the request never left: no connection could be made (refused, unreachable, name resolution, TLS
    /// handshake, proxy tunnel). Anything else (a connection lost after sending, a reset, a timeout) may have reached the server.
    /// </summary>
    public static bool FailedBeforeSending(Exception exception)
    {
#if NET8_0_OR_GREATER
        if (exception is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError })
        {
            return true;
        }
#endif
        for (Exception? inner = exception; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case SocketException socket when socket.SocketErrorCode is SocketError.ConnectionRefused or SocketError.HostNotFound
                    or SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.NetworkDown or SocketError.TryAgain
                    or SocketError.NoData or SocketError.AddressNotAvailable:
                    return true;
                case WebException web when web.Status is WebExceptionStatus.NameResolutionFailure or WebExceptionStatus.ConnectFailure
                    or WebExceptionStatus.ProxyNameResolutionFailure:
                    return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The wait before retry number <paramref name="retry"/> (1-based): the server's Retry-After when it gives one
    /// (delta-seconds or an HTTP-date), else the base delay doubled per retry with jitter; never more than MaxDelay.
    /// </summary>
    public static TimeSpan Delay(RetryOptions options, int retry, RetryConditionHeaderValue? retryAfter, DateTimeOffset now)
    {
        TimeSpan delay;
        if (retryAfter?.Delta is { } delta)
        {
            delay = delta;
        }
        else if (retryAfter?.Date is { } date)
        {
            delay = date - now;
        }
        else
        {
            double factor;
            lock (RandomLock)
            {
                factor = 1 + (options.Jitter * ((2 * Random.NextDouble()) - 1));
            }

            double milliseconds = options.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retry - 1, 30)) * factor;
            delay = milliseconds >= options.MaxDelay.TotalMilliseconds ? options.MaxDelay : TimeSpan.FromMilliseconds(milliseconds);
        }

        if (delay < TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        return delay > options.MaxDelay ? options.MaxDelay : delay;
    }
}
