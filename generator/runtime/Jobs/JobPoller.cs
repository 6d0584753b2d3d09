using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace OpenApiSdk.Runtime;

/// <summary>One answer of a job query: the response, and the wait the service asked for before the next poll (<c>Retry-After</c>), if any.</summary>
/// <typeparam name="TJob">The response of the operation that queries the job.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct JobPoll<TJob>
{
    /// <summary>Creates the answer of one poll.</summary>
    public JobPoll(TJob job, TimeSpan? retryAfter)
    {
        Job = job;
        RetryAfter = retryAfter;
    }

    /// <summary>The response.</summary>
    public TJob Job { get; }

    /// <summary>The service's <c>Retry-After</c>, null when it sent none.</summary>
    public TimeSpan? RetryAfter { get; }
}

/// <summary>What the spec's <c>x-job-status</c> says about a job query's response: where the status is and which values end the job.</summary>
/// <typeparam name="TJob">The response of the operation that queries the job.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class JobStatusReader<TJob>
{
    private readonly HashSet<string> _succeeded;
    private readonly HashSet<string> _failed;

    /// <summary>Creates the reader.</summary>
    public JobStatusReader(Func<TJob, string?> status, IEnumerable<string> succeeded, IEnumerable<string> failed, Func<TJob, string?>? reason, Func<TJob, string?>? progress)
    {
        Status = Guard.NotNull(status, nameof(status));
        _succeeded = new HashSet<string>(succeeded, StringComparer.Ordinal);
        _failed = new HashSet<string>(failed, StringComparer.Ordinal);
        Reason = reason ?? (_ => null);
        Progress = progress ?? (_ => null);
    }

    /// <summary>The job's status.</summary>
    public Func<TJob, string?> Status { get; }

    /// <summary>Why the job failed.</summary>
    public Func<TJob, string?> Reason { get; }

    /// <summary>The job's progress text.</summary>
    public Func<TJob, string?> Progress { get; }

    /// <summary>True for a status that ends the job successfully.</summary>
    public bool Succeeded(string? status) => status is not null && _succeeded.Contains(status);

    /// <summary>True for a status that ends the job in failure.</summary>
    public bool Failed(string? status) => status is not null && _failed.Contains(status);
}

/// <summary>The loop behind the generated <c>WaitFor{Operation}Async</c> methods.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JobPoller
{
    /// <summary>
    /// Polls until the job's status is a success value (returns the response) or a failure value (throws
    /// <see cref="JobFailedException{TJob}"/> with the reason). Any other status, or none, means the job is still going.
    /// The first poll is made at once; after each, progress is reported and the next one waits the poll interval (or the
    /// service's Retry-After, capped by the options' maximum).
    /// </summary>
    /// <exception cref="JobTimeoutException">The options' timeout passed first.</exception>
    /// <exception cref="OperationCanceledException">The caller cancelled.</exception>
    public static async Task<TJob> WaitAsync<TJob>(
        string operationId,
        Func<CancellationToken, Task<JobPoll<TJob>>> poll,
        JobStatusReader<TJob> reader,
        WaitOptions? options,
        IProgress<JobProgress<TJob>>? progress,
        CancellationToken cancellationToken)
    {
        Guard.NotNull(poll, nameof(poll));
        Guard.NotNull(reader, nameof(reader));

        options ??= new WaitOptions();
        if (options.PollInterval < TimeSpan.Zero || options.Timeout < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "The poll interval and the timeout cannot be negative.");
        }

        using var timeout = new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        if (options.Timeout is { } limit)
        {
            options.StartTimeout(timeout, limit);
        }

        string? lastStatus = null;
        int polls = 0;
        try
        {
            while (true)
            {
                JobPoll<TJob> answer = await poll(linked.Token).ConfigureAwait(false);
                TJob job = answer.Job;
                string? status = reader.Status(job);
                lastStatus = status;
                progress?.Report(new JobProgress<TJob>(++polls, status, reader.Progress(job), job));
                if (reader.Succeeded(status))
                {
                    return job;
                }

                if (reader.Failed(status))
                {
                    throw new JobFailedException<TJob>(operationId, status, reader.Reason(job), job);
                }

                await Task.Delay(NextDelay(options, answer.RetryAfter), linked.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new JobTimeoutException(operationId, options.Timeout ?? TimeSpan.Zero, lastStatus, ex);
        }
    }

    /// <summary>The wait a response's <c>Retry-After</c> asks for (RFC 9110 §10.2.3: delta-seconds, or an HTTP-date from <paramref name="now"/>); null when it sends none or an unreadable one.</summary>
    public static TimeSpan? RetryAfter(ApiResponse response, DateTimeOffset now)
    {
        Guard.NotNull(response, nameof(response));
        if (response.Header("Retry-After") is not { } text || !System.Net.Http.Headers.RetryConditionHeaderValue.TryParse(text, out System.Net.Http.Headers.RetryConditionHeaderValue? value))
        {
            return null;
        }

        if (value.Delta is { } delta)
        {
            return delta;
        }

        return value.Date is { } date ? (date > now ? date - now : TimeSpan.Zero) : null;
    }

    /// <summary>The wait before the next poll: the service's Retry-After when it sent one (capped), else the poll interval.</summary>
    public static TimeSpan NextDelay(WaitOptions options, TimeSpan? retryAfter)
    {
        Guard.NotNull(options, nameof(options));
        if (retryAfter is { } asked && asked >= TimeSpan.Zero)
        {
            return asked > options.MaxPollInterval ? options.MaxPollInterval : asked;
        }

        return options.PollInterval;
    }
}
