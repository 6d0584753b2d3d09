using System.IO;
using System.Linq;
using OpenApiSdk.Tests.Harness;
using Xunit;

namespace OpenApiSdk.Tests;

public class SeedSpecCompilationTests
{
    [Theory]
    [InlineData(TargetFramework.Net100)]
    [InlineData(TargetFramework.Net80)]
    public void Seed_spec_generates_code_that_compiles_without_warnings(TargetFramework framework)
    {
        var spec = new SpecFile(GeneratorHarness.SeedSpecPath, File.ReadAllText(GeneratorHarness.SeedSpecPath), "TaurusDb.StarRocks", "StarRocksClient");
        GeneratorRun run = GeneratorHarness.Run(new[] { spec }, framework);

        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning));
        Assert.Empty(run.CompileProblems);
        Assert.Contains(run.Sources, s => s.HintName.EndsWith(".CreateStarRocksInstanceRequest.g.cs", System.StringComparison.Ordinal));
    }
}
