using System;
using System.IO;
using OpenApiSdk.Tests.Harness;

namespace OpenApiSdk.ExampleTests;

/// <summary>A Swagger 2.0 document's OpenAPI 3.0 conversion by swagger2openapi (Generator.Tests' convert.js and its lock file).</summary>
internal static class Swagger2Conversion
{
    public static string Folder => Path.Combine(GeneratorHarness.RepositoryRoot, "tests", "Generator.Tests", "swagger2openapi");

    /// <summary>The conversion of <paramref name="specPath"/>, as JSON.</summary>
    public static string Convert(string specPath)
    {
        NpmFolder.EnsureInstalled(Folder);
        (int exit, string converted, string error) = NpmFolder.Run("node", new[] { Path.Combine(Folder, "convert.js"), specPath }, Folder, TimeSpan.FromMinutes(5));
        return exit == 0 ? converted : throw new InvalidOperationException("swagger2openapi failed on " + specPath + " (exit " + exit + "):" + Environment.NewLine + error);
    }
}
