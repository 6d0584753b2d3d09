using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace OpenApiSdk.PackageTests;

/// <summary>The result of one <c>dotnet</c> command: exit code and the combined output.</summary>
public sealed record CliResult(string Command, int ExitCode, string Output)
{
    private static readonly Regex Diagnostic = new(@": (?<severity>error|warning) (?<id>[A-Z]+[0-9]+): ", RegexOptions.CultureInvariant);

    /// <summary>Distinct error lines (MSBuild repeats each one in its closing summary).</summary>
    public IReadOnlyList<string> Errors => Lines("error");

    /// <summary>Distinct warning lines.</summary>
    public IReadOnlyList<string> Warnings => Lines("warning");

    /// <summary>The ids of the distinct errors, e.g. OAS013 or CS1061.</summary>
    public IReadOnlyList<string> ErrorIds => Errors.Select(line => Diagnostic.Match(line).Groups["id"].Value).ToList();

    public override string ToString() => "$ " + Command + " (exit " + ExitCode + ")" + Environment.NewLine + Output;

    private List<string> Lines(string severity) => Output
        .Split('\n')
        .Select(line => line.Trim())
        .Where(line => Diagnostic.Match(line) is { Success: true } match && match.Groups["severity"].Value == severity)
        .Distinct(StringComparer.Ordinal)
        .ToList();
}

/// <summary>
/// Runs the <c>dotnet</c> CLI the way a user would, with the NuGet cache isolated, no build servers or
/// reused nodes left behind, and none of the MSBuild variables the test host inherited from <c>dotnet test</c>.
/// </summary>
public static class DotNetCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    /// <summary>Options every build and pack gets: no node reuse, no compiler or MSBuild server.</summary>
    public static readonly string[] BuildOptions = { "-nodeReuse:false", "--disable-build-servers", "-v:minimal" };

    public static CliResult Run(string workingDirectory, string packagesDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(DotNetExecutable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (string name in Environment.GetEnvironmentVariables().Keys.Cast<object>().Select(key => (string)key))
        {
            if (name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
            {
                start.Environment.Remove(name);
            }
        }

        start.Environment["NUGET_PACKAGES"] = packagesDirectory;
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["UseSharedCompilation"] = "false";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        string command = "dotnet " + string.Join(' ', arguments);
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException(command + " did not finish within " + Timeout + ":" + Environment.NewLine + Text(output));
        }

        process.WaitForExit();
        return new CliResult(command, process.ExitCode, Text(output));
    }

    private static string DotNetExecutable =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && System.IO.File.Exists(host) ? host : "dotnet";

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
