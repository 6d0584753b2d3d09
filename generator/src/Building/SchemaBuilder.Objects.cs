using System;
using System.Collections.Generic;
using System.Linq;
using OpenApiSdk.Generator.Diagnostics;
using OpenApiSdk.Generator.Model;
using OpenApiSdk.Generator.Naming;
using OpenApiSdk.Generator.Yaml;

namespace OpenApiSdk.Generator.Building;

/// <summary>The part of <see cref="SchemaBuilder"/> for object schemas: their properties, collected through allOf, and which allOf part decides a non-object schema.</summary>
internal sealed partial class SchemaBuilder
{
    /// <summary>The properties of an object type, computed once: rules on other types look them up too.</summary>
    private EquatableArray<PropertyModel> PropertiesOf(PendingType pending)
    {
        if (pending.Properties is { } done)
        {
            return done;
        }

        var collected = new List<KeyValuePair<YamlNode, YamlNode>>();
        var required = new List<YamlNode>();
        CollectObject(pending.Node, collected, required, 0, new HashSet<YamlNode>(ReferenceEqualityComparer.Instance));

        var scope = new NameScope(ReservedMemberNames);
        scope.Reserve(pending.Name);
        var byJsonName = new Dictionary<string, int>(StringComparer.Ordinal);
        var properties = new List<PropertyModel>();
        var propertySchemas = new List<YamlNode>();
        var requiredNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (YamlNode node in required)
        {
            requiredNames.Add(node.Value!);
        }

        pending.Properties = EquatableArray<PropertyModel>.Empty; // guards against a type whose allOf reaches itself
        foreach (KeyValuePair<YamlNode, YamlNode> pair in collected)
        {
            if (!SpendMember(pair.Key))
            {
                break;
            }

            _cancellationToken.ThrowIfCancellationRequested();
            string jsonName = pair.Key.Value!;
            YamlNode propertySchema = pair.Value;
            string preferred = Identifiers.ToPascalCase(AzureExtensions.ClientName(propertySchema, _diagnostics) ?? jsonName);
            if (Array.IndexOf(ReservedMemberNames, preferred) >= 0 || string.Equals(preferred, pending.Name, StringComparison.OrdinalIgnoreCase))
            {
                preferred += "Value";
            }

            int existingIndex = byJsonName.TryGetValue(jsonName, out int index) ? index : -1;
            string name = existingIndex >= 0 ? properties[existingIndex].Name : scope.Claim(preferred);
            if (existingIndex < 0 && name != preferred)
            {
                _diagnostics.Report(DiagnosticDescriptors.NameCollision, pair.Key, "The property", pending.SchemaName + "." + jsonName, preferred, name);
            }

            Shape shape = ShapeOf(propertySchema, pending.Name, name);
            YamlNode? resolved = propertySchema.Get("$ref") is null ? propertySchema : null;
            bool writeOnly = propertySchema.GetBool("writeOnly") || (_refs.Resolve(propertySchema)?.GetBool("writeOnly") ?? false);
            bool readOnly = propertySchema.GetBool("readOnly");
            bool secret = writeOnly || (_refs.Resolve(propertySchema)?.GetString("format") == "password");
            var property = new PropertyModel(
                name,
                jsonName,
                shape.Type,
                requiredNames.Contains(jsonName),
                shape.AllowsNull,
                secret,
                readOnly,
                writeOnly,
                Describe(propertySchema) ?? (resolved is null ? null : null),
                shape.Constraints,
                DefaultJson(propertySchema, shape))
            {
                // password is said by the Secret note (OpenAPI's meaning of it: hide the value).
                Format = shape.Type.Kind == TypeRefKind.String && _refs.Resolve(propertySchema)?.GetString("format") is { } format && format != "password" ? format : null,
            };
            if (existingIndex >= 0)
            {
                properties[existingIndex] = property;
                propertySchemas[existingIndex] = propertySchema;
            }
            else
            {
                byJsonName.Add(jsonName, properties.Count);
                properties.Add(property);
                propertySchemas.Add(propertySchema);
            }
        }

        // The typed members of strings that hold JSON, named after every declared property so none of those is renamed.
        for (int i = 0; i < properties.Count; i++)
        {
            if (JsonContent(properties[i], propertySchemas[i], pending, scope) is { } content)
            {
                properties[i] = properties[i] with { Content = content };
            }
        }

        // JSON Schema's 'required' does not need 'properties': a name only in 'required' must still be present,
        // and its value is kept with the undeclared members (AdditionalProperties).
        var undeclared = new List<string>();
        foreach (YamlNode node in required)
        {
            if (!byJsonName.ContainsKey(node.Value!) && !undeclared.Contains(node.Value!))
            {
                undeclared.Add(node.Value!);
                _diagnostics.Report(DiagnosticDescriptors.UndefinedRequiredProperty, node, node.Value!, pending.SchemaName);
            }
        }

        EquatableArray<PropertyModel> result = properties.ToEquatableArray();
        pending.Properties = result;
        pending.UndeclaredRequired = undeclared.ToEquatableArray();
        return result;
    }

    /// <summary>
    /// A string property that holds JSON (JSON Schema validation §8.3-8.5: <c>contentMediaType</c> a JSON media type and a
    /// <c>contentSchema</c>; OpenAPI 3.2 describes an event's <c>data</c> this way): the typed member <c>{Name}Payload</c> of
    /// the contentSchema's type (an inline object named <c>{Owner}{Name}Payload</c>). Null for any other property; a
    /// contentSchema beside another media type describes content the SDK does not parse, and is reported as ignored.
    /// </summary>
    private ContentModel? JsonContent(PropertyModel property, YamlNode propertySchema, PendingType pending, NameScope scope)
    {
        if (_refs.Resolve(propertySchema) is not { IsMapping: true } schema || schema.Get("contentSchema") is not { } contentSchema
            || property.Type.Kind != TypeRefKind.String)
        {
            return null;
        }

        string mediaType = schema.GetString("contentMediaType") ?? string.Empty;
        string bare = mediaType.Split(';')[0].Trim().ToLowerInvariant();
        if (bare != "application/json" && !bare.EndsWith("+json", StringComparison.Ordinal))
        {
            _diagnostics.Report(DiagnosticDescriptors.IgnoredValue, contentSchema, $"The contentSchema of {pending.SchemaName}.{property.JsonName} describes content in '{(mediaType.Length == 0 ? "(no contentMediaType)" : mediaType)}', which the SDK does not parse (only a JSON contentMediaType is); the value stays a string");
            return null;
        }

        string name = scope.Claim(property.Name + "Payload");
        Shape shape = ShapeOf(contentSchema, pending.Name, name);
        return new ContentModel(name, shape.Type, shape.Constraints, mediaType);
    }

    /// <summary>The declared properties and required names of an object schema, its <c>allOf</c> parts included (later ones win); each node once.</summary>
    internal void CollectObject(YamlNode schema, List<KeyValuePair<YamlNode, YamlNode>> properties, List<YamlNode> required, int depth, HashSet<YamlNode> visited)
    {
        // Each schema is collected once: aliases and $refs can reach one allOf part many times.
        if (depth > 32 || _refs.Resolve(schema) is not { IsMapping: true } resolved || !visited.Add(resolved))
        {
            return;
        }

        if (resolved.Get("properties") is { IsMapping: true } declared)
        {
            properties.AddRange(declared.Pairs!);
        }

        if (resolved.Get("required") is { IsSequence: true } names)
        {
            foreach (YamlNode name in names.Items!)
            {
                if (name.IsScalar)
                {
                    required.Add(name);
                }
            }
        }

        if (resolved.Get("allOf") is { IsSequence: true } allOf)
        {
            foreach (YamlNode part in allOf.Items!)
            {
                CollectObject(part, properties, required, depth + 1, visited);
            }
        }
    }

    /// <summary>
    /// For an object type: when neither the schema nor an <c>allOf</c> part (through <c>$ref</c>) says <c>type</c>, the
    /// keywords each of them states for values that are not objects (JSON Schema accepts any JSON value there; see
    /// <see cref="TypeModel.NonObjectRules"/>); null when one says <c>type</c>, so only objects are valid.
    /// </summary>
    private EquatableArray<Constraints>? NonObjectRules(YamlNode schema, string where)
    {
        var rules = new List<Constraints>();
        return CollectNonObjectRules(schema, where, rules, 0, new HashSet<YamlNode>(ReferenceEqualityComparer.Instance)) ? rules.ToEquatableArray() : null;
    }

    /// <summary>Keywords for arrays and any value that a held non-object value is not checked against (OAS010 where a typeless model states them).</summary>
    private static readonly string[] UncheckedOnNonObjects = { "items", "prefixItems", "contains", "unevaluatedItems", "const", "enum" };

    private bool CollectNonObjectRules(YamlNode schema, string where, List<Constraints> rules, int depth, HashSet<YamlNode> visited)
    {
        if (_refs.Resolve(schema) is { IsScalar: true, Value: "false" })
        {
            rules.Add(Model.Constraints.Nothing); // an allOf part false: no value is valid (objects included: ValidationEmitter)
            return true;
        }

        if (depth > 32 || _refs.Resolve(schema) is not { IsMapping: true } resolved || !visited.Add(resolved))
        {
            return true;
        }

        if (resolved.Get("type") is not null)
        {
            return false;
        }

        foreach (string keyword in UncheckedOnNonObjects)
        {
            if (KeyNode(resolved, keyword) is { } key)
            {
                ReportUnsupported(resolved, key, $"'{keyword}' in a schema without type that is an object type (in {where})", "a value that is not an object is not checked against it");
            }
        }

        // The member counts are the object's own (TypeModel.MinProperties); a value that is no object has none.
        Constraints own = _constraints.Read(resolved, TypeRefKind.Any) with { MinProperties = null, MaxProperties = null };
        if (Validation.JsonForms.HasRules(own))
        {
            rules.Add(own);
        }

        if (resolved.Get("allOf") is { IsSequence: true } allOf)
        {
            foreach (YamlNode part in allOf.Items!)
            {
                if (!CollectNonObjectRules(part, where, rules, depth + 1, visited))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static readonly HashSet<string> AnnotationKeywords = new(StringComparer.Ordinal)
    {
        "description", "title", "example", "examples", "nullable", "readOnly", "writeOnly", "deprecated", "default", "$comment", "externalDocs", "xml",
    };

    /// <summary>A schema part that only describes (<c>{description: ...}</c>, <c>{nullable: true}</c>) and constrains nothing.</summary>
    private static bool IsAnnotationOnly(YamlNode part)
    {
        if (!part.IsMapping)
        {
            return false;
        }

        foreach (KeyValuePair<YamlNode, YamlNode> pair in part.Pairs!)
        {
            string key = pair.Key.Value ?? string.Empty;
            if (!AnnotationKeywords.Contains(key) && !key.StartsWith("x-", StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The allOf part that decides a schema's type, when the schema is not an object type of its own: the
    /// only part besides annotation-only ones, or a first part that is not an object (a string, a number,
    /// an array; its constraints apply, the other parts' are left out and reported).
    /// </summary>
    private YamlNode? DecidingAllOfPart(YamlNode schema, out bool othersLeftOut, out bool partsAllowNull)
    {
        othersLeftOut = partsAllowNull = false;
        if (schema.Get("allOf") is not { IsSequence: true } allOf || schema.Get("properties") is not null || schema.Get("additionalProperties") is not null
            || (RefSiblings.HasObjectKeywords(schema) && _isOpenApi31))
        {
            return null; // the schema's own object keywords make it an object type of its own, its parts flattened into it
        }

        YamlNode? first = null;
        int deciding = 0;
        foreach (YamlNode part in allOf.Items!)
        {
            if (IsAnnotationOnly(part))
            {
                partsAllowNull |= part.GetBool("nullable");
            }
            else
            {
                deciding++;
                first ??= part;
            }
        }

        if (first is null)
        {
            return null;
        }

        if (HasChoiceKeyword(schema) && !IsNonObject(first))
        {
            return null; // an object type whose oneOf/anyOf is a rule on it (SchemaBuilder.ChoiceRules)
        }

        if (deciding == 1)
        {
            return first;
        }

        othersLeftOut = true;
        return IsNonObject(first) ? first : null;
    }

    private bool IsNonObjectAllOf(YamlNode schema) =>
        DecidingAllOfPart(schema, out _, out _) is { } part && IsNonObject(part);

    /// <summary>
    /// Whether an allOf part gives a value that is not an object: a scalar or array type, <c>type: "null"</c>, or (without
    /// <c>type</c> and <c>properties</c>) an <c>allOf</c> of its own whose deciding part does (<c>{allOf: [{allOf: [{type: "null"}]}]}</c>).
    /// </summary>
    private bool IsNonObject(YamlNode part)
    {
        if (_refs.Resolve(part) is not { IsMapping: true } resolved)
        {
            return false;
        }

        if (PrimaryType(resolved) is "string" or "integer" or "number" or "boolean" or "array" || resolved.Get("type") is { IsScalar: true, Value: "null" })
        {
            return true;
        }

        if (resolved.Get("type") is not null || _nonObjectDepth >= MaxNonObjectDepth)
        {
            return false;
        }

        _nonObjectDepth++; // parts that refer to each other through allOf are followed a bounded number of times
        try
        {
            return DecidingAllOfPart(resolved, out _, out _) is { } inner && IsNonObject(inner);
        }
        finally
        {
            _nonObjectDepth--;
        }
    }

    private const int MaxNonObjectDepth = 32;
    private int _nonObjectDepth;

    /// <summary>
    /// A part's shape with the value keywords written beside <c>allOf</c> (or beside a <c>$ref</c>, see
    /// <see cref="RefSiblings"/>) added to its constraints: both apply. A keyword both set to different values is
    /// reported (OAS010) and the part's is kept.
    /// </summary>
    private Shape WithOwnConstraints(Shape inner, YamlNode schema, string where)
    {
        Constraints own = _constraints.Read(schema, inner.Type.Kind);
        if (own.IsEmpty || own.Equals(inner.Constraints))
        {
            return inner;
        }

        if (inner.Constraints.IsEmpty)
        {
            return inner with { Constraints = own };
        }

        Constraints a = inner.Constraints;
        bool clash = false;
        T? Either<T>(T? x, T? y) where T : class
        {
            clash |= x is not null && y is not null && !x.Equals(y);
            return x ?? y;
        }

        int? Stricter(int? x, int? y, bool max) => x is null ? y : y is null ? x : max ? Math.Max(x.Value, y.Value) : Math.Min(x.Value, y.Value);
        Constraints merged = a with
        {
            MinLength = Stricter(a.MinLength, own.MinLength, max: true),
            MaxLength = Stricter(a.MaxLength, own.MaxLength, max: false),
            MinItems = Stricter(a.MinItems, own.MinItems, max: true),
            MaxItems = Stricter(a.MaxItems, own.MaxItems, max: false),
            MinProperties = Stricter(a.MinProperties, own.MinProperties, max: true),
            MaxProperties = Stricter(a.MaxProperties, own.MaxProperties, max: false),
            UniqueItems = a.UniqueItems || own.UniqueItems,
            Pattern = Either(a.Pattern, own.Pattern),
            Minimum = Either(a.Minimum, own.Minimum),
            Maximum = Either(a.Maximum, own.Maximum),
            ExclusiveMinimum = a.Minimum is null ? own.ExclusiveMinimum : a.ExclusiveMinimum,
            ExclusiveMaximum = a.Maximum is null ? own.ExclusiveMaximum : a.ExclusiveMaximum,
            MultipleOf = Either(a.MultipleOf, own.MultipleOf),
            Format = Either(a.Format, own.Format),
            Types = Either(a.Types, own.Types),
            Const = a.Const ?? own.Const,
            Enum = a.Enum.IsEmpty ? own.Enum : a.Enum,
            Choices = a.Choices.Concat(own.Choices).ToEquatableArray(),
        };
        clash |= a.Const is not null && own.Const is not null && !a.Const.Equals(own.Const);
        clash |= !a.Enum.IsEmpty && !own.Enum.IsEmpty && !a.Enum.Equals(own.Enum);
        if (clash)
        {
            ReportUnsupported(schema, KeyNode(schema, "allOf") ?? schema, $"A keyword beside 'allOf' or '$ref' that the referenced schema also sets to another value (in {where})", "the referenced schema's value is checked, not this one");
        }

        return inner with { Constraints = merged };
    }
}
