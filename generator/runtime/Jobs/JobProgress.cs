namespace OpenApiSdk;

/// <summary>One poll of a job, reported to the <c>IProgress</c> a wait method is given.</summary>
/// <typeparam name="TJob">The response of the operation that queries the job.</typeparam>
public sealed class JobProgress<TJob>
{
    /// <summary>Creates the report of one poll.</summary>
    public JobProgress(int poll, string? status, string? progress, TJob job)
    {
        Poll = poll;
        Status = status;
        Progress = progress;
        Job = job;
    }

    /// <summary>The number of the poll, from 1.</summary>
    public int Poll { get; }

    /// <summary>The job's status as the service sent it (for example <c>Running</c>); null when the response has none.</summary>
    public string? Status { get; }

    /// <summary>The job's progress text as the service sent it (for example <c>60%</c>); null when the response has none.</summary>
    public string? Progress { get; }

    /// <summary>The whole response of the poll.</summary>
    public TJob Job { get; }
}
