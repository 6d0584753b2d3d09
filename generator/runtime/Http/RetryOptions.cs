using System;

namespace OpenApiSdk;

/// <summary>
/// How a failed call is retried: how many times, and how long to wait in between. The defaults are Azure.Core's
/// (<c>Azure.Core.RetryOptions</c>: 3 retries, 0.8 s base delay, 1 minute maximum; its exponential mode multiplies the
/// delay by a random factor between 0.8 and 1.2, which is <see cref="Jitter"/> 0.2 here).
/// </summary>
/// <remarks>
/// Which failures are retried does not depend on these settings: any method after 429 or 503 (the server says it did
/// not act) or a failure before the request was sent (connection refused, name resolution); GET, HEAD, PUT, DELETE,
/// OPTIONS and TRACE (idempotent, RFC 9110 section 9.2.2) and QUERY (safe and idempotent, OpenAPI 3.2's <c>query</c>
/// operation) also after 408, 500, 502, 504 and a connection lost after sending. POST, PATCH and other methods are
/// retried in those cases only when the request carries the idempotency key header that the spec declares for the
/// operation, because a second create could do the thing twice.
/// </remarks>
public sealed class RetryOptions
{
    private int _maxRetries = 3;
    private TimeSpan _baseDelay = TimeSpan.FromSeconds(0.8);
    private TimeSpan _maxDelay = TimeSpan.FromMinutes(1);
    private double _jitter = 0.2;

    /// <summary>Retries after the first attempt (default 3); 0 sends each request once.</summary>
    public int MaxRetries
    {
        get => _maxRetries;
        set => _maxRetries = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), "MaxRetries cannot be negative.");
    }

    /// <summary>The wait before the first retry (default 0.8 s); it doubles for each further retry.</summary>
    public TimeSpan BaseDelay
    {
        get => _baseDelay;
        set => _baseDelay = value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), "BaseDelay cannot be negative.");
    }

    /// <summary>The longest wait between two attempts (default 1 minute), also for a server's <c>Retry-After</c>.</summary>
    public TimeSpan MaxDelay
    {
        get => _maxDelay;
        set => _maxDelay = value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), "MaxDelay cannot be negative.");
    }

    /// <summary>How much a computed wait varies at random, as a fraction (default 0.2: between 80% and 120%), so clients that failed together do not retry together.</summary>
    public double Jitter
    {
        get => _jitter;
        set => _jitter = value >= 0 && value <= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), "Jitter is a fraction from 0 to 1.");
    }

    /// <summary>Settings that never retry.</summary>
    public static RetryOptions None => new() { MaxRetries = 0 };
}
