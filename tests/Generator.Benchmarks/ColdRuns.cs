using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NSwag;
using NSwag.CodeGeneration.CSharp;
using OpenApiSdk.Generator;
using OpenApiSdk.Tests.Harness;

namespace OpenApiSdk.Benchmarks;

/// <summary>One generation each way, shared by the benchmarks and the fresh-process runs.</summary>
public static class ColdRuns
{
    public static string NSwag(string text)
    {
        OpenApiDocument document = OpenApiYamlDocument.FromYamlAsync(text).GetAwaiter().GetResult();
        var settings = new CSharpClientGeneratorSettings { ClassName = "BenchClient" };
        settings.CSharpGeneratorSettings.Namespace = "Bench.Sdk";
        settings.CSharpGeneratorSettings.GenerateDataAnnotations = true;
        return new CSharpClientGenerator(document, settings).GenerateFile();
    }

    /// <summary>Runs the generator once over a nearly empty compilation; returns the generated length.</summary>
    public static int Generator(string path, string text) => Run(path, text).GeneratedTrees.Sum(t => t.Length);

    /// <summary>Writes every generated file for one spec into a folder, to read or measure it.</summary>
    public static void Dump(string path, string directory)
    {
        System.IO.Directory.CreateDirectory(directory);
        foreach (SyntaxTree tree in Run(path, System.IO.File.ReadAllText(path)).GeneratedTrees)
        {
            System.IO.File.WriteAllText(System.IO.Path.Combine(directory, System.IO.Path.GetFileName(tree.FilePath)), tree.GetText().ToString());
        }
    }

    private static GeneratorDriverRunResult Run(string path, string text)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new OpenApiGenerator().AsSourceGenerator() },
            new AdditionalText[] { new InMemoryAdditionalText(path, text) },
            new CSharpParseOptions(LanguageVersion.Latest),
            new SpecOptionsProvider(new[] { new SpecFile(path, text, "Bench.Sdk", "BenchClient") }));
        CSharpCompilation compilation = CSharpCompilation.Create("Cold", references: new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) });
        return driver.RunGenerators(compilation).GetRunResult();
    }
}
