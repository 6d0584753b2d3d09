using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenApiSdk.Signing;
using TaurusDb.StarRocks;
using Xunit;

namespace OpenApiSdk.ClientTests;

/// <summary>
/// Each call is one Activity of the ActivitySource named after the client (OpenTelemetry's HTTP client attributes,
/// an event per retry) and a few ILogger lines; neither ever holds the token, the secret key, the signature or a
/// password/writeOnly value of the body.
/// </summary>
public sealed class TelemetryWireTests : IAsyncLifetime
{
    private const string Token = "MIIT-iam-token-0123456789-secret";
    private const string SecretKey = "sk-0123456789-very-secret";
    private static readonly ActivitySource TestSource = new("OpenApiSdk.ClientTests.Telemetry");

    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static CreateStarRocksInstanceRequest ExampleRequest() => CreateStarRocksInstanceRequest.FromJson(SeedPage.ExampleRequest);

    private static string Password => ExampleRequest().DbRootPwd;

    /// <summary>Runs <paramref name="call"/> under a parent activity and returns the client activities started below it (other tests' calls run in parallel).</summary>
    private static async Task<List<Activity>> CaptureAsync(Func<Task> call)
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "TaurusDb.StarRocks.StarRocksClient" or "OpenApiSdk.ClientTests.Telemetry",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        ActivityTraceId trace;
        using (Activity parent = TestSource.StartActivity("test")!)
        {
            trace = parent.TraceId;
            try
            {
                await call();
            }
            catch (Exception ex) when (ex is ApiException or HttpRequestException)
            {
            }
        }

        return stopped.Where(a => a.TraceId == trace && a.Source.Name == "TaurusDb.StarRocks.StarRocksClient").ToList();
    }

    private static IEnumerable<string> Texts(Activity activity) =>
        activity.TagObjects.Select(t => t.Key + "=" + t.Value)
            .Concat(activity.Events.SelectMany(e => e.Tags.Select(t => e.Name + ":" + t.Key + "=" + t.Value)))
            .Append(activity.DisplayName)
            .Append(activity.StatusDescription ?? string.Empty);

    [Fact]
    public async Task A_call_is_one_client_activity_named_after_the_operation_with_the_OpenTelemetry_HTTP_attributes()
    {
        _server.Answer(new Reply(201, SeedPage.ExampleResponse));
        using HttpClient http = _server.CreateHttpClient();
        var client = new StarRocksClient(http, new StarRocksClientOptions { BaseAddress = _server.BaseAddress, Token = Token });

        Activity activity = Assert.Single(await CaptureAsync(() => client.CreateStarRocksInstanceAsync(SeedPage.ProjectId, SeedPage.InstanceId, ExampleRequest())));

        Assert.Equal("CreateStarRocksInstance", activity.DisplayName);
        Assert.Equal(ActivityKind.Client, activity.Kind);
        Assert.Equal("POST", activity.GetTagItem("http.request.method"));
        Assert.Equal("127.0.0.1", activity.GetTagItem("server.address"));
        Assert.Equal(_server.BaseAddress.Port, activity.GetTagItem("server.port"));
        Assert.Equal("/v3/{project_id}/instances/{instance_id}/starrocks", activity.GetTagItem("url.template"));
        Assert.Equal(201, activity.GetTagItem("http.response.status_code"));
        Assert.Null(activity.GetTagItem("error.type"));
        Assert.NotEqual(ActivityStatusCode.Error, activity.Status);
        Assert.Empty(activity.Events);
    }

    [Fact]
    public async Task Retries_are_events_of_the_one_activity_and_a_failure_sets_error_type()
    {
        _server.AnswerInTurn(new Reply(503, "{}"), new Reply(503, "{}"), new Reply(500, "{\"error_code\":\"DBS.108000\",\"error_msg\":\"Server failure.\"}"));
        using HttpClient http = _server.CreateHttpClient();
        var client = new StarRocksClient(http, new StarRocksClientOptions { BaseAddress = _server.BaseAddress, Token = Token, Retry = RetryWireTests.Fast() });

        Activity activity = Assert.Single(await CaptureAsync(() => client.CreateStarRocksInstanceAsync(SeedPage.ProjectId, SeedPage.InstanceId, ExampleRequest())));

        Assert.Equal(new[] { "retry", "retry" }, activity.Events.Select(e => e.Name));
        Assert.Equal(new object?[] { 1, 2 }, activity.Events.Select(e => e.Tags.Single(t => t.Key == "http.request.resend_count").Value));
        Assert.All(activity.Events, e => Assert.Equal("503", e.Tags.Single(t => t.Key == "error.type").Value));
        Assert.Equal(2, activity.GetTagItem("http.request.resend_count"));
        Assert.Equal(500, activity.GetTagItem("http.response.status_code"));
        Assert.Equal("500", activity.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
    }

    [Fact]
    public async Task Attempts_retries_and_failures_are_logged_without_any_secret()
    {
        _server.AnswerInTurn(new Reply(503, "{}"), new Reply(400, "{\"error_code\":\"DBS.280234\",\"error_msg\":\"Invalid DB instance name " + Token + ".\"}", RequestId: "r-400"));
        using HttpClient http = _server.CreateHttpClient();
        var logger = new ListLogger();
        var client = new StarRocksClient(http, new StarRocksClientOptions { BaseAddress = _server.BaseAddress, Token = Token, Retry = RetryWireTests.Fast(), Logger = logger });

        await Assert.ThrowsAsync<ApiException<ErrorResponse>>(() => client.CreateStarRocksInstanceAsync(SeedPage.ProjectId, SeedPage.InstanceId, ExampleRequest()));

        string[] lines = logger.Entries.Select(e => e.Level + " " + e.EventId.Name + " " + e.Message).ToArray();
        Assert.Equal(
            new[] { "Debug SendingRequest", "Debug ResponseReceived", "Warning RetryingRequest", "Debug SendingRequest", "Debug ResponseReceived", "Error RequestFailed" },
            logger.Entries.Select(e => e.Level + " " + e.EventId.Name));
        Assert.StartsWith("Debug SendingRequest CreateStarRocksInstance sending POST /v3/{project_id}/instances/{instance_id}/starrocks to 127.0.0.1, attempt 1", lines[0], StringComparison.Ordinal);
        Assert.Contains("HTTP 503", lines[2], StringComparison.Ordinal);
        Assert.Contains("retry 1 of 3", lines[2], StringComparison.Ordinal);
        Assert.Equal("Error RequestFailed CreateStarRocksInstance failed after 2 attempt(s): HTTP 400 DBS.280234, request id r-400", lines[5]);

        // Structured state, as providers read it: the named values and the template.
        Assert.Contains(logger.Entries[0].State, pair => pair.Key == "OperationId" && (string?)pair.Value == "CreateStarRocksInstance");
        Assert.Contains(logger.Entries[0].State, pair => pair.Key == "{OriginalFormat}");

        AssertNoSecret(logger.Entries.SelectMany(e => e.State.Select(p => p.Key + "=" + p.Value)).Concat(lines));
    }

    [Fact]
    public async Task A_signed_call_keeps_the_secret_key_and_the_signature_out_of_traces_and_logs()
    {
        _server.AnswerInTurn(new Reply(503, "{}"), new Reply(201, SeedPage.ExampleResponse));
        using HttpClient http = _server.CreateHttpClient();
        var logger = new ListLogger();
        var client = new StarRocksClient(http, new StarRocksClientOptions
        {
            BaseAddress = _server.BaseAddress,
            Signer = new AkSkSigner("AK-PUBLIC", SecretKey),
            Retry = RetryWireTests.Fast(),
            Logger = logger,
        });

        List<Activity> activities = await CaptureAsync(() => client.CreateStarRocksInstanceAsync(SeedPage.ProjectId, SeedPage.InstanceId, ExampleRequest()));

        string[] signatures = _server.Requests.Select(r => r.Headers["Authorization"].Split("Signature=")[1]).ToArray();
        Assert.Equal(2, signatures.Length);
        IEnumerable<string> texts = Texts(Assert.Single(activities)).Concat(logger.Entries.Select(e => e.Message)).Concat(logger.Entries.SelectMany(e => e.State.Select(p => p.Key + "=" + p.Value))).ToList();
        AssertNoSecret(texts);
        Assert.All(texts, text => Assert.All(signatures, signature => Assert.DoesNotContain(signature, text, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_client_from_the_service_collection_logs_to_the_containers_logger_factory()
    {
        _server.Answer(new Reply(201, SeedPage.ExampleResponse));
        var provider = new ListLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(builder => builder.AddProvider(provider).SetMinimumLevel(LogLevel.Debug));
        services.AddStarRocksClient(o =>
        {
            o.BaseAddress = _server.BaseAddress;
            o.Token = Token;
        });
        await using ServiceProvider container = services.BuildServiceProvider();

        await container.GetRequiredService<IStarRocksClient>().CreateStarRocksInstanceAsync(SeedPage.ProjectId, SeedPage.InstanceId, ExampleRequest());

        ListLogger logger = provider.Loggers["TaurusDb.StarRocks.StarRocksClient"];
        Assert.Contains(logger.Entries, e => e.EventId.Name == "ResponseReceived" && e.Message.Contains("HTTP 201", StringComparison.Ordinal));
    }

    private static void AssertNoSecret(IEnumerable<string> texts) => Assert.All(texts, text =>
    {
        Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, text, StringComparison.Ordinal);
    });

    /// <summary>One log call as the provider saw it.</summary>
    internal sealed record LogEntry(LogLevel Level, EventId EventId, string Message, IReadOnlyList<KeyValuePair<string, object?>> State, Exception? Exception);

    /// <summary>An ILogger that keeps every entry.</summary>
    internal sealed class ListLogger : ILogger
    {
        private readonly ConcurrentQueue<LogEntry> _entries = new();

        public IReadOnlyList<LogEntry> Entries => _entries.ToArray();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? Array.Empty<KeyValuePair<string, object?>>();
            _entries.Enqueue(new LogEntry(logLevel, eventId, formatter(state, exception), values.ToArray(), exception));
        }
    }

    private sealed class ListLoggerProvider : ILoggerProvider
    {
        public ConcurrentDictionary<string, ListLogger> Loggers { get; } = new();

        public ILogger CreateLogger(string categoryName) => Loggers.GetOrAdd(categoryName, _ => new ListLogger());

        public void Dispose()
        {
        }
    }
}
