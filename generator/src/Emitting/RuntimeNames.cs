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
        "SchemaLengthAttribute", "SchemaItemsAttribute", "SchemaPatternAttribute", "SchemaRangeAttribute", "MultipleOfAttribute", "UniqueItemsAttribute",
        "SchemaEnumAttribute", "SchemaRulesAttribute", "OpenApiModel", "OpenApiObject", "OpenApiUnion",
    };

    private static readonly string[] HelperTypes =
    {
        "ValidationCollector", "IOpenApiModel", "IOpenApiEnumValue", "IObjectMembers", "IUnionRules", "OpenApiRuntime", "Validation", "ItemCheck",
        "SchemaPattern", "Values", "ModelHash", "ModelText", "Json", "JsonItem", "JsonNames", "JsonMember", "JsonMemberWriter",
        "ModelJsonConverter", "EnumJsonConverter", "UnionJsonConverter", "UnionShape", "UnionAlternative",
    };

    /// <summary>Type names a spec generated into <paramref name="namespace"/> must not use.</summary>
    public static string[] ReservedIn(string @namespace) => @namespace switch
    {
        "OpenApiSdk" => PublicTypes,
        "OpenApiSdk.Runtime" => HelperTypes,
        _ => Array.Empty<string>(),
    };
}
