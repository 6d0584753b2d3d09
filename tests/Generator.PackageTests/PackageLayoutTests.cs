using System;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace OpenApiSdk.PackageTests;

[Collection(PackedGeneratorTests.Name)]
public sealed class PackageLayoutTests
{
    private readonly PackageFixture _fixture;

    public PackageLayoutTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public void Package_holds_the_generator_and_YamlDotNet_as_analyzers_and_the_runtime_library_for_the_consumers_references()
    {
        _fixture.AssertPacked();
        using ZipArchive package = ZipFile.OpenRead(_fixture.PackagePath);
        string[] entries = package.Entries.Select(entry => entry.FullName).ToArray();

        Assert.Contains("analyzers/dotnet/cs/OpenApiSdk.Generator.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/YamlDotNet.dll", entries);
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
        Assert.Equal(["System.Text.Json 8.0.5", "System.ComponentModel.Annotations 5.0.0", "System.Diagnostics.DiagnosticSource 8.0.1"], Group(".NETStandard2.0"));
        Assert.Empty(Group("net8.0"));
    }
}
