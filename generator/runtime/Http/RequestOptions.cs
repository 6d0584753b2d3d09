using System;
using System.Collections.Generic;

namespace OpenApiSdk;

/// <summary>Settings of one call, passed as the optional <c>requestOptions</c> argument of any operation; unset values take the client's options.</summary>
public sealed class RequestOptions
{
    /// <summary>The longest the whole call may take, retries and waits included; when it passes, the call throws <see cref="System.Threading.Tasks.TaskCanceledException"/> with a <see cref="TimeoutException"/> inside. Null: the client options' <c>Timeout</c>.</summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>How this call is retried; null: the client options' <c>Retry</c>.</summary>
    public RetryOptions? Retry { get; set; }

    /// <summary>Validates the request before sending it; null: the client options' <c>ValidateRequests</c>.</summary>
    public bool? ValidateRequest { get; set; }

    /// <summary>Headers added to the request (and replacing a header of the same name the call would send); a value with a line break is refused.</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
}
