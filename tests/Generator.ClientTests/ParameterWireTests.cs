using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;
using P = Parameters.Sdk;

namespace OpenApiSdk.ClientTests;

/// <summary>
/// Specs/parameters.yaml against Kestrel with ASP.NET Core MVC: arrays of objects in form-style query parameters and
/// cookie parameters, as they go on the wire and as ASP.NET Core's model binder and cookie parser read them back.
/// </summary>
public sealed class ParameterWireTests : IAsyncLifetime
{
    private WebApplication _app = null!;

    public async Task InitializeAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddControllers().AddApplicationPart(typeof(OrdersController).Assembly);
        _app = builder.Build();
        _app.MapControllers();
        await _app.StartAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<JsonElement> FindOrders(IEnumerable<P.FindOrdersItemsItem> items, string session, IEnumerable<P.FindOrdersExtrasItem>? extras = null, P.FindOrdersTheme? theme = null, IEnumerable<long>? ids = null, IEnumerable<string>? seen = null, P.FindOrdersPrefs? prefs = null)
    {
        using var http = new HttpClient();
        var client = new P.ParametersClient(http, new P.ParametersClientOptions { BaseAddress = new Uri(_app.Urls.First()) });
        Dictionary<string, JsonElement> echo = await client.FindOrdersAsync(items, session, extras, theme, ids, seen, prefs);
        return JsonSerializer.SerializeToElement(echo);
    }

    [Fact]
    public async Task An_array_of_objects_in_form_style_is_sent_indexed_and_dotted_and_the_aspnetcore_binder_reads_it_back()
    {
        JsonElement echo = await FindOrders(
            new[]
            {
                new P.FindOrdersItemsItem { Sku = "A-1", Quantity = 2, Price = new P.FindOrdersItemsItemPrice { Currency = "usd", Amount = 9.5 }, Tags = new List<string> { "x y", "z&" } },
                new P.FindOrdersItemsItem { Sku = "B" },
            },
            "s1",
            extras: new[] { new P.FindOrdersExtrasItem { Code = "c1" } }); // explode: false changes nothing: the same indexed form

        // items[0].sku=A-1&items[0].quantity=2&items[0].price.currency=usd&items[0].price.amount=9.5&items[0].tags[0]=x y
        // &items[0].tags[1]=z&&items[1].sku=B&extras[0].code=c1, percent-encoded (RFC 3986).
        Assert.Equal(
            "/orders?items%5B0%5D.sku=A-1&items%5B0%5D.quantity=2&items%5B0%5D.price.currency=usd&items%5B0%5D.price.amount=9.5"
            + "&items%5B0%5D.tags%5B0%5D=x%20y&items%5B0%5D.tags%5B1%5D=z%26&items%5B1%5D.sku=B&extras%5B0%5D.code=c1",
            echo.GetProperty("rawTarget").GetString());

        // What [FromQuery] List<T> binding made of it, with ASP.NET Core's default value providers.
        Assert.True(
            JsonNode.DeepEquals(
                JsonNode.Parse("[{\"sku\":\"A-1\",\"quantity\":2,\"price\":{\"currency\":\"usd\",\"amount\":9.5},\"tags\":[\"x y\",\"z&\"]},{\"sku\":\"B\",\"quantity\":null,\"price\":null,\"tags\":null}]"),
                JsonNode.Parse(echo.GetProperty("items").GetRawText())),
            echo.GetProperty("items").GetRawText());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("[{\"code\":\"c1\"}]"), JsonNode.Parse(echo.GetProperty("extras").GetRawText())));
    }

    [Fact]
    public async Task The_bracketed_form_that_deepObject_sends_is_not_what_aspnetcore_binds_from_a_query_by_default()
    {
        // Why form style uses items[0].sku and not items[0][sku]: ASP.NET Core MVC's default value providers bind only the first.
        using var http = new HttpClient { BaseAddress = new Uri(_app.Urls.First()) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/orders?items%5B0%5D%5Bsku%5D=A&extras%5B0%5D.code=c1");
        request.Headers.TryAddWithoutValidation("Cookie", "session=s");
        using HttpResponseMessage response = await http.SendAsync(request);
        using JsonDocument echo = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("[]", echo.RootElement.GetProperty("items").GetRawText());
        Assert.Equal("[{\"code\":\"c1\"}]", echo.RootElement.GetProperty("extras").GetRawText());
    }

    [Fact]
    public async Task Cookie_parameters_are_one_cookie_header_with_percent_encoded_values_that_aspnetcore_reads_back()
    {
        JsonElement echo = await FindOrders(
            new[] { new P.FindOrdersItemsItem { Sku = "A" } },
            "abc; def=1,\"ü\"",
            theme: P.FindOrdersTheme.Dark,
            ids: new long[] { 1, 2 },
            seen: new[] { "a", "b" },
            prefs: new P.FindOrdersPrefs { Lang = "de" });

        // RFC 6265 §4.2.1: name=value pairs joined by "; ". Values are percent-encoded, so none holds a ';', ',', '"',
        // space or non-ASCII octet; explode: false joins an array's items with commas, explode: true (the form default)
        // repeats the cookie; an object is its JSON text.
        Assert.Equal(
            "session=abc%3B%20def%3D1%2C%22%C3%BC%22; theme=dark; ids=1%2C2; seen=a; seen=b; prefs=%7B%22lang%22%3A%22de%22%7D",
            echo.GetProperty("cookieHeader").GetString());

        // ASP.NET Core decodes request cookie values.
        JsonElement cookies = echo.GetProperty("cookies");
        Assert.Equal("abc; def=1,\"ü\"", cookies.GetProperty("session").GetString());
        Assert.Equal("dark", cookies.GetProperty("theme").GetString());
        Assert.Equal("1,2", cookies.GetProperty("ids").GetString());
        Assert.Equal("{\"lang\":\"de\"}", cookies.GetProperty("prefs").GetString());
    }

    [Fact]
    public async Task Optional_cookies_that_are_not_set_are_not_sent_and_an_invalid_one_stops_the_request()
    {
        JsonElement echo = await FindOrders(new[] { new P.FindOrdersItemsItem { Sku = "A" } }, "only");
        Assert.Equal("session=only", echo.GetProperty("cookieHeader").GetString());

        var invalid = await Assert.ThrowsAsync<ValidationException>(() => FindOrders(new[] { new P.FindOrdersItemsItem { Sku = "A" } }, "s", theme: new P.FindOrdersTheme("sepia")));
        Assert.Equal("/cookie/theme", Assert.Single(invalid.Errors).Pointer);
    }
}

/// <summary>Echoes what ASP.NET Core read from the request: the raw target, the Cookie header, the bound query lists and the parsed cookies.</summary>
[Route("orders")]
public sealed class OrdersController : ControllerBase
{
    [HttpGet]
    public IActionResult Find([FromQuery(Name = "items")] List<BoundItem>? items, [FromQuery(Name = "extras")] List<BoundExtra>? extras) => Ok(new
    {
        rawTarget = HttpContext.Features.Get<IHttpRequestFeature>()!.RawTarget,
        cookieHeader = Request.Headers.Cookie.ToString(),
        items,
        extras,
        cookies = new
        {
            session = Request.Cookies["session"],
            theme = Request.Cookies["theme"],
            ids = Request.Cookies["ids"],
            prefs = Request.Cookies["prefs"],
        },
    });
}

public sealed class BoundItem
{
    public string? Sku { get; set; }

    public int? Quantity { get; set; }

    public BoundPrice? Price { get; set; }

    public List<string>? Tags { get; set; }
}

public sealed class BoundPrice
{
    public string? Currency { get; set; }

    public decimal? Amount { get; set; }
}

public sealed class BoundExtra
{
    public string? Code { get; set; }
}
