using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using OpenApiSdk.Tests.Harness;
using Xunit;

namespace OpenApiSdk.DiagnosticsTests;

/// <summary>Assertions on generator diagnostics, written with the 1-based line/column an editor shows.</summary>
internal static class DiagnosticAssert
{
    public const string Path = "/specs/api.yaml";

    /// <summary>The only diagnostic with <paramref name="id"/>, checked for severity, file and 1-based start position.</summary>
    public static Diagnostic Single(GeneratorRun run, string id, DiagnosticSeverity severity, int line, int column)
    {
        List<Diagnostic> found = run.GeneratorDiagnostics.Where(d => d.Id == id).ToList();
        Assert.True(found.Count == 1, $"expected one {id}, got {found.Count}:{Environment.NewLine}{Describe(run)}");
        At(found[0], severity, line, column);
        return found[0];
    }

    public static void At(Diagnostic diagnostic, DiagnosticSeverity severity, int line, int column, string path = Path)
    {
        Assert.Equal(severity, diagnostic.Severity);
        FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
        Assert.Equal(path, span.Path);
        Assert.Equal((line, column), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
    }

    public static string Message(Diagnostic diagnostic) => diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);

    public static GeneratorRun Run(string yaml, string? @namespace = "Test.Sdk", string? clientName = null) =>
        GeneratorHarness.Run(yaml, Path, @namespace, clientName);

    /// <summary>A spec with <paramref name="schemas"/> (indented by 4) under components/schemas; the first schema line is line 8.</summary>
    public static string Spec(string schemas, string version = "3.1.0") =>
        $"openapi: {version}\ninfo:\n  title: T\n  version: '1'\npaths: {{}}\ncomponents:\n  schemas:\n" + schemas;

    public static string Describe(GeneratorRun run) =>
        string.Join(Environment.NewLine, run.GeneratorDiagnostics.Select(d => d.ToString()));

    public static void NoErrors(GeneratorRun run)
    {
        Assert.True(!run.GeneratorDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error), Describe(run));
    }

    /// <summary>Code was generated, and it compiles with no error or warning (nothing generated would compile too).</summary>
    public static void CompilesCleanly(GeneratorRun run)
    {
        Assert.NotEmpty(run.Sources);
        Assert.True(run.CompileProblems.Count == 0, string.Join(Environment.NewLine, run.CompileProblems.Select(d => d.ToString())));
    }
}
