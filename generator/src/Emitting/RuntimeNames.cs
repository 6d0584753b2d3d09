using System;

namespace OpenApiSdk.Generator.Emitting;

/// <summary>
/// The runtime library (generator/runtime, shipped in the package's lib/) is referenced by full name
/// (<see cref="TypeSyntax.Sdk"/>, <see cref="TypeSyntax.Runtime"/>), so schema names cannot hide it; only a spec
/// generated into the runtime's own namespaces would declare a type the runtime already has.
/// </summary>
internal static class RuntimeNames
{
    private static readonly string[] PublicTypes =
    {
        "ValidationError", "ValidationException", "ApiException",
        "SchemaLengthAttribute", "SchemaItemsAttribute", "SchemaPatternAttribute", "SchemaFormatAttribute", "SchemaRangeAttribute", "MultipleOfAttribute", "UniqueItemsAttribute",
        "SchemaEnumAttribute", "SchemaRulesAttribute", "ApiClientOptions", "RetryOptions", "RequestOptions", "ApiResponse", "FileContent", "OpenApiModel", "OpenApiObject", "OpenApiUnion",
    };

    private static readonly string[] HelperTypes =
    {
        "ValidationCollector", "IOpenApiModel", "IOpenApiEnumValue", "OpenApiRuntime", "ClientPipeline", "ClientRequest", "RequestBody", "MultipartBody",
        "RequestJson", "ReadJson", "ReceivedResponse", "ResponseMap", "CredentialKind", "CredentialScheme", "IClientLog", "ClientLogLevel", "ClientLogEntry",
        "IObjectMembers", "IUnionRules", "Validation", "ItemCheck", "FormatChecks",
        "SchemaPattern", "Values", "ModelHash", "ModelText", "Json", "JsonItem", "JsonNames", "JsonMember", "JsonMemberWriter",
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
