using System;
using System.Threading;
using OpenApiSdk.Generator.Diagnostics;
using OpenApiSdk.Generator.Emitting;
using OpenApiSdk.Generator.Model;
using OpenApiSdk.Generator.Naming;
using OpenApiSdk.Generator.Yaml;

namespace OpenApiSdk.Generator.Building;

/// <summary>The parse stage: YAML or JSON text in, equatable <see cref="ApiModel"/> and diagnostics out.</summary>
internal static class SpecParser
{
    public static SpecParseResult Parse(SpecInput input, CancellationToken cancellationToken)
    {
        var diagnostics = new DiagnosticBag(input.Path);
        try
        {
            ApiModel? model = ParseCore(input, diagnostics, cancellationToken);
            return new SpecParseResult(model, diagnostics.ToArray());
        }
        catch (OperationCanceledException)
        {
            throw;
        }
#pragma warning disable CA1031 // The generator must never crash the compiler: an unexpected failure becomes a diagnostic.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            diagnostics.Report(DiagnosticDescriptors.InternalError, diagnostics.At(1, 1), ex.GetType().Name + ": " + ex.Message);
            return new SpecParseResult(null, diagnostics.ToArray());
        }
    }

    private static ApiModel? ParseCore(SpecInput input, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        string? @namespace = input.Namespace is { Length: > 0 } given ? given : input.DefaultNamespace;
        if (!Identifiers.IsValidNamespace(@namespace))
        {
            diagnostics.Report(DiagnosticDescriptors.InvalidMetadata, diagnostics.At(1, 1), "Namespace", @namespace, "namespace");
            return null;
        }

        if (input.ClientName is { Length: > 0 } clientName && !Identifiers.IsValidTypeName(clientName))
        {
            diagnostics.Report(DiagnosticDescriptors.InvalidMetadata, diagnostics.At(1, 1), "ClientName", clientName, "identifier");
            return null;
        }

        YamlReadResult read = SpecReader.Read(input.Path, input.Text, cancellationToken, out string format);
        if (read.Root is not { } root)
        {
            diagnostics.Report(DiagnosticDescriptors.YamlSyntax, diagnostics.At(read.Line, read.Column), "The spec is not valid " + format, read.Error ?? "unreadable");
            return null;
        }

        if (Swagger2Document.IsSwagger2(root))
        {
            // Read as the OpenAPI 3.0 document it converts to; the new nodes keep the 2.0 file's positions.
            root = Swagger2Document.Convert(root, diagnostics, cancellationToken);
        }

        if (!IsOpenApi3(root, input.Text, diagnostics, out bool isOpenApi31))
        {
            return null;
        }

        if (isOpenApi31)
        {
            root = RefSiblings.Apply(root); // $ref beside asserting keywords as the allOf it means (JSON Schema 2020-12)
        }

        string title = root.Get("info")?.GetString("title") ?? "Api";
        string client = input.ClientName is { Length: > 0 } named ? named : Identifiers.ToPascalCase(title) + "Client";
        var context = new SpecContext(@namespace, HintPrefix(input.Path), client, title);

        var typeNames = new NameScope(RuntimeNames.ReservedIn(@namespace));
        typeNames.Reserve(client);
        typeNames.Reserve("I" + client);
        typeNames.Reserve(client + "Options");
        typeNames.Reserve(client + "ServiceCollectionExtensions");
        foreach (string receiver in WebhookBuilder.ReservedTypeNames(client))
        {
            typeNames.Reserve(receiver);
        }
        typeNames.Reserve(client + "Extensions"); // the paging, link and job helpers (ClientHelperEmitter)

        // References resolve against the whole document; the builders see only what a filter keeps.
        var refs = new RefResolver(root, diagnostics);
        YamlNode document = input.Filter is { } filter ? FilteredDocument.Apply(root, filter, diagnostics, cancellationToken) : root;
        var schemas = new SchemaBuilder(diagnostics, refs, isOpenApi31, typeNames, cancellationToken, ValidateFormats(input, diagnostics));
        schemas.RegisterComponents(document);
        var sites = new OperationSites();
        ClientModel? clientModel = OperationBuilder.Build(document, context, schemas, diagnostics, cancellationToken, sites);
        ReceiverModel? receivers = WebhookBuilder.Build(document, context, schemas, diagnostics, cancellationToken);
        EquatableArray<TypeModel> types = schemas.BuildTypes();
        if (clientModel is not null)
        {
            clientModel = ClientHelperResolver.Resolve(clientModel, types, sites, refs, diagnostics, cancellationToken);
        }

        return new ApiModel(context, types, clientModel) { Receivers = receivers };
    }

    /// <summary>
    /// The <c>ValidateFormats</c> metadata: format assertion is the implementation's choice (JSON Schema 2020-12 §7.2);
    /// the SDK asserts unless it is <c>false</c>. Any other value than true/false is reported (OAS017) and asserts.
    /// </summary>
    private static bool ValidateFormats(SpecInput input, DiagnosticBag diagnostics)
    {
        string? value = input.ValidateFormats;
        if (value is null || string.Equals(value, "true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (string.Equals(value, "false", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        diagnostics.Report(DiagnosticDescriptors.UnrecognizedMetadata, diagnostics.At(1, 1), SpecInputReader.ValidateFormatsMetadata, value, "'true' or 'false'", "formats are checked, as by default");
        return true;
    }

    private static bool IsOpenApi3(YamlNode root, string source, DiagnosticBag diagnostics, out bool isOpenApi31)
    {
        isOpenApi31 = false;
        if (string.CompareOrdinal(source, source.Length > 0 && source[0] == '\uFEFF' ? 1 : 0, "#%RAML", 0, 6) == 0)
        {
            diagnostics.Report(DiagnosticDescriptors.NotOpenApi3, root, "This is a RAML document; only Swagger 2.0 and OpenAPI 3.0, 3.1 and 3.2 are supported");
            return false;
        }

        if (!root.IsMapping)
        {
            diagnostics.Report(DiagnosticDescriptors.NotOpenApi3, root, "The document's root must be a mapping with an 'openapi' field");
            return false;
        }

        if (root.Get("swagger") is { } swagger)
        {
            diagnostics.Report(DiagnosticDescriptors.NotOpenApi3, swagger, $"This is a Swagger {swagger.Value} document; only Swagger 2.0 and OpenAPI 3.0, 3.1 and 3.2 are supported");
            return false;
        }

        if (root.Get("swaggerVersion") is { } swaggerVersion)
        {
            diagnostics.Report(DiagnosticDescriptors.NotOpenApi3, swaggerVersion, $"This is a Swagger {swaggerVersion.Value} document; only Swagger 2.0 and OpenAPI 3.0, 3.1 and 3.2 are supported");
            return false;
        }

        YamlNode? version = root.Get("openapi");
        string? text = version?.Value;
        // 3.2 is read as 3.1 plus its own fields (the builders recognise those in any 3.x document); its schema dialect is 3.1's.
        if (text is null || !(text.StartsWith("3.0", StringComparison.Ordinal) || text.StartsWith("3.1", StringComparison.Ordinal) || text.StartsWith("3.2", StringComparison.Ordinal)))
        {
            diagnostics.Report(DiagnosticDescriptors.NotOpenApi3, version ?? root, text is null
                ? "The document has no 'openapi' field; an OpenAPI document starts with 'openapi: 3.2.0', 'openapi: 3.1.1' or 'openapi: 3.0.4'"
                : $"The 'openapi' version '{text}' is not supported; use 3.0.x, 3.1.x or 3.2.x");
            return false;
        }

        isOpenApi31 = !text.StartsWith("3.0", StringComparison.Ordinal); // 3.2's schemas are 3.1's (JSON Schema 2020-12)
        return true;
    }

    /// <summary>The spec's file name, restricted to characters hint names allow.</summary>
    private static string HintPrefix(string path)
    {
        int slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
        string name = path.Substring(slash + 1);
        int dot = name.LastIndexOf('.');
        if (dot > 0)
        {
            name = name.Substring(0, dot);
        }

        var builder = new System.Text.StringBuilder(name.Length);
        foreach (char c in name)
        {
            builder.Append(c < 128 && (char.IsLetterOrDigit(c) || c is '-' or '_' or '.') ? c : '_');
        }

        return builder.Length == 0 ? "spec" : builder.ToString();
    }
}
