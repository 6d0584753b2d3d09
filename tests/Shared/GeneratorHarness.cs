using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using OpenApiSdk.Generator;

namespace OpenApiSdk.Tests.Harness;

/// <summary>One spec file as the generator sees it: path, text and OpenApiSpec metadata.</summary>
public sealed record SpecFile(string Path, string Text, string? Namespace = "Test.Sdk", string? ClientName = null)
{
    /// <summary>More OpenApiSpec metadata by name (IncludeTags, ...), as the package's targets pass it on.</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }
}

/// <summary>The outcome of running the generator and compiling its output.</summary>
public sealed record GeneratorRun(
    GeneratorDriver Driver,
    GeneratorDriverRunResult Result,
    Compilation OutputCompilation,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    ImmutableArray<Diagnostic> CompileDiagnostics)
{
    public IEnumerable<GeneratedSourceResult> Sources => Result.Results.SelectMany(r => r.GeneratedSources);

    /// <summary>
    /// Compiler errors and warnings (info and hidden left out). A missing XML comment (CS1591) counts only in
    /// generated code: the tests' own stand-in sources are not documented.
    /// </summary>
    public IReadOnlyList<Diagnostic> CompileProblems
    {
        get
        {
            var generated = new HashSet<SyntaxTree>(Sources.Select(s => s.SyntaxTree));
            return CompileDiagnostics
                .Where(d => d.Severity >= DiagnosticSeverity.Warning && (d.Id != "CS1591" || d.Location.SourceTree is not { } tree || generated.Contains(tree)))
                .ToList();
        }
    }

    public string Source(string hintNameEnd) =>
        Sources.Single(s => s.HintName.EndsWith(hintNameEnd, StringComparison.Ordinal)).SourceText.ToString();
}

public enum TargetFramework
{
    Net100,
    Net80,
}

/// <summary>Runs <see cref="OpenApiGenerator"/> in-process over in-memory specs, the way the compiler does.</summary>
public static class GeneratorHarness
{
    public static GeneratorRun Run(string specText, string path = "/specs/spec.yaml", string? @namespace = "Test.Sdk", string? clientName = null) =>
        Run(new[] { new SpecFile(path, specText, @namespace, clientName) });

    public static GeneratorRun Run(
        IEnumerable<SpecFile> specs,
        TargetFramework framework = TargetFramework.Net100,
        LanguageVersion languageVersion = LanguageVersion.Latest,
        IEnumerable<string>? extraSources = null,
        bool trackSteps = false)
    {
        CSharpCompilation compilation = CreateCompilation(framework, languageVersion, extraSources ?? Array.Empty<string>());
        GeneratorDriver driver = CreateDriver(specs, languageVersion, trackSteps);
        return RunDriver(driver, compilation);
    }

    public static GeneratorRun RunDriver(GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics, CancellationToken.None);
        GeneratorDriverRunResult result = driver.GetRunResult();
        ImmutableArray<Diagnostic> compileDiagnostics = output.GetDiagnostics();
        return new GeneratorRun(driver, result, output, generatorDiagnostics, compileDiagnostics);
    }

    public static GeneratorDriver CreateDriver(IEnumerable<SpecFile> specs, LanguageVersion languageVersion = LanguageVersion.Latest, bool trackSteps = false)
    {
        List<SpecFile> files = specs.ToList();
        return CSharpGeneratorDriver.Create(
            new[] { new OpenApiGenerator().AsSourceGenerator() },
            files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)),
            ParseOptions(languageVersion),
            new SpecOptionsProvider(files),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));
    }

    public static CSharpCompilation CreateCompilation(TargetFramework framework = TargetFramework.Net100, LanguageVersion languageVersion = LanguageVersion.Latest, IEnumerable<string>? sources = null)
    {
        IEnumerable<MetadataReference> references = (framework switch
        {
            TargetFramework.Net80 => Basic.Reference.Assemblies.Net80.References.All,
            _ => Basic.Reference.Assemblies.Net100.References.All,
        }).Append(RuntimeReference);
        CSharpParseOptions parseOptions = ParseOptions(languageVersion);
        return CSharpCompilation.Create(
            "GeneratedSdk",
            (sources ?? Array.Empty<string>()).Select(s => CSharpSyntaxTree.ParseText(s, parseOptions)),
            references,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                warningLevel: 9999,
                deterministic: true,
                // As the .NET SDK does by default (NoWarn 1701;1702): the runtime library is built against net8.0's System.Runtime.
                specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));
    }

    /// <summary>The runtime library the generated code calls (the same assembly the package ships in lib/net8.0).</summary>
    public static MetadataReference RuntimeReference { get; } = MetadataReference.CreateFromFile(typeof(global::OpenApiSdk.ValidationError).Assembly.Location);

    /// <summary>
    /// As a project with <c>GenerateDocumentationFile</c> parses: doc comments are checked, and a public member
    /// without one is CS1591, a warning the generated code must not raise.
    /// </summary>
    public static CSharpParseOptions ParseOptions(LanguageVersion languageVersion = LanguageVersion.Latest) =>
        new(languageVersion, DocumentationMode.Diagnose);

    /// <summary>The directory holding the repository's <c>spec/</c>, found by walking up from the test's output folder.</summary>
    public static string RepositoryRoot
    {
        get
        {
            string? directory = AppContext.BaseDirectory;
            while (directory is not null && !File.Exists(Path.Combine(directory, "Generator.sln")))
            {
                directory = Path.GetDirectoryName(directory);
            }

            return directory ?? throw new InvalidOperationException("Generator.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string SeedSpecPath => Path.Combine(RepositoryRoot, "spec", "taurusdb-starrocks.yaml");

    /// <summary>Names the shared folder (the one holding <c>specs/</c>) when it is not <c>../shared</c> beside the repository, e.g. from a git worktree.</summary>
    public const string SharedDirectoryVariable = "OPENAPI_SHARED_DIR";

    /// <summary>
    /// The folder of real-world specs: <c>specs/</c> in <see cref="SharedDirectoryVariable"/> when it is set, else in
    /// <c>../shared</c> beside the repository; null when it is absent (a plain clone).
    /// </summary>
    public static string? SharedSpecsDirectory => SharedFolder("specs");

    /// <summary>The folder of real-world Swagger 2.0 documents, <c>specs-swagger2/</c> beside <see cref="SharedSpecsDirectory"/>; null when it is absent.</summary>
    public static string? SharedSwagger2SpecsDirectory => SharedFolder("specs-swagger2");

    /// <summary>The JSON-Schema-Test-Suite's draft 2020-12 tests (<c>jsts/tests/draft2020-12</c> in the shared folder); null when absent.</summary>
    public static string? SharedJstsDirectory => SharedFolder(Path.Combine("jsts", "tests", "draft2020-12"));

    private static string? SharedFolder(string relativePath)
    {
        string shared = Environment.GetEnvironmentVariable(SharedDirectoryVariable) is { Length: > 0 } given
            ? given
            : Path.Combine(RepositoryRoot, "..", "shared");
        string candidate = Path.GetFullPath(Path.Combine(shared, relativePath));
        return Directory.Exists(candidate) ? candidate : null;
    }
}

public sealed class InMemoryAdditionalText : AdditionalText
{
    private readonly SourceText _text;

    public InMemoryAdditionalText(string path, string text)
    {
        Path = path;
        _text = SourceText.From(text);
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>Supplies the OpenApiSpec metadata that the package's targets make compiler-visible.</summary>
public sealed class SpecOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly Dictionary<string, SpecFile> _specs;

    public SpecOptionsProvider(IEnumerable<SpecFile> specs, string rootNamespace = "Test.Root")
    {
        _specs = specs.ToDictionary(s => s.Path, StringComparer.Ordinal);
        GlobalOptions = new DictionaryOptions(new Dictionary<string, string> { ["build_property.RootNamespace"] = rootNamespace });
    }

    public override AnalyzerConfigOptions GlobalOptions { get; }

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryOptions.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
    {
        if (!_specs.TryGetValue(textFile.Path, out SpecFile? spec))
        {
            return DictionaryOptions.Empty;
        }

        var values = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.OpenApiSpec"] = "true" };
        if (spec.Namespace is not null)
        {
            values["build_metadata.AdditionalFiles.Namespace"] = spec.Namespace;
        }

        if (spec.ClientName is not null)
        {
            values["build_metadata.AdditionalFiles.ClientName"] = spec.ClientName;
        }

        foreach (KeyValuePair<string, string> metadata in spec.Metadata ?? new Dictionary<string, string>())
        {
            values["build_metadata.AdditionalFiles." + metadata.Key] = metadata.Value;
        }

        return new DictionaryOptions(values);
    }

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        public static readonly DictionaryOptions Empty = new(new Dictionary<string, string>());

        private readonly Dictionary<string, string> _values;

        public DictionaryOptions(Dictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
    }
}
