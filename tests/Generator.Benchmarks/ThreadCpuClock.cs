using OpenApiSdk.Tests.Harness;
using Perfolizer.Horology;

namespace OpenApiSdk.Benchmarks;

/// <summary>
/// BenchmarkDotNet's clock read as the CPU time of the benchmark's thread (<see cref="ThreadCpuTime"/>), for
/// <c>--cpu-clock</c> runs in process: what other processes on the machine take from the cores does not count, while the
/// benchmark's own work, the gen0 and gen1 collections it triggers (done on the allocating thread) included, does.
/// For synchronous benchmarks only: an async one may end an iteration on another thread than it started on, and the
/// difference of two threads' CPU times means nothing (SseParser's row in <c>TypedEventBenchmarks</c> read 388 us so,
/// against 205-221 us by the wall clock on a quiet machine).
/// </summary>
internal sealed class ThreadCpuClock : IClock
{
    public static readonly ThreadCpuClock Instance = new();

    public string Title => "Thread CPU time";

    public bool IsAvailable => System.OperatingSystem.IsLinux();

    public Frequency Frequency => new(System.TimeSpan.TicksPerSecond);

    public long GetTimestamp() => ThreadCpuTime.Now().Ticks;
}
