using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using CsCheck;
using Microsoft.CodeAnalysis;
using OpenApiSdk.Tests.Harness;
using Xunit;
using Xunit.Abstractions;
using YamlDotNet.RepresentationModel;

namespace OpenApiSdk.DiagnosticsTests;

/// <summary>
/// Mutates real specs (drop, duplicate, retype and rename nodes, insert hostile strings and keywords)
/// and checks each result: no exception, bounded time, and either code that compiles without errors
/// or at least one error diagnostic.
/// </summary>
/// <remarks>
/// CI runs <see cref="DefaultIterations"/> cases. A long run:
/// <c>OPENAPI_FUZZ_ITERATIONS=20000 dotnet test tests/Generator.DiagnosticsTests -c Release --filter FullyQualifiedName~FuzzTests</c>;
/// a failure prints its seed, and <c>OPENAPI_FUZZ_SEED=&lt;seed&gt;</c> replays it.
/// </remarks>
public sealed class FuzzTests
{
    public const int DefaultIterations = 300;

    /// <summary>Generous bound per case: a failure detector for hangs, not a performance measurement (CsCheck runs cases in parallel, so a loaded 2-core machine stretches each one).</summary>
    private static readonly TimeSpan CaseBound = TimeSpan.FromSeconds(60);

    private static readonly string[] HostileStrings =
    {
        "*/", "</summary>", "<!--", "a\r\nb", "line\u2028sep", "para\u2029sep", "\n#error injected", "\"\"\"", "\"", "\\", "\\\"", string.Empty, " ",
        "class", "1abc", "名前", "---", "a-b", "A_B", "{0}", "${x}", "\t", "'", "[a-", "(a+)+$", "^\"[\\\\a-z]+\"$", "x\u0000y", "\u202Eevil", "@", "é\u0301",
        new string('w', 600),
    };

    private static readonly string[] Keywords =
    {
        "type", "properties", "items", "$ref", "allOf", "oneOf", "anyOf", "enum", "required", "pattern", "minLength", "maxLength", "minimum",
        "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "default", "additionalProperties", "nullable", "format", "const",
        "not", "discriminator", "minItems", "maxItems", "uniqueItems", "readOnly", "writeOnly", "if", "then", "else", "description", "title",
        "operationId", "parameters", "requestBody", "responses", "schema", "content", "in", "name", "openapi", "components", "schemas", "paths",
    };

    private static readonly string[] Scalars = { "0", "-1", "1.5", "true", "false", "null", "~", "abc", "1e400", "9999999999999999999999", "string", "object", "array", "integer", "number", "boolean", "#/components/schemas/Missing", "other.yaml#/X" };

    private readonly ITestOutputHelper _output;

    public FuzzTests(ITestOutputHelper output) => _output = output;

    /// <summary>The specs that are mutated: four small real-world ones (see Specs/README.md) and the seed spec.</summary>
    private static readonly Lazy<string[]> Specs = new(() =>
    {
        string directory = Path.Combine(AppContext.BaseDirectory, "Specs");
        var texts = Directory.GetFiles(directory, "*.yaml").OrderBy(f => f, StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        texts.Add(File.ReadAllText(GeneratorHarness.SeedSpecPath));
        return texts.ToArray();
    });

    private static readonly Lazy<Compilation> BaseCompilation = new(() => GeneratorHarness.CreateCompilation());

    [Fact]
    public void Every_unmutated_spec_generates_compiling_code()
    {
        // The baseline the mutations start from: without a mutation each spec compiles with no errors.
        foreach (string spec in Specs.Value)
        {
            GeneratorRun run = GeneratorHarness.Run(spec, DiagnosticAssert.Path);
            Hostile.NeverCrashed(run.GeneratorDiagnostics);
            Assert.DoesNotContain(run.CompileProblems, d => d.Severity == DiagnosticSeverity.Error);
        }
    }

    [Fact]
    public void Mutated_specs_never_crash_or_hang_and_compile_or_report_an_error()
    {
        long iterations = long.TryParse(Environment.GetEnvironmentVariable("OPENAPI_FUZZ_ITERATIONS"), NumberStyles.None, CultureInfo.InvariantCulture, out long given) && given > 0
            ? given
            : DefaultIterations;
        string? seed = Environment.GetEnvironmentVariable("OPENAPI_FUZZ_SEED") is { Length: > 0 } s ? s : null;
        var warnings = new Dictionary<string, int>(StringComparer.Ordinal);
        int compiled = 0, rejected = 0;

        Gen<(int Spec, uint[] Mutations)> cases = Gen.Select(Gen.Int[0, Specs.Value.Length - 1], Gen.UInt.Array[1, 5]);
        cases.Sample(
            input =>
            {
                string yaml = Mutate(Specs.Value[input.Spec], input.Mutations);
                var clock = Stopwatch.StartNew();
                GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { new SpecFile(DiagnosticAssert.Path, yaml) });
                driver = driver.RunGeneratorsAndUpdateCompilation(BaseCompilation.Value, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
                GeneratorDriverRunResult result = driver.GetRunResult();
                Assert.All(result.Results, r => Assert.Null(r.Exception));
                Hostile.NeverCrashed(generatorDiagnostics);
                bool reported = generatorDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

                // With an error reported the property holds whatever the output; only then is compiling skipped.
                List<Diagnostic> problems = reported
                    ? new List<Diagnostic>()
                    : output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
                clock.Stop();
                Hostile.NeverCrashed(problems);
                Assert.True(clock.Elapsed < CaseBound, $"the case took {clock.Elapsed.TotalSeconds:F1} s");
                List<Diagnostic> errors = problems.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                Assert.True(errors.Count == 0, "compile errors without an error diagnostic:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Take(10)) + Environment.NewLine + yaml);
                lock (warnings)
                {
                    if (reported)
                    {
                        rejected++;
                    }
                    else
                    {
                        compiled++;
                    }

                    foreach (Diagnostic warning in problems.Where(d => d.Severity == DiagnosticSeverity.Warning))
                    {
                        warnings[warning.Id] = warnings.TryGetValue(warning.Id, out int count) ? count + 1 : 1;
                    }
                }
            },
            writeLine: _output.WriteLine,
            seed: seed,
            iter: iterations,
            print: input => "spec " + input.Spec + ", mutations [" + string.Join(", ", input.Mutations) + "]");

        _output.WriteLine($"{compiled} cases compiled, {rejected} reported an error; compiler warnings in generated code: " +
            (warnings.Count == 0 ? "none" : string.Join(", ", warnings.Select(w => w.Key + " x" + w.Value))));
        Assert.Empty(warnings);
    }

    /// <summary>Applies each mutation (a random number decoded into an operation and a target node) to the spec.</summary>
    internal static string Mutate(string spec, uint[] mutations)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(spec));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        foreach (uint mutation in mutations)
        {
            var random = new Random(unchecked((int)mutation));
            List<(YamlNode Parent, YamlNode? Key, int Index, YamlNode Node)> nodes = Walk(root);

            // Half the mutations hit the schemas, where most of the generator's decisions are made.
            if (random.Next(2) == 0
                && root.Children.TryGetValue(new YamlScalarNode("components"), out YamlNode? components)
                && components is YamlMappingNode componentMap
                && componentMap.Children.TryGetValue(new YamlScalarNode("schemas"), out YamlNode? schemas)
                && schemas is YamlMappingNode schemaMap
                && Walk(schemaMap) is { Count: > 0 } schemaNodes)
            {
                nodes = schemaNodes;
            }
            (YamlNode parent, YamlNode? key, int index, YamlNode node) = nodes[random.Next(nodes.Count)];
            Apply(random, root, parent, key, index, node, nodes);
        }

        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        stream.Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    private static void Apply(Random random, YamlMappingNode root, YamlNode parent, YamlNode? key, int index, YamlNode node, List<(YamlNode Parent, YamlNode? Key, int Index, YamlNode Node)> nodes)
    {
        switch (random.Next(7))
        {
            case 0: // drop
                Remove(parent, key, index);
                break;
            case 1: // duplicate: under a second name, or as a second item
                if (parent is YamlMappingNode map && key is YamlScalarNode name)
                {
                    map.Children[new YamlScalarNode(name.Value + random.Next(3).ToString(CultureInfo.InvariantCulture))] = Clone(node);
                }
                else if (parent is YamlSequenceNode sequence)
                {
                    sequence.Children.Add(Clone(node));
                }

                break;
            case 2: // retype
                Replace(parent, key, index, RandomValue(random, nodes));
                break;
            case 3: // rename a key
                if (parent is YamlMappingNode renamed && key is not null)
                {
                    renamed.Children.Remove(key);
                    string newName = random.Next(2) == 0 ? Keywords[random.Next(Keywords.Length)] : HostileStrings[random.Next(HostileStrings.Length)];
                    renamed.Children[new YamlScalarNode(newName)] = node;
                }

                break;
            case 4: // a hostile string in place of a value
                Replace(parent, key, index, new YamlScalarNode(HostileStrings[random.Next(HostileStrings.Length)]));
                break;
            case 5: // a keyword added to a mapping
                if (node is YamlMappingNode target)
                {
                    target.Children[new YamlScalarNode(Keywords[random.Next(Keywords.Length)])] = RandomValue(random, nodes);
                }

                break;
            default: // a $ref to a component that exists, to one that does not, or to the root
                if (node is YamlMappingNode holder)
                {
                    string[] names = (root.Children.TryGetValue(new YamlScalarNode("components"), out YamlNode? components)
                        && components is YamlMappingNode c && c.Children.TryGetValue(new YamlScalarNode("schemas"), out YamlNode? schemas)
                        && schemas is YamlMappingNode s ? s.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value!).ToArray() : Array.Empty<string>());
                    string reference = names.Length > 0 && random.Next(4) != 0 ? "#/components/schemas/" + names[random.Next(names.Length)] : random.Next(2) == 0 ? "#" : "#/components/schemas/Nope";
                    holder.Children[new YamlScalarNode("$ref")] = new YamlScalarNode(reference);
                }

                break;
        }
    }

    private static YamlNode RandomValue(Random random, List<(YamlNode Parent, YamlNode? Key, int Index, YamlNode Node)> nodes) => random.Next(6) switch
    {
        0 => new YamlScalarNode(Scalars[random.Next(Scalars.Length)]) { Style = YamlDotNet.Core.ScalarStyle.Plain },
        1 => new YamlScalarNode(HostileStrings[random.Next(HostileStrings.Length)]),
        2 => new YamlMappingNode(),
        3 => new YamlSequenceNode(new YamlScalarNode(Scalars[random.Next(Scalars.Length)]) { Style = YamlDotNet.Core.ScalarStyle.Plain }, new YamlScalarNode(HostileStrings[random.Next(HostileStrings.Length)])),
        4 => new YamlMappingNode(new YamlScalarNode("type"), new YamlScalarNode(Scalars[random.Next(Scalars.Length)])),
        _ => Clone(nodes[random.Next(nodes.Count)].Node),
    };

    private static List<(YamlNode Parent, YamlNode? Key, int Index, YamlNode Node)> Walk(YamlMappingNode root)
    {
        var found = new List<(YamlNode, YamlNode?, int, YamlNode)>();
        var stack = new Stack<YamlNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            YamlNode parent = stack.Pop();
            if (parent is YamlMappingNode mapping)
            {
                foreach (KeyValuePair<YamlNode, YamlNode> pair in mapping.Children)
                {
                    found.Add((parent, pair.Key, -1, pair.Value));
                    stack.Push(pair.Value);
                }
            }
            else if (parent is YamlSequenceNode sequence)
            {
                for (int i = 0; i < sequence.Children.Count; i++)
                {
                    found.Add((parent, null, i, sequence.Children[i]));
                    stack.Push(sequence.Children[i]);
                }
            }
        }

        return found;
    }

    private static void Remove(YamlNode parent, YamlNode? key, int index)
    {
        if (parent is YamlMappingNode mapping && key is not null)
        {
            mapping.Children.Remove(key);
        }
        else if (parent is YamlSequenceNode sequence)
        {
            sequence.Children.RemoveAt(index);
        }
    }

    private static void Replace(YamlNode parent, YamlNode? key, int index, YamlNode value)
    {
        if (parent is YamlMappingNode mapping && key is not null)
        {
            mapping.Children[key] = value;
        }
        else if (parent is YamlSequenceNode sequence)
        {
            sequence.Children[index] = value;
        }
    }

    private static YamlNode Clone(YamlNode node) => node switch
    {
        YamlScalarNode scalar => new YamlScalarNode(scalar.Value) { Style = scalar.Style },
        YamlSequenceNode sequence => new YamlSequenceNode(sequence.Children.Select(Clone)),
        YamlMappingNode mapping => new YamlMappingNode(mapping.Children.Select(p => new KeyValuePair<YamlNode, YamlNode>(Clone(p.Key), Clone(p.Value)))),
        _ => new YamlScalarNode(string.Empty),
    };
}
