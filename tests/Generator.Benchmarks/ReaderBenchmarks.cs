using System.Collections.Generic;
using System.IO;
using System.Threading;
using BenchmarkDotNet.Attributes;
using OpenApiSdk.Generator;
using OpenApiSdk.Tests.Harness;

namespace OpenApiSdk.Benchmarks;

/// <summary>
/// One JSON document read two ways: the generator's JsonReader (Utf8JsonReader) and its YamlReader (YamlDotNet,
/// which reads JSON as YAML and gives the same nodes). The YAML specs are converted to JSON once, in setup;
/// exoscale.json is JSON already. Ratio reads "× the YAML reader".
/// </summary>
[MemoryDiagnoser]
public class ReaderBenchmarks
{
    private static readonly System.Reflection.MethodInfo JsonRead =
        typeof(OpenApiGenerator).Assembly.GetType("OpenApiSdk.Generator.Yaml.JsonReader", throwOnError: true)!.GetMethod("Read")!;

    private string _json = "";

    public static IEnumerable<string> Documents()
    {
        foreach (string name in SpecCatalog.Available())
        {
            yield return name;
        }

        // The corpus's JSON spec, unless OPENAPI_BENCH_SPECS narrows the list without naming it.
        string? only = System.Environment.GetEnvironmentVariable("OPENAPI_BENCH_SPECS");
        bool wanted = string.IsNullOrWhiteSpace(only) || only.Contains("exoscale.json", System.StringComparison.Ordinal);
        if (wanted && GeneratorHarness.SharedSpecsDirectory is { } folder && File.Exists(Path.Combine(folder, "exoscale.json")))
        {
            yield return "exoscale.json";
        }
    }

    [ParamsSource(nameof(Documents))]
    public string Document { get; set; } = SpecCatalog.Seed;

    [GlobalSetup]
    public void Setup()
    {
        string text = Document == "exoscale.json" ? File.ReadAllText(Path.Combine(GeneratorHarness.SharedSpecsDirectory!, Document)) : SpecCatalog.Read(Document);
        _json = Document.EndsWith(".json", System.StringComparison.Ordinal) ? text : YamlToJson.Convert(text);
    }

    [Benchmark(Baseline = true, Description = "YamlReader.Read of the JSON")]
    public object? Yaml() => Stages.ReadYaml(_json);

    [Benchmark(Description = "JsonReader.Read of the JSON")]
    public object? Json() => JsonRead.Invoke(null, new object[] { _json, CancellationToken.None });
}
