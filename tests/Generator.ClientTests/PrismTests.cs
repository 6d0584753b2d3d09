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
using Xunit.Abstractions;

namespace OpenApiSdk.ClientTests;

/// <summary>
/// Runs the Prism mock server (<c>@stoplight/prism-cli</c> from npm) on the seed spec: an independent
/// implementation that validates each request against the spec and answers with the spec's examples.
/// Needs <c>npx</c> and the npm registry; where either is missing the tests say so and pass without checking.
/// </summary>
public sealed class PrismFixture : IAsyncLifetime
{
    private const string PrismPackage = "@stoplight/prism-cli@5.16.0";
    private Process? _process;

    public Uri? BaseAddress { get; private set; }

    public string Log { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var start = new ProcessStartInfo("npx", "--yes " + PrismPackage + " mock \"" + GeneratorHarness.SeedSpecPath + "\" -h 127.0.0.1 -p " + port)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["NO_COLOR"] = "1";
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new System.Text.StringBuilder();
        try
        {
            _process = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            Log = "npx is not available: " + ex.Message;
            return;
        }

        if (_process is null)
        {
            Log = "npx did not start";
            return;
        }

        void OnLine(object sender, DataReceivedEventArgs e)
        {
            lock (log)
            {
                log.AppendLine(e.Data);
            }

            if (e.Data?.Contains("Prism is listening", StringComparison.Ordinal) == true)
            {
                listening.TrySetResult();
            }
        }

        _process.OutputDataReceived += OnLine;
        _process.ErrorDataReceived += OnLine;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Task exited = _process.WaitForExitAsync();
        Task first = await Task.WhenAny(listening.Task, exited, Task.Delay(TimeSpan.FromMinutes(4)));
        lock (log)
        {
            Log = log.ToString();
        }

        if (first == listening.Task)
        {
            BaseAddress = new Uri("http://127.0.0.1:" + port + "/");
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
    private readonly ITestOutputHelper _output;

    public PrismTests(PrismFixture prism, ITestOutputHelper output)
    {
        _prism = prism;
        _output = output;
    }

    private bool Unavailable()
    {
        if (_prism.BaseAddress is not null)
        {
            return false;
        }

        _output.WriteLine("Prism could not be started (npx or the npm registry is missing); the Prism checks did not run. Log:\n" + _prism.Log);
        return true;
    }

    [Fact]
    public async Task Prism_accepts_the_request_the_client_sends_for_the_page_example_and_the_client_reads_its_answer()
    {
        if (Unavailable())
        {
            return;
        }

        using var http = new HttpClient();
        var client = new RecordingClient(http, new StarRocksClientOptions { BaseAddress = _prism.BaseAddress, Token = "prism-token", XLanguage = "zh-cn" });

        CreateStarRocksInstanceResponse response = await client.CreateStarRocksInstanceAsync(SeedPage.ProjectId, SeedPage.InstanceId, CreateStarRocksInstanceRequest.FromJson(SeedPage.ExampleRequest));

        Assert.Equal(new[] { "201 violations: none" }, client.Seen);
        Assert.Equal("590031445ef845bb912d7fc8243db80cin17", response.Instance!.Id);
        Assert.Equal("cf0b7506-1505-450f-9d95-ce9d93b6b5c3", response.JobId);
    }

    [Fact]
    public async Task Prism_rejects_what_the_client_would_have_rejected_when_client_validation_is_off()
    {
        if (Unavailable())
        {
            return;
        }

        using var http = new HttpClient();
        var client = new RecordingClient(http, new StarRocksClientOptions { BaseAddress = _prism.BaseAddress, Token = "prism-token", ValidateRequests = false });
        CreateStarRocksInstanceRequest request = CreateStarRocksInstanceRequest.FromJson(SeedPage.ExampleRequest);
        request.Name = "1";

        var ex = await Assert.ThrowsAsync<ApiException<ErrorResponse>>(() => client.CreateStarRocksInstanceAsync(SeedPage.ProjectId, SeedPage.InstanceId, request));

        Assert.Equal(400, ex.StatusCode);
        Assert.Equal("DBS.280234", ex.ErrorCode); // the spec's 400 example
        Assert.Contains("name", Assert.Single(client.Seen), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prism_requires_the_token_header_the_client_sends_from_its_options()
    {
        if (Unavailable())
        {
            return;
        }

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
