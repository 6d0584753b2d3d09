using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using Microsoft.CodeAnalysis;
using OpenApiSdk.Generator;
using OpenApiSdk.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace OpenApiSdk.Tests;

/// <summary>
/// A <c>.json</c> spec is read with Utf8JsonReader into the same position-carrying nodes as YAML: the same
/// document generates the same C# whichever way it is written, and every node keeps YamlDotNet's position.
/// </summary>
public class JsonSpecTests
{
    private readonly ITestOutputHelper _output;

    public JsonSpecTests(ITestOutputHelper output) => _output = output;

    public static IEnumerable<object[]> Specs() => SnapshotTests.Specs();

    [Theory]
    [MemberData(nameof(Specs))]
    public void A_spec_written_as_JSON_generates_byte_identical_code(string spec)
    {
        SpecFile yaml = SnapshotTests.Load(spec);
        string json = YamlToJson.Convert(yaml.Text);
        Assert.StartsWith("{", json, StringComparison.Ordinal);

        var fromYaml = Generate(yaml);
        var fromJson = Generate(yaml with { Path = Path.ChangeExtension(yaml.Path, ".json"), Text = json });

        Assert.NotEmpty(fromYaml.Sources);
        Assert.Equal(fromYaml.Diagnostics.Select(d => d.Message), fromJson.Diagnostics.Select(d => d.Message));
        Assert.Equal(fromYaml.Sources.Select(s => s.HintName), fromJson.Sources.Select(s => s.HintName));
        foreach (((string HintName, string Text) expected, (string HintName, string Text) actual) in fromYaml.Sources.Zip(fromJson.Sources))
        {
            Assert.True(expected.Text == actual.Text, expected.HintName + " differs when the spec is JSON");
        }
    }

    [Fact]
    public void Every_node_gets_the_position_and_value_YamlDotNet_gives_the_same_JSON()
    {
        // Multi-byte characters before a value on its line, a surrogate pair, tabs, \r\n and a lone \r: columns
        // count UTF-16 units and lines end where YamlDotNet and Roslyn end them.
        const string json = "{\"openapi\": \"3.1.0\",\r\n\t\"info\": {\"title\": \"café 😀 ünï\", \"version\": \"1\"},\r" +
            "  \"x-n\": [1, -2.5e3, true, false, null, \"\", {}, []],\n" +
            "  \"x-é\": \"\\u00e9\\ud83d\\ude00\\n\\\"\", \"x-after\": 0\n}";
        AssertSameNodes(json);
    }

    [Fact]
    public void Line_separators_inside_a_string_end_a_line_but_stay_in_the_value()
    {
        // Roslyn (and YamlDotNet) end a line at U+2028, U+2029 and U+0085, so a diagnostic after one must count it;
        // the value keeps them, as JSON says (YamlDotNet's YAML 1.1 folding would turn them into spaces).
        const string json = "{\"a\": \"x\u2028y\u2029z\u0085w\", \"b\": 1}";
        object root = ReaderRoot("Yaml.JsonReader", json);
        var pairs = (IList)Get(root, "Pairs")!;
        object a = Get(pairs[0]!, "Value")!, b = Get(pairs[1]!, "Key")!;
        Assert.Equal("x\u2028y\u2029z\u0085w", Get(a, "Value"));
        Assert.Equal((1, 7, 4, 3), ((int)Get(a, "Line")!, (int)Get(a, "Column")!, (int)Get(a, "EndLine")!, (int)Get(a, "EndColumn")!));
        Assert.Equal((4, 5), ((int)Get(b, "Line")!, (int)Get(b, "Column")!));
    }

    [Fact]
    public void The_seed_spec_as_JSON_reads_into_the_nodes_YamlDotNet_reads()
    {
        AssertSameNodes(YamlToJson.Convert(File.ReadAllText(GeneratorHarness.SeedSpecPath)));
    }

    [SkippableFact]
    public void The_JSON_specs_of_the_corpus_read_into_the_nodes_YamlDotNet_reads_and_generate_the_same_code()
    {
        string directory = Requires.SharedSpecs();

        string[] files = Directory.GetFiles(directory, "*.json");
        Assert.NotEmpty(files);
        foreach (string path in files)
        {
            string text = File.ReadAllText(path);
            AssertSameNodes(text);

            var asJson = Generate(new SpecFile(path, text, "Corpus.Sdk"));
            var asYaml = Generate(new SpecFile(Path.ChangeExtension(path, ".yaml"), text, "Corpus.Sdk"));
            Assert.Equal(asYaml.Sources, asJson.Sources);
            _output.WriteLine($"{Path.GetFileName(path)}: {asJson.Sources.Count} files, same as read by the YAML reader");
        }
    }

    private static (List<(string HintName, string Text)> Sources, List<(string Id, string Message)> Diagnostics) Generate(SpecFile spec)
    {
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { spec }).RunGenerators(GeneratorHarness.CreateCompilation());
        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        return (
            result.GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())).ToList(),
            result.Diagnostics.Select(d => (d.Id, d.GetMessage(System.Globalization.CultureInfo.InvariantCulture))).ToList());
    }

    /// <summary>Reads <paramref name="json"/> with the generator's JsonReader and YamlReader and compares the trees node by node.</summary>
    private static void AssertSameNodes(string json)
    {
        object fromJson = ReaderRoot("Yaml.JsonReader", json);
        object fromYaml = ReaderRoot("Yaml.YamlReader", json);
        int compared = 0;
        Compare(fromYaml, fromJson, "$", ref compared);
        Assert.True(compared > 10, compared + " nodes compared");
    }

    private static readonly Assembly Generator = typeof(OpenApiGenerator).Assembly;

    private static object ReaderRoot(string type, string text)
    {
        object result = Generator.GetType("OpenApiSdk.Generator." + type, throwOnError: true)!.GetMethod("Read")!.Invoke(null, new object[] { text, CancellationToken.None })!;
        object? root = result.GetType().GetProperty("Root")!.GetValue(result);
        Assert.True(root is not null, type + ": " + result.GetType().GetProperty("Error")!.GetValue(result));
        return root!;
    }

    private static void Compare(object expected, object actual, string path, ref int compared)
    {
        compared++;
        foreach (string property in new[] { "Kind", "Line", "Column", "EndLine", "EndColumn", "Value", "IsPlain" })
        {
            object? want = Get(expected, property), got = Get(actual, property);
            Assert.True(Equals(want, got), $"{path}: {property} is {got} where YamlDotNet gives {want}");
        }

        if (Get(expected, "Pairs") is IList pairs)
        {
            var actualPairs = (IList)Get(actual, "Pairs")!;
            Assert.Equal(pairs.Count, actualPairs.Count);
            for (int i = 0; i < pairs.Count; i++)
            {
                object key = Get(pairs[i]!, "Key")!;
                string name = path + "." + Get(key, "Value");
                Compare(key, Get(actualPairs[i]!, "Key")!, name + " (key)", ref compared);
                Compare(Get(pairs[i]!, "Value")!, Get(actualPairs[i]!, "Value")!, name, ref compared);
            }
        }

        if (Get(expected, "Items") is IList items)
        {
            var actualItems = (IList)Get(actual, "Items")!;
            Assert.Equal(items.Count, actualItems.Count);
            for (int i = 0; i < items.Count; i++)
            {
                Compare(items[i]!, actualItems[i]!, path + "[" + i + "]", ref compared);
            }
        }
    }

    private static object? Get(object target, string property) => target.GetType().GetProperty(property)!.GetValue(target);
}
