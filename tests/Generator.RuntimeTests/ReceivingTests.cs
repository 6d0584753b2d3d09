using System.Collections.Generic;
using System.Text;
using OpenApiSdk.Runtime;
using Xunit;

namespace OpenApiSdk.RuntimeTests;

/// <summary>OpenApiReceiving: what webhook and callback parsers use to read a request's headers and media type.</summary>
public class ReceivingTests
{
    [Theory]
    [InlineData(null, true)] // no Content-Type: read as the JSON the spec declares
    [InlineData("", true)]
    [InlineData("application/json", true)]
    [InlineData("Application/JSON; charset=utf-8", true)]
    [InlineData("application/cloudevents+json", true)]
    [InlineData("text/plain", false)]
    [InlineData("application/x-www-form-urlencoded", false)]
    [InlineData("application/jsonp", false)]
    [InlineData("text/json+xml", false)]
    public void Json_media_types_are_application_json_and_application_plus_json(string? contentType, bool json)
    {
        Assert.Equal(json, OpenApiReceiving.IsJsonMediaType(contentType));
    }

    [Fact]
    public void Headers_are_found_case_insensitively_whatever_the_dictionarys_comparer()
    {
        var headers = new Dictionary<string, string> { ["x-signature"] = "s" };

        Assert.True(OpenApiReceiving.TryGetHeader(headers, "X-Signature", out string value));
        Assert.Equal("s", value);
        Assert.False(OpenApiReceiving.TryGetHeader(headers, "X-Other", out _));
    }

    [Fact]
    public void Declared_headers_become_one_JSON_object_typed_by_their_kind_and_absent_ones_are_left_out()
    {
        var headers = new Dictionary<string, string>
        {
            ["X-Text"] = " 5 ",
            ["x-count"] = " 5 ",
            ["X-Flag"] = "true",
            ["X-Bad"] = "five",
            ["X-Tags"] = "a, b ,c",
            ["X-Ids"] = "1,x",
            ["X-Filter"] = "{\"a\":[1]}",
            ["X-Broken"] = "{a",
        };
        string[] names = { "X-Text", "X-Count", "X-Flag", "X-Bad", "X-Tags", "X-Ids", "X-Filter", "X-Broken", "X-Absent" };
        HeaderText[] kinds = { HeaderText.Text, HeaderText.Scalar, HeaderText.Scalar, HeaderText.Scalar, HeaderText.TextList, HeaderText.ScalarList, HeaderText.Json, HeaderText.Json, HeaderText.Text };

        string json = Encoding.UTF8.GetString(OpenApiReceiving.HeadersJson(headers, names, kinds));

        // Surrounding whitespace is not part of a field value (RFC 9110 §5.5); a text header stays a string.
        // A number or boolean that does not parse stays a string, so the headers model's reader names it ("must be an integer").
        Assert.Equal(
            "{\"X-Text\":\"5\",\"X-Count\":5,\"X-Flag\":true,\"X-Bad\":\"five\",\"X-Tags\":[\"a\",\"b\",\"c\"],\"X-Ids\":[1,\"x\"],\"X-Filter\":{\"a\":[1]},\"X-Broken\":\"{a\"}",
            json);
    }
}
