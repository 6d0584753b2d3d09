using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using OpenApiSdk.Tests.Harness;

namespace OpenApiSdk.Benchmarks;

/// <summary>
/// <c>--events-ab [rounds]</c>: the readers of <see cref="TypedEventBenchmarks"/> alternated in one process, each round
/// timing each reader over the same events in the CPU time of the reading thread (Linux's <c>CLOCK_THREAD_CPUTIME_ID</c>, the
/// scheduler's count; the reads from memory complete on that thread, gen0 collections included), so that load from other
/// processes, which inflates every wall-clock figure on a shared machine, does not count. Prints each reader's median
/// time per round and its median ratio to SseParser + STJ in the same round.
/// </summary>
internal static class EventsAlternate
{
    private const int ReadsPerRound = 20;

    public static void Run(int rounds)
    {
        var bench = new TypedEventBenchmarks();
        bench.Setup();
        var readers = new (string Name, Func<Task<long>> Read)[]
        {
            ("SseParser + STJ source gen by event type", bench.SseParserAsync),
            ("SDK typed events (client, union)", bench.SdkAsync),
            ("SDK one kind (no union)", bench.ModelOnlyAsync),
            ("SDK one kind, event object", bench.ModelFromObjectAsync),
        };
        var times = readers.Select(_ => new List<double>()).ToArray();
        for (int round = -1; round < rounds; round++)
        {
            for (int r = 0; r < readers.Length; r++)
            {
                double start = ThreadCpuTime.Now().TotalMicroseconds;
                for (int i = 0; i < ReadsPerRound; i++)
                {
                    readers[r].Read().GetAwaiter().GetResult();
                }

                double microseconds = (ThreadCpuTime.Now().TotalMicroseconds - start) / ReadsPerRound;
                if (round >= 0)
                {
                    times[r].Add(microseconds); // round -1 warms up (JIT, pools)
                }
            }
        }

        for (int r = 0; r < readers.Length; r++)
        {
            double ratio = Median(times[r].Zip(times[0], (t, baseline) => t / baseline));
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-42} {1,8:F1} us CPU per {2:N0} events   {3:F2}x", readers[r].Name, Median(times[r]), TypedEventBenchmarks.Events, ratio));
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        double[] sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
