using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;

namespace OpenApiSdk;

/// <summary>
/// A file sent as one part of a multipart/form-data request: its content (bytes, or a stream read when the request is
/// sent), its file name and its media type.
/// </summary>
public sealed class FileContent
{
    private readonly Stream? _stream;
    private readonly byte[]? _bytes;
    private long _start = -1;
    private bool _read;

    /// <summary>
    /// A file whose content is read from <paramref name="content"/>, from its current position, when the request is sent.
    /// The stream is not disposed (the caller owns it). A stream that can seek is rewound for a retry; one that cannot is
    /// sent once, so a call with it is not retried after its body went out.
    /// </summary>
    public FileContent(Stream content, string fileName, string? contentType = null)
    {
        _stream = content ?? throw new ArgumentNullException(nameof(content));
        FileName = fileName ?? throw new ArgumentNullException(nameof(fileName));
        ContentType = CheckContentType(contentType);
    }

    /// <summary>A file whose content is these bytes.</summary>
    public FileContent(byte[] content, string fileName, string? contentType = null)
    {
        _bytes = content ?? throw new ArgumentNullException(nameof(content));
        FileName = fileName ?? throw new ArgumentNullException(nameof(fileName));
        ContentType = CheckContentType(contentType);
    }

    /// <summary>The file name sent in the part's Content-Disposition: as filename (quotes and control characters percent-encoded) and, exactly, as filename* (RFC 6266).</summary>
    public string FileName { get; }

    /// <summary>The media type sent as the part's Content-Type (image/png); when null, the spec's default for the part (application/octet-stream unless its encoding or contentMediaType says otherwise).</summary>
    public string? ContentType { get; }

    /// <summary>True while the content can be sent (again): bytes, a stream that can seek, or one not read yet.</summary>
    internal bool CanSend => _bytes is not null || _stream!.CanSeek || !_read;

    /// <summary>The file name.</summary>
    public override string ToString() => FileName;

    internal HttpContent CreateContent() => _bytes is not null ? new ByteArrayContent(_bytes) : new FileStreamContent(this);

    private static string? CheckContentType(string? contentType)
    {
        if (contentType is not null && !MediaTypeHeaderValue.TryParse(contentType, out _))
        {
            throw new ArgumentException("The content type is not a valid media type.", nameof(contentType));
        }

        return contentType;
    }

    /// <summary>The caller's stream as content: copied when the request is sent, rewound to where it started for a retry, never disposed.</summary>
    private sealed class FileStreamContent : HttpContent
    {
        private readonly FileContent _file;

        internal FileStreamContent(FileContent file)
        {
            _file = file;
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            Stream source = _file._stream!;
            if (source.CanSeek)
            {
                if (_file._start < 0)
                {
                    _file._start = source.Position;
                }
                else
                {
                    source.Position = _file._start;
                }
            }
            else if (_file._read)
            {
                throw new InvalidOperationException("The file " + _file.FileName + " is a stream that cannot seek and was sent already.");
            }

            _file._read = true;
            return source.CopyToAsync(stream);
        }

        protected override bool TryComputeLength(out long length)
        {
            Stream source = _file._stream!;
            if (source.CanSeek)
            {
                length = source.Length - (_file._start < 0 ? source.Position : _file._start);
                return true;
            }

            length = 0;
            return false;
        }
    }
}
