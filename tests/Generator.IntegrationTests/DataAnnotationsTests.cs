using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.Linq;
using System.Text.Json.Nodes;
using TaurusDb.StarRocks;
using Xunit;
using static OpenApiSdk.IntegrationTests.SeedExamples;

namespace OpenApiSdk.IntegrationTests;

/// <summary>The same seed rules through DataAnnotations, as Validator.TryValidateObject and ASP.NET Core apply them.</summary>
public class DataAnnotationsTests
{
    private static List<ValidationResult> Annotate(object instance)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(instance, new ValidationContext(instance), results, validateAllProperties: true);
        return results;
    }

    private static void AssertAnnotationFails(object instance, string member)
    {
        List<ValidationResult> results = Annotate(instance);
        Assert.True(results.Any(r => r.MemberNames.Contains(member)), string.Join("; ", results.Select(r => string.Join(",", r.MemberNames) + ": " + r.ErrorMessage)));
    }

    [Fact]
    public void The_page_example_request_passes_every_attribute()
    {
        CreateStarRocksInstanceRequest request = CreateStarRocksInstanceRequest.FromJson(RequestJson);
        Assert.Empty(Annotate(request));
        Assert.Empty(Annotate(request.FeVolume));
        Assert.Empty(Annotate(request.TagsInfo));
        Assert.Empty(Annotate(request.TagsInfo.SysTags[0]));
    }

    [Theory]
    [InlineData("name", "abc", nameof(CreateStarRocksInstanceRequest.Name))]
    [InlineData("name", "1abc", nameof(CreateStarRocksInstanceRequest.Name))]
    [InlineData("db_root_pwd", "abcdefgh", nameof(CreateStarRocksInstanceRequest.DbRootPwd))]
    [InlineData("db_root_pwd", "Abc1234/", nameof(CreateStarRocksInstanceRequest.DbRootPwd))]
    [InlineData("az_mode", "multi", nameof(CreateStarRocksInstanceRequest.AzMode))]
    public void String_rules_are_enforced_by_attributes(string field, string value, string member) =>
        AssertAnnotationFails(Request(r => r[field] = value), member);

    [Theory]
    [InlineData("name", nameof(CreateStarRocksInstanceRequest.Name))]
    [InlineData("engine", nameof(CreateStarRocksInstanceRequest.Engine))]
    [InlineData("tags_info", nameof(CreateStarRocksInstanceRequest.TagsInfo))]
    public void Missing_mandatory_objects_and_strings_fail_Required(string field, string member) =>
        AssertAnnotationFails(Request(r => r.Remove(field)), member);

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void Node_counts_outside_1_to_10_fail_Range(int count) =>
        AssertAnnotationFails(Request(r => r["fe_count"] = count), nameof(CreateStarRocksInstanceRequest.FeCount));

    [Theory]
    [InlineData(55)]
    [InlineData(40)]
    [InlineData(1010)]
    public void Capacity_rules_are_enforced_by_attributes(int capacity) =>
        AssertAnnotationFails(Request(r => r["fe_volume"]!["capacity_in_gb"] = capacity).FeVolume, nameof(FeVolume.CapacityInGb));

    [Fact]
    public void An_empty_sys_tags_list_fails_the_item_count_attribute() =>
        AssertAnnotationFails(Request(r => r["tags_info"]!["sys_tags"] = new JsonArray()).TagsInfo, nameof(TagsInfo.SysTags));

    [Fact]
    public void The_conditional_node_count_rule_is_enforced_at_type_level()
    {
        List<ValidationResult> results = Annotate(Request(r => r["fe_count"] = 3));
        Assert.Contains(results, r => r.MemberNames.Contains("/fe_count"));
    }

    [Fact]
    public void The_conditional_billing_rule_is_enforced_at_type_level()
    {
        List<ValidationResult> results = Annotate(Request(r => r["pay_info"] = new JsonObject { ["pay_model"] = "1", ["period"] = "1", ["period_type"] = "2", ["is_auto_renew"] = "1" }));
        Assert.Contains(results, r => r.MemberNames.Contains("/region_code"));
    }

    [Fact]
    public void A_missing_node_count_fails_validation()
    {
        // A missing int reads as 0, so the Range attribute fails first; the type-level rule would name it "/be_count".
        List<ValidationResult> results = Annotate(Request(r => r.Remove("be_count")));
        Assert.Contains(results, r => r.MemberNames.Contains(nameof(CreateStarRocksInstanceRequest.BeCount)) || r.MemberNames.Contains("/be_count"));
    }
}
