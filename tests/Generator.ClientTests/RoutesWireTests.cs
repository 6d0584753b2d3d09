using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using R = Routes.Sdk;

namespace OpenApiSdk.ClientTests;

/// <summary>
/// Specs/routes.yaml through a stub handler (the servers it names are not reachable): path and operation servers,
/// deepObject arrays of objects (Stripe), and object-valued or content: application/json parameters (Linode's X-Filter).
/// </summary>
public sealed class RoutesWireTests
{
    private static (R.RoutesClient Client, Recorder Handler, HttpClient Http) Create(R.RoutesClientOptions? options = null)
    {
        var handler = new Recorder();
        var http = new HttpClient(handler);
        return (new R.RoutesClient(http, options ?? new R.RoutesClientOptions()), handler, http);
    }

    [Fact]
    public async Task Path_and_operation_servers_override_the_documents_and_the_base_address_applies_to_relative_ones()
    {
        (R.RoutesClient client, Recorder handler, HttpClient http) = Create();
        using (http)
        {
            await client.ListItemsAsync();
            await client.UploadFileAsync();   // path-level server on another host: as it is (its trailing slash dropped)
            await client.ListFilesAsync();    // the operation's first server overrides the path's; {version} takes its default
            await client.ListReportsAsync();  // a relative server: resolved against the base address
            await client.PurgeReportsAsync(); // servers: [] overrides nothing
            await client.GetAccountAsync(R.GetAccountApiVersion.V4); // Linode: the server's /v4 is the path's {apiVersion}
        }

        Assert.Equal(
            new[]
            {
                "https://api.routes.example/items",
                "https://files.routes.example/files",
                "https://api.routes.example/v2/files",
                "https://api.routes.example/reporting/reports",
                "https://api.routes.example/reports",
                "https://api.routes.example/v4/account",
            },
            handler.Uris);
    }

    [Fact]
    public async Task A_configured_base_address_moves_relative_servers_but_not_an_absolute_one_unless_operation_servers_are_off()
    {
        var options = new R.RoutesClientOptions { BaseAddress = new Uri("http://127.0.0.1:5005/proxy/") };
        (R.RoutesClient client, Recorder handler, HttpClient http) = Create(options);
        using (http)
        {
            await client.UploadFileAsync();
            await client.ListFilesAsync();
            await client.ListReportsAsync();
            options.UseOperationServers = false;
            await client.UploadFileAsync();
            await client.ListFilesAsync();
            await client.ListReportsAsync();
        }

        Assert.Equal(
            new[]
            {
                "https://files.routes.example/files",
                "http://127.0.0.1:5005/proxy/v2/files",
                "http://127.0.0.1:5005/reporting/reports", // '/reporting/' is an absolute path: it replaces the base address's path
                "http://127.0.0.1:5005/proxy/files",
                "http://127.0.0.1:5005/proxy/files",
                "http://127.0.0.1:5005/proxy/reports",
            },
            handler.Uris);
    }

    [Fact]
    public async Task Arrays_of_objects_and_nested_values_in_deepObject_style_are_indexed_and_bracketed()
    {
        (R.RoutesClient client, Recorder handler, HttpClient http) = Create();
        using (http)
        {
            await client.PreviewInvoiceAsync(
                lines: new[]
                {
                    new R.PreviewInvoiceLinesItem
                    {
                        Amount = 5,
                        Description = "x y",
                        Metadata = new Dictionary<string, string> { ["order"] = "a&b" },
                        PriceData = new R.PreviewInvoiceLinesItemPriceData { Currency = "usd", Tiers = new List<long> { 1, 2 } },
                    },
                    new R.PreviewInvoiceLinesItem { Amount = 7 },
                },
                metadata: new Dictionary<string, string> { ["key"] = "v" },
                expand: new[] { "data.customer" });
        }

        // lines[0][amount]=5&lines[0][description]=x y&lines[0][metadata][order]=a&b&lines[0][price_data][currency]=usd
        // &lines[0][price_data][tiers][0]=1&...&lines[1][amount]=7&metadata[key]=v&expand[0]=data.customer, percent-encoded.
        Assert.Equal(
            "https://api.routes.example/preview?lines%5B0%5D%5Bamount%5D=5&lines%5B0%5D%5Bdescription%5D=x%20y&lines%5B0%5D%5Bmetadata%5D%5Border%5D=a%26b"
            + "&lines%5B0%5D%5Bprice_data%5D%5Bcurrency%5D=usd&lines%5B0%5D%5Bprice_data%5D%5Btiers%5D%5B0%5D=1&lines%5B0%5D%5Bprice_data%5D%5Btiers%5D%5B1%5D=2"
            + "&lines%5B1%5D%5Bamount%5D=7&metadata%5Bkey%5D=v&expand%5B0%5D=data.customer",
            Assert.Single(handler.Uris));
    }

    [Fact]
    public async Task An_item_of_a_deepObject_array_that_breaks_its_schema_is_named_and_nothing_is_sent()
    {
        (R.RoutesClient client, Recorder handler, HttpClient http) = Create();
        using (http)
        {
            var invalid = await Assert.ThrowsAsync<OpenApiSdk.ValidationException>(() => client.PreviewInvoiceAsync(
                lines: new[] { new R.PreviewInvoiceLinesItem { Amount = 1 }, new R.PreviewInvoiceLinesItem { Amount = -1 }, new R.PreviewInvoiceLinesItem() }));
            Assert.Contains(invalid.Errors, e => e.Pointer == "/query/lines/1/amount");
            Assert.Contains(invalid.Errors, e => e.Pointer == "/query/lines/2/amount");
        }

        Assert.Empty(handler.Uris);
    }

    [Fact]
    public async Task Object_and_untyped_values_in_headers_and_the_path_and_content_parameters_are_sent_as_their_JSON_text()
    {
        (R.RoutesClient client, Recorder handler, HttpClient http) = Create();
        using (http)
        {
            using JsonDocument anything = JsonDocument.Parse("[1,\"zwölf\"]");
            await client.FindThingsAsync(
                new R.FindThingsSelector { Kind = "a/b" },
                xFilter: new R.FindThingsXFilter { Label = "web\r\n1", Or = new List<Dictionary<string, string>> { new() { ["region"] = "us-east" } } },
                xAnything: anything.RootElement,
                where: new R.FindThingsWhere { Size = 3 },
                tags: new[] { "a", "b" });
            await client.FindThingsAsync(new R.FindThingsSelector());
        }

        HttpRequestMessage first = handler.Requests[0];
        Assert.Equal(
            "https://api.routes.example/things/" + Uri.EscapeDataString("{\"kind\":\"a/b\"}") + "?where=" + Uri.EscapeDataString("{\"size\":3}"),
            first.RequestUri!.AbsoluteUri);

        // Compact JSON, written by the generated code: line breaks and non-ASCII escaped, so the header stays one ASCII line.
        Assert.Equal("{\"label\":\"web\\r\\n1\",\"\\u002Bor\":[{\"region\":\"us-east\"}]}", first.Headers.GetValues("X-Filter").Single());
        Assert.Equal("[1,\"zw\\u00F6lf\"]", first.Headers.GetValues("X-Anything").Single());
        Assert.Equal("[\"a\",\"b\"]", first.Headers.GetValues("tags").Single());

        // Unset optional ones are not sent; an empty object is {}.
        HttpRequestMessage second = handler.Requests[1];
        Assert.Equal("https://api.routes.example/things/%7B%7D", second.RequestUri!.AbsoluteUri);
        Assert.False(second.Headers.Contains("X-Filter"));
        Assert.False(second.Headers.Contains("tags"));

        // A content parameter's schema is checked like any other: where.size has maximum 10.
        var invalid = await Assert.ThrowsAsync<OpenApiSdk.ValidationException>(() => Create().Client.FindThingsAsync(new R.FindThingsSelector(), where: new R.FindThingsWhere { Size = 11 }));
        Assert.Contains(invalid.Errors, e => e.Pointer == "/query/where/size");
    }

    private sealed class Recorder : HttpMessageHandler
    {
        public List<HttpRequestMessage> Requests { get; } = new();

        public List<string> Uris => Requests.Select(r => r.RequestUri!.AbsoluteUri).ToList();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NoContent));
        }
    }
}
