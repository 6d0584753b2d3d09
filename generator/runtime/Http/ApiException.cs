using System;
using System.Globalization;
using System.Text;

namespace OpenApiSdk;

/// <summary>
/// An API call that did not succeed: the service answered a status the operation does not document as success,
/// or a body that is not the declared JSON. Carries the status, the error code and message of a parsed error body,
/// the request id, and the start of the raw body. Never contains credentials or request values.
/// </summary>
public class ApiException : Exception
{
    /// <summary>Creates the exception; <paramref name="detail"/> says what went wrong when there is no error body.</summary>
    public ApiException(string operationId, int statusCode, string? reasonPhrase, string? requestId, string? errorCode, string? errorMessage, string? responseBody, bool responseBodyTruncated, string? detail, Exception? innerException = null)
        : base(Describe(operationId, statusCode, reasonPhrase, requestId, errorCode, errorMessage, detail), innerException)
    {
        OperationId = operationId;
        StatusCode = statusCode;
        ReasonPhrase = reasonPhrase;
        RequestId = requestId;
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
        ResponseBody = responseBody;
        ResponseBodyTruncated = responseBodyTruncated;
    }

    /// <summary>The operation that failed (its <c>operationId</c>).</summary>
    public string OperationId { get; }

    /// <summary>The HTTP status code of the response.</summary>
    public int StatusCode { get; }

    /// <summary>The HTTP reason phrase, if the server sent one.</summary>
    public string? ReasonPhrase { get; }

    /// <summary>The request id header of the response (for example <c>X-Request-Id</c>), for support requests.</summary>
    public string? RequestId { get; }

    /// <summary>The error code of the parsed error body (for example <c>error_code</c>), when there is one.</summary>
    public string? ErrorCode { get; }

    /// <summary>The error message of the parsed error body (for example <c>error_msg</c>), when there is one.</summary>
    public string? ErrorMessage { get; }

    /// <summary>The response body as text, cut at the client's <c>MaxErrorBodyLength</c>; empty when there was none.</summary>
    public string? ResponseBody { get; }

    /// <summary>True when <see cref="ResponseBody"/> was cut.</summary>
    public bool ResponseBodyTruncated { get; }

    private static string Describe(string operationId, int statusCode, string? reasonPhrase, string? requestId, string? errorCode, string? errorMessage, string? detail)
    {
        var text = new StringBuilder(operationId).Append(" failed with HTTP ").Append(statusCode.ToString(CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(reasonPhrase))
        {
            text.Append(' ').Append(Cut(reasonPhrase!, 100));
        }

        if (errorCode is not null || errorMessage is not null)
        {
            text.Append(": ").Append(Cut(errorCode ?? string.Empty, 100));
            if (errorMessage is not null)
            {
                text.Append(errorCode is null ? string.Empty : " ").Append(Cut(errorMessage, 500));
            }
        }
        else if (detail is not null)
        {
            text.Append(": ").Append(detail);
        }

        if (!string.IsNullOrEmpty(requestId))
        {
            text.Append(" (request id ").Append(Cut(requestId!, 100)).Append(')');
        }

        return text.ToString();
    }

    private static string Cut(string value, int length)
    {
        var builder = new StringBuilder(Math.Min(value.Length, length + 3));
        foreach (char c in value)
        {
            if (builder.Length == length)
            {
                return builder.Append("...").ToString();
            }

            builder.Append(char.IsControl(c) ? ' ' : c);
        }

        return builder.ToString();
    }
}

/// <summary>An <see cref="ApiException"/> whose body was read as the error type the spec declares for its status.</summary>
public sealed class ApiException<TError> : ApiException
    where TError : class
{
    /// <summary>Creates the exception with the parsed error body.</summary>
    public ApiException(string operationId, int statusCode, string? reasonPhrase, string? requestId, string? errorCode, string? errorMessage, string? responseBody, bool responseBodyTruncated, TError error)
        : base(operationId, statusCode, reasonPhrase, requestId, errorCode, errorMessage, responseBody, responseBodyTruncated, null)
    {
        Error = error;
    }

    /// <summary>The parsed error body.</summary>
    public TError Error { get; }
}
