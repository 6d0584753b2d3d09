using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace OpenApiSdk.SchemaSuiteTests;

/// <summary>The counts of one row of the table: a suite file, or a total over some of them.</summary>
internal sealed record SuiteCounts(string Name, int Tests, int Passed, int FailedSilent, int FailedKnown, int AcceptedInvalid, int RejectedValid, int NotBuilt, int NotApplicable, string NotApplicableReason)
{
    public int Applicable => Tests - NotApplicable;

    /// <summary>The silent failures by kind: accepted invalid data, rejected valid data, not built.</summary>
    public (int AcceptedInvalid, int RejectedValid, int NotBuilt) Silent { get; init; }

    public static SuiteCounts Of(string name, IReadOnlyCollection<CaseResult> results)
    {
        List<CaseResult> failed = results.Where(r => r.Failed).ToList();
        string reasons = string.Join("; ", results.Where(r => r.Verdict == Verdict.NotApplicable).Select(r => r.Detail).Distinct());
        return new SuiteCounts(
            name,
            results.Count,
            results.Count(r => r.Verdict == Verdict.Passed),
            failed.Count(r => !r.Known),
            failed.Count(r => r.Known),
            results.Count(r => r.Verdict == Verdict.AcceptedInvalid),
            results.Count(r => r.Verdict == Verdict.RejectedValid),
            results.Count(r => r.Verdict == Verdict.NotBuilt),
            results.Count(r => r.Verdict == Verdict.NotApplicable),
            reasons)
        {
            Silent = (failed.Count(r => !r.Known && r.Verdict == Verdict.AcceptedInvalid), failed.Count(r => !r.Known && r.Verdict == Verdict.RejectedValid), failed.Count(r => !r.Known && r.Verdict == Verdict.NotBuilt)),
        };
    }

    public string Percent => Applicable == 0 ? "-" : (100.0 * Passed / Applicable).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}

/// <summary>The per-file table, the totals and every failure, as markdown.</summary>
internal static class SuiteReport
{
    public static List<SuiteCounts> PerFile(IEnumerable<CaseResult> results) =>
        results.GroupBy(r => r.File.Name).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => SuiteCounts.Of(g.Key, g.ToList())).ToList();

    /// <summary>The totals: main files, the issue's basis, the optional files, and optional/format.</summary>
    public static List<SuiteCounts> Totals(IReadOnlyCollection<CaseResult> results) => new()
    {
        SuiteCounts.Of("main files (counted, with $id/$anchor/$dynamicRef)", results.Where(r => !r.File.IsOptional).ToList()),
        SuiteCounts.Of("issue basis (main, no remote, no $id/$anchor reference, no $dynamicRef)", results.Where(r => r.Group.InIssueBasis).ToList()),
        SuiteCounts.Of("optional/ (not format)", results.Where(r => r.File.IsOptional && !r.File.AssertsFormats).ToList()),
        SuiteCounts.Of("optional/format (format assertion on)", results.Where(r => r.File.AssertsFormats).ToList()),
    };

    /// <summary>What the silent failures of each total are.</summary>
    public static string SilentKinds(IEnumerable<SuiteCounts> totals) =>
        string.Join(Environment.NewLine, totals.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Name}: of {t.FailedSilent} silent failures, {t.Silent.AcceptedInvalid} accept invalid data, {t.Silent.RejectedValid} reject valid data, {t.Silent.NotBuilt} not built."))) + Environment.NewLine;

    public static string Table(IEnumerable<SuiteCounts> rows)
    {
        var text = new StringBuilder();
        text.AppendLine("| file | tests | passed | % of applicable | failed, silent | failed, with diagnostic | accepted invalid | rejected valid | not built | n/a | n/a reason |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (SuiteCounts row in rows)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {row.Name} | {row.Tests} | {row.Passed} | {row.Percent} | {row.FailedSilent} | {row.FailedKnown} | {row.AcceptedInvalid} | {row.RejectedValid} | {row.NotBuilt} | {row.NotApplicable} | {row.NotApplicableReason} |"));
        }

        return text.ToString();
    }

    public static string Markdown(SuiteRun run, string timing)
    {
        var text = new StringBuilder();
        text.AppendLine("# JSON-Schema-Test-Suite draft 2020-12 through generated models").AppendLine();
        text.AppendLine(timing).AppendLine();
        text.AppendLine("## Per file").AppendLine().AppendLine(Table(PerFile(run.Results)));
        text.AppendLine("## Totals").AppendLine().AppendLine(Table(Totals(run.Results))).AppendLine(SilentKinds(Totals(run.Results)));
        text.AppendLine("## Generator crashes and compile errors of generated code").AppendLine();
        foreach (string defect in run.GeneratorDefects.DefaultIfEmpty("none"))
        {
            text.Append("- ").AppendLine(Cell(defect));
        }

        text.AppendLine().AppendLine("## Compiler warnings in generated code (collected, not fatal)").AppendLine();
        foreach (KeyValuePair<SuiteFile, List<string>> warnings in run.CompileWarnings.OrderBy(w => w.Key.Name, StringComparer.Ordinal))
        {
            text.Append("- ").Append(warnings.Key.Name).Append(": ").AppendLine(string.Join(", ", warnings.Value.GroupBy(w => w.Split(' ')[0]).Select(g => g.Key + " ×" + g.Count().ToString(CultureInfo.InvariantCulture))));
        }

        text.AppendLine().AppendLine("## Not applicable groups").AppendLine();
        foreach (IGrouping<(string File, SuiteGroup Group), CaseResult> group in run.Results.Where(r => r.Verdict == Verdict.NotApplicable).GroupBy(r => (r.File.Name, r.Group)))
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"- {group.Key.File} {group.Key.Group.Number}. {Cell(group.Key.Group.Description)} ({group.Count()} tests): {group.Key.Group.NotApplicable}"));
        }

        text.AppendLine().AppendLine("## Failures").AppendLine();
        text.AppendLine("| file | group | case | verdict | diagnostic | detail |").AppendLine("| --- | --- | --- | --- | --- | --- |");
        foreach (CaseResult failure in run.Results.Where(r => r.Failed))
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {failure.File.Name} | {failure.Group.Number}. {Cell(failure.Group.Description)} | {Cell(failure.Case.Description)} | {failure.Verdict} | {(failure.Known ? "yes" : "silent")} | {Cell(failure.Detail ?? string.Empty)} |"));
        }

        return text.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
