using System.Linq;
using System.Text.Json;
using OpenApiSdk.Runtime;
using Xunit;

namespace OpenApiSdk.RuntimeTests;

/// <summary>A request value's JSON, written by its writer, checked against a schema's method: under the value's name, without repeating what the typed checks said.</summary>
public class RequestValuesTests
{
    private static void WriteCodes(Utf8JsonWriter writer, string[] codes)
    {
        writer.WriteStartArray();
        foreach (string code in codes)
        {
            writer.WriteStringValue(code);
        }

        writer.WriteEndArray();
    }

    // The method the generator would emit for {items: {maxLength: 2}}: each item under its index.
    private static bool ShortItems(ref Validation v, JsonElement value) =>
        v.ItemsFrom(value, 0, static (ref Validation v1, JsonElement item) => v1.MaxLength(null, OpenApiRuntime.StringOf(item), 2));

    [Fact]
    public void The_values_json_is_checked_under_its_name_and_a_repeated_error_is_dropped()
    {
        var errors = new ValidationCollector();
        errors.Enter("query");
        errors.Enter("codes");
        errors.Add("1", "must be at most 2 characters long"); // a typed check that said it first, at the same pointer
        errors.Exit();
        RequestValues.Check(errors, "codes", WriteCodes, new[] { "ab", "abc", "abcd" }, ShortItems);
        errors.Exit();

        Assert.Equal(
            new[] { "/query/codes/1: must be at most 2 characters long", "/query/codes/2: must be at most 2 characters long" },
            errors.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void A_valid_value_adds_nothing()
    {
        var errors = new ValidationCollector();
        RequestValues.Check(errors, null, WriteCodes, new[] { "ab", "c" }, ShortItems);
        Assert.Empty(errors.Errors);
    }
}
