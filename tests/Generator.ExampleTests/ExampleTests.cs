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
            yield return new object[] { "(../shared/specs is absent: examples not checked)" };
            yield break;
        }

        foreach (string file in Directory.GetFiles(directory).Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal)).OrderBy(f => f, StringComparer.Ordinal))
        {
            yield return new object[] { Path.GetFileName(file) };
        }
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Corpus_examples_agree_with_ajv(string fileName)
    {
        string? directory = GeneratorHarness.SharedSpecsDirectory;
        if (directory is null)
        {
            _output.WriteLine("SKIPPED: " + fileName);
            return;
        }

        if (AjvChecker.Unavailable() is { } reason)
        {
            _output.WriteLine("SKIPPED: " + reason);
            return;
        }

        string path = Path.Combine(directory, fileName);
        var clock = Stopwatch.StartNew();
        List<JsonObject> records = AjvChecker.Check(path);
        TimeSpan ajvTime = clock.Elapsed;
        TimeSpan compileTime = TimeSpan.Zero;
        string compileDetail = "nothing to check";
        var outcomes = new List<Outcome>();
        if (records.Count > 0)
        {
            // Generated and compiled once per spec, and only when it has examples.
            using GeneratedSdk sdk = GeneratedSdk.Generate(path);
            var check = new ExampleCheck(sdk);
            var plans = records.Select(r => (Record: r, Target: check.Plan(r, out string why), Why: why)).ToList();
            sdk.Compile(plans.Where(p => p.Target is not null).Select(p => p.Target!.Model).Distinct(StringComparer.Ordinal));
            compileTime = clock.Elapsed - ajvTime;
            compileDetail = sdk.Timing;
            outcomes.AddRange(plans.Select(p => check.Check(p.Record, p.Target, p.Why)));
        }

        _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"time: ajv {ajvTime.TotalSeconds:0.0} s, generate+compile+load {compileTime.TotalSeconds:0.0} s ({compileDetail}), checks {(clock.Elapsed - ajvTime - compileTime).TotalSeconds:0.0} s"));

        List<Explained> explained = Explained.For(fileName);
        var unexplained = new List<Outcome>();
        var explainedHere = new List<(Outcome Outcome, Explained Why)>();
        foreach (Outcome disagreement in outcomes.Where(o => o.Verdict == Verdict.Disagreed))
        {
            if (explained.FirstOrDefault(e => e.Matches(disagreement.Example)) is { } why)
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
        Report(fileName, records.Count, outcomes, unexplained, explainedHere, stale);

        Assert.True(unexplained.Count == 0 && stale.Count == 0, $"{fileName}: {unexplained.Count} disagreement(s) with ajv ({unexplained.Count(o => o.Category.Length > 0)} of them oneOf/anyOf), {stale.Count} stale entr(y/ies) in ExplainedExamples.tsv; see the test output");
    }

    private void Report(string fileName, int found, List<Outcome> outcomes, List<Outcome> unexplained, List<(Outcome Outcome, Explained Why)> explainedHere, List<Explained> stale)
    {
        int notApplicable = outcomes.Count(o => o.Verdict == Verdict.NotApplicable);
        int agreed = outcomes.Count(o => o.Verdict == Verdict.Agreed);
        int disagreed = outcomes.Count(o => o.Verdict == Verdict.Disagreed);
        var text = new StringBuilder();
        text.AppendLine("| spec | examples found | checked | agreed | disagreed (explained) | not applicable |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| {fileName} | {found} | {agreed + disagreed} | {agreed} | {disagreed} ({explainedHere.Count}) | {notApplicable} |");
        text.AppendLine();
        foreach (IGrouping<string, Outcome> group in outcomes.Where(o => o.Verdict == Verdict.NotApplicable).GroupBy(o => o.Detail).OrderByDescending(g => g.Count()))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"not applicable ×{group.Count()}: {group.Key} (e.g. {group.First().Example})");
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
            text.AppendLine(CultureInfo.InvariantCulture, $"explained ×{explainedHere.Count} (ExplainedExamples.tsv):");
            foreach (IGrouping<string, (Outcome Outcome, Explained Why)> group in explainedHere.GroupBy(e => e.Why.Reason))
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

/// <summary>One line of ExplainedExamples.tsv: a disagreement with ajv that is right, and why.</summary>
internal sealed class Explained
{
    private Explained(string spec, string pattern, string reason)
    {
        Spec = spec;
        Pattern = pattern;
        Reason = reason;
    }

    public string Spec { get; }

    /// <summary>The example's JSON Pointer; a trailing <c>*</c> matches any continuation.</summary>
    public string Pattern { get; }

    public string Reason { get; }

    public bool Used { get; set; }

    public bool Matches(string example) =>
        Pattern.EndsWith('*') ? example.StartsWith(Pattern[..^1], StringComparison.Ordinal) : example == Pattern;

    public static List<Explained> For(string spec)
    {
        string file = Path.Combine(AppContext.BaseDirectory, "ExplainedExamples.tsv");
        return File.ReadAllLines(file)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(parts => parts.Length == 3 ? new Explained(parts[0], parts[1], parts[2]) : throw new InvalidDataException("ExplainedExamples.tsv: expected spec<TAB>pointer<TAB>reason: " + string.Join("\t", parts)))
            .Where(e => e.Spec == spec)
            .ToList();
    }
}
