using System.Net.Http;
using System.Text;
using OpenApiSdk.Runtime;
using Xunit;

namespace OpenApiSdk.RuntimeTests;

/// <summary>Arrays of objects in form-style queries (ClientRequest.QueryIndexedForm), and Cookie headers (RFC 6265).</summary>
public class ParameterSerializationTests
{
    private const string Base = "https://api.example.test";

    private static ClientRequest NewRequest() => new("op", HttpMethod.Get, "/x", Base, "application/json");

    private static string Form(string name, string json)
    {
        ClientRequest request = NewRequest();
        request.QueryIndexedForm(name, Encoding.UTF8.GetBytes(json));
        return request.Url.Substring(Base.Length);
    }

    [Fact]
    public void An_array_of_objects_is_one_parameter_per_leaf_named_by_index_and_member_path()
    {
        string query = Form("items", "[{\"sku\":\"A 1\",\"qty\":2,\"ok\":true,\"price\":{\"cur\":\"usd\"},\"tags\":[\"x\",\"y\"]},{\"sku\":\"B\"}]");

        // items[0].sku=A 1&items[0].qty=2&items[0].ok=true&items[0].price.cur=usd&items[0].tags[0]=x&items[0].tags[1]=y&items[1].sku=B
        Assert.Equal(
            "?items%5B0%5D.sku=A%201&items%5B0%5D.qty=2&items%5B0%5D.ok=true&items%5B0%5D.price.cur=usd"
            + "&items%5B0%5D.tags%5B0%5D=x&items%5B0%5D.tags%5B1%5D=y&items%5B1%5D.sku=B",
            query);
    }

    [Fact]
    public void Nulls_are_left_out_and_reserved_characters_in_names_and_values_are_percent_encoded()
    {
        Assert.Equal("?a%5B0%5D.k%26%3D=v%26w%3Dx%2By%23", Form("a", "[{\"k&=\":\"v&w=x+y#\",\"n\":null}]"));
        Assert.Equal(string.Empty, Form("a", "[]"));
    }

    [Fact]
    public void Parameters_after_the_first_are_joined_with_an_ampersand()
    {
        ClientRequest request = NewRequest();
        request.Query("q", "1");
        request.QueryIndexedForm("a", Encoding.UTF8.GetBytes("[{\"b\":1}]"));
        Assert.Equal(Base + "?q=1&a%5B0%5D.b=1", request.Url);
    }

    [Fact]
    public void Cookies_are_name_value_pairs_joined_by_semicolon_space_with_only_cookie_octets_in_values()
    {
        var cookie = new StringBuilder();
        OpenApiParameters.AppendCookie(cookie, "session", "a b;c,d\"e\\f%g=ü");
        OpenApiParameters.AppendCookie(cookie, "theme", "dark");

        Assert.Equal("session=a%20b%3Bc%2Cd%22e%5Cf%25g%3D%C3%BC; theme=dark", cookie.ToString());

        // RFC 6265 §4.1.1: cookie-octet = %x21 / %x23-2B / %x2D-3A / %x3C-5B / %x5D-7E.
        string value = cookie.ToString().Split("; ")[0].Substring("session=".Length);
        Assert.All(value, c => Assert.True(c == 0x21 || (c >= 0x23 && c <= 0x2B) || (c >= 0x2D && c <= 0x3A) || (c >= 0x3C && c <= 0x5B) || (c >= 0x5D && c <= 0x7E), "not a cookie-octet: " + c));
        Assert.NotEmpty(value);
    }
}
