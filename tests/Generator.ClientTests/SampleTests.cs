using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace OpenApiSdk.ClientTests;

/// <summary>
/// The sample program, run as a user runs it (`dotnet GeneratedSample.dll create --file ... --wait`), against its embedded
/// stand-in: the exit code and the output README.md documents for a job that completes, fails and does not end in time.
/// </summary>
public sealed class SampleTests
{
    private static readonly string SampleAssembly = typeof(SampleTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SampleAssembly").Value!;

    private static string ExampleRequest => Path.Combine(AppContext.BaseDirectory, "Examples", "create-instance.json");

    private static async Task<(int Exit, string Output, string Errors)> RunAsync(string? jobOutcome, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(SampleAssembly);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("STARROCKS_AUTH_TOKEN"); // the stand-in's own token
        if (jobOutcome is null)
        {
            start.Environment.Remove("STARROCKS_STANDIN_JOB");
        }
        else
        {
            start.Environment["STARROCKS_STANDIN_JOB"] = jobOutcome;
        }

        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> errors = process.StandardError.ReadToEndAsync();
        Task exited = process.WaitForExitAsync();
        if (await Task.WhenAny(exited, Task.Delay(TimeSpan.FromSeconds(60))) != exited)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("the sample did not exit within 60 s");
        }

        return (process.ExitCode, await output, await errors);
    }

    [Fact]
    public async Task Create_with_wait_prints_the_completed_job_and_exits_0()
    {
        (int exit, string output, string errors) = await RunAsync(null, "create", "--file", ExampleRequest, "--wait", "--project-id", SeedPage.ProjectId, "--language", "en-us");

        Assert.True(exit == 0, output + errors);
        using JsonDocument job = JsonDocument.Parse(output);
        JsonElement body = job.RootElement.GetProperty("job");
        Assert.Equal("Completed", body.GetProperty("status").GetString());
        Assert.Equal("cf0b7506-1505-450f-9d95-ce9d93b6b5c3", body.GetProperty("id").GetString()); // the job_id of the 201 response
        Assert.Equal("590031445ef845bb912d7fc8243db80cin17", body.GetProperty("instance").GetProperty("id").GetString());
        Assert.Contains("job Running 30%", errors, StringComparison.Ordinal); // progress, polled while the stand-in runs the job
        Assert.Contains("job Completed 100%", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_with_wait_reports_a_failed_job_with_its_reason_and_exits_1()
    {
        (int exit, string output, string errors) = await RunAsync("Failed", "create", "--file", ExampleRequest, "--wait");

        Assert.True(exit == 1, output + errors);
        Assert.Contains("\"status\": \"Failed\"", output, StringComparison.Ordinal);
        Assert.Contains("error: the job cf0b7506-1505-450f-9d95-ce9d93b6b5c3 failed: Simulated failure (stand-in, STARROCKS_STANDIN_JOB=Failed).", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_with_wait_and_a_timeout_gives_up_on_a_job_that_runs_on_and_exits_1()
    {
        (int exit, string output, string errors) = await RunAsync("Running", "create", "--file", ExampleRequest, "--wait", "--timeout", "1");

        Assert.True(exit == 1, output + errors);
        // The stand-in answers Running for ever; on a loaded machine the 1 s can pass before the first poll is answered
        // (then no status is known yet), so either is right, and nothing else is.
        Assert.Matches(@"^error: the job did not end within 1 s \(last status (Running|unknown)\)$", output.Trim());
    }

    [Fact]
    public async Task Create_without_wait_prints_the_created_instance_and_a_timeout_needs_wait()
    {
        (int exit, string output, _) = await RunAsync(null, "create", "--file", ExampleRequest);
        (int misuse, _, string usage) = await RunAsync(null, "create", "--file", ExampleRequest, "--timeout", "5");

        Assert.Equal(0, exit);
        Assert.Equal("creating", JsonDocument.Parse(output).RootElement.GetProperty("instance").GetProperty("status").GetString());
        Assert.Equal(1, misuse);
        Assert.StartsWith("--timeout needs --wait", usage, StringComparison.Ordinal);
    }
}
