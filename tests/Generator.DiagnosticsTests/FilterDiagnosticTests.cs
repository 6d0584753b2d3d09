using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using OpenApiSdk.Tests.Harness;
using Xunit;
using static OpenApiSdk.DiagnosticsTests.DiagnosticAssert;

namespace OpenApiSdk.DiagnosticsTests;

/// <summary>OAS016: an IncludeTags, IncludePaths or IncludeSchemas entry that matches nothing, where to look in the spec.</summary>
public sealed class FilterDiagnosticTests
{
    private const string Yaml =
        "openapi: 3.0.3\n" +                     // 1
        "info: {title: T, version: '1'}\n" +     // 2
        "tags:\n" +                              // 3
        "  - name: pets\n" +                     // 4
        "  - name: unused\n" +                   // 5: declared, on no operation
        "paths:\n" +                             // 6
        "  /pets:\n" +                           // 7
        "    get:\n" +                           // 8
        "      tags: [pets]\n" +                 // 9
        "      operationId: listPets\n" +        // 10
        "      responses:\n" +                   // 11
        "        '200':\n" +                     // 12
        "          description: The pets.\n" +   // 13
        "          content:\n" +                 // 14
        "            application/json:\n" +      // 15
        "              schema: {$ref: '#/components/schemas/Pet'}\n" + // 16
        "components:\n" +                        // 17
        "  schemas:\n" +                         // 18
        "    Pet: {type: object, properties: {name: {type: string}}}\n"; // 19

    [Fact]
    public void A_declared_tag_no_operation_has_is_reported_at_its_declaration()
    {
        GeneratorRun run = Run(Yaml, ("IncludeTags", "pets,unused"));
        Diagnostic d = Single(run, "OAS016", DiagnosticSeverity.Warning, 5, 11);
        Assert.Equal("The IncludeTags entry 'unused' matches no operation with that tag in this spec; nothing is generated for it", Message(d));
        Assert.Contains(run.Sources, s => s.HintName == "api.Pet.g.cs");
        CompilesCleanly(run);
    }

    [Fact]
    public void An_undeclared_tag_is_reported_at_the_tag_list()
    {
        Diagnostic d = Single(Run(Yaml, ("IncludeTags", "Pets")), "OAS016", DiagnosticSeverity.Warning, 4, 3); // tags are case-sensitive
        Assert.Contains("'Pets'", Message(d), System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_path_pattern_that_matches_no_path_is_reported_at_paths_and_the_sdk_is_empty()
    {
        GeneratorRun run = Run(Yaml, ("IncludePaths", "/pet"));
        Diagnostic d = Single(run, "OAS016", DiagnosticSeverity.Warning, 6, 1);
        Assert.Equal("The IncludePaths entry '/pet' matches no path in this spec; nothing is generated for it", Message(d));
        Assert.Empty(run.Sources); // nothing is kept, so nothing is generated
        Assert.Empty(run.CompileProblems);
    }

    [Fact]
    public void A_schema_name_that_is_not_a_component_is_reported_at_components_schemas()
    {
        GeneratorRun run = Run(Yaml, ("IncludePaths", "/pets"), ("IncludeSchemas", "pet"));
        Diagnostic d = Single(run, "OAS016", DiagnosticSeverity.Warning, 18, 3);
        Assert.Contains("IncludeSchemas entry 'pet' matches no schema in components.schemas", Message(d), System.StringComparison.Ordinal);
    }

    [Fact]
    public void In_a_json_spec_the_warning_points_into_the_json()
    {
        const string json = "{\n  \"openapi\": \"3.1.0\",\n  \"info\": {\"title\": \"T\", \"version\": \"1\"},\n  \"paths\": {}\n}";
        GeneratorRun run = GeneratorHarness.Run(new[] { new SpecFile("/specs/api.json", json) { Metadata = new Dictionary<string, string> { ["IncludePaths"] = "/x" } } });
        Diagnostic d = Assert.Single(run.GeneratorDiagnostics);
        At(d, DiagnosticSeverity.Warning, 4, 3, "/specs/api.json");
    }

    private static GeneratorRun Run(string yaml, params (string Name, string Value)[] metadata) =>
        GeneratorHarness.Run(new[] { new SpecFile(Path, yaml) { Metadata = metadata.ToDictionary(m => m.Name, m => m.Value) } });
}
