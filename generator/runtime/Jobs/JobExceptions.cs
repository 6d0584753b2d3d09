using System;

namespace OpenApiSdk;

/// <summary>A job ended in a status the spec declares as failure (for example <c>Failed</c>); <see cref="Reason"/> holds the service's reason.</summary>
public class JobFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public JobFailedException(string operationId, string? status, string? reason)
        : base(operationId + " reports that the job ended with status " + (status ?? "(none)") + (string.IsNullOrEmpty(reason) ? "." : ": " + reason))
    {
        OperationId = operationId;
        Status = status;
        Reason = reason;
    }

    /// <summary>The operation that was polled (its <c>operationId</c>).</summary>
    public string OperationId { get; }

    /// <summary>The job's final status.</summary>
    public string? Status { get; }

    /// <summary>Why the job failed, as the service says (for example its <c>fail_reason</c>); null when it says nothing.</summary>
    public string? Reason { get; }
}

/// <summary>A <see cref="JobFailedException"/> carrying the last response of the poll.</summary>
/// <typeparam name="TJob">The response of the operation that queries the job.</typeparam>
public sealed class JobFailedException<TJob> : JobFailedException
{
    /// <summary>Creates the exception with the job's last response.</summary>
    public JobFailedException(string operationId, string? status, string? reason, TJob job)
        : base(operationId, status, reason)
    {
        Job = job;
    }

    /// <summary>The last response of the poll.</summary>
    public TJob Job { get; }
}

/// <summary>A wait for a job took longer than <see cref="WaitOptions.Timeout"/>; the job may still end later.</summary>
public class JobTimeoutException : TimeoutException
{
    /// <summary>Creates the exception.</summary>
    public JobTimeoutException(string operationId, TimeSpan timeout, string? lastStatus, Exception? innerException = null)
        : base(operationId + ": the job did not end within " + timeout.ToString("c", System.Globalization.CultureInfo.InvariantCulture) + " (last status " + (lastStatus ?? "unknown") + ").", innerException)
    {
        OperationId = operationId;
        Timeout = timeout;
        LastStatus = lastStatus;
    }

    /// <summary>The operation that was polled (its <c>operationId</c>).</summary>
    public string OperationId { get; }

    /// <summary>The timeout that passed.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>The status of the last poll, null when no poll answered.</summary>
    public string? LastStatus { get; }
}
