using System;
using System.Threading.Tasks;

namespace OpenApiSdk.Benchmarks;

/// <summary>
/// <c>--events-ab [rounds]</c>: the readers of <see cref="TypedEventBenchmarks"/> alternated in one process
/// (<see cref="Alternation"/>: thread CPU time; the reads from memory complete on the calling thread), each against
/// SseParser + STJ in the same round.
/// </summary>
internal static class EventsAlternate
{
    public static void Run(int rounds)
    {
        var bench = new TypedEventBenchmarks();
        bench.Setup();
        Alternation.Run(
            new Alternation.Reader[]
            {
                new("SseParser + STJ source gen by event type", Wait(bench.SseParserAsync)),
                new("SDK typed events (client, union)", Wait(bench.SdkAsync)),
                new("SDK one kind (no union)", Wait(bench.ModelOnlyAsync)),
                new("SDK one kind, event object", Wait(bench.ModelFromObjectAsync)),
            },
            rounds,
            callsPerRound: 20,
            unit: TypedEventBenchmarks.Events.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " events");
    }

    private static Func<object?> Wait(Func<Task<long>> read) => () => read().GetAwaiter().GetResult();
}
