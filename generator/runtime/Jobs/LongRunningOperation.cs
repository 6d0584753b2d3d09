using System;
using System.ComponentModel;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace OpenApiSdk.Runtime;

/// <summary>Where the result of a long-running operation is read once it succeeds (AutoRest's <c>final-state-via</c>).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum LongRunningFinalState
{
    /// <summary>Not declared: PUT and PATCH read the original URL, POST the initial <c>Location</c>, others the last poll.</summary>
    Default,

    /// <summary>The last answer of the <c>Azure-AsyncOperation</c> URL; no final GET.</summary>
    AzureAsyncOperation,

    /// <summary>A final GET of the initial response's <c>Location</c>, when it had one.</summary>
    Location,

    /// <summary>A final GET of the URL the operation was sent to.</summary>
    OriginalUri,

    /// <summary>The last answer of the <c>Operation-Location</c> URL; no final GET.</summary>
    OperationLocation,
}

/// <summary>
/// The loop behind the generated <c>WaitFor{Operation}Async</c> methods of operations marked
/// <c>x-ms-long-running-operation</c>: Azure's asynchronous operation pattern (the Azure REST API guidelines and the
/// Azure Resource Manager RPC's "Asynchronous operations"). The initial response names the status monitor in
/// <c>Azure-AsyncOperation</c>, else <c>Operation-Location</c>, else <c>Location</c>; a PUT or PATCH with none of them is
/// followed through the resource's own <c>properties.provisioningState</c>. Polling goes on until the status is
/// <c>Succeeded</c>, <c>Failed</c> or <c>Canceled</c> (compared case-insensitively); the result is then read where
/// <see cref="LongRunningFinalState"/> says.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class LongRunningOperation
{
    private enum Monitor
    {
        None,
        AzureAsyncOperation,
        OperationLocation,
        Location,
        Resource,
    }

    /// <summary>
    /// Polls the operation <paramref name="started"/> began until it ends; returns its result (null when it has none), or
    /// throws <see cref="JobFailedException"/> when it failed or was cancelled. Every wait before a poll is the service's
    /// <c>Retry-After</c> (capped by <see cref="WaitOptions.MaxPollInterval"/>), else <see cref="WaitOptions.PollInterval"/>.
    /// </summary>
    /// <param name="operationId">The operation, for messages.</param>
    /// <param name="method">The HTTP method of the operation (it decides the default final state and whether the resource is polled).</param>
    /// <param name="started">The operation's initial response.</param>
    /// <param name="startedValue">The initial response's body, the result when there is nothing to poll.</param>
    /// <param name="finalState">Where the result is read once the operation succeeded.</param>
    /// <param name="get">Sends a GET to a URL the service gave (or the operation's own), with the client's credentials.</param>
    /// <param name="read">Reads the result from a JSON body; null when the operation has no result.</param>
    /// <param name="options">The poll interval and the overall timeout; null uses the defaults.</param>
    /// <param name="cancellationToken">Cancels the wait and the poll under way.</param>
    /// <exception cref="JobFailedException">The operation ended Failed or Canceled.</exception>
    /// <exception cref="JobTimeoutException">The options' timeout passed first.</exception>
    /// <exception cref="InvalidOperationException">A status monitor answered without a status.</exception>
    public static async Task<T?> WaitAsync<T>(
        string operationId,
        string method,
        ApiResponse started,
        T? startedValue,
        LongRunningFinalState finalState,
        Func<string, CancellationToken, Task<ApiResponse<byte[]>>> get,
        ReadJson<T>? read,
        WaitOptions? options,
        CancellationToken cancellationToken)
        where T : class
    {
        Guard.NotNull(started, nameof(started));
        Guard.NotNull(get, nameof(get));
        options ??= new WaitOptions();
        if (options.PollInterval < TimeSpan.Zero || options.Timeout < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "The poll interval and the timeout cannot be negative.");
        }

        bool resourceMethod = string.Equals(method, "PUT", StringComparison.OrdinalIgnoreCase) || string.Equals(method, "PATCH", StringComparison.OrdinalIgnoreCase);
        string? originalUri = started.RequestUri?.AbsoluteUri;
        string? location = started.Header("Location");
        (Monitor monitor, string? pollUri) = started.Header("Azure-AsyncOperation") is { Length: > 0 } asyncOperation ? (Monitor.AzureAsyncOperation, asyncOperation)
            : started.Header("Operation-Location") is { Length: > 0 } operationLocation ? (Monitor.OperationLocation, operationLocation)
            : location is { Length: > 0 } ? (Monitor.Location, location)
            : resourceMethod && started.StatusCode != 204 && originalUri is not null ? (Monitor.Resource, originalUri)
            : (Monitor.None, null);
        if (monitor == Monitor.None)
        {
            return startedValue; // the service finished it in the initial response
        }

        using var timeout = new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        if (options.Timeout is { } limit)
        {
            timeout.CancelAfter(limit);
        }

        string? lastStatus = null;
        TimeSpan? retryAfter = JobPoller.RetryAfter(started, DateTimeOffset.UtcNow);
        try
        {
            while (true)
            {
                await Task.Delay(JobPoller.NextDelay(options, retryAfter), linked.Token).ConfigureAwait(false);
                ApiResponse<byte[]> poll = await get(pollUri!, linked.Token).ConfigureAwait(false);
                retryAfter = JobPoller.RetryAfter(poll, DateTimeOffset.UtcNow);
                string status = Status(monitor, poll, operationId);
                lastStatus = status;
                if (IsStatus(status, "Failed") || IsStatus(status, "Canceled") || IsStatus(status, "Cancelled"))
                {
                    throw new JobFailedException(operationId, status, ErrorMessage(poll.Value));
                }

                if (!IsStatus(status, "Succeeded"))
                {
                    // A status monitor may move; the latest header wins.
                    pollUri = monitor switch
                    {
                        Monitor.AzureAsyncOperation => poll.Header("Azure-AsyncOperation") ?? pollUri,
                        Monitor.OperationLocation => poll.Header("Operation-Location") ?? pollUri,
                        Monitor.Location => poll.Header("Location") ?? pollUri,
                        _ => pollUri,
                    };
                    continue;
                }

                if (read is null)
                {
                    return null;
                }

                string? finalUri = finalState switch
                {
                    LongRunningFinalState.AzureAsyncOperation or LongRunningFinalState.OperationLocation => null,
                    LongRunningFinalState.Location => location ?? (resourceMethod ? originalUri : null),
                    LongRunningFinalState.OriginalUri => originalUri,
                    _ => resourceMethod ? originalUri : string.Equals(method, "POST", StringComparison.OrdinalIgnoreCase) ? location : null,
                };

                // Polling the resource (or the Location that the result is read from) already fetched the result.
                bool lastIsResult = monitor == Monitor.Resource || (monitor == Monitor.Location && (finalUri is null || finalUri == location));
                if (lastIsResult || finalUri is null)
                {
                    return poll.Value.Length > 0 ? Read(poll.Value, read, operationId) : startedValue;
                }

                ApiResponse<byte[]> final = await get(finalUri, linked.Token).ConfigureAwait(false);
                return Read(final.Value, read, operationId);
            }
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new JobTimeoutException(operationId, options.Timeout ?? TimeSpan.Zero, lastStatus, ex);
        }
    }

    /// <summary>The status a poll reports: a status monitor's <c>status</c>; for <c>Location</c>, 202 is running and any other success is done; a resource's <c>properties.provisioningState</c> (absent: done).</summary>
    private static string Status(Monitor monitor, ApiResponse<byte[]> poll, string operationId)
    {
        switch (monitor)
        {
            case Monitor.Location:
                return poll.StatusCode == 202 ? "InProgress" : "Succeeded";
            case Monitor.Resource:
                return poll.StatusCode == 202 ? "InProgress" : Member(poll.Value, "properties", "provisioningState") ?? "Succeeded";
            default:
                return Member(poll.Value, "status", null)
                    ?? throw new InvalidOperationException(operationId + ": the status monitor answered without a 'status', so the operation's state is unknown.");
        }
    }

    private static bool IsStatus(string status, string terminal) => string.Equals(status, terminal, StringComparison.OrdinalIgnoreCase);

    /// <summary>The <c>error.message</c> (else <c>error.code</c>) of a failed operation's status, as Azure's error shape has it.</summary>
    private static string? ErrorMessage(byte[] body) => Member(body, "error", "message") ?? Member(body, "error", "code");

    /// <summary>A string member of a JSON object body (<paramref name="name"/>, or <paramref name="nested"/> inside it); null when absent or not JSON.</summary>
    private static string? Member(byte[] body, string name, string? nested)
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty(name, out JsonElement value))
            {
                return null;
            }

            if (nested is not null)
            {
                if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(nested, out value))
                {
                    return null;
                }
            }

            return value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static T? Read<T>(byte[] body, ReadJson<T> read, string operationId)
        where T : class
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(body);
            if (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                return read(ref reader);
            }
        }
        catch (JsonException)
        {
        }

        throw new InvalidOperationException(operationId + ": the operation succeeded, but its result is not the declared JSON object.");
    }
}
