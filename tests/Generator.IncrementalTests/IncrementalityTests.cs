using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using OpenApiSdk.Generator;
using OpenApiSdk.Tests.Harness;
using Xunit;
using static OpenApiSdk.IncrementalTests.PipelineSteps;

namespace OpenApiSdk.IncrementalTests;

/// <summary>
/// The generator runs on every keystroke in the IDE: a change that does not touch the spec must not
/// re-parse or re-emit anything, and a change to one schema must re-emit that schema's file only.
/// </summary>
public class IncrementalityTests
{
    private const string UserCode = "namespace App { public static class Program { public static int Answer() => 42; } }";

    [Theory]
    [InlineData("add")]
    [InlineData("edit")]
    public void Unrelated_csharp_edit_reruns_no_parse_or_emit_step(string change)
    {
        CSharpCompilation compilation = Compilation(UserCode);
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { Seed() }, trackSteps: true).RunGenerators(compilation);
        GeneratorRunResult first = Single(driver);
        Assert.Contains(Outputs(first, TrackingNames.Types), o => o.Reason == IncrementalStepRunReason.New);

        SyntaxTree tree = compilation.SyntaxTrees.Single();
        CSharpCompilation edited = change == "add"
            ? compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace App { internal sealed class Extra { } }", (CSharpParseOptions)tree.Options))
            : compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(UserCode.Replace("42", "43", StringComparison.Ordinal))));

        driver = driver.RunGenerators(edited);
        GeneratorRunResult second = Single(driver);

        // The pipeline's steps all ran (the step table is not empty) and none produced anything new.
        var outputs = AllPipelineOutputs(second).ToList();
        Assert.Contains(outputs, o => o.Step == TrackingNames.Parse);
        Assert.Contains(outputs, o => o.Step == TrackingNames.Types);
        Assert.All(outputs, o => Assert.True(
            o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
            $"step {o.Step} output was {o.Reason} after an unrelated C# edit"));

        // No RegisterSourceOutput callback ran again (Cached, not even Unchanged, which means it ran and
        // produced the same), so no source was re-added.
        List<IncrementalStepRunReason> sourceOutputs = SourceOutputReasons(second);
        Assert.NotEmpty(sourceOutputs);
        Assert.All(sourceOutputs, reason => Assert.True(
            reason == IncrementalStepRunReason.Cached,
            $"a source output was {reason} after an unrelated C# edit"));
        Assert.Equal(Sources(first), Sources(second));
    }

    [Theory]
    [InlineData("ErrorResponse", "description: Error response body (status codes 400 and 500).")]
    [InlineData("FeVolume", "description: Storage information of the frontend node.")]
    [InlineData("Tag", "description: Tag (response). Used for both user tags and system tags in responses.")]
    public void Editing_one_schema_description_re_emits_that_schema_only(string schema, string line)
    {
        SpecFile seed = Seed();
        Assert.Contains(line, seed.Text, StringComparison.Ordinal);
        var text = new InMemoryAdditionalText(seed.Path, seed.Text);
        GeneratorDriver driver = CreateDriver(seed, text).RunGenerators(Compilation(UserCode));
        GeneratorRunResult first = Single(driver);

        var edited = new InMemoryAdditionalText(seed.Path, seed.Text.Replace(line, line + " Edited in the IDE.", StringComparison.Ordinal));
        driver = driver.ReplaceAdditionalText(text, edited).RunGenerators(Compilation(UserCode));
        GeneratorRunResult second = Single(driver);

        var types = Outputs(second, TrackingNames.Types);
        Assert.True(types.Count > 10, "the seed has more than 10 types");
        var modified = types.Where(o => o.Reason == IncrementalStepRunReason.Modified).ToList();
        Assert.Equal(schema, TypeName(Assert.Single(modified).Value));
        Assert.All(types.Except(modified), o => Assert.True(
            o.Reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached,
            $"type {TypeName(o.Value)} was {o.Reason} though only {schema} changed"));

        // One source output callback ran again (its output Modified); the others did not run at all.
        List<IncrementalStepRunReason> reasons = SourceOutputReasons(second);
        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(reasons, r => r != IncrementalStepRunReason.Cached));

        Dictionary<string, string> before = Sources(first), after = Sources(second);
        Assert.Equal(before.Keys.OrderBy(k => k, StringComparer.Ordinal), after.Keys.OrderBy(k => k, StringComparer.Ordinal));
        string changed = Assert.Single(before.Keys, k => before[k] != after[k]);
        Assert.EndsWith("." + schema + ".g.cs", changed, StringComparison.Ordinal);
        Assert.Contains("Edited in the IDE.", after[changed], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("# A comment added at the top of the spec.\n")]
    [InlineData("\n\n# Two blank lines and a comment.\n")]
    public void Blank_line_or_comment_at_the_top_re_emits_no_code(string prefix)
    {
        SpecFile seed = Seed();
        var text = new InMemoryAdditionalText(seed.Path, seed.Text);
        GeneratorDriver driver = CreateDriver(seed, text).RunGenerators(Compilation(UserCode));
        GeneratorRunResult first = Single(driver);

        driver = driver.ReplaceAdditionalText(text, new InMemoryAdditionalText(seed.Path, prefix + seed.Text)).RunGenerators(Compilation(UserCode));
        GeneratorRunResult second = Single(driver);

        // The text changed, so the spec was read and parsed again ...
        Assert.Contains(Outputs(second, TrackingNames.Inputs), o => o.Reason == IncrementalStepRunReason.Modified);

        // ... but the model it gave is equal, so nothing downstream re-ran.
        AssertNoCodeStepRan(second);
        Assert.NotEmpty(SourceOutputReasons(second));
        Assert.All(SourceOutputReasons(second), reason => Assert.True(
            reason == IncrementalStepRunReason.Cached,
            $"a source output callback ran ({reason}) after a whitespace/comment edit"));
        Assert.Equal(Sources(first), Sources(second));
    }

    [Fact]
    public void Blank_line_at_the_top_moves_diagnostics_but_re_emits_no_code()
    {
        const string spec = """
            openapi: 3.0.3
            info:
              title: Warned
              version: '1'
            paths: {}
            components:
              schemas:
                Pet:
                  type: object
                  required: [name, ghost]
                  properties:
                    name:
                      type: string
            """;
        var file = new SpecFile("/specs/warned.yaml", spec);
        var text = new InMemoryAdditionalText(file.Path, file.Text);
        GeneratorDriver driver = CreateDriver(file, text).RunGenerators(Compilation(UserCode));
        GeneratorRunResult first = Single(driver);
        Diagnostic before = Assert.Single(first.Diagnostics, d => d.Id == "OAS009");

        driver = driver.ReplaceAdditionalText(text, new InMemoryAdditionalText(file.Path, "\n# moved\n" + spec)).RunGenerators(Compilation(UserCode));
        GeneratorRunResult second = Single(driver);
        Diagnostic after = Assert.Single(second.Diagnostics, d => d.Id == "OAS009");

        Assert.Equal(before.Location.GetLineSpan().StartLinePosition.Line + 2, after.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains(Outputs(second, TrackingNames.Diagnostics), o => o.Reason == IncrementalStepRunReason.Modified);
        AssertNoCodeStepRan(second, hasClient: false);
        Assert.Equal(Sources(first), Sources(second));
    }

    [Fact]
    public void Changing_the_namespace_metadata_re_emits_that_spec_only()
    {
        SpecFile seed = Seed("TaurusDb.StarRocks");
        var other = new SpecFile("/specs/pets.yaml", """
            openapi: 3.0.3
            info:
              title: Pets
              version: '1'
            paths: {}
            components:
              schemas:
                Pet:
                  type: object
                  properties:
                    name:
                      type: string
            """, "Pets.Sdk");
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { seed, other }, trackSteps: true).RunGenerators(Compilation(UserCode));
        GeneratorRunResult first = Single(driver);

        SpecFile renamed = seed with { Namespace = "Contoso.Renamed" };
        driver = driver.WithUpdatedAnalyzerConfigOptions(new SpecOptionsProvider(new[] { renamed, other })).RunGenerators(Compilation(UserCode));
        GeneratorRunResult second = Single(driver);

        var types = Outputs(second, TrackingNames.Types);
        var seedTypes = types.Where(o => TypeNamespace(o.Value) != "Pets.Sdk").ToList();
        Assert.True(seedTypes.Count > 10);
        Assert.All(seedTypes, o => Assert.Equal("Contoso.Renamed", TypeNamespace(o.Value)));
        Assert.All(seedTypes, o => Assert.Equal(IncrementalStepRunReason.Modified, o.Reason));
        var petTypes = types.Where(o => TypeNamespace(o.Value) == "Pets.Sdk").ToList();
        Assert.NotEmpty(petTypes);
        Assert.All(petTypes, o => Assert.True(
            o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
            $"{TypeName(o.Value)} of the other spec was {o.Reason}"));

        Dictionary<string, string> before = Sources(first), after = Sources(second);
        string request = after.Single(s => s.Key.EndsWith(".CreateStarRocksInstanceRequest.g.cs", StringComparison.Ordinal)).Value;
        Assert.Contains("namespace Contoso.Renamed", request, StringComparison.Ordinal);
        Assert.DoesNotContain("TaurusDb.StarRocks", request, StringComparison.Ordinal);
        string[] petFiles = before.Keys.Where(k => k.StartsWith("pets.", StringComparison.Ordinal) || k.StartsWith("Pets.Sdk", StringComparison.Ordinal)).ToArray();
        Assert.Equal(new[] { "pets.Pet.g.cs" }, petFiles); // the loop below checks something
        foreach (string pets in petFiles)
        {
            Assert.Equal(before[pets], after[pets]);
        }
    }

    [Fact]
    public void A_filter_re_parses_its_spec_and_the_same_filter_again_re_emits_nothing()
    {
        SpecFile seed = Seed("TaurusDb.StarRocks");
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { seed }, trackSteps: true).RunGenerators(Compilation(UserCode));
        int unfiltered = Sources(Single(driver)).Count;

        // Keep one schema and no operation: the parse re-runs and the other types are gone.
        SpecFile filtered = seed with { Metadata = new Dictionary<string, string> { ["IncludeSchemas"] = "FeVolume" } };
        driver = driver.WithUpdatedAnalyzerConfigOptions(new SpecOptionsProvider(new[] { filtered })).RunGenerators(Compilation(UserCode));
        GeneratorRunResult second = Single(driver);
        Assert.All(Outputs(second, TrackingNames.Parse), o => Assert.Equal(IncrementalStepRunReason.Modified, o.Reason));
        Assert.Equal(new[] { "FeVolume" }, Outputs(second, TrackingNames.Types).Where(o => o.Reason != IncrementalStepRunReason.Removed).Select(o => TypeName(o.Value)));
        Assert.True(Sources(second).Count < unfiltered);

        // The same metadata from a new options provider: an equal SpecInput, so nothing after the inputs runs again.
        SpecFile again = seed with { Metadata = new Dictionary<string, string> { ["IncludeSchemas"] = " FeVolume ;" } };
        driver = driver.WithUpdatedAnalyzerConfigOptions(new SpecOptionsProvider(new[] { again })).RunGenerators(Compilation(UserCode));
        GeneratorRunResult third = Single(driver);
        Assert.All(Outputs(third, TrackingNames.Parse), o => Assert.True(
            o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"the parse was {o.Reason}"));
        Assert.All(SourceOutputReasons(third), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
    }

    [Fact]
    public void ValidateFormats_re_parses_its_spec_and_re_emits_only_the_types_whose_checks_it_changes()
    {
        const string spec = "openapi: 3.1.0\ninfo: {title: Hosts, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
            + "    Server: {type: object, properties: {host: {type: string, format: hostname}}}\n"
            + "    Label: {type: object, properties: {text: {type: string, maxLength: 10}}}\n";
        var file = new SpecFile("/specs/hosts.yaml", spec, "Hosts.Sdk");
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { file }, trackSteps: true).RunGenerators(Compilation(UserCode));
        Assert.Contains("v.Hostname(", Sources(Single(driver))["hosts.Server.g.cs"], StringComparison.Ordinal);

        // Off: the parse re-runs; Server loses its check, Label (no format) is not emitted again.
        SpecFile annotated = file with { Metadata = new Dictionary<string, string> { ["ValidateFormats"] = "false" } };
        driver = driver.WithUpdatedAnalyzerConfigOptions(new SpecOptionsProvider(new[] { annotated })).RunGenerators(Compilation(UserCode));
        GeneratorRunResult second = Single(driver);
        Assert.All(Outputs(second, TrackingNames.Parse), o => Assert.Equal(IncrementalStepRunReason.Modified, o.Reason));
        Assert.Equal(new[] { "Server" }, Outputs(second, TrackingNames.Types).Where(o => o.Reason == IncrementalStepRunReason.Modified).Select(o => TypeName(o.Value)));
        Assert.DoesNotContain("v.Hostname(", Sources(second)["hosts.Server.g.cs"], StringComparison.Ordinal);

        // The same value again, written differently: an equal SpecInput, so nothing after the inputs runs again.
        SpecFile again = file with { Metadata = new Dictionary<string, string> { ["ValidateFormats"] = " false " } };
        driver = driver.WithUpdatedAnalyzerConfigOptions(new SpecOptionsProvider(new[] { again })).RunGenerators(Compilation(UserCode));
        GeneratorRunResult third = Single(driver);
        Assert.All(Outputs(third, TrackingNames.Parse), o => Assert.True(
            o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"the parse was {o.Reason}"));
        Assert.All(SourceOutputReasons(third), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
    }

    [Fact]
    public void Large_spec_shares_files_and_a_one_schema_edit_re_emits_one_type_into_one_file()
    {
        var builder = new System.Text.StringBuilder("openapi: 3.0.3\ninfo:\n  title: Many\n  version: '1'\npaths: {}\ncomponents:\n  schemas:\n");
        for (int i = 0; i < 300; i++)
        {
            builder.Append("    Thing").Append(i).Append(":\n      type: object\n      description: Thing number ").Append(i)
                .Append(".\n      properties:\n        name:\n          type: string\n          maxLength: 10\n");
        }

        string spec = builder.ToString();
        var file = new SpecFile("/specs/many.yaml", spec, "Many.Sdk");
        var text = new InMemoryAdditionalText(file.Path, spec);
        GeneratorDriver driver = CreateDriver(file, text).RunGenerators(Compilation(UserCode));
        GeneratorRunResult first = Single(driver);
        Dictionary<string, string> before = Sources(first);
        int typeFiles = before.Keys.Count(k => k.StartsWith("many.", StringComparison.Ordinal));
        Assert.InRange(typeFiles, 2, 64);
        Assert.Equal(300, before.Values.Sum(s => CountOf(s, "public sealed partial class Thing")));

        // Unrelated edit: nothing re-runs.
        driver = driver.RunGenerators(Compilation(UserCode, "class Other { }"));
        List<IncrementalStepRunReason> unrelated = SourceOutputReasons(Single(driver));
        Assert.NotEmpty(unrelated);
        Assert.All(unrelated, r => Assert.Equal(IncrementalStepRunReason.Cached, r));

        // One description edited: one type re-emitted, one file re-added.
        driver = driver.ReplaceAdditionalText(text, new InMemoryAdditionalText(file.Path, spec.Replace("Thing number 150.", "Thing number 150, edited.", StringComparison.Ordinal)))
            .RunGenerators(Compilation(UserCode));
        GeneratorRunResult second = Single(driver);
        var emitted = Outputs(second, TrackingNames.Emit);
        Assert.Equal(300, emitted.Count);
        Assert.Single(emitted, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Single(Outputs(second, TrackingNames.TypeFiles), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(SourceOutputReasons(second), r => r != IncrementalStepRunReason.Cached));
        Dictionary<string, string> after = Sources(second);
        string changed = Assert.Single(before.Keys, k => before[k] != after[k]);
        Assert.Contains("Thing number 150, edited.", after[changed], StringComparison.Ordinal);
    }

    private static int CountOf(string text, string value)
    {
        int count = 0;
        for (int i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <param name="hasClient">The spec has operations, so the client steps run (a spec with <c>paths: {}</c> has none).</param>
    private static void AssertNoCodeStepRan(GeneratorRunResult result, bool hasClient = true)
    {
        string[] steps = { TrackingNames.Models, TrackingNames.Types, TrackingNames.Emit, TrackingNames.TypeFiles };
        foreach (string step in hasClient ? steps.Append(TrackingNames.Clients).Append(TrackingNames.ClientGroups) : steps)
        {
            // A step that is not tracked (renamed, say) would pass the check below unseen.
            Assert.True(result.TrackedSteps.ContainsKey(step), $"step {step} is not tracked");
            Assert.All(Outputs(result, step), o => Assert.True(
                o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"step {step} output was {o.Reason}, so code would be re-emitted"));
        }

        Assert.NotEmpty(Outputs(result, TrackingNames.Types));
    }

    private static CSharpGeneratorDriver CreateDriver(SpecFile spec, AdditionalText text) =>
        CSharpGeneratorDriver.Create(
            new[] { new OpenApiGenerator().AsSourceGenerator() },
            new[] { text },
            new CSharpParseOptions(LanguageVersion.Latest),
            new SpecOptionsProvider(new[] { spec }),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
}
