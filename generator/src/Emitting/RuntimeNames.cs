using System;
using System.Linq;
using OpenApiSdk.Common;

namespace OpenApiSdk.Generator.Emitting;

/// <summary>
/// The runtime library (generator/runtime, shipped in the package's lib/) is referenced by full name
/// (<see cref="TypeSyntax.Sdk"/>, <see cref="TypeSyntax.Runtime"/>), so schema names cannot hide it; only a spec
/// generated into the runtime's own namespaces would declare a type the runtime already has.
/// </summary>
internal static class RuntimeNames
{
    /// <summary>The runtime's static helpers (<c>OpenApiSdk.Runtime.OpenApiRuntime</c>), qualified.</summary>
    public const string OpenApiRuntime = TypeSyntax.Runtime + "OpenApiRuntime";

    /// <summary>
    /// The runtime members generated code calls, by type: the emitter↔runtime contract. <c>RuntimeContractTests</c> finds
    /// each one in the runtime assembly by reflection (so renaming or removing one fails a test, not a user's build), and
    /// checks that every call in generated code and every check of the <see cref="Validation.Catalogue"/> is listed here.
    /// </summary>
    public static readonly (string Type, string[] Members)[] Called =
    {
        ("OpenApiSdk.Runtime.Validation", new[]
        {
            "AnyOf", "Date", "DefaultDiscriminator", "Discriminator", "Email", "Enter", "Exit", "ExclusiveMaximum", "ExclusiveMinimum", "IPv4", "IPv6", "Items",
            "JsonType", "Known", "MaxItems", "MaxLength", "MaxProperties", "Maximum", "MinItems", "MinLength", "MinProperties", "Minimum",
            "Model", "Models", "MultipleOf", "NoAdditionalProperties", "NoNullItems", "NoUnevaluatedProperties", "NotNull", "OneOf", "Pattern",
            "Required", "RequiredValue", "Rule", "That", "UnevaluatedProperties", "UniqueItems", "Uri",
            // the JSON-value validator's (Validation.JsonValues.cs)
            "AdditionalProperties", "Apply", "Contains", "DependentRequired", "HasMember", "Holds", "ItemsFrom", "JsonValue", "ModelJson", "PatternProperties",
            "PrefixItem", "Property", "PropertyNames", "RequiredMember", "UnevaluatedItems",
        }.Concat(StringFormats.All.Select(f => f.Check)).Distinct(StringComparer.Ordinal).ToArray()),
        ("OpenApiSdk.Runtime.OpenApiRuntime", new[]
        {
            "AllUnique", "ArrayLengthOf", "ArrayOf", "BooleanOf", "CreatePattern", "DoubleOf", "Int64Of", "IsJsonType", "IsMatch", "IsMultipleOf",
            "JsonIsBoolean", "JsonIsNull", "JsonIsNumber", "JsonIsString", "JsonIsValue", "Length", "PropertyCountOf", "ReadElement", "ReadEnd", "ReadRootValue", "StringOf",
        }),
        ("OpenApiSdk.Runtime.FormatChecks", StringFormats.All.Select(f => "Is" + f.Check).ToArray()),
        ("OpenApiSdk.Runtime.RequestValues", new[] { "Check" }),
    };

    private static readonly string[] PublicTypes =
    {
        "ValidationError", "ValidationException", "ApiException",
        "SchemaLengthAttribute", "SchemaItemsAttribute", "SchemaPatternAttribute", "SchemaFormatAttribute", "SchemaRangeAttribute", "MultipleOfAttribute", "UniqueItemsAttribute",
        "SchemaEnumAttribute", "SchemaRulesAttribute", "ApiClientOptions", "RetryOptions", "RequestOptions", "ApiResponse", "ApiStreamResponse", "FileContent", "OpenApiModel", "OpenApiObject", "OpenApiUnion",
    };

    private static readonly string[] HelperTypes =
    {
        "ValidationCollector", "IOpenApiModel", "IOpenApiEnumValue", "OpenApiRuntime", "ClientPipeline", "ClientRequest", "RequestBody", "RequestItems", "MultipartBody",
        "RequestJson", "RequestValues", "ReadJson", "ReceivedResponse", "ResponseMap", "CredentialKind", "CredentialScheme", "IClientLog", "ClientLogLevel", "ClientLogEntry",
        "IObjectMembers", "IUnionRules", "IUnionJson", "Validation", "ItemCheck", "JsonEvaluated", "JsonAnnotatedCheck", "FormatChecks",
        "IObjectSubtypes", "IObjectDefaultSubtype", "StreamItems", "LongRunningOperation", "LongRunningFinalState", "SchemaPattern", "Values", "Json", "JsonItem", "JsonNames", "JsonMember", "JsonMemberWriter",
        "ModelJsonConverter", "EnumJsonConverter", "UnionJsonConverter", "UnionShape", "UnionAlternative",
    };

    private static readonly string[] SigningTypes = { "IRequestSigner", "AkSkSigner", "AkSkSignature", "AkSkVerifier", "AkSkVerification" };

    /// <summary>Type names a spec generated into <paramref name="namespace"/> must not use.</summary>
    public static string[] ReservedIn(string @namespace) => @namespace switch
    {
        "OpenApiSdk" => PublicTypes,
        "OpenApiSdk.Runtime" => HelperTypes,
        "OpenApiSdk.Signing" => SigningTypes,
        _ => Array.Empty<string>(),
    };
}
