using System;
using System.Text.Json;
using OpenApiSdk.Runtime.Streaming;

namespace OpenApiSdk.Runtime;

/// <summary>
/// The JSON of a value that is checked as JSON (a model's or a request value's, see <see cref="Validation.ModelJson"/>),
/// written into a buffer and writer kept per thread and parsed: a check allocates only the parsed document. The document
/// reads the buffer in place, so a second check that starts while one is open (nothing does today) gets a buffer of its own.
/// </summary>
internal sealed class ScratchJson : IDisposable
{
    private const int LargestKept = 1 << 20;

    [ThreadStatic]
    private static ScratchJson? t_free;

    private readonly PooledBytes _bytes = new();
    private readonly Utf8JsonWriter _writer;
    private JsonDocument? _document;

    private ScratchJson() => _writer = new Utf8JsonWriter(_bytes);

    /// <summary>A cleared buffer and its writer, the thread's own when it is free.</summary>
    internal static ScratchJson Rent()
    {
        ScratchJson scratch = t_free ?? new ScratchJson();
        t_free = null;
        scratch._bytes.Clear();
        scratch._writer.Reset(scratch._bytes);
        return scratch;
    }

    internal Utf8JsonWriter Writer => _writer;

    /// <summary>What was written, parsed; valid until this is disposed.</summary>
    internal JsonElement Parse()
    {
        _writer.Flush();
        _document = JsonDocument.Parse(_bytes.Memory);
        return _document.RootElement;
    }

    /// <summary>Ends the document and gives the buffer back to the thread (one that grew past 1 MB goes back to the pool).</summary>
    public void Dispose()
    {
        _document?.Dispose();
        _document = null;
        if (_bytes.Length > LargestKept)
        {
            _bytes.Dispose();
        }

        t_free = this;
    }
}
