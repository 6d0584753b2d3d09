using System;
using System.Linq;
using System.Text.Json;
using JsonValues.Sdk;
using Xunit;

namespace OpenApiSdk.IntegrationTests;

/// <summary>
/// The JSON-value validator (Generator.Tests/Specs/json-values.yaml): values kept as <c>JsonElement</c> because their schema allows
/// several JSON types, checked against every keyword of their schema as JSON Schema 2020-12 states it (core §10 and §11,
/// validation §6), each keyword only on values of the type it applies to, with each error at its JSON Pointer.
/// </summary>
public class JsonValueTests
{
    private static string Errors(string json) =>
        string.Join(" | ", Values.FromJson(json).Validate().Select(e => e.Pointer + ": " + e.Message));

    [Theory]
    [InlineData("""{"counted":["a","b",1]}""", "")]
    [InlineData("""{"counted":"text"}""", "")] // contains applies to arrays only (§10.3.1.3)
    [InlineData("""{"counted":5}""", "/counted: must be an array or a string")]
    [InlineData("""{"counted":["a",1]}""", "/counted: must contain at least 2 items matching the schema in 'contains', but contains 1")]
    [InlineData("""{"counted":["a","b","c","d"]}""", "/counted: must contain at most 3 items matching the schema in 'contains', but contains 4")]
    [InlineData("""{"counted":["a","a",1]}""", "/counted: must not contain duplicate items")]
    [InlineData("""{"counted":[1,1.0,"a","b"]}""", "/counted: must not contain duplicate items")] // 1 equals 1.0 (core §4.2.2)
    [InlineData("""{"rows":[["a","b"],["a"]]}""", "/rows/1: must contain at least 2 items matching the schema in 'contains', but contains 1")]
    public void Contains_counts_the_items_that_match_between_minContains_and_maxContains(string json, string errors)
    {
        Assert.Equal(errors, Errors(json));
    }

    [Theory]
    [InlineData("""{"extended":["a","b"]}""", "")]
    [InlineData("""{"extended":[1,"b"]}""", "/extended/0: must be a string")]
    [InlineData("""{"extended":["a",2]}""", "/extended/1: must be a string")] // the part's prefixItems, applied in place
    [InlineData("""{"extended":["a","b","c"]}""", "/extended/2: is not allowed: no keyword of the schema evaluates this item (unevaluatedItems: false)")]
    [InlineData("""{"flags":["a","b"]}""", "")] // the first alternative holds and evaluates every item
    [InlineData("""{"flags":[true,false]}""", "")] // only true holds: nothing evaluated, each item a boolean
    [InlineData("""{"flags":[true,"a",3]}""", "/flags/1: must be a boolean | /flags/2: must be a boolean")]
    public void Keywords_beside_an_allOf_alias_or_a_choice_are_checked_with_what_the_parts_evaluate(string json, string errors)
    {
        Assert.Equal(errors, Errors(json));
    }

    [Theory]
    [InlineData("""{"tuple":["a",1,true,false]}""", "")]
    [InlineData("""{"tuple":["a"]}""", "")]
    [InlineData("""{"tuple":{"x":1}}""", "")]
    [InlineData("""{"tuple":[1,"a",3]}""", "/tuple/0: must be a string | /tuple/1: must be an integer | /tuple/2: must be a boolean")]
    [InlineData("""{"tuple":["a",1,"b"]}""", "/tuple/2: must be a boolean")] // items applies past the prefix only (§10.3.1.2)
    public void PrefixItems_checks_the_leading_items_and_items_the_rest(string json, string errors)
    {
        Assert.Equal(errors, Errors(json));
    }

    [Theory]
    [InlineData("""{"pair":["a",1,2]}""", "")]
    [InlineData("""{"pair":["a"]}""", "")]
    [InlineData("""{"pair":[1,"a"]}""", "/pair/0: must be a string | /pair/1: must be an integer")] // a leading item of another type than items is no read error
    [InlineData("""{"pair":{"x":1}}""", "/pair: must be an array")]
    [InlineData("""{"closedPair":["ab",{"id":1}]}""", "")]
    [InlineData("""{"closedPair":["a",{}]}""", "/closedPair/0: must be at least 2 characters long | /closedPair/1/id: is required")]
    [InlineData("""{"closedPair":["ab",{"id":1},3]}""", "/closedPair/2: is not allowed: the schema allows no items past the first 2 (items: false)")]
    public void An_array_type_with_prefixItems_is_kept_as_JSON_and_checks_each_leading_item_by_its_schema(string json, string errors)
    {
        Assert.Equal(errors, Errors(json));
    }

    [Theory]
    [InlineData("""{"entries":{"size":1,"x-a":"s"}}""", "")]
    [InlineData("""{"entries":[]}""", "")]
    [InlineData("""{"entries":{"x-a":"s"}}""", "/entries/size: is required")]
    [InlineData("""{"entries":{"size":-1,"x-a":2,"other":1}}""",
        "/entries/size: must be greater than or equal to 0 | /entries/x-a: must be a string | /entries/other: is not allowed: the schema declares no such property (additionalProperties: false)")]
    [InlineData("""{"entries":{"size":1,"min":0}}""", "/entries/max: is required when \"min\" is present (dependentRequired)")]
    [InlineData("""{"entries":{"size":1,"min":0,"max":0}}""", "/entries/max: must be greater than or equal to 1")]
    [InlineData("""{"entries":{"size":1,"x-toolong":"s"}}""", "/entries/x-toolong: has a name that does not match the schema in 'propertyNames'")]
    public void Object_keywords_check_members_by_name_pattern_dependency_and_name(string json, string errors)
    {
        Assert.Equal(errors, Errors(json));
    }

    [Theory]
    [InlineData("""{"logic":"ab"}""", "")]
    [InlineData("""{"logic":4}""", "")]
    [InlineData("""{"logic":"a"}""", "/logic: must be at least 2 characters long")] // then
    [InlineData("""{"logic":6}""", "/logic: must match exactly one of the alternatives (oneOf), but matches 2 of the 2")]
    [InlineData("""{"logic":5.5}""", "/logic: must match at least one of the alternatives (anyOf), but matches none of the 2 | /logic: must match exactly one of the alternatives (oneOf), but matches none of the 2")]
    [InlineData("""{"logic":true}""", "/logic: must not match the schema in 'not' | /logic: must match exactly one of the alternatives (oneOf), but matches 2 of the 2")]
    public void Not_if_then_else_anyOf_and_oneOf_ask_their_subschemas_without_reporting(string json, string errors)
    {
        Assert.Equal(errors, Errors(json));
    }

    [Theory]
    [InlineData("""{"shape":{"size":1,"kind":"round"}}""", "")] // members in any order
    [InlineData("""{"shape":[1.0,2]}""", "")]
    [InlineData("""{"shape":[2,1]}""", "/shape: must be one of: {\"kind\":\"round\",\"size\":1}, [1,2]")]
    [InlineData("""{"shape":{"kind":"round","size":1,"x":0}}""", "/shape: must be one of: {\"kind\":\"round\",\"size\":1}, [1,2]")]
    public void An_enum_of_objects_and_arrays_compares_by_JSON_equality(string json, string errors)
    {
        Assert.Equal(errors, Errors(json));
    }

    [Fact]
    public void A_recursive_schema_checks_every_level_through_its_ref()
    {
        Assert.Equal("/tree/children/0/children/0/value: must be a number",
            Errors("""{"tree":{"value":1,"children":[{"value":2,"children":[{"value":"x"}]}]}}"""));
    }

    [Theory]
    [InlineData("""{"sealed":{"id":1}}""", "")]
    [InlineData("""{"sealed":{"id":1,"kind":"k"}}""", "")] // evaluated by dependentSchemas
    [InlineData("""{"sealed":{"id":1,"extra":5}}""", "")] // evaluated by then
    [InlineData("""{"sealed":{"id":1,"other":1}}""", "/sealed/other: is not allowed: no keyword of the schema evaluates this property (unevaluatedProperties: false)")]
    [InlineData("""{"sealed":{"kind":1}}""", "/sealed/kind: must be a string")]
    [InlineData("""{"sealed":["a",true,false]}""", "")]
    [InlineData("""{"sealed":["a",1]}""", "/sealed/1: must be a boolean")]
    public void Unevaluated_keywords_see_what_the_applicators_that_held_evaluated(string json, string errors)
    {
        Assert.Equal(errors, Errors(json));
    }

    [Theory]
    [InlineData("""{"id":"a","x-n":1}""", "")]
    [InlineData("""{"id":"a","x-n":"s"}""", "/x-n: must be an integer")]
    [InlineData("""{"id":"a","y":1}""", "/y: is not allowed: the schema declares no such property (additionalProperties: false)")]
    [InlineData("""{"id":1,"x-n":1}""", "/id: must be a string")] // a read error: said once, and the JSON is not checked again
    public void A_model_whose_typed_checks_cannot_carry_a_keyword_is_checked_as_its_own_JSON(string json, string errors)
    {
        Assert.Equal(errors, string.Join(" | ", Tagged.FromJson(json).Validate().Select(e => e.Pointer + ": " + e.Message)));
    }

    [Theory]
    [InlineData("""{"ids":12}""", "")]
    [InlineData("""{"ids":"x"}""", "")]
    [InlineData("""{"ids":{"0":"x","length":1}}""", "")] // a JavaScript pseudo-array is an object, not an array
    [InlineData("""{"ids":[1,2]}""", "")]
    [InlineData("""{"ids":["x"]}""", "/ids/0: must be an integer")]
    [InlineData("""{"ids":[1,2,3]}""", "/ids: must have at most 2 items")]
    [InlineData("""{"inlineIds":12}""", "")]
    [InlineData("""{"inlineIds":[1,"x"]}""", "/inlineIds/1: must be an integer")]
    public void Items_without_type_checks_the_items_of_an_array_and_accepts_every_other_value(string json, string errors)
    {
        // OpenAPI 3.1 is JSON Schema 2020-12: items applies to arrays only (core §10.3.1.2), and a schema without type allows every JSON type.
        Assert.Equal(errors, Errors(json));
        Assert.Equal(typeof(JsonElement?), typeof(Values).GetProperty(nameof(Values.Ids))!.PropertyType);
        Assert.Equal(typeof(JsonElement?), typeof(Values).GetProperty(nameof(Values.InlineIds))!.PropertyType);
    }

    [Fact]
    public void In_OpenAPI_30_items_without_type_stays_a_typed_list_that_rejects_other_values()
    {
        // 3.0's own dialect (Specs/items-30.yaml, where the generator says so with OAS023): the list its documents mean.
        Assert.Equal(typeof(System.Collections.Generic.List<long>), typeof(Items30.Sdk.Holder).GetProperty(nameof(Items30.Sdk.Holder.Ids))!.PropertyType);
        Assert.Empty(Items30.Sdk.Holder.FromJson("""{"ids":[1,2]}""").Validate());
        ValidationError error = Assert.Single(Items30.Sdk.Holder.FromJson("""{"ids":12}""").Validate());
        Assert.Equal(("/ids", "must be an array"), (error.Pointer, error.Message));
    }

    [Theory]
    [InlineData("""{"tuple":["a",1,true]}""")]
    [InlineData("""{"logic":4}""")]
    [InlineData("""{"shape":[1,2]}""")]
    [InlineData("""{"tree":{"value":1,"children":[{"value":2}]}}""")]
    [InlineData("""{"sealed":{"id":1,"kind":"k"}}""")]
    [InlineData("""{"sealed":["a",true]}""")]
    public void A_valid_value_is_checked_without_allocating(string json)
    {
        // (patternProperties and propertyNames read member names, and a string's length, pattern or uniqueness reads the string.)
        Values values = Values.FromJson(json);
        Assert.Empty(values.Validate()); // warm up: static lambdas, patterns and parsed constants exist after the first run

        long before = GC.GetAllocatedBytesForCurrentThread();
        bool valid = values.IsValid();
        int errors = values.Validate().Count;
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(valid);
        Assert.Equal(0, errors);
        Assert.Equal(0, allocated);
    }
}
