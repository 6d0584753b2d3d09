using System.ComponentModel;
using System.Text.RegularExpressions;

namespace OpenApiSdk.Runtime;

/// <summary>A schema's <c>pattern</c> (ECMA-262), compiled to a .NET regular expression on first use, with a timeout.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SchemaPattern
{
    private Regex? _regex;

    /// <summary>Creates the pattern; nothing is compiled yet.</summary>
    public SchemaPattern(string pattern) => Source = pattern ?? throw new System.ArgumentNullException(nameof(pattern));

    /// <summary>The pattern as the spec writes it.</summary>
    public string Source { get; }

    /// <summary>A JSON Schema pattern match: a search, not a whole-string match; running out of time counts as no match.</summary>
    public bool IsMatch(string value) => OpenApiRuntime.IsMatch(_regex ??= OpenApiRuntime.CreatePattern(OpenApiRuntime.DotNetPattern(Source)), value);
}
