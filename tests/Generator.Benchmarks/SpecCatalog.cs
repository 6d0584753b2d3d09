using System;
using System.Collections.Generic;
using System.IO;
using OpenApiSdk.Tests.Harness;

namespace OpenApiSdk.Benchmarks;

/// <summary>The specs the generator benchmarks run on: the seed, and the real-world ones from ../shared/specs when present.</summary>
public static class SpecCatalog
{
    public const string Seed = "seed";

    public static readonly string[] SharedSpecs = { "swagger-petstore3.yaml", "xero-accounting.yaml", "linode.yaml", "stripe-spec3.yaml" };

    /// <summary>
    /// The names to benchmark: always the seed, plus each shared spec that exists. The environment
    /// variable <c>OPENAPI_BENCH_SPECS</c> (comma-separated names, e.g. <c>seed,swagger-petstore3.yaml</c>)
    /// narrows the list, so CI's dry run stays short.
    /// </summary>
    public static IEnumerable<string> Available()
    {
        string? only = Environment.GetEnvironmentVariable("OPENAPI_BENCH_SPECS");
        HashSet<string>? wanted = string.IsNullOrWhiteSpace(only)
            ? null
            : new HashSet<string>(only.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.Ordinal);
        foreach (string name in AllAvailable())
        {
            if (wanted is null || wanted.Contains(name))
            {
                yield return name;
            }
        }
    }

    private static IEnumerable<string> AllAvailable()
    {
        yield return Seed;
        string? folder = GeneratorHarness.SharedSpecsDirectory;
        if (folder is null)
        {
            yield break;
        }

        foreach (string name in SharedSpecs)
        {
            if (File.Exists(Path.Combine(folder, name)))
            {
                yield return name;
            }
        }
    }

    public static string PathOf(string name) =>
        name == Seed ? GeneratorHarness.SeedSpecPath : Path.Combine(GeneratorHarness.SharedSpecsDirectory!, name);

    public static string Read(string name) => File.ReadAllText(PathOf(name));

    /// <summary>
    /// Says which shared specs are missing (the benchmarks then leave them out). Under <c>CI=true</c>, where the
    /// shared folder is laid beside the clone, a spec that <c>OPENAPI_BENCH_SPECS</c> names and that is missing is an error instead.
    /// </summary>
    public static void PrintAvailability()
    {
        string? only = Environment.GetEnvironmentVariable("OPENAPI_BENCH_SPECS");
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(only))
        {
            var available = new HashSet<string>(AllAvailable(), StringComparer.Ordinal);
            string[] missing = Array.FindAll(only.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), name => !available.Contains(name));
            if (missing.Length > 0)
            {
                throw new InvalidOperationException("CI=true and OPENAPI_BENCH_SPECS names specs that are not there: " + string.Join(", ", missing) + " (the shared specs folder: " + (GeneratorHarness.SharedSpecsDirectory ?? "absent") + ")");
            }
        }

        string? folder = GeneratorHarness.SharedSpecsDirectory;
        if (folder is null)
        {
            Console.WriteLine("../shared/specs is absent beside the repository: benchmarking the seed spec only (skipping " + string.Join(", ", SharedSpecs) + ").");
            return;
        }

        foreach (string name in SharedSpecs)
        {
            if (!File.Exists(Path.Combine(folder, name)))
            {
                Console.WriteLine($"{name} is missing from {folder}: skipped.");
            }
        }
    }

    /// <summary>
    /// The spec with one schema's description changed: the first description after <c>schemas:</c>
    /// gets a word appended (on its first text line, for block scalars).
    /// </summary>
    public static string EditOneSchema(string text)
    {
        string[] lines = text.Split('\n');
        int start = Array.FindIndex(lines, l => l.TrimEnd('\r').TrimStart() == "schemas:");
        for (int i = Math.Max(start, 0); i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd('\r');
            string trimmed = line.TrimStart();
            if (!trimmed.StartsWith("description:", StringComparison.Ordinal))
            {
                continue;
            }

            string value = trimmed.Substring("description:".Length).Trim();
            int target = value.Length == 0 || value[0] is '|' or '>' ? i + 1 : i;
            if (value.Length > 0 && value[0] is '"' or '\'')
            {
                continue; // a quoted scalar: appending after the quote would break it; take the next one
            }

            lines[target] = lines[target].TrimEnd('\r') + " (edited)";
            return string.Join("\n", lines);
        }

        throw new InvalidOperationException("no schema description to edit");
    }
}
