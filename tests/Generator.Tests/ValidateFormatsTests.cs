using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using OpenApiSdk.Tests.Harness;
using Xunit;

namespace OpenApiSdk.Tests;

/// <summary>
/// The OpenApiSpec metadata <c>ValidateFormats</c>: format assertion is the implementation's choice (JSON Schema 2020-12
/// §7.2). By default every known format is checked; with <c>false</c> a format only annotates: the docs keep it, and
/// nothing checks it (no chain check, no DataAnnotations attribute, no typed date-time or uuid that reading would check).
/// </summary>
public class ValidateFormatsTests
{
    private static readonly string Spec = File.ReadAllText(Path.Combine(GeneratorHarness.RepositoryRoot, "tests", "Generator.Tests", "Specs", "formats-annotated.yaml"));

    private static string Record(string? validateFormats)
    {
        var metadata = new Dictionary<string, string>();
        if (validateFormats is not null)
        {
            metadata["ValidateFormats"] = validateFormats;
        }

        GeneratorRun run = GeneratorHarness.Run(new[] { new SpecFile("/specs/formats-annotated.yaml", Spec, "Annotated.Sdk") { Metadata = metadata } });
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileProblems);
        return run.Sources.Single(s => s.HintName.EndsWith(".Record.g.cs", StringComparison.Ordinal)).SourceText.ToString();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("true")]
    public void By_default_formats_are_checked(string? validateFormats)
    {
        string record = Record(validateFormats);

        Assert.Contains("v.Time(\"time\", Time)", record, StringComparison.Ordinal);
        Assert.Contains("v.Hostname(\"hostname\", Hostname)", record, StringComparison.Ordinal);
        Assert.Contains("v1.Hostname(null, i1)", record, StringComparison.Ordinal); // the list's items
        Assert.Contains("__SchemaFormat(\"hostname\")", record, StringComparison.Ordinal);
        Assert.Contains("public __DateTimeOffset? DateTime", record, StringComparison.Ordinal);
        Assert.Contains("public __Guid? Uuid", record, StringComparison.Ordinal);
        Assert.Contains("Format: hostname.", record, StringComparison.Ordinal);
    }

    [Fact]
    public void With_false_a_format_is_documented_and_not_checked()
    {
        string record = Record("false");

        Assert.DoesNotContain("v.Time(", record, StringComparison.Ordinal);
        Assert.DoesNotContain("Hostname(", record.Replace("public string? Hostname", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("__SchemaFormat", record, StringComparison.Ordinal);
        Assert.DoesNotContain("FormatChecks", record, StringComparison.Ordinal);
        Assert.Contains("public string? DateTime", record, StringComparison.Ordinal);
        Assert.Contains("public string? Uuid", record, StringComparison.Ordinal);
        Assert.Contains("Format: hostname (not checked).", record, StringComparison.Ordinal);
        Assert.Contains("Format: date-time (not checked).", record, StringComparison.Ordinal);
    }
}
