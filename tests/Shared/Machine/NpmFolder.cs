using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Threading;

namespace OpenApiSdk.Tests.Harness;

/// <summary>
/// A folder of the repository with a <c>package.json</c> and a committed <c>package-lock.json</c> whose npm
/// packages a test uses (ajv for the example check, Prism for the client tests). They are installed with
/// <c>npm ci</c> from the lock file on first use, so every machine gets the same versions from the project's own files.
/// </summary>
public static class NpmFolder
{
    private static readonly object InstallLock = new();

    public static string Npm => RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "npm.cmd" : "npm";

    /// <summary>node_modules holds every dependency that package.json names.</summary>
    public static bool IsInstalled(string folder)
    {
        if (!File.Exists(Path.Combine(folder, "node_modules", ".package-lock.json")))
        {
            return false;
        }

        using JsonDocument package = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "package.json")));
        IEnumerable<string> names = package.RootElement.TryGetProperty("dependencies", out JsonElement dependencies)
            ? dependencies.EnumerateObject().Select(p => p.Name)
            : Enumerable.Empty<string>();
        return names.All(name => File.Exists(Path.Combine(folder, "node_modules", name, "package.json")));
    }

    /// <summary>
    /// <c>npm ci</c> when node_modules is incomplete. Install scripts are not run (<c>--ignore-scripts</c>): the
    /// packages used are plain JavaScript, and one of Prism's dependencies would send usage data from its script.
    /// Guarded by a lock in this process and by an exclusively opened lock file across processes (two test
    /// projects, or two runs from one checkout, at once).
    /// </summary>
    public static void EnsureInstalled(string folder)
    {
        lock (InstallLock)
        {
            if (IsInstalled(folder))
            {
                return;
            }

            string lockPath = Path.Combine(folder, ".npm-ci.lock");
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
                    if (!IsInstalled(folder))
                    {
                        (int exit, string output, string error) = Run(Npm, new[] { "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error" }, folder, TimeSpan.FromMinutes(10));
                        if (exit != 0 || !IsInstalled(folder))
                        {
                            throw new InvalidOperationException("npm ci in " + folder + " failed (exit " + exit + "):" + Environment.NewLine + output + error);
                        }
                    }

                    return;
                }
            }
        }
    }

    /// <summary>Runs a program to its end (killed after <paramref name="limit"/>) and returns its exit code and output.</summary>
    public static (int Exit, string Output, string Error) Run(string program, IEnumerable<string> arguments, string directory, TimeSpan limit)
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
        var error = new StringBuilder();
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
        System.Threading.Tasks.Task<string> output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(program + " did not finish within " + limit);
        }

        process.WaitForExit();
        lock (error)
        {
            return (process.ExitCode, output.GetAwaiter().GetResult(), error.ToString());
        }
    }
}
