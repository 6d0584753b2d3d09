using System;

namespace OpenApiSdk.Tests.Harness;

/// <summary>What a call allocates on the calling thread (<see cref="GC.GetAllocatedBytesForCurrentThread"/>), for tests that pin allocation.</summary>
public static class AllocatedBytes
{
    /// <summary>
    /// The bytes <paramref name="call"/> allocates on this thread, on average over <paramref name="runs"/> calls after
    /// <paramref name="warmUps"/> that warm it up (statics, pooled buffers).
    /// </summary>
    public static long PerCall(Action call, int warmUps, int runs)
    {
        for (int i = 0; i < warmUps; i++)
        {
            call();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < runs; i++)
        {
            call();
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / runs;
    }
}
