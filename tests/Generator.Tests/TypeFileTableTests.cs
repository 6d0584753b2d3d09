using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using OpenApiSdk.Tests.Harness;
using Xunit;

namespace OpenApiSdk.Tests;

/// <summary>
/// Which file each type of a large spec (over 128 types) lands in: a stable hash of the type name (generator/README.md,
/// "Fan-out before emit"), the same in every process and on every machine. The committed table
/// (Snapshots/type-files/large-spec.verified.cs) pins it, so a hash that differs between processes (string.GetHashCode)
/// or a changed one fails here, not as hint names that move between builds.
/// </summary>
public sealed class TypeFileTableTests
{
    /// <summary>160 object schemas: ASCII names of different lengths and a few beyond ASCII (the hash is over UTF-16 code units).</summary>
    private static string LargeSpec()
    {
        var yaml = new StringBuilder("openapi: 3.0.3\ninfo: { title: Large, version: '1' }\npaths: {}\ncomponents:\n  schemas:\n");
        IEnumerable<string> names = Enumerable.Range(0, 154).Select(i => "Item" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Concat(new[] { "Größe", "Ñandú", "Δelta", "A", "Zz", "VeryLongSchemaNameThatGoesOnAndOnForTheHash" });
        foreach (string name in names)
        {
            yaml.Append("    ").Append(name).Append(":\n      type: object\n      properties:\n        id: { type: string }\n");
        }

        return yaml.ToString();
    }

    [Fact]
    public void The_types_of_a_spec_over_128_types_go_to_the_files_of_the_committed_table()
    {
        GeneratorRun run = GeneratorHarness.Run(LargeSpec(), "/specs/large.yaml", "Large.Sdk");

        Assert.Empty(run.GeneratorDiagnostics);
        var table = new StringBuilder("// The model file of each type of a 160-type spec (TypeFileTableTests): hint name, then its types.\n");
        int types = 0;
        foreach (GeneratedSourceResult source in run.Sources.Where(s => s.HintName.Contains(".Models", System.StringComparison.Ordinal)).OrderBy(s => s.HintName, System.StringComparer.Ordinal))
        {
            string[] declared = source.SyntaxTree.GetRoot().DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>()
                .SelectMany(n => n.Members.OfType<BaseTypeDeclarationSyntax>()).Select(t => t.Identifier.ValueText).ToArray();
            types += declared.Length;
            table.Append("// ").Append(source.HintName).Append(": ").AppendJoin(' ', declared).Append('\n');
        }

        Assert.Equal(160, types);
        Approvals.Verify("type-files/large-spec", table.ToString());
    }
}
