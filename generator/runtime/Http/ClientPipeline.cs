using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OpenApiSdk.Signing;

namespace OpenApiSdk.Runtime;

/// <summary>
/// The send path every generated operation calls. For each attempt it builds a fresh request from the
/// <see cref="ClientRequest"/> (URL, headers, the credentials asked for again, the extra headers of the call, a new body),
/// runs the client's PrepareRequestAsync hook, signs it when a signer is configured, sends it, reads the body, and
/// retries what <see cref="RetryOptions"/> says is safe to retry. Then it maps the answer: a 2xx to the typed value, any
/// other status to <see cref="ApiException"/>. Each call is one <see cref="Activity"/> of the client's
/// <see cref="ActivitySource"/> and, when the client has a logger, a few log lines; neither ever holds a header, a body,
/// a query or a credential.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ClientPipeline
{
    private static readonly ConcurrentDictionary<string, ActivitySource> Sources = new(StringComparer.Ordinal);

    private readonly HttpClient _httpClient;
    private readonly ApiClientOptions _options;
    private readonly ActivitySource _source;
    private readonly string _requestIdHeader;
    private readonly Func<HttpRequestMessage, string, CancellationToken, ValueTask>? _prepare;
    private readonly Func<HttpResponseMessage, string, CancellationToken, ValueTask>? _inspect;
    private readonly IClientLog? _log;

    /// <summary>Creates the pipeline of one client instance.</summary>
    /// <param name="httpClient">Sends the requests (not disposed here).</param>
    /// <param name="options">The client's options, read at every call.</param>
    /// <param name="clientName">The client's full type name: the name of its ActivitySource.</param>
    /// <param name="requestIdHeader">The response header that identifies a request (X-Request-Id).</param>
    /// <param name="prepare">Called for each attempt once the request is complete, before it is signed and sent.</param>
    /// <param name="inspect">Called for each response before its body is read.</param>
    /// <param name="log">Where attempts, retries and failures are logged; null logs nothing.</param>
    public ClientPipeline(
        HttpClient httpClient,
        ApiClientOptions options,
        string clientName,
        string requestIdHeader,
        Func<HttpRequestMessage, string, CancellationToken, ValueTask>? prepare,
        Func<HttpResponseMessage, string, CancellationToken, ValueTask>? inspect,
        IClientLog? log)
    {
        _httpClient = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _source = Sources.GetOrAdd(clientName, name => new ActivitySource(name));
        _requestIdHeader = requestIdHeader;
        _prepare = prepare;
        _inspect = inspect;
        _log = log;
    }

    /// <summary>True when the call validates its request: the call's setting, else the client's.</summary>
    public bool ShouldValidate(RequestOptions? requestOptions) => requestOptions?.ValidateRequest ?? _options.ValidateRequests;

    /// <summary>Sends the call, with retries, and returns the typed response or throws <see cref="ApiException"/>.</summary>
    public async Task<ApiResponse<T>> SendAsync<T>(ClientRequest request, ResponseMap<T> responses, RequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        if (responses is null)
        {
            throw new ArgumentNullException(nameof(responses));
        }

        using CancellationTokenSource? timeoutSource = TimeoutSource(requestOptions, cancellationToken, out TimeSpan? timeout);
        var call = new Call(request, requestOptions?.Retry ?? _options.Retry, _source.StartActivity(request.OperationId, ActivityKind.Client));
        try
        {
            ApiResponse<T> response = await SendAttemptsAsync(call, responses, requestOptions, timeoutSource?.Token ?? cancellationToken).ConfigureAwait(false);
            call.Activity?.SetTag("http.response.status_code", response.StatusCode);
            return response;
        }
        catch (OperationCanceledException) when (timeoutSource is { IsCancellationRequested: true } && !cancellationToken.IsCancellationRequested)
        {
            string text = request.OperationId + " did not complete within " + timeout!.Value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s (the call's timeout, retries included).";
            var timedOut = new TaskCanceledException(text, new TimeoutException(text));
            Failed(call, timedOut);
            throw timedOut;
        }
        catch (Exception ex)
        {
            Failed(call, ex);
            throw;
        }
        finally
        {
            call.Activity?.Dispose();
        }
    }

    /// <summary>
    /// Sends a streaming call: validation, credentials, signing, the hooks and the retry rules are those of
    /// <see cref="SendAsync{T}"/>, but a success returns as soon as its headers have arrived, with the body unread
    /// (<see cref="ApiStreamResponse{T}"/> reads the items as they arrive). Retries happen only before that: once the stream has
    /// started, a lost connection surfaces while enumerating and nothing is sent again. The call's timeout covers the wait
    /// for the headers; the call's activity lasts until the stream is disposed.
    /// </summary>
    public async Task<ApiStreamResponse<T>> SendStreamingAsync<T>(ClientRequest request, ResponseMap<object?> responses, StreamItems<T> items, RequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        if (responses is null)
        {
            throw new ArgumentNullException(nameof(responses));
        }

        if (items is null)
        {
            throw new ArgumentNullException(nameof(items));
        }

        using CancellationTokenSource? timeoutSource = TimeoutSource(requestOptions, cancellationToken, out TimeSpan? timeout);
        var call = new Call(request, requestOptions?.Retry ?? _options.Retry, _source.StartActivity(request.OperationId, ActivityKind.Client));
        bool started = false;
        try
        {
            Attempt attempt = await AttemptsAsync(call, requestOptions, stream: true, timeoutSource?.Token ?? cancellationToken).ConfigureAwait(false);
            using (attempt)
            {
                if (attempt.Status is < 200 or > 299)
                {
                    throw responses.Failure(attempt.Failed(request.OperationId, _options.MaxErrorBodyLength));
                }

#if NET8_0_OR_GREATER
                System.IO.Stream body = attempt.Response.Content is { } content ? await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false) : System.IO.Stream.Null;
#else
                System.IO.Stream body = attempt.Response.Content is { } content ? await content.ReadAsStreamAsync().ConfigureAwait(false) : System.IO.Stream.Null;
#endif
                call.Activity?.SetTag("http.response.status_code", attempt.Status);
                var result = new ApiStreamResponse<T>(request.OperationId, attempt.Status, Headers(attempt.Response), attempt.RequestId, attempt.Response, attempt.Message, body, items, _options.MaxStreamItemBytes, failure => StreamEnded(call, failure));
                attempt.Release();
                started = true;
                return result;
            }
        }
        catch (OperationCanceledException) when (timeoutSource is { IsCancellationRequested: true } && !cancellationToken.IsCancellationRequested)
        {
            string text = request.OperationId + " did not start streaming within " + timeout!.Value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s (the call's timeout, retries included).";
            var timedOut = new TaskCanceledException(text, new TimeoutException(text));
            Failed(call, timedOut);
            throw timedOut;
        }
        catch (Exception ex)
        {
            Failed(call, ex);
            throw;
        }
        finally
        {
            if (!started)
            {
                call.Activity?.Dispose();
            }
        }
    }

    /// <summary>
    /// The call's timeout (the call's setting, else the client's) as a token source linked to the caller's token; null when
    /// the call has none. The timeout covers every attempt and wait (for a stream, until its headers arrive).
    /// </summary>
    private CancellationTokenSource? TimeoutSource(RequestOptions? requestOptions, CancellationToken cancellationToken, out TimeSpan? timeout)
    {
        timeout = requestOptions?.Timeout ?? _options.Timeout;
        if (timeout is not { } limit || limit == Timeout.InfiniteTimeSpan)
        {
            return null;
        }

        if (limit <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(requestOptions), "A timeout must be positive (or Timeout.InfiniteTimeSpan).");
        }

        var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        source.CancelAfter(limit);
        return source;
    }

    private void StreamEnded(Call call, Exception? failure)
    {
        if (failure is not null)
        {
            Failed(call, failure);
        }

        call.Activity?.Dispose();
    }

    private async Task<ApiResponse<T>> SendAttemptsAsync<T>(Call call, ResponseMap<T> responses, RequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        Attempt attempt = await AttemptsAsync(call, requestOptions, stream: false, cancellationToken).ConfigureAwait(false);
        using (attempt)
        {
            if (attempt.Status is < 200 or > 299)
            {
                throw responses.Failure(attempt.Failed(call.Request.OperationId, _options.MaxErrorBodyLength));
            }

            ReceivedResponse received = attempt.Received(call.Request.OperationId, _options.MaxErrorBodyLength);
            return new ApiResponse<T>(attempt.Status, Headers(attempt.Response), attempt.RequestId, responses.Success(received)) { RequestUri = attempt.Message.RequestUri };
        }
    }

    /// <summary>
    /// Sends the request, with retries, until an answer is final: a success, or a status the retry rules do not retry
    /// (returned, the caller maps it), or a transport failure (thrown). With <paramref name="stream"/> a success returns as soon
    /// as its headers have arrived, its body unread; any other body is read whole.
    /// </summary>
    private async Task<Attempt> AttemptsAsync(Call call, RequestOptions? requestOptions, bool stream, CancellationToken cancellationToken)
    {
        ClientRequest request = call.Request;
        while (true)
        {
            call.Attempts++;
            var secrets = new List<string>();
            HttpRequestMessage message = await CreateMessageAsync(request, requestOptions, secrets, cancellationToken).ConfigureAwait(false);
            HttpResponseMessage? response = null;
            bool kept = false;
            try
            {
                if (call.Attempts == 1)
                {
                    call.Start(message.RequestUri!);
                }

                bool repeatable = RetryPolicy.IsIdempotent(request.Method) || HasIdempotencyKey(message, request.IdempotencyKeyHeader);
                Log(ClientLogLevel.Debug, 1, "SendingRequest", null, "{OperationId} sending {HttpMethod} {UrlTemplate} to {ServerAddress}, attempt {Attempt}",
                    ClientLogEntry.Value("OperationId", request.OperationId), ClientLogEntry.Value("HttpMethod", request.Method.Method), ClientLogEntry.Value("UrlTemplate", request.UrlTemplate),
                    ClientLogEntry.Value("ServerAddress", call.ServerAddress), ClientLogEntry.Value("Attempt", call.Attempts));
                long started = Stopwatch.GetTimestamp();
                Exception? failure = null;
                byte[] body = Array.Empty<byte>();
                try
                {
                    response = await _httpClient.SendAsync(message, stream ? HttpCompletionOption.ResponseHeadersRead : HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
                    if (_inspect is not null)
                    {
                        await _inspect(response, request.OperationId, cancellationToken).ConfigureAwait(false);
                    }

                    if (response.Content is not null && !(stream && response.IsSuccessStatusCode))
                    {
#if NET8_0_OR_GREATER
                        body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
#else
                        body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
#endif
                    }
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested && (RetryPolicy.IsTransportFailure(ex) || ex is TaskCanceledException))
                {
                    // A transport failure, or the HttpClient's own Timeout for this attempt.
                    failure = ex;
                }

                int status = response is null || failure is not null ? 0 : (int)response.StatusCode;
                string? requestId = response is null ? null : Secrets.Redact(RequestId(response), secrets);
                if (failure is null)
                {
                    Log(ClientLogLevel.Debug, 2, "ResponseReceived", null, "{OperationId} received HTTP {StatusCode} after {ElapsedMilliseconds} ms, request id {RequestId}",
                        ClientLogEntry.Value("OperationId", request.OperationId), ClientLogEntry.Value("StatusCode", status),
                        ClientLogEntry.Value("ElapsedMilliseconds", ElapsedMilliseconds(started)), ClientLogEntry.Value("RequestId", requestId));
                }

                bool retry;
                string reason;
                string errorType;
                if (failure is not null)
                {
                    bool notSent = RetryPolicy.FailedBeforeSending(failure);
                    retry = notSent || repeatable;
                    errorType = failure.GetType().FullName ?? failure.GetType().Name;
                    reason = failure.GetType().Name + (notSent ? " before sending" : string.Empty);
                }
                else
                {
                    retry = status is < 200 or > 299 && RetryPolicy.ShouldRetry(status, repeatable);
                    errorType = status.ToString(CultureInfo.InvariantCulture);
                    reason = "HTTP " + errorType;
                }

                if (retry && call.Attempts <= call.Retry.MaxRetries && (request.Body?.CanSend ?? true))
                {
                    TimeSpan delay = RetryPolicy.Delay(call.Retry, call.Attempts, response?.Headers.RetryAfter, DateTimeOffset.UtcNow);
                    call.Retried(errorType, delay);
                    Log(ClientLogLevel.Warning, 3, "RetryingRequest", null, "{OperationId} will retry in {DelayMilliseconds} ms after {Reason} (retry {Retry} of {MaxRetries})",
                        ClientLogEntry.Value("OperationId", request.OperationId), ClientLogEntry.Value("DelayMilliseconds", (long)delay.TotalMilliseconds),
                        ClientLogEntry.Value("Reason", reason), ClientLogEntry.Value("Retry", call.Attempts), ClientLogEntry.Value("MaxRetries", call.Retry.MaxRetries));
                    response?.Dispose();
                    response = null;
                    message.Dispose();
                    if (delay > TimeSpan.Zero)
                    {
                        await _options.RetryWait(delay, cancellationToken).ConfigureAwait(false);
                    }

                    continue;
                }

                if (failure is not null)
                {
                    ExceptionDispatchInfo.Capture(failure).Throw();
                }

                kept = true;
                return new Attempt(message, response!, status, requestId, body, secrets);
            }
            finally
            {
                if (!kept)
                {
                    response?.Dispose();
                    message.Dispose();
                }
            }
        }
    }

    /// <summary>Builds one attempt's request; <paramref name="secrets"/> gets each credential value it carries, in each form it is sent.</summary>
    private async Task<HttpRequestMessage> CreateMessageAsync(ClientRequest request, RequestOptions? requestOptions, List<string> secrets, CancellationToken cancellationToken)
    {
        IRequestSigner? signer = _options.Signer;
        var url = new StringBuilder(request.Url);
        bool hasQuery = request.HasQuery;
        List<KeyValuePair<CredentialScheme, string>>? credentials = null;
        if (signer is null && request.Credentials is { } schemes)
        {
            foreach (CredentialScheme scheme in schemes)
            {
                if (await scheme.GetAsync(cancellationToken).ConfigureAwait(false) is not { } credential)
                {
                    continue;
                }

                Secrets.Add(secrets, scheme.Kind, credential);
                if (scheme.Kind == CredentialKind.Query)
                {
                    url.Append(hasQuery ? '&' : '?').Append(Uri.EscapeDataString(scheme.Name)).Append('=').Append(Uri.EscapeDataString(credential));
                    hasQuery = true;
                }
                else
                {
                    (credentials ??= new List<KeyValuePair<CredentialScheme, string>>()).Add(new KeyValuePair<CredentialScheme, string>(scheme, credential));
                }
            }
        }

        var message = new HttpRequestMessage(request.Method, new Uri(url.ToString(), UriKind.Absolute));
        try
        {
            message.Headers.TryAddWithoutValidation("Accept", request.Accept);
            foreach (KeyValuePair<string, string> header in request.Headers)
            {
                message.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            foreach (KeyValuePair<CredentialScheme, string> credential in credentials ?? Enumerable.Empty<KeyValuePair<CredentialScheme, string>>())
            {
                string value = credential.Value;
                switch (credential.Key.Kind)
                {
                    case CredentialKind.Bearer:
                        message.Headers.TryAddWithoutValidation("Authorization", "Bearer " + value);
                        break;
                    case CredentialKind.Basic:
                        message.Headers.TryAddWithoutValidation("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(value)));
                        break;
                    default:
                        message.Headers.TryAddWithoutValidation(credential.Key.Name, value);
                        break;
                }
            }

            message.Content = request.Body?.CreateContent(cancellationToken);
            if (requestOptions is not null)
            {
                foreach (KeyValuePair<string, string> header in requestOptions.Headers)
                {
                    SetHeader(message, header.Key, header.Value);
                }
            }

            if (_prepare is not null)
            {
                await _prepare(message, request.OperationId, cancellationToken).ConfigureAwait(false);
            }

            if (signer is not null)
            {
                await signer.SignAsync(message, cancellationToken).ConfigureAwait(false);
            }

            return message;
        }
        catch
        {
            message.Dispose();
            throw;
        }
    }

    private static void SetHeader(HttpRequestMessage message, string name, string value)
    {
        if (value is null || ClientRequest.HasLineBreak(value))
        {
            throw new ArgumentException("The value of the extra header " + name + " is null or contains a line break.", nameof(value));
        }

        message.Headers.Remove(name);
        if (!message.Headers.TryAddWithoutValidation(name, value) && message.Content is not null)
        {
            message.Content.Headers.Remove(name);
            message.Content.Headers.TryAddWithoutValidation(name, value);
        }
    }

    private static bool HasIdempotencyKey(HttpRequestMessage message, string? header) =>
        header is not null && message.Headers.TryGetValues(header, out IEnumerable<string>? values) && values.Any(value => value.Trim().Length > 0);

    private string? RequestId(HttpResponseMessage response) =>
        response.Headers.TryGetValues(_requestIdHeader, out IEnumerable<string>? values) ? string.Join(",", values) : null;

    private static Dictionary<string, IReadOnlyList<string>> Headers(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, IEnumerable<string>> header in response.Headers)
        {
            headers[header.Key] = header.Value.ToArray();
        }

        if (response.Content is not null)
        {
            foreach (KeyValuePair<string, IEnumerable<string>> header in response.Content.Headers)
            {
                headers[header.Key] = header.Value.ToArray();
            }
        }

        return headers;
    }

    private static long ElapsedMilliseconds(long started) => (Stopwatch.GetTimestamp() - started) * 1000 / Stopwatch.Frequency;

    private void Failed(Call call, Exception exception)
    {
        string errorType = exception is ApiException api ? api.StatusCode.ToString(CultureInfo.InvariantCulture) : exception.GetType().FullName ?? exception.GetType().Name;
        if (call.Activity is { } activity)
        {
            if (exception is ApiException failed)
            {
                activity.SetTag("http.response.status_code", failed.StatusCode);
            }

            activity.SetTag("error.type", errorType);
            activity.SetStatus(ActivityStatusCode.Error);
        }

        // An ApiException's message can quote the server's error text; the line keeps to the status, code and request id.
        string reason = exception is ApiException error
            ? "HTTP " + error.StatusCode.ToString(CultureInfo.InvariantCulture) + (error.ErrorCode is null ? string.Empty : " " + error.ErrorCode) + (error.RequestId is null ? string.Empty : ", request id " + error.RequestId)
            : errorType;
        Log(ClientLogLevel.Error, 4, "RequestFailed", exception is ApiException ? null : exception, "{OperationId} failed after {Attempts} attempt(s): {Reason}",
            ClientLogEntry.Value("OperationId", call.Request.OperationId), ClientLogEntry.Value("Attempts", call.Attempts), ClientLogEntry.Value("Reason", reason));
    }

    private void Log(ClientLogLevel level, int eventId, string eventName, Exception? exception, string template, params KeyValuePair<string, object?>[] values)
    {
        if (_log is not null && _log.IsEnabled(level))
        {
            _log.Write(new ClientLogEntry(level, eventId, eventName, exception, template, values));
        }
    }

    /// <summary>The final attempt of a call: its request and response (disposed together unless released) and the body read.</summary>
    private sealed class Attempt : IDisposable
    {
        private readonly List<string> _secrets;
        private bool _released;

        internal Attempt(HttpRequestMessage message, HttpResponseMessage response, int status, string? requestId, byte[] body, List<string> secrets)
        {
            _secrets = secrets;
            Message = message;
            Response = response;
            Status = status;
            RequestId = requestId;
            Body = body;
        }

        internal HttpRequestMessage Message { get; }

        internal HttpResponseMessage Response { get; }

        internal int Status { get; }

        internal string? RequestId { get; }

        internal byte[] Body { get; }

        internal ReceivedResponse Received(string operationId, int maxErrorBodyLength) =>
            new(operationId, Status, Response.ReasonPhrase, RequestId, Response.Content?.Headers.ContentType?.MediaType, Body, maxErrorBodyLength);

        /// <summary>
        /// The answer as an error sees it: a server can echo what it was sent (an invalid key, a URL), so the exception gets
        /// the answer without the credentials this attempt carried.
        /// </summary>
        internal ReceivedResponse Failed(string operationId, int maxErrorBodyLength) =>
            new(operationId, Status, Response.ReasonPhrase, RequestId, Response.Content?.Headers.ContentType?.MediaType, Body, maxErrorBodyLength, _secrets);

        /// <summary>The request and response now belong to someone else (a stream).</summary>
        internal void Release() => _released = true;

        public void Dispose()
        {
            if (!_released)
            {
                Response.Dispose();
                Message.Dispose();
            }
        }
    }

    /// <summary>The state of one call across its attempts.</summary>
    private sealed class Call
    {
        internal Call(ClientRequest request, RetryOptions retry, Activity? activity)
        {
            Request = request;
            Retry = retry;
            Activity = activity;
        }

        internal ClientRequest Request { get; }

        internal RetryOptions Retry { get; }

        internal Activity? Activity { get; }

        internal int Attempts { get; set; }

        internal string? ServerAddress { get; private set; }

        internal void Start(Uri uri)
        {
            ServerAddress = uri.Host;
            if (Activity is { } activity)
            {
                activity.SetTag("http.request.method", Request.Method.Method);
                activity.SetTag("server.address", uri.Host);
                activity.SetTag("server.port", uri.Port);
                activity.SetTag("url.template", Request.UrlTemplate);
            }
        }

        internal void Retried(string errorType, TimeSpan delay)
        {
            if (Activity is { } activity)
            {
                activity.SetTag("http.request.resend_count", Attempts);
                activity.AddEvent(new ActivityEvent("retry", tags: new ActivityTagsCollection
                {
                    ["http.request.resend_count"] = Attempts,
                    ["error.type"] = errorType,
                    ["retry.delay_ms"] = (long)delay.TotalMilliseconds,
                }));
            }
        }
    }
}
