using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using OpenApiSdk.Tests.Harness;
using Xunit;
using Xunit.Abstractions;
using YamlDotNet.RepresentationModel;

namespace OpenApiSdk.Tests;

/// <summary>
/// A filtered SDK of a huge real spec emits only what the kept operations reach: the component types are exactly
/// the reached components (found here by a walk of our own over YamlDotNet's representation model) that the
/// unfiltered SDK makes types of, nothing else is new, and it compiles without errors or warnings. Without the
/// shared specs the tests are skipped (and fail in CI).
/// </summary>
public class FilterCorpusTests
{
    private static readonly string[] Methods = { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

    private readonly ITestOutputHelper _output;

    public FilterCorpusTests(ITestOutputHelper output) => _output = output;

    /// <summary>Stripe's operations have no tags: its resources are told apart by path (the charges API here).</summary>
    [SkippableFact]
    public void Stripe_filtered_to_the_charges_paths_emits_only_what_they_reach() =>
        Check("stripe-spec3.yaml", "IncludePaths", "/v1/charges**", (path, _) => path == "/v1/charges" || path.StartsWith("/v1/charges/", StringComparison.Ordinal));

    /// <summary>Linode's operations are tagged (and inline all their schemas: no $ref at all).</summary>
    [SkippableFact]
    public void Linode_filtered_to_one_tag_emits_only_what_its_operations_reach() =>
        Check("linode.yaml", "IncludeTags", "Regions", (_, tags) => tags.Contains("Regions"));

    private void Check(string file, string metadata, string value, Func<string, IReadOnlyList<string>, bool> keeps)
    {
        string directory = Requires.SharedSpecs();

        string path = Path.Combine(directory, file);
        string text = File.ReadAllText(path);
        (HashSet<string> reached, int keptOperations) = Reach(text, keeps);

        var spec = new SpecFile(path, text, "Corpus.Sdk");
        GeneratorDriver unfiltered = GeneratorHarness.CreateDriver(new[] { spec }).RunGenerators(GeneratorHarness.CreateCompilation());
        List<string> allSources = unfiltered.GetRunResult().Results.Single().GeneratedSources.Select(s => s.SourceText.ToString()).ToList();
        HashSet<string> allComponentTypes = ComponentTypes(Types(allSources));
        HashSet<string> allNames = TypeNames(allSources);

        GeneratorRun run = GeneratorHarness.Run(new[] { spec with { Metadata = new Dictionary<string, string> { [metadata] = value } } });
        List<string> sources = run.Sources.Select(s => s.SourceText.ToString()).ToList();
        HashSet<string> componentTypes = ComponentTypes(Types(sources));
        HashSet<string> names = TypeNames(sources);
        int operations = Operations(run);

        _output.WriteLine($"{file} {metadata}={value}: {keptOperations} operations kept; {reached.Count} components reached, "
            + $"{componentTypes.Count} of them types (unfiltered: {allComponentTypes.Count}); {names.Count} types in all (unfiltered: {allNames.Count})");

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error || d.Id == "OAS016");
        Assert.True(run.CompileProblems.Count == 0, string.Join(Environment.NewLine, run.CompileProblems.Take(10)));
        Assert.Equal(keptOperations, operations);
        Assert.Equal(allComponentTypes.Where(reached.Contains).Order(StringComparer.Ordinal), componentTypes.Order(StringComparer.Ordinal));
        Assert.Empty(names.Except(allNames)); // inline types are named after their owner, so none is new
        Assert.True(names.Count < allNames.Count, $"{names.Count} types of {allNames.Count}");
    }

    /// <summary>
    /// The component schemas the kept operations reach: every <c>$ref</c> anywhere under a kept operation's (and its
    /// path's) parameters, request body and responses, followed into what it points at, transitively.
    /// </summary>
    private static (HashSet<string> Reached, int Operations) Reach(string text, Func<string, IReadOnlyList<string>, bool> keeps)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var schemas = (YamlMappingNode)((YamlMappingNode)root["components"])["schemas"];
        var byNode = new Dictionary<YamlNode, string>(ReferenceEqualityComparer.Instance);
        foreach (var pair in schemas.Children)
        {
            byNode.TryAdd(pair.Value, ((YamlScalarNode)pair.Key).Value!);
        }

        var reached = new HashSet<string>(StringComparer.Ordinal);
        var work = new Stack<YamlNode>();
        int operations = 0;
        foreach (var pathPair in ((YamlMappingNode)root["paths"]).Children)
        {
            var item = (YamlMappingNode)pathPair.Value;
            foreach (string method in Methods)
            {
                if (!item.Children.TryGetValue(method, out YamlNode? node) || node is not YamlMappingNode operation)
                {
                    continue;
                }

                var tags = operation.Children.TryGetValue("tags", out YamlNode? tagNode) && tagNode is YamlSequenceNode list
                    ? list.Children.OfType<YamlScalarNode>().Select(t => t.Value!).ToList()
                    : new List<string>();
                if (!keeps(((YamlScalarNode)pathPair.Key).Value!, tags))
                {
                    continue;
                }

                operations++;
                foreach (string part in new[] { "parameters", "requestBody", "responses" })
                {
                    if (operation.Children.TryGetValue(part, out YamlNode? partNode))
                    {
                        work.Push(partNode);
                    }
                }

                if (item.Children.TryGetValue("parameters", out YamlNode? shared))
                {
                    work.Push(shared);
                }
            }
        }

        var seen = new HashSet<YamlNode>(ReferenceEqualityComparer.Instance);
        while (work.Count > 0)
        {
            YamlNode node = work.Pop();
            if (!seen.Add(node))
            {
                continue;
            }

            if (byNode.TryGetValue(node, out string? aliased))
            {
                reached.Add(aliased);
            }

            switch (node)
            {
                case YamlMappingNode mapping:
                    foreach (var pair in mapping.Children)
                    {
                        if (pair.Key is YamlScalarNode { Value: "$ref" } && pair.Value is YamlScalarNode { Value: { } reference })
                        {
                            if (Resolve(root, reference, out string? component) is { } target)
                            {
                                work.Push(target);
                            }

                            if (component is not null)
                            {
                                reached.Add(component);
                            }
                        }

                        work.Push(pair.Value);
                    }

                    break;
                case YamlSequenceNode sequence:
                    foreach (YamlNode child in sequence.Children)
                    {
                        work.Push(child);
                    }

                    break;
            }
        }

        return (reached, operations);
    }

    /// <summary>The node a local reference points at; <paramref name="component"/> names the component schema it is in.</summary>
    private static YamlNode? Resolve(YamlMappingNode root, string reference, out string? component)
    {
        component = null;
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            return null;
        }

        string[] segments = reference.Substring(2).Split('/').Select(s => Uri.UnescapeDataString(s).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray();
        if (segments.Length >= 3 && segments[0] == "components" && segments[1] == "schemas")
        {
            component = segments[2];
            segments = segments.Take(3).ToArray(); // the whole component is kept
        }

        YamlNode? current = root;
        foreach (string segment in segments)
        {
            current = current switch
            {
                YamlMappingNode mapping when mapping.Children.TryGetValue(segment, out YamlNode? child) => child,
                YamlSequenceNode sequence when int.TryParse(segment, out int index) && index < sequence.Children.Count => sequence.Children[index],
                _ => null,
            };
        }

        return current;
    }

    /// <summary>Each generated type, as what it says it is generated from (a pointer for a component, Owner.Member inline).</summary>
    private static List<string> Types(IEnumerable<string> sources) =>
        sources.SelectMany(text => OperationFilterTests.GeneratedFromPattern.Matches(text).Select(m => m.Groups["origin"].Value)).ToList();

    /// <summary>
    /// The names of the types declared in <paramref name="sources"/>, digits left out: a choice shared by many places is
    /// named after its alternatives and numbered quietly when several differ, and the numbers follow from what is kept.
    /// </summary>
    private static HashSet<string> TypeNames(IEnumerable<string> sources) =>
        sources.SelectMany(text => Declaration.Matches(text).Select(m => Digits.Replace(m.Groups["name"].Value, string.Empty)))
            .ToHashSet(StringComparer.Ordinal);

    private static readonly System.Text.RegularExpressions.Regex Declaration = new(
        @"^\s*(?:(?:public|internal|private|sealed|static|readonly|abstract|partial)\s+)*(?:class|struct|interface|enum|record)\s+(?<name>\w+)",
        System.Text.RegularExpressions.RegexOptions.Multiline | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private static readonly System.Text.RegularExpressions.Regex Digits = new("[0-9]+", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private static HashSet<string> ComponentTypes(IEnumerable<string> origins) =>
        origins.Where(o => o.StartsWith("#/components/schemas/", StringComparison.Ordinal))
            .Select(o => o.Substring("#/components/schemas/".Length))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>The operations the client has: one public async method each (an overload set counts once).</summary>
    private static int Operations(GeneratorRun run) =>
        // Each operation has {Name}Async and {Name}WithResponseAsync: count the first.
        run.OutputCompilation.GetSymbolsWithName(name => name.EndsWith("Async", StringComparison.Ordinal) && !name.EndsWith("WithResponseAsync", StringComparison.Ordinal), SymbolFilter.Member)
            .OfType<IMethodSymbol>()
            .Where(m => m.ContainingType.TypeKind == TypeKind.Class && m.DeclaredAccessibility == Accessibility.Public
                && (m.ContainingType.Name.EndsWith("Client", StringComparison.Ordinal) || m.ContainingType.Name.EndsWith("Operations", StringComparison.Ordinal)))
            .Select(m => m.ContainingType.Name + "." + m.Name)
            .Distinct()
            .Count();
}
