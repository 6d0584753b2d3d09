using System;
using System.IO;
using System.Linq;
using Xunit;

namespace OpenApiSdk.Tests.Harness;

/// <summary>
/// What a check needs from the machine it runs on. Where something is missing the test is reported as
/// skipped, with the reason, never as passed. In CI (<c>CI=true</c>), whose own files install everything
/// (Node comes with the machine, the npm packages through <see cref="NpmFolder"/>, the shared specs are laid
/// beside the clone), a missing piece fails the test instead: a check that CI does not run is a defect there.
/// Tests that call these are <c>[SkippableFact]</c>/<c>[SkippableTheory]</c> (Xunit.SkippableFact).
/// </summary>
public static class Requires
{
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The folder of real-world specs (see <see cref="GeneratorHarness.SharedSpecsDirectory"/>).</summary>
    public static string SharedSpecs()
    {
        string? directory = GeneratorHarness.SharedSpecsDirectory;
        That(directory is not null, "the shared specs folder is absent (../shared/specs beside the repository, or specs/ in $" + GeneratorHarness.SharedDirectoryVariable + ")");
        return directory!;
    }

    /// <summary>The folder of real-world Swagger 2.0 documents (see <see cref="GeneratorHarness.SharedSwagger2SpecsDirectory"/>).</summary>
    public static string SharedSwagger2Specs()
    {
        string? directory = GeneratorHarness.SharedSwagger2SpecsDirectory;
        That(directory is not null, "the shared Swagger 2.0 specs folder is absent (../shared/specs-swagger2 beside the repository, or specs-swagger2/ in $" + GeneratorHarness.SharedDirectoryVariable + ")");
        return directory!;
    }

    /// <summary>The JSON-Schema-Test-Suite's draft 2020-12 folder (see <see cref="GeneratorHarness.SharedJstsDirectory"/>).</summary>
    public static string Jsts()
    {
        string? directory = GeneratorHarness.SharedJstsDirectory;
        That(directory is not null, "the JSON-Schema-Test-Suite folder is absent (../shared/jsts/tests/draft2020-12 beside the repository, or jsts/tests/draft2020-12 in $" + GeneratorHarness.SharedDirectoryVariable + ")");
        return directory!;
    }

    /// <summary>Node.js on PATH.</summary>
    public static void Node() => That(OnPath("node") is not null, "node is not on PATH");

    /// <summary>npm on PATH, or the folder's packages already installed.</summary>
    public static void NpmPackages(string folder) =>
        That(NpmFolder.IsInstalled(folder) || OnPath(NpmFolder.Npm) is not null, "npm is not on PATH and " + Path.Combine(folder, "node_modules") + " is not installed");

    /// <summary>Skips (locally) or fails (in CI) with <paramref name="missing"/> unless <paramref name="present"/>.</summary>
    public static void That(bool present, string missing)
    {
        if (present)
        {
            return;
        }

        if (InCi)
        {
            Assert.Fail("CI=true, and this check cannot run: " + missing + ". CI installs what the tests need, so this is a broken setup, not a skip.");
        }

        throw new SkipException(missing + ": the check did not run");
    }

    /// <summary>The full path of <paramref name="program"/> on PATH, or null.</summary>
    public static string? OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);
}
