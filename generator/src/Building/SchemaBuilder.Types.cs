using OpenApiSdk.Generator.Model;
using OpenApiSdk.Generator.Yaml;

namespace OpenApiSdk.Generator.Building;

/// <summary>The part of <see cref="SchemaBuilder"/> for what a schema node is: nullable, its primary JSON type, whether it becomes a generated type or a string enum.</summary>
internal sealed partial class SchemaBuilder
{
    public static bool AllowsNull(YamlNode schema)
    {
        if (schema.GetBool("nullable"))
        {
            return true;
        }

        YamlNode? type = schema.Get("type");
        if (type is { IsSequence: true })
        {
            foreach (YamlNode item in type.Items!)
            {
                if (item.Value == "null")
                {
                    return true;
                }
            }
        }

        if (type is { IsScalar: true, Value: "null" } || IsNullOnly(schema))
        {
            return true;
        }

        YamlNode? alternatives = schema.Get("oneOf") ?? schema.Get("anyOf");
        if (alternatives is { IsSequence: true })
        {
            foreach (YamlNode alternative in alternatives.Items!)
            {
                if (IsNullOnly(alternative))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>A schema that only allows JSON null: <c>{type: 'null'}</c> or <c>{enum: [null]}</c>.</summary>
    private static bool IsNullOnly(YamlNode schema) =>
        schema.IsMapping
        && (schema.Get("type") is { IsScalar: true, Value: "null" }
            || (schema.Get("enum") is { IsSequence: true } values && values.Items!.Count == 1 && values.Items[0].IsNull))
        && schema.Get("oneOf") is null && schema.Get("anyOf") is null;

    /// <summary>The schema's one non-null type, or what its keywords imply (object, array, string enum); null when it is several or none.</summary>
    internal static string? PrimaryType(YamlNode schema)
    {
        YamlNode? type = schema.Get("type");
        if (type is { IsScalar: true } && type.Value != "null")
        {
            return type.Value;
        }

        if (type is { IsSequence: true })
        {
            string? found = null;
            foreach (YamlNode item in type.Items!)
            {
                if (item.Value is { } name && name != "null")
                {
                    if (found is not null)
                    {
                        return null; // several types: a union, kept as JSON
                    }

                    found = name;
                }
            }

            if (found is not null)
            {
                return found;
            }
        }

        if (schema.Get("oneOf") is not null || schema.Get("anyOf") is not null)
        {
            // Beside properties or allOf the choice is a rule on the object (SchemaBuilder.ChoiceRules).
            return ConstAlternatives(schema) is not null ? "string"
                : schema.Get("properties") is { IsMapping: true } || schema.Get("allOf") is { IsSequence: true } ? "object"
                : null;
        }

        if (schema.Get("properties") is not null || schema.Get("allOf") is not null || schema.Get("additionalProperties") is not null || HasRequiredNames(schema))
        {
            return "object";
        }

        if (schema.Get("items") is not null)
        {
            return "array";
        }

        if (schema.Get("enum") is { IsSequence: true } values && values.Items!.Count > 0 && JsonLiterals.From(values.Items[0]) is { Kind: JsonLiteralKind.String })
        {
            return "string";
        }

        return null;
    }

    /// <summary>
    /// <see cref="PrimaryType"/> as this document's dialect reads it. JSON Schema 2020-12 (OpenAPI 3.1 and 3.2) applies
    /// <c>items</c> to arrays only and lets every other JSON value through (core §10.3.1.2), so <c>items</c> without
    /// <c>type</c> implies no type there: the value is kept as JSON and checked by the JSON-value validator. OpenAPI 3.0's
    /// own dialect keeps it a typed list (OAS023), as the real 3.0 documents that write it mean.
    /// </summary>
    private string? TypeOf(YamlNode schema)
    {
        string? type = PrimaryType(schema);
        return type == "array" && _isOpenApi31 && schema.Get("type") is null ? null : type;
    }

    private bool BecomesType(YamlNode schema) =>
        ChoiceOf(schema) is { } choice ? choice.Alternatives.Count > 1 : TypeOf(schema) switch
        {
            "object" => IsObjectType(schema),
            "string" => IsStringEnum(schema),
            _ => false,
        };

    private static bool IsObjectType(YamlNode schema) =>
        schema.Get("properties") is { IsMapping: true } || schema.Get("allOf") is { IsSequence: true }
        || (HasRequiredNames(schema) && schema.Get("additionalProperties") is null);

    /// <summary>
    /// <c>required</c> names: an object with them is a model (with no declared properties, the names are looked up in
    /// <c>AdditionalProperties</c>), so they are checked whatever the names are (<c>foo\nbar</c>, <c>__proto__</c>).
    /// </summary>
    private static bool HasRequiredNames(YamlNode schema) => schema.Get("required") is { IsSequence: true, Items.Count: > 0 };

    /// <summary>
    /// Whether a schema is a string enum type. One that also has <c>not</c>, <c>if</c>, or an <c>enum</c> beside a
    /// <c>oneOf</c>/<c>anyOf</c>, is not: an enum type states only which values are known, so such a schema is a string whose
    /// rules (its <c>enum</c> among them) are checked where it is used, as a model's JSON when the typed checks cannot carry them.
    /// </summary>
    private static bool IsStringEnum(YamlNode schema)
    {
        if (schema.Get("not") is not null || schema.Get("if") is not null
            || (schema.Get("enum") is not null && (schema.Get("oneOf") is not null || schema.Get("anyOf") is not null)))
        {
            return false;
        }

        if (schema.Get("enum") is not { IsSequence: true } values)
        {
            return ConstAlternatives(schema) is not null;
        }

        bool any = false;
        foreach (YamlNode item in values.Items!)
        {
            if (JsonLiterals.From(item) is not { } literal || (literal.Kind != JsonLiteralKind.String && literal.Kind != JsonLiteralKind.Null))
            {
                return false;
            }

            any |= literal.Kind == JsonLiteralKind.String;
        }

        return any;
    }
}
