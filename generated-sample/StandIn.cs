using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using OpenApiSdk;
using OpenApiSdk.Signing;
using TaurusDb.StarRocks;

namespace GeneratedSample;

/// <summary>
/// A stand-in of the service's CreateStarRocksInstance operation on 127.0.0.1 (a free port), as the seed
/// page documents it: it checks the credential (the X-Auth-Token header, or the SDK-HMAC-SHA256 signature, with
/// the runtime's verifier) and the body, and answers 201 with the page's example response or 400 with an error body
/// (401 for a wrong token or signature, 404 for another path). It also answers the query of the job that
/// response names (StandIn.Jobs.cs). A minimal HTTP/1.1
/// server on a TcpListener, so the sample stays trimmable and AOT-compatible (no ASP.NET Core).
/// </summary>
internal sealed partial class StandIn : IAsyncDisposable
{
    /// <summary>The page's example response (status 201): examples/create-instance-response.json, embedded.</summary>
    internal static readonly string ExampleResponse = ReadExampleResponse();

    private const int MaxHeaderBytes = 64 * 1024;
    private const int MaxBodyBytes = 1024 * 1024;

    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Program.Credential _credential;
    private readonly Task _loop;

    private StandIn(TcpListener listener, Program.Credential credential)
    {
        _listener = listener;
        _credential = credential;
        BaseAddress = new Uri("http://127.0.0.1:" + ((IPEndPoint)listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture) + "/");
        _loop = Task.Run(AcceptLoopAsync);
    }

    public Uri BaseAddress { get; }

    /// <summary>Starts listening; <paramref name="credential"/> (the call's own) is the only token, or key pair, accepted.</summary>
    public static StandIn Start(Program.Credential credential)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return new StandIn(listener, credential);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient connection;
            try
            {
                connection = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(connection));
        }
    }

    private async Task ServeAsync(TcpClient connection)
    {
        using (connection)
        {
            try
            {
                NetworkStream stream = connection.GetStream();
                (int status, string body) = await HandleAsync(stream).ConfigureAwait(false);
                byte[] payload = Encoding.UTF8.GetBytes(body);
                string head = "HTTP/1.1 " + status.ToString(CultureInfo.InvariantCulture) + " " + Reason(status) + "\r\n"
                    + "Content-Type: application/json;charset=UTF-8\r\n"
                    + "Content-Length: " + payload.Length.ToString(CultureInfo.InvariantCulture) + "\r\n"
                    + "X-Request-Id: " + Guid.NewGuid().ToString("N") + "\r\n"
                    + "Connection: close\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head), _stop.Token).ConfigureAwait(false);
                await stream.WriteAsync(payload, _stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client went away; nothing to answer.
            }
        }
    }

    private async Task<(int Status, string Body)> HandleAsync(NetworkStream stream)
    {
        // Request line and headers, up to the blank line.
        var head = new MemoryStream();
        var buffer = new byte[8192];
        int headerEnd = -1;
        while (headerEnd < 0)
        {
            int read = await stream.ReadAsync(buffer, _stop.Token).ConfigureAwait(false);
            if (read == 0)
            {
                return (400, Error("DBS.200001", "Incomplete request."));
            }

            head.Write(buffer, 0, read);
            headerEnd = IndexOf(head.GetBuffer(), (int)head.Length, "\r\n\r\n"u8);
            if (headerEnd < 0 && head.Length > MaxHeaderBytes)
            {
                return (400, Error("DBS.200001", "The request headers are too large."));
            }
        }

        byte[] all = head.ToArray();
        string[] lines = Encoding.ASCII.GetString(all, 0, headerEnd).Split("\r\n");
        string[] requestLine = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 1; i < lines.Length; i++)
        {
            int colon = lines[i].IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers[lines[i].Substring(0, colon).Trim()] = lines[i].Substring(colon + 1).Trim();
            }
        }

        int length = headers.TryGetValue("Content-Length", out string? lengthText) && int.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out int parsed) ? parsed : 0;
        if (length > MaxBodyBytes)
        {
            return (400, Error("DBS.200001", "The request body is too large."));
        }

        var body = new byte[length];
        int have = Math.Min(length, all.Length - (headerEnd + 4));
        Array.Copy(all, headerEnd + 4, body, 0, have);
        while (have < length)
        {
            int read = await stream.ReadAsync(body.AsMemory(have), _stop.Token).ConfigureAwait(false);
            if (read == 0)
            {
                return (400, Error("DBS.200001", "Incomplete request body."));
            }

            have += read;
        }

        string method = requestLine.Length > 0 ? requestLine[0] : string.Empty;
        string target = requestLine.Length > 1 ? requestLine[1] : string.Empty;
        if (_jobs.TryAnswer(method, target, headers, body, _credential, out (int Status, string Body) job))
        {
            return job;
        }

        (int Status, string Body) answer = Answer(method, target, headers, body, _credential);
        if (answer.Status == 201)
        {
            _jobs.Start();
        }

        return answer;
    }

    /// <summary>The 401 answer when the request does not carry the credential (token or valid AK/SK signature); null when it does.</summary>
    internal static (int Status, string Body)? Unauthorized(string method, string target, IReadOnlyDictionary<string, string> headers, byte[] body, Program.Credential credential)
    {
        if (credential.AccessKey is { } accessKey)
        {
            AkSkVerification verification = new AkSkVerifier(key => key == accessKey ? credential.SecretKey : null)
                .Verify(method, target, name => headers.TryGetValue(name, out string? value) ? value : null, body);
            return verification.IsValid ? null : (401, Error("APIGW.0301", "Incorrect IAM authentication information: " + verification.Failure + "."));
        }

        return headers.TryGetValue("X-Auth-Token", out string? sent) && sent == credential.Token
            ? null
            : (401, Error("APIGW.0301", "Incorrect IAM authentication information."));
    }

    /// <summary>What the service answers to one request.</summary>
    internal static (int Status, string Body) Answer(string method, string target, IReadOnlyDictionary<string, string> headers, byte[] body, Program.Credential credential)
    {
        Match route = Route().Match(target);
        if (!route.Success)
        {
            return (404, Error("APIGW.0101", "The API does not exist or has not been published in the environment."));
        }

        if (method != "POST")
        {
            return (405, Error("APIGW.0102", "The method is not allowed."));
        }

        if (Unauthorized(method, target, headers, body, credential) is { } refused)
        {
            return refused;
        }

        if (!ProjectId().IsMatch(Uri.UnescapeDataString(route.Groups[1].Value)) || !InstanceId().IsMatch(Uri.UnescapeDataString(route.Groups[2].Value)))
        {
            return (400, Error("DBS.200001", "Invalid parameter: project_id or instance_id."));
        }

        if (!headers.TryGetValue("Content-Type", out string? contentType) || !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (400, Error("DBS.200001", "Content-Type must be application/json."));
        }

        if (headers.TryGetValue("X-Language", out string? language) && language is not ("en-us" or "zh-cn"))
        {
            return (400, Error("DBS.200001", "Invalid parameter: X-Language."));
        }

        CreateStarRocksInstanceRequest request;
        try
        {
            request = CreateStarRocksInstanceRequest.FromJson(body);
        }
        catch (JsonException)
        {
            return (400, Error("DBS.200001", "The request body is not a JSON object."));
        }

        IReadOnlyList<ValidationError> errors = request.Validate();
        if (errors.Count > 0)
        {
            foreach (ValidationError error in errors)
            {
                if (error.Pointer == "/name")
                {
                    return (400, Error("DBS.280234", "Invalid DB instance name."));
                }
            }

            return (400, Error("DBS.200001", "Invalid parameter: " + errors[0]));
        }

        return (201, ExampleResponse);
    }

    private static string Error(string code, string message)
    {
        var error = new ErrorResponse { ErrorCode = code, ErrorMsg = message };
        return error.ToJson();
    }

    private static string Reason(int status) => status switch
    {
        201 => "Created",
        400 => "Bad Request",
        401 => "Unauthorized",
        404 => "Not Found",
        405 => "Method Not Allowed",
        _ => "Error",
    };

    private static int IndexOf(byte[] data, int length, ReadOnlySpan<byte> value) => data.AsSpan(0, length).IndexOf(value);

    [GeneratedRegex("^/v3/([^/?]+)/instances/([^/?]+)/starrocks(?:\\?.*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Route();

    [GeneratedRegex("^[A-Za-z0-9]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex ProjectId();

    [GeneratedRegex("^[A-Za-z0-9]{32}in07$", RegexOptions.CultureInvariant)]
    private static partial Regex InstanceId();

    private static string ReadExampleResponse()
    {
        using Stream stream = typeof(StandIn).Assembly.GetManifestResourceStream("create-instance-response.json")
            ?? throw new InvalidOperationException("The embedded example response is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
