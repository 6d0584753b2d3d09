using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using OpenApiSdk;
using OpenApiSdk.Signing;
using TaurusDb.StarRocks;

namespace GeneratedSample;

/// <summary>
/// A command-line program on the generated SDK.
/// <list type="bullet">
/// <item><c>validate FILE...</c>: checks request files against the spec.</item>
/// <item><c>create --file FILE [--endpoint URL] [--token TOKEN | --ak AK --sk SK] [--max-retries N] [--project-id ID] [--instance-id ID] [--language en-us|zh-cn] [--wait] [--timeout SECONDS]</c>:
/// calls CreateStarRocksInstance, against an embedded stand-in of the service when no endpoint is given; with --wait, then
/// polls the job the response names until it ends (WaitForCreateStarRocksInstanceAsync).</item>
/// </list>
/// Exit codes: 0 success, 1 an error (unreadable file, not JSON, API error, network failure, bad usage, a failed or timed-out job), 2 an invalid request.
/// </summary>
internal static class Program
{
    internal const string ExampleProjectId = "23a50154cf494ec9ad6883979a12db0a";
    internal const string ExampleInstanceId = "40dc4c5729f14aad893e2dcd5baf6a15in07";
    internal const string TokenVariable = "STARROCKS_AUTH_TOKEN";

    /// <summary>The token the stand-in accepts, and the client sends, when neither --token nor STARROCKS_AUTH_TOKEN gives one.</summary>
    internal const string StandInToken = "stand-in-token";

    private const string Usage = """
        usage:
          generated-sample validate FILE...
          generated-sample create --file FILE [--endpoint URL] [--token TOKEN | --ak AK --sk SK] [--max-retries N]
                                  [--project-id ID] [--instance-id ID] [--language en-us|zh-cn] [--skip-validation]
                                  [--wait] [--timeout SECONDS]

        create sends the request in FILE with CreateStarRocksInstance and prints the response as JSON.
        Without --endpoint it starts a stand-in of the service on 127.0.0.1 (a free port) that accepts the
        credential the call sends. The credential is --token (sent as X-Auth-Token), else --ak and --sk (the
        request is signed with SDK-HMAC-SHA256), else the STARROCKS_AUTH_TOKEN environment variable, else the
        HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK variables, else the token "stand-in-token". No credential is
        ever printed. --max-retries sets how often a failure the service did not act on (429, 503, no
        connection) is retried (default 3; 0 sends once). --skip-validation sends without client-side
        validation, to see the service's own 400 answer.
        --wait then polls the job the response names (job_id) until it ends and prints the final job as
        JSON instead; progress goes to stderr. --timeout limits the wait (default 1800 seconds). The
        stand-in's job runs for two polls, then completes (STARROCKS_STANDIN_JOB=Failed makes it fail,
        STARROCKS_STANDIN_JOB=Running keeps it running).
        exit codes: 0 ok, 1 error (file, JSON, API, network, usage, job failed or timed out), 2 invalid request (nothing sent)
        """;

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0)
        {
            await Console.Error.WriteLineAsync(Usage).ConfigureAwait(false);
            return 1;
        }

        switch (args[0])
        {
            case "validate":
                return Validate(args.AsSpan(1).ToArray());
            case "create":
                return await CreateAsync(args.AsSpan(1).ToArray()).ConfigureAwait(false);
            case "-h" or "--help" or "help":
                Console.WriteLine(Usage);
                return 0;
            default:
                await Console.Error.WriteLineAsync("unknown command '" + args[0] + "'\n" + Usage).ConfigureAwait(false);
                return 1;
        }
    }

    private static int Validate(string[] files)
    {
        if (files.Length == 0)
        {
            Console.Error.WriteLine("validate needs at least one FILE\n" + Usage);
            return 1;
        }

        int exit = 0;
        foreach (string file in files)
        {
            if (!TryRead(file, out CreateStarRocksInstanceRequest? request))
            {
                exit = 1;
                continue;
            }

            IReadOnlyList<ValidationError> errors = request.Validate();
            if (errors.Count == 0)
            {
                Console.WriteLine(file + ": valid");
                continue;
            }

            Console.WriteLine(file + ": invalid");
            PrintErrors(errors);
            if (exit == 0)
            {
                exit = 2; // an unreadable file (1) outranks an invalid one
            }
        }

        return exit;
    }

    private static void PrintErrors(IReadOnlyList<ValidationError> errors)
    {
        foreach (ValidationError error in errors)
        {
            Console.WriteLine("  " + (error.Pointer.Length == 0 ? "/" : error.Pointer) + ": " + error.Message);
        }
    }

    /// <summary>Reads a request file; on failure prints the file, and for bad JSON the line and position, and returns false.</summary>
    internal static bool TryRead(string file, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CreateStarRocksInstanceRequest? request)
    {
        request = null;
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            Console.Error.WriteLine(file + ": cannot be read: " + ex.Message);
            return false;
        }

        // Line and position come from a plain parse: the generated reader's own errors carry no position.
        var reader = new Utf8JsonReader(bytes.AsSpan().StartsWith(Utf8Bom) ? bytes.AsSpan(Utf8Bom.Length) : bytes);
        try
        {
            while (reader.Read())
            {
            }
        }
        catch (JsonException ex)
        {
            long line = (ex.LineNumber ?? 0) + 1;
            long position = (ex.BytePositionInLine ?? 0) + 1;
            Console.Error.WriteLine(file + ": not JSON (line " + line + ", position " + position + "): " + FirstSentence(ex.Message));
            return false;
        }

        try
        {
            request = CreateStarRocksInstanceRequest.FromJson(bytes.AsSpan().StartsWith(Utf8Bom) ? bytes.AsSpan(Utf8Bom.Length) : bytes);
            return true;
        }
        catch (JsonException ex)
        {
            Console.Error.WriteLine(file + ": not a JSON object (line 1, position 1): " + FirstSentence(ex.Message));
            return false;
        }
    }

    private static ReadOnlySpan<byte> Utf8Bom => new byte[] { 0xEF, 0xBB, 0xBF };

    private static string FirstSentence(string message)
    {
        foreach (string marker in new[] { " Path:", " LineNumber:" })
        {
            int end = message.IndexOf(marker, StringComparison.Ordinal);
            if (end > 0)
            {
                message = message.Substring(0, end);
            }
        }

        return message;
    }

    private static async Task<int> CreateAsync(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        bool skipValidation = false;
        bool wait = false;
        for (int i = 0; i < args.Length; i++)
        {
            string name = args[i];
            if (name == "--skip-validation")
            {
                skipValidation = true;
                continue;
            }

            if (name == "--wait")
            {
                wait = true;
                continue;
            }

            if (name is not ("--file" or "--endpoint" or "--token" or "--ak" or "--sk" or "--max-retries" or "--project-id" or "--instance-id" or "--language" or "--timeout") || i + 1 >= args.Length)
            {
                await Console.Error.WriteLineAsync((i + 1 >= args.Length && name.StartsWith("--", StringComparison.Ordinal) ? name + " needs a value" : "unknown option '" + name + "'") + "\n" + Usage).ConfigureAwait(false);
                return 1;
            }

            options[name] = args[++i];
        }

        if (!options.TryGetValue("--file", out string? file))
        {
            await Console.Error.WriteLineAsync("create needs --file FILE\n" + Usage).ConfigureAwait(false);
            return 1;
        }

        TimeSpan? timeout = null;
        if (options.TryGetValue("--timeout", out string? timeoutText))
        {
            if (!wait || !double.TryParse(timeoutText, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double seconds) || !(seconds > 0) || seconds > int.MaxValue / 1000)
            {
                await Console.Error.WriteLineAsync((wait ? "--timeout must be a positive number of seconds" : "--timeout needs --wait") + "\n" + Usage).ConfigureAwait(false);
                return 1;
            }

            timeout = TimeSpan.FromSeconds(seconds);
        }

        if (!TryRead(file, out CreateStarRocksInstanceRequest? request))
        {
            return 1;
        }

        // The same check the client makes before sending, reported like 'validate' does.
        IReadOnlyList<ValidationError> errors = request.Validate();
        if (errors.Count > 0 && !skipValidation)
        {
            Console.WriteLine(file + ": invalid");
            PrintErrors(errors);
            return 2;
        }

        if (Credential.From(options) is not { } credential)
        {
            await Console.Error.WriteLineAsync("give --token, or --ak with --sk, not both\n" + Usage).ConfigureAwait(false);
            return 1;
        }

        RetryOptions retry = new();
        if (options.TryGetValue("--max-retries", out string? retries))
        {
            if (!int.TryParse(retries, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int maxRetries))
            {
                await Console.Error.WriteLineAsync("--max-retries must be a whole number, 0 or more").ConfigureAwait(false);
                return 1;
            }

            retry.MaxRetries = maxRetries;
        }

        string projectId = options.TryGetValue("--project-id", out string? project) ? project : ExampleProjectId;
        string instanceId = options.TryGetValue("--instance-id", out string? instance) ? instance : ExampleInstanceId;
        CreateStarRocksInstanceXLanguage? language = options.TryGetValue("--language", out string? lang) ? new CreateStarRocksInstanceXLanguage(lang) : (CreateStarRocksInstanceXLanguage?)null;

        StandIn? standIn = null;
        Uri endpoint;
        if (options.TryGetValue("--endpoint", out string? endpointText))
        {
            if (!Uri.TryCreate(endpointText, UriKind.Absolute, out Uri? parsed) || (parsed.Scheme != "http" && parsed.Scheme != "https"))
            {
                await Console.Error.WriteLineAsync("--endpoint must be an absolute http or https URL").ConfigureAwait(false);
                return 1;
            }

            endpoint = parsed;
        }
        else
        {
            standIn = StandIn.Start(credential);
            endpoint = standIn.BaseAddress;
            await Console.Error.WriteLineAsync("stand-in service listening on " + endpoint).ConfigureAwait(false);
        }

        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(100) };
            var client = new StarRocksClient(http, new StarRocksClientOptions
            {
                BaseAddress = endpoint,
                Token = credential.Token,
                Signer = credential.AccessKey is null ? null : new AkSkSigner(credential.AccessKey, credential.SecretKey!),
                Retry = retry,
                ValidateRequests = !skipValidation,
            });

            CreateStarRocksInstanceResponse response = await client.CreateStarRocksInstanceAsync(projectId, instanceId, request, language).ConfigureAwait(false);
            if (wait)
            {
                return await WaitAsync(client, response, projectId, language, standIn is not null, timeout).ConfigureAwait(false);
            }

            Console.WriteLine(response.ToJson(indented: true));
            return 0;
        }
        catch (ValidationException ex)
        {
            Console.WriteLine("invalid request (nothing sent):");
            PrintErrors(ex.Errors);
            return 2;
        }
        catch (ApiException ex)
        {
            Console.WriteLine("error: HTTP " + ex.StatusCode
                + " error_code=" + (ex.ErrorCode ?? "-")
                + " error_msg=" + (ex.ErrorMessage is null ? "-" : JsonEncode(ex.ErrorMessage))
                + " request_id=" + (ex.RequestId ?? "-")
                + (ex.ErrorCode is null && ex.ErrorMessage is null ? " (" + ex.Message + ")" : string.Empty));
            return 1;
        }
        catch (HttpRequestException ex)
        {
            Console.WriteLine("error: the request failed: " + ex.Message);
            return 1;
        }
        catch (TaskCanceledException)
        {
            Console.WriteLine("error: the request timed out");
            return 1;
        }
        finally
        {
            if (standIn is not null)
            {
                await standIn.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// The credential of a call: a token, or an access key and secret key to sign with. Taken from --token, else
    /// --ak/--sk, else STARROCKS_AUTH_TOKEN, else HUAWEICLOUD_SDK_AK/HUAWEICLOUD_SDK_SK, else the stand-in's token.
    /// </summary>
    internal sealed record Credential(string? Token, string? AccessKey, string? SecretKey)
    {
        /// <summary>The credential the options and environment give; null for a bad combination (a token and keys, or one key alone).</summary>
        public static Credential? From(IReadOnlyDictionary<string, string> options)
        {
            bool hasToken = options.TryGetValue("--token", out string? token);
            bool hasAccessKey = options.TryGetValue("--ak", out string? accessKey);
            bool hasSecretKey = options.TryGetValue("--sk", out string? secretKey);
            if ((hasToken && (hasAccessKey || hasSecretKey)) || hasAccessKey != hasSecretKey || (hasAccessKey && (accessKey!.Length == 0 || secretKey!.Length == 0)))
            {
                return null;
            }

            if (hasToken)
            {
                return new Credential(token, null, null);
            }

            if (hasAccessKey)
            {
                return new Credential(null, accessKey, secretKey);
            }

            if (Environment.GetEnvironmentVariable(TokenVariable) is { Length: > 0 } environmentToken)
            {
                return new Credential(environmentToken, null, null);
            }

            if (Environment.GetEnvironmentVariable(AkSkSigner.AccessKeyVariable) is { Length: > 0 } environmentAccessKey
                && Environment.GetEnvironmentVariable(AkSkSigner.SecretKeyVariable) is { Length: > 0 } environmentSecretKey)
            {
                return new Credential(null, environmentAccessKey, environmentSecretKey);
            }

            return new Credential(StandInToken, null, null);
        }

        /// <summary>Says which kind of credential it is, never its value.</summary>
        public override string ToString() => AccessKey is null ? "token" : "AK/SK (access key " + AccessKey + ")";
    }

    /// <summary>
    /// --wait: polls the job of a create response with the generated wait method and prints the final job; 0 when it
    /// completed, 1 when it failed (with the reason) or did not end in time. The stand-in is polled every 0.2 s, a real
    /// endpoint at WaitOptions' default interval.
    /// </summary>
    private static async Task<int> WaitAsync(StarRocksClient client, CreateStarRocksInstanceResponse created, string projectId, CreateStarRocksInstanceXLanguage? language, bool standIn, TimeSpan? timeout)
    {
        var options = new WaitOptions();
        if (standIn)
        {
            options.PollInterval = TimeSpan.FromMilliseconds(200);
        }

        if (timeout is { } limit)
        {
            options.Timeout = limit;
        }

        await Console.Error.WriteLineAsync("created " + (created.Instance?.Id ?? "(no instance id)") + ", waiting for job " + (created.JobId ?? "(none)")).ConfigureAwait(false);
        var progress = new ConsoleProgress();
        ShowJobXLanguage? jobLanguage = language is { } l ? new ShowJobXLanguage(l.Value) : (ShowJobXLanguage?)null;
        try
        {
            ShowJobResponse job = await client.WaitForCreateStarRocksInstanceAsync(created, projectId, jobLanguage, waitOptions: options, progress: progress).ConfigureAwait(false);
            Console.WriteLine(job.ToJson(indented: true));
            return 0;
        }
        catch (JobFailedException<ShowJobResponse> ex)
        {
            Console.WriteLine(ex.Job.ToJson(indented: true));
            Console.WriteLine("error: the job " + (ex.Job.Job?.Id ?? string.Empty) + " failed: " + (ex.Reason ?? "(no reason given)"));
            return 1;
        }
        catch (JobTimeoutException ex)
        {
            Console.WriteLine("error: the job did not end within " + ex.Timeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) + " s (last status " + (ex.LastStatus ?? "unknown") + ")");
            return 1;
        }
        catch (InvalidOperationException ex)
        {
            Console.WriteLine("error: " + ex.Message);
            return 1;
        }
    }

    /// <summary>Writes each poll's status and progress to stderr, as it happens.</summary>
    private sealed class ConsoleProgress : IProgress<JobProgress<ShowJobResponse>>
    {
        public void Report(JobProgress<ShowJobResponse> value) =>
            Console.Error.WriteLine("job " + (value.Status ?? "(no status)") + (value.Progress is null ? string.Empty : " " + value.Progress));
    }

    /// <summary>A JSON string literal: keeps a message with spaces or quotes on one unambiguous line.</summary>
    private static string JsonEncode(string value)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStringValue(value);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
