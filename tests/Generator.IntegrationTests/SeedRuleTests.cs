using System.Linq;
using System.Text.Json.Nodes;
using TaurusDb.StarRocks;
using Xunit;
using static OpenApiSdk.IntegrationTests.SeedExamples;

namespace OpenApiSdk.IntegrationTests;

/// <summary>Every rule of the seed page, through the generated Validate(): what the page allows passes, what it forbids fails at the right pointer.</summary>
public class SeedRuleTests
{
    [Fact]
    public void The_page_example_request_is_valid() => AssertValid(CreateStarRocksInstanceRequest.FromJson(RequestJson));

    [Theory]
    [InlineData("name")]
    [InlineData("engine")]
    [InlineData("ha")]
    [InlineData("fe_flavor_id")]
    [InlineData("be_flavor_id")]
    [InlineData("db_root_pwd")]
    [InlineData("fe_count")]
    [InlineData("be_count")]
    [InlineData("az_mode")]
    [InlineData("fe_volume")]
    [InlineData("be_volume")]
    [InlineData("az_code")]
    [InlineData("tags_info")]
    public void Each_mandatory_body_parameter_is_required(string name) =>
        AssertInvalidAt(Request(r => r.Remove(name)), "is required", "/" + name);

    [Theory]
    [InlineData("time_zone")]
    [InlineData("security_group_id")]
    [InlineData("region_code")]
    public void Optional_body_parameters_may_be_left_out(string name) => AssertValid(Request(r => r.Remove(name)));

    [Theory]
    [InlineData("engine", "type")]
    [InlineData("engine", "version")]
    [InlineData("ha", "mode")]
    [InlineData("fe_volume", "io_type")]
    [InlineData("fe_volume", "capacity_in_gb")]
    [InlineData("be_volume", "io_type")]
    [InlineData("be_volume", "capacity_in_gb")]
    [InlineData("tags_info", "sys_tags")]
    public void Mandatory_nested_parameters_are_required(string owner, string name) =>
        AssertInvalidAt(Request(r => r[owner]!.AsObject().Remove(name)), "is required", "/" + owner + "/" + name);

    [Theory]
    [InlineData("key")]
    [InlineData("value")]
    public void Sys_tag_key_and_value_are_required(string name) =>
        AssertInvalidAt(Request(r => r["tags_info"]!["sys_tags"]![0]!.AsObject().Remove(name)), "is required", "/tags_info/sys_tags/0/" + name);

    [Theory]
    [InlineData("abcd")]
    [InlineData("A123")]
    [InlineData("htap_ff-64")]
    [InlineData("a234567890123456789012345678901234567890123456789012345678901234")]
    public void Names_the_page_allows_are_valid(string name) => AssertValid(Request(r => r["name"] = name));

    [Theory]
    [InlineData("abc", "at least 4")]
    [InlineData("1abc", "pattern")]
    [InlineData("_abc", "pattern")]
    [InlineData("ab.c", "pattern")]
    [InlineData("ab c", "pattern")]
    [InlineData("实例名称", "pattern")]
    [InlineData("a2345678901234567890123456789012345678901234567890123456789012345", "at most 64")]
    public void Names_the_page_forbids_are_rejected(string name, string message) =>
        AssertInvalidAt(Request(r => r["name"] = name), message, "/name");

    [Theory]
    [InlineData("Test@123!")]
    [InlineData("Abcd1234")]
    [InlineData("abc(1234")]
    [InlineData("ABC)defg")]
    [InlineData("abc&DEF|")]
    [InlineData("~!@#$%^*-_=+?,()&|.aA")]
    [InlineData("Aa1Aa1Aa1Aa1Aa1Aa1Aa1Aa1Aa1Aa1Aa")]
    public void Passwords_with_three_of_the_four_kinds_are_valid(string password) => AssertValid(Request(r => r["db_root_pwd"] = password));

    [Theory]
    [InlineData("abcdefgh")]
    [InlineData("abcd1234")]
    [InlineData("ABCD!@#$")]
    [InlineData("Abc 1234")]
    [InlineData("Abc1234/")]
    [InlineData("Abcd123\n")]
    [InlineData("Ab1!")]
    [InlineData("Aa1Aa1Aa1Aa1Aa1Aa1Aa1Aa1Aa1Aa1Aa1")]
    public void Passwords_the_page_forbids_are_rejected(string password) =>
        AssertInvalidAt(Request(r => r["db_root_pwd"] = password), "must", "/db_root_pwd");

    [Theory]
    [InlineData("fe_count")]
    [InlineData("be_count")]
    public void A_single_node_instance_has_exactly_one_node(string field) =>
        AssertInvalidAt(Request(r => r[field] = 3), "must be 1", "/" + field);

    [Theory]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(10)]
    public void A_cluster_has_three_to_ten_nodes(int count) => AssertValid(Request(r =>
    {
        r["ha"]!["mode"] = "Cluster";
        r["fe_count"] = count;
        r["be_count"] = count;
    }));

    [Theory]
    [InlineData(1, "greater than or equal to 3")]
    [InlineData(2, "greater than or equal to 3")]
    [InlineData(11, "less than or equal to 10")]
    public void A_cluster_with_too_few_or_too_many_nodes_is_rejected(int count, string message) =>
        AssertInvalidAt(
            Request(r =>
            {
                r["ha"]!["mode"] = "Cluster";
                r["fe_count"] = count;
                r["be_count"] = 3;
            }),
            message,
            "/fe_count");

    [Fact]
    public void Deployment_mode_must_be_single_or_cluster() =>
        AssertInvalidAt(Request(r => r["ha"]!["mode"] = "Triple"), "must be one of", "/ha/mode");

    [Fact]
    public void Engine_type_must_be_star_rocks() =>
        AssertInvalidAt(Request(r => r["engine"]!["type"] = "click-house"), "must be one of", "/engine/type");

    [Fact]
    public void Only_single_az_is_supported() =>
        AssertInvalidAt(Request(r => r["az_mode"] = "multi"), "must be one of", "/az_mode");

    [Theory]
    [InlineData("fe_volume", 50)]
    [InlineData("fe_volume", 1000)]
    [InlineData("be_volume", 32000)]
    [InlineData("be_volume", 120)]
    public void Capacities_in_10_GB_steps_are_valid(string volume, int capacity) =>
        AssertValid(Request(r => r[volume]!["capacity_in_gb"] = capacity));

    [Theory]
    [InlineData("fe_volume", 55, "multiple of 10")]
    [InlineData("be_volume", 51, "multiple of 10")]
    [InlineData("fe_volume", 40, "greater than or equal to 50")]
    [InlineData("fe_volume", 1010, "less than or equal to 1000")]
    [InlineData("be_volume", 32010, "less than or equal to 32000")]
    public void Capacities_off_the_10_GB_steps_or_out_of_range_are_rejected(string volume, int capacity, string message) =>
        AssertInvalidAt(Request(r => r[volume]!["capacity_in_gb"] = capacity), message, "/" + volume + "/capacity_in_gb");

    [Fact]
    public void At_least_one_system_tag_is_needed() =>
        AssertInvalidAt(Request(r => r["tags_info"]!["sys_tags"] = new JsonArray()), "at least 1 item", "/tags_info/sys_tags");

    [Fact]
    public void Yearly_monthly_billing_requires_period_type_renewal_and_region() =>
        AssertInvalidAt(
            Request(r => r["pay_info"] = new JsonObject { ["pay_model"] = "1" }),
            "is required",
            "/region_code",
            "/pay_info/period",
            "/pay_info/period_type",
            "/pay_info/is_auto_renew");

    [Fact]
    public void Yearly_monthly_billing_with_everything_it_needs_is_valid() => AssertValid(Request(r =>
    {
        r["pay_info"] = new JsonObject { ["pay_model"] = "1", ["period"] = "1", ["period_type"] = "2", ["is_auto_renew"] = "0" };
        r["region_code"] = "ap-southeast-1";
    }));

    [Fact]
    public void Pay_per_use_billing_needs_nothing_else() => AssertValid(Request(r => r["pay_info"] = new JsonObject { ["pay_model"] = "0" }));

    [Theory]
    [InlineData("pay_model", "2")]
    [InlineData("period_type", "4")]
    [InlineData("is_auto_renew", "yes")]
    public void Billing_codes_must_be_ones_the_page_lists(string field, string value) =>
        AssertInvalidAt(Request(r => r["pay_info"] = new JsonObject { [field] = value }), "must be one of", "/pay_info/" + field);

    [Fact]
    public void Every_broken_rule_is_reported_not_just_the_first()
    {
        CreateStarRocksInstanceRequest request = Request(r =>
        {
            r["name"] = "x";
            r["fe_volume"]!["capacity_in_gb"] = 55;
            r["tags_info"]!["sys_tags"]![0]!.AsObject().Remove("value");
            r.Remove("az_code");
        });

        Assert.Equal(
            new[] { "/az_code", "/fe_volume/capacity_in_gb", "/name", "/tags_info/sys_tags/0/value" },
            request.Validate().Select(e => e.Pointer).Distinct().OrderBy(p => p, System.StringComparer.Ordinal));
    }

    [Fact]
    public void A_value_of_the_wrong_json_type_is_a_validation_error_not_an_exception() =>
        AssertInvalidAt(Request(r => r["fe_count"] = "three"), "must be a 32-bit integer", "/fe_count");

    [Fact]
    public void Null_for_a_mandatory_parameter_is_reported() =>
        AssertInvalidAt(Request(r => r["name"] = null), "must not be null", "/name");
}
