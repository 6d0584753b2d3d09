using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

namespace OpenApiSdk.Benchmarks;

/// <summary>
/// Runs the benchmarks; pass BenchmarkDotNet's arguments, e.g. <c>--filter '*' --job short</c>,
/// or <c>--job Dry --filter '*'</c> to check that every benchmark still runs without timing anything.
/// <c>--nswag-once SPEC</c> and <c>--generator-once SPEC</c> run one generation in this fresh process
/// and print its time, for the cold-start comparison (cold-build.sh).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length == 2 && args[0] is "--nswag-once" or "--generator-once")
        {
            RunOnce(args[0], args[1]);
            return 0;
        }

        if (args.Length == 3 && args[0] == "--dump")
        {
            ColdRuns.Dump(args[1], args[2]);
            return 0;
        }

        if (args.Length == 2 && args[0] == "--ab")
        {
            Stages.Alternate(args[1], 4);
            return 0;
        }

        if (args.Length >= 1 && args[0] == "--events-ab")
        {
            EventsAlternate.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 15);
            return 0;
        }

        if (args.Length >= 1 && args[0] == "--swagger2-ab")
        {
            Swagger2Alternate.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 40);
            return 0;
        }

        if (args.Length == 4 && args[0] == "--swagger2-ab-one")
        {
            Swagger2Alternate.One(args[1], args[2], int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture));
            return 0;
        }

        if (args.Length == 2 && args[0] == "--rerun")
        {
            RerunProfile.Run(args[1]);
            return 0;
        }

        if (args.Length >= 2 && args[0] == "--stages")
        {
            Stages.Run(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5);
            return 0;
        }

        SpecCatalog.PrintAvailability();

        // --cpu-clock (with --inProcess; synchronous benchmarks only, see ThreadCpuClock): every job times the benchmark
        // thread's CPU time instead of the wall clock.
        IConfig? config = null;
        if (args.Contains("--cpu-clock", StringComparer.Ordinal))
        {
            args = args.Where(a => a != "--cpu-clock").ToArray();
            config = ManualConfig.Create(DefaultConfig.Instance).AddJob(Job.Default.WithClock(ThreadCpuClock.Instance).AsMutator());
        }

        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config).ToList();

        // A benchmark that no longer builds or throws must fail the run (CI runs them in dry mode for this).
        var failed = summaries.SelectMany(s => s.Reports).Where(r => !r.Success).Select(r => r.BenchmarkCase.DisplayInfo).ToList();
        bool ranNothing = summaries.Count == 0 && args.Contains("--filter", StringComparer.Ordinal);
        if (ranNothing || summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.IsEmpty) || failed.Count > 0)
        {
            Console.Error.WriteLine("Benchmarks failed: " + (failed.Count > 0 ? string.Join(", ", failed) : "validation errors or nothing ran"));
            return 1;
        }

        return 0;
    }

    private static void RunOnce(string mode, string path)
    {
        var stopwatch = Stopwatch.StartNew();
        string text = File.ReadAllText(path);
        int length;
        if (mode == "--nswag-once")
        {
            length = ColdRuns.NSwag(text).Length;
        }
        else
        {
            length = ColdRuns.Generator(path, text);
        }

        Console.WriteLine($"{mode.Substring(2)}: {stopwatch.Elapsed.TotalSeconds:F2} s in-process ({length:N0} chars generated)");
    }
}
