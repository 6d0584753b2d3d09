using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using Xunit;

namespace OpenApiSdk.PackageTests;

[Collection(PackedGeneratorTests.Name)]
public sealed class PackageLayoutTests
{
    private readonly PackageFixture _fixture;

    public PackageLayoutTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public void Package_holds_the_generator_YamlDotNet_and_System_Text_Json_as_analyzers_and_the_runtime_library_for_the_consumers_references()
    {
        _fixture.AssertPacked();
        using ZipArchive package = ZipFile.OpenRead(_fixture.PackagePath);
        string[] entries = package.Entries.Select(entry => entry.FullName).ToArray();

        Assert.Contains("analyzers/dotnet/cs/OpenApiSdk.Generator.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/YamlDotNet.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/System.Text.Json.dll", entries);
        Assert.Equal(
            ["lib/net8.0/OpenApiSdk.Runtime.dll", "lib/net8.0/OpenApiSdk.Runtime.xml", "lib/netstandard2.0/OpenApiSdk.Runtime.dll", "lib/netstandard2.0/OpenApiSdk.Runtime.xml"],
            entries.Where(entry => entry.StartsWith("lib/", StringComparison.Ordinal) || entry.StartsWith("ref/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Contains("buildTransitive/OpenApiSdk.Generator.props", entries);
        Assert.Contains("buildTransitive/OpenApiSdk.Generator.targets", entries);
        Assert.Contains("build/OpenApiSdk.Generator.props", entries);
        Assert.Contains("build/OpenApiSdk.Generator.targets", entries);
        Assert.Contains("README.md", entries);
        Assert.Contains("DIAGNOSTICS.md", entries);
    }

    /// <summary>
    /// What the oldest supported compiler (Roslyn 4.3.1, .NET SDK 6.0.400) carries itself: its package's dependencies
    /// (System.Memory 4.5.4 brings System.Buffers 4.5.1 and System.Numerics.Vectors 4.4.0), as assembly versions.
    /// </summary>
    private static readonly Dictionary<string, Version> CompilerAssemblies = new(StringComparer.Ordinal)
    {
        ["netstandard"] = new(2, 0, 0, 0),
        ["Microsoft.CodeAnalysis"] = new(4, 3, 0, 0),
        ["Microsoft.CodeAnalysis.CSharp"] = new(4, 3, 0, 0),
        ["System.Collections.Immutable"] = new(6, 0, 0, 0),
        ["System.Reflection.Metadata"] = new(5, 0, 0, 0),
        ["System.Memory"] = new(4, 0, 1, 1),
        ["System.Buffers"] = new(4, 0, 3, 0),
        ["System.Numerics.Vectors"] = new(4, 1, 3, 0),
        ["System.Runtime.CompilerServices.Unsafe"] = new(6, 0, 0, 0),
        ["System.Threading.Tasks.Extensions"] = new(4, 2, 0, 1),
        ["System.Text.Encoding.CodePages"] = new(6, 0, 0, 0),
    };

    [Fact]
    public void Every_assembly_the_analyzers_reference_is_beside_them_or_carried_by_the_oldest_supported_compiler()
    {
        // A .NET Framework compiler host (MSBuild.exe, Visual Studio) lends analyzers nothing else: System.Text.Json and
        // its own dependencies that the compiler lacks must be in analyzers/dotnet/cs, at the version referenced or later.
        _fixture.AssertPacked();
        using ZipArchive package = ZipFile.OpenRead(_fixture.PackagePath);
        var shipped = new Dictionary<string, (Version Version, List<(string Name, Version Version)> References)>(StringComparer.Ordinal);
        foreach (ZipArchiveEntry entry in package.Entries.Where(e => e.FullName.StartsWith("analyzers/dotnet/cs/", StringComparison.Ordinal) && e.FullName.EndsWith(".dll", StringComparison.Ordinal)))
        {
            using var copy = new MemoryStream();
            using (Stream stream = entry.Open())
            {
                stream.CopyTo(copy);
            }

            copy.Position = 0;
            using var pe = new PEReader(copy);
            MetadataReader metadata = pe.GetMetadataReader();
            AssemblyDefinition definition = metadata.GetAssemblyDefinition();
            var references = metadata.AssemblyReferences.Select(metadata.GetAssemblyReference).Select(r => (metadata.GetString(r.Name), r.Version)).ToList();
            shipped[metadata.GetString(definition.Name)] = (definition.Version, references);
        }

        Assert.Equal(
            new[] { "Microsoft.Bcl.AsyncInterfaces", "OpenApiSdk.Generator", "System.Text.Encodings.Web", "System.Text.Json", "YamlDotNet" },
            shipped.Keys.Order(StringComparer.Ordinal));
        foreach ((string assembly, (Version _, List<(string Name, Version Version)> references)) in shipped)
        {
            foreach ((string name, Version version) in references)
            {
                Version? available = shipped.TryGetValue(name, out var beside) ? beside.Version : CompilerAssemblies.GetValueOrDefault(name);
                Assert.True(available is not null && available >= version, $"{assembly} references {name} {version}, which is neither beside it nor in the compiler (has {available?.ToString() ?? "none"})");
            }
        }
    }

    [Fact]
    public void Package_is_an_ordinary_dependency_with_licence_readme_description_tags_and_the_runtimes_dependencies()
    {
        _fixture.AssertPacked();
        using ZipArchive package = ZipFile.OpenRead(_fixture.PackagePath);
        ZipArchiveEntry nuspecEntry = Assert.Single(package.Entries, entry => entry.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = nuspecEntry.Open();
        XElement metadata = XDocument.Load(stream).Root!.Elements().Single(element => element.Name.LocalName == "metadata");
        string? Value(string name) => metadata.Elements().SingleOrDefault(element => element.Name.LocalName == name)?.Value;

        Assert.Equal(PackageFixture.PackageId, Value("id"));
        Assert.Equal(_fixture.Version, Value("version"));
        // Not a development dependency: the runtime in lib/ has to flow to the SDK's own consumers.
        Assert.Null(Value("developmentDependency"));
        Assert.Equal("MIT", Value("license"));
        Assert.Equal("README.md", Value("readme"));
        Assert.False(string.IsNullOrWhiteSpace(Value("description")));
        Assert.Contains("openapi", Value("tags")!.Split(' '));
        Assert.Contains("source-generator", Value("tags")!.Split(' '));
        // No project or repository address: none exists that the package could truthfully name.
        Assert.DoesNotContain(metadata.Elements(), element => element.Name.LocalName is "repository" or "projectUrl");

        // The runtime's dependencies, per framework: netstandard2.0 lacks System.Text.Json, DataAnnotations and ActivitySource; net8.0 has them.
        XElement dependencies = metadata.Elements().Single(element => element.Name.LocalName == "dependencies");
        string[] Group(string framework) => dependencies.Elements()
            .Single(group => group.Attribute("targetFramework")?.Value == framework)
            .Elements().Select(d => d.Attribute("id")!.Value + " " + d.Attribute("version")!.Value).ToArray();
        Assert.Equal(["System.Text.Json 8.0.5", "System.ComponentModel.Annotations 5.0.0", "System.Diagnostics.DiagnosticSource 8.0.1", "Microsoft.Bcl.AsyncInterfaces 8.0.0"], Group(".NETStandard2.0"));
        Assert.Empty(Group("net8.0"));
    }
}
