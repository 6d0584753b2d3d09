using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using System.Threading;
using TaurusDb.StarRocks;

namespace GeneratedSample;

/// <summary>
/// The stand-in's job query, GET /v3/{project_id}/jobs?id={job_id} (the shape in the vendor facts): after a create, the
/// job is Running for two polls and then Completed. STARROCKS_STANDIN_JOB=Failed makes it fail instead (with a
/// fail_reason), and STARROCKS_STANDIN_JOB=Running keeps it running, to see --wait fail and time out.
/// </summary>
internal sealed partial class StandIn
{
    internal const string JobOutcomeVariable = "STARROCKS_STANDIN_JOB";

    private const int RunningPolls = 2;

    private readonly Jobs _jobs = new(Environment.GetEnvironmentVariable(JobOutcomeVariable));

    /// <summary>The job the page's example response names, polled through the job query.</summary>
    internal sealed class Jobs
    {
        private readonly string _outcome;
        private int _polls;

        public Jobs(string? outcome) => _outcome = outcome is "Failed" or "Running" ? outcome : "Completed";

        /// <summary>A create was answered: its job starts over.</summary>
        public void Start() => Interlocked.Exchange(ref _polls, 0);

        /// <summary>Answers a job query; false for any other request.</summary>
        public bool TryAnswer(string method, string target, IReadOnlyDictionary<string, string> headers, byte[] body, Program.Credential credential, out (int Status, string Body) answer)
        {
            answer = default;
            Match route = JobRoute().Match(target);
            if (!route.Success)
            {
                return false;
            }

            // The same credential check as the create call.
            if (method != "GET")
            {
                answer = (405, Error("APIGW.0102", "The method is not allowed."));
            }
            else if (Unauthorized(method, target, headers, body, credential) is { } refused)
            {
                answer = refused;
            }
            else if (!ProjectId().IsMatch(Uri.UnescapeDataString(route.Groups[1].Value)))
            {
                answer = (400, Error("DBS.200001", "Invalid parameter: project_id."));
            }
            else if (Uri.UnescapeDataString(route.Groups[2].Value) != ExampleJobId)
            {
                answer = (404, Error("DBS.200022", "The job does not exist."));
            }
            else
            {
                answer = (200, Poll());
            }

            return true;
        }

        private string Poll()
        {
            int poll = Interlocked.Increment(ref _polls);
            bool running = _outcome == "Running" || poll <= RunningPolls;
            var job = new Job
            {
                Id = ExampleJobId,
                Status = running ? JobStatus.Running : new JobStatus(_outcome),
                Process = running ? Math.Min(poll * 30, 90).ToString(System.Globalization.CultureInfo.InvariantCulture) + "%" : _outcome == "Completed" ? "100%" : "60%",
                Instance = new JobInstance { Id = "590031445ef845bb912d7fc8243db80cin17", Name = "htap-ff64" }, // the example response's instance
            };
            if (!running && _outcome == "Failed")
            {
                job.FailReason = "Simulated failure (stand-in, " + JobOutcomeVariable + "=Failed).";
            }

            return new ShowJobResponse { Job = job }.ToJson();
        }
    }

    /// <summary>The job_id of the page's example response, the only job the stand-in knows.</summary>
    internal const string ExampleJobId = "cf0b7506-1505-450f-9d95-ce9d93b6b5c3";

    [GeneratedRegex("^/v3/([^/?]+)/jobs\\?id=([^&]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex JobRoute();
}
