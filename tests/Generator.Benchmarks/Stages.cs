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

    private static Type Type(string name) => Generator.GetType("OpenApiSdk.Generator." + name, throwOnError: true)!;
}
