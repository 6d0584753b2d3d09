using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Xunit;
using A = Avatars.Sdk;
using U = Uploads.Sdk;

namespace OpenApiSdk.ClientTests;

/// <summary>
/// multipart/form-data bodies (Specs/uploads.yaml, Specs/avatars.yaml) as Kestrel receives them, parsed with
/// ASP.NET Core's MultipartReader: part names, content types, file names, bytes and text.
/// </summary>
public sealed class MultipartWireTests : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private U.UploadsClient Uploads(HttpClient http) => new(http, new U.UploadsClientOptions { BaseAddress = _server.BaseAddress });

    private A.AvatarsClient Avatars(HttpClient http) => new(http, new A.AvatarsClientOptions { BaseAddress = _server.BaseAddress });

    private static Reply Receipt() => new(201, "{\"id\":\"doc_1\"}");

    private static U.UploadDocumentRequest Document() => new()
    {
        Title = "Q3 report",
        Pages = 12,
        Ratio = 1.5,
        Draft = true,
        Created = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
        Tags = new List<string> { "a b", "grüße" },
        Meta = new U.Meta { Author = "Ann", Year = 2026 },
        Notes = "# Notes",
        OddName = "odd",
    };

    [Fact]
    public async Task Every_kind_of_part_arrives_with_its_name_content_type_and_value()
    {
        _server.Answer(Receipt());
        using HttpClient http = _server.CreateHttpClient();
        byte[] pdf = { 0x25, 0x50, 0x44, 0x46, 0x00, 0xFF, 0x0D, 0x0A };
        using var attachment = new MemoryStream(new byte[] { 1, 2, 3 });

        CultureInfo culture = CultureInfo.CurrentCulture;
        U.Receipt receipt;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE"); // a decimal comma must not reach the wire
            receipt = await Uploads(http).UploadDocumentAsync(
                Document(),
                new FileContent(pdf, "report.pdf"),
                new[] { new FileContent(attachment, "a.bin"), new FileContent(new byte[] { 4 }, "b.png", "image/png") });
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }

        Assert.Equal("doc_1", receipt.Id);
        ReceivedRequest request = Assert.Single(_server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/documents", request.RawTarget);
        Assert.StartsWith("multipart/form-data; boundary=", request.Headers["Content-Type"], StringComparison.Ordinal);
        List<Part> parts = await PartsOf(request);

        // Fields first, in schema order (arrays one part per item), then the files.
        Assert.Equal(
            new[] { "title", "pages", "ratio", "draft", "created", "tags", "tags", "meta", "notes", "odd %22name%22", "file", "attachments", "attachments" },
            parts.Select(p => p.Name));
        Assert.All(parts.Take(10), p => Assert.Null(p.FileName));

        Assert.Equal(("text/plain; charset=utf-8", "Q3 report"), (parts[0].ContentType, parts[0].Text));
        Assert.Equal("12", parts[1].Text);
        Assert.Equal("1.5", parts[2].Text);
        Assert.Equal("true", parts[3].Text);
        Assert.Equal("2026-01-02T03:04:05Z", parts[4].Text); // UTC is written with Z, as the JSON writer does
        Assert.Equal(("text/plain; charset=utf-8", "a b"), (parts[5].ContentType, parts[5].Text));
        Assert.Equal("grüße", parts[6].Text);
        Assert.All(parts.Take(7), p => Assert.Equal("text/plain; charset=utf-8", p.ContentType));

        // encoding.meta.contentType: a JSON part with the spec's type, written by the generated Meta writer.
        Assert.Equal("application/vnd.meta+json", parts[7].ContentType);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("{\"author\":\"Ann\",\"year\":2026}"), JsonNode.Parse(parts[7].Text)), parts[7].Text);

        // encoding.notes.contentType overrides text/plain; the text is as given.
        Assert.Equal(("text/markdown", "# Notes"), (parts[8].ContentType, parts[8].Text));
        Assert.Equal("odd", parts[9].Text);

        // Files: bytes untouched, the caller's file name, the caller's content type or the spec's default.
        Assert.Equal(("report.pdf", "application/pdf"), (parts[10].FileName, parts[10].ContentType));
        Assert.Equal(pdf, parts[10].Body);
        Assert.Equal(("a.bin", "application/octet-stream"), (parts[11].FileName, parts[11].ContentType));
        Assert.Equal(new byte[] { 1, 2, 3 }, parts[11].Body);
        Assert.Equal(("b.png", "image/png"), (parts[12].FileName, parts[12].ContentType));
        Assert.Equal(new byte[] { 4 }, parts[12].Body);

        // The caller's stream is read, not disposed.
        Assert.True(attachment.CanRead);
    }

    [Fact]
    public async Task Unset_optional_fields_and_files_are_not_sent()
    {
        _server.Answer(Receipt());
        using HttpClient http = _server.CreateHttpClient();

        await Uploads(http).UploadDocumentAsync(new U.UploadDocumentRequest { Title = "t" }, new FileContent(Array.Empty<byte>(), "empty.txt", "text/plain"));

        List<Part> parts = await PartsOf(Assert.Single(_server.Requests));
        Assert.Equal(new[] { "title", "file" }, parts.Select(p => p.Name));
        Assert.Equal(("empty.txt", "text/plain"), (parts[1].FileName, parts[1].ContentType));
        Assert.Empty(parts[1].Body);
    }

    [Fact]
    public async Task An_invalid_body_or_too_many_files_is_stopped_before_sending()
    {
        using HttpClient http = _server.CreateHttpClient();
        U.UploadDocumentRequest invalid = Document();
        invalid.Title = string.Empty;
        invalid.Meta!.Author = "A";
        var file = new FileContent(new byte[] { 1 }, "f.pdf");
        var three = Enumerable.Range(0, 3).Select(i => new FileContent(new byte[] { (byte)i }, i + ".bin")).ToArray();

        OpenApiSdk.ValidationException ex = await Assert.ThrowsAsync<OpenApiSdk.ValidationException>(() => Uploads(http).UploadDocumentAsync(invalid, file, three));

        Assert.Equal(
            new[] { "/body/attachments", "/body/meta/author", "/body/title" },
            ex.Errors.Select(e => e.Pointer).OrderBy(p => p, StringComparer.Ordinal));
        Assert.Empty(_server.Requests);
        await Assert.ThrowsAsync<ArgumentNullException>(() => Uploads(http).UploadDocumentAsync(Document(), null!));
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task A_file_declared_as_a_plain_string_is_sent_as_the_text_part_the_spec_describes()
    {
        // Stripe's PostFiles declares `file: {type: string}` (no format: binary): the generated model has a string
        // File property and it goes as a text/plain part. style/explode in the encoding are for urlencoded bodies only.
        _server.Answer(new Reply(200, "{\"id\":\"file_1\"}"));
        using HttpClient http = _server.CreateHttpClient();
        var body = new U.CreateFileRequest
        {
            File = "hello, file",
            Purpose = U.CreateFileRequestPurpose.DisputeEvidence,
            Expand = new List<string> { "links" },
            FileLinkData = new U.CreateFileRequestFileLinkData { Create = true, ExpiresAt = 1_700_000_000 },
        };

        U.Receipt receipt = await Uploads(http).CreateFileAsync(body);

        Assert.Equal("file_1", receipt.Id);
        List<Part> parts = await PartsOf(Assert.Single(_server.Requests));
        Assert.Equal(new[] { "expand", "file", "file_link_data", "purpose" }, parts.Select(p => p.Name));
        Assert.Equal(("links", "text/plain; charset=utf-8"), (parts[0].Text, parts[0].ContentType));
        Assert.Equal(("hello, file", "text/plain; charset=utf-8", (string?)null), (parts[1].Text, parts[1].ContentType, parts[1].FileName));
        Assert.Equal("application/json; charset=utf-8", parts[2].ContentType);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("{\"create\":true,\"expires_at\":1700000000}"), JsonNode.Parse(parts[2].Text)), parts[2].Text);
        Assert.Equal("dispute_evidence", parts[3].Text);

        // file is required by the schema: left out, nothing is sent.
        OpenApiSdk.ValidationException ex = await Assert.ThrowsAsync<OpenApiSdk.ValidationException>(() => Uploads(http).CreateFileAsync(new U.CreateFileRequest { Purpose = "identity_document" }));
        Assert.Equal("/body/file", Assert.Single(ex.Errors).Pointer);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task OpenApi31_contentMediaType_marks_a_file_and_an_optional_body_is_sent_only_when_given()
    {
        _server.Answer(new Reply(204, string.Empty, ContentType: null));
        using HttpClient http = _server.CreateHttpClient();
        byte[] png = { 0x89, 0x50, 0x4E, 0x47 };

        await Avatars(http).PutAvatarAsync("u1", image: new FileContent(png, "me.png"));
        await Avatars(http).PutAvatarAsync("u2", new A.PutAvatarRequest { Caption = "hi" }, new FileContent(new MemoryStream(png), "me.png", "image/webp"));
        await Avatars(http).PutAvatarAsync("u3");

        ReceivedRequest[] requests = _server.Requests.ToArray();
        Part image = Assert.Single(await PartsOf(requests[0]));
        Assert.Equal(("image", "me.png", "image/png"), (image.Name, image.FileName, image.ContentType));
        Assert.Equal(png, image.Body);

        List<Part> both = await PartsOf(requests[1]);
        Assert.Equal(new[] { "caption", "image" }, both.Select(p => p.Name));
        Assert.Equal("image/webp", both[1].ContentType);

        Assert.Empty(requests[2].Body);
        Assert.False(requests[2].Headers.ContainsKey("Content-Type"));

        // image is required once the body is sent; caption has maxLength 10.
        OpenApiSdk.ValidationException ex = await Assert.ThrowsAsync<OpenApiSdk.ValidationException>(() => Avatars(http).PutAvatarAsync("u4", new A.PutAvatarRequest { Caption = "far too long a caption" }));
        Assert.Equal(new[] { "/body/caption", "/body/image" }, ex.Errors.Select(e => e.Pointer).OrderBy(p => p, StringComparer.Ordinal));
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task A_body_of_files_only_takes_just_the_files()
    {
        _server.Answer(new Reply(204, string.Empty, ContentType: null));
        using HttpClient http = _server.CreateHttpClient();

        await Avatars(http).UploadAlbumAsync(new[] { new FileContent(new byte[] { 1 }, "1.jpg"), new FileContent(new byte[] { 2 }, "2.jpg") });

        List<Part> parts = await PartsOf(Assert.Single(_server.Requests));
        Assert.Equal(new[] { ("photos", "1.jpg", "image/jpeg"), ("photos", "2.jpg", "image/jpeg") }, parts.Select(p => (p.Name, p.FileName!, p.ContentType!)));

        OpenApiSdk.ValidationException ex = await Assert.ThrowsAsync<OpenApiSdk.ValidationException>(() => Avatars(http).UploadAlbumAsync(Array.Empty<FileContent>()));
        Assert.Equal("/body/photos: must have at least 1 item", ex.Errors.Single().Pointer + ": " + ex.Errors.Single().Message);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task File_names_cannot_break_out_of_the_part_headers_and_arrive_exactly_as_filename_star()
    {
        _server.Answer(new Reply(204, string.Empty, ContentType: null));
        using HttpClient http = _server.CreateHttpClient();
        const string Evil = "evil\"; name=\"x\r\nX-Injected: 1\r\n\r\nbody.txt";

        await Avatars(http).UploadAlbumAsync(new[] { new FileContent(new byte[] { 7 }, Evil), new FileContent(new byte[] { 8 }, "résumé €.jpg") });

        List<Part> parts = await PartsOf(Assert.Single(_server.Requests));
        Assert.Equal(2, parts.Count);
        Assert.Equal(("photos", Evil), (parts[0].Name, parts[0].FileName));
        Assert.DoesNotContain("\n", parts[0].Disposition, StringComparison.Ordinal);
        Assert.False(parts[0].Headers.ContainsKey("X-Injected"));
        Assert.Equal(new byte[] { 7 }, parts[0].Body);
        Assert.Equal(("photos", "résumé €.jpg"), (parts[1].Name, parts[1].FileName));

        Assert.Throws<ArgumentException>(() => new FileContent(new byte[] { 1 }, "x.png", "image/png\r\nX-Injected: 1"));
        Assert.Throws<ArgumentNullException>(() => new FileContent((Stream)null!, "x.png"));
    }

    /// <summary>One part as the server parsed it; <see cref="FileName"/> prefers filename* (RFC 6266), as ASP.NET Core does.</summary>
    internal sealed record Part(string Name, string? FileName, string? ContentType, byte[] Body, string Disposition, IReadOnlyDictionary<string, string> Headers)
    {
        public string Text => Encoding.UTF8.GetString(Body);
    }

    internal static async Task<List<Part>> PartsOf(ReceivedRequest request)
    {
        var contentType = MediaTypeHeaderValue.Parse(request.Headers["Content-Type"]);
        string boundary = HeaderUtilities.RemoveQuotes(contentType.Boundary).Value!;
        var reader = new MultipartReader(boundary, new MemoryStream(request.Body));
        var parts = new List<Part>();
        while (await reader.ReadNextSectionAsync() is { } section)
        {
            Assert.True(ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out ContentDispositionHeaderValue? disposition), section.ContentDisposition);
            Assert.Equal("form-data", disposition!.DispositionType.Value);
            using var body = new MemoryStream();
            await section.Body.CopyToAsync(body);
            string? fileName = disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : disposition.FileName.HasValue ? HeaderUtilities.RemoveQuotes(disposition.FileName).Value : null;
            var headers = section.Headers!.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            parts.Add(new Part(HeaderUtilities.RemoveQuotes(disposition.Name).Value!, fileName, section.ContentType, body.ToArray(), section.ContentDisposition!, headers));
        }

        return parts;
    }
}
