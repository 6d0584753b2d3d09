using System;
using System.Threading;
using System.Threading.Tasks;
using OpenApiSdk.Signing;

namespace OpenApiSdk;

/// <summary>What every generated client's options have in common: retries, timeout, request signing, validation and error bodies.</summary>
public abstract class ApiClientOptions
{
    private RetryOptions _retry = new();
    private int _maxStreamItemBytes = Runtime.StreamItems.DefaultMaxItemBytes;
    private int _maxErrorBodyLength = 8192;

    /// <summary>How failed calls are retried (default: 3 retries with exponential backoff; see <see cref="RetryOptions"/> for which failures qualify).</summary>
    public RetryOptions Retry
    {
        get => _retry;
        set => _retry = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>The longest a call may take, retries and waits included (default null: no limit beyond the HttpClient's own Timeout per attempt).</summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>
    /// Signs every attempt of every request (for example <see cref="AkSkSigner"/>); when set, the credentials of the spec's
    /// security schemes are not sent, because the signature is the credential. Null (the default): the credentials are sent.
    /// </summary>
    public IRequestSigner? Signer { get; set; }

    /// <summary>Validates request bodies and parameters against the spec before sending (default true); a failure throws ValidationException and sends nothing.</summary>
    public bool ValidateRequests { get; set; } = true;

    /// <summary>The most characters of an error response body kept in ApiException.ResponseBody (default 8192).</summary>
    public int MaxErrorBodyLength
    {
        get => _maxErrorBodyLength;
        set => _maxErrorBodyLength = Math.Max(0, value);
    }

    /// <summary>
    /// The most bytes one item of a streaming response may take (a JSON line or text, or an event's data; default 16 MiB).
    /// An item still unfinished past it ends the enumeration with an <see cref="ApiException"/>, after the items already
    /// read, and closes the connection: a server that never ends a line cannot exhaust memory.
    /// </summary>
    public int MaxStreamItemBytes
    {
        get => _maxStreamItemBytes;
        set => _maxStreamItemBytes = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), "The limit must be positive.");
    }

    /// <summary>How the pipeline waits before a retry (Task.Delay); a test puts a recorder here to see each wait asked for without waiting it.</summary>
    internal Func<TimeSpan, CancellationToken, Task> RetryWait { get; set; } = Task.Delay;
}
