using TaurusDb.StarRocks;
using Xunit;
using static OpenApiSdk.IntegrationTests.SeedExamples;

namespace OpenApiSdk.IntegrationTests;

/// <summary>What the vendor's SDK gets wrong: ToString prints the password, Equals compares nested objects by reference.</summary>
public class ModelBehaviourTests
{
    [Fact]
    public void ToString_redacts_the_database_password()
    {
        CreateStarRocksInstanceRequest request = CreateStarRocksInstanceRequest.FromJson(RequestJson);
        string text = request.ToString();
        Assert.DoesNotContain("Test@123!", text, System.StringComparison.Ordinal);
        Assert.Contains("DbRootPwd = ***", text, System.StringComparison.Ordinal);
        Assert.Contains("Name = htap-ff64", text, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Validation_errors_never_contain_the_password()
    {
        // Lower-case letters only: one kind of character where the pattern needs three, so the password is reported.
        CreateStarRocksInstanceRequest request = Request(r => r["db_root_pwd"] = "secretpassword");
        System.Collections.Generic.IReadOnlyList<ValidationError> errors = request.Validate();
        Assert.Contains(errors, e => e.Pointer == "/db_root_pwd");
        Assert.All(errors, e => Assert.DoesNotContain("secretpassword", e.ToString(), System.StringComparison.Ordinal));
    }

    [Fact]
    public void Equal_payloads_give_equal_models_nested_objects_and_lists_included()
    {
        CreateStarRocksInstanceRequest first = CreateStarRocksInstanceRequest.FromJson(RequestJson);
        CreateStarRocksInstanceRequest second = CreateStarRocksInstanceRequest.FromJson(RequestJson);
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());

        second.TagsInfo.SysTags[0].Value = "1";
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Models_built_in_code_validate_like_parsed_ones()
    {
        var request = new CreateStarRocksInstanceRequest
        {
            Name = "htap-ff64",
            Engine = new StarRocksEngine { Type = StarRocksEngineType.StarRocks, Version = "3.1" },
            Ha = new StarRocksHa { Mode = StarRocksHaMode.Cluster },
            FeFlavorId = "f",
            BeFlavorId = "b",
            DbRootPwd = "Test@123!",
            FeCount = 3,
            BeCount = 3,
            AzMode = CreateStarRocksInstanceRequestAzMode.Single,
            FeVolume = new FeVolume { IoType = "SSD", CapacityInGb = 50 },
            BeVolume = new BeVolume { IoType = "SSD", CapacityInGb = 50 },
            AzCode = "az",
            TagsInfo = new TagsInfo { SysTags = new() { new SysTag { Key = "_sys_enterprise_project_id", Value = "0" } } },
        };

        Assert.Empty(request.Validate());
    }
}
