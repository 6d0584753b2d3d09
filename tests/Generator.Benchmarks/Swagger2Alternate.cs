using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OpenApiSdk.Tests.Harness;

namespace OpenApiSdk.Benchmarks;

/// <summary>
/// <c>--swagger2-ab [rounds]</c>: the benchmarks of <see cref="Swagger2ReaderBenchmarks"/> for each shared 2.0 document,
/// alternated in one process (<see cref="Alternation"/>: thread CPU time), reading the 2.0 document against reading its
/// 3.0 conversion in the same round, and parsing against parsing; twice, in two processes, once with the 3.0 benchmarks
/// first and once with the 2.0 ones first. Whichever runs first in a process is what the JIT's profile-guided tier-1
/// code is tuned for, and that moves these ratios by a few per cent (BENCHMARKS.md, "Reading Swagger 2.0"); the
/// geometric mean of the two orders cancels it.
/// </summary>
internal static class Swagger2Alternate
{
    public static void Run(int rounds)
    {
        string self = typeof(Swagger2Alternate).Assembly.Location;
        foreach (string document in Swagger2ReaderBenchmarks.Documents())
        {
            var byOrder = new List<double[]>();
            foreach (string order in new[] { "3.0-first", "2.0-first" })
            {
                string[] arguments = { self, "--swagger2-ab-one", document, order, rounds.ToString(CultureInfo.InvariantCulture) };
                (int exit, string output, string error) = NpmFolder.Run("dotnet", arguments, Environment.CurrentDirectory, TimeSpan.FromMinutes(10));
                if (exit != 0)
                {
                    throw new InvalidOperationException(document + " " + order + " failed: " + error);
                }

                Console.Write(output);
                byOrder.Add(output.Trim().Split('\n').Last().Split(' ').Select(r => double.Parse(r, CultureInfo.InvariantCulture)).ToArray());
            }

            Console.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "{0}: 2.0 / 3.0, geometric mean of the two orders: read {1:F3}x, parse {2:F3}x",
                document,
                Math.Sqrt(byOrder[0][0] * byOrder[1][0]),
                Math.Sqrt(byOrder[0][1] * byOrder[1][1])));
        }
    }

    /// <summary><c>--swagger2-ab-one DOCUMENT ORDER ROUNDS</c>: one process's alternation; its last line is the read and the parse ratio.</summary>
    public static void One(string document, string order, int rounds)
    {
        var bench = new Swagger2ReaderBenchmarks { Document = document };
        bench.Setup();
        var read3 = new Alternation.Reader("read the 3.0 conversion", bench.OpenApi3);
        var read2 = new Alternation.Reader("read the 2.0 document and convert its tree", bench.Swagger2);
        var parse3 = new Alternation.Reader("parse the 3.0 conversion", bench.OpenApi3Parse);
        var parse2 = new Alternation.Reader("parse the 2.0 document", bench.Swagger2Parse);
        bool openApi3First = order == "3.0-first";
        Alternation.Reader[] readers = openApi3First
            ? new[] { read3, read2 with { Baseline = 0 }, parse3 with { Baseline = 2 }, parse2 with { Baseline = 2 } }
            : new[] { read2 with { Baseline = 1 }, read3 with { Baseline = 1 }, parse2 with { Baseline = 3 }, parse3 with { Baseline = 3 } };
        Console.WriteLine(document + ", " + order);
        double[] ratios = Alternation.Run(readers, rounds, callsPerRound: 100, unit: "call");
        int read = openApi3First ? 1 : 0, parse = openApi3First ? 3 : 2;
        Console.WriteLine(ratios[read].ToString("F4", CultureInfo.InvariantCulture) + " " + ratios[parse].ToString("F4", CultureInfo.InvariantCulture));
    }
}
