using System.Collections.Generic;
using System.Text.Json.Serialization;
using Newtonsoft.Json;

namespace OpenApiSdk.Benchmarks.Pocos;

// Hand-written classes of the same shapes as the seed's generated models, for System.Text.Json's
// source generator and Newtonsoft.Json. Enums stay strings, as on the wire.
#pragma warning disable CA2227, CA1002 // plain DTOs, as users write them for serializers

public sealed class CreateRequest
{
    [JsonPropertyName("name"), JsonProperty("name")] public string? Name { get; set; }
    [JsonPropertyName("engine"), JsonProperty("engine")] public Engine? Engine { get; set; }
    [JsonPropertyName("ha"), JsonProperty("ha")] public Ha? Ha { get; set; }
    [JsonPropertyName("fe_flavor_id"), JsonProperty("fe_flavor_id")] public string? FeFlavorId { get; set; }
    [JsonPropertyName("be_flavor_id"), JsonProperty("be_flavor_id")] public string? BeFlavorId { get; set; }
    [JsonPropertyName("db_root_pwd"), JsonProperty("db_root_pwd")] public string? DbRootPwd { get; set; }
    [JsonPropertyName("fe_count"), JsonProperty("fe_count")] public int? FeCount { get; set; }
    [JsonPropertyName("be_count"), JsonProperty("be_count")] public int? BeCount { get; set; }
    [JsonPropertyName("az_mode"), JsonProperty("az_mode")] public string? AzMode { get; set; }
    [JsonPropertyName("fe_volume"), JsonProperty("fe_volume")] public Volume? FeVolume { get; set; }
    [JsonPropertyName("be_volume"), JsonProperty("be_volume")] public Volume? BeVolume { get; set; }
    [JsonPropertyName("az_code"), JsonProperty("az_code")] public string? AzCode { get; set; }
    [JsonPropertyName("time_zone"), JsonProperty("time_zone")] public string? TimeZone { get; set; }
    [JsonPropertyName("tags_info"), JsonProperty("tags_info")] public TagsInfo? TagsInfo { get; set; }
    [JsonPropertyName("security_group_id"), JsonProperty("security_group_id")] public string? SecurityGroupId { get; set; }
    [JsonPropertyName("pay_info"), JsonProperty("pay_info")] public PayInfo? PayInfo { get; set; }
    [JsonPropertyName("region_code"), JsonProperty("region_code")] public string? RegionCode { get; set; }
}

public sealed class Engine
{
    [JsonPropertyName("type"), JsonProperty("type")] public string? Type { get; set; }
    [JsonPropertyName("version"), JsonProperty("version")] public string? Version { get; set; }
}

public sealed class Ha
{
    [JsonPropertyName("mode"), JsonProperty("mode")] public string? Mode { get; set; }
}

public sealed class Volume
{
    [JsonPropertyName("io_type"), JsonProperty("io_type")] public string? IoType { get; set; }
    [JsonPropertyName("capacity_in_gb"), JsonProperty("capacity_in_gb")] public int? CapacityInGb { get; set; }
}

public sealed class TagsInfo
{
    [JsonPropertyName("tags"), JsonProperty("tags")] public List<Tag>? Tags { get; set; }
    [JsonPropertyName("sys_tags"), JsonProperty("sys_tags")] public List<Tag>? SysTags { get; set; }
}

public sealed class Tag
{
    [JsonPropertyName("key"), JsonProperty("key")] public string? Key { get; set; }
    [JsonPropertyName("value"), JsonProperty("value")] public string? Value { get; set; }
}

public sealed class PayInfo
{
    [JsonPropertyName("pay_model"), JsonProperty("pay_model")] public string? PayModel { get; set; }
    [JsonPropertyName("order_id"), JsonProperty("order_id")] public string? OrderId { get; set; }
    [JsonPropertyName("period"), JsonProperty("period")] public string? Period { get; set; }
    [JsonPropertyName("period_type"), JsonProperty("period_type")] public string? PeriodType { get; set; }
    [JsonPropertyName("is_auto_renew"), JsonProperty("is_auto_renew")] public string? IsAutoRenew { get; set; }
}

public sealed class CreateResponse
{
    [JsonPropertyName("instance"), JsonProperty("instance")] public Instance? Instance { get; set; }
    [JsonPropertyName("job_id"), JsonProperty("job_id")] public string? JobId { get; set; }
}

public sealed class Instance
{
    [JsonPropertyName("id"), JsonProperty("id")] public string? Id { get; set; }
    [JsonPropertyName("az_code"), JsonProperty("az_code")] public string? AzCode { get; set; }
    [JsonPropertyName("az_mode"), JsonProperty("az_mode")] public string? AzMode { get; set; }
    [JsonPropertyName("name"), JsonProperty("name")] public string? Name { get; set; }
    [JsonPropertyName("engine"), JsonProperty("engine")] public Engine? Engine { get; set; }
    [JsonPropertyName("vpc_id"), JsonProperty("vpc_id")] public string? VpcId { get; set; }
    [JsonPropertyName("security_group_id"), JsonProperty("security_group_id")] public string? SecurityGroupId { get; set; }
    [JsonPropertyName("sub_net_id"), JsonProperty("sub_net_id")] public string? SubNetId { get; set; }
    [JsonPropertyName("db_user"), JsonProperty("db_user")] public string? DbUser { get; set; }
    [JsonPropertyName("port"), JsonProperty("port")] public int? Port { get; set; }
    [JsonPropertyName("ha_mode"), JsonProperty("ha_mode")] public string? HaMode { get; set; }
    [JsonPropertyName("pay_info"), JsonProperty("pay_info")] public PayInfo? PayInfo { get; set; }
    [JsonPropertyName("enable_ssl"), JsonProperty("enable_ssl")] public bool? EnableSsl { get; set; }
    [JsonPropertyName("status"), JsonProperty("status")] public string? Status { get; set; }
    [JsonPropertyName("region"), JsonProperty("region")] public string? Region { get; set; }
    [JsonPropertyName("tags_info"), JsonProperty("tags_info")] public TagsInfo? TagsInfo { get; set; }
}

#pragma warning restore CA2227, CA1002

/// <summary>System.Text.Json's source-generated metadata and fast-path serializers for the POCOs.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CreateRequest))]
[JsonSerializable(typeof(CreateResponse))]
public sealed partial class PocoJsonContext : JsonSerializerContext
{
}
