using System;
using System.Threading;

namespace OpenApiSdk;

/// <summary>How a generated <c>WaitFor{Operation}Async</c> method polls a job until it ends.</summary>
public sealed class WaitOptions
{
    /// <summary>The time between two polls (default 5 seconds; the SDK's choice, not the service's). A <c>Retry-After</c> the service sends on a poll replaces it for that wait, capped by <see cref="MaxPollInterval"/>.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait between two polls a <c>Retry-After</c> can ask for (default 1 minute).</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long to wait for the job overall, polls included (default 30 minutes); null waits until the job ends or the call is cancelled. When it passes, <see cref="JobTimeoutException"/> is thrown.</summary>
    public TimeSpan? Timeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Starts the clock of <see cref="Timeout"/> on the wait's source (CancelAfter); a test keeps the source and ends the wait on a signal instead.</summary>
    internal Action<CancellationTokenSource, TimeSpan> StartTimeout { get; set; } = static (source, limit) => source.CancelAfter(limit);
}
