using OpenApiSdk.Generator.Diagnostics;
using OpenApiSdk.Generator.Model;

namespace OpenApiSdk.Generator.Building;

/// <summary>One spec file and its <c>OpenApiSpec</c> metadata, as read from the compilation's inputs.</summary>
/// <param name="Path">The file path, for diagnostics only.</param>
/// <param name="Namespace">The <c>Namespace</c> metadata, or null for the default.</param>
/// <param name="ClientName">The <c>ClientName</c> metadata, or null to derive it from <c>info.title</c>.</param>
/// <param name="DefaultNamespace">The project's root namespace, used when <paramref name="Namespace"/> is not set.</param>
internal sealed record SpecInput(string Path, string Text, string? Namespace, string? ClientName, string DefaultNamespace)
{
    /// <summary>The <c>IncludeTags</c>/<c>IncludePaths</c>/<c>IncludeSchemas</c> metadata, or null to generate everything.</summary>
    public OperationFilter? Filter { get; init; }

    /// <summary>The <c>ValidateFormats</c> metadata as written (null when not set): <c>false</c> makes <c>format</c> an annotation only.</summary>
    public string? ValidateFormats { get; init; }
}

/// <summary>What parsing one spec gives: the model to emit from (null when nothing can be emitted) and the diagnostics.</summary>
internal sealed record SpecParseResult(ApiModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);
