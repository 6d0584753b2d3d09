using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Secrets.Sdk;
using Xunit;

namespace OpenApiSdk.ClientTests;

/// <summary>
/// Credentials that go on the wire (Specs/secrets.yaml: an api key in the query, HTTP Basic user:password) arrive as the
/// spec says, and stay out of the client's traces and logs and out of <see cref="ApiException"/>, even when the server
/// echoes them in its error body (PACKAGE-README.md: the exception "never contains credentials").
/// </summary>
public sealed class SecretsWireTests : IAsyncLifetime
{
    // A slash, a plus and an equals sign: the query sends it percent-encoded, JSON may escape it.
    private const string QueryKey = "qk/0123456789+secret=";
    private const string User = "ann";
    private const string Password = "pw-0123456789-secret";

    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static string EscapedQueryKey => Uri.EscapeDataString(QueryKey);

    private static string BasicValue => Convert.ToBase64String(Encoding.UTF8.GetBytes(User + ":" + Password));

    private SecretsClient Client(HttpClient http, TelemetryWireTests.ListLogger logger) => new(http, new SecretsClientOptions
    {
        BaseAddress = _server.BaseAddress,
        QueryKey = QueryKey,
        Basic = User + ":" + Password,
        Retry = RetryWireTests.Fast(maxRetries: 1),
        Logger = logger,
    });

    /// <summary>An error body that quotes everything the request carried (and <paramref name="secret"/> decoded), raw and as System.Text.Json escapes it.</summary>
    private static Reply Echo(int status, ReceivedRequest request, string secret)
    {
        string said = request.RawTarget + " " + string.Join(" ", request.Headers.Select(h => h.Key + ": " + h.Value)) + " " + secret;
        string body = "{\"error_code\":\"E" + status + "\",\"error_msg\":" + JsonSerializer.Serialize(said) + ",\"raw\":\"" + said.Replace("\"", "'", StringComparison.Ordinal) + "\"}";
        return new Reply(status, body, RequestId: "req " + secret);
    }

    [Fact]
    public async Task An_api_key_in_the_query_is_sent_percent_encoded_and_an_echo_of_it_stays_out_of_the_exception_logs_and_traces()
    {
        _server.Answer(request => Echo(503, request, QueryKey));
        using HttpClient http = _server.CreateHttpClient();
        var logger = new TelemetryWireTests.ListLogger();

        (ApiException ex, List<Activity> activities) = await FailAsync(() => Client(http, logger).GetItemAsync("i1", view: "full"));

        Assert.Equal(2, _server.Requests.Count); // the 503 was retried: both attempts carried the key
        Assert.All(_server.Requests, r => Assert.Equal("/items/i1?view=full&api_key=" + EscapedQueryKey, r.RawTarget));
        Assert.Equal(503, ex.StatusCode);
        Assert.Equal("E503", ex.ErrorCode);
        Assert.Contains("/items/i1?view=full&api_key=***", ex.ErrorMessage, StringComparison.Ordinal); // what was masked, and only that
        AssertNoSecret(Texts(ex, logger, activities));
    }

    [Fact]
    public async Task Basic_credentials_are_sent_as_RFC_7617_says_and_an_echo_of_them_stays_out_of_the_exception_logs_and_traces()
    {
        _server.Answer(request => Echo(401, request, Password));
        using HttpClient http = _server.CreateHttpClient();
        var logger = new TelemetryWireTests.ListLogger();

        (ApiException ex, List<Activity> activities) = await FailAsync(() => Client(http, logger).GetAccountAsync());

        ReceivedRequest request = Assert.Single(_server.Requests);
        Assert.Equal("Basic " + BasicValue, request.Headers["Authorization"]);
        var typed = Assert.IsType<ApiException<Error>>(ex);
        Assert.Equal(401, typed.StatusCode);
        Assert.Contains("Authorization: Basic ***", typed.ErrorMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, typed.Error.ErrorMsg, StringComparison.Ordinal);
        AssertNoSecret(Texts(ex, logger, activities));
    }

    private static async Task<(ApiException Exception, List<Activity> Activities)> FailAsync(Func<Task> call)
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Secrets.Sdk.SecretsClient",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        using var parent = new Activity("secrets-test").Start();
        ApiException ex = await Assert.ThrowsAnyAsync<ApiException>(call);
        return (ex, stopped.Where(a => a.TraceId == parent.TraceId).ToList());
    }

    private static IEnumerable<string> Texts(ApiException ex, TelemetryWireTests.ListLogger logger, List<Activity> activities)
    {
        Assert.NotEmpty(activities);
        Assert.NotEmpty(logger.Entries);
        return new[] { ex.Message, ex.ToString(), ex.ErrorMessage ?? string.Empty, ex.ErrorCode ?? string.Empty, ex.ResponseBody ?? string.Empty, ex.RequestId ?? string.Empty }
            .Concat(logger.Entries.SelectMany(e => e.State.Select(p => p.Key + "=" + p.Value).Append(e.Message)))
            .Concat(activities.SelectMany(a => a.TagObjects.Select(t => t.Key + "=" + t.Value)
                .Concat(a.Events.SelectMany(e => e.Tags.Select(t => t.Key + "=" + t.Value)))
                .Append(a.DisplayName).Append(a.StatusDescription ?? string.Empty)));
    }

    private static void AssertNoSecret(IEnumerable<string> texts) => Assert.All(texts, text =>
    {
        foreach (string secret in new[] { QueryKey, EscapedQueryKey, JsonEncodedText.Encode(QueryKey).Value, Password, BasicValue })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    });
}
