using System.Linq;
using Applicators.Sdk;
using Xunit;

namespace OpenApiSdk.IntegrationTests;

/// <summary>
/// Specs/applicators.yaml: <c>not</c> (JSON Schema 2020-12 core §10.2.1.4: "An instance is valid against this keyword if it
/// fails to validate successfully against the schema defined by this keyword") on a root object, a property, an item, a
/// map value and an allOf part.
/// </summary>
public class ApplicatorTests
{
    private const string Not = "must not match the schema in 'not'";

    private static string[] Errors(string json) => Account.FromJson(json).Validate().Select(e => e.ToString()).ToArray();

    [Fact]
    public void Not_on_the_root_object_rejects_an_object_its_schema_matches()
    {
        Assert.Empty(Errors("{\"name\":\"a\"}"));
        Assert.Equal(new[] { "/: " + Not }, Errors("{\"name\":\"a\",\"legacyId\":\"x\"}"));
    }

    [Fact]
    public void Not_on_a_property_an_item_and_a_map_value_rejects_what_its_schema_matches()
    {
        Assert.Empty(Errors("{\"name\":\"a \",\"scores\":[1,99],\"limits\":{\"a\":0.5}}"));
        Assert.Equal(new[] { "/name: " + Not }, Errors("{\"name\":\" a\"}"));
        Assert.Equal(new[] { "/scores/1: " + Not }, Errors("{\"scores\":[1,100]}"));
        Assert.Equal(new[] { "/limits/b: " + Not }, Errors("{\"limits\":{\"a\":1,\"b\":0}}"));
    }

    [Fact]
    public void Not_in_an_allOf_part_applies_to_the_composed_object()
    {
        Assert.Empty(Locked.FromJson("{\"name\":\"user\"}").Validate());
        Assert.Equal(new[] { "/: " + Not }, Locked.FromJson("{\"name\":\"root\"}").Validate().Select(e => e.ToString()).ToArray());
    }
}
