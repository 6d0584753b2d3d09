using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.WebUtilities;
using Paging.Cursor;
using Paging.Declared;
using Paging.NextLink;
using Paging.Offset;
using Xunit;
using C = Paging.Cursor;
using D = Paging.Declared;
using N = Paging.NextLink;
using O = Paging.Offset;

namespace OpenApiSdk.ClientTests;

/// <summary>
/// {Operation}ItemsAsync for each paging style (Specs/paging-*.yaml) against a real HTTP server (Kestrel on 127.0.0.1):
/// every item of three pages in order, the paging parameters each request carries, nothing sent before the
/// enumeration starts, and cancellation between pages.
/// </summary>
public sealed class PagingWireTests : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static Dictionary<string, string> Query(ReceivedRequest request)
    {
        int mark = request.RawTarget.IndexOf('?', StringComparison.Ordinal);
        return mark < 0
            ? new Dictionary<string, string>()
            : QueryHelpers.ParseQuery(request.RawTarget.Substring(mark)).ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
    }

    private static string Path(ReceivedRequest request) => request.RawTarget.Split('?')[0];

    private static async Task<List<T>> All<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (T item in items)
        {
            list.Add(item);
        }

        return list;
    }

    [Fact]
    public async Task Offset_paging_of_the_vendor_kind_skips_the_items_received_and_stops_at_the_total_count()
    {
        // immediate-jobs: offset is the number of items skipped, total_count counts every match (VENDOR-FACTS.md).
        string[] jobs = { "j1", "j2", "j3", "j4", "j5", "j6", "j7" };
        _server.Answer(request =>
        {
            Dictionary<string, string> query = Query(request);
            int offset = int.Parse(query["offset"], System.Globalization.CultureInfo.InvariantCulture);
            int limit = int.Parse(query["limit"], System.Globalization.CultureInfo.InvariantCulture);
            IEnumerable<string> page = jobs.Skip(offset).Take(limit).Select(id => "{\"id\":\"" + id + "\",\"status\":\"Completed\"}");
            return new Reply(200, "{\"jobs\":[" + string.Join(",", page) + "],\"total_count\":" + jobs.Length + "}");
        });
        using HttpClient http = _server.CreateHttpClient();
        var client = new O.JobsClient(http, new O.JobsClientOptions { BaseAddress = _server.BaseAddress });

        IAsyncEnumerable<O.Job> items = client.ListImmediateJobsItemsAsync("0123456789abcdef0123456789abcdef", status: "Completed", pageSize: 3);
        Assert.Empty(_server.Requests); // lazy: nothing is sent until the enumeration starts

        List<O.Job> received = await All(items);

        Assert.Equal(jobs, received.Select(j => j.Id));
        Assert.Equal(new[] { "0", "3", "6" }, _server.Requests.Select(r => Query(r)["offset"]));
        Assert.All(_server.Requests, r =>
        {
            Assert.Equal("/v3/0123456789abcdef0123456789abcdef/immediate-jobs", Path(r));
            Assert.Equal("3", Query(r)["limit"]);
            Assert.Equal("Completed", Query(r)["status"]);
        });
        Assert.Equal(3, _server.Requests.Count); // 7 of 7 received after the third page: no fourth request
    }

    [Fact]
    public async Task Cancelling_between_pages_stops_before_the_next_request()
    {
        _server.Answer(_ => new Reply(200, "{\"jobs\":[{\"id\":\"a\"},{\"id\":\"b\"}],\"total_count\":100}"));
        using HttpClient http = _server.CreateHttpClient();
        var client = new O.JobsClient(http, new O.JobsClientOptions { BaseAddress = _server.BaseAddress });
        using var cancellation = new CancellationTokenSource();

        var seen = new List<string?>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (O.Job job in client.ListImmediateJobsItemsAsync("p").WithCancellation(cancellation.Token))
            {
                seen.Add(job.Id);
                await cancellation.CancelAsync();
            }
        });

        Assert.Equal(new[] { "a", "b" }, seen); // the page in hand is yielded; the next one is never asked for
        Assert.Single(_server.Requests);
        Assert.False(Query(_server.Requests[0]).ContainsKey("limit")); // no page size given: left to the service
    }

    [Fact]
    public async Task Cursor_paging_of_the_stripe_kind_starts_after_the_last_id_while_has_more()
    {
        string[] customers = { "cus_1", "cus_2", "cus_3", "cus_4", "cus_5" };
        _server.Answer(request =>
        {
            Dictionary<string, string> query = Query(request);
            int start = query.TryGetValue("starting_after", out string? after) ? Array.IndexOf(customers, after) + 1 : 0;
            string[] page = customers.Skip(start).Take(2).ToArray();
            bool more = start + page.Length < customers.Length;
            return new Reply(200, "{\"object\":\"list\",\"url\":\"/v1/customers\",\"has_more\":" + (more ? "true" : "false") + ",\"data\":["
                + string.Join(",", page.Select(id => "{\"id\":\"" + id + "\"}")) + "]}");
        });
        using HttpClient http = _server.CreateHttpClient();
        var client = new C.CustomersClient(http, new C.CustomersClientOptions { BaseAddress = _server.BaseAddress, Bearer = "sk_test_secret" });

        List<C.Customer> received = await All(client.GetCustomersItemsAsync(email: "a@example.com", pageSize: 2));

        Assert.Equal(customers, received.Select(c => c.Id));
        Assert.Equal(new[] { null, "cus_2", "cus_4" }, _server.Requests.Select(r => Query(r).GetValueOrDefault("starting_after")));
        Assert.All(_server.Requests, r =>
        {
            Assert.Equal("a@example.com", Query(r)["email"]);
            Assert.Equal("2", Query(r)["limit"]);
            Assert.False(Query(r).ContainsKey("ending_before"));
            Assert.Equal("Bearer sk_test_secret", r.Headers["Authorization"]);
        });
    }

    [Fact]
    public async Task Next_link_paging_follows_absolute_and_relative_links_with_the_credential_until_a_page_has_none()
    {
        _server.Answer(request =>
        {
            string? token = Query(request).GetValueOrDefault("$skiptoken");
            return token switch
            {
                null => new Reply(200, "{\"value\":[{\"name\":\"v1\"},{\"name\":\"v2\"}],\"nextLink\":\"" + _server.BaseAddress + "vaults?api-version=2023-07-01&$skiptoken=2\"}"),
                "2" => new Reply(200, "{\"value\":[{\"name\":\"v3\"}],\"nextLink\":\"/vaults?api-version=2023-07-01&$skiptoken=3\"}"),
                _ => new Reply(200, "{\"value\":[{\"name\":\"v4\"}]}"),
            };
        });
        using HttpClient http = _server.CreateHttpClient();
        var client = new N.VaultsClient(http, new N.VaultsClientOptions { BaseAddress = _server.BaseAddress, Key = "subscription-secret" });

        List<N.Vault> received = await All(client.VaultsListItemsAsync("2023-07-01", top: 2));

        Assert.Equal(new[] { "v1", "v2", "v3", "v4" }, received.Select(v => v.Name));
        Assert.Equal(
            new[] { "/vaults?api-version=2023-07-01&%24top=2", "/vaults?api-version=2023-07-01&$skiptoken=2", "/vaults?api-version=2023-07-01&$skiptoken=3" },
            _server.Requests.Select(r => r.RawTarget));
        Assert.All(_server.Requests, r => Assert.Equal("subscription-secret", r.Headers["Ocp-Apim-Subscription-Key"]));
    }

    [Fact]
    public async Task A_next_link_to_another_origin_is_not_followed_so_the_credential_stays_home()
    {
        _server.Answer(_ => new Reply(200, "{\"value\":[{\"name\":\"v1\"}],\"nextLink\":\"http://127.0.0.2:9/steal\"}"));
        using HttpClient http = _server.CreateHttpClient();
        var client = new N.VaultsClient(http, new N.VaultsClientOptions { BaseAddress = _server.BaseAddress, Key = "subscription-secret" });

        var seen = new List<string?>();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (N.Vault vault in client.VaultsListItemsAsync("2023-07-01"))
            {
                seen.Add(vault.Name);
            }
        });

        Assert.Equal(new[] { "v1" }, seen);
        Assert.Contains("another origin", error.Message, StringComparison.Ordinal);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task An_error_on_a_next_page_is_an_api_exception_with_the_declared_error_body()
    {
        _server.Answer(request => Query(request).ContainsKey("$skiptoken")
            ? new Reply(429, "{\"code\":\"TooManyRequests\",\"message\":\"Slow down.\"}")
            : new Reply(200, "{\"value\":[{\"name\":\"v1\"}],\"nextLink\":\"/vaults?$skiptoken=2\"}"));
        using HttpClient http = _server.CreateHttpClient();
        var client = new N.VaultsClient(http, new N.VaultsClientOptions { BaseAddress = _server.BaseAddress });

        var error = await Assert.ThrowsAsync<ApiException<N.CloudError>>(() => All(client.VaultsListItemsAsync("2023-07-01")));

        Assert.Equal(429, error.StatusCode);
        Assert.Equal("TooManyRequests", error.ErrorCode);
        Assert.Equal("Slow down.", error.Error.Message);
    }

    [Fact]
    public async Task A_list_declared_as_one_page_yields_its_items_from_one_request()
    {
        _server.Answer(_ => new Reply(200, "{\"items\":[{\"name\":\"gone1\"},{\"name\":\"gone2\"}]}"));
        using HttpClient http = _server.CreateHttpClient();
        var client = new N.VaultsClient(http, new N.VaultsClientOptions { BaseAddress = _server.BaseAddress });

        List<N.Vault> received = await All(client.VaultsListDeletedItemsAsync());

        Assert.Equal(new[] { "gone1", "gone2" }, received.Select(v => v.Name));
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Declared_offset_paging_without_a_total_stops_at_the_first_empty_page()
    {
        string[] events = { "e1", "e2", "e3", "e4", "e5" };
        _server.Answer(request =>
        {
            Dictionary<string, string> query = Query(request);
            int skip = int.Parse(query["skip"], System.Globalization.CultureInfo.InvariantCulture);
            return new Reply(200, JsonSerializer.Serialize(new { events = events.Skip(skip).Take(2) }));
        });
        using HttpClient http = _server.CreateHttpClient();
        var client = new D.DeclaredClient(http, new D.DeclaredClientOptions { BaseAddress = _server.BaseAddress });

        List<string> received = await All(client.ListEventsItemsAsync(pageSize: 2));

        Assert.Equal(events, received);
        Assert.Equal(new[] { "0", "2", "4", "5" }, _server.Requests.Select(r => Query(r)["skip"])); // three pages (2, 2, 1 items), then the empty one that ends the list
        Assert.All(_server.Requests, r => Assert.Equal("2", Query(r)["top"]));
    }

    [Fact]
    public async Task Declared_cursor_and_next_link_paging_use_the_names_the_extension_gives()
    {
        _server.Answer(request => Path(request) switch
        {
            "/notes" => Query(request).GetValueOrDefault("after") switch
            {
                null => new Reply(200, "{\"results\":[{\"key\":\"n1\"},{\"key\":\"n2\"}],\"more\":true}"),
                "n2" => new Reply(200, "{\"results\":[{\"key\":\"n3\"}],\"more\":true}"),
                _ => new Reply(200, "{\"results\":[{\"key\":\"n4\"}],\"more\":false}"),
            },
            _ => Query(request).GetValueOrDefault("page") switch
            {
                null => new Reply(200, "{\"files\":[\"f1\"],\"next\":\"/files?page=2\"}"),
                "2" => new Reply(200, "{\"files\":[\"f2\"],\"next\":\"files?page=3\"}"),
                _ => new Reply(200, "{\"files\":[\"f3\"],\"next\":null}"),
            },
        });
        using HttpClient http = _server.CreateHttpClient();
        var client = new D.DeclaredClient(http, new D.DeclaredClientOptions { BaseAddress = _server.BaseAddress });

        List<D.ListNotesResponseResultsItem> notes = await All(client.ListNotesItemsAsync());
        List<string> files = await All(client.ListFilesItemsAsync());

        Assert.Equal(new[] { "n1", "n2", "n3", "n4" }, notes.Select(n => n.Key));
        Assert.Equal(new[] { "f1", "f2", "f3" }, files);
        Assert.Equal(
            new[] { "/notes", "/notes?after=n2", "/notes?after=n3", "/files", "/files?page=2", "/files?page=3" },
            _server.Requests.Select(r => r.RawTarget));
    }

    [Fact]
    public void X_pagination_false_turns_recognition_off()
    {
        MethodInfo[] helpers = typeof(O.JobsClientExtensions).GetMethods(BindingFlags.Public | BindingFlags.Static);

        Assert.Contains(helpers, m => m.Name == "ListImmediateJobsItemsAsync");
        Assert.DoesNotContain(helpers, m => m.Name == "ListTagsItemsAsync"); // same shape, but the spec says x-pagination: false
    }
}
