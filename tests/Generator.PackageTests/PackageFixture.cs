using System;
using System.Globalization;
using System.IO;
using Xunit;

namespace OpenApiSdk.PackageTests;

/// <summary>
/// Packs the generator once for all tests, into a local feed in a temporary folder outside the repository,
/// with a version no cache can hold (1.0.0-test.&lt;UTC time&gt;), and lays out the consumers' NuGet.config
/// (local feed first, mapped as the only source of the package) and an isolated packages folder.
/// </summary>
public sealed class PackageFixture : IDisposable
{
    public const string PackageId = "OpenApiSdk.Generator";

    /// <summary>SDK libraries that the tests pack themselves (from the same local feed) start with this.</summary>
    public const string SdkPackagePrefix = "PackageTests.";

    public PackageFixture()
    {
        RepositoryRoot = FindRepositoryRoot();
        Root = Path.Combine(Path.GetTempPath(), "openapisdk-package-tests-" + Guid.NewGuid().ToString("N")[..12]);
        Feed = Path.Combine(Root, "feed");
        Packages = Path.Combine(Root, "packages");
        Directory.CreateDirectory(Feed);
        Directory.CreateDirectory(Packages);
        Version = "1.0.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);

        WriteConsumerEnvironment();

        // A separate artifacts path keeps this build out of generator/bin and generator/obj, which
        // the other test projects and the engineer's own builds use.
        Pack = DotNetCli.Run(
            RepositoryRoot,
            Packages,
            ["pack", Path.Combine(RepositoryRoot, "generator", "OpenApiSdk.Generator.csproj"), "-c", "Release",
             "-o", Feed, "-p:Version=" + Version, "--artifacts-path", Path.Combine(Root, "artifacts"), .. DotNetCli.BuildOptions]);
        PackagePath = Path.Combine(Feed, PackageId + "." + Version + ".nupkg");
    }

    public string RepositoryRoot { get; }

    /// <summary>The temporary folder holding the feed, the packages folder and the consumer projects.</summary>
    public string Root { get; }

    public string Feed { get; }

    public string Packages { get; }

    public string Version { get; }

    public CliResult Pack { get; }

    public string PackagePath { get; }

    /// <summary>Fails the calling test with the pack output when packing failed.</summary>
    public void AssertPacked()
    {
        Assert.True(Pack.ExitCode == 0 && File.Exists(PackagePath), Pack.ToString());
    }

    /// <summary>A new, empty consumer project folder under <see cref="Root"/>.</summary>
    public ConsumerProject NewProject(string name)
    {
        AssertPacked();
        string directory = Path.Combine(Root, name);
        Directory.CreateDirectory(directory);
        return new ConsumerProject(this, directory, name);
    }

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("OPENAPISDK_KEEP_PACKAGE_TESTS") == "1")
        {
            return;
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover folder in the temp directory is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private void WriteConsumerEnvironment()
    {
        // Stop MSBuild's upward search for Directory.Build.* files, so the consumers see none of the temp folder's parents.
        const string Empty = "<Project />\n";
        File.WriteAllText(Path.Combine(Root, "Directory.Build.targets"), Empty);
        File.WriteAllText(
            Path.Combine(Root, "Directory.Build.props"),
            """
            <Project>
              <PropertyGroup>
                <!-- Advisories published after this test was written must not decide whether it passes. -->
                <NuGetAudit>false</NuGetAudit>
              </PropertyGroup>
            </Project>

            """);

        // The nuget.org source as this machine configures it; the package itself may only come from the local feed.
        File.WriteAllText(
            Path.Combine(Root, "NuGet.config"),
            $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{Packages}" />
              </config>
              <packageSources>
                <clear />
                <add key="local-test-feed" value="{Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="local-test-feed">
                  <package pattern="{PackageId}" />
                  <package pattern="{SdkPackagePrefix}*" />
                </packageSource>
                <packageSource key="nuget.org">
                  <package pattern="*" />
                </packageSource>
              </packageSourceMapping>
            </configuration>

            """);
    }

    private static string FindRepositoryRoot()
    {
        string? directory = AppContext.BaseDirectory;
        while (directory is not null && !File.Exists(Path.Combine(directory, "Generator.sln")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        return directory ?? throw new InvalidOperationException("Generator.sln not found above " + AppContext.BaseDirectory);
    }
}

[CollectionDefinition(Name)]
public sealed class PackedGeneratorTests : ICollectionFixture<PackageFixture>
{
    public const string Name = "Packed generator";
}
