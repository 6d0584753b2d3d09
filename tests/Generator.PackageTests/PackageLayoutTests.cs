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
    public void Package_holds_the_generator_and_YamlDotNet_as_analyzers_and_nothing_for_the_consumers_references()
    {
        _fixture.AssertPacked();
        using ZipArchive package = ZipFile.OpenRead(_fixture.PackagePath);
        string[] entries = package.Entries.Select(entry => entry.FullName).ToArray();

        Assert.Contains("analyzers/dotnet/cs/OpenApiSdk.Generator.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/YamlDotNet.dll", entries);
        Assert.DoesNotContain(entries, entry => entry.StartsWith("lib/", StringComparison.Ordinal) || entry.StartsWith("ref/", StringComparison.Ordinal));
        Assert.Contains("buildTransitive/OpenApiSdk.Generator.props", entries);
        Assert.Contains("buildTransitive/OpenApiSdk.Generator.targets", entries);
        Assert.Contains("build/OpenApiSdk.Generator.props", entries);
        Assert.Contains("build/OpenApiSdk.Generator.targets", entries);
        Assert.Contains("README.md", entries);
        Assert.Contains("DIAGNOSTICS.md", entries); // the diagnostics' descriptions point here instead of a help link
    }

    [Fact]
    public void Package_is_a_development_dependency_with_licence_readme_description_and_tags_and_no_invented_urls()
    {
        _fixture.AssertPacked();
        using ZipArchive package = ZipFile.OpenRead(_fixture.PackagePath);
        ZipArchiveEntry nuspecEntry = Assert.Single(package.Entries, entry => entry.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = nuspecEntry.Open();
        XElement metadata = XDocument.Load(stream).Root!.Elements().Single(element => element.Name.LocalName == "metadata");
        string? Value(string name) => metadata.Elements().SingleOrDefault(element => element.Name.LocalName == name)?.Value;

        Assert.Equal(PackageFixture.PackageId, Value("id"));
        Assert.Equal(_fixture.Version, Value("version"));
        Assert.Equal("true", Value("developmentDependency"));
        Assert.Equal("MIT", Value("license"));
        Assert.Equal("README.md", Value("readme"));
        Assert.False(string.IsNullOrWhiteSpace(Value("description")));
        Assert.Contains("openapi", Value("tags")!.Split(' '));
        Assert.Contains("source-generator", Value("tags")!.Split(' '));
        // The project has no public home page or repository: the package names none rather than an invented one.
        Assert.Null(Value("projectUrl"));
        Assert.DoesNotContain(metadata.Elements(), element => element.Name.LocalName == "repository" && element.Attribute("url") is not null);

        // Nothing flows to the consumer: the generator's own references are build-time only.
        Assert.Empty(metadata.Elements().Where(element => element.Name.LocalName == "dependencies").Elements());
    }
}
