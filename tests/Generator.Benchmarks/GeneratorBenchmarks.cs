using System.Collections.Generic;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using OpenApiSdk.Generator;
using OpenApiSdk.Tests.Harness;
using YamlDotNet.RepresentationModel;

namespace OpenApiSdk.Benchmarks;

/// <summary>
/// Build-time cost, side by side per spec: the generator's full run, NSwag's C# client generator,
/// the YamlDotNet floor, and the generator's re-runs after an edit. NSwag is the baseline, so the
/// Ratio and Alloc Ratio columns read "× NSwag".
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private const string UserCode = "namespace App { public static class Program { public static int Answer() => 42; } }";

    private string _path = "";
    private string _text = "";
    private InMemoryAdditionalText _additionalText = null!;
    private InMemoryAdditionalText _editedSchemaText = null!;
    private SpecOptionsProvider _options = null!;
    private CSharpParseOptions _parseOptions = null!;
    private CSharpCompilation _compilation = null!;
    private SyntaxTree _userTree = null!;
    private SyntaxTree _editedUserTree = null!;
    private GeneratorDriver _warm = null!;

    public static IEnumerable<string> Specs => SpecCatalog.Available();

    [ParamsSource(nameof(Specs))]
    public string Spec { get; set; } = SpecCatalog.Seed;

    [GlobalSetup]
    public void Setup()
    {
        _path = SpecCatalog.PathOf(Spec);
        _text = File.ReadAllText(_path);
        _additionalText = new InMemoryAdditionalText(_path, _text);
        _editedSchemaText = new InMemoryAdditionalText(_path, SpecCatalog.EditOneSchema(_text));
        _options = new SpecOptionsProvider(new[] { new SpecFile(_path, _text, "Bench.Sdk", "BenchClient") });
        _parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        _compilation = GeneratorHarness.CreateCompilation(TargetFramework.Net100, LanguageVersion.Latest, new[] { UserCode });
        _userTree = _compilation.SyntaxTrees.Single();
        _editedUserTree = _userTree.WithChangedText(SourceText.From(UserCode.Replace("42", "43", System.StringComparison.Ordinal)));
        _warm = CreateDriver().RunGenerators(_compilation);

        GeneratorDriverRunResult result = _warm.GetRunResult();
        if (result.GeneratedTrees.IsEmpty || result.Results.Any(r => r.Exception is not null))
        {
            throw new System.InvalidOperationException($"the generator produced nothing for {Spec}");
        }
    }

    [Benchmark(Baseline = true, Description = "NSwag C# client (data annotations)")]
    public string NSwag() => ColdRuns.NSwag(_text);

    [Benchmark(Description = "Generator: full run")]
    public GeneratorDriver FullRun() => CreateDriver().RunGenerators(_compilation);

    [Benchmark(Description = "Floor: YamlDotNet YamlStream.Load")]
    public YamlStream YamlFloor()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(_text));
        return stream;
    }

    [Benchmark(Description = "Stage: generator's YamlReader.Read")]
    public object? StageYamlRead() => Stages.ReadYaml(_text);

    [Benchmark(Description = "Stage: generator's parse (YAML to model)")]
    public object? StageParse() => Stages.Parse(_path, _text);

    [Benchmark(Description = "Generator: re-run, unrelated C# edit")]
    public GeneratorDriver RerunAfterUnrelatedEdit() =>
        _warm.RunGenerators(_compilation.ReplaceSyntaxTree(_userTree, _editedUserTree));

    [Benchmark(Description = "Generator: re-run, one-schema edit")]
    public GeneratorDriver RerunAfterOneSchemaEdit() =>
        _warm.ReplaceAdditionalText(_additionalText, _editedSchemaText).RunGenerators(_compilation);

    private CSharpGeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            new[] { new OpenApiGenerator().AsSourceGenerator() },
            new AdditionalText[] { _additionalText },
            _parseOptions,
            _options,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));
}
