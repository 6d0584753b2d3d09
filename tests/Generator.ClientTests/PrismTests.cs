using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using OpenApiSdk.Tests.Harness;
using TaurusDb.StarRocks;
using Xunit;

namespace OpenApiSdk.ClientTests;

/// <summary>
/// Runs the Prism mock server (<c>@stoplight/prism-cli</c>, pinned with its dependencies in <c>prism/package-lock.json</c>
/// and installed there with <c>npm ci</c>) on the seed spec: an independent implementation that validates each request
/// against the spec and answers with the spec's examples. Where Node, the npm registry or Prism is missing the tests
/// are skipped with the reason (failed under CI=true, see <see cref="Requires"/>).
/// </summary>
public sealed class PrismFixture : IAsyncLifetime
{
    private Process? _process;

    public static string Folder => Path.Combine(GeneratorHarness.RepositoryRoot, "tests", "Generator.ClientTests", "prism");

    public Uri? BaseAddress { get; private set; }

    /// <summary>Why Prism is not running (empty once it listens), with what it printed.</summary>
    public string Unavailable { get; private set; } = "Prism was not started";

    public async Task InitializeAsync()
    {
        if (Requires.OnPath("node") is null)
        {
            Unavailable = "node is not on PATH";
            return;
        }

        try
        {
            NpmFolder.EnsureInstalled(Folder);
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or TimeoutException)
        {
            Unavailable = "Prism could not be installed: " + ex.Message;
            return;
        }

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { Path.Combine(Folder, "node_modules", "@stoplight", "prism-cli", "dist", "index.js"), "mock", GeneratorHarness.SeedSpecPath, "-h", "127.0.0.1", "-p", "0" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["NO_COLOR"] = "1";
        // Port 0: the kernel gives Prism a free port, which it prints ("Prism is listening on http://127.0.0.1:PORT"); a port
        // picked here, freed and then passed on could be taken in between by another test's server.
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new System.Text.StringBuilder();
        _process = Process.Start(start);
        if (_process is null)
        {
            Unavailable = "node did not start";
            return;
        }

        void OnLine(object sender, DataReceivedEventArgs e)
        {
            lock (log)
            {
                log.AppendLine(e.Data);
            }

            if (e.Data is { } line && line.IndexOf("Prism is listening on ", StringComparison.Ordinal) is int at and >= 0
                && Uri.TryCreate(line[(at + "Prism is listening on ".Length)..].Trim(), UriKind.Absolute, out Uri? address) && address.Port > 0)
            {
                listening.TrySetResult(new Uri(address.GetLeftPart(UriPartial.Authority) + "/"));
            }
        }

        _process.OutputDataReceived += OnLine;
        _process.ErrorDataReceived += OnLine;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Task exited = _process.WaitForExitAsync();
        Task first = await Task.WhenAny(listening.Task, exited, Task.Delay(TimeSpan.FromMinutes(4)));
        if (first == listening.Task)
        {
            BaseAddress = await listening.Task;
            Unavailable = string.Empty;
            return;
        }

        lock (log)
        {
            Unavailable = (first == exited ? "Prism exited before listening" : "Prism did not listen within 4 minutes") + "; it printed:" + Environment.NewLine + log;
        }
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
    }
}

public sealed class PrismTests : IClassFixture<PrismFixture>
{
    private readonly PrismFixture _prism;

    public PrismTests(PrismFixture prism) => _prism = prism;

    /// <summary>Skips the test (fails it in CI) unless Prism is listening.</summary>
    private void RequirePrism() => Requires.That(_prism.BaseAddress is not null, _prism.Unavailable);

    [SkippableFact]
    public async Task Prism_accepts_the_request_the_client_sends_for_the_page_example_and_the_client_reads_its_answer()
    {
        RequirePrism();

        using var http = new HttpClient();
        var client = new RecordingClient(http, new StarRocksClientOptions { BaseAddress = _prism.BaseAddress, Token = "prism-token", XLanguage = "zh-cn" });

        CreateStarRocksInstanceResponse response = await client.CreateStarRocksInstanceAsync(SeedPage.ProjectId, SeedPage.InstanceId, CreateStarRocksInstanceRequest.FromJson(SeedPage.ExampleRequest));

        Assert.Equal(new[] { "201 violations: none" }, client.Seen);
        Assert.Equal("590031445ef845bb912d7fc8243db80cin17", response.Instance!.Id);
        Assert.Equal("cf0b7506-1505-450f-9d95-ce9d93b6b5c3", response.JobId);
    }

    [SkippableFact]
    public async Task Prism_rejects_what_the_client_would_have_rejected_when_client_validation_is_off()
    {
        RequirePrism();

        using var http = new HttpClient();
        var client = new RecordingClient(http, new StarRocksClientOptions { BaseAddress = _prism.BaseAddress, Token = "prism-token", ValidateRequests = false });
        CreateStarRocksInstanceRequest request = CreateStarRocksInstanceRequest.FromJson(SeedPage.ExampleRequest);
        request.Name = "1";

        var ex = await Assert.ThrowsAsync<ApiException<ErrorResponse>>(() => client.CreateStarRocksInstanceAsync(SeedPage.ProjectId, SeedPage.InstanceId, request));

        Assert.Equal(400, ex.StatusCode);
        Assert.Equal("DBS.280234", ex.ErrorCode); // the spec's 400 example
        Assert.Contains("name", Assert.Single(client.Seen), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Prism_requires_the_token_header_the_client_sends_from_its_options()
    {
        RequirePrism();

        using var http = new HttpClient();
        var client = new StarRocksClient(http, new StarRocksClientOptions { BaseAddress = _prism.BaseAddress });

        ApiException ex = await Assert.ThrowsAnyAsync<ApiException>(() => client.CreateStarRocksInstanceAsync(SeedPage.ProjectId, SeedPage.InstanceId, CreateStarRocksInstanceRequest.FromJson(SeedPage.ExampleRequest)));

        Assert.Equal(401, ex.StatusCode);
    }

    /// <summary>Records Prism's verdict (its <c>sl-violations</c> header) through the client's response hook.</summary>
    private sealed class RecordingClient : StarRocksClient
    {
        public RecordingClient(HttpClient http, StarRocksClientOptions options)
            : base(http, options)
        {
        }

        public List<string> Seen { get; } = new();

        protected override ValueTask InspectResponseAsync(HttpResponseMessage response, string operationId, CancellationToken cancellationToken)
        {
            string violations = response.Headers.TryGetValues("sl-violations", out IEnumerable<string>? values) ? string.Join(" ", values) : "none";
            Seen.Add((int)response.StatusCode + " violations: " + violations);
            return default;
        }
    }
}
