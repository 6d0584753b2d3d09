using System.Linq;
using DynamicRefs.Sdk;
using Xunit;

namespace OpenApiSdk.IntegrationTests;

/// <summary>
/// <c>$dynamicRef</c> whose target depends on the dynamic scope (Specs/dynamic-refs.yaml): a generic "page of T" whose
/// <c>T</c> is the <c>$dynamicAnchor item</c> of the outermost resource the page is reached through (JSON Schema 2020-12
/// core §8.2.3.2), bound to a product by one component and to a review by another; and a recursive "tree of T". The
/// schema is compiled once per binding, so each use checks its own item type, at each item's JSON Pointer.
/// </summary>
public class DynamicRefTests
{
    private static string Errors(string json) =>
        string.Join(" | ", Catalogue.FromJson(json).Validate().Select(e => e.Pointer + ": " + e.Message));

    private static string ForestErrors(string json) =>
        string.Join(" | ", Forest.FromJson(json).Validate().Select(e => e.Pointer + ": " + e.Message));

    [Theory]
    [InlineData("""{"products":{"items":[{"sku":"A-1","price":2}]},"reviews":{"items":[{"stars":5}]}}""", "")]
    [InlineData("""{"products":{"items":[{"stars":5}]}}""", "/products/items/0/sku: is required")] // a review is no product
    [InlineData("""{"reviews":{"items":[{"sku":"A-1"}]}}""", "/reviews/items/0/stars: is required")] // a product is no review
    [InlineData("""{"products":{"items":[{"sku":"A-1"},{"sku":"B-2","price":-1}]}}""", "/products/items/1/price: must be greater than or equal to 0")]
    [InlineData("""{"reviews":{"items":[{"stars":3},{"stars":9}]}}""", "/reviews/items/1/stars: must be less than or equal to 5")]
    [InlineData("""{"products":{"items":[1]},"reviews":{"items":["x"]}}""", "/products/items/0: must be an object | /reviews/items/0: must be an object")]
    public void Each_page_checks_its_items_against_the_item_type_its_own_scope_binds(string json, string errors)
    {
        Assert.Equal(errors, Errors(json));
    }

    [Theory]
    [InlineData("""{"items":[{"sku":"A-1"}]}""", "")]
    [InlineData("""{"items":[{"stars":5}]}""", "/items/0/sku: is required")]
    [InlineData("""{"next":"b","items":[{"sku":"A-1","price":-1},{"sku":2}]}""", "/items/0/price: must be greater than or equal to 0 | /items/1/sku: must be a string")]
    public void A_component_that_binds_the_anchor_is_a_type_of_its_own_checked_in_its_own_scope(string json, string errors)
    {
        // ProductPage is only a $ref to Page plus the anchor it binds, yet it is no alias of Page: its items are products.
        Assert.Equal(errors, string.Join(" | ", ProductPage.FromJson(json).Validate().Select(e => e.Pointer + ": " + e.Message)));
        Assert.Equal("", string.Join(" | ", Page.FromJson("""{"items":[{"stars":5}]}""").Validate().Select(e => e.Pointer + ": " + e.Message)));
    }

    [Theory]
    [InlineData("""{"anything":{"items":[1,"a",{"stars":9}]}}""", "")] // Page alone: its own anchor, any value
    [InlineData("""{"anything":{}}""", "/anything/items: is required")]
    [InlineData("""{"products":{"next":1,"items":[]}}""", "/products/next: must be a string")] // the page's own rules still apply
    public void A_page_reached_without_a_binding_takes_its_own_anchor_and_keeps_its_own_rules(string json, string errors)
    {
        Assert.Equal(errors, Errors(json));
    }

    [Theory]
    [InlineData("""{"numbers":{"value":1,"children":[{"value":2,"children":[{"value":3}]}]}}""", "")]
    [InlineData("""{"numbers":{"value":1,"children":[{"value":2,"children":[{"value":"three"}]}]}}""", "/numbers/children/0/children/0/value: must be a number")]
    [InlineData("""{"any":{"value":1,"children":[{"value":"two","children":[{"value":[3]}]}]}}""", "")]
    [InlineData("""{"any":{"children":[{"children":[7]}]}}""", "/any/children/0/children/0: must be an object")]
    public void A_tree_reached_through_a_typed_tree_types_every_level_and_an_untyped_one_none(string json, string errors)
    {
        Assert.Equal(errors, ForestErrors(json));
    }
}
