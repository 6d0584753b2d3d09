using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using OpenApiSdk.Tests.Harness;
using Xunit;
using static OpenApiSdk.IncrementalTests.PipelineSteps;

namespace OpenApiSdk.IncrementalTests;

/// <summary>
/// A step output that holds a compilation, a symbol, a syntax node, a location, a source text or a
/// YAML object is never equal across runs (or keeps a whole compilation alive), which breaks caching.
/// </summary>
public class StepOutputTests
{
    [Fact]
    public void No_step_output_holds_compiler_or_yaml_objects()
    {
        var specs = new List<SpecFile> { Seed() };
        specs.Add(new SpecFile("/specs/broken.yaml", "openapi: 3.0.3\ninfo: [unclosed\n", "Broken.Sdk"));
        specs.Add(new SpecFile("/specs/warned.yaml", "openapi: 3.0.3\ninfo: {title: W, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A:\n      type: object\n      required: [ghost]\n", "Warned.Sdk"));
        GeneratorDriver driver = GeneratorHarness.CreateDriver(specs, trackSteps: true).RunGenerators(Compilation("class C { }"));
        GeneratorRunResult result = Single(driver);

        var problems = new List<string>();
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        int walked = 0;
        foreach ((string step, object value, _) in AllPipelineOutputs(result))
        {
            walked++;
            ObjectGraph.Walk(value, step, visited, problems);
        }

        Assert.True(walked > 20, $"only {walked} step outputs were walked");
        Assert.Contains(result.Diagnostics, d => d.Id == "OAS001");
        Assert.Empty(problems);
    }

    [Fact]
    public void The_walk_finds_forbidden_objects_nested_in_records_arrays_and_tuples()
    {
        var tree = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("class C { }");
        object[] samples =
        {
            (1, Location.None),
            new Holder(new object[] { "x", new Holder(SourceText.From("text")) }),
            System.Collections.Immutable.ImmutableArray.Create<object>(tree.GetRoot()),
            new Holder(new YamlDotNet.Core.Events.Scalar("v")),
            Compilation("class C { }"),
        };

        foreach (object sample in samples)
        {
            var problems = new List<string>();
            ObjectGraph.Walk(sample, "sample", new HashSet<object>(ReferenceEqualityComparer.Instance), problems);
            Assert.NotEmpty(problems);
        }

        var clean = new List<string>();
        var cyclic = new Holder(null);
        cyclic.Value = new object[] { cyclic, "text", 3 };
        ObjectGraph.Walk(cyclic, "cyclic", new HashSet<object>(ReferenceEqualityComparer.Instance), clean);
        Assert.Empty(clean);
    }

    private sealed class Holder
    {
        public Holder(object? value) => Value = value;

        public object? Value { get; set; }
    }
}

/// <summary>Walks an object's fields (records, arrays, tuples, EquatableArray, ImmutableArray) looking for types a step output must not hold.</summary>
internal static class ObjectGraph
{
    private static readonly Type[] Forbidden =
    {
        typeof(Compilation), typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(SemanticModel), typeof(Location),
        typeof(SourceText), typeof(AdditionalText), typeof(AnalyzerConfigOptions), typeof(AnalyzerConfigOptionsProvider),
        typeof(Diagnostic),
    };

    public static void Walk(object? value, string path, HashSet<object> visited, List<string> problems)
    {
        if (value is null)
        {
            return;
        }

        Type type = value.GetType();
        if (IsForbidden(type))
        {
            problems.Add($"{path} holds a {type.FullName}");
            return;
        }

        if (type.IsPrimitive || type.IsEnum || value is string or decimal or DateTime or DateTimeOffset or Guid or Type or Pointer)
        {
            return;
        }

        if (!type.IsValueType && !visited.Add(value))
        {
            return;
        }

        if (value is Array array)
        {
            int i = 0;
            foreach (object? item in array)
            {
                Walk(item, $"{path}[{i++}]", visited, problems);
            }

            return;
        }

        for (Type? t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (FieldInfo field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (field.FieldType.IsPointer)
                {
                    continue;
                }

                Walk(field.GetValue(value), path + "." + field.Name, visited, problems);
            }
        }
    }

    private static bool IsForbidden(Type type) =>
        Forbidden.Any(f => f.IsAssignableFrom(type))
        || type.Assembly.GetName().Name == "YamlDotNet"
        || type.FullName == "OpenApiSdk.Generator.Yaml.YamlNode";
}
