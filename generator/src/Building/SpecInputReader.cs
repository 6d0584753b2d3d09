using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace OpenApiSdk.Generator.Building;

/// <summary>Picks the additional files that are <c>OpenApiSpec</c> items and reads their text and metadata.</summary>
internal static class SpecInputReader
{
    public const string SpecMetadata = "build_metadata.AdditionalFiles.OpenApiSpec";
    public const string NamespaceMetadata = "build_metadata.AdditionalFiles.Namespace";
    public const string ClientNameMetadata = "build_metadata.AdditionalFiles.ClientName";
    public const string MetadataPrefix = "build_metadata.AdditionalFiles.";
    public const string ValidateFormatsMetadata = "ValidateFormats";

    public static SpecInput? Read(AdditionalText file, AnalyzerConfigOptionsProvider optionsProvider, CancellationToken cancellationToken)
    {
        AnalyzerConfigOptions options = optionsProvider.GetOptions(file);
        if (!options.TryGetValue(SpecMetadata, out string? isSpec) || !string.Equals(isSpec, "true", System.StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        SourceText? text = file.GetText(cancellationToken);
        options.TryGetValue(NamespaceMetadata, out string? @namespace);
        options.TryGetValue(ClientNameMetadata, out string? clientName);
        string defaultNamespace = optionsProvider.GlobalOptions.TryGetValue("build_property.RootNamespace", out string? root) && root.Length > 0
            ? root
            : "OpenApi.Generated";
        return new SpecInput(file.Path, text?.ToString() ?? string.Empty, Trim(@namespace), Trim(clientName), defaultNamespace)
        {
            Filter = OperationFilter.From(Metadata(options, OperationFilter.TagsMetadata), Metadata(options, OperationFilter.PathsMetadata), Metadata(options, OperationFilter.SchemasMetadata)),
            ValidateFormats = Trim(Metadata(options, ValidateFormatsMetadata)),
        };
    }

    private static string? Metadata(AnalyzerConfigOptions options, string name) =>
        options.TryGetValue(MetadataPrefix + name, out string? value) ? value : null;

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
}
