using System;
using System.Collections.Generic;
using System.Threading;
using OpenApiSdk.Generator.Diagnostics;
using OpenApiSdk.Generator.Model;
using OpenApiSdk.Generator.Yaml;

namespace OpenApiSdk.Generator.Building;

/// <summary>
/// The <c>IncludeTags</c>, <c>IncludePaths</c> and <c>IncludeSchemas</c> metadata of an <c>OpenApiSpec</c> item: an
/// operation is kept when one of its tags is listed or its path matches a pattern, and the component schemas kept are
/// those the kept operations reach plus those named. Null on <see cref="SpecInput"/> when none is set.
/// </summary>
internal sealed record OperationFilter(EquatableArray<string> Tags, EquatableArray<string> Paths, EquatableArray<string> Schemas)
{
    public const string TagsMetadata = "IncludeTags";
    public const string PathsMetadata = "IncludePaths";
    public const string SchemasMetadata = "IncludeSchemas";

    public static OperationFilter? From(string? tags, string? paths, string? schemas)
    {
        var filter = new OperationFilter(Split(tags), Split(paths), Split(schemas));
        return filter.Tags.IsEmpty && filter.Paths.IsEmpty && filter.Schemas.IsEmpty ? null : filter;
    }

    /// <summary>
    /// Entries are separated by <c>,</c> or <c>;</c>. The package's targets turn <c>;</c> into <c>,</c>, because older
    /// compilers read a <c>;</c> in an analyzer config value as the start of a comment.
    /// </summary>
    private static EquatableArray<string> Split(string? list)
    {
        if (string.IsNullOrWhiteSpace(list))
        {
            return EquatableArray<string>.Empty;
        }

        var entries = new List<string>();
        foreach (string part in list!.Split(',', ';'))
        {
            string entry = part.Trim();
            if (entry.Length > 0 && !entries.Contains(entry))
            {
                entries.Add(entry);
            }
        }

        return entries.ToEquatableArray();
    }

    /// <summary>
    /// True when <paramref name="path"/> (a path template as the spec writes it) matches <paramref name="pattern"/>:
    /// <c>*</c> stands for any characters within one segment, <c>**</c> for any characters, <c>/</c> included.
    /// </summary>
    public static bool PathMatches(string pattern, string path)
    {
        // matches[j]: pattern[..i] matches path[..j]; one row per pattern position, O(pattern × path).
        var matches = new bool[path.Length + 1];
        matches[0] = true;
        for (int i = 0; i < pattern.Length; i++)
        {
            bool doubleStar = pattern[i] == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*';
            if (pattern[i] == '*')
            {
                // A star extends every match it starts from over the characters it may stand for.
                for (int j = 1; j <= path.Length; j++)
                {
                    matches[j] |= matches[j - 1] && (doubleStar || path[j - 1] != '/');
                }

                if (doubleStar)
                {
                    i++;
                }

                continue;
            }

            for (int j = path.Length; j >= 1; j--)
            {
                matches[j] = matches[j - 1] && path[j - 1] == pattern[i];
            }

            matches[0] = false;
        }

        return matches[path.Length];
    }
}
