using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using OpenApiSdk.Signing;
using Xunit;
using A = Avatars.Sdk;
using U = Uploads.Sdk;

namespace OpenApiSdk.ClientTests;

/// <summary>
/// multipart/form-data uploads on retry (PACKAGE-README.md, "Retries": each attempt is built anew, a FileContent stream
/// is rewound, one that cannot seek is sent once): a 503 or 429 resends the same parts, a seekable stream from where it
/// started; a stream that cannot seek goes out once and the server's answer surfaces.
/// </summary>
public sealed class UploadRetryWireTests : IAsyncLifetime
{
    private static readonly byte[] Photo = { 0xFF, 0xD8, 0x01, 0x02, 0x03, 0xFF, 0xD9 };

    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private A.AvatarsClient Avatars(HttpClient http) => new(http, new A.AvatarsClientOptions { BaseAddress = _server.BaseAddress, Retry = RetryWireTests.Fast() });

    private static Reply Status(int status) => new(status, "{}");

    [Fact]
    public async Task A_seekable_stream_is_rewound_to_where_it_started_and_sent_again_after_a_503()
    {
        _server.AnswerInTurn(Status(503), Status(503), new Reply(204, string.Empty, ContentType: null));
        using HttpClient http = _server.CreateHttpClient();
        using var stream = new MemoryStream(Photo);
        stream.Position = 2; // the file is what follows the position the caller left

        await Avatars(http).UploadAlbumAsync(new[] { new FileContent(stream, "p.jpg") });

        Assert.Equal(3, _server.Requests.Count);
        foreach (ReceivedRequest request in _server.Requests)
        {
            MultipartWireTests.Part part = Assert.Single(await MultipartWireTests.PartsOf(request));
            Assert.Equal(("photos", "p.jpg"), (part.Name, part.FileName));
            Assert.Equal(Photo[2..], part.Body);
        }
    }

    [Fact]
    public async Task A_multipart_body_answered_429_is_sent_again_with_the_same_fields_and_files()
    {
        _server.AnswerInTurn(Status(429), new Reply(201, "{\"id\":\"doc_1\"}"));
        using HttpClient http = _server.CreateHttpClient();
        using var attachment = new MemoryStream(Photo);
        var client = new U.UploadsClient(http, new U.UploadsClientOptions { BaseAddress = _server.BaseAddress, Retry = RetryWireTests.Fast() });

        U.Receipt receipt = await client.UploadDocumentAsync(new U.UploadDocumentRequest { Title = "t" }, new FileContent(new byte[] { 1, 2 }, "f.pdf"), new[] { new FileContent(attachment, "a.bin") });

        Assert.Equal("doc_1", receipt.Id);
        ReceivedRequest[] requests = _server.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        var first = (await MultipartWireTests.PartsOf(requests[0])).Select(p => (p.Name, p.FileName, p.Text)).ToArray();
        var second = (await MultipartWireTests.PartsOf(requests[1])).Select(p => (p.Name, p.FileName, p.Text)).ToArray();
        Assert.Equal(new[] { "title", "file", "attachments" }, first.Select(p => p.Name));
        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData(503)] // retried for any method, were the body repeatable
    [InlineData(500)] // retried for a PUT, were the body repeatable
    public async Task A_stream_that_cannot_seek_is_sent_once_and_the_answer_surfaces(int status)
    {
        _server.AnswerInTurn(Status(status), new Reply(204, string.Empty, ContentType: null));
        using HttpClient http = _server.CreateHttpClient();
        using var stream = new ForwardOnlyStream(Photo);

        ApiException ex = await Assert.ThrowsAnyAsync<ApiException>(() => Avatars(http).PutAvatarAsync("u1", image: new FileContent(stream, "me.png")));

        Assert.Equal(status, ex.StatusCode);
        ReceivedRequest request = Assert.Single(_server.Requests);
        Assert.Equal(Photo, Assert.Single(await MultipartWireTests.PartsOf(request)).Body);
    }

    [Fact]
    public async Task A_signed_file_stream_that_cannot_seek_is_not_read_to_sign_it_and_one_that_can_is_hashed()
    {
        _server.Answer(new Reply(204, string.Empty, ContentType: null));
        using HttpClient http = _server.CreateHttpClient();
        var client = new A.AvatarsClient(http, new A.AvatarsClientOptions { BaseAddress = _server.BaseAddress, Signer = SigningWireTests.Signer() });

        await client.PutAvatarAsync("u1", image: new FileContent(new ForwardOnlyStream(Photo), "me.png"));
        await client.PutAvatarAsync("u2", image: new FileContent(new MemoryStream(Photo), "me.png"));

        ReceivedRequest[] requests = _server.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        Assert.All(requests, request =>
        {
            AkSkVerification verification = SigningWireTests.Verify(request);
            Assert.True(verification.IsValid, verification.ToString());
        });

        // A body of unknown length is sent as it is read (the signer would have to read it all first to hash it).
        Assert.Equal("UNSIGNED-PAYLOAD", requests[0].Headers["X-Sdk-Content-Sha256"]);
        Assert.Contains("x-sdk-content-sha256", requests[0].Headers["Authorization"], StringComparison.Ordinal);
        Assert.Equal(Photo, Assert.Single(await MultipartWireTests.PartsOf(requests[0])).Body);
        Assert.False(requests[1].Headers.ContainsKey("X-Sdk-Content-Sha256"));
        Assert.Equal(Photo, Assert.Single(await MultipartWireTests.PartsOf(requests[1])).Body);
    }

    /// <summary>A stream read front to back once, as from a network socket or a pipe.</summary>
    private sealed class ForwardOnlyStream : Stream
    {
        private readonly MemoryStream _inner;

        public ForwardOnlyStream(byte[] content) => _inner = new MemoryStream(content);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
