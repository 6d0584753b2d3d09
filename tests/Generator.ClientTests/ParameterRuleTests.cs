using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;
using R = ParameterRules.Sdk;

namespace OpenApiSdk.ClientTests;

/// <summary>
/// A client parameter is checked by the same rules as a model property (issue 17: the client's own copy of the rules had
/// no format and no uniqueItems): each broken rule is reported at /query/{name} before anything is sent.
/// </summary>
public sealed class ParameterRuleTests
{
    private static R.ReportsClient Client(HttpClient http) => new(http, new R.ReportsClientOptions { BaseAddress = new Uri("http://127.0.0.1:9") });

    [Fact]
    public async Task Format_uniqueItems_const_and_enum_of_parameters_are_checked_before_sending()
    {
        using var http = new HttpClient();
        var ex = await Assert.ThrowsAsync<ValidationException>(() => Client(http).ListReportsAsync(day: "2026-13-01", tags: new[] { "a", "b", "a" }, archived: true, limit: 20));

        Assert.Equal(
            new[]
            {
                "/query/archived: must be false",
                "/query/day: must be a date (format: date, YYYY-MM-DD)",
                "/query/limit: must be one of: 10, 50",
                "/query/tags: must not contain duplicate items",
            },
            ex.Errors.Select(e => e.ToString()).OrderBy(e => e, StringComparer.Ordinal));
    }

    // The keywords below are what a parameter's typed checks cannot carry: the client checks the value's JSON against the
    // parameter's whole schema (the JSON-value validator), as it would a model property, and reports at /{location}/{name}.

    [Fact]
    public async Task A_oneOf_beside_a_parameters_type_rejects_a_value_no_alternative_accepts_before_sending()
    {
        await using TestServer server = await TestServer.StartAsync();
        server.Answer(new Reply(204, string.Empty, ContentType: null));
        using HttpClient http = server.CreateHttpClient();
        var client = new R.ReportsClient(http, new R.ReportsClientOptions { BaseAddress = server.BaseAddress });

        var ex = await Assert.ThrowsAsync<ValidationException>(() => client.ListEventsAsync(since: "x"));
        Assert.Equal(
            new[]
            {
                "/query/since: must be at least 2 characters long", // once: the typed check's, not repeated by the JSON check
                "/query/since: must match exactly one of the alternatives (oneOf), but matches none of the 2",
            },
            ex.Errors.Select(e => e.ToString()));
        Assert.Empty(server.Requests);

        await client.ListEventsAsync(since: "2026-02-28");
        Assert.Equal("/events?since=2026-02-28", Assert.Single(server.Requests).RawTarget);
    }

    [Fact]
    public async Task Contains_and_a_not_on_the_items_of_an_array_parameter_are_checked_before_sending()
    {
        using var http = new HttpClient();
        var ex = await Assert.ThrowsAsync<ValidationException>(() => Client(http).ListEventsAsync(codes: new[] { "b", "x" }));
        Assert.Equal(
            new[]
            {
                "/query/codes/1: must not match the schema in 'not'",
                "/query/codes: must contain at least 1 item matching the schema in 'contains', but contains 0",
            },
            ex.Errors.Select(e => e.ToString()).OrderBy(e => e, StringComparer.Ordinal));

        ex = await Assert.ThrowsAsync<ValidationException>(() => Client(http).ListEventsAsync(codes: new[] { "a1", "a2" }));
        Assert.Equal(new[] { "/query/codes: must contain at most 1 item matching the schema in 'contains', but contains 2" }, ex.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public async Task A_not_on_a_parameter_without_type_is_checked_before_sending()
    {
        using var http = new HttpClient();
        using JsonDocument text = JsonDocument.Parse("\"admin\"");
        var ex = await Assert.ThrowsAsync<ValidationException>(() => Client(http).ListEventsAsync(xFilter: text.RootElement));
        Assert.Equal(new[] { "/header/X-Filter: must not match the schema in 'not'" }, ex.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public async Task Values_the_whole_schema_accepts_are_sent()
    {
        await using TestServer server = await TestServer.StartAsync();
        server.Answer(new Reply(204, string.Empty, ContentType: null));
        using HttpClient http = server.CreateHttpClient();
        var client = new R.ReportsClient(http, new R.ReportsClientOptions { BaseAddress = server.BaseAddress });
        using JsonDocument number = JsonDocument.Parse("{\"a\":1}");

        await client.ListEventsAsync(since: "2026-02-28T10:00:00Z", codes: new[] { "a1", "b" }, xFilter: number.RootElement);

        ReceivedRequest sent = Assert.Single(server.Requests);
        Assert.Equal("/events?since=2026-02-28T10%3A00%3A00Z&codes=a1&codes=b", sent.RawTarget);
        Assert.Equal("{\"a\":1}", sent.Headers["X-Filter"]);
    }

    [Fact]
    public async Task A_json_body_that_is_no_model_and_the_items_of_an_array_parameter_are_checked_before_sending()
    {
        using var http = new HttpClient();
        var ex = await Assert.ThrowsAsync<ValidationException>(() => Client(http).PutLabelsAsync(new List<string> { "abcd", "b" }, kinds: new[] { R.PutLabelsKindsItem.Red, new R.PutLabelsKindsItem("green") }));
        Assert.Equal(
            new[]
            {
                "/body/0: must be at most 3 characters long",
                "/body: must contain at least 1 item matching the schema in 'contains', but contains 0",
                "/query/kinds/1: must be one of: red, blue",
            },
            ex.Errors.Select(e => e.ToString()).OrderBy(e => e, StringComparer.Ordinal));
    }
}
