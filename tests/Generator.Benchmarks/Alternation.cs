using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OpenApiSdk.Tests.Harness;

namespace OpenApiSdk.Benchmarks;

/// <summary>
/// Readers of the same input alternated in one process, each round timing each reader over <c>callsPerRound</c> calls in
/// the CPU time of the calling thread (Linux's <c>CLOCK_THREAD_CPUTIME_ID</c>, the scheduler's count; the collections a
/// call triggers run on that thread and count), so that load from other processes, which inflates every wall-clock figure
/// on a shared machine, does not count, and a change of the process's state during the run falls on every reader alike.
/// The order is reversed every other round, so that what a reader leaves behind (the cache, the collector's budget)
/// falls on each of the others alike. Prints each reader's median time per call and its median ratio to the baseline (the reader it is paired with, or the
/// first) in the same rounds.
/// </summary>
internal static class Alternation
{
    /// <summary>One reader: its name, the call, and the index of the reader its ratio is taken against.</summary>
    public readonly record struct Reader(string Name, Func<object?> Call, int Baseline = 0);

    /// <returns>Each reader's median ratio to its baseline.</returns>
    public static double[] Run(IReadOnlyList<Reader> readers, int rounds, int callsPerRound, string unit)
    {
        var times = readers.Select(_ => new List<double>()).ToArray();
        for (int round = -1; round < rounds; round++)
        {
            for (int k = 0; k < readers.Count; k++)
            {
                int r = round % 2 == 0 ? k : readers.Count - 1 - k; // every other round in reverse: no reader always follows the same one
                double start = ThreadCpuTime.Now().TotalMicroseconds;
                for (int i = 0; i < callsPerRound; i++)
                {
                    readers[r].Call();
                }

                double microseconds = (ThreadCpuTime.Now().TotalMicroseconds - start) / callsPerRound;
                if (round >= 0)
                {
                    times[r].Add(microseconds); // round -1 warms up (JIT, pools)
                }
            }
        }

        var ratios = new double[readers.Count];
        for (int r = 0; r < readers.Count; r++)
        {
            ratios[r] = Median(times[r].Zip(times[readers[r].Baseline], (t, baseline) => t / baseline));
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-50} {1,8:F1} us CPU per {2}   {3:F3}x {4}", readers[r].Name, Median(times[r]), unit, ratios[r], readers[readers[r].Baseline].Name));
        }

        return ratios;
    }

    public static double Median(IEnumerable<double> values)
    {
        double[] sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
