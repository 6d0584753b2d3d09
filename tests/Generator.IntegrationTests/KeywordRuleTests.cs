using System.Linq;
using KeywordRules.Sdk;
using Xunit;

namespace OpenApiSdk.IntegrationTests;

/// <summary>
/// Specs/keyword-rules.yaml: keyword cases issue 17 found wrong with no diagnostic, now checked as JSON Schema 2020-12 says
/// (validation §6.1.1: type null; §6.1.2-3: const/enum by JSON equality, where 1 equals 1.0 and false is not 0; §6.4.3: uniqueItems whatever
/// the items' schema; §6.3.1, §6.4.1: a count written 2.0 is an integer).
/// </summary>
public class KeywordRuleTests
{
    private static string[] Errors(string json) => Settings.FromJson(json).Validate().Select(e => e.ToString()).ToArray();

    [Fact]
    public void A_maxLength_written_as_2_point_0_is_checked()
    {
        Assert.Empty(Errors("{\"code\":\"ab\"}"));
        Assert.Equal(new[] { "/code: must be at most 2 characters long" }, Errors("{\"code\":\"abc\"}"));
    }

    [Fact]
    public void A_minItems_written_as_1_point_0_is_checked()
    {
        Assert.Equal(new[] { "/tags: must have at least 1 item" }, Errors("{\"tags\":[]}"));
    }

    [Fact]
    public void UniqueItems_is_checked_on_items_without_a_schema_with_JSON_equality()
    {
        Assert.Empty(Errors("{\"tags\":[1,\"1\",true,{\"a\":1},[1]]}"));
        Assert.Equal(new[] { "/tags: must not contain duplicate items" }, Errors("{\"tags\":[1,1.0]}"));
        Assert.Equal(new[] { "/tags: must not contain duplicate items" }, Errors("{\"tags\":[{\"a\":1,\"b\":[2]},{\"b\":[2.0],\"a\":1}]}"));
    }

    [Fact]
    public void Const_false_rejects_0_and_accepts_only_false()
    {
        Assert.Empty(Errors("{\"flag\":false}"));
        Assert.Equal(new[] { "/flag: must be false" }, Errors("{\"flag\":0}"));
        Assert.Equal(new[] { "/flag: must be false" }, Errors("{\"flag\":null}"));
    }

    [Fact]
    public void Enum_compares_JSON_values_numbers_by_value_and_never_a_boolean_with_a_number()
    {
        Assert.Empty(Errors("{\"level\":0}"));
        Assert.Empty(Errors("{\"level\":0.0}"));
        Assert.Empty(Errors("{\"level\":2.50}"));
        Assert.Empty(Errors("{\"level\":\"high\"}"));
        Assert.Empty(Errors("{\"level\":null}"));
        Assert.Equal(new[] { "/level: must be one of: 0, 2.5, high, null" }, Errors("{\"level\":false}"));
        Assert.Equal(new[] { "/level: must be one of: 0, 2.5, high, null" }, Errors("{\"level\":\"low\"}"));
    }

    [Fact]
    public void Type_null_accepts_only_null()
    {
        Assert.Empty(Errors("{\"nothing\":null}"));
        Assert.Empty(Errors("{}"));
        Assert.Equal(new[] { "/nothing: must be null" }, Errors("{\"nothing\":1}"));
        Assert.Equal(new[] { "/nothing: must be null" }, Errors("{\"nothing\":false}"));
    }

    [Fact]
    public void Const_on_untyped_items_is_checked_at_each_item()
    {
        Assert.Empty(Errors("{\"values\":[1,1.0]}"));
        Assert.Equal(new[] { "/values/1: must be 1" }, Errors("{\"values\":[1,true]}"));
    }
}
