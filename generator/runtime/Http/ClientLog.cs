using System;
using System.Collections;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text;

namespace OpenApiSdk.Runtime;

/// <summary>
/// Where <see cref="ClientPipeline"/> writes its log lines. The runtime does not depend on Microsoft.Extensions.Logging:
/// a generated client whose project references it implements this over its options' <c>ILogger</c>, with the same
/// level numbers (<see cref="ClientLogLevel"/>) and entries that are structured state (<see cref="ClientLogEntry"/>).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IClientLog
{
    /// <summary>True when entries of <paramref name="level"/> are written.</summary>
    bool IsEnabled(ClientLogLevel level);

    /// <summary>Writes one entry.</summary>
    void Write(ClientLogEntry entry);
}

/// <summary>Log levels, numbered as Microsoft.Extensions.Logging.LogLevel.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum ClientLogLevel
{
    /// <summary>An attempt is sent, a response arrived.</summary>
    Debug = 1,

    /// <summary>Not used by the pipeline.</summary>
    Information = 2,

    /// <summary>A retry.</summary>
    Warning = 3,

    /// <summary>A call failed.</summary>
    Error = 4,
}

/// <summary>
/// One log line: an event id and name, a message template with named values (as structured-logging providers read
/// them: the values, then <c>{OriginalFormat}</c>), and the exception of a failed call. Values are operation ids,
/// methods, URL templates, hosts, status codes, times and request ids: never a header, a body, a query or a credential.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ClientLogEntry : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly string _template;
    private readonly KeyValuePair<string, object?>[] _values;

    internal ClientLogEntry(ClientLogLevel level, int eventId, string eventName, Exception? exception, string template, params KeyValuePair<string, object?>[] values)
    {
        Level = level;
        EventId = eventId;
        EventName = eventName;
        Exception = exception;
        _template = template;
        _values = values;
        Message = Format(template, values);
    }

    /// <summary>Formats an entry (the formatter argument of ILogger.Log).</summary>
    public static Func<ClientLogEntry, Exception?, string> Formatter { get; } = (entry, _) => entry.Message;

    /// <summary>The level.</summary>
    public ClientLogLevel Level { get; }

    /// <summary>The event id: 1 sending, 2 response, 3 retrying, 4 failed.</summary>
    public int EventId { get; }

    /// <summary>The event name.</summary>
    public string EventName { get; }

    /// <summary>The failure, for a failed call that threw.</summary>
    public Exception? Exception { get; }

    /// <summary>The formatted message.</summary>
    public string Message { get; }

    /// <inheritdoc/>
    public int Count => _values.Length + 1;

    /// <inheritdoc/>
    public KeyValuePair<string, object?> this[int index] =>
        index == _values.Length ? new KeyValuePair<string, object?>("{OriginalFormat}", _template) : _values[index];

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (int i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The message.</summary>
    public override string ToString() => Message;

    internal static KeyValuePair<string, object?> Value(string name, object? value) => new(name, value);

    private static string Format(string template, KeyValuePair<string, object?>[] values)
    {
        var text = new StringBuilder(template.Length + 32);
        int position = 0;
        while (position < template.Length)
        {
            int open = template.IndexOf('{', position);
            int close = open < 0 ? -1 : template.IndexOf('}', open);
            if (open < 0 || close < 0)
            {
                text.Append(template, position, template.Length - position);
                break;
            }

            text.Append(template, position, open - position);
            string name = template.Substring(open + 1, close - open - 1);
            object? value = Array.Find(values, pair => pair.Key == name).Value;
            text.Append(value is IFormattable formattable ? formattable.ToString(null, CultureInfo.InvariantCulture) : value?.ToString() ?? "-");
            position = close + 1;
        }

        return text.ToString();
    }
}
