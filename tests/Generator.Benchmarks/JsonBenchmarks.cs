using System;
using System.Linq;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Newtonsoft.Json;
using OpenApiSdk.Benchmarks.Pocos;
using TaurusDb.StarRocks;

namespace OpenApiSdk.Benchmarks;

/// <summary>
/// Runtime cost of the generated code on the seed's example request and response (from
/// spec/taurusdb-starrocks.yaml), against System.Text.Json's source generator and Newtonsoft.Json
/// over hand-written classes of the same shapes. Grouped by category; STJ source gen is each group's baseline.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class JsonBenchmarks
{
    /// <summary>The example request of the seed spec (requestBody examples.CreatingADbInstance).</summary>
    public const string RequestJson = """
        {"name":"htap-ff64","engine":{"type":"star-rocks","version":"3.1"},"ha":{"mode":"Single"},"fe_flavor_id":"afef3bfd-ac7c-32e1-ba44-c388acbb196a","be_flavor_id":"de565db8-0a96-37ea-9388-61167624712c","db_root_pwd":"Test@123!","fe_count":1,"be_count":1,"az_mode":"single","fe_volume":{"io_type":"SSD","capacity_in_gb":50},"be_volume":{"io_type":"SSD","capacity_in_gb":50},"az_code":"az","time_zone":"UTC+08:00","tags_info":{"sys_tags":[{"key":"_sys_enterprise_project_id","value":"0"}]}}
        """;

    /// <summary>The example response of the seed spec (responses.201 examples.Success).</summary>
    public const string ResponseJson = """
        {"instance":{"id":"590031445ef845bb912d7fc8243db80cin17","az_code":"az1","az_mode":"single","name":"htap-ff64","engine":{"type":"star-rocks","version":"3.1"},"vpc_id":"d5a1a29b-1476-490f-9682-c1a59593e7b0","security_group_id":"967a0ac2-3cae-4e57-a49a-d0f6ff07dcc1","sub_net_id":"2ce0bc80-bfc5-4d5e-9b78-a7f91572e03b","db_user":"root","port":3306,"ha_mode":"Single","pay_info":{"pay_model":"0","order_id":null,"period":null,"period_type":null,"is_auto_renew":null},"enable_ssl":false,"status":"creating","region":"az","tags_info":{"tags":[],"sys_tags":[{"key":"_sys_enterprise_project_id","value":"0"}]}},"job_id":"cf0b7506-1505-450f-9d95-ce9d93b6b5c3"}
        """;

    private static readonly JsonSerializerSettings NewtonsoftSettings = new() { NullValueHandling = NullValueHandling.Ignore };

    private CreateStarRocksInstanceRequest _request = null!;
    private CreateStarRocksInstanceResponse _response = null!;
    private CreateRequest _pocoRequest = null!;
    private CreateResponse _pocoResponse = null!;

    [GlobalSetup]
    public void Setup()
    {
        _request = CreateStarRocksInstanceRequest.FromJson(RequestJson);
        _response = CreateStarRocksInstanceResponse.FromJson(ResponseJson);
        _pocoRequest = System.Text.Json.JsonSerializer.Deserialize(RequestJson, PocoJsonContext.Default.CreateRequest)!;
        _pocoResponse = System.Text.Json.JsonSerializer.Deserialize(ResponseJson, PocoJsonContext.Default.CreateResponse)!;

        // The three read the same values, and the example request is valid, or the comparison means nothing.
        if (_request.Validate().Count != 0 || !_request.IsValid())
        {
            throw new InvalidOperationException("the seed's example request should be valid: " + string.Join("; ", _request.Validate()));
        }

        CreateRequest newtonsoft = JsonConvert.DeserializeObject<CreateRequest>(RequestJson, NewtonsoftSettings)!;
        if (_request.Name != _pocoRequest.Name || newtonsoft.Name != _pocoRequest.Name || _request.FeVolume.CapacityInGb != _pocoRequest.FeVolume!.CapacityInGb
            || _response.Instance!.Port != _pocoResponse.Instance!.Port || _response.Instance.TagsInfo!.SysTags!.Count != _pocoResponse.Instance.TagsInfo!.SysTags!.Count)
        {
            throw new InvalidOperationException("generated and hand-written models read the examples differently");
        }

        using JsonDocument roundTrip = JsonDocument.Parse(_request.ToJson());
        if (roundTrip.RootElement.EnumerateObject().Count() != 14)
        {
            throw new InvalidOperationException("the generated request did not write back its 14 properties: " + _request.ToJson());
        }
    }

    // ---- request: deserialize ----

    [Benchmark(Description = "Generated"), BenchmarkCategory("Request read")]
    public CreateStarRocksInstanceRequest RequestReadGenerated() => CreateStarRocksInstanceRequest.FromJson(RequestJson);

    [Benchmark(Baseline = true, Description = "STJ source gen"), BenchmarkCategory("Request read")]
    public CreateRequest? RequestReadStj() => System.Text.Json.JsonSerializer.Deserialize(RequestJson, PocoJsonContext.Default.CreateRequest);

    [Benchmark(Description = "Newtonsoft"), BenchmarkCategory("Request read")]
    public CreateRequest? RequestReadNewtonsoft() => JsonConvert.DeserializeObject<CreateRequest>(RequestJson, NewtonsoftSettings);

    // ---- request: serialize ----

    [Benchmark(Description = "Generated"), BenchmarkCategory("Request write")]
    public string RequestWriteGenerated() => _request.ToJson();

    [Benchmark(Baseline = true, Description = "STJ source gen"), BenchmarkCategory("Request write")]
    public string RequestWriteStj() => System.Text.Json.JsonSerializer.Serialize(_pocoRequest, PocoJsonContext.Default.CreateRequest);

    [Benchmark(Description = "Newtonsoft"), BenchmarkCategory("Request write")]
    public string RequestWriteNewtonsoft() => JsonConvert.SerializeObject(_pocoRequest, NewtonsoftSettings);

    // ---- response: deserialize ----

    [Benchmark(Description = "Generated"), BenchmarkCategory("Response read")]
    public CreateStarRocksInstanceResponse ResponseReadGenerated() => CreateStarRocksInstanceResponse.FromJson(ResponseJson);

    [Benchmark(Baseline = true, Description = "STJ source gen"), BenchmarkCategory("Response read")]
    public CreateResponse? ResponseReadStj() => System.Text.Json.JsonSerializer.Deserialize(ResponseJson, PocoJsonContext.Default.CreateResponse);

    [Benchmark(Description = "Newtonsoft"), BenchmarkCategory("Response read")]
    public CreateResponse? ResponseReadNewtonsoft() => JsonConvert.DeserializeObject<CreateResponse>(ResponseJson, NewtonsoftSettings);

    // ---- response: serialize ----

    [Benchmark(Description = "Generated"), BenchmarkCategory("Response write")]
    public string ResponseWriteGenerated() => _response.ToJson();

    [Benchmark(Baseline = true, Description = "STJ source gen"), BenchmarkCategory("Response write")]
    public string ResponseWriteStj() => System.Text.Json.JsonSerializer.Serialize(_pocoResponse, PocoJsonContext.Default.CreateResponse);

    [Benchmark(Description = "Newtonsoft"), BenchmarkCategory("Response write")]
    public string ResponseWriteNewtonsoft() => JsonConvert.SerializeObject(_pocoResponse, NewtonsoftSettings);

    // ---- validation ----

    [Benchmark(Baseline = true, Description = "Generated Validate() on the valid example request"), BenchmarkCategory("Validate")]
    public int ValidateRequest() => _request.Validate().Count;
}
