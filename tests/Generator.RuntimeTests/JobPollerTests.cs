using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OpenApiSdk.Runtime;
using Xunit;

namespace OpenApiSdk.RuntimeTests;

public class JobPollerTests
{
    private sealed record Job(string? Status, string? Reason = null, string? Progress = null);

    private static readonly JobStatusReader<Job> Reader = new(j => j.Status, new[] { "Completed" }, new[] { "Failed" }, j => j.Reason, j => j.Progress);

    private static Func<CancellationToken, Task<JobPoll<Job>>> Sequence(params Job[] jobs)
    {
        int next = 0;
        return _ => Task.FromResult(new JobPoll<Job>(jobs[Math.Min(next++, jobs.Length - 1)], null));
    }

    private static readonly WaitOptions Fast = new() { PollInterval = TimeSpan.FromMilliseconds(1), Timeout = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task Statuses_other_than_the_terminal_ones_keep_it_polling_and_each_poll_is_reported()
    {
        var reports = new List<(int, string?, string?)>();
        Job done = await JobPoller.WaitAsync("op", Sequence(new Job(null), new Job("Queued"), new Job("Completed", Progress: "100%")), Reader, Fast,
            new Sync<JobProgress<Job>>(p => reports.Add((p.Poll, p.Status, p.Progress))), CancellationToken.None);

        Assert.Equal("Completed", done.Status);
        Assert.Equal(new[] { (1, (string?)null, (string?)null), (2, "Queued", null), (3, "Completed", "100%") }, reports);
    }

    [Fact]
    public async Task A_failure_status_throws_with_the_reason_and_the_job()
    {
        var failed = await Assert.ThrowsAsync<JobFailedException<Job>>(() =>
            JobPoller.WaitAsync("ShowJob", Sequence(new Job("Running"), new Job("Failed", "disk full")), Reader, Fast, null, CancellationToken.None));

        Assert.Equal("disk full", failed.Reason);
        Assert.Equal("Failed", failed.Job.Status);
        Assert.Equal("ShowJob reports that the job ended with status Failed: disk full", failed.Message);
    }

    [Fact]
    public async Task Status_values_are_compared_exactly()
    {
        // "completed" is not "Completed": the spec lists the values the service sends.
        var options = new WaitOptions { PollInterval = TimeSpan.FromMilliseconds(5), Timeout = TimeSpan.FromMilliseconds(100) };
        await Assert.ThrowsAsync<JobTimeoutException>(() => JobPoller.WaitAsync("op", Sequence(new Job("completed")), Reader, options, null, CancellationToken.None));
    }

    [Fact]
    public async Task The_timeout_also_stops_a_poll_under_way()
    {
        var options = new WaitOptions { Timeout = TimeSpan.FromMilliseconds(100) };
        var timedOut = await Assert.ThrowsAsync<JobTimeoutException>(() =>
            JobPoller.WaitAsync<Job>("op", async token => { await Task.Delay(Timeout.Infinite, token); return default; }, Reader, options, null, CancellationToken.None));

        Assert.Null(timedOut.LastStatus);
        Assert.IsAssignableFrom<OperationCanceledException>(timedOut.InnerException);
    }

    [Fact]
    public void Retry_after_replaces_the_interval_capped_by_the_maximum()
    {
        var options = new WaitOptions { PollInterval = TimeSpan.FromSeconds(5), MaxPollInterval = TimeSpan.FromSeconds(30) };

        Assert.Equal(TimeSpan.FromSeconds(5), JobPoller.NextDelay(options, null));
        Assert.Equal(TimeSpan.FromSeconds(2), JobPoller.NextDelay(options, TimeSpan.FromSeconds(2)));
        Assert.Equal(TimeSpan.FromSeconds(30), JobPoller.NextDelay(options, TimeSpan.FromMinutes(10)));
        Assert.Equal(TimeSpan.FromSeconds(5), JobPoller.NextDelay(options, TimeSpan.FromSeconds(-1)));
    }

    [Fact]
    public void Retry_after_is_read_as_delta_seconds_or_an_HTTP_date()
    {
        var now = new DateTimeOffset(2025, 9, 4, 10, 0, 0, TimeSpan.Zero);
        ApiResponse With(string? value) => new(200, value is null
            ? new Dictionary<string, IReadOnlyList<string>>()
            : new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase) { ["Retry-After"] = new[] { value } }, null);

        Assert.Equal(TimeSpan.FromSeconds(120), JobPoller.RetryAfter(With("120"), now));
        Assert.Equal(TimeSpan.FromSeconds(30), JobPoller.RetryAfter(With("Thu, 04 Sep 2025 10:00:30 GMT"), now));
        Assert.Equal(TimeSpan.Zero, JobPoller.RetryAfter(With("Thu, 04 Sep 2025 09:00:00 GMT"), now)); // a date in the past: poll at once
        Assert.Null(JobPoller.RetryAfter(With("soon"), now));
        Assert.Null(JobPoller.RetryAfter(With(null), now));
    }

    private sealed class Sync<T> : IProgress<T>
    {
        private readonly Action<T> _report;

        public Sync(Action<T> report) => _report = report;

        public void Report(T value) => _report(value);
    }
}
