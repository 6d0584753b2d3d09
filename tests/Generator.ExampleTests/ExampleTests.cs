using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using OpenApiSdk.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace OpenApiSdk.ExampleTests;

/// <summary>
/// Every example in a corpus spec that ajv accepts deserializes into the generated model, serializes back
/// to equal JSON and passes <c>Validate()</c>; every example ajv rejects fails <c>Validate()</c>. A
/// disagreement fails the test unless ExplainedExamples.tsv explains it.
/// </summary>
public class ExampleTests
{
    private readonly ITestOutputHelper _output;

    public ExampleTests(ITestOutputHelper output) => _output = output;

    public static IEnumerable<object[]> CorpusFiles()
    {
        string? directory = GeneratorHarness.SharedSpecsDirectory;
        if (directory is null)
        {
            yield return new object[] { "(no shared specs)" }; // one test, skipped with the reason (or failed in CI)
            yield break;
        }

        foreach (string file in Directory.GetFiles(directory).Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal)).OrderBy(f => f, StringComparer.Ordinal))
        {
            yield return new object[] { Path.GetFileName(file) };
        }
    }

    [SkippableTheory]
    [MemberData(nameof(CorpusFiles))]
    public void Corpus_examples_agree_with_ajv(string fileName)
    {
        string directory = Requires.SharedSpecs();
        AjvChecker.Require();
        AgreeWithAjv(Path.Combine(directory, fileName), fileName);
    }

    /// <summary>
    /// The Swagger 2.0 documents of ../shared/specs-swagger2, and the project's own Specs/swagger2-examples.yaml
    /// (the shared ones have a single example among them): ajv judges the examples of the document's swagger2openapi
    /// conversion (a 2.0 response's <c>examples</c> keyed by media type become that media type's <c>examples</c> entry, a
    /// schema's <c>example</c> stays), the SDK is generated from the 2.0 document itself.
    /// </summary>
    public static IEnumerable<object[]> Swagger2Files()
    {
        yield return new object[] { "swagger2-examples.yaml" };
        if (GeneratorHarness.SharedSwagger2SpecsDirectory is { } directory)
        {
            foreach (string file in Directory.GetFiles(directory).Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal)).OrderBy(f => f, StringComparer.Ordinal))
            {
                yield return new object[] { Path.GetFileName(file) };
            }
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Swagger2Files))]
    public void Swagger2_examples_agree_with_ajv(string fileName)
    {
        string path = fileName == "swagger2-examples.yaml"
            ? Path.Combine(GeneratorHarness.RepositoryRoot, "tests", "Generator.Tests", "Specs", fileName)
            : Path.Combine(Requires.SharedSwagger2Specs(), fileName);
        AjvChecker.Require();
        Requires.NpmPackages(Swagger2Conversion.Folder);
        string converted = Path.Combine(Path.GetTempPath(), "openapi-examples-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(converted, Swagger2Conversion.Convert(path));
        try
        {
            List<JsonObject> records = AgreeWithAjv(converted, fileName, sdkPath: path);
            if (fileName == "swagger2-examples.yaml")
            {
                // Both verdicts, and both places a 2.0 example sits (a schema's example, a response's examples).
                Assert.Equal((4, 3), (records.Count(r => r["valid"]?.GetValue<bool>() == true), records.Count(r => r["valid"]?.GetValue<bool>() == false)));
                Assert.Contains(records, r => ((string)r["example"]!).StartsWith("#/paths/", StringComparison.Ordinal));
                Assert.Contains(records, r => ((string)r["example"]!).StartsWith("#/components/schemas/", StringComparison.Ordinal));
            }
        }
        finally
        {
            File.Delete(converted);
        }
    }

    /// <summary>
    /// The project's own Specs/unevaluated.yaml (unevaluatedProperties, unevaluatedItems): its schema examples include
    /// instances ajv rejects, and Validate() must reject each of them at the place and for the rule ajv names.
    /// </summary>
    [SkippableFact]
    public void Unevaluated_spec_examples_agree_with_ajv()
    {
        AjvChecker.Require();
        string path = Path.Combine(GeneratorHarness.RepositoryRoot, "tests", "Generator.Tests", "Specs", "unevaluated.yaml");

        List<JsonObject> records = AgreeWithAjv(path, "unevaluated.yaml");

        // Both verdicts are exercised: the rejected examples are the point of the spec.
        Assert.Equal((8, 11), (records.Count(r => r["valid"]?.GetValue<bool>() == true), records.Count(r => r["valid"]?.GetValue<bool>() == false)));
    }

    /// <summary><paramref name="path"/> is what ajv reads; the SDK is generated from <paramref name="sdkPath"/>, the same document by default.</summary>
    private List<JsonObject> AgreeWithAjv(string path, string fileName, string? sdkPath = null)
    {
        var clock = Stopwatch.StartNew();
        List<JsonObject> records = AjvChecker.Check(path);
        List<Explained> explained = Explained.For(fileName);
        var rulesExplained = records.SelectMany(r => Explained.SetAsideExplainedRules(r, explained)).ToList();
        TimeSpan ajvTime = clock.Elapsed;
        TimeSpan compileTime = TimeSpan.Zero;
        string compileDetail = "nothing to check";
        var outcomes = new List<Outcome>();
        if (records.Count > 0)
        {
            // Generated and compiled once per spec, and only when it has examples.
            using GeneratedSdk sdk = GeneratedSdk.Generate(sdkPath ?? path);
            var check = new ExampleCheck(sdk);
            var plans = records.Select(r => (Record: r, Target: check.Plan(r, out string why), Why: why)).ToList();
            sdk.Compile(plans.Where(p => p.Target is not null).Select(p => p.Target!.Model).Distinct(StringComparer.Ordinal));
            compileTime = clock.Elapsed - ajvTime;
            compileDetail = sdk.Timing;
            outcomes.AddRange(plans.Select(p => check.Check(p.Record, p.Target, p.Why)));
        }

        _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"time: ajv {ajvTime.TotalSeconds:0.0} s, generate+compile+load {compileTime.TotalSeconds:0.0} s ({compileDetail}), checks {(clock.Elapsed - ajvTime - compileTime).TotalSeconds:0.0} s"));

        var unexplained = new List<Outcome>();
        var explainedHere = new List<(Outcome Outcome, Explained Why)>();
        foreach (Outcome disagreement in outcomes.Where(o => o.Verdict == Verdict.Disagreed))
        {
            if (explained.FirstOrDefault(e => e.Rule == Explained.Whole && e.Matches(disagreement.Example)) is { } why)
            {
                why.Used = true;
                explainedHere.Add((disagreement, why));
            }
            else
            {
                unexplained.Add(disagreement);
            }
        }

        List<Explained> stale = explained.Where(e => !e.Used).ToList();
        Report(fileName, records.Count, outcomes, unexplained, explainedHere, rulesExplained, stale);

        Assert.True(unexplained.Count == 0 && stale.Count == 0, $"{fileName}: {unexplained.Count} disagreement(s) with ajv ({unexplained.Count(o => o.Category.Length > 0)} of them oneOf/anyOf), {stale.Count} stale entr(y/ies) in ExplainedExamples.tsv; see the test output");

        int checkedCount = outcomes.Count(o => o.Verdict != Verdict.NotApplicable);
        Floor floor = Floor.For(fileName) ?? throw new Xunit.Sdk.XunitException($"{fileName} has no row in ExampleFloors.tsv; add: {fileName}\t{records.Count}\t{checkedCount}");
        if (checkedCount > floor.Checked || records.Count > floor.Found)
        {
            _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"More than ExampleFloors.tsv records ({floor.Found} found, {floor.Checked} checked): raise its row to {fileName}\t{records.Count}\t{checkedCount}"));
        }

        Assert.True(records.Count >= Floor.Least(floor.Found), $"{fileName}: {records.Count} examples found, fewer than 90% of the {floor.Found} that ExampleFloors.tsv records");
        Assert.True(checkedCount >= Floor.Least(floor.Checked), $"{fileName}: {checkedCount} examples checked, fewer than 90% of the {floor.Checked} that ExampleFloors.tsv records; the others were not judged (see the reasons in the test output)");
        return records;
    }

    private void Report(string fileName, int found, List<Outcome> outcomes, List<Outcome> unexplained, List<(Outcome Outcome, Explained Why)> explainedHere, List<(string Example, Explained Why)> rulesExplained, List<Explained> stale)
    {
        int notApplicable = outcomes.Count(o => o.Verdict == Verdict.NotApplicable);
        int agreed = outcomes.Count(o => o.Verdict == Verdict.Agreed);
        int disagreed = outcomes.Count(o => o.Verdict == Verdict.Disagreed);
        var text = new StringBuilder();
        text.AppendLine("| spec | examples found | checked | agreed | disagreed (explained) | not judged |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| {fileName} | {found} | {agreed + disagreed} | {agreed} | {disagreed} ({explainedHere.Count}) | {notApplicable} |");
        text.AppendLine();
        // Why the others were not judged, one line per reason with its count.
        foreach (IGrouping<string, Outcome> group in outcomes.Where(o => o.Verdict == Verdict.NotApplicable).GroupBy(o => o.Detail).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"not judged ×{group.Count()}: {group.Key} (e.g. {group.First().Example})");
        }

        foreach (IGrouping<string, Outcome> group in unexplained.GroupBy(o => o.Category).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.AppendLine();
            text.AppendLine(group.Key.Length == 0
                ? string.Create(CultureInfo.InvariantCulture, $"DISAGREEMENTS ×{group.Count()}:")
                : string.Create(CultureInfo.InvariantCulture, $"DISAGREEMENTS ×{group.Count()} where ajv's only errors come from oneOf/anyOf:"));
            foreach (Outcome outcome in group)
            {
                text.AppendLine("  " + outcome.Example);
                text.AppendLine("      " + outcome.Detail);
            }
        }

        if (explainedHere.Count > 0)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"disagreements explained ×{explainedHere.Count} (ExplainedExamples.tsv):");
            foreach (IGrouping<string, (Outcome Outcome, Explained Why)> group in explainedHere.GroupBy(e => e.Why.Reason))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  ×{group.Count()} {group.Key}");
            }
        }

        if (rulesExplained.Count > 0)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"examples judged without an ajv rule that ExplainedExamples.tsv explains ×{rulesExplained.Count}:");
            foreach (IGrouping<string, (string Example, Explained Why)> group in rulesExplained.GroupBy(e => e.Why.Rule + ": " + e.Why.Reason))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  ×{group.Count()} {group.Key}");
            }
        }

        foreach (Explained entry in stale)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"STALE entry in ExplainedExamples.tsv (no such disagreement any more): {entry.Pattern}");
        }

        _output.WriteLine(text.ToString());
    }
}

/// <summary>One line of ExampleFloors.tsv: how many examples of a spec were found and checked when the floor was set.</summary>
internal sealed record Floor(string Spec, int Found, int Checked)
{
    /// <summary>The least count that passes: 90% of the recorded one, rounded up (so a recorded 1 still needs 1).</summary>
    public static int Least(int recorded) => (recorded * 9 + 9) / 10;

    public static Floor? For(string spec)
    {
        string file = Path.Combine(AppContext.BaseDirectory, "ExampleFloors.tsv");
        return File.ReadAllLines(file)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(parts => parts.Length == 3
                ? new Floor(parts[0], int.Parse(parts[1], CultureInfo.InvariantCulture), int.Parse(parts[2], CultureInfo.InvariantCulture))
                : throw new InvalidDataException("ExampleFloors.tsv: expected spec<TAB>found<TAB>checked: " + string.Join("\t", parts)))
            .SingleOrDefault(f => f.Spec == spec);
    }
}

/// <summary>
/// One line of ExplainedExamples.tsv: where ajv and the SDK disagree and the SDK is right, and why. Either one
/// rule ajv applies (its keyword): that rule's errors are set aside and the example is judged on the rest, so
/// everything else about it is still checked; or the whole disagreement (<see cref="Whole"/>), for a difference
/// that is no ajv error, such as a value written back in its canonical form.
/// </summary>
internal sealed class Explained
{
    public const string Whole = "*";

    private Explained(string spec, string pattern, string rule, string reason)
    {
        Spec = spec;
        Pattern = pattern;
        Rule = rule;
        Reason = reason;
    }

    public string Spec { get; }

    /// <summary>The example's JSON Pointer; a trailing <c>*</c> matches any continuation.</summary>
    public string Pattern { get; }

    /// <summary>The ajv keyword whose errors are explained, or <see cref="Whole"/>.</summary>
    public string Rule { get; }

    public string Reason { get; }

    public bool Used { get; set; }

    public bool Matches(string example) =>
        Pattern.EndsWith('*') ? example.StartsWith(Pattern[..^1], StringComparison.Ordinal) : example == Pattern;

    /// <summary>
    /// Takes the errors of an explained rule out of <paramref name="record"/> (ajv's verdict becomes valid when
    /// none is left) and returns the entries that did so; an entry that takes nothing out anywhere is stale.
    /// </summary>
    public static List<(string Example, Explained Why)> SetAsideExplainedRules(JsonObject record, List<Explained> entries)
    {
        string example = (string)record["example"]!;
        var used = new List<(string, Explained)>();
        if (record["errors"] is not JsonArray errors || errors.Count == 0)
        {
            return used;
        }

        foreach (Explained entry in entries.Where(e => e.Rule != Whole && e.Matches(example)))
        {
            List<JsonNode?> explained = errors.Where(e => (string?)e?["keyword"] == entry.Rule).ToList();
            foreach (JsonNode? error in explained)
            {
                errors.Remove(error);
            }

            if (explained.Count > 0)
            {
                entry.Used = true;
                used.Add((example, entry));
            }
        }

        if (errors.Count == 0 && record["valid"] is JsonValue)
        {
            record["valid"] = true;
        }

        return used;
    }

    public static List<Explained> For(string spec)
    {
        string file = Path.Combine(AppContext.BaseDirectory, "ExplainedExamples.tsv");
        return File.ReadAllLines(file)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(parts => parts.Length == 4 ? new Explained(parts[0], parts[1], parts[2], parts[3]) : throw new InvalidDataException("ExplainedExamples.tsv: expected spec<TAB>pointer<TAB>rule<TAB>reason: " + string.Join("\t", parts)))
            .Where(e => e.Spec == spec)
            .ToList();
    }
}
