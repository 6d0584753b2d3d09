using System;
using System.IO;
using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using OpenApiSdk.Tests.Harness;
using Xunit;

namespace OpenApiSdk.Tests;

/// <summary>
/// Approval (snapshot) checks: the committed <c>NAME.verified.cs</c> is the expected text. On a mismatch
/// the actual text is written beside it as <c>NAME.received.cs</c> and the test fails with a diff.
/// Set <c>OPENAPI_ACCEPT_SNAPSHOTS=1</c> to accept the received text instead (then read the diff in git).
/// </summary>
internal static class Approvals
{
    public const string AcceptVariable = "OPENAPI_ACCEPT_SNAPSHOTS";

    public static string SnapshotDirectory => Path.Combine(GeneratorHarness.RepositoryRoot, "tests", "Generator.Tests", "Snapshots");

    public static void Verify(string name, string actual)
    {
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        string verifiedPath = Path.Combine(SnapshotDirectory, name + ".verified.cs");
        string receivedPath = Path.Combine(SnapshotDirectory, name + ".received.cs");
        Directory.CreateDirectory(Path.GetDirectoryName(verifiedPath)!);

        if (Accepting(Environment.GetEnvironmentVariable(AcceptVariable), Requires.InCi))
        {
            File.WriteAllText(verifiedPath, actual);
            File.Delete(receivedPath);
            return;
        }

        string? expected = File.Exists(verifiedPath) ? File.ReadAllText(verifiedPath).Replace("\r\n", "\n", StringComparison.Ordinal) : null;
        if (expected == actual)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, actual);
        Assert.Fail(expected is null
            ? $"No approved snapshot {verifiedPath}. Read {receivedPath}; to accept it, run the tests with {AcceptVariable}=1."
            : $"{name} differs from its approved snapshot (received: {receivedPath}; accept with {AcceptVariable}=1):\n{Diff(expected, actual)}");
    }

    /// <summary>True when <paramref name="accept"/> (the variable's value) is 1; under CI a failure, for a run that rewrote the snapshots would pass having checked nothing.</summary>
    internal static bool Accepting(string? accept, bool inCi)
    {
        if (accept != "1")
        {
            return false;
        }

        if (inCi)
        {
            Assert.Fail($"{AcceptVariable}=1 under CI=true: CI checks snapshots and never rewrites them (accept them locally, read the diff, commit).");
        }

        return true;
    }

    private static string Diff(string expected, string actual)
    {
        DiffPaneModel model = InlineDiffBuilder.Diff(expected, actual);
        var text = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < model.Lines.Count && shown < 60; i++)
        {
            DiffPiece line = model.Lines[i];
            if (line.Type is ChangeType.Inserted or ChangeType.Deleted)
            {
                text.Append(line.Type == ChangeType.Inserted ? "+ " : "- ").Append(line.Position).Append(": ").AppendLine(line.Text);
                shown++;
            }
        }

        return text.ToString();
    }
}
