using System;
using System.Diagnostics;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using OpenApiSdk.Generator;
using OpenApiSdk.Tests.Harness;

namespace OpenApiSdk.Benchmarks;

/// <summary><c>--rerun SPEC</c>: where a re-run after an unrelated C# edit spends its time (tracked steps' elapsed times).</summary>
public static class RerunProfile
{
    public static void Run(string path)
    {
        string text = System.IO.File.ReadAllText(path);
        const string code = "namespace App { public static class Program { public static int Answer() => 42; } }";
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(TargetFramework.Net100, LanguageVersion.Latest, new[] { code });
        SyntaxTree tree = compilation.SyntaxTrees.Single();
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new OpenApiGenerator().AsSourceGenerator() },
            new AdditionalText[] { new InMemoryAdditionalText(path, text) },
            new CSharpParseOptions(LanguageVersion.Latest),
            new SpecOptionsProvider(new[] { new SpecFile(path, text, "Bench.Sdk", "BenchClient") }),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        TimeSpan firstCpu = Process.GetCurrentProcess().TotalProcessorTime;
        driver = driver.RunGenerators(compilation);
        Console.WriteLine($"first run CPU {(Process.GetCurrentProcess().TotalProcessorTime - firstCpu).TotalMilliseconds:F0} ms (with JIT)");
        Console.WriteLine($"first run: {driver.GetTimingInfo().ElapsedTime.TotalMilliseconds:F1} ms, {driver.GetRunResult().GeneratedTrees.Length} trees");
        for (int i = 0; i < 5; i++)
        {
            CSharpCompilation edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(SourceText.From(code.Replace("42", i.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))));
            TimeSpan cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            GeneratorDriver next = driver.RunGenerators(edited);
            double wall = sw.Elapsed.TotalMilliseconds;
            double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMilliseconds;
            GeneratorRunResult result = next.GetRunResult().Results[0];
            Console.WriteLine($"re-run {i}: wall {wall:F1} ms, process CPU {cpu:F1} ms, driver {next.GetTimingInfo().ElapsedTime.TotalMilliseconds:F1} ms, generator {next.GetTimingInfo().GeneratorTimes[0].ElapsedTime.TotalMilliseconds:F1} ms");
            foreach (var step in result.TrackedSteps.OrderByDescending(s => s.Value.Sum(x => x.ElapsedTime.Ticks)).Take(6))
            {
                Console.WriteLine($"   {step.Key,-24} {step.Value.Sum(x => x.ElapsedTime.TotalMilliseconds),8:F2} ms  {string.Join(",", step.Value.SelectMany(x => x.Outputs).GroupBy(o => o.Reason).Select(g => g.Key + ":" + g.Count()))}");
            }

            foreach (var step in result.TrackedOutputSteps)
            {
                Console.WriteLine($"   output {step.Key,-17} {step.Value.Sum(x => x.ElapsedTime.TotalMilliseconds),8:F2} ms  {string.Join(",", step.Value.SelectMany(x => x.Outputs).GroupBy(o => o.Reason).Select(g => g.Key + ":" + g.Count()))}");
            }
        }
    }
}
