using System.Globalization;
using OpenApiSdk.Generator.Emitting.Code;
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

    /// <summary>
    /// <see cref="Of"/> in a model file, through the file's aliases (<see cref="Aliases"/>): <c>__Generic.List&lt;string&gt;</c>,
    /// <c>__JsonElement</c>. Type names are only used where C# looks up types, so a property cannot hide them.
    /// </summary>
    public static string Short(TypeRef type) => type.Kind switch
    {
        TypeRefKind.DateTimeOffset => "__DateTimeOffset",
        TypeRefKind.Guid => "__Guid",
        TypeRefKind.Array => "__Generic.List<" + ShortElement(type) + ">",
        TypeRefKind.Map => "__Generic.Dictionary<string, " + ShortElement(type) + ">",
        TypeRefKind.Any => "__JsonElement",
        _ => Of(type),
    };

    /// <summary><see cref="Short"/>, made nullable when <paramref name="nullable"/>.</summary>
    public static string Short(TypeRef type, bool nullable) => nullable ? Short(type) + "?" : Short(type);

    /// <summary>The C# type of an array's items or a map's values.</summary>
    public static string ShortElement(TypeRef collection) =>
        Short(collection.Element!, collection.ElementAllowsNull && collection.Element!.Kind != TypeRefKind.Any);

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

    /// <summary><see cref="Present"/> as a condition to combine (its negation is <see cref="Absent"/>'s text).</summary>
    public static Expr IsPresent(string owner, PropertyModel property) => StorageOf(property) switch
    {
        Storage.Tracked => Expr.Raw(owner + IsSetField(property)),
        Storage.RequiredValue => Expr.Raw(owner + Field(property) + ".HasValue"),
        _ => Expr.Compare(Expr.Raw(owner + property.Name), "is not", Expr.Raw("null")),
    };

    /// <summary><see cref="PresentButNull"/> as a condition to combine.</summary>
    public static Expr? HoldsNull(string owner, PropertyModel property) =>
        StorageOf(property) == Storage.Tracked ? Expr.Compare(Expr.Raw(owner + Field(property)), "is", Expr.Raw("null")) : null;

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

/// <summary>
/// The <c>using</c> aliases at the top of a model file. Each starts with <c>__</c>, which no name from a spec can
/// (<see cref="Naming.Identifiers"/> never produces one), so no generated or user type in the namespace hides them; a
/// file declares only the aliases its types use (<see cref="Used"/>), found by scanning the emitted text.
/// </summary>
internal static class Aliases
{
    internal static readonly (string Name, string Target)[] All =
    {
        ("__Alternative", "global::OpenApiSdk.Runtime.UnionAlternative"),
        ("__DateTimeOffset", "global::System.DateTimeOffset"),
        ("__GeneratedCode", "global::System.CodeDom.Compiler.GeneratedCodeAttribute"),
        ("__Generic", "global::System.Collections.Generic"),
        ("__Guid", "global::System.Guid"),
        ("__IDefaultSubtype", "global::OpenApiSdk.Runtime.IObjectDefaultSubtype"),
        ("__IMembers", "global::OpenApiSdk.Runtime.IObjectMembers"),
        ("__INonObject", "global::OpenApiSdk.Runtime.INonObjectValue"),
        ("__ISubtypes", "global::OpenApiSdk.Runtime.IObjectSubtypes"),
        ("__IUnionJson", "global::OpenApiSdk.Runtime.IUnionJson"),
        ("__IUnionRules", "global::OpenApiSdk.Runtime.IUnionRules"),
        ("__Json", "global::OpenApiSdk.Runtime.Json"),
        ("__JsonConverter", "global::System.Text.Json.Serialization.JsonConverterAttribute"),
        ("__JsonElement", "global::System.Text.Json.JsonElement"),
        ("__JsonEvaluated", "global::OpenApiSdk.Runtime.JsonEvaluated"),
        ("__JsonPropertyName", "global::System.Text.Json.Serialization.JsonPropertyNameAttribute"),
        ("__Member", "global::OpenApiSdk.Runtime.JsonMember"),
        ("__MultipleOf", "global::OpenApiSdk.MultipleOfAttribute"),
        ("__Names", "global::OpenApiSdk.Runtime.JsonNames"),
        ("__Pattern", "global::OpenApiSdk.Runtime.SchemaPattern"),
        ("__Range", "global::System.ComponentModel.DataAnnotations.RangeAttribute"),
        ("__Reader", "global::System.Text.Json.Utf8JsonReader"),
        ("__Required", "global::System.ComponentModel.DataAnnotations.RequiredAttribute"),
        ("__Runtime", "global::OpenApiSdk.Runtime"),
        ("__Sdk", "global::OpenApiSdk"),
        ("__SchemaEnum", "global::OpenApiSdk.SchemaEnumAttribute"),
        ("__SchemaFormat", "global::OpenApiSdk.SchemaFormatAttribute"),
        ("__SchemaItems", "global::OpenApiSdk.SchemaItemsAttribute"),
        ("__SchemaLength", "global::OpenApiSdk.SchemaLengthAttribute"),
        ("__SchemaPattern", "global::OpenApiSdk.SchemaPatternAttribute"),
        ("__SchemaRange", "global::OpenApiSdk.SchemaRangeAttribute"),
        ("__SchemaRules", "global::OpenApiSdk.SchemaRulesAttribute"),
        ("__UniqueItems", "global::OpenApiSdk.UniqueItemsAttribute"),
        ("__Validation", "global::OpenApiSdk.Runtime.Validation"),
        ("__Values", "global::OpenApiSdk.Runtime.Values"),
        ("__Writer", "global::OpenApiSdk.Runtime.JsonMemberWriter"),
    };

    /// <summary>The aliases <paramref name="text"/> uses, one bit per alias.</summary>
    public static ulong Used(string text)
    {
        ulong used = 0;
        int at = text.IndexOf("__", System.StringComparison.Ordinal);
        while (at >= 0)
        {
            int end = at + 2;
            while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_'))
            {
                end++;
            }

            // An alias is used as a name of its own, never right after a '.' (member access) or inside a longer name.
            if (at == 0 || !(char.IsLetterOrDigit(text[at - 1]) || text[at - 1] == '_' || text[at - 1] == '.'))
            {
                for (int i = 0; i < All.Length; i++)
                {
                    string name = All[i].Name;
                    if (name.Length == end - at && string.CompareOrdinal(text, at, name, 0, name.Length) == 0)
                    {
                        used |= 1UL << i;
                        break;
                    }
                }
            }

            at = text.IndexOf("__", end, System.StringComparison.Ordinal);
        }

        return used;
    }

    /// <summary>The file header: <c>// &lt;auto-generated/&gt;</c>, <c>#nullable enable</c> and the <paramref name="used"/> aliases.</summary>
    public static string Header(ulong used)
    {
        var text = new System.Text.StringBuilder(SourceWriter.Header.Length + 64 * 16);
        text.Append("// <auto-generated/>\n#nullable enable\n");
        for (int i = 0; i < All.Length; i++)
        {
            if ((used & (1UL << i)) != 0)
            {
                text.Append("using ").Append(All[i].Name).Append(" = ").Append(All[i].Target).Append(";\n");
            }
        }

        return text.Append('\n').ToString();
    }
}

internal static class GeneratorInfo
{
    public const string Version = "1.0.0";
}
