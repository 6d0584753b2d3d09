using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Xunit;

namespace OpenApiSdk.PackageTests;

/// <summary>
/// "No reflection: trimming and Native AOT work" (README.md), checked by doing it: a consumer of the packed package with
/// unions (oneOf with a discriminator), inheritance (allOf under a discriminator base) and webhooks is published with
/// PublishAot=true, with AOT and trim warnings as errors, and the native program runs. Needs clang and zlib
/// (Debian's clang and zlib1g-dev, which .ci/run installs); where clang is missing the test is skipped, and under
/// CI=true it fails.
/// </summary>
[Collection(PackedGeneratorTests.Name)]
public sealed class AotConsumerTests
{
    private const string Program = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Text;

        internal static class Program
        {
            private static int Main()
            {
                Unions.Api.Pet union = Unions.Api.Pet.FromJson("{\"petType\":\"kitten\",\"name\":\"Tom\",\"lives\":9}");
                Console.WriteLine("union " + union.IsCat + " " + union.AsCat!.Name + " " + union.Validate().Count());

                Inheritance.Api.Pet pet = Inheritance.Api.Pet.FromJson("{\"petType\":\"lion\",\"name\":\"Leo\",\"lives\":7}");
                string written = new Inheritance.Api.Lion { Name = "Leo", Lives = 7 }.ToJson();
                Console.WriteLine("inheritance " + pet.GetType().Name + " " + Inheritance.Api.Pet.FromJson(written).GetType().Name);

                var headers = new Dictionary<string, string> { ["X-Signature"] = "sha256=" + new string('a', 64) };
                Receivers.Api.Pet received = Receivers.Api.PetEventsWebhooks.ParseNewPet(Encoding.UTF8.GetBytes("{\"id\":7,\"name\":\"Rex\",\"tag\":\"dog\"}"), headers);
                Console.WriteLine("webhook " + received.Name);
                try
                {
                    Receivers.Api.PetEventsWebhooks.ParseNewPet(Encoding.UTF8.GetBytes("{\"id\":\"seven\",\"name\":\"Rex\"}"), headers);
                    return 1;
                }
                catch (OpenApiSdk.ValidationException ex)
                {
                    Console.WriteLine("invalid " + string.Join(",", ex.Errors.Select(e => e.Pointer)));
                }

                return 0;
            }
        }

        """;

    private readonly PackageFixture _fixture;

    public AotConsumerTests(PackageFixture fixture) => _fixture = fixture;

    [SkippableFact]
    public void A_Native_AOT_app_with_unions_inheritance_and_webhooks_publishes_without_warnings_and_runs()
    {
        RequireClang();
        ConsumerProject app = _fixture.NewProject("AotConsumer");
        app.WriteProject(
            """
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <PublishAot>true</PublishAot>
                <InvariantGlobalization>true</InvariantGlobalization>
            """,
            """
                <OpenApiSpec Include="polymorphism.yaml" Namespace="Unions.Api" />
                <OpenApiSpec Include="inheritance.yaml" Namespace="Inheritance.Api" />
                <OpenApiSpec Include="receivers.yaml" Namespace="Receivers.Api" />
            """);
        app.Write("polymorphism.yaml", File.ReadAllText(Path.Combine(_fixture.RepositoryRoot, "tests", "Generator.Tests", "Specs", "polymorphism.yaml")));
        app.Write("inheritance.yaml", File.ReadAllText(Path.Combine(_fixture.RepositoryRoot, "tests", "Generator.Tests", "Specs", "inheritance.yaml")));
        app.Write("receivers.yaml", File.ReadAllText(Path.Combine(_fixture.RepositoryRoot, "tests", "Generator.ClientTests", "Specs", "receivers.yaml")));
        app.Write("Program.cs", Program);

        string output = Path.Combine(app.Directory, "native");
        CliResult publish = DotNetCli.Run(app.Directory, _fixture.Packages, ["publish", app.Name + ".csproj", "-c", "Release", "-r", "linux-x64", "-o", output, .. DotNetCli.BuildOptions]);
        Assert.True(publish.ExitCode == 0 && publish.Warnings.Count == 0, publish.ToString());
        string executable = Path.Combine(output, app.Name);
        Assert.True(File.Exists(executable), "no native executable " + executable);
        Assert.False(File.Exists(Path.Combine(output, app.Name + ".dll")), "the output holds IL, not a native program");

        (int exit, string printed) = RunNative(executable);
        Assert.True(exit == 0, printed);
        Assert.Equal(
            ["union True Tom 0", "inheritance Lion Lion", "webhook Rex", "invalid /body/id"],
            printed.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private static void RequireClang()
    {
        bool present = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, "clang")));
        if (!present && string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail("CI=true and clang is not on PATH: .ci/run installs clang and zlib1g-dev, so this is a broken setup, not a skip.");
        }

        Skip.IfNot(present, "clang is not on PATH (Native AOT links with it: apt-get install clang zlib1g-dev)");
    }

    private static (int ExitCode, string Output) RunNative(string executable)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using Process process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }
}
