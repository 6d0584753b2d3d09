using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Typeless.Sdk;
using Xunit;

namespace OpenApiSdk.IntegrationTests;

/// <summary>
/// Schemas without <c>type</c> and with a list of types (Specs/typeless.yaml). JSON Schema 2020-12 validation §6.1.1 and
/// §6.2-6.5: a schema without <c>type</c> accepts every JSON type, and each keyword constrains only values of the type it
/// applies to (<c>minimum</c> numbers, <c>maxLength</c> strings, <c>minItems</c> arrays, <c>maxProperties</c> objects); a
/// <c>type</c> list accepts a value of any listed type (an integer is also a number).
/// </summary>
public class TypelessTests
{
    private static string Errors(OpenApiModel model) =>
        string.Join(" | ", model.Validate().Select(e => e.Pointer + ": " + e.Message));

    [Theory]
    [InlineData("{\"anything\":2}", "")]
    [InlineData("{\"anything\":\"ab\"}", "")]
    [InlineData("{\"anything\":[1]}", "")]
    [InlineData("{\"anything\":{\"a\":1}}", "")]
    [InlineData("{\"anything\":true}", "")]
    [InlineData("{\"anything\":null}", "")]
    [InlineData("{\"anything\":1}", "/anything: must be greater than or equal to 1.5")]
    [InlineData("{\"anything\":10}", "/anything: must be less than 10")]
    [InlineData("{\"anything\":2.25}", "/anything: must be a multiple of 0.5")]
    [InlineData("{\"anything\":\"a\"}", "/anything: must be at least 2 characters long")]
    [InlineData("{\"anything\":\"bc\"}", "/anything: must match the pattern ^a")]
    [InlineData("{\"anything\":[]}", "/anything: must have at least 1 item")]
    [InlineData("{\"anything\":{\"a\":1,\"b\":2}}", "/anything: must have at most 1 property")]
    public void Each_keyword_of_a_typeless_property_checks_only_values_of_its_own_type(string json, string errors)
    {
        Assert.Equal(errors, Errors(Reading.FromJson(json)));
    }

    [Theory]
    [InlineData("{\"day\":\"2024-02-29\"}", "")]
    [InlineData("{\"day\":12}", "")] // format asserts on strings only
    [InlineData("{\"day\":\"2023-02-29\"}", "/day: must be a date (format: date, YYYY-MM-DD)")]
    public void A_format_without_type_checks_strings(string json, string errors)
    {
        Assert.Equal(errors, Errors(Reading.FromJson(json)));
    }

    [Theory]
    [InlineData("{\"either\":7}", "")]
    [InlineData("{\"either\":7.0}", "")] // 7.0 is an integer (§4.2.2)
    [InlineData("{\"either\":\"abc\"}", "")]
    [InlineData("{\"either\":7.5}", "/either: must be an integer or a string")]
    [InlineData("{\"either\":null}", "/either: must be an integer or a string")]
    [InlineData("{\"either\":[]}", "/either: must be an integer or a string")]
    [InlineData("{\"either\":11}", "/either: must be less than or equal to 10")]
    [InlineData("{\"either\":\"abcd\"}", "/either: must be at most 3 characters long")]
    [InlineData("{\"flagOrNothing\":null}", "")]
    [InlineData("{\"flagOrNothing\":false}", "")]
    [InlineData("{\"flagOrNothing\":0}", "/flagOrNothing: must be a boolean")] // one type and null: a bool?, read as one
    public void A_type_list_accepts_each_listed_type_and_checks_each_keyword_on_its_own(string json, string errors)
    {
        Assert.Equal(errors, Errors(Reading.FromJson(json)));
    }

    [Theory]
    [InlineData("{\"bounded\":\"abc\"}", "")]
    [InlineData("{\"bounded\":{}}", "")]
    [InlineData("{\"bounded\":1}", "/bounded: must be greater than or equal to 1.5")]
    [InlineData("{\"samples\":[1,\"ab\",null,[]]}", "")]
    [InlineData("{\"samples\":[1,4,\"abc\"]}", "/samples/1: must be less than or equal to 3 | /samples/2: must be at most 2 characters long")]
    [InlineData("{\"labels\":{\"a\":\"x\",\"b\":0}}", "")]
    [InlineData("{\"labels\":{\"a\":\"\",\"b\":-1,\"c\":true}}", "/labels/a: must be at least 1 characters long | /labels/b: must be greater than or equal to 0 | /labels/c: must be a string or a number")]
    public void A_referenced_component_a_list_item_and_a_map_value_are_checked_the_same_way(string json, string errors)
    {
        Assert.Equal(errors, Errors(Reading.FromJson(json)));
    }

    [Theory]
    [InlineData("{\"shape\":{\"side\":2}}", "")]
    [InlineData("{\"shape\":\"abcd\"}", "")]
    [InlineData("{\"shape\":12}", "")]
    [InlineData("{\"shape\":null}", "")]
    [InlineData("{\"shape\":[1,2]}", "")]
    [InlineData("{\"shape\":{}}", "/shape/side: is required")]
    [InlineData("{\"shape\":\"abcde\"}", "/shape: must be at most 4 characters long")]
    [InlineData("{\"narrowed\":\"ab\"}", "")]
    [InlineData("{\"narrowed\":\"abc\"}", "/narrowed: must be at most 2 characters long")] // the allOf part's rule
    [InlineData("{\"narrowed\":{\"side\":\"wide\"}}", "/narrowed/side: must be a number")]
    public void A_model_without_type_holds_any_JSON_value_and_applies_its_properties_to_objects_only(string json, string errors)
    {
        Assert.Equal(errors, Errors(Reading.FromJson(json)));
    }

    [Theory]
    [InlineData("{\"anything\":[{}]}", "")]
    [InlineData("{\"none\":[]}", "")]
    [InlineData("{\"never\":0}", "/never: is not allowed: the schema is false")]
    [InlineData("{\"never\":null}", "/never: is not allowed: the schema is false")]
    [InlineData("{\"neverByRef\":\"x\"}", "/neverByRef: is not allowed: the schema is false")]
    [InlineData("{\"none\":[1,null]}", "/none/0: is not allowed: the schema is false | /none/1: is not allowed: the schema is false")]
    [InlineData("{\"notObject\":{}}", "/notObject: is not allowed: the schema is false")]
    [InlineData("{\"notObject\":3}", "/notObject: is not allowed: the schema is false")]
    public void The_schema_true_accepts_every_value_and_false_none_wherever_it_stands(string json, string errors)
    {
        Assert.Equal(errors, Errors(Flags.FromJson(json)));
    }

    [Fact]
    public void A_value_that_is_not_an_object_is_kept_as_JSON_and_written_back_as_it_came()
    {
        Reading reading = Reading.FromJson("{\"shape\":[1,\"two\"]}");

        Assert.Equal("[1,\"two\"]", reading.Shape!.NonObjectValue!.Value.GetRawText());
        Assert.Equal("{\"shape\":[1,\"two\"]}", reading.ToJson());
        Assert.NotEqual(Reading.FromJson("{\"shape\":[1,\"three\"]}"), reading);
        Assert.Equal(Reading.FromJson("{\"shape\":[1,\"two\"]}"), reading);

        Shape shape = Shape.FromJson("{\"side\":2}");
        Assert.Null(shape.NonObjectValue);
        Assert.Equal(2, shape.Side);
        Assert.Equal("7", Shape.FromJson("7").ToJson());
        Assert.Equal("must be at most 4 characters long", Assert.Single(Shape.FromJson("\"abcde\"").Validate()).Message);
    }

    [Fact]
    public async Task A_typeless_parameter_and_a_type_list_parameter_are_checked_before_sending()
    {
        using var http = new HttpClient(new NoCall()) { BaseAddress = new Uri("https://readings.example/") };
        var client = new ReadingsClient(http);

        ValidationException tooShort = await Assert.ThrowsAsync<ValidationException>(() => client.GetReadingAsync(Json("\"a\"")));
        Assert.Equal(("/path/code", "must be at least 2 characters long"), (tooShort.Errors.Single().Pointer, tooShort.Errors.Single().Message));

        ValidationException tooLarge = await Assert.ThrowsAsync<ValidationException>(() => client.GetReadingAsync(Json("\"ab\""), Json("101")));
        Assert.Equal(("/query/limit", "must be less than or equal to 100"), (tooLarge.Errors.Single().Pointer, tooLarge.Errors.Single().Message));

        ValidationException wrongType = await Assert.ThrowsAsync<ValidationException>(() => client.GetReadingAsync(Json("\"ab\""), Json("true")));
        Assert.Equal(("/query/limit", "must be an integer or a string"), (wrongType.Errors.Single().Pointer, wrongType.Errors.Single().Message));
    }

    private static System.Text.Json.JsonElement Json(string text) => System.Text.Json.JsonDocument.Parse(text).RootElement.Clone();

    private sealed class NoCall : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("validation should have stopped the request");
    }
}
