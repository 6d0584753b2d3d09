using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using System.Threading;
using OpenApiSdk.Tests.Harness;

namespace OpenApiSdk.ExampleTests;

/// <summary>
/// Runs <c>ajv/check-examples.js</c> (ajv, an independent JSON Schema validator) over one spec and returns
/// its records. Installs the script's npm dependencies from the committed lock file on first use.
/// </summary>
internal static class AjvChecker
{
    private static readonly object InstallLock = new();

    public static string Folder => Path.Combine(GeneratorHarness.RepositoryRoot, "tests", "Generator.ExampleTests", "ajv");

    /// <summary>Why the checker cannot run here (no node on PATH), or null when it can.</summary>
    public static string? Unavailable()
    {
        if (FindOnPath("node") is null)
        {
            return "node is not on PATH: the examples are not checked";
        }

        return FindOnPath(Npm) is null && !Installed() ? "npm is not on PATH and ajv/node_modules is missing: the examples are not checked" : null;
    }

    private static string Npm => RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "npm.cmd" : "npm";

    private static bool Installed() =>
        File.Exists(Path.Combine(Folder, "node_modules", ".package-lock.json"))
        && File.Exists(Path.Combine(Folder, "node_modules", "ajv", "package.json"))
        && File.Exists(Path.Combine(Folder, "node_modules", "yaml", "package.json"))
        && File.Exists(Path.Combine(Folder, "node_modules", "ajv-formats", "package.json"));

    /// <summary>
    /// <c>npm ci</c> when node_modules is missing. Guarded by a lock in this process and by an exclusively
    /// opened lock file across processes (two test runs from one checkout at once).
    /// </summary>
    public static void EnsureInstalled()
    {
        lock (InstallLock)
        {
            if (Installed())
            {
                return;
            }

            string lockPath = Path.Combine(Folder, ".npm-ci.lock");
            DateTime giveUp = DateTime.UtcNow.AddMinutes(10);
            while (true)
            {
                FileStream? held = null;
                try
                {
                    held = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
                }
                catch (IOException) when (DateTime.UtcNow < giveUp)
                {
                    Thread.Sleep(500);
                    continue;
                }

                using (held)
                {
                    if (!Installed())
                    {
                        (int exit, string output, string error) = Run(Npm, new[] { "ci", "--no-audit", "--no-fund", "--loglevel=error" }, Folder, TimeSpan.FromMinutes(10));
                        if (exit != 0 || !Installed())
                        {
                            throw new InvalidOperationException("npm ci in " + Folder + " failed (exit " + exit + "):" + Environment.NewLine + output + error);
                        }
                    }

                    return;
                }
            }
        }
    }

    /// <summary>One record per example in <paramref name="specPath"/>, as printed by the script.</summary>
    public static List<JsonObject> Check(string specPath)
    {
        EnsureInstalled();
        (int exit, string output, string error) = Run("node", new[] { Path.Combine(Folder, "check-examples.js"), specPath }, Folder, TimeSpan.FromMinutes(10));
        if (exit != 0)
        {
            throw new InvalidOperationException("check-examples.js failed on " + specPath + " (exit " + exit + "):" + Environment.NewLine + error);
        }

        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!.AsObject()).ToList();
    }

    private static (int Exit, string Output, string Error) Run(string program, IEnumerable<string> arguments, string directory, TimeSpan limit)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + program);
        var error = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (error)
                {
                    error.AppendLine(e.Data);
                }
            }
        };
        process.BeginErrorReadLine();
        string output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(program + " did not finish within " + limit);
        }

        process.WaitForExit();
        lock (error)
        {
            return (process.ExitCode, output, error.ToString());
        }
    }

    private static string? FindOnPath(string program)
    {
        string[] directories = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return directories.Select(d => Path.Combine(d, program)).FirstOrDefault(File.Exists);
    }
}
