using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Emit;
using OpenApiSdk.Tests.Harness;

namespace OpenApiSdk.ExampleTests;

/// <summary>
/// One spec's SDK: generated, compiled once (the models the examples need) and loaded into a collectible context, with the maps from
/// the generated sources' XML docs to the C# types (<c>Generated from #/components/schemas/X.</c> on
/// models, <c>GET /path (operationId x).</c> on client methods).
/// </summary>
internal sealed partial class GeneratedSdk : IDisposable
{
    public const string Namespace = "Corpus.Sdk";

    private readonly Dictionary<string, List<string>> _typesBySchemaName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _baseNameByOperation = new(StringComparer.Ordinal);
    private readonly string _specName;
    private readonly List<GeneratedSourceResult> _generated;
    private readonly TimeSpan _generateTime;
    private AssemblyLoadContext? _context;
    private Assembly? _assembly;

    private GeneratedSdk(string specName, List<GeneratedSourceResult> generated, TimeSpan generateTime)
    {
        _specName = specName;
        _generated = generated;
        _generateTime = generateTime;
        foreach (GeneratedSourceResult source in generated)
        {
            ReadDocs(source.SourceText.ToString());
        }
    }

    /// <summary>Runs the generator over the spec; <see cref="Compile"/> then builds what the examples need.</summary>
    public static GeneratedSdk Generate(string specPath)
    {
        var spec = new SpecFile(specPath, File.ReadAllText(specPath), Namespace);
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { spec });
        var clock = Stopwatch.StartNew();
        driver = driver.RunGenerators(GeneratorHarness.CreateCompilation());
        List<GeneratedSourceResult> generated = driver.GetRunResult().Results.SelectMany(r => r.GeneratedSources).ToList();
        return new GeneratedSdk(Path.GetFileNameWithoutExtension(specPath), generated, clock.Elapsed);
    }

    /// <summary>
    /// Compiles the runtime and the models named in <paramref name="roots"/> with every generated type they
    /// refer to (generated code names other generated types only as <c>global::Corpus.Sdk.X</c>), and loads
    /// the assembly. The client and the models no example reaches are left out: most of a big spec's code.
    /// When that does not compile, everything is compiled. Emit binds once (GetDiagnostics would bind again).
    /// </summary>
    public void Compile(IEnumerable<string> roots)
    {
        var clock = Stopwatch.StartNew();
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation();
        List<GeneratedSourceResult> candidates = _generated.Where(s => !IsClient(s.SourceText.ToString())).ToList();
        (List<SyntaxTree> trees, int kept, int total) = Prune(candidates, roots);
        using var stream = new MemoryStream();
        EmitResult result = compilation.AddSyntaxTrees(trees).Emit(stream);
        string what = string.Create(CultureInfo.InvariantCulture, $"{kept} of {total} models and what they use");
        if (!result.Success)
        {
            stream.SetLength(0);
            trees = _generated.Select(s => s.SyntaxTree).ToList();
            result = compilation.AddSyntaxTrees(trees).Emit(stream);
            what = "everything (the pruned code did not compile: " + result.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) + ")";
        }

        if (!result.Success)
        {
            throw new InvalidOperationException("The generated SDK does not compile:" + Environment.NewLine + string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(20)));
        }

        Timing = string.Create(CultureInfo.InvariantCulture, $"generate {_generateTime.TotalSeconds:0.0} s, compile {clock.Elapsed.TotalSeconds:0.0} s: {what}, {trees.Sum(t => t.GetText().Lines.Count)} lines");
        stream.Position = 0;
        _context = new AssemblyLoadContext("examples-" + _specName + "-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        _assembly = _context.LoadFromStream(stream);
    }

    private static (List<SyntaxTree> Trees, int Kept, int Total) Prune(List<GeneratedSourceResult> sources, IEnumerable<string> roots)
    {
        var declarations = new Dictionary<string, BaseTypeDeclarationSyntax>(StringComparer.Ordinal);
        foreach (GeneratedSourceResult source in sources)
        {
            foreach (BaseTypeDeclarationSyntax type in source.SyntaxTree.GetRoot().DescendantNodes(n => n is not BaseTypeDeclarationSyntax).OfType<BaseTypeDeclarationSyntax>())
            {
                declarations.TryAdd(type.Identifier.Text, type);
            }
        }

        var needed = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(roots.Where(declarations.ContainsKey));
        while (pending.Count > 0)
        {
            string name = pending.Pop();
            if (!needed.Add(name))
            {
                continue;
            }

            foreach (Match reference in GeneratedTypeReference().Matches(declarations[name].ToFullString()))
            {
                if (declarations.ContainsKey(reference.Groups[1].Value) && !needed.Contains(reference.Groups[1].Value))
                {
                    pending.Push(reference.Groups[1].Value);
                }
            }
        }

        var trees = new List<SyntaxTree>();
        foreach (GeneratedSourceResult source in sources)
        {
            SyntaxNode root = source.SyntaxTree.GetRoot();
            List<BaseTypeDeclarationSyntax> unused = declarations.Values.Where(d => d.SyntaxTree == source.SyntaxTree && !needed.Contains(d.Identifier.Text)).ToList();
            trees.Add(unused.Count == 0 ? source.SyntaxTree : source.SyntaxTree.WithRootAndOptions(root.RemoveNodes(unused, SyntaxRemoveOptions.KeepNoTrivia)!, source.SyntaxTree.Options));
        }

        return (trees, needed.Count, declarations.Count);
    }

    /// <summary>
    /// The name of the model generated from <paramref name="schemaName"/> (a pointer, or Owner.Member for
    /// inline ones). Several inline schemas can share one (two 2xx responses): the generator numbers their
    /// names in document order (X, X2, X3), and <paramref name="rank"/> picks one.
    /// </summary>
    public string? Model(string schemaName, int rank = 0)
    {
        if (!_typesBySchemaName.TryGetValue(schemaName, out List<string>? names) || rank >= names.Count)
        {
            return null;
        }

        return names.OrderBy(n => n.Length).ThenBy(n => n, StringComparer.Ordinal).ElementAt(rank);
    }

    /// <summary>A compiled model (after <see cref="Compile"/>).</summary>
    public Type Type(string model) =>
        (_assembly ?? throw new InvalidOperationException("not compiled yet")).GetType(Namespace + "." + model, throwOnError: true)!;

    /// <summary>The name the generator gave an operation's inline types (its PascalCase operationId).</summary>
    public string? BaseName(string method, string path) =>
        _baseNameByOperation.TryGetValue(method + " " + path, out string? name) ? name : null;

    /// <summary>Where the time went (printed, never asserted).</summary>
    public string Timing { get; private set; } = string.Empty;

    public int ModelCount => _typesBySchemaName.Values.Sum(v => v.Count);

    public static object? FromJson(Type model, string json)
    {
        try
        {
            // A model's FromJson is inherited from OpenApiObject<T> (a union declares its own): FlattenHierarchy finds both.
            return model.GetMethod("FromJson", BindingFlags.Public | BindingFlags.Static | BindingFlags.FlattenHierarchy, null, new[] { typeof(string) }, null)!.Invoke(null, new object[] { json });
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    public static string ToJson(object model) => (string)model.GetType().GetMethod("ToJson", new[] { typeof(bool) })!.Invoke(model, new object[] { false })!;

    public static List<(string Pointer, string Message)> Validate(object model) =>
        ((IEnumerable)model.GetType().GetMethod("Validate", System.Type.EmptyTypes)!.Invoke(model, null)!)
            .Cast<object>()
            .Select(e => ((string)e.GetType().GetProperty("Pointer")!.GetValue(e)!, (string)e.GetType().GetProperty("Message")!.GetValue(e)!))
            .ToList();

    public void Dispose() => _context?.Unload();

    /// <summary>A client file (the client class or one of its operation groups): models never use System.Net.Http.</summary>
    private static bool IsClient(string source) => source.Contains("global::System.Net.Http.", StringComparison.Ordinal);

    private void ReadDocs(string source)
    {
        string? schemaName = null;
        string? operation = null;
        foreach (string rawLine in source.Split('\n'))
        {
            string line = rawLine.Trim();
            if (line.StartsWith("///", StringComparison.Ordinal))
            {
                if (GeneratedFrom().Match(line) is { Success: true } model)
                {
                    schemaName = WebUtility.HtmlDecode(model.Groups[1].Value);
                }
                else if (OperationDoc().Match(line) is { Success: true } op)
                {
                    operation = WebUtility.HtmlDecode(op.Groups[1].Value + " " + op.Groups[2].Value);
                }

                continue;
            }

            if (schemaName is not null && ClassDeclaration().Match(line) is { Success: true } declaration)
            {
                if (!_typesBySchemaName.TryGetValue(schemaName, out List<string>? names))
                {
                    _typesBySchemaName.Add(schemaName, names = new List<string>());
                }

                names.Add(declaration.Groups[1].Value);
            }
            else if (operation is not null && MethodDeclaration().Match(line) is { Success: true } method)
            {
                _baseNameByOperation.TryAdd(operation, method.Groups[1].Value);
            }

            if (line.Length > 0 && !line.StartsWith('['))
            {
                schemaName = null;
                operation = null;
            }
        }
    }

    [GeneratedRegex(@"^/// <para>Generated from (.+)\.</para>$")]
    private static partial Regex GeneratedFrom();

    [GeneratedRegex(@"^/// <para>([A-Z]+) (.+) \(operationId .*\)\.</para>$")]
    private static partial Regex OperationDoc();

    [GeneratedRegex(@"^public sealed partial class (\w+)\b")]
    private static partial Regex ClassDeclaration();

    [GeneratedRegex(@"\s(\w+?)Async\d*\(")]
    private static partial Regex MethodDeclaration();

    // Generated types are named unqualified where C# looks up types (List<Cat>, m.Model<Cat>) and qualified in
    // expressions (global::Corpus.Sdk.Pet.__Shape): every capitalized word that names a generated type counts.
    [GeneratedRegex(@"\b([A-Z]\w*)\b")]
    private static partial Regex GeneratedTypeReference();
}
