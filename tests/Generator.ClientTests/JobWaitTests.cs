using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using TaurusDb.StarRocks;
using Xunit;

namespace OpenApiSdk.ClientTests;

/// <summary>
/// WaitForCreateStarRocksInstanceAsync, generated from the seed spec's QueryJob link (job_id → ShowJob's id) and ShowJob's
/// x-job-status, against a real HTTP server (Kestrel on 127.0.0.1) that answers the job query as VENDOR-FACTS.md describes it.
/// </summary>
public sealed class JobWaitTests : IAsyncLifetime
{
    private const string Token = "MIIT-iam-token-0123456789-secret";
    private const string JobId = "cf0b7506-1505-450f-9d95-ce9d93b6b5c3"; // the job_id of the page's example response

    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static readonly WaitOptions Fast = new() { PollInterval = TimeSpan.FromMilliseconds(20), Timeout = TimeSpan.FromSeconds(30) };

    private static string Job(string status, string process, string? failReason = null) =>
        "{\"job\":{\"id\":\"" + JobId + "\",\"status\":\"" + status + "\",\"process\":\"" + process + "\",\"created\":\"2025-09-04T10:00:00+0800\""
        + ",\"instance\":{\"id\":\"590031445ef845bb912d7fc8243db80cin17\",\"name\":\"htap-ff64\"},\"entities\":{}"
        + (failReason is null ? string.Empty : ",\"fail_reason\":\"" + failReason + "\"") + "}}";

    /// <summary>Answers the create with the page's example and each job query with the next of <paramref name="jobs"/> (the last one repeats).</summary>
    private void Answer(params string[] jobs)
    {
        int polls = 0;
        _server.Answer(request =>
        {
            if (request.Method == "POST")
            {
                return new Reply(201, SeedPage.ExampleResponse);
            }

            int index = Math.Min(Interlocked.Increment(ref polls) - 1, jobs.Length - 1);
            return new Reply(200, jobs[index], RequestId: "req-job-" + index);
        });
    }

    private async Task<(StarRocksClient Client, CreateStarRocksInstanceResponse Created)> CreateAsync(HttpClient http)
    {
        var client = new StarRocksClient(http, new StarRocksClientOptions { BaseAddress = _server.BaseAddress, Token = Token });
        CreateStarRocksInstanceResponse created = await client.CreateStarRocksInstanceAsync(SeedPage.ProjectId, SeedPage.InstanceId, CreateStarRocksInstanceRequest.FromJson(SeedPage.ExampleRequest));
        return (client, created);
    }

    [Fact]
    public async Task A_job_that_completes_is_polled_until_Completed_and_each_poll_reports_its_progress()
    {
        Answer(Job("Pending", "0%"), Job("Running", "60%"), Job("Completed", "100%"));
        using HttpClient http = _server.CreateHttpClient();
        (StarRocksClient client, CreateStarRocksInstanceResponse created) = await CreateAsync(http);
        var progress = new Collected<JobProgress<ShowJobResponse>>();

        ShowJobResponse job = await client.WaitForCreateStarRocksInstanceAsync(created, SeedPage.ProjectId, waitOptions: Fast, progress: progress);

        Assert.Equal(JobStatus.Completed, job.Job!.Status);
        Assert.Equal(new[] { "Pending", "Running", "Completed" }, progress.Items.Select(p => p.Status));
        Assert.Equal(new[] { "0%", "60%", "100%" }, progress.Items.Select(p => p.Progress));
        Assert.Equal(new[] { 1, 2, 3 }, progress.Items.Select(p => p.Poll));

        // The link: project_id from the create request, id from the 201 body's job_id; GET /v3/{project_id}/jobs?id=.
        ReceivedRequest[] polls = _server.Requests.Where(r => r.Method == "GET").ToArray();
        Assert.Equal(3, polls.Length);
        Assert.All(polls, r =>
        {
            Assert.Equal("/v3/" + SeedPage.ProjectId + "/jobs?id=" + JobId, r.RawTarget);
            Assert.Equal(Token, r.Headers["X-Auth-Token"]);
        });
    }

    [Fact]
    public async Task A_Retry_After_on_a_poll_sets_the_wait_before_the_next_one()
    {
        // RFC 9110 §10.2.3: Retry-After: 1 asks for one second; the options' interval (30 s) would make the test time out.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var polledAt = new List<TimeSpan>();
        int polls = 0;
        _server.Answer(request =>
        {
            if (request.Method == "POST")
            {
                return new Reply(201, SeedPage.ExampleResponse);
            }

            lock (polledAt)
            {
                polledAt.Add(clock.Elapsed);
            }

            return Interlocked.Increment(ref polls) == 1
                ? new Reply(200, Job("Running", "50%")) { Headers = new Dictionary<string, string> { ["Retry-After"] = "1" } }
                : new Reply(200, Job("Completed", "100%"));
        });
        using HttpClient http = _server.CreateHttpClient();
        (StarRocksClient client, CreateStarRocksInstanceResponse created) = await CreateAsync(http);
        var options = new WaitOptions { PollInterval = TimeSpan.FromSeconds(30), Timeout = TimeSpan.FromSeconds(20) };

        ShowJobResponse job = await client.WaitForCreateStarRocksInstanceAsync(created, SeedPage.ProjectId, waitOptions: options);

        Assert.Equal(JobStatus.Completed, job.Job!.Status);
        Assert.Equal(2, polledAt.Count);
        Assert.InRange(polledAt[1] - polledAt[0], TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task A_job_that_fails_throws_JobFailedException_with_the_fail_reason()
    {
        Answer(Job("Running", "10%"), Job("Failed", "10%", "The flavor is sold out."));
        using HttpClient http = _server.CreateHttpClient();
        (StarRocksClient client, CreateStarRocksInstanceResponse created) = await CreateAsync(http);

        var failed = await Assert.ThrowsAsync<JobFailedException<ShowJobResponse>>(() => client.WaitForCreateStarRocksInstanceAsync(created, SeedPage.ProjectId, waitOptions: Fast));

        Assert.Equal("Failed", failed.Status);
        Assert.Equal("The flavor is sold out.", failed.Reason);
        Assert.Equal("ShowJob", failed.OperationId);
        Assert.Equal(JobId, failed.Job.Job!.Id);
        Assert.Contains("The flavor is sold out.", failed.Message, StringComparison.Ordinal);
        Assert.Equal(2, _server.Requests.Count(r => r.Method == "GET"));
    }

    [Fact]
    public async Task A_job_that_does_not_end_in_time_throws_JobTimeoutException_with_the_last_status()
    {
        Answer(Job("Running", "50%"));
        using HttpClient http = _server.CreateHttpClient();
        (StarRocksClient client, CreateStarRocksInstanceResponse created) = await CreateAsync(http);
        // The timeout passes on a signal, not a clock: once the server has answered two polls (a loaded machine cannot
        // make the wait time out before its first answer).
        var started = new TaskCompletionSource<CancellationTokenSource>(TaskCreationOptions.RunContinuationsAsynchronously);
        var options = new WaitOptions { PollInterval = TimeSpan.FromMilliseconds(20), Timeout = TimeSpan.FromSeconds(3) };
        options.StartTimeout = (source, _) => started.TrySetResult(source);
        var progress = new Progress(polls => polls == 2);

        Task<ShowJobResponse> wait = client.WaitForCreateStarRocksInstanceAsync(created, SeedPage.ProjectId, waitOptions: options, progress: progress);
        await progress.Reached.Task.WaitAsync(TimeSpan.FromMinutes(2));
        await (await started.Task.WaitAsync(TimeSpan.FromMinutes(2))).CancelAsync();
        var timedOut = await Assert.ThrowsAsync<JobTimeoutException>(() => wait);

        Assert.Equal("Running", timedOut.LastStatus);
        Assert.Equal(TimeSpan.FromSeconds(3), timedOut.Timeout);
        Assert.True(_server.Requests.Count(r => r.Method == "GET") >= 2);
    }

    [Fact]
    public async Task Cancelling_a_wait_is_an_OperationCanceledException_not_a_timeout()
    {
        Answer(Job("Running", "50%"));
        using HttpClient http = _server.CreateHttpClient();
        (StarRocksClient client, CreateStarRocksInstanceResponse created) = await CreateAsync(http);
        using var cancellation = new CancellationTokenSource();
        var progress = new Collected<JobProgress<ShowJobResponse>>(_ => cancellation.Cancel());

        Exception error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.WaitForCreateStarRocksInstanceAsync(created, SeedPage.ProjectId, waitOptions: Fast, progress: progress, cancellationToken: cancellation.Token));

        Assert.IsNotType<JobTimeoutException>(error);
        Assert.Equal(1, _server.Requests.Count(r => r.Method == "GET"));
    }

    [Fact]
    public async Task A_response_without_job_id_cannot_be_waited_for_and_nothing_is_sent()
    {
        Answer(Job("Completed", "100%"));
        using HttpClient http = _server.CreateHttpClient();
        var client = new StarRocksClient(http, new StarRocksClientOptions { BaseAddress = _server.BaseAddress, Token = Token });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.WaitForCreateStarRocksInstanceAsync(new CreateStarRocksInstanceResponse(), SeedPage.ProjectId));

        Assert.Contains("/job_id", error.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task The_follow_method_queries_the_job_once()
    {
        Answer(Job("Running", "30%"));
        using HttpClient http = _server.CreateHttpClient();
        (StarRocksClient client, CreateStarRocksInstanceResponse created) = await CreateAsync(http);

        ShowJobResponse job = await client.FollowQueryJobAsync(created, SeedPage.ProjectId, ShowJobXLanguage.ZhCn);

        Assert.Equal("30%", job.Job!.Process);
        ReceivedRequest poll = Assert.Single(_server.Requests, r => r.Method == "GET");
        Assert.Equal("zh-cn", poll.Headers["X-Language"]);
    }

    /// <summary>An IProgress that records reports synchronously (Progress&lt;T&gt; would post them to the thread pool).</summary>
    private sealed class Collected<T> : IProgress<T>
    {
        private readonly Action<T>? _then;

        public Collected(Action<T>? then = null) => _then = then;

        public List<T> Items { get; } = new();

        public void Report(T value)
        {
            Items.Add(value);
            _then?.Invoke(value);
        }
    }

    /// <summary>Reports each poll synchronously and completes <see cref="Reached"/> at the poll <paramref name="when"/> picks.</summary>
    private sealed class Progress(Func<int, bool> when) : IProgress<JobProgress<ShowJobResponse>>
    {
        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Report(JobProgress<ShowJobResponse> value)
        {
            if (when(value.Poll))
            {
                Reached.TrySetResult();
            }
        }
    }
}
