using System.Collections.Generic;
using System.Linq;
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

/// <summary>
/// Reading a Swagger 2.0 document (the JSON reader, then <c>Swagger2Document.Convert</c> to the 3.0 tree the builders
/// read) against reading its OpenAPI 3.0 conversion by swagger2openapi (the JSON reader alone), for each document of
/// ../shared/specs-swagger2 and a large one made from azure-storage's (<see cref="LargeSwagger2"/>). Both are given as
/// JSON (a YAML document converted once, in setup), so the syntax costs the same and the difference is the 2.0 reading.
/// Ratio reads "× reading the 3.0 conversion". The two parse benchmarks are the whole parse stage
/// (<c>SpecParser.Parse</c>: reading, converting, building the model), what a build pays.
/// </summary>
[MemoryDiagnoser]
public class Swagger2ReaderBenchmarks
{
    private static readonly System.Reflection.Assembly Generator = typeof(OpenApiGenerator).Assembly;
    private static readonly System.Reflection.MethodInfo Read = Generator.GetType("OpenApiSdk.Generator.Yaml.SpecReader", throwOnError: true)!.GetMethod("Read")!;
    private static readonly System.Type BagType = Generator.GetType("OpenApiSdk.Generator.Building.DiagnosticBag", throwOnError: true)!;
    private static readonly System.Reflection.MethodInfo Convert = Generator.GetType("OpenApiSdk.Generator.Building.Swagger2Document", throwOnError: true)!.GetMethod("Convert")!;

    private string _swagger2 = "";
    private string _openApi3 = "";

    /// <summary>The large document made from azure-storage's (<see cref="LargeSwagger2"/>): ten times its paths and definitions.</summary>
    public const string Large = "azure-storage x10 (made from it)";

    private const string LargeSource = "azure-storage-2015-05-01-preview.json";

    public static IEnumerable<string> Documents()
    {
        if (GeneratorHarness.SharedSwagger2SpecsDirectory is not { } folder)
        {
            return Enumerable.Empty<string>();
        }

        List<string> documents = Directory.GetFiles(folder).Where(f => f.EndsWith(".json", System.StringComparison.Ordinal) || f.EndsWith(".yaml", System.StringComparison.Ordinal)).Select(f => Path.GetFileName(f)).OrderBy(f => f, System.StringComparer.Ordinal).ToList();
        if (documents.Contains(LargeSource))
        {
            documents.Add(Large);
        }

        return documents;
    }

    [ParamsSource(nameof(Documents))]
    public string Document { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        string path = Path.Combine(GeneratorHarness.SharedSwagger2SpecsDirectory!, Document == Large ? LargeSource : Document);
        string text = File.ReadAllText(path);
        string? made = null;
        if (Document == Large)
        {
            text = LargeSwagger2.Build(text, 10);
            made = path = Path.Combine(Path.GetTempPath(), "openapi-sdk-bench-" + System.Guid.NewGuid().ToString("N") + ".json"); // swagger2openapi reads a file
            File.WriteAllText(path, text);
        }

        _swagger2 = path.EndsWith(".json", System.StringComparison.Ordinal) ? text : YamlToJson.Convert(text);
        string folder = Path.Combine(GeneratorHarness.RepositoryRoot, "tests", "Generator.Tests", "swagger2openapi");
        NpmFolder.EnsureInstalled(folder);
        (int exit, string converted, string error) = NpmFolder.Run("node", new[] { Path.Combine(folder, "convert.js"), path }, folder, System.TimeSpan.FromMinutes(5));
        if (made is not null)
        {
            File.Delete(made);
        }

        _openApi3 = exit == 0 ? converted : throw new System.InvalidOperationException("swagger2openapi failed: " + error);
    }

    [Benchmark(Baseline = true, Description = "read the 3.0 conversion")]
    public object? OpenApi3() => ReadRoot("/specs/converted.json", _openApi3);

    [Benchmark(Description = "read the 2.0 document and convert its tree")]
    public object? Swagger2()
    {
        object? root = ReadRoot("/specs/swagger2.json", _swagger2);
        return Convert.Invoke(null, new[] { root, System.Activator.CreateInstance(BagType, "/specs/swagger2.json"), CancellationToken.None });
    }

    [Benchmark(Description = "parse the 3.0 conversion to the model")]
    public object? OpenApi3Parse() => Stages.Parse("/specs/converted.json", _openApi3);

    [Benchmark(Description = "parse the 2.0 document to the model")]
    public object? Swagger2Parse() => Stages.Parse("/specs/swagger2.json", _swagger2);

    private static object? ReadRoot(string path, string text)
    {
        object? result = Read.Invoke(null, new object?[] { path, text, CancellationToken.None, null });
        return result!.GetType().GetProperty("Root")!.GetValue(result);
    }
}
