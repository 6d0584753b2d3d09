using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using OpenApiSdk.Generator;
using OpenApiSdk.Tests.Harness;

namespace OpenApiSdk.IncrementalTests;

/// <summary>Reads the generator's tracked steps out of a run result.</summary>
internal static class PipelineSteps
{
    /// <summary>The pipeline's own step names, read from <see cref="TrackingNames"/> so the list lives in one place.</summary>
    public static IReadOnlyList<string> Names { get; } = typeof(TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToList();

    public static GeneratorRunResult Single(GeneratorDriver driver) => Assert1(driver.GetRunResult().Results);

    /// <summary>Every output of the named step, with its reason, over all the step's runs.</summary>
    public static List<(object Value, IncrementalStepRunReason Reason)> Outputs(GeneratorRunResult result, string name) =>
        result.TrackedSteps.TryGetValue(name, out ImmutableArray<IncrementalGeneratorRunStep> steps)
            ? steps.SelectMany(s => s.Outputs).ToList()
            : new List<(object Value, IncrementalStepRunReason Reason)>();

    /// <summary>Outputs of the pipeline's named steps (not Roslyn's own inputs such as Compilation).</summary>
    public static IEnumerable<(string Step, object Value, IncrementalStepRunReason Reason)> AllPipelineOutputs(GeneratorRunResult result) =>
        Names.SelectMany(name => Outputs(result, name).Select(o => (name, o.Value, o.Reason)));

    /// <summary>What each RegisterSourceOutput callback was given, with its reason.</summary>
    public static List<IncrementalStepRunReason> SourceOutputReasons(GeneratorRunResult result) =>
        result.TrackedOutputSteps.Values.SelectMany(steps => steps).SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();

    /// <summary>The name of the type behind one output of the Types step.</summary>
    public static string TypeName(object typeOutput)
    {
        object type = typeOutput.GetType().GetProperty("Type")!.GetValue(typeOutput)!;
        return (string)type.GetType().GetProperty("Name")!.GetValue(type)!;
    }

    /// <summary>The namespace behind one output of the Types step.</summary>
    public static string TypeNamespace(object typeOutput)
    {
        object context = typeOutput.GetType().GetProperty("Context")!.GetValue(typeOutput)!;
        return (string)context.GetType().GetProperty("Namespace")!.GetValue(context)!;
    }

    public static Dictionary<string, string> Sources(GeneratorRunResult result) =>
        result.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);

    public static SpecFile Seed(string? @namespace = "TaurusDb.StarRocks") =>
        new(GeneratorHarness.SeedSpecPath, File.ReadAllText(GeneratorHarness.SeedSpecPath), @namespace, "StarRocksClient");

    public static CSharpCompilation Compilation(params string[] sources) =>
        GeneratorHarness.CreateCompilation(TargetFramework.Net100, LanguageVersion.Latest, sources);

    private static GeneratorRunResult Assert1(ImmutableArray<GeneratorRunResult> results)
    {
        Xunit.Assert.Single(results);
        GeneratorRunResult result = results[0];
        Xunit.Assert.Null(result.Exception);
        return result;
    }
}
