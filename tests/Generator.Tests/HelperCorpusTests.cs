using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using OpenApiSdk.Tests.Harness;
using Xunit;
using Xunit.Abstractions;
using YamlDotNet.RepresentationModel;

namespace OpenApiSdk.Tests;

/// <summary>Paging and links on real specs of ../shared/specs: Stripe's cursor lists, and the OpenAPI Initiative's link examples.</summary>
public sealed class HelperCorpusTests
{
    private readonly ITestOutputHelper _output;

    public HelperCorpusTests(ITestOutputHelper output) => _output = output;

    private static string SharedSpec(string name)
    {
        string? directory = GeneratorHarness.SharedSpecsDirectory;
        Skip.If(directory is null, "../shared/specs is absent: the real specs cannot be read");
        return Path.Combine(directory!, name);
    }

    /// <summary>Runs the generator only (no compile: CorpusTests compiles every corpus spec).</summary>
    private static (ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<GeneratedSourceResult> Sources) Generate(string path)
    {
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { new SpecFile(path, File.ReadAllText(path), "Corpus.Sdk") });
        driver = driver.RunGeneratorsAndUpdateCompilation(GeneratorHarness.CreateCompilation(), out _, out ImmutableArray<Diagnostic> diagnostics);
        return (diagnostics, driver.GetRunResult().Results.SelectMany(r => r.GeneratedSources).ToList());
    }

    [SkippableFact]
    public void Every_stripe_list_with_a_cursor_data_and_has_more_is_recognised_as_cursor_paging()
    {
        string path = SharedSpec("stripe-spec3.yaml");
        HashSet<string> expected = StripeCursorLists(path);
        (ImmutableArray<Diagnostic> diagnostics, _) = Generate(path);

        List<Diagnostic> paged = diagnostics.Where(d => d.Id == "OAS020").ToList();
        var recognised = paged.Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Split(' ')[0]).ToHashSet(StringComparer.Ordinal);
        _output.WriteLine($"{expected.Count} cursor lists in the spec, {recognised.Count} recognised");

        // 100 GET operations take starting_after; 2 of them list anyOf items (no common id member), so 98 are cursor lists.
        Assert.True(expected.Count >= 90, "the scan found only " + expected.Count + " lists"); // a broken scan must not pass as agreement
        Assert.Equal(expected.OrderBy(x => x, StringComparer.Ordinal), recognised.OrderBy(x => x, StringComparer.Ordinal));
        Assert.All(paged, d => Assert.Contains("(cursor: 'id' of the last item, while 'has_more')", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
    }

    /// <summary>
    /// The GET operations the spec itself shows to be cursor lists, read with YamlDotNet's own model: a query parameter
    /// starting_after, and a 200 JSON body with a boolean has_more and a data array of objects with a string id.
    /// </summary>
    private static HashSet<string> StripeCursorLists(string path)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        YamlNode Resolve(YamlNode node)
        {
            while (node is YamlMappingNode map && map.Children.TryGetValue("$ref", out YamlNode? reference))
            {
                node = ((string)reference!).Substring(2).Split('/').Aggregate((YamlNode)root, (at, part) => ((YamlMappingNode)at)[part.Replace("~1", "/").Replace("~0", "~")]);
            }

            return node;
        }

        YamlNode? Get(YamlNode? node, string key) => node is YamlMappingNode map && map.Children.TryGetValue(key, out YamlNode? value) ? Resolve(value) : null;
        string? Text(YamlNode? node, string key) => Get(node, key) is YamlScalarNode scalar ? scalar.Value : null;

        var lists = new HashSet<string>(StringComparer.Ordinal);
        foreach (KeyValuePair<YamlNode, YamlNode> pathItem in (YamlMappingNode)root["paths"])
        {
            YamlNode? get = Get(pathItem.Value, "get");
            if (get is null || Text(get, "operationId") is not { } id)
            {
                continue;
            }

            bool cursor = Get(get, "parameters") is YamlSequenceNode parameters
                && parameters.Children.Select(Resolve).Any(p => Text(p, "name") == "starting_after" && Text(p, "in") == "query");
            YamlNode? schema = Get(Get(Get(Get(Get(get, "responses"), "200"), "content"), "application/json"), "schema");
            YamlNode? properties = Get(schema, "properties");
            YamlNode? data = Get(properties, "data");
            YamlNode? item = Get(data, "items");
            if (cursor && Text(Get(properties, "has_more"), "type") == "boolean" && Text(data, "type") == "array"
                && Text(Get(Get(item, "properties"), "id"), "type") == "string")
            {
                lists.Add(id);
            }
        }

        return lists;
    }

    [SkippableTheory]
    [InlineData("oai-link-example.yaml", "FollowUserRepositoriesAsync FollowRepositoryPullRequestsAsync FollowPullRequestMergeAsync", "userRepository")] // its response is an array: no /owner/username
    [InlineData("oai-tictactoe.yaml", "FollowMarkSquareAsync", null)]
    public void Links_of_the_OpenAPI_examples_are_followed_or_documented_never_left_out(string file, string followMethods, string? documentedOnly)
    {
        (ImmutableArray<Diagnostic> diagnostics, IReadOnlyList<GeneratedSourceResult> sources) = Generate(SharedSpec(file));
        foreach (Diagnostic diagnostic in diagnostics.Where(d => d.Id is "OAS010" or "OAS021"))
        {
            _output.WriteLine(diagnostic.ToString());
        }

        Assert.DoesNotContain(diagnostics, d => d.Id == "OAS010" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("'links'", StringComparison.Ordinal));
        string helpers = string.Concat(sources.Where(s => s.HintName.EndsWith(".Helpers.g.cs", StringComparison.Ordinal)).Select(s => s.SourceText.ToString()));
        foreach (string method in followMethods.Split(' '))
        {
            Assert.Contains(" " + method + "(this ", helpers, StringComparison.Ordinal);
        }

        List<Diagnostic> documented = diagnostics.Where(d => d.Id == "OAS021").ToList();
        if (documentedOnly is null)
        {
            Assert.Empty(documented);
        }
        else
        {
            Diagnostic only = Assert.Single(documented);
            Assert.Contains("'" + documentedOnly + "'", only.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            string operations = string.Concat(sources.Where(s => s.HintName.EndsWith("Operations.g.cs", StringComparison.Ordinal)).Select(s => s.SourceText.ToString()));
            Assert.Contains("Link '" + documentedOnly + "'", operations, StringComparison.Ordinal); // in the operation's XML docs
        }
    }
}
