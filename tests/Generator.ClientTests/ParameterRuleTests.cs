using System;
using System.Linq;
using System.Net.Http;
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
}
