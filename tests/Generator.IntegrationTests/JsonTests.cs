using System.Text.Json;
using System.Text.Json.Nodes;
using TaurusDb.StarRocks;
using Xunit;
using static OpenApiSdk.IntegrationTests.SeedExamples;

namespace OpenApiSdk.IntegrationTests;

/// <summary>The generated reflection-free JSON code: round trips of the page's examples, defaults, extensible enums.</summary>
public class JsonTests
{
    [Fact]
    public void The_page_example_request_round_trips_to_equal_json()
    {
        CreateStarRocksInstanceRequest request = CreateStarRocksInstanceRequest.FromJson(RequestJson);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(RequestJson), JsonNode.Parse(request.ToJson())));
    }

    [Fact]
    public void The_page_example_response_round_trips_with_its_nulls()
    {
        CreateStarRocksInstanceResponse response = CreateStarRocksInstanceResponse.FromJson(ResponseJson);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(ResponseJson), JsonNode.Parse(response.ToJson())));
    }

    [Fact]
    public void The_page_example_response_reads_into_typed_values()
    {
        CreateStarRocksInstanceResponse response = CreateStarRocksInstanceResponse.FromJson(ResponseJson);
        StarRocksInstance instance = response.Instance!;
        Assert.Equal("590031445ef845bb912d7fc8243db80cin17", instance.Id);
        Assert.Equal(3306, instance.Port);
        Assert.False(instance.EnableSsl);
        Assert.Equal(StarRocksInstanceAzMode.Single, instance.AzMode);
        Assert.Null(instance.PayInfo!.OrderId);
        Assert.Equal(InstancePayInfoPayModel.Value0, instance.PayInfo.PayModel);
        Assert.Empty(instance.TagsInfo!.Tags!);
        Assert.Equal("_sys_enterprise_project_id", instance.TagsInfo.SysTags![0].Key);
        Assert.Equal("cf0b7506-1505-450f-9d95-ce9d93b6b5c3", response.JobId);
        Assert.Empty(response.Validate());
    }

    [Fact]
    public void JsonSerializer_with_default_options_uses_the_generated_converter()
    {
        CreateStarRocksInstanceRequest? request = JsonSerializer.Deserialize<CreateStarRocksInstanceRequest>(RequestJson);
        Assert.Equal(CreateStarRocksInstanceRequest.FromJson(RequestJson), request);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(RequestJson), JsonNode.Parse(JsonSerializer.Serialize(request))));
    }

    [Fact]
    public void Unset_optional_properties_are_left_out_not_sent_as_null()
    {
        var volume = new FeVolume { IoType = "SSD", CapacityInGb = 50 };
        var request = new CreateStarRocksInstanceRequest { Name = "htap-ff64", FeVolume = volume };
        JsonObject written = JsonNode.Parse(request.ToJson())!.AsObject();
        Assert.False(written.ContainsKey("time_zone"));
        Assert.False(written.ContainsKey("pay_info"));
        Assert.False(written.ContainsKey("fe_count"));
        Assert.Equal("htap-ff64", (string?)written["name"]);
    }

    [Fact]
    public void A_missing_required_field_still_deserializes_so_validation_can_name_it()
    {
        CreateStarRocksInstanceRequest request = Request(r => r.Remove("fe_volume"));
        Assert.Null(request.FeVolume);
        Assert.Contains(request.Validate(), e => e.Pointer == "/fe_volume");
    }

    [Fact]
    public void An_enum_value_a_newer_server_sends_still_reads_and_is_kept()
    {
        string json = ResponseJson.Replace("\"az_mode\" : \"single\"", "\"az_mode\" : \"tri-az\"", System.StringComparison.Ordinal);
        CreateStarRocksInstanceResponse response = CreateStarRocksInstanceResponse.FromJson(json);
        Assert.Equal("tri-az", response.Instance!.AzMode!.Value.Value);
        Assert.False(response.Instance.AzMode.Value.IsKnown);
        Assert.Contains("\"tri-az\"", response.ToJson(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Request_validation_rejects_an_enum_value_the_spec_does_not_list() =>
        AssertInvalidAt(Request(r => r["ha"]!["mode"] = "single"), "must be one of", "/ha/mode");

    [Fact]
    public void Text_that_is_not_json_throws_a_JsonException_with_its_position()
    {
        JsonException error = Assert.ThrowsAny<JsonException>(() => CreateStarRocksInstanceRequest.FromJson("{\n  \"name\": oops }"));
        Assert.Equal(1, error.LineNumber);
    }

    [Fact]
    public void Properties_the_spec_does_not_declare_are_kept_on_a_round_trip()
    {
        string json = ResponseJson.Replace("\"job_id\"", "\"added_later\" : { \"x\" : [1, 2] },\n  \"job_id\"", System.StringComparison.Ordinal);
        CreateStarRocksInstanceResponse response = CreateStarRocksInstanceResponse.FromJson(json);
        Assert.Equal("[1,2]", response.AdditionalProperties!["added_later"].GetProperty("x").GetRawText().Replace(" ", string.Empty, System.StringComparison.Ordinal));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(response.ToJson())));
        Assert.Equal(response, CreateStarRocksInstanceResponse.FromJson(json));
    }
}
