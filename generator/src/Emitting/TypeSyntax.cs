using System.Globalization;
using OpenApiSdk.Generator.Model;

namespace OpenApiSdk.Generator.Emitting;

/// <summary>How a property is stored, which decides its C# type, how presence is known, and what is written.</summary>
internal enum Storage
{
    /// <summary>JSON null is a valid value: a field plus an "is set" flag, so null and absent differ.</summary>
    Tracked,

    /// <summary>A required value type: a nullable field behind a non-nullable property, so "missing" is visible.</summary>
    RequiredValue,

    /// <summary>An optional value type: <c>T?</c>, null when absent.</summary>
    OptionalValue,

    /// <summary>A required reference type: non-nullable; null only when an invalid payload left it out.</summary>
    RequiredReference,

    /// <summary>An optional reference type: <c>T?</c>, null when absent.</summary>
    OptionalReference,
}

/// <summary>C# spellings of <see cref="TypeRef"/>s and property storage; everything external is <c>global::</c>-qualified.</summary>
internal static class TypeSyntax
{
    /// <summary>The runtime library's public namespace (errors, validation results, attributes), qualified.</summary>
    public const string Sdk = "global::OpenApiSdk.";

    /// <summary>The runtime library's namespace of helpers only generated code calls, qualified.</summary>
    public const string Runtime = "global::OpenApiSdk.Runtime.";

    public const string List = "global::System.Collections.Generic.List";
    public const string Dictionary = "global::System.Collections.Generic.Dictionary";
    public const string JsonElement = "global::System.Text.Json.JsonElement";
    public const string Reader = "global::System.Text.Json.Utf8JsonReader";
    public const string Writer = "global::System.Text.Json.Utf8JsonWriter";
    public const string TokenType = "global::System.Text.Json.JsonTokenType";
    public const string GeneratedCode = "[global::System.CodeDom.Compiler.GeneratedCode(\"OpenApiSdk.Generator\", \"" + GeneratorInfo.Version + "\")]";

    /// <param name="qualifier">Prefix for generated type names (<c>global::Namespace.</c>), or empty.</param>
    public static string Of(TypeRef type, string qualifier = "") => type.Kind switch
    {
        TypeRefKind.String => "string",
        TypeRefKind.Int32 => "int",
        TypeRefKind.Int64 => "long",
        TypeRefKind.Single => "float",
        TypeRefKind.Double => "double",
        TypeRefKind.Decimal => "decimal",
        TypeRefKind.Boolean => "bool",
        TypeRefKind.DateTimeOffset => "global::System.DateTimeOffset",
        TypeRefKind.Guid => "global::System.Guid",
        TypeRefKind.Bytes => "byte[]",
        TypeRefKind.Model or TypeRefKind.Enum or TypeRefKind.Union => type.ModelName!,
        TypeRefKind.Array => List + "<" + Nullable(type.Element!, type.ElementAllowsNull && type.Element!.Kind != TypeRefKind.Any) + ">",
        TypeRefKind.Map => Dictionary + "<string, " + Nullable(type.Element!, type.ElementAllowsNull && type.Element!.Kind != TypeRefKind.Any) + ">",
        _ => JsonElement,
    };

    public static string Nullable(TypeRef type, bool nullable, string qualifier = "") =>
        nullable ? Of(type, qualifier) + "?" : Of(type, qualifier); // a JsonElement item holds JSON null itself; an optional JsonElement property is JsonElement?

    public static Storage StorageOf(PropertyModel property)
    {
        if (property.AllowsNull && property.Type.Kind != TypeRefKind.Any)
        {
            return Storage.Tracked;
        }

        if (property.Type.IsValueType)
        {
            return property.Required ? Storage.RequiredValue : Storage.OptionalValue;
        }

        return property.Required ? Storage.RequiredReference : Storage.OptionalReference;
    }

    /// <summary>The field behind a property that has one (tracked and required value-typed properties).</summary>
    public static string Field(PropertyModel property) => "_" + property.Name;

    public static string IsSetField(PropertyModel property) => "__isSet" + property.Name;

    /// <summary>An expression that is true when the property was given a value (null included, for tracked ones).</summary>
    public static string Present(string owner, PropertyModel property) => StorageOf(property) switch
    {
        Storage.Tracked => owner + IsSetField(property),
        Storage.RequiredValue => owner + Field(property) + ".HasValue",
        _ => owner + property.Name + " is not null",
    };

    /// <summary>The negation of <see cref="Present"/>.</summary>
    public static string Absent(string owner, PropertyModel property) => StorageOf(property) switch
    {
        Storage.Tracked => "!" + owner + IsSetField(property),
        Storage.RequiredValue => "!" + owner + Field(property) + ".HasValue",
        _ => owner + property.Name + " is null",
    };

    /// <summary>An expression that is true when a present property holds JSON null (only tracked ones can).</summary>
    public static string? PresentButNull(string owner, PropertyModel property) =>
        StorageOf(property) == Storage.Tracked ? owner + Field(property) + " is null" : null;

    /// <summary>The non-null value of a present property.</summary>
    public static string Value(string owner, PropertyModel property) => StorageOf(property) switch
    {
        Storage.Tracked => property.Type.IsValueType ? owner + Field(property) + ".GetValueOrDefault()" : owner + Field(property) + "!",
        Storage.RequiredValue => owner + Field(property) + ".GetValueOrDefault()",
        Storage.OptionalValue => owner + property.Name + ".GetValueOrDefault()",
        Storage.OptionalReference => owner + property.Name + "!",
        _ => owner + property.Name,
    };

    /// <summary>A C# literal for a JSON number compared with values of <paramref name="kind"/>.</summary>
    public static string Number(string text, TypeRefKind kind)
    {
        if (kind == TypeRefKind.Decimal)
        {
            return text + "m";
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long integer))
        {
            if (kind is TypeRefKind.Single or TypeRefKind.Double)
            {
                return text + "d";
            }

            return integer is >= int.MinValue and <= int.MaxValue ? text : text + "L";
        }

        double value = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        return value.ToString("R", CultureInfo.InvariantCulture) + "d";
    }
}

internal static class GeneratorInfo
{
    public const string Version = "1.0.0";
}
