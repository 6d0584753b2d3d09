using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using OpenApiSdk.Tests.Harness;

namespace OpenApiSdk.ExampleTests;

/// <summary>
/// One spec's SDK: generated, compiled once and loaded into a collectible context, with the maps from
/// the generated sources' XML docs to the C# types (<c>Generated from #/components/schemas/X.</c> on
/// models, <c>GET /path (operationId x).</c> on client methods).
/// </summary>
internal sealed partial class GeneratedSdk : IDisposable
{
    public const string Namespace = "Corpus.Sdk";

    private readonly AssemblyLoadContext _context;
    private readonly Assembly _assembly;
    private readonly Dictionary<string, List<string>> _typesBySchemaName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _baseNameByOperation = new(StringComparer.Ordinal);

    private GeneratedSdk(AssemblyLoadContext context, Assembly assembly, IEnumerable<string> sources, string timing)
    {
        _context = context;
        _assembly = assembly;
        Timing = timing;
        foreach (string source in sources)
        {
            ReadDocs(source);
        }
    }


    public static GeneratedSdk Create(string specPath)
    {
        var spec = new SpecFile(specPath, File.ReadAllText(specPath), Namespace);
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { spec });
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        driver = driver.RunGenerators(compilation);
        TimeSpan generateTime = clock.Elapsed;
        List<GeneratedSourceResult> generated = driver.GetRunResult().Results.SelectMany(r => r.GeneratedSources).ToList();
        List<string> sources = generated.Select(s => s.SourceText.ToString()).ToList();

        // The models and the runtime are what the examples need. The client (half of a big spec's code;
        // its docs are still read for the operation names) is left out of the compilation when the rest
        // compiles without it. Emit binds everything once: a separate GetDiagnostics() would bind twice.
        using var stream = new MemoryStream();
        List<SyntaxTree> models = generated.Where(s => !IsClient(s.SourceText.ToString())).Select(s => s.SyntaxTree).ToList();
        EmitResult result = compilation.AddSyntaxTrees(models).Emit(stream);
        if (!result.Success && models.Count < generated.Count)
        {
            stream.SetLength(0);
            result = compilation.AddSyntaxTrees(generated.Select(s => s.SyntaxTree)).Emit(stream);
        }

        string timing = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"generate {generateTime.TotalSeconds:0.0} s, compile {(clock.Elapsed - generateTime).TotalSeconds:0.0} s ({models.Count} of {generated.Count} files, {models.Sum(t => t.GetText().Lines.Count)} lines)");
        if (!result.Success)
        {
            throw new InvalidOperationException("The generated SDK does not compile:" + Environment.NewLine + string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(20)));
        }

        stream.Position = 0;
        var context = new AssemblyLoadContext("examples-" + Path.GetFileNameWithoutExtension(specPath) + "-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        return new GeneratedSdk(context, context.LoadFromStream(stream), sources, timing);
    }

    /// <summary>
    /// The model generated from <paramref name="schemaName"/> (a pointer, or Owner.Member for inline ones).
    /// Several inline schemas can share one (two 2xx responses): the generator numbers their names in
    /// document order (X, X2, X3), and <paramref name="rank"/> picks one.
    /// </summary>
    public Type? Model(string schemaName, int rank = 0)
    {
        if (!_typesBySchemaName.TryGetValue(schemaName, out List<string>? names) || rank >= names.Count)
        {
            return null;
        }

        string name = names.OrderBy(n => n.Length).ThenBy(n => n, StringComparer.Ordinal).ElementAt(rank);
        return _assembly.GetType(Namespace + "." + name, throwOnError: true);
    }

    /// <summary>The name the generator gave an operation's inline types (its PascalCase operationId).</summary>
    public string? BaseName(string method, string path) =>
        _baseNameByOperation.TryGetValue(method + " " + path, out string? name) ? name : null;

    /// <summary>Where the time went (printed, never asserted).</summary>
    public string Timing { get; }

    public int ModelCount => _typesBySchemaName.Values.Sum(v => v.Count);

    public static object? FromJson(Type model, string json)
    {
        try
        {
            return model.GetMethod("FromJson", new[] { typeof(string) })!.Invoke(null, new object[] { json });
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    public static string ToJson(object model) => (string)model.GetType().GetMethod("ToJson", new[] { typeof(bool) })!.Invoke(model, new object[] { false })!;

    public static List<(string Pointer, string Message)> Validate(object model) =>
        ((IEnumerable)model.GetType().GetMethod("Validate", Type.EmptyTypes)!.Invoke(model, null)!)
            .Cast<object>()
            .Select(e => ((string)e.GetType().GetProperty("Pointer")!.GetValue(e)!, (string)e.GetType().GetProperty("Message")!.GetValue(e)!))
            .ToList();

    public void Dispose() => _context.Unload();

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
}
