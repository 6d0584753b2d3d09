using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace OpenApiSdk.Generator.Diagnostics;

/// <summary>
/// Every diagnostic the generator reports, in one table. IDs are listed in AnalyzerReleases.*.md and explained in
/// DIAGNOSTICS.md. The severity says what the user can do (see DIAGNOSTICS.md): an error means no SDK can be made
/// from the file or project; a warning, that the SDK does less than the spec says; an info, that the spec has a
/// defect the generator resolves by the documented rule the message names.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "OpenApiSdk";

    // No help link: the project has no public page to point at. The package ships DIAGNOSTICS.md instead.
    private const string WhereToRead = " See DIAGNOSTICS.md in the OpenApiSdk.Generator package for every diagnostic and the rule it follows.";

    public static readonly DiagnosticDescriptor YamlSyntax = Error(
        "OAS001", "The spec is not valid YAML or JSON", "{0}: {1}", "Fix the syntax at the position shown (a .json file is read as JSON, anything else as YAML).");

    public static readonly DiagnosticDescriptor NotOpenApi3 = Error(
        "OAS002", "The file is not a Swagger 2.0 or OpenAPI 3.0, 3.1 or 3.2 document", "{0}", "Convert the document to OpenAPI 3.0, 3.1 or 3.2 (or Swagger 2.0).");

    public static readonly DiagnosticDescriptor UnresolvedRef = Warning(
        "OAS003", "A $ref cannot be resolved", "The $ref '{0}' points at nothing in this document; the value is typed as JsonElement and not checked", "Correct the JSON Pointer after '#', or add the missing component.");

    public static readonly DiagnosticDescriptor ExternalRef = Warning(
        "OAS004", "External $ref is not supported", "The $ref '{0}' points to another file (no $id or $self of this document declares its URI); the generator reads only this document, so the value is typed as JsonElement and not checked", "Bundle the spec into one file (for example with 'redocly bundle').");

    public static readonly DiagnosticDescriptor DuplicateOperationId = Info(
        "OAS005", "Duplicate operationId", "The operationId '{0}' is already used by {1}; operationIds must be unique, so this operation is generated as '{2}'", "Give each operation its own operationId to choose the method names yourself.");

    public static readonly DiagnosticDescriptor InvalidPattern = Warning(
        "OAS006", "A pattern is not a valid regular expression", "The pattern '{0}' is not a valid regular expression: {1}; values are not checked against it", "Fix the regular expression; the rule is left out until it parses.");

    public static readonly DiagnosticDescriptor ContradictoryConstraints = Warning(
        "OAS007", "Constraints contradict each other", "{0}", "No value can satisfy the schema; the contradicting keywords are not checked until the bounds, the const or the enum values are corrected.");

    public static readonly DiagnosticDescriptor InvalidEnumOrDefault = Info(
        "OAS008", "An enum or default value breaks its schema", "{0}", "The value is left out, which changes nothing the schema allows: an enum value no valid value can equal is not checked for, a default the schema rejects is not documented (a const of the wrong type, or an enum with no valid value, is OAS007).");

    public static readonly DiagnosticDescriptor UndefinedRequiredProperty = Info(
        "OAS009", "A required property is not defined", "The property '{0}' is listed in 'required' but not defined in 'properties' of {1}; it is required all the same, and its value is kept in AdditionalProperties", "Define the property in 'properties' to give it a typed C# property.");

    public static readonly DiagnosticDescriptor UnsupportedConstruct = Warning(
        "OAS010", "An OpenAPI construct is not supported", "{0} is not supported yet and is left out: {1}", "The rest of the SDK is generated; remove the construct or handle it in hand-written code.");

    public static readonly DiagnosticDescriptor InvalidMetadata = Error(
        "OAS011", "An OpenApiSpec metadata value is not valid", "The {0} '{1}' is not a valid C# {2}", "Set the OpenApiSpec item's metadata to a valid C# name.");

    public static readonly DiagnosticDescriptor NameCollision = Info(
        "OAS012", "Names map to the same C# identifier", "{0} '{1}' maps to the C# name '{2}', which is taken; it is named '{3}'", "Rename one of the schema or property names to choose the names yourself.");

    public static readonly DiagnosticDescriptor LanguageVersionTooLow = Error(
        "OAS013", "The C# language version is too low for the generated code", "The generated SDK needs C# {0} or later, but the project uses C# {1}; set <LangVersion>{0}</LangVersion> (or 'latest') in the project file", "Raise LangVersion in the project file.");

    public static readonly DiagnosticDescriptor InvalidSchema = Warning(
        "OAS014", "A schema or operation is malformed and left out", "{0}", "Fix the spec at the position shown; until then the element is left out or typed as JsonElement, as the message says.");

    public static readonly DiagnosticDescriptor IgnoredValue = Info(
        "OAS015", "A malformed value is ignored", "{0}", "The value has no meaning OpenAPI or JSON Schema defines, so it is ignored as the message says; the rest of the element is generated. Fix it at the position shown.");

    public static readonly DiagnosticDescriptor FilterMatchesNothing = Warning(
        "OAS016", "An operation filter entry matches nothing", "The {0} entry '{1}' matches no {2} in this spec; nothing is generated for it", "Correct the entry: tags and schema names are matched exactly (case-sensitive), paths against patterns in which * stands for any characters within a segment and ** for any characters.");

    public static readonly DiagnosticDescriptor UnrecognizedMetadata = Warning(
        "OAS017", "An OpenApiSpec metadata value is not recognised", "The {0} '{1}' is not {2}; {3}", "Set the OpenApiSpec item's metadata to one of the values the message names.");

    public static readonly DiagnosticDescriptor InternalError = Error(
        "OAS000", "The generator failed on this spec", "The generator failed on this spec: {0}", "This is a bug in the generator; please report it with the spec.");

    // Paging, links and jobs (ClientHelperResolver). Kept together at the end of the table.
    public static readonly DiagnosticDescriptor PagedList = Info(
        "OAS020", "A list operation is paged", "{0} is a paged list ({1}): {2} returns the items of '{3}' from every page", "Nothing to fix. To declare the paging yourself, or to turn it off, set 'x-pagination' on the operation (see PACKAGE-README.md).");

    public static readonly DiagnosticDescriptor LinkDocumented = Info(
        "OAS021", "A link is documented, not followed by a generated method", "The link '{0}' of the {1} response of {2} is described in the operation's documentation but has no generated method: {3}", "A link becomes a Follow method when its target operation exists, every parameter value is a $response.body pointer, a $request value or a constant, and its types fit.");

    public static readonly DiagnosticDescriptor ExtensionNotApplied = Warning(
        "OAS022", "A paging, job or long-running-operation extension cannot be applied", "{0}; {1}", "Correct the extension so that it names members and parameters the operation has (see PACKAGE-README.md).");

    public static readonly DiagnosticDescriptor OnlyArraysAccepted = Info(
        "OAS023", "A schema with 'items' and no 'type' is read as an array", "{0}", "Nothing to fix if only arrays are meant (add 'type: array' to say so); to accept values of other JSON types, list them in 'type'.");

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = Index(
        InternalError, YamlSyntax, NotOpenApi3, UnresolvedRef, ExternalRef, DuplicateOperationId, InvalidPattern, ContradictoryConstraints,
        InvalidEnumOrDefault, UndefinedRequiredProperty, UnsupportedConstruct, InvalidMetadata, NameCollision,
        LanguageVersionTooLow, InvalidSchema, IgnoredValue, FilterMatchesNothing, UnrecognizedMetadata, PagedList, LinkDocumented, ExtensionNotApplied, OnlyArraysAccepted);

    public static IEnumerable<DiagnosticDescriptor> All => ById.Values;

    public static DiagnosticDescriptor Get(string id) => ById[id];

    private static DiagnosticDescriptor Error(string id, string title, string message, string help) =>
        Create(id, title, message, help, DiagnosticSeverity.Error);

    private static DiagnosticDescriptor Warning(string id, string title, string message, string help) =>
        Create(id, title, message, help, DiagnosticSeverity.Warning);

    private static DiagnosticDescriptor Info(string id, string title, string message, string help) =>
        Create(id, title, message, help, DiagnosticSeverity.Info);

    private static DiagnosticDescriptor Create(string id, string title, string message, string help, DiagnosticSeverity severity) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true, description: help + WhereToRead);

    private static Dictionary<string, DiagnosticDescriptor> Index(params DiagnosticDescriptor[] descriptors)
    {
        var index = new Dictionary<string, DiagnosticDescriptor>(System.StringComparer.Ordinal);
        foreach (DiagnosticDescriptor descriptor in descriptors)
        {
            index.Add(descriptor.Id, descriptor);
        }

        return index;
    }
}
