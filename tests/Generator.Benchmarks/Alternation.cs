using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using OpenApiSdk.Tests.Harness;

namespace OpenApiSdk.Benchmarks;

/// <summary>
/// Readers of the same input alternated in one process, each round timing each reader over <c>callsPerRound</c> calls in
/// the CPU time of the calling thread (Linux's <c>CLOCK_THREAD_CPUTIME_ID</c>, the scheduler's count; the collections a
/// call triggers run on that thread and count), so that load from other processes, which inflates every wall-clock figure
/// on a shared machine, does not count, and a change of the process's state during the run falls on every reader alike.
/// Prints each reader's median time per call and its median ratio to its baseline in the same rounds.
/// </summary>
internal static class Alternation
{
    /// <summary>
    /// How long the readers run before anything is timed: the JIT's tiers (tier 0, then the instrumented tier, then the
    /// optimized code tuned by what the instrumented one saw) take a few thousand calls and a background compilation to
    /// settle. One warm-up round was not enough for the small Swagger 2.0 document, whose reads then measured 47-65 us against
    /// 36-39 us in BenchmarkDotNet's run.
    /// </summary>
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);

    /// <summary>One reader: its name, the call, and the index of the reader its ratio is taken against.</summary>
    public readonly record struct Reader(string Name, Func<object?> Call, int Baseline = 0);

    /// <returns>Each reader's median ratio to its baseline.</returns>
    public static double[] Run(IReadOnlyList<Reader> readers, int rounds, int callsPerRound, string unit)
    {
        var times = readers.Select(_ => new List<double>()).ToArray();
        var warming = Stopwatch.StartNew();
        do
        {
            Round(readers, callsPerRound, reversed: false, times: null);
        }
        while (warming.Elapsed < WarmUp);

        for (int round = 0; round < rounds; round++)
        {
            Round(readers, callsPerRound, reversed: round % 2 == 1, times);
        }

        var ratios = new double[readers.Count];
        for (int r = 0; r < readers.Count; r++)
        {
            ratios[r] = Median(times[r].Zip(times[readers[r].Baseline], (t, baseline) => t / baseline));
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-50} {1,8:F1} us CPU per {2}   {3:F3}x {4}", readers[r].Name, Median(times[r]), unit, ratios[r], readers[readers[r].Baseline].Name));
        }

        return ratios;
    }

    /// <summary>
    /// Every reader once, each over <paramref name="callsPerRound"/> calls (in reverse every other round, so that no reader
    /// always follows the same one), its time per call added to <paramref name="times"/>; null while warming up.
    /// </summary>
    private static void Round(IReadOnlyList<Reader> readers, int callsPerRound, bool reversed, List<double>[]? times)
    {
        for (int k = 0; k < readers.Count; k++)
        {
            int r = reversed ? readers.Count - 1 - k : k;
            double start = ThreadCpuTime.Now().TotalMicroseconds;
            for (int i = 0; i < callsPerRound; i++)
            {
                readers[r].Call();
            }

            times?[r].Add((ThreadCpuTime.Now().TotalMicroseconds - start) / callsPerRound);
        }
    }

    public static double Median(IEnumerable<double> values)
    {
        double[] sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
