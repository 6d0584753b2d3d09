using System;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using OpenApiSdk.Runtime;
using Xunit;

namespace OpenApiSdk.RuntimeTests;

/// <summary>How a call's parts become its URL and headers (RFC 3986 percent-encoding, OpenAPI styles), and how responses map to values and exceptions.</summary>
public class ClientRequestTests
{
    private static ClientRequest Request() => new("Op", HttpMethod.Get, "/a/{id}", "https://h.example/base", "application/json");

    [Fact]
    public void Path_values_are_one_encoded_segment_and_dot_segments_are_refused()
    {
        ClientRequest request = Request();
        request.Path("/a/");
        request.PathValue("x/y?z#w %");
        request.Path("/");
        request.PathValues(new[] { "1,2", "3" });

        Assert.Equal("https://h.example/base/a/x%2Fy%3Fz%23w%20%25/1%2C2,3", request.Url);
        Assert.Throws<ArgumentException>(() => Request().PathValue(".."));
        Assert.Throws<ArgumentException>(() => Request().PathValue("."));
    }

    [Fact]
    public void Swagger_2_separators_join_path_and_header_items_the_separator_encoded_in_the_path()
    {
        ClientRequest request = Request();
        request.Path("/a/");
        request.PathValues(new[] { "1", "2 3" }, " ");
        request.Path("/");
        request.PathValues(new[] { "4", "5" }, "\t");
        request.Path("/");
        request.PathValues(new[] { "6", "7" }, "|");
        request.HeaderValues("X-Tabs", new[] { "a", "b" }, "\t");

        // Swagger 2.0: ssv "foo bar", tsv "foo\tbar", pipes "foo|bar"; in a path each character is percent-encoded.
        Assert.Equal("https://h.example/base/a/1%202%203/4%095/6%7C7", request.Url);
        Assert.Equal("a\tb", Assert.Single(request.Headers).Value);
    }

    [Fact]
    public async System.Threading.Tasks.Task A_form_sends_the_named_array_fields_joined_and_the_others_repeated()
    {
        RequestBody body = RequestBody.Form<int>((w, _) =>
        {
            w.WriteStartObject();
            w.WriteStartArray("csv");
            w.WriteStringValue("a");
            w.WriteNumberValue(2);
            w.WriteEndArray();
            w.WriteStartArray("multi");
            w.WriteStringValue("x");
            w.WriteStringValue("y");
            w.WriteEndArray();
            w.WriteEndObject();
        }, 0, new[] { "csv", "," });

        Assert.Equal("csv=a%2C2&multi=x&multi=y", await body.CreateContent().ReadAsStringAsync());
    }

    [Fact]
    public void Query_styles_form_delimited_and_deepObject_are_written_as_OpenAPI_defines_them()
    {
        ClientRequest request = Request();
        request.Query("q", "a&b=c");
        request.QueryEach("tag", new[] { "x", "y" });
        request.QueryJoined("ids", new[] { "1", "2" }, "|");
        request.QueryIndexed("expand", new[] { "a", "b" });
        request.QueryDeepObject("filter", Encoding.UTF8.GetBytes("{\"kind\":\"cat\",\"age\":{\"min\":1},\"none\":null,\"list\":[true]}"));
        request.QueryFormObject("page", Encoding.UTF8.GetBytes("{\"offset\":10,\"size\":5}"), explode: false);

        Assert.Equal(
            "https://h.example/base?q=a%26b%3Dc&tag=x&tag=y&ids=1%7C2&expand%5B0%5D=a&expand%5B1%5D=b"
            + "&filter%5Bkind%5D=cat&filter%5Bage%5D%5Bmin%5D=1&filter%5Blist%5D%5B0%5D=true&page=offset%2C10%2Csize%2C5",
            request.Url);
    }

    [Fact]
    public void A_header_value_with_a_line_break_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Request().Header("X-A", "a\r\nX-B: 1"));
        Assert.Throws<ArgumentException>(() => Request().Header("X-A", "a\nb"));
    }

    private sealed class Error
    {
        public string? Code { get; set; }
    }

    private static Error ReadError(ref Utf8JsonReader reader)
    {
        using JsonDocument document = JsonDocument.ParseValue(ref reader);
        return new Error { Code = document.RootElement.GetProperty("code").GetString() };
    }

    private static ReceivedResponse Response(int status, string body) => new("Op", status, null, "rid", "application/json", Encoding.UTF8.GetBytes(body), 8192);

    [Fact]
    public void Exact_statuses_win_over_ranges_and_ranges_over_default_whatever_the_order_they_are_declared_in()
    {
        ResponseMap<object?> map = ResponseMap.NoBody()
            .Error("default")
            .ErrorValue<int>("4XX", (ref Utf8JsonReader reader) => reader.GetInt32())
            .Error<Error>("404", ReadError, e => e.Code);

        var notFound = Assert.IsType<ApiException<Error>>(map.Failure(Response(404, "{\"code\":\"E404\"}")));
        Assert.Equal("E404", notFound.ErrorCode);
        Assert.Equal("rid", notFound.RequestId);
        ApiException range = map.Failure(Response(401, "7"));
        Assert.IsType<ApiException>(range);
        Assert.Equal("7", range.ResponseBody);
        Assert.Contains("the spec declares no body", map.Failure(Response(500, "oops")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_undeclared_status_is_tried_as_the_one_error_type_and_a_body_that_is_not_it_is_described()
    {
        ResponseMap<object?> map = ResponseMap.NoBody().Error<Error>("400", ReadError, e => e.Code).Undeclared<Error>(ReadError, e => e.Code);

        Assert.Equal("E401", Assert.IsType<ApiException<Error>>(map.Failure(Response(401, "{\"code\":\"E401\"}"))).ErrorCode);
        ApiException html = map.Failure(Response(502, "<html/>"));
        Assert.IsType<ApiException>(html);
        Assert.Contains("7 bytes, application/json", html.Message, StringComparison.Ordinal);
        Assert.Contains("not the declared JSON", map.Failure(Response(400, "<html/>")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_success_body_that_is_not_the_declared_JSON_is_an_ApiException_not_a_JsonException()
    {
        ResponseMap<int> map = ResponseMap.Json<int>((ref Utf8JsonReader reader) => reader.GetInt32());

        Assert.Equal(5, map.Success(Response(200, "5")));
        Assert.Throws<ApiException>(() => map.Success(Response(200, "\"five\"")));
        Assert.Throws<ApiException>(() => map.Success(Response(200, "5 6")));
        Assert.Throws<ApiException>(() => map.Success(Response(200, string.Empty)));
    }
}
