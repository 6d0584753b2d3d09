using System;
using System.Collections.Generic;

namespace OpenApiSdk;

/// <summary>The HTTP side of a successful call: status, headers and request id (from the <c>WithResponseAsync</c> form of an operation).</summary>
public class ApiResponse
{
    /// <summary>Creates the response.</summary>
    public ApiResponse(int statusCode, IReadOnlyDictionary<string, IReadOnlyList<string>> headers, string? requestId)
    {
        StatusCode = statusCode;
        Headers = headers ?? throw new ArgumentNullException(nameof(headers));
        RequestId = requestId;
    }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>The response and content headers, by name (case-insensitive).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    /// <summary>The request id header of the response (for example <c>X-Request-Id</c>), for support requests.</summary>
    public string? RequestId { get; }

    /// <summary>The URL the request that got this response was sent to (after retries, the last attempt's); null for a response not made by the client.</summary>
    public Uri? RequestUri { get; internal set; }

    /// <summary>The values of a header joined with ", ", or null when the response has none.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out IReadOnlyList<string>? values) ? string.Join(", ", values) : null;
}

/// <summary>A successful call's typed body with its status, headers and request id.</summary>
public sealed class ApiResponse<T> : ApiResponse
{
    /// <summary>Creates the response.</summary>
    public ApiResponse(int statusCode, IReadOnlyDictionary<string, IReadOnlyList<string>> headers, string? requestId, T value)
        : base(statusCode, headers, requestId)
    {
        Value = value;
    }

    /// <summary>The response body, as the plain form of the operation returns it.</summary>
    public T Value { get; }
}
