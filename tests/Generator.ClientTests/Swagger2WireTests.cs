using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Xunit;
using S = Swagger2.Sdk;

namespace OpenApiSdk.ClientTests;

/// <summary>
/// What a client generated from a Swagger 2.0 document (tests/Generator.Tests/Specs/swagger2.yaml) sends, as Kestrel
/// receives it: each <c>collectionFormat</c> as the 2.0 text defines it (csv "foo,bar", ssv "foo bar", tsv "foo\tbar",
/// pipes "foo|bar", multi "foo=bar&amp;foo=baz"), in the query, the path, a header and a form; urlencoded and multipart
/// bodies from <c>formData</c> parameters; api keys in the query and a header, and basic authentication.
/// </summary>
public sealed class Swagger2WireTests : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private S.ShopClient Client(HttpClient http) => new(http, new S.ShopClientOptions
    {
        BaseAddress = _server.BaseAddress,
        HeaderKey = "header-secret",
        QueryKey = "query-secret",
        BasicAuth = "ann:pa ss",
    });

    private static Dictionary<string, StringValues> Query(ReceivedRequest request) =>
        QueryHelpers.ParseQuery(request.RawTarget.Substring(request.RawTarget.IndexOf('?', StringComparison.Ordinal)));

    [Fact]
    public async Task Each_collectionFormat_joins_query_and_header_items_as_2_0_defines_it()
    {
        _server.Answer(new Reply(200, "[]"));
        using HttpClient http = _server.CreateHttpClient();
        await Client(http).ListPetsAsync(
            limit: 5,
            csv: new[] { "a", "b c" },
            ssv: new[] { "a", "b" },
            tsv: new[] { "a", "b" },
            pipes: new long[] { 1, 2 },
            multi: new[] { "x", "y" },
            xTags: new[] { "red", "blue" });

        ReceivedRequest request = Assert.Single(_server.Requests);
        Dictionary<string, StringValues> query = Query(request);
        Assert.Equal("5", query["limit"]);
        Assert.Equal(new[] { "a,b c" }, query["csv"].ToArray());      // csv: comma separated
        Assert.Equal(new[] { "a b" }, query["ssv"].ToArray());        // ssv: space separated
        Assert.Equal(new[] { "a\tb" }, query["tsv"].ToArray());       // tsv: tab separated
        Assert.Equal(new[] { "1|2" }, query["pipes"].ToArray());      // pipes: pipe separated
        Assert.Equal(new[] { "x", "y" }, query["multi"].ToArray()); // multi: one instance per value
        Assert.Equal("red|blue", request.Headers["X-Tags"]);
        Assert.Equal("header-secret", request.Headers["X-Api-Key"]); // the document's security: apiKey in a header
        Assert.Contains("csv=a%2Cb%20c&ssv=a%20b&tsv=a%09b&pipes=1%7C2&multi=x&multi=y", request.RawTarget, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_path_array_in_ssv_is_one_segment_of_space_separated_items_and_the_query_api_key_is_sent()
    {
        _server.Answer(new Reply(200, "[]"));
        using HttpClient http = _server.CreateHttpClient();
        await Client(http).GetPetsAsync(new long[] { 7, 8 });

        ReceivedRequest request = Assert.Single(_server.Requests);
        Assert.Equal("/pets/7%208?api_key=query-secret", request.RawTarget);
        Assert.False(request.Headers.ContainsKey("X-Api-Key")); // the operation's own security replaces the document's
    }

    [Fact]
    public async Task A_body_parameter_is_the_JSON_body_with_basic_authentication()
    {
        _server.Answer(new Reply(201, "{\"name\":\"Tom\",\"petType\":\"Cat\",\"indoor\":true}"));
        using HttpClient http = _server.CreateHttpClient();
        S.Pet added = await Client(http).AddPetAsync(new S.Cat { Name = "Tom", Indoor = true });

        Assert.IsType<S.Cat>(added); // the discriminator names the definition
        ReceivedRequest request = Assert.Single(_server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("ann:pa ss")), request.Headers["Authorization"]);
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal("{\"name\":\"Tom\",\"petType\":\"Cat\",\"indoor\":true}", Encoding.UTF8.GetString(request.Body));
    }

    [Fact]
    public async Task FormData_parameters_are_an_urlencoded_body_csv_arrays_as_one_field_multi_as_repeated_fields()
    {
        _server.Answer(new Reply(204, string.Empty, null));
        using HttpClient http = _server.CreateHttpClient();
        await Client(http).AddNotesAsync(3, new S.AddNotesRequest { Text = "hi there", Tags = new List<string> { "a", "b" }, Marks = new List<string> { "x", "y" } });

        ReceivedRequest request = Assert.Single(_server.Requests);
        Assert.Equal("/pets/3/notes", request.RawTarget);
        Assert.StartsWith("application/x-www-form-urlencoded", request.Headers["Content-Type"], StringComparison.Ordinal);
        Dictionary<string, StringValues> form = QueryHelpers.ParseQuery(Encoding.ASCII.GetString(request.Body));
        Assert.Equal("hi there", form["text"]);
        Assert.Equal(new[] { "a,b" }, form["tags"].ToArray());                          // formData array, collectionFormat csv (the default)
        Assert.Equal(new[] { "x", "y" }, form["marks"].ToArray());  // collectionFormat multi
    }

    [Fact]
    public async Task A_file_formData_parameter_is_a_multipart_file_part()
    {
        _server.Answer(new Reply(204, string.Empty, null));
        using HttpClient http = _server.CreateHttpClient();
        await Client(http).UploadPhotoAsync(4, new S.UploadPhotoRequest { Caption = "cute" }, new FileContent(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, "tom.png", "image/png"));

        ReceivedRequest request = Assert.Single(_server.Requests);
        string contentType = request.Headers["Content-Type"];
        Assert.StartsWith("multipart/form-data; boundary=", contentType, StringComparison.Ordinal);
        var reader = new MultipartReader(Microsoft.Net.Http.Headers.HeaderUtilities.RemoveQuotes(Microsoft.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType).Boundary).Value!, new System.IO.MemoryStream(request.Body));
        var parts = new List<(string Disposition, string? Type, byte[] Body)>();
        while (await reader.ReadNextSectionAsync() is { } section)
        {
            using var body = new System.IO.MemoryStream();
            await section.Body.CopyToAsync(body);
            parts.Add((section.ContentDisposition!, section.ContentType, body.ToArray()));
        }

        Assert.Equal(2, parts.Count);
        Assert.Contains("name=\"caption\"", parts[0].Disposition, StringComparison.Ordinal);
        Assert.Equal("cute", Encoding.UTF8.GetString(parts[0].Body));
        Assert.Contains("name=\"photo\"", parts[1].Disposition, StringComparison.Ordinal);
        Assert.Contains("filename=\"tom.png\"", parts[1].Disposition, StringComparison.Ordinal);
        Assert.Equal("image/png", parts[1].Type);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, parts[1].Body);
    }

    [Fact]
    public async Task A_formData_array_in_multipart_is_one_part_joined_by_its_collectionFormat_and_a_part_per_item_for_multi()
    {
        _server.Answer(new Reply(204, string.Empty, null));
        using HttpClient http = _server.CreateHttpClient();
        var fields = new S.UploadPhotoRequest { Labels = new List<string> { "a", "b" }, Sizes = new List<long> { 1, 2 }, Codes = new List<string> { "x", "y" } };
        await Client(http).UploadPhotoAsync(4, fields, new FileContent(new byte[] { 1 }, "tom.png", "image/png"));

        ReceivedRequest request = Assert.Single(_server.Requests);
        string contentType = request.Headers["Content-Type"];
        var reader = new MultipartReader(Microsoft.Net.Http.Headers.HeaderUtilities.RemoveQuotes(Microsoft.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType).Boundary).Value!, new System.IO.MemoryStream(request.Body));
        var parts = new List<string>();
        while (await reader.ReadNextSectionAsync() is { } section)
        {
            using var body = new System.IO.MemoryStream();
            await section.Body.CopyToAsync(body);
            string name = Microsoft.Net.Http.Headers.ContentDispositionHeaderValue.Parse(section.ContentDisposition).Name.Value!.Trim('"');
            parts.Add(name + "=" + Encoding.UTF8.GetString(body.ToArray()));
        }

        // 2.0: csv (the default) and pipes are one value, so one part; multi is one part per item (2.0's "multiple
        // parameter instances", for formData as for the query).
        Assert.Equal(new[] { "labels=a,b", "sizes=1", "sizes=2", "codes=x|y", "photo=\u0001" }, parts);
    }
}
