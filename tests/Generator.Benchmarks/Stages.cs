using System;
using System.Collections;
using System.Diagnostics;
using System.Reflection;
using System.Threading;
using OpenApiSdk.Generator;

namespace OpenApiSdk.Benchmarks;

/// <summary>
/// <c>--stages SPEC [runs]</c>: where a full run's time goes, stage by stage (YAML read, model build,
/// emit), warm, by calling the generator's internal stages through reflection. A profile, not a benchmark.
/// </summary>
public static class Stages
{
    private static readonly Assembly Generator = typeof(OpenApiGenerator).Assembly;

    public static void Run(string path, int runs)
    {
        string text = System.IO.File.ReadAllText(path);
        MethodInfo read = Type("Yaml.YamlReader").GetMethod("Read")!;
        Type inputType = Type("Building.SpecInput");
        MethodInfo parse = Type("Building.SpecParser").GetMethod("Parse")!;
        MethodInfo emit = Type("Emitting.ModelEmitter").GetMethod("Emit")!;
        object input = Activator.CreateInstance(inputType, path, text, "Bench.Sdk", "BenchClient", "Bench")!;

        double yaml = 0, build = 0, emitting = 0;
        long yamlBytes = 0, buildBytes = 0, emitBytes = 0;
        int types = 0, chars = 0;
        for (int i = 0; i <= runs; i++)
        {
            long b0 = GC.GetAllocatedBytesForCurrentThread();
            var sw = Stopwatch.StartNew();
            read.Invoke(null, new object[] { text, CancellationToken.None });
            double t1 = sw.Elapsed.TotalMilliseconds;
            long b1 = GC.GetAllocatedBytesForCurrentThread();
            object result = parse.Invoke(null, new[] { input, CancellationToken.None })!;
            double t2 = sw.Elapsed.TotalMilliseconds;
            long b2 = GC.GetAllocatedBytesForCurrentThread();
            object model = result.GetType().GetProperty("Model")!.GetValue(result)!;
            object context = model.GetType().GetProperty("Context")!.GetValue(model)!;
            types = 0;
            chars = 0;
            foreach (object type in (IEnumerable)model.GetType().GetProperty("Types")!.GetValue(model)!)
            {
                chars += ((string)emit.Invoke(null, new[] { context, type })!).Length;
                types++;
            }

            double t3 = sw.Elapsed.TotalMilliseconds;
            long b3 = GC.GetAllocatedBytesForCurrentThread();
            if (i == 0)
            {
                continue; // the first run pays JIT
            }

            yaml += t1;
            build += t2 - t1;
            emitting += t3 - t2;
            yamlBytes += b1 - b0;
            buildBytes += b2 - b1;
            emitBytes += b3 - b2;
        }

        Console.WriteLine($"{System.IO.Path.GetFileName(path)}: {types} types, {chars:N0} chars emitted; mean of {runs} warm runs:");
        Console.WriteLine($"  YamlReader.Read                 {yaml / runs,9:F1} ms {yamlBytes / runs / 1024.0 / 1024,8:F1} MB");
        Console.WriteLine($"  SpecParser.Parse minus the read {(build - yaml) / runs,9:F1} ms {(buildBytes - yamlBytes) / runs / 1024.0 / 1024,8:F1} MB");
        Console.WriteLine($"  ModelEmitter.Emit, all types    {emitting / runs,9:F1} ms {emitBytes / runs / 1024.0 / 1024,8:F1} MB");
    }

    private static readonly MethodInfo ReadMethod = Type("Yaml.YamlReader").GetMethod("Read")!;
    private static readonly MethodInfo ParseMethod = Type("Building.SpecParser").GetMethod("Parse")!;
    private static readonly Type InputType = Type("Building.SpecInput");

    /// <summary>The generator's YAML stage alone (YamlDotNet events to its own node tree).</summary>
    public static object? ReadYaml(string text) => ReadMethod.Invoke(null, new object[] { text, CancellationToken.None });

    /// <summary>The generator's parse stage: YAML to the equatable model (includes <see cref="ReadYaml"/>).</summary>
    public static object? Parse(string path, string text) =>
        ParseMethod.Invoke(null, new[] { Activator.CreateInstance(InputType, path, text, "Bench.Sdk", "BenchClient", "Bench")!, CancellationToken.None });

    /// <summary>
    /// <c>--ab SPEC</c>: NSwag, the generator's full run, its reader and the YamlDotNet floor, alternated in one
    /// process and measured in process CPU time, so a loaded machine skews them alike.
    /// </summary>
    public static void Alternate(string path, int rounds)
    {
        string text = System.IO.File.ReadAllText(path);
        var names = new[] { "NSwag", "Generator full run", "YamlDotNet floor", "Generator YamlReader.Read" };
        var actions = new Action[]
        {
            () => ColdRuns.NSwag(text),
            () => ColdRuns.Generator(path, text),
            () => new YamlDotNet.RepresentationModel.YamlStream().Load(new System.IO.StringReader(text)),
            () => ReadYaml(text),
        };
        var totals = new double[actions.Length];
        var bytes = new double[actions.Length];
        for (int i = 0; i <= rounds; i++)
        {
            for (int a = 0; a < actions.Length; a++)
            {
                long b0 = GC.GetTotalAllocatedBytes(precise: true);
                TimeSpan t0 = Process.GetCurrentProcess().TotalProcessorTime;
                actions[a]();
                TimeSpan t1 = Process.GetCurrentProcess().TotalProcessorTime;
                long b1 = GC.GetTotalAllocatedBytes(precise: true);
                if (i > 0)
                {
                    totals[a] += (t1 - t0).TotalMilliseconds;
                    bytes[a] += b1 - b0;
                }
            }
        }

        Console.WriteLine($"{System.IO.Path.GetFileName(path)}: mean of {rounds} warm rounds, process CPU time and allocations");
        for (int a = 0; a < actions.Length; a++)
        {
            Console.WriteLine($"  {names[a],-26} {totals[a] / rounds,8:F0} ms  {bytes[a] / rounds / 1048576,8:F1} MB  ({totals[a] / totals[0]:F2}x NSwag time, {bytes[a] / bytes[0]:F2}x NSwag bytes, {totals[a] / totals[2]:F2}x floor)");
        }
    }

    private static Type Type(string name) => Generator.GetType("OpenApiSdk.Generator." + name, throwOnError: true)!;
}
