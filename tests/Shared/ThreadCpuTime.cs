using System;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace OpenApiSdk.Tests.Harness;

/// <summary>
/// The CPU time the calling thread has run (Linux's <c>CLOCK_THREAD_CPUTIME_ID</c>, the scheduler's own count; elsewhere
/// the process's time). A hang detector that counts this instead of the wall clock is not stretched by other work on the
/// machine: a generator that loops burns its own thread's time, one that waits for its turn does not.
/// </summary>
public static class ThreadCpuTime
{
    private const int ClockThreadCpuTime = 3;

    /// <summary>The calling thread's CPU time so far.</summary>
    public static TimeSpan Now()
    {
        if (!OperatingSystem.IsLinux())
        {
            return Process.GetCurrentProcess().TotalProcessorTime;
        }

        if (clock_gettime(ClockThreadCpuTime, out Timespec now) != 0)
        {
            throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
        }

        return TimeSpan.FromTicks((now.Seconds * TimeSpan.TicksPerSecond) + (now.Nanoseconds / 100));
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int clock_gettime(int clock, out Timespec time);
}
