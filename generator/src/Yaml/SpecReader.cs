using System;
using System.IO;
using System.Threading;

namespace OpenApiSdk.Generator.Yaml;

/// <summary>
/// Reads a spec file as JSON or YAML. A <c>.json</c> file is JSON and a <c>.yaml</c>/<c>.yml</c> file YAML; a file
/// named otherwise is JSON when its first non-blank character is <c>{</c>, and falls back to YAML when it is not
/// valid JSON (a YAML flow mapping also starts with <c>{</c>).
/// </summary>
internal static class SpecReader
{
    public static YamlReadResult Read(string path, string text, CancellationToken cancellationToken, out string format)
    {
        string extension = Extension(path);
        bool named = extension is ".json" or ".yaml" or ".yml";
        if (named ? extension != ".json" : !StartsLikeJson(text))
        {
            format = "YAML";
            return YamlReader.Read(text, cancellationToken);
        }

        format = "JSON";
        YamlReadResult json;
        try
        {
            json = JsonReader.Read(text, cancellationToken);
        }
        catch (Exception ex) when (ex is FileNotFoundException or FileLoadException)
        {
            // A host whose compiler can lend no System.Text.Json, and where the copy beside the generator does not
            // load either: JSON is YAML, so the YAML reader gives the same nodes, only slower.
            format = "YAML";
            return YamlReader.Read(text, cancellationToken);
        }

        if (json.Root is null && !named)
        {
            YamlReadResult yaml = YamlReader.Read(text, cancellationToken);
            if (yaml.Root is not null)
            {
                format = "YAML";
                return yaml;
            }
        }

        return json;
    }

    private static string Extension(string path)
    {
        int slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
        int dot = path.LastIndexOf('.');
        return dot > slash ? path.Substring(dot).ToLowerInvariant() : string.Empty;
    }

    private static bool StartsLikeJson(string text)
    {
        foreach (char c in text)
        {
            if (c is not (' ' or '\t' or '\r' or '\n' or '\uFEFF'))
            {
                return c == '{';
            }
        }

        return false;
    }
}
