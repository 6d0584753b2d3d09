using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using OpenApiSdk.Tests.Harness;
using Xunit;

namespace OpenApiSdk.Tests;

/// <summary>
/// IncludeTags / IncludePaths / IncludeSchemas keep some operations and only the component schemas they reach
/// (Specs/filter.yaml: every way one schema can lead to another, and a few that must not).
/// </summary>
public class OperationFilterTests
{
    /// <summary>What each generated type says it comes from: a pointer for a component, Owner.Member for an inline schema.</summary>
    internal static readonly Regex GeneratedFromPattern = new(@"<para>Generated from (?<origin>[^<]*?)\.</para>", RegexOptions.CultureInvariant);

    private static readonly string FilterSpec = File.ReadAllText(Path.Combine(GeneratorHarness.RepositoryRoot, "tests", "Generator.Tests", "Specs", "filter.yaml"));

    // What the pets operations reach: the 200 response (header RateLimit, body Pet), the 203 response (Badge, through a
    // YAML alias), the default response (Problem),
    // the request body (Pet); from Pet: items (Tag), allOf (Named), additionalProperties (Attribute), a property
    // pointer (Owner, kept whole), a oneOf (Kind) with its alternatives (Dog, Cat) and a mapping-only target (Bird), and
    // a property named 'example' (Note). The path parameter's schema PetId is a string: reached, but no type.
    private static readonly string[] PetsSchemas = { "Attribute", "Badge", "Bird", "Cat", "Dog", "Kind", "Named", "Note", "Owner", "Pet", "Problem", "RateLimit", "Tag" };

    [Fact]
    public void A_tag_keeps_its_operations_and_exactly_the_schemas_they_reach()
    {
        GeneratorRun run = Run(("IncludeTags", "pets"));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal(PetsSchemas, ComponentTypes(run));
        Assert.Equal(new[] { "GetPetAsync", "PutPetAsync" }, Operations(run));
        Assert.Empty(run.CompileProblems);
    }

    [Fact]
    public void An_operation_is_kept_when_any_of_its_tags_is_listed_and_entries_add_up()
    {
        // putPet is tagged [pets, users]; ';' and ',' both separate entries.
        GeneratorRun run = Run(("IncludeTags", "users; stores"));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal(new[] { "GetStoreAsync", "GetUserAsync", "ListStoreItemsAsync", "PutPetAsync" }, Operations(run));
        Assert.Equal(
            new[] { "Attribute", "Bird", "Cat", "Dog", "Item", "Kind", "Named", "Note", "Owner", "Pet", "Store", "Tag", "User" },
            ComponentTypes(run));
        Assert.Empty(run.CompileProblems);
    }

    [Theory]
    [InlineData("/stores/*", new[] { "GetStoreAsync" }, new[] { "Store", "User" })] // * stays within a segment
    [InlineData("/stores/**", new[] { "GetStoreAsync", "ListStoreItemsAsync" }, new[] { "Item", "Store", "User" })]
    [InlineData("/stores/{storeId}/items,/users/{userId}", new[] { "GetUserAsync", "ListStoreItemsAsync" }, new[] { "Item", "User" })]
    [InlineData("/*/{*}", new[] { "GetPetAsync", "GetStoreAsync", "GetUserAsync", "PutPetAsync" }, new[] { "Attribute", "Badge", "Bird", "Cat", "Dog", "Kind", "Named", "Note", "Owner", "Pet", "Problem", "RateLimit", "Store", "Tag", "User" })]
    public void A_path_pattern_keeps_the_operations_of_the_paths_it_matches(string patterns, string[] operations, string[] schemas)
    {
        GeneratorRun run = Run(("IncludePaths", patterns));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal(operations, Operations(run));
        Assert.Equal(schemas, ComponentTypes(run));
        Assert.Empty(run.CompileProblems);
    }

    [Fact]
    public void Tags_and_paths_add_up_and_named_schemas_are_kept_with_what_they_reach()
    {
        GeneratorRun run = Run(("IncludeTags", "users"), ("IncludePaths", "/stores/{storeId}"), ("IncludeSchemas", "Audit,Tag"));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal(new[] { "GetStoreAsync", "GetUserAsync", "PutPetAsync" }, Operations(run));
        Assert.Equal(
            new[] { "Attribute", "Audit", "Bird", "Cat", "Dog", "Kind", "Named", "Note", "Owner", "Pet", "Store", "Tag", "User" },
            ComponentTypes(run));
    }

    [Fact]
    public void Named_schemas_alone_give_models_without_a_client()
    {
        GeneratorRun run = Run(("IncludeSchemas", "Store"));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(Operations(run));
        Assert.DoesNotContain(run.Sources, s => s.HintName.Contains("Client", StringComparison.Ordinal));
        Assert.Equal(new[] { "Store", "User" }, ComponentTypes(run));
        Assert.Empty(run.CompileProblems);
    }

    [Fact]
    public void A_discriminated_allOf_base_keeps_every_subtype_since_reading_it_may_choose_any()
    {
        SpecFile spec = SnapshotTests.Load("inheritance");
        GeneratorRun run = GeneratorHarness.Run(new[] { spec with { Metadata = new Dictionary<string, string> { ["IncludeSchemas"] = "Pet" } } });

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal(new[] { "Cat", "Dog", "Lion", "Lizard", "Pet" }, ComponentTypes(run)); // Lizard is in no mapping; Lion derives from Cat
        Assert.Empty(run.CompileProblems);
    }

    [Fact]
    public void A_filter_that_keeps_everything_generates_what_no_filter_generates()
    {
        // Every operation and every schema: the filtered copy of the document must lose nothing the builders read.
        foreach (string spec in new[] { "taurusdb-starrocks", "oai-petstore", "oai-petstore-expanded", "oai-tictactoe", "polymorphism" })
        {
            SpecFile plain = SnapshotTests.Load(spec);
            string schemas = string.Join(",", ComponentNames(plain.Text));
            SpecFile filtered = plain with { Metadata = new Dictionary<string, string> { ["IncludePaths"] = "**", ["IncludeSchemas"] = schemas } };

            var expected = GeneratorHarness.Run(new[] { plain });
            var actual = GeneratorHarness.Run(new[] { filtered });
            Assert.Equal(expected.Sources.Select(s => (s.HintName, s.SourceText.ToString())), actual.Sources.Select(s => (s.HintName, s.SourceText.ToString())));
            Assert.Equal(expected.GeneratorDiagnostics.Select(d => d.ToString()), actual.GeneratorDiagnostics.Select(d => d.ToString()));
        }
    }

    [Fact]
    public void Empty_filter_metadata_is_no_filter()
    {
        GeneratorRun plain = GeneratorHarness.Run(FilterSpec, "/specs/filter.yaml");
        GeneratorRun blank = Run(("IncludeTags", " "), ("IncludePaths", ""), ("IncludeSchemas", " , ;"));
        Assert.Equal(plain.Sources.Select(s => s.SourceText.ToString()), blank.Sources.Select(s => s.SourceText.ToString()));
        Assert.Contains("Audit", ComponentTypes(blank));
    }

    [Theory]
    [InlineData("IncludePaths", "/jobs/{id}", new[] { "CancelJobAsync", "GetJobAsync" }, new[] { "Job" })] // the query of an x-ms-paths key is not part of its path
    [InlineData("IncludeTags", "billing", new[] { "RefundAsync" }, new[] { "Refund" })]
    public void AutoRests_x_ms_paths_operations_are_filtered_like_those_of_paths(string metadata, string value, string[] operations, string[] schemas)
    {
        const string yaml = "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n"
            + "  /jobs/{id}:\n    get:\n      operationId: getJob\n      parameters: [{name: id, in: path, required: true, schema: {type: string}}]\n"
            + "      responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Job'}}}}}\n"
            + "x-ms-paths:\n"
            + "  /jobs/{id}?op=cancel:\n    post:\n      operationId: cancelJob\n      parameters: [{name: id, in: path, required: true, schema: {type: string}}]\n"
            + "      responses: {'204': {description: cancelled}}\n"
            + "  /payments?op=refund:\n    post:\n      operationId: refund\n      tags: [billing]\n"
            + "      responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Refund'}}}}}\n"
            + "components:\n  schemas:\n    Job: {type: object, properties: {id: {type: string}}}\n    Refund: {type: object, properties: {id: {type: string}}}\n";
        GeneratorRun run = GeneratorHarness.Run(new[] { new SpecFile("/specs/azure.yaml", yaml) { Metadata = new Dictionary<string, string> { [metadata] = value } } });

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal(operations, Operations(run));
        Assert.Equal(schemas, ComponentTypes(run));
        Assert.Empty(run.CompileProblems);
    }

    [Fact]
    public void OpenAPI_3_2_query_and_additional_operations_are_kept_by_their_tags_and_reach_through_self_references()
    {
        string spec = File.ReadAllText(Path.Combine(GeneratorHarness.RepositoryRoot, "tests", "Generator.Tests", "Specs", "oas32.yaml"));
        GeneratorRun admin = GeneratorHarness.Run(new[] { new SpecFile("/specs/oas32.yaml", spec) { Metadata = new Dictionary<string, string> { ["IncludeTags"] = "admin" } } });
        GeneratorRun search = GeneratorHarness.Run(new[] { new SpecFile("/specs/oas32.yaml", spec) { Metadata = new Dictionary<string, string> { ["IncludePaths"] = "/items/search" } } });

        Assert.Empty(admin.GeneratorDiagnostics);
        Assert.Equal(new[] { "LinkItemAsync", "PurgeItemsByIdAsync" }, Operations(admin)); // the additionalOperations tagged admin
        Assert.Empty(ComponentTypes(admin));
        Assert.Empty(admin.CompileProblems);

        Assert.Empty(search.GeneratorDiagnostics);
        Assert.Equal(new[] { "SearchItemsAsync" }, Operations(search)); // the query operation
        Assert.Equal(new[] { "Item", "Search" }, ComponentTypes(search)); // Items and Item reached through $self-relative references
        Assert.Empty(search.CompileProblems);
    }

    private static GeneratorRun Run(params (string Name, string Value)[] metadata) =>
        GeneratorHarness.Run(new[]
        {
            new SpecFile("/specs/filter.yaml", FilterSpec) { Metadata = metadata.ToDictionary(m => m.Name, m => m.Value) },
        });

    /// <summary>The component schemas that became types, by the pointer each generated type names in its documentation.</summary>
    internal static string[] ComponentTypes(GeneratorRun run) =>
        GeneratedPointers(run)
            .Where(p => p.StartsWith("#/components/schemas/", StringComparison.Ordinal) && p.IndexOf('/', "#/components/schemas/".Length) < 0)
            .Select(p => p.Substring("#/components/schemas/".Length))
            .Order(StringComparer.Ordinal)
            .ToArray();

    internal static IEnumerable<string> GeneratedPointers(GeneratorRun run) =>
        run.Sources.SelectMany(s => GeneratedFromPattern.Matches(s.SourceText.ToString()).Select(m => m.Groups["origin"].Value));

    /// <summary>The client's operation methods (on the client, or on its tag groups), from the compiled output.</summary>
    private static string[] Operations(GeneratorRun run) =>
        // Each operation has {Name}Async and {Name}WithResponseAsync: count the first.
        run.OutputCompilation.GetSymbolsWithName(name => name.EndsWith("Async", StringComparison.Ordinal) && !name.EndsWith("WithResponseAsync", StringComparison.Ordinal), SymbolFilter.Member)
            .OfType<IMethodSymbol>()
            .Where(m => m.ContainingType.TypeKind == TypeKind.Class && m.DeclaredAccessibility == Accessibility.Public
                && (m.ContainingType.Name.EndsWith("Client", StringComparison.Ordinal) || m.ContainingType.Name.EndsWith("Operations", StringComparison.Ordinal)))
            .Select(m => m.Name)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToArray();

    private static IEnumerable<string> ComponentNames(string yaml)
    {
        var stream = new YamlDotNet.RepresentationModel.YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlDotNet.RepresentationModel.YamlMappingNode)stream.Documents[0].RootNode;
        if (root.Children.TryGetValue("components", out var components)
            && ((YamlDotNet.RepresentationModel.YamlMappingNode)components).Children.TryGetValue("schemas", out var schemas))
        {
            foreach (var pair in ((YamlDotNet.RepresentationModel.YamlMappingNode)schemas).Children)
            {
                yield return ((YamlDotNet.RepresentationModel.YamlScalarNode)pair.Key).Value!;
            }
        }
    }
}
