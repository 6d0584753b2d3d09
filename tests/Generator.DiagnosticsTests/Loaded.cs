using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using OpenApiSdk.Tests.Harness;
using Xunit;

namespace OpenApiSdk.DiagnosticsTests;

/// <summary>The generated SDK compiled and loaded into a collectible context, to check what it does.</summary>
internal sealed class Loaded : IDisposable
{
    private readonly AssemblyLoadContext _context;

    private Loaded(AssemblyLoadContext context, Assembly assembly)
    {
        _context = context;
        Assembly = assembly;
    }

    public Assembly Assembly { get; }

    public static Loaded From(GeneratorRun run)
    {
        using var stream = new MemoryStream();
        EmitResult result = run.OutputCompilation.Emit(stream);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        stream.Position = 0;
        var context = new AssemblyLoadContext("generated-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        return new Loaded(context, context.LoadFromStream(stream));
    }

    public Type Type(string name) => Assembly.GetType("Test.Sdk." + name, throwOnError: true)!;

    // A model's FromJson is inherited from OpenApiObject<T> (a union declares its own): FlattenHierarchy finds both.
    public object FromJson(string type, string json) =>
        Type(type).GetMethod("FromJson", BindingFlags.Public | BindingFlags.Static | BindingFlags.FlattenHierarchy, null, new[] { typeof(string) }, null)!.Invoke(null, new object[] { json })!;

    public static List<string> Errors(object model) =>
        ((IEnumerable)model.GetType().GetMethod("Validate", System.Type.EmptyTypes)!.Invoke(model, null)!).Cast<object>().Select(e => e.ToString()!).ToList();

    public static object? Get(object model, string property) => model.GetType().GetProperty(property)!.GetValue(model);

    public static string ToJson(object model) => (string)model.GetType().GetMethod("ToJson")!.Invoke(model, new object[] { false })!;

    public void Dispose() => _context.Unload();
}

internal static class Hostile
{
    /// <summary>
    /// Runs <paramref name="work"/>. No wall-clock bound: on a loaded machine any such bound flakes, and the generator's own
    /// limits (YAML depth and node count, $ref hops, shape depth, the diagnostics cap) are what bound its work; each
    /// hostile-input test asserts the outcome those limits give.
    /// </summary>
    public static T Within<T>(Func<T> work) => work();

    /// <summary>Runs the generator only (no compile of its output): for inputs whose point is the generator's own work.</summary>
    public static (ImmutableDiagnostics Diagnostics, int SourceChars) Generate(string yaml) => Within(() =>
    {
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { new SpecFile(DiagnosticAssert.Path, yaml) });
        driver = driver.RunGenerators(GeneratorHarness.CreateCompilation());
        GeneratorDriverRunResult result = driver.GetRunResult();
        Assert.All(result.Results, r => Assert.Null(r.Exception));
        return (new ImmutableDiagnostics(result.Diagnostics.ToList()), result.Results.SelectMany(r => r.GeneratedSources).Sum(s => s.SourceText.Length));
    });

    /// <summary>The generator never fails internally: no OAS000, no CS8785 (a generator exception).</summary>
    public static void NeverCrashed(IEnumerable<Diagnostic> diagnostics)
    {
        List<Diagnostic> all = diagnostics.ToList();
        Assert.DoesNotContain(all, d => d.Id is "OAS000" or "CS8785" or "CS8784");
    }

    /// <summary>
    /// Compiles the generated code again with XML documentation checked (a broken doc comment is only
    /// reported in that mode) and returns every warning or error other than "missing XML comment".
    /// </summary>
    public static List<Diagnostic> DocumentationProblems(GeneratorRun run)
    {
        CSharpParseOptions options = new CSharpParseOptions(LanguageVersion.Latest).WithDocumentationMode(DocumentationMode.Diagnose);
        IEnumerable<SyntaxTree> trees = run.OutputCompilation.SyntaxTrees.Select(t => CSharpSyntaxTree.ParseText(t.GetText(), options, t.FilePath));
        Compilation compilation = run.OutputCompilation.RemoveAllSyntaxTrees().AddSyntaxTrees(trees);
        return compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Id != "CS1591").ToList();
    }
}

internal sealed record ImmutableDiagnostics(List<Diagnostic> Items)
{
    public bool Has(string id) => Items.Any(d => d.Id == id);

    public override string ToString() => string.Join(Environment.NewLine, Items.Take(20));
}
