using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using OpenApiSdk.Tests.Harness;
using Xunit;

namespace OpenApiSdk.Tests;

/// <summary>Every file generated for the seed spec and a few small real specs, against approved snapshots.</summary>
public class SnapshotTests
{
    public static IEnumerable<object[]> Specs() => new[]
    {
        new object[] { "taurusdb-starrocks" },
        new object[] { "oai-petstore" },
        new object[] { "oai-petstore-expanded" },
        new object[] { "oai-tictactoe" },
        new object[] { "polymorphism" }, // oneOf/anyOf unions; also compiled and run by Generator.IntegrationTests
        new object[] { "unevaluated" }, // unevaluatedProperties/unevaluatedItems; also compiled and run by Generator.IntegrationTests
        new object[] { "choice-rules" }, // oneOf/anyOf beside other keywords, as rules; also run by Generator.IntegrationTests
        new object[] { "typeless" }, // schemas without type and with type lists in every position; also run by Generator.IntegrationTests
        new object[] { "inheritance" }, // a discriminator on an allOf base; also compiled and run by Generator.IntegrationTests
        new object[] { "swagger2" }, // a Swagger 2.0 document, one of each construct the 2.0 reader maps
        new object[] { "azure-extensions" }, // AutoRest's x-ms-* extensions (x-ms-enum, x-ms-client-name, x-ms-paths, x-ms-pageable, ...)
        new object[] { "default-mapping" }, // OpenAPI 3.2 discriminator.defaultMapping; also compiled and run by Generator.IntegrationTests
        new object[] { "oas32" }, // OpenAPI 3.2 operations and parameters; also sent to Kestrel by Generator.ClientTests (Oas32WireTests)
        new object[] { "events-32" }, // OpenAPI 3.2 event streams: typed data (contentSchema), kinds by the event's const; also streamed by Generator.ClientTests (TypedEventWireTests)
        new object[] { "formats" }, // every string format of 2020-12, in every position; also run by Generator.IntegrationTests
        new object[] { "json-values" }, // the JSON-value validator: applicator and unevaluated keywords on JsonElement values, and a model checked as JSON; also run by Generator.IntegrationTests
        new object[] { "request-values" }, // parameters and a JSON body checked as JSON by the client (the JSON-value validator outside a model)
    };

    internal static SpecFile Load(string name)
    {
        string path = name == "taurusdb-starrocks"
            ? GeneratorHarness.SeedSpecPath
            : Path.Combine(GeneratorHarness.RepositoryRoot, "tests", "Generator.Tests", "Specs", name + ".yaml");
        return name == "taurusdb-starrocks"
            ? new SpecFile("/specs/" + name + ".yaml", File.ReadAllText(path), "TaurusDb.StarRocks", "StarRocksClient")
            : new SpecFile("/specs/" + name + ".yaml", File.ReadAllText(path), "Snapshot.Sdk");
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void Generated_files_match_the_approved_snapshots(string spec)
    {
        GeneratorRun run = GeneratorHarness.Run(new[] { Load(spec) });
        var generated = run.Sources
            .OrderBy(s => s.HintName, StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(generated);
        foreach (var source in generated)
        {
            Approvals.Verify(Path.Combine(spec, Path.GetFileNameWithoutExtension(source.HintName)), source.SourceText.ToString());
        }

        // A snapshot whose file is no longer generated is stale.
        string directory = Path.Combine(Approvals.SnapshotDirectory, spec);
        var expectedNames = generated.Select(s => Path.GetFileNameWithoutExtension(s.HintName) + ".verified.cs").ToHashSet(StringComparer.Ordinal);
        var stale = Directory.GetFiles(directory, "*.verified.cs").Select(Path.GetFileName).Where(f => !expectedNames.Contains(f!)).ToList();
        Assert.Empty(stale);
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void Generation_is_deterministic(string spec)
    {
        var first = GeneratorHarness.Run(new[] { Load(spec) }).Sources.Select(s => (s.HintName, s.SourceText.ToString())).ToList();
        var second = GeneratorHarness.Run(new[] { Load(spec) }).Sources.Select(s => (s.HintName, s.SourceText.ToString())).ToList();
        Assert.Equal(first, second);
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void Generated_code_compiles_without_warnings_for_net8_and_net10(string spec)
    {
        foreach (TargetFramework framework in new[] { TargetFramework.Net100, TargetFramework.Net80 })
        {
            GeneratorRun run = GeneratorHarness.Run(new[] { Load(spec) }, framework);
            Assert.NotEmpty(run.Sources);
            Assert.Empty(run.CompileProblems.Select(d => d.ToString()));
            Assert.DoesNotContain(run.Sources, s => s.SourceText.ToString().Contains("#pragma warning disable", StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void Generated_code_compiles_without_warnings_with_CSharp_9_the_lowest_version_supported(string spec)
    {
        GeneratorRun run = GeneratorHarness.Run(new[] { Load(spec) }, TargetFramework.Net80, Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp9);
        Assert.NotEmpty(run.Sources);
        Assert.Empty(run.CompileProblems.Select(d => d.ToString()));
    }
}
