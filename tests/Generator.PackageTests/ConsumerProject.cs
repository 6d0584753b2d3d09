using System.IO;
using System.Linq;

namespace OpenApiSdk.PackageTests;

/// <summary>A consumer project folder outside the repository that references the packed generator by id and version.</summary>
public sealed class ConsumerProject
{
    private readonly PackageFixture _fixture;

    public ConsumerProject(PackageFixture fixture, string directory, string name)
    {
        _fixture = fixture;
        Directory = directory;
        Name = name;
    }

    public string Directory { get; }

    public string Name { get; }

    /// <summary>The PackageReference a user adds with <c>dotnet add package</c>.</summary>
    public string PackageReference => $"""<PackageReference Include="{PackageFixture.PackageId}" Version="{_fixture.Version}" />""";

    /// <summary>Writes <c>Name.csproj</c>: an SDK project with the given properties and items, and the package reference unless told not to.</summary>
    public void WriteProject(string properties, string items, bool referencePackage = true)
    {
        Write(
            Name + ".csproj",
            $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
            {properties}
              </PropertyGroup>
              <ItemGroup>
                {(referencePackage ? PackageReference : string.Empty)}
            {items}
              </ItemGroup>
            </Project>

            """);
    }

    public void Write(string relativePath, string content)
    {
        string path = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    /// <summary>Adds the package as a user does: <c>dotnet add package Id --version Version</c>.</summary>
    public CliResult AddPackage() =>
        DotNetCli.Run(Directory, _fixture.Packages, ["add", Name + ".csproj", "package", PackageFixture.PackageId, "--version", _fixture.Version]);

    public string ReadProject() => File.ReadAllText(Path.Combine(Directory, Name + ".csproj"));

    public CliResult Build() =>
        DotNetCli.Run(Directory, _fixture.Packages, ["build", Name + ".csproj", .. DotNetCli.BuildOptions]);

    /// <summary>Packs the project into <paramref name="feed"/> (its PackageId and Version come from the project).</summary>
    public CliResult Pack(string feed) =>
        DotNetCli.Run(Directory, _fixture.Packages, ["pack", Name + ".csproj", "-o", feed, .. DotNetCli.BuildOptions]);

    /// <summary>Runs the built net10.0 program.</summary>
    public CliResult RunBuilt(string targetFramework = "net10.0") =>
        DotNetCli.Run(Directory, _fixture.Packages, ["exec", Path.Combine("bin", "Debug", targetFramework, Name + ".dll")]);

    /// <summary>Generated files written anywhere in the project folder (there are none unless EmitCompilerGeneratedFiles is set).</summary>
    public string[] GeneratedFilesOnDisk() =>
        System.IO.Directory.EnumerateFiles(Directory, "*.g.cs", SearchOption.AllDirectories)
            .Where(path => !path.EndsWith(".AssemblyInfo.g.cs", System.StringComparison.Ordinal) && !path.EndsWith(".GlobalUsings.g.cs", System.StringComparison.Ordinal))
            .ToArray();
}
