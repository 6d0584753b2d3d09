using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using TypedRules.Sdk;
using Xunit;

namespace OpenApiSdk.IntegrationTests;

/// <summary>
/// Edge cases of JSON Schema 2020-12 on typed values (Specs/typed-rules.yaml), each as the JSON-Schema-Test-Suite
/// states it: enum.json "empty enum", type.json "a float with zero fractional part is an integer", allOf.json "nested
/// allOf", required.json "required with escaped characters" and "... Javascript object property names", and
/// optional/ecmascript-regex.json and non-bmp-regex.json for patterns (ECMA-262 §22.2).
/// </summary>
public class TypedRuleTests
{
    private static string Errors(OpenApiModel model) =>
        string.Join(" | ", model.Validate().Select(e => e.Pointer + ": " + e.Message));

    [Theory]
    [InlineData("{}", "")] // absent: enum constrains only a value that is there
    [InlineData("{\"none\":\"a\"}", "/none: is not allowed: the enum is empty")]
    [InlineData("{\"none\":null}", "/none: is not allowed: the enum is empty")]
    [InlineData("{\"none\":{}}", "/none: is not allowed: the enum is empty")]
    [InlineData("{\"retired\":\"x\"}", "/retired: is not allowed: the enum is empty")]
    public void An_empty_enum_allows_no_value(string json, string errors)
    {
        Assert.Equal(errors, Errors(Label.FromJson(json)));
    }

    [Theory]
    [InlineData("{\"count\":1.0,\"small\":2.0}", 1, 2, "")] // validation §6.1.1: a number with a zero fractional part is an integer
    [InlineData("{\"count\":1e3,\"small\":-4E0}", 1000, -4, "")]
    [InlineData("{\"count\":1.5}", 0, 0, "/count: must be an integer")]
    [InlineData("{\"small\":3000000000.0}", 0, 0, "/small: must be a 32-bit integer")]
    public void A_whole_number_with_a_fraction_is_an_integer(string json, long count, int small, string errors)
    {
        Label label = Label.FromJson(json);
        Assert.Equal((count, small, errors), (label.Count ?? 0, label.Small ?? 0, Errors(label)));
    }

    [Theory]
    [InlineData("{\"code\":\"123\",\"word\":\"a_1\",\"spaced\":\"a\\u3000b\",\"dragons\":\"\\uD83D\\uDC32\\uD83D\\uDC32\",\"letters\":\"\\u00E9cole\"}", "")]
    [InlineData("{\"code\":\"\\u0661\\u0662\\u0663\"}", "/code: must match the pattern ^\\d{3}$")] // ARABIC-INDIC digits: \d is [0-9]
    [InlineData("{\"word\":\"\\u00E9\"}", "/word: must match the pattern ^\\w+$")] // \w is [A-Za-z0-9_]
    [InlineData("{\"spaced\":\"a\\u0085b\"}", "/spaced: must match the pattern ^\\S+\\s\\S+$")] // NEL is no ECMA-262 white space
    [InlineData("{\"spaced\":\"a\\uFEFFb\"}", "")] // ZWNBSP is
    [InlineData("{\"dragons\":\"\\uD83D\\uDC09\"}", "/dragons: must match the pattern ^\U0001F432*$")] // one code point, repeated whole
    [InlineData("{\"letters\":\"ab1\"}", "/letters: must match the pattern ^\\p{Letter}+$")]
    public void Patterns_mean_what_ECMA_262_says(string json, string errors)
    {
        Assert.Equal(errors, Errors(Label.FromJson(json)));
    }

    [Fact]
    public void A_nested_allOf_of_type_null_accepts_only_null()
    {
        Assert.Equal(string.Empty, Errors(Label.FromJson("{\"nothing\":null}")));
        Assert.Equal("/nothing: must be null", Errors(Label.FromJson("{\"nothing\":{}}")));
        Assert.Equal("/nothing: must be null", Errors(Label.FromJson("{\"nothing\":0}")));
    }

    [Fact]
    public void Required_names_that_are_escapes_or_JavaScript_members_are_checked()
    {
        Assert.Equal(string.Empty, Errors(Label.FromJson("{\"odd\":{\"foo\\nbar\":1,\"foo\\\"bar\":1,\"__proto__\":1,\"toString\":1,\"constructor\":1}}")));
        Assert.Equal(
            "/odd/foo\nbar: is required | /odd/foo\"bar: is required | /odd/toString: is required | /odd/constructor: is required",
            Errors(Label.FromJson("{\"odd\":{\"__proto__\":1}}")));
        Assert.Equal(string.Empty, Errors(Label.FromJson("{\"odd\":12}"))); // no type: required constrains objects only
    }

    [Theory]
    [InlineData("{\"distinct\":[1,\"1\",[1],{\"a\":1},{\"a\":2}]}", "")]
    [InlineData("{\"distinct\":\"aa\"}", "")] // no type: uniqueItems constrains arrays only
    [InlineData("{\"distinct\":[1,1.0]}", "/distinct: must not contain duplicate items")] // validation §6.4.3 with core §4.2.2 equality: 1 is 1.0
    [InlineData("{\"distinct\":[{\"a\":1,\"b\":2},{\"b\":2,\"a\":1}]}", "/distinct: must not contain duplicate items")] // members in any order
    public void UniqueItems_without_type_checks_arrays_by_JSON_equality(string json, string errors)
    {
        Assert.Equal(errors, Errors(Label.FromJson(json)));
    }

    [Theory]
    [InlineData("{\"token\":\"abc\"}", "")] // Token gives no type: a string is valid where its string rules hold
    [InlineData("{\"token\":12}", "")]
    [InlineData("{\"token\":\"abcd\"}", "/token: must be at most 3 characters long")]
    [InlineData("{\"wordToken\":7}", "")]
    [InlineData("{\"wordToken\":\"abcd\"}", "/wordToken: must be at most 3 characters long")] // Word is Token and more
    [InlineData("{\"wordToken\":4}", "/wordToken: must be greater than or equal to 5")]
    [InlineData("{\"blockToken\":\"ab\"}", "/blockToken: must be an object")] // Block says type: object
    public void A_hierarchy_whose_base_gives_no_type_holds_values_that_are_not_objects(string json, string errors)
    {
        Label label = Label.FromJson(json);
        Assert.Equal(errors, Errors(label));
        Assert.Equal(json, label.ToJson()); // written back as it came
    }

    [Fact]
    public void A_hierarchy_member_reads_a_non_object_into_NonObjectValue_and_an_object_by_its_discriminator()
    {
        Label label = Label.FromJson("{\"token\":\"ab\",\"wordToken\":{\"kind\":\"Word\",\"text\":\"t\"}}");
        Assert.Equal("ab", label.Token!.NonObjectValue!.Value.GetString());
        Assert.Null(label.WordToken!.NonObjectValue);
        Assert.Equal("t", label.WordToken.Text);

        Label block = Label.FromJson("{\"token\":{\"kind\":\"Block\",\"size\":\"x\"}}");
        Assert.IsType<Block>(block.Token);
        Assert.Equal("/token/size: must be an integer", Errors(block));
    }

    [Fact]
    public async Task A_parameter_pattern_an_empty_enum_uniqueItems_and_not_are_checked_before_sending()
    {
        using var http = new HttpClient(new NoCall()) { BaseAddress = new Uri("https://labels.example/") };
        var client = new LabelsClient(http);

        ValidationException digits = await Assert.ThrowsAsync<ValidationException>(() => client.GetLabelAsync("\u0661\u0662\u0663"));
        Assert.Equal(("/path/code", "must match the pattern ^\\d{3}$"), (digits.Errors.Single().Pointer, digits.Errors.Single().Message));

        ValidationException retired = await Assert.ThrowsAsync<ValidationException>(() => client.GetLabelAsync("123", "x"));
        Assert.Equal(("/query/retired", "is not allowed: the enum is empty"), (retired.Errors.Single().Pointer, retired.Errors.Single().Message));

        ValidationException picks = await Assert.ThrowsAsync<ValidationException>(() => client.GetLabelAsync("123", picks: Json("[\"a\",\"b\",\"a\"]")));
        Assert.Equal(("/query/picks", "must not contain duplicate items"), (picks.Errors.Single().Pointer, picks.Errors.Single().Message));

        // not (2020-12 core §10.2.1.4): a value valid against the not schema is invalid.
        ValidationException admin = await Assert.ThrowsAsync<ValidationException>(() => client.GetLabelAsync("123", owner: "admin-1"));
        Assert.Equal(("/query/owner", "must not match the schema in 'not'"), (admin.Errors.Single().Pointer, admin.Errors.Single().Message));
        ValidationException inside = await Assert.ThrowsAsync<ValidationException>(() => client.GetLabelAsync("123", size: 15));
        Assert.Equal(("/query/size", "must not match the schema in 'not'"), (inside.Errors.Single().Pointer, inside.Errors.Single().Message));
        await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetLabelAsync("123", owner: "user-admin", size: 21)); // valid: sent
    }

    private static System.Text.Json.JsonElement Json(string text) => System.Text.Json.JsonDocument.Parse(text).RootElement.Clone();

    private sealed class NoCall : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("validation should have stopped the request");
    }
}
