using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using OpenApiSdk.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace OpenApiSdk.SchemaSuiteTests;

/// <summary>
/// The JSON-Schema-Test-Suite (draft 2020-12, the dialect of OpenAPI 3.1) through generated models, as a user gets
/// them: each case's data read by the generated model and validated; a case passes when the verdict is the suite's.
/// The per-file table and totals are printed and written to <c>schema-suite.md</c> in the test's output folder;
/// SuiteFloors.tsv holds each file's passed count (a floor) and silent failures (a ceiling).
/// </summary>
public class SchemaSuiteTests
{
    /// <summary>The issue's basis: tests of the main files that need no remote document, no $id/$anchor reference and no $dynamicRef.</summary>
    private const int IssueBasisTests = 1171;

    private readonly ITestOutputHelper _output;

    public SchemaSuiteTests(ITestOutputHelper output) => _output = output;

    [SkippableFact]
    public void Suite_results_hold_the_floors()
    {
        string directory = Requires.Jsts();
        var clock = Stopwatch.StartNew();
        List<SuiteFile> files = SuiteFile.ReadAll(directory);
        SuiteRun run = SuiteRun.Execute(files);
        string timing = string.Create(CultureInfo.InvariantCulture, $"{files.Count} files, {run.Results.Count} tests, {run.Compilations} compilation(s), {clock.Elapsed.TotalSeconds:0.0} s: generate {run.GenerateTime.TotalSeconds:0.0} s, compile {run.CompileTime.TotalSeconds:0.0} s, cases {run.CaseTime.TotalSeconds:0.0} s.");

        List<SuiteCounts> perFile = SuiteReport.PerFile(run.Results);
        List<SuiteCounts> totals = SuiteReport.Totals(run.Results);
        string markdown = SuiteReport.Markdown(run, timing);
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "schema-suite.md"), markdown);
        _output.WriteLine(timing);
        _output.WriteLine(SuiteReport.Table(perFile));
        _output.WriteLine(SuiteReport.Table(totals));
        _output.WriteLine(SuiteReport.SilentKinds(totals));
        _output.WriteLine("Failures, generator crashes and compiler warnings: " + Path.Combine(AppContext.BaseDirectory, "schema-suite.md"));
        foreach (string defect in run.GeneratorDefects)
        {
            _output.WriteLine("generator defect: " + defect);
        }

        Assert.Equal(IssueBasisTests, totals[1].Applicable);
        (List<string> regressions, List<string> improvements) = SuiteFloor.Check(SuiteFloor.Read(Path.Combine(AppContext.BaseDirectory, "SuiteFloors.tsv")), perFile);
        if (improvements.Count > 0)
        {
            _output.WriteLine("Better than SuiteFloors.tsv; raise these rows:" + Environment.NewLine + string.Join(Environment.NewLine, improvements));
        }

        Assert.True(regressions.Count == 0, string.Join(Environment.NewLine, regressions));
    }
}
