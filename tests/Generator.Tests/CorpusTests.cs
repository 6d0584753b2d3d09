using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using OpenApiSdk.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace OpenApiSdk.Tests;

/// <summary>Every real-world spec in ../shared/specs becomes an SDK that compiles with zero errors and zero warnings.</summary>
public class CorpusTests
{
    private readonly ITestOutputHelper _output;

    public CorpusTests(ITestOutputHelper output) => _output = output;

    public static IEnumerable<object[]> CorpusFiles()
    {
        string? directory = GeneratorHarness.SharedSpecsDirectory;
        if (directory is null)
        {
            yield return new object[] { "(no shared specs)" }; // one test, skipped with the reason (or failed in CI)
            yield break;
        }

        foreach (string file in Directory.GetFiles(directory).Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal)).OrderBy(f => f, StringComparer.Ordinal))
        {
            yield return new object[] { Path.GetFileName(file) };
        }
    }

    [SkippableTheory]
    [MemberData(nameof(CorpusFiles))]
    public void Corpus_spec_compiles_without_errors_or_warnings(string fileName)
    {
        string directory = Requires.SharedSpecs();

        string path = Path.Combine(directory, fileName);
        GeneratorRun run = GeneratorHarness.Run(new[] { new SpecFile(path, File.ReadAllText(path), "Corpus.Sdk") });

        var generated = run.Sources.ToList();
        int lines = generated.Sum(s => s.SourceText.Lines.Count);
        string byId = string.Join(" ", run.GeneratorDiagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key + "×" + g.Count()));
        _output.WriteLine($"| {fileName} | {generated.Count} files | {lines} lines | {byId} |");
        foreach (Diagnostic diagnostic in run.GeneratorDiagnostics.Take(20))
        {
            _output.WriteLine(diagnostic.ToString());
        }

        foreach (Diagnostic problem in run.CompileProblems.Take(15))
        {
            _output.WriteLine(Path.GetFileName(problem.Location.SourceTree?.FilePath ?? string.Empty) + problem.Location.GetLineSpan().StartLinePosition + ": " + problem.Id + " " + problem.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.NotEmpty(generated);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.True(run.CompileProblems.Count == 0, run.CompileProblems.Count + " compile problems");
    }
}
