using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Catalog.Sdk;
using Microsoft.AspNetCore.WebUtilities;
using Xunit;

namespace OpenApiSdk.ClientTests;

/// <summary>
/// tests/Generator.Tests/Specs/oas32.yaml (an OpenAPI 3.2.0 document) against Kestrel: the <c>query</c> operation (QUERY with its body, safe
/// and idempotent, so retried like GET), <c>additionalOperations</c> (LINK and PURGE sent as written),
/// <c>in: querystring</c> as a form, as JSON and as a JSONPath string (the serializations of the 3.2 text's examples),
/// and <c>$ref</c>s through the document's <c>$self</c> URI (the search result is typed, not a JsonElement).
/// </summary>
public sealed class Oas32WireTests : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private CatalogClient Client(HttpClient http) =>
        new(http, new CatalogClientOptions { BaseAddress = _server.BaseAddress, Key = "k1", LegacyKey = "old", Oauth = "token", Retry = RetryWireTests.Fast() });

    private static Reply Items() => new(200, "[{\"id\":\"i1\",\"name\":\"red chair\"}]");

    private static string Query(ReceivedRequest request) => request.RawTarget.Substring(request.RawTarget.IndexOf('?', StringComparison.Ordinal) + 1);

    [Fact]
    public async Task The_query_operation_sends_QUERY_with_its_JSON_body_and_reads_the_typed_answer()
    {
        _server.Answer(Items());
        using HttpClient http = _server.CreateHttpClient();

        List<Item> items = await Client(http).Items.SearchItemsAsync(new Search { Text = "red", Limit = 5 });

        ReceivedRequest request = Assert.Single(_server.Requests);
        Assert.Equal("QUERY", request.Method);
        Assert.Equal("/items/search", request.RawTarget);
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal("{\"text\":\"red\",\"limit\":5}", Encoding.UTF8.GetString(request.Body));
        Assert.Equal("k1", request.Headers["X-Api-Key"]);
        Assert.Equal("red chair", Assert.Single(items).Name); // Items is reached through $self: typed
    }

    [Theory]
    [InlineData(503)] // the server did not act: retried for any method
    [InlineData(500)] // the server may have acted: retried only for a safe or idempotent method, which QUERY is
    public async Task A_QUERY_is_retried_with_the_same_body(int status)
    {
        _server.AnswerInTurn(new Reply(status, "{}"), Items());
        using HttpClient http = _server.CreateHttpClient();

        List<Item> items = await Client(http).Items.SearchItemsAsync(new Search { Text = "red" });

        Assert.Single(items);
        ReceivedRequest[] requests = _server.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        Assert.All(requests, r => Assert.Equal("QUERY", r.Method));
        Assert.Equal(requests[0].Body, requests[1].Body);
    }

    [Fact]
    public async Task A_response_whose_media_type_object_is_a_reference_to_components_mediaTypes_is_typed()
    {
        _server.Answer(new Reply(200, "{\"id\":\"i1\",\"name\":\"red chair\"}"));
        using HttpClient http = _server.CreateHttpClient();

        Item item = await Client(http).Items.GetItemAsync("i1");

        Assert.Equal("red chair", item.Name);
    }

    [Fact]
    public async Task Additional_operations_are_sent_with_their_method_as_the_spec_writes_it()
    {
        _server.Answer(new Reply(204, string.Empty, ContentType: null));
        using HttpClient http = _server.CreateHttpClient();
        CatalogClient client = Client(http);

        await client.Admin.LinkItemAsync("a b", "</items/c>; rel=\"related\"");
        await client.Admin.PurgeItemsByIdAsync("a b");

        ReceivedRequest[] requests = _server.Requests.ToArray();
        Assert.Equal(("LINK", "/items/a%20b"), (requests[0].Method, requests[0].RawTarget));
        Assert.Equal("</items/c>; rel=\"related\"", requests[0].Headers["Link"]);
        Assert.Equal(("PURGE", "/items/a%20b"), (requests[1].Method, requests[1].RawTarget));
        Assert.Equal("old", requests[1].Headers["X-Legacy-Key"]);
        Assert.False(requests[1].Headers.ContainsKey("X-Api-Key"));
    }

    [Fact]
    public async Task A_querystring_form_is_the_whole_query_string_encoded_as_a_form_and_the_server_reads_the_members_back()
    {
        _server.Answer(Items());
        using HttpClient http = _server.CreateHttpClient();

        await Client(http).Items.FilterItemsAsync(new Filter { Foo = "a + b", Bar = true, Tags = new List<string> { "x", "y&z" } });

        ReceivedRequest request = Assert.Single(_server.Requests);
        Assert.Equal("/items?foo=a+%2B+b&bar=true&tags=x&tags=y%26z", request.RawTarget); // the 3.2 example's foo=a+%2B+b&bar=true
        Dictionary<string, Microsoft.Extensions.Primitives.StringValues> parsed = QueryHelpers.ParseQuery(Query(request));
        Assert.Equal("a + b", parsed["foo"].ToString());
        Assert.Equal(new[] { "x", "y&z" }, parsed["tags"].ToArray());
    }

    [Fact]
    public async Task An_optional_querystring_left_out_sends_no_query_string()
    {
        _server.Answer(Items());
        using HttpClient http = _server.CreateHttpClient();

        await Client(http).Items.FilterItemsAsync();

        Assert.Equal("/items", Assert.Single(_server.Requests).RawTarget);
    }

    [Fact]
    public async Task A_querystring_in_JSON_is_the_JSON_text_percent_encoded()
    {
        _server.Answer(Items());
        using HttpClient http = _server.CreateHttpClient();

        await Client(http).Items.SelectItemsAsync(new Selector { Numbers = new List<long> { 1, 2 }, Flag = true });

        ReceivedRequest request = Assert.Single(_server.Requests);
        Assert.Equal("/items/select?%7B%22numbers%22%3A%5B1%2C2%5D%2C%22flag%22%3Atrue%7D", request.RawTarget);
        using JsonDocument json = JsonDocument.Parse(Uri.UnescapeDataString(Query(request)));
        Assert.True(json.RootElement.GetProperty("flag").GetBoolean());
        Assert.Equal("Bearer token", request.Headers["Authorization"]);
    }

    [Fact]
    public async Task A_querystring_string_in_another_media_type_is_the_string_percent_encoded()
    {
        _server.Answer(Items());
        using HttpClient http = _server.CreateHttpClient();

        await Client(http).Items.PathItemsAsync("$.a.b[1:1]");

        Assert.Equal("/items/path?%24.a.b%5B1%3A1%5D", Assert.Single(_server.Requests).RawTarget); // the 3.2 example's serializedValue
    }

    [Fact]
    public async Task A_querystring_value_is_validated_at_its_pointer_before_sending()
    {
        using HttpClient http = _server.CreateHttpClient();

        ValidationException ex = await Assert.ThrowsAsync<ValidationException>(() => Client(http).Items.FilterItemsAsync(new Filter { Size = 0 }));

        Assert.Equal("/querystring/filter/size", Assert.Single(ex.Errors).Pointer);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task An_apiKey_in_the_query_follows_a_form_query_string_as_one_more_field_escaped()
    {
        _server.Answer(new Reply(200, "[\"hit\"]"));
        using HttpClient http = _server.CreateHttpClient();
        var client = new QueryKey.Sdk.SearchClient(http, new QueryKey.Sdk.SearchClientOptions { BaseAddress = _server.BaseAddress, Key = "k&1 =" });

        await client.SearchAsync(new QueryKey.Sdk.Filter { Q = "a + b", Tag = new List<string> { "x", "y" } });
        await client.SearchAsync();

        Assert.Equal(new[] { "q=a+%2B+b&tag=x&tag=y&api%20key=k%261%20%3D", "api%20key=k%261%20%3D" }, _server.Requests.Select(Query));
    }
}
