using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace OpenApiSdk.Runtime;

/// <summary>Reads a value whose first token <paramref name="reader"/> is on (a generated reader).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate T ReadJson<out T>(ref Utf8JsonReader reader);

/// <summary>A response as the pipeline received it: what the error mapping needs, never the request.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ReceivedResponse
{
    private static readonly List<string> NoSecrets = new();

    private readonly List<string> _secrets;

    /// <summary><paramref name="secrets"/>: the request's credentials (<see cref="Secrets"/>), masked in everything read from an error response.</summary>
    internal ReceivedResponse(string operationId, int statusCode, string? reasonPhrase, string? requestId, string? mediaType, byte[] body, int maxErrorBodyLength, List<string>? secrets = null)
    {
        _secrets = secrets ?? NoSecrets;
        OperationId = operationId;
        StatusCode = statusCode;
        ReasonPhrase = Secrets.Redact(reasonPhrase, _secrets);
        RequestId = Secrets.Redact(requestId, _secrets);
        MediaType = mediaType;
        Body = Secrets.Redact(body, _secrets);
        MaxErrorBodyLength = maxErrorBodyLength;
    }


    /// <summary>The operation.</summary>
    public string OperationId { get; }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>The reason phrase.</summary>
    public string? ReasonPhrase { get; }

    /// <summary>The request id header.</summary>
    public string? RequestId { get; }

    /// <summary>The media type of the body.</summary>
    public string? MediaType { get; }

    /// <summary>The whole body; empty when there is none.</summary>
    public byte[] Body { get; }

    internal int MaxErrorBodyLength { get; }

    /// <summary>An exception without a parsed error body; <paramref name="detail"/> says what went wrong.</summary>
    public ApiException Error(string? detail)
    {
        string text = BodyText(out bool truncated);
        return new ApiException(OperationId, StatusCode, ReasonPhrase, RequestId, null, null, text, truncated, detail);
    }

    /// <summary>An exception carrying the parsed error body.</summary>
    public ApiException<TError> Error<TError>(TError error, string? errorCode, string? errorMessage)
        where TError : class
    {
        string text = BodyText(out bool truncated);
        // The body's JSON may spell a secret with escapes (\u002B); the decoded code and message are masked again.
        return new ApiException<TError>(OperationId, StatusCode, ReasonPhrase, RequestId, Secrets.Redact(errorCode, _secrets), Secrets.Redact(errorMessage, _secrets), text, truncated, error);
    }

    /// <summary>Why the body is not what was expected: empty, not the declared JSON, or undeclared for this status.</summary>
    public string Describe(bool declared)
    {
        if (Body.Length == 0)
        {
            return "the response body is empty";
        }

        string size = Body.Length.ToString(CultureInfo.InvariantCulture) + " bytes, " + (MediaType ?? "no content type");
        return declared ? "the response body is not the declared JSON (" + size + ")" : "the spec declares no body for this status (" + size + ")";
    }

    /// <summary>Reads the whole body as one JSON value with a generated reader; false (never an exception) when it is not one.</summary>
    public bool TryRead<T>(ReadJson<T> read, out T value)
    {
        try
        {
            var reader = new Utf8JsonReader(Body);
            if (reader.Read())
            {
                value = read(ref reader);
                if (!reader.Read())
                {
                    return true;
                }
            }
        }
        catch (JsonException)
        {
        }
        catch (InvalidOperationException)
        {
        }
        catch (FormatException)
        {
        }

        value = default!;
        return false;
    }

    private string BodyText(out bool truncated)
    {
        int limit = Math.Max(0, MaxErrorBodyLength);
        int bytes = (int)Math.Min(Body.Length, (long)limit * 4);
        string text = Encoding.UTF8.GetString(Body, 0, bytes);
        truncated = bytes < Body.Length || text.Length > limit;
        return text.Length > limit ? text.Substring(0, limit) : text;
    }
}

/// <summary>Creates the response table of an operation (<see cref="ResponseMap{T}"/>).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ResponseMap
{
    /// <summary>A success body read as JSON with a generated reader; a body that is not that JSON throws ApiException.</summary>
    public static ResponseMap<T> Json<T>(ReadJson<T> read) =>
        new(response => response.TryRead(read, out T value) ? value : throw response.Error(response.Describe(true)));

    /// <summary>
    /// A success body read as JSON, or null when the body is empty: a long-running operation that the service accepts with a
    /// 202 (or 201) and no body, where its other success statuses carry the resource.
    /// </summary>
    public static ResponseMap<T?> JsonOrEmpty<T>(ReadJson<T> read)
        where T : class =>
        new(response => response.Body.Length == 0 ? null : response.TryRead(read, out T value) ? value : throw response.Error(response.Describe(true)));

    /// <summary>A success body returned as its bytes.</summary>
    public static ResponseMap<byte[]> Bytes() => new(response => response.Body);

    /// <summary>A success whose body (the spec declares none) is not read.</summary>
    public static ResponseMap<object?> NoBody() => new(_ => null);
}

/// <summary>
/// What an operation's responses mean, generated once per operation: how a success body is read (any 2xx), and for each
/// error status the spec declares (exact codes first, then ranges such as 4XX, then default) the body type it is read
/// as. A status the spec does not declare is tried as the operation's one error type, if it has exactly one.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ResponseMap<T>
{
    private readonly Func<ReceivedResponse, T> _success;
    private readonly List<KeyValuePair<string, Func<ReceivedResponse, ApiException>>> _errors = new();
    private Func<ReceivedResponse, ApiException?>? _undeclared;

    internal ResponseMap(Func<ReceivedResponse, T> success)
    {
        _success = success;
    }

    /// <summary>A declared error status whose body is read as <typeparamref name="TError"/>, with the properties holding its code and message.</summary>
    public ResponseMap<T> Error<TError>(string status, ReadJson<TError> read, Func<TError, string?>? code = null, Func<TError, string?>? message = null)
        where TError : class
    {
        _errors.Add(new KeyValuePair<string, Func<ReceivedResponse, ApiException>>(status, response => ReadError(response, read, code, message) ?? response.Error(response.Describe(true))));
        return this;
    }

    /// <summary>A declared error status whose body is a JSON value that is not an object (kept only as text).</summary>
    public ResponseMap<T> ErrorValue<TValue>(string status, ReadJson<TValue> read)
    {
        _errors.Add(new KeyValuePair<string, Func<ReceivedResponse, ApiException>>(status, response => response.Error(response.TryRead(read, out _) ? null : response.Describe(true))));
        return this;
    }

    /// <summary>A declared error status without a body.</summary>
    public ResponseMap<T> Error(string status)
    {
        _errors.Add(new KeyValuePair<string, Func<ReceivedResponse, ApiException>>(status, response => response.Error(response.Describe(false))));
        return this;
    }

    /// <summary>
    /// For a status the spec does not declare: services answer 401, 404, 429 ... with the same error body as the documented
    /// ones, so the operation's one error type is tried (and only kept if it parses).
    /// </summary>
    public ResponseMap<T> Undeclared<TError>(ReadJson<TError> read, Func<TError, string?>? code = null, Func<TError, string?>? message = null)
        where TError : class
    {
        _undeclared = response => ReadError(response, read, code, message);
        return this;
    }

    /// <summary>The typed value of a 2xx response.</summary>
    internal T Success(ReceivedResponse response) => _success(response);

    /// <summary>The exception for any other status.</summary>
    internal ApiException Failure(ReceivedResponse response)
    {
        int status = response.StatusCode;
        Func<ReceivedResponse, ApiException>? range = null;
        Func<ReceivedResponse, ApiException>? fallback = null;
        foreach (KeyValuePair<string, Func<ReceivedResponse, ApiException>> entry in _errors)
        {
            string key = entry.Key;
            if (key == "default")
            {
                fallback ??= entry.Value;
            }
            else if (key.Length == 3 && (key[1] == 'X' || key[1] == 'x'))
            {
                if (range is null && key[0] - '0' == status / 100)
                {
                    range = entry.Value;
                }
            }
            else if (key == status.ToString(CultureInfo.InvariantCulture))
            {
                return entry.Value(response);
            }
        }

        if ((range ?? fallback) is { } declared)
        {
            return declared(response);
        }

        return _undeclared?.Invoke(response) ?? response.Error(response.Describe(false));
    }

    private static ApiException<TError>? ReadError<TError>(ReceivedResponse response, ReadJson<TError> read, Func<TError, string?>? code, Func<TError, string?>? message)
        where TError : class =>
        response.TryRead(read, out TError error) ? response.Error(error, code?.Invoke(error), message?.Invoke(error)) : null;
}
