using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using OpenApiSdk.Tests.Harness;
using Xunit;
using static OpenApiSdk.DiagnosticsTests.DiagnosticAssert;

namespace OpenApiSdk.DiagnosticsTests;

/// <summary>OAS017: an OpenApiSpec metadata value the generator does not recognise (ValidateFormats takes true or false).</summary>
public sealed class MetadataDiagnosticTests
{
    private static readonly string Yaml = Spec("    Server: {type: object, properties: {host: {type: string, format: hostname}}}\n");

    [Theory]
    [InlineData("maybe")]
    [InlineData("0")]
    [InlineData("no")]
    public void A_ValidateFormats_value_that_is_not_true_or_false_is_reported_and_formats_stay_checked(string value)
    {
        GeneratorRun run = Run(("ValidateFormats", value));

        Diagnostic d = Single(run, "OAS017", DiagnosticSeverity.Warning, 1, 1);
        Assert.Equal($"The ValidateFormats '{value}' is not 'true' or 'false'; formats are checked, as by default", Message(d));
        Assert.Contains("v.Hostname(\"host\", Host)", Model(run), System.StringComparison.Ordinal);
        CompilesCleanly(run);
    }

    [Theory]
    [InlineData("true")]
    [InlineData(" False ")] // case-insensitive, like OpenApiSpec="true"; spaces are trimmed like the other metadata
    [InlineData("")]
    public void True_false_and_no_value_are_not_reported(string value)
    {
        GeneratorRun run = Run(("ValidateFormats", value));

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "OAS017");
        Assert.Equal(value.Trim() != "False", Model(run).Contains("v.Hostname(\"host\", Host)", System.StringComparison.Ordinal));
    }

    private static string Model(GeneratorRun run) => run.Sources.Single(s => s.HintName.EndsWith(".Server.g.cs", System.StringComparison.Ordinal)).SourceText.ToString();

    private static GeneratorRun Run(params (string Name, string Value)[] metadata) =>
        GeneratorHarness.Run(new[] { new SpecFile(Path, Yaml, "Test.Sdk") { Metadata = metadata.ToDictionary(m => m.Name, m => m.Value) } });
}
