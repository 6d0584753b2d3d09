using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using OpenApiSdk.Tests.Harness;

namespace OpenApiSdk.ExampleTests;

/// <summary>
/// Runs <c>ajv/check-examples.js</c> (ajv, an independent JSON Schema validator) over one spec and returns
/// its records. Installs the script's npm dependencies from the committed lock file on first use.
/// </summary>
internal static class AjvChecker
{
    public static string Folder => Path.Combine(GeneratorHarness.RepositoryRoot, "tests", "Generator.ExampleTests", "ajv");

    /// <summary>Skips the calling test where the checker cannot run (no node, or no npm and nothing installed); fails it so in CI.</summary>
    public static void Require()
    {
        Requires.Node();
        Requires.NpmPackages(Folder);
    }

    /// <summary>One record per example in <paramref name="specPath"/>, as printed by the script.</summary>
    public static List<JsonObject> Check(string specPath)
    {
        NpmFolder.EnsureInstalled(Folder);
        (int exit, string output, string error) = NpmFolder.Run("node", new[] { Path.Combine(Folder, "check-examples.js"), specPath }, Folder, TimeSpan.FromMinutes(10));
        if (exit != 0)
        {
            throw new InvalidOperationException("check-examples.js failed on " + specPath + " (exit " + exit + "):" + Environment.NewLine + error);
        }

        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!.AsObject()).ToList();
    }
}
