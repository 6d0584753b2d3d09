using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace OpenApiSdk.SchemaSuiteTests;

/// <summary>One row of SuiteFloors.tsv: a suite file's passed count (a floor) and silent failures (a ceiling) when it was set.</summary>
internal sealed record SuiteFloor(string File, int Passed, int FailedSilent)
{
    public static Dictionary<string, SuiteFloor> Read(string path) =>
        System.IO.File.ReadAllLines(path)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(parts => parts.Length == 3
                ? new SuiteFloor(parts[0], int.Parse(parts[1], CultureInfo.InvariantCulture), int.Parse(parts[2], CultureInfo.InvariantCulture))
                : throw new InvalidDataException("SuiteFloors.tsv: expected file<TAB>passed<TAB>failed-silent: " + string.Join("\t", parts)))
            .ToDictionary(f => f.File, StringComparer.Ordinal);

    public static string Row(SuiteCounts counts) => string.Create(CultureInfo.InvariantCulture, $"{counts.Name}\t{counts.Passed}\t{counts.FailedSilent}");

    /// <summary>What is wrong with <paramref name="counts"/> against the floors (empty when nothing is), and which rows could be raised.</summary>
    public static (List<string> Regressions, List<string> Improvements) Check(IReadOnlyDictionary<string, SuiteFloor> floors, IReadOnlyList<SuiteCounts> counts)
    {
        var regressions = new List<string>();
        var improvements = new List<string>();
        foreach (SuiteCounts row in counts)
        {
            if (!floors.TryGetValue(row.Name, out SuiteFloor? floor))
            {
                regressions.Add($"{row.Name} has no row in SuiteFloors.tsv; add: {Row(row)}");
                continue;
            }

            if (row.Passed < floor.Passed)
            {
                regressions.Add(string.Create(CultureInfo.InvariantCulture, $"{row.Name}: {row.Passed} tests passed, fewer than the {floor.Passed} of SuiteFloors.tsv"));
            }

            if (row.FailedSilent > floor.FailedSilent)
            {
                regressions.Add(string.Create(CultureInfo.InvariantCulture, $"{row.Name}: {row.FailedSilent} tests fail with no diagnostic, more than the {floor.FailedSilent} of SuiteFloors.tsv"));
            }

            if (row.Passed > floor.Passed || row.FailedSilent < floor.FailedSilent)
            {
                improvements.Add(Row(row));
            }
        }

        regressions.AddRange(floors.Keys.Except(counts.Select(c => c.Name), StringComparer.Ordinal).Select(name => $"SuiteFloors.tsv names {name}, which the suite folder does not hold"));
        return (regressions, improvements);
    }
}
