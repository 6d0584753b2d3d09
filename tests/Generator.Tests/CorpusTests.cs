using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using OpenApiSdk.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace OpenApiSdk.Tests;

/// <summary>
/// Every real-world spec in ../shared/specs becomes an SDK as a strict consumer builds it: Nullable, XML docs
/// checked (GenerateDocumentationFile), TreatWarningsAsErrors, so no generator error or warning and no compiler
/// warning. Info diagnostics (a spec defect resolved by a documented rule) are allowed.
/// </summary>
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

    /// <summary>The Swagger 2.0 documents of ../shared/specs-swagger2, built as strictly as the 3.x corpus.</summary>
    public static IEnumerable<object[]> Swagger2CorpusFiles()
    {
        string? directory = GeneratorHarness.SharedSwagger2SpecsDirectory;
        if (directory is null)
        {
            yield return new object[] { "(no shared Swagger 2.0 specs)" };
            yield break;
        }

        foreach (string file in Directory.GetFiles(directory).Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal)).OrderBy(f => f, StringComparer.Ordinal))
        {
            yield return new object[] { Path.GetFileName(file) };
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Swagger2CorpusFiles))]
    public void Swagger2_corpus_spec_compiles_without_errors_or_warnings(string fileName) =>
        CompilesStrictly(Path.Combine(Requires.SharedSwagger2Specs(), fileName));

    [Fact]
    public void Generated_code_is_compiled_with_its_XML_documentation_checked()
    {
        // CS1591 counts in generated trees only (GeneratorRun.CompileProblems): they must be the compiled ones,
        // parsed in the mode that reports a missing or broken doc comment.
        GeneratorRun run = GeneratorHarness.Run(new[] { new SpecFile(GeneratorHarness.SeedSpecPath, File.ReadAllText(GeneratorHarness.SeedSpecPath), "Seed.Sdk") });
        var compiled = new HashSet<SyntaxTree>(run.OutputCompilation.SyntaxTrees);
        Assert.NotEmpty(run.Sources);
        Assert.All(run.Sources, s => Assert.Contains(s.SyntaxTree, compiled));
        Assert.All(run.Sources, s => Assert.Equal(DocumentationMode.Diagnose, s.SyntaxTree.Options.DocumentationMode));
        Assert.Empty(run.CompileProblems);
    }

    [SkippableTheory]
    [MemberData(nameof(CorpusFiles))]
    public void Corpus_spec_compiles_without_errors_or_warnings(string fileName) =>
        CompilesStrictly(Path.Combine(Requires.SharedSpecs(), fileName));

    private void CompilesStrictly(string path)
    {
        string fileName = Path.GetFileName(path);
        GeneratorRun run = GeneratorHarness.Run(new[] { new SpecFile(path, File.ReadAllText(path), "Corpus.Sdk") });

        var generated = run.Sources.ToList();
        int lines = generated.Sum(s => s.SourceText.Lines.Count);
        string byId = string.Join(" ", run.GeneratorDiagnostics.GroupBy(d => (d.Id, d.Severity)).OrderBy(g => g.Key.Id, StringComparer.Ordinal).Select(g => g.Key.Id + " " + g.Key.Severity + " ×" + g.Count()));
        _output.WriteLine($"| {fileName} | {generated.Count} files | {lines} lines | {byId} |");
        foreach (Diagnostic diagnostic in run.GeneratorDiagnostics.OrderByDescending(d => d.Severity).Take(20))
        {
            _output.WriteLine(diagnostic.ToString());
        }

        foreach (Diagnostic problem in run.CompileProblems.Take(15))
        {
            _output.WriteLine(Path.GetFileName(problem.Location.SourceTree?.FilePath ?? string.Empty) + problem.Location.GetLineSpan().StartLinePosition + ": " + problem.Id + " " + problem.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.NotEmpty(generated);
        // TreatWarningsAsErrors turns a generator warning into a failed build, like any compiler warning.
        List<Diagnostic> failing = run.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(failing.Count == 0, failing.Count + " generator errors or warnings: " + string.Join(", ", failing.GroupBy(d => d.Id).Select(g => g.Key + "×" + g.Count())));
        Assert.True(run.CompileProblems.Count == 0, run.CompileProblems.Count + " compile problems");
    }

    /// <summary>The corpus documents with webhooks or callbacks: each one is parsed, and nothing of theirs is reported as left out.</summary>
    [SkippableTheory]
    [InlineData("oai-webhook-example.yaml", "WebhookExampleWebhooks", "ParseNewPet")]
    [InlineData("xero-webhooks.yaml", "XeroWebhooksApiWebhooks", "ParseInvoices,ParseSubscriptions,ParseContacts,ParseCreditNotes")]
    [InlineData("redocly-museum.yaml", "RedoclyMuseumApiWebhooks", "ParsePublishNewEvent")]
    [InlineData("oai-callback-example.yaml", "CallbackExampleCallbacks", "ParsePostStreamsOnData")]
    [InlineData("oai-tictactoe.yaml", "TicTacToeCallbacks", "ParsePutSquareStatusCallback")]
    public void Corpus_webhooks_and_callbacks_are_parsed_and_not_reported(string fileName, string className, string methods)
    {
        string directory = Requires.SharedSpecs();

        string path = Path.Combine(directory, fileName);
        GeneratorRun run = GeneratorHarness.Run(new[] { new SpecFile(path, File.ReadAllText(path), "Corpus.Sdk") });

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "OAS010" && !d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("'links'", StringComparison.Ordinal));
        INamedTypeSymbol? parsers = run.OutputCompilation.GetTypeByMetadataName("Corpus.Sdk." + className);
        Assert.NotNull(parsers);
        Assert.Equal(methods.Split(','), parsers!.GetMembers().OfType<IMethodSymbol>().Where(m => m.DeclaredAccessibility == Accessibility.Public).Select(m => m.Name));
        Assert.Empty(run.CompileProblems);
    }
}
