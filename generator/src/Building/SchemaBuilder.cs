using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using OpenApiSdk.Generator.Diagnostics;
using OpenApiSdk.Generator.Model;
using OpenApiSdk.Generator.Naming;
using OpenApiSdk.Generator.Yaml;

namespace OpenApiSdk.Generator.Building;

/// <summary>
/// Turns schemas into <see cref="TypeModel"/>s and <see cref="TypeRef"/>s. Component schemas that are
/// objects or string enums become types named after the component; inline ones are named after
/// where they sit (<c>{Owner}{Property}</c>); anything else is inlined where it is used.
/// </summary>
internal sealed class SchemaBuilder
{
    private const int MaxShapeDepth = 64;

    /// <summary>How deep if/then/else fragments may nest through properties.</summary>
    private const int MaxCheckDepth = 8;

    /// <summary>Checks built for if/then/else rules in one spec; aliases could otherwise multiply them.</summary>
    private const int MaxChecks = 256;

    /// <summary>
    /// Properties and enum members in one spec. YAML aliases can share one big mapping among many
    /// schemas, so a small file could otherwise expand into gigabytes of generated code.
    /// </summary>
    internal const int MaxMembers = 50_000;

    /// <summary>Located OAS010 warnings per construct; further ones are counted in one summary warning.</summary>
    private const int MaxWarningsPerConstruct = 20;

    /// <summary>Member names every generated model uses itself; a property with one of these names gets a suffix.</summary>
    private static readonly string[] ReservedMemberNames =
    {
        "Validate", "ValidateCore", "ValidateTypeLevel", "ToJson", "FromJson", "ReadJson", "WriteJson", "Converter",
        "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "ReferenceEquals", "Finalize",
        "IsValid", "AddReadError", "HasReadError", "ValidateReadErrors", "AdditionalProperties",
    };

    private readonly DiagnosticBag _diagnostics;
    private readonly RefResolver _refs;
    private readonly ConstraintReader _constraints;
    private readonly NameScope _typeNames;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<YamlNode, PendingType> _typesByNode = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, PendingType> _typesByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PendingType> _sharedUnions = new(StringComparer.Ordinal);
    private readonly Dictionary<YamlNode, Choice?> _choices = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<YamlNode> _choosing = new(ReferenceEqualityComparer.Instance);
    private readonly List<PendingType> _types = new();
    private readonly HashSet<YamlNode> _shaping = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<YamlNode, HashSet<string>> _reported = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, Overflow> _overflow = new(StringComparer.Ordinal);
    private int _shapeDepth;
    private int _checks;
    private int _members;
    private bool _membersExhausted;

    public SchemaBuilder(DiagnosticBag diagnostics, RefResolver refs, bool isOpenApi31, NameScope typeNames, CancellationToken cancellationToken)
    {
        _diagnostics = diagnostics;
        _refs = refs;
        _constraints = new ConstraintReader(diagnostics, isOpenApi31);
        _typeNames = typeNames;
        _cancellationToken = cancellationToken;
    }

    public RefResolver Refs => _refs;

    public ConstraintReader Constraints => _constraints;

    /// <summary>Registers every component schema that becomes a type, so references to it resolve by name.</summary>
    public void RegisterComponents(YamlNode root)
    {
        YamlNode? components = root.Get("components");
        if (components is { IsMapping: false, IsNull: false })
        {
            _diagnostics.Report(DiagnosticDescriptors.IgnoredValue, components, "'components' must be a mapping (a Components Object); it is ignored");
        }

        YamlNode? schemas = components?.Get("schemas");
        if (schemas is { IsMapping: false, IsNull: false })
        {
            _diagnostics.Report(DiagnosticDescriptors.IgnoredValue, schemas, "'components.schemas' must be a mapping of names to schemas; it is ignored");
        }

        if (schemas is null || !schemas.IsMapping)
        {
            return;
        }

        foreach (KeyValuePair<YamlNode, YamlNode> pair in schemas.Pairs!)
        {
            YamlNode schema = pair.Value;
            if (!schema.IsMapping && !(schema.IsScalar && schema.Value is "true" or "false"))
            {
                // JSON Schema 2020-12 core 4.3.1: a schema is an object or a boolean.
                _diagnostics.Report(DiagnosticDescriptors.IgnoredValue, schema, $"The schema '{ConstraintReader.Shorten(pair.Key.Value ?? "")}' must be a mapping or a boolean; it is ignored");
                continue;
            }

            if (schema.IsMapping && schema.Get("$ref") is null && !BecomesType(schema))
            {
                CheckUnbuiltSchema(schema); // a primitive or array schema is otherwise only read where it is used
            }

            if (schema.IsMapping && schema.Get("$ref") is not null)
            {
                _ = _refs.Resolve(schema); // reports a broken or looping reference even when nothing uses it
            }

            if (schema.IsMapping && schema.Get("$ref") is null && BecomesType(schema) && !IsNonObjectAllOf(schema))
            {
                Register(schema, pair.Key, Identifiers.ToPascalCase(pair.Key.Value!), "#/components/schemas/" + pair.Key.Value, "schema");
            }
        }
    }

    /// <summary>Builds every registered type, including the inline ones found on the way.</summary>
    public EquatableArray<TypeModel> BuildTypes()
    {
        var models = new List<TypeModel>(_types.Count);
        for (int i = 0; i < _types.Count; i++)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            models.Add(Build(_types[i]));
        }

        foreach (KeyValuePair<string, Overflow> pair in _overflow)
        {
            if (pair.Value.First is null)
            {
                continue;
            }

            _diagnostics.Report(
                DiagnosticDescriptors.UnsupportedConstruct,
                pair.Value.First,
                pair.Key,
                $"it is also left out at {pair.Value.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)} more places in this document, not listed one by one");
        }

        return models.ToEquatableArray();
    }

    /// <summary>The C# shape of <paramref name="schema"/>, used at <paramref name="owner"/>.<paramref name="member"/>.</summary>
    public Shape ShapeOf(YamlNode schema, string owner, string member)
    {
        if (++_shapeDepth > MaxShapeDepth)
        {
            _shapeDepth--;
            _diagnostics.Report(DiagnosticDescriptors.InvalidSchema, schema, $"The schema nests or refers to itself more than {MaxShapeDepth} levels deep through arrays or aliases; it is typed as JsonElement at {ConstraintReader.Shorten(owner + "." + member)}");
            return new Shape(TypeRef.Any, Model.Constraints.None, true);
        }

        if (!_shaping.Add(schema))
        {
            // Only arrays, maps and plain $ref aliases recurse here: object types are named and stop the walk.
            _shapeDepth--;
            ReportUnsupported(schema, schema, "A schema that contains itself through arrays, maps or $refs with no object type in between", $"{owner}.{member} is typed as JsonElement at the point where it repeats");
            return new Shape(TypeRef.Any, Model.Constraints.None, true);
        }

        try
        {
            return ShapeOfCore(schema, owner, member);
        }
        finally
        {
            _shaping.Remove(schema);
            _shapeDepth--;
        }
    }

    private Shape ShapeOfCore(YamlNode schema, string owner, string member)
    {
        if (!schema.IsMapping)
        {
            if (!(schema.IsScalar && schema.Value is "true" or "false"))
            {
                _diagnostics.Report(DiagnosticDescriptors.InvalidSchema, schema, $"The schema for {owner}.{member} must be a mapping");
            }

            return new Shape(TypeRef.Any, Model.Constraints.None, true);
        }

        CheckKeywordValues(schema);
        bool siteNullable = schema.GetBool("nullable");
        if (schema.Get("$ref") is not null)
        {
            YamlNode? target = _refs.Resolve(schema);
            if (target is null)
            {
                return new Shape(TypeRef.Any, Model.Constraints.None, true);
            }

            if (_typesByNode.TryGetValue(target, out PendingType? registered))
            {
                return new Shape(registered.Ref, Model.Constraints.None, siteNullable || AllowsNull(target));
            }

            Shape aliased = ShapeOf(target, owner, member);
            return siteNullable ? aliased with { AllowsNull = true } : aliased;
        }

        // allOf: [ $ref ] with sibling keywords (description, nullable), or with parts that only annotate it,
        // is a reference, not a new type; so is an allOf whose first part is not an object.
        if (DecidingAllOfPart(schema, out bool othersLeftOut, out bool partsAllowNull) is { } part)
        {
            if (othersLeftOut)
            {
                ReportUnsupported(schema, KeyNode(schema, "allOf")!, $"'allOf' that combines a non-object schema with others (in {owner}.{member})", "only the first part's type and constraints are checked");
            }

            Shape inner = ShapeOf(part, owner, member);
            return siteNullable || partsAllowNull ? inner with { AllowsNull = true } : inner;
        }

        if (_typesByNode.TryGetValue(schema, out PendingType? known))
        {
            return new Shape(known.Ref, Model.Constraints.None, AllowsNull(schema));
        }

        if (ChoiceOf(schema) is { } choice)
        {
            bool unionAllowsNull = AllowsNull(schema) || choice.HasNull;
            if (choice.Alternatives.Count == 1)
            {
                // anyOf: [ $ref ] (often with nullable or a {type: 'null'} alternative) is that schema, not a union.
                CheckUnsupported(schema, owner + "." + member, objectType: false, typedAsAny: false, choiceHandled: true);
                Shape only = ShapeOf(choice.Alternatives[0], owner, member);
                return unionAllowsNull ? only with { AllowsNull = true } : only;
            }

            // The same inline choice of references and primitives (stripe's "an id or the expanded object")
            // recurs across a spec: it becomes one type named after its alternatives, not one per use.
            if (SharedUnionKey(schema, choice) is { } key)
            {
                if (!_sharedUnions.TryGetValue(key, out PendingType? shared))
                {
                    shared = Register(schema, null, SharedUnionName(choice), owner + "." + member + " and every other place with the same choice", what: null); // a made-up name: numbered quietly
                    shared.Shared = true;
                    _sharedUnions.Add(key, shared);
                }

                return new Shape(shared.Ref, Model.Constraints.None, unionAllowsNull);
            }

            PendingType union = Register(schema, null, owner + member, owner + "." + member, "inline union");
            return new Shape(union.Ref, Model.Constraints.None, unionAllowsNull);
        }

        bool allowsNull = AllowsNull(schema);
        string? type = PrimaryType(schema);
        if (!(type == "object" && IsObjectType(schema)) && !(type == "string" && IsStringEnum(schema)))
        {
            CheckUnsupported(schema, owner + "." + member, objectType: false, typedAsAny: type is null);
        }

        switch (type)
        {
            case "object":
                if (IsObjectType(schema))
                {
                    PendingType inline = Register(schema, null, owner + member, owner + "." + member, "inline schema");
                    return new Shape(inline.Ref, Model.Constraints.None, allowsNull);
                }

                return MapShape(schema, owner, member, allowsNull);
            case "array":
            {
                YamlNode? items = schema.Get("items");
                Shape element = items is null ? new Shape(TypeRef.Any, Model.Constraints.None, true) : ShapeOf(items, owner, member + "Item");
                var array = new TypeRef(TypeRefKind.Array, Element: element.Type, ElementConstraints: element.Constraints, ElementAllowsNull: element.AllowsNull);
                return new Shape(array, _constraints.Read(schema, TypeRefKind.Array), allowsNull);
            }

            case "string":
                if (IsStringEnum(schema))
                {
                    PendingType inline = Register(schema, null, owner + member, owner + "." + member, "inline enum");
                    return new Shape(inline.Ref, _constraints.Read(schema, TypeRefKind.Enum) with { Enum = EquatableArray<JsonLiteral>.Empty }, allowsNull);
                }

                return Primitive(schema, StringKind(schema.GetString("format")), allowsNull);
            case "integer" or "number" or "boolean":
                return Primitive(schema, ScalarKind(schema, type), allowsNull);
            default:
                return new Shape(TypeRef.Any, _constraints.Read(schema, TypeRefKind.Any), true);
        }
    }

    private Shape MapShape(YamlNode schema, string owner, string member, bool allowsNull)
    {
        YamlNode? additional = schema.Get("additionalProperties");
        Shape value = additional is { IsMapping: true }
            ? ShapeOf(additional, owner, member + "Value")
            : new Shape(TypeRef.Any, Model.Constraints.None, true);
        var map = new TypeRef(TypeRefKind.Map, Element: value.Type, ElementConstraints: value.Constraints, ElementAllowsNull: value.AllowsNull);
        (int? minProperties, int? maxProperties) = _constraints.ReadPropertyCounts(schema);
        Constraints counts = minProperties is null && maxProperties is null ? Model.Constraints.None : new Constraints(MinItems: minProperties, MaxItems: maxProperties);
        return new Shape(map, counts, allowsNull);
    }

    private Shape Primitive(YamlNode schema, TypeRefKind kind, bool allowsNull) =>
        new(new TypeRef(kind), _constraints.Read(schema, kind), allowsNull);

    private static TypeRefKind ScalarKind(YamlNode schema, string type) => type switch
    {
        "integer" => schema.GetString("format") == "int32" ? TypeRefKind.Int32 : TypeRefKind.Int64,
        "number" => schema.GetString("format") switch
        {
            "float" => TypeRefKind.Single,
            "decimal" => TypeRefKind.Decimal,
            _ => TypeRefKind.Double,
        },
        "string" => StringKind(schema.GetString("format")),
        _ => TypeRefKind.Boolean,
    };

    /// <summary>
    /// Reads the constraints of a component schema that becomes no type, so that a malformed one is reported even
    /// when nothing uses it; where it is used, <see cref="ShapeOf"/> reads them the same way (reports are not repeated).
    /// </summary>
    private void CheckUnbuiltSchema(YamlNode schema)
    {
        CheckKeywordValues(schema);
        if (ChoiceOf(schema) is not null || DecidingAllOfPart(schema, out _, out _) is not null)
        {
            return; // shaped as the part or alternative it stands for
        }

        string? type = PrimaryType(schema);
        TypeRefKind? kind = type switch
        {
            "integer" or "number" or "boolean" or "string" => ScalarKind(schema, type),
            "array" => TypeRefKind.Array,
            "object" => null,
            _ => TypeRefKind.Any,
        };
        if (kind is { } read)
        {
            _ = _constraints.Read(schema, read);
        }
    }

    /// <summary>Reports keywords whose value is not of the JSON type JSON Schema requires (OAS015); they are read as absent.</summary>
    private void CheckKeywordValues(YamlNode schema)
    {
        // JSON Schema 2020-12 validation 6.1.1: a type name or a non-empty array of them (the meta-schema's minItems 1).
        if (schema.Get("type") is { } type && (type.IsMapping || type is { IsSequence: true, Items.Count: 0 }))
        {
            _diagnostics.Report(DiagnosticDescriptors.IgnoredValue, type, "'type' must be a type name or a non-empty list of them; it is ignored");
        }

        // Core 10.2.1: allOf, anyOf and oneOf are non-empty arrays of schemas.
        foreach (string keyword in new[] { "allOf", "anyOf", "oneOf" })
        {
            if (schema.Get(keyword) is { } list && !list.IsNull && !(list.IsSequence && list.Items!.Count > 0))
            {
                _diagnostics.Report(DiagnosticDescriptors.IgnoredValue, list, $"'{keyword}' must be a non-empty list of schemas; it is ignored");
            }
        }
    }

    private static TypeRefKind StringKind(string? format) => format switch
    {
        "date-time" => TypeRefKind.DateTimeOffset,
        "uuid" => TypeRefKind.Guid,
        "byte" => TypeRefKind.Bytes,
        _ => TypeRefKind.String,
    };

    /// <param name="what">How OAS012 names the schema when its name is taken; null for made-up names, which are numbered without a report.</param>
    private PendingType Register(YamlNode schema, YamlNode? nameNode, string preferredName, string schemaName, string? what)
    {
        if (_typesByNode.TryGetValue(schema, out PendingType? existing))
        {
            return existing;
        }

        TypeModelKind kind = ChoiceOf(schema) is { Alternatives.Count: > 1 } ? TypeModelKind.Union
            : IsStringEnum(schema) && !IsObjectType(schema) ? TypeModelKind.StringEnum
            : TypeModelKind.Object;
        preferredName = Identifiers.Truncate(preferredName, Identifiers.MaxLength); // inline names concatenate their owners'
        // A type cannot declare a member of its own name (CS0542): a schema named Value, Validate, ... gets a suffix.
        string name = _typeNames.Claim(Array.IndexOf(FixedMemberNames(kind), preferredName) >= 0 ? preferredName + "Schema" : preferredName);
        if (name != preferredName && what is not null)
        {
            _diagnostics.Report(DiagnosticDescriptors.NameCollision, nameNode ?? schema, "The " + what, schemaName, preferredName, name);
        }

        var pending = new PendingType(schema, name, schemaName, kind);
        _typesByNode.Add(schema, pending);
        _typesByName.Add(name, pending);
        _types.Add(pending);
        return pending;
    }

    private TypeModel Build(PendingType pending)
    {
        YamlNode schema = pending.Node;
        string? description = Describe(schema);
        bool choiceHandled = pending.Kind == TypeModelKind.Union || (pending.Kind == TypeModelKind.StringEnum && ConstAlternatives(schema) is not null);
        CheckKeywordValues(schema);
        CheckUnsupported(schema, pending.SchemaName, objectType: pending.Kind == TypeModelKind.Object, typedAsAny: false, choiceHandled);
        if (pending.Kind == TypeModelKind.Union)
        {
            if (pending.Shared)
            {
                description = null; // used at many places: the first one's description would mislead at the others
            }

            return new TypeModel(TypeModelKind.Union, pending.Name, pending.SchemaName, description, EquatableArray<PropertyModel>.Empty, EquatableArray<EnumMemberModel>.Empty, EquatableArray<RuleModel>.Empty, Union: BuildUnion(pending));
        }

        if (pending.Kind == TypeModelKind.StringEnum)
        {
            _ = _constraints.Read(schema, TypeRefKind.Enum); // reports enum values and a default that break the schema
            return new TypeModel(TypeModelKind.StringEnum, pending.Name, pending.SchemaName, description, EquatableArray<PropertyModel>.Empty, EnumMembers(schema, pending.Name), EquatableArray<RuleModel>.Empty);
        }

        EquatableArray<PropertyModel> properties = PropertiesOf(pending);
        var rules = new List<RuleModel>();
        foreach (YamlNode ruleNode in RuleNodes(schema, 0, new HashSet<YamlNode>(ReferenceEqualityComparer.Instance)))
        {
            if (BuildRule(ruleNode, pending) is { } rule)
            {
                rules.Add(rule);
            }
        }

        bool closed = schema.Get("additionalProperties") is { IsScalar: true, Value: "false" };
        (int? minProperties, int? maxProperties) = _constraints.ReadPropertyCounts(schema);
        return new TypeModel(TypeModelKind.Object, pending.Name, pending.SchemaName, description, properties, EquatableArray<EnumMemberModel>.Empty, rules.ToEquatableArray(), closed)
        {
            MinProperties = minProperties,
            MaxProperties = maxProperties,
            UndeclaredRequired = pending.UndeclaredRequired,
        };
    }

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
            string preferred = Identifiers.ToPascalCase(jsonName);
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
                DefaultJson(propertySchema, shape));
            if (existingIndex >= 0)
            {
                properties[existingIndex] = property;
            }
            else
            {
                byJsonName.Add(jsonName, properties.Count);
                properties.Add(property);
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

    private IEnumerable<YamlNode> RuleNodes(YamlNode schema, int depth, HashSet<YamlNode> visited)
    {
        if (depth > 32 || _refs.Resolve(schema) is not { IsMapping: true } resolved || !visited.Add(resolved))
        {
            yield break;
        }

        if (resolved.Get("if") is not null)
        {
            yield return resolved;
        }

        if (resolved.Get("allOf") is { IsSequence: true } allOf)
        {
            foreach (YamlNode part in allOf.Items!)
            {
                foreach (YamlNode rule in RuleNodes(part, depth + 1, visited))
                {
                    yield return rule;
                }
            }
        }
    }

    private RuleModel? BuildRule(YamlNode ruleNode, PendingType subject)
    {
        SchemaCheck? condition = BuildCheck(ruleNode.Get("if")!, subject.Ref, subject, 0);
        if (condition is null)
        {
            return null;
        }

        SchemaCheck? then = ruleNode.Get("then") is { } thenNode ? BuildCheck(thenNode, subject.Ref, subject, 0) : null;
        SchemaCheck? otherwise = ruleNode.Get("else") is { } elseNode ? BuildCheck(elseNode, subject.Ref, subject, 0) : null;
        return then is null && otherwise is null ? null : new RuleModel(condition, then, otherwise);
    }

    private static readonly HashSet<string> CheckKeywords = new(StringComparer.Ordinal)
    {
        "required", "properties", "const", "enum", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
        "minLength", "maxLength", "pattern", "minItems", "maxItems", "uniqueItems", "type", "description", "title", "$comment",
    };

    /// <summary>A rule fragment checked against a value of <paramref name="subject"/>; null when it uses keywords outside the supported subset.</summary>
    private SchemaCheck? BuildCheck(YamlNode fragment, TypeRef subject, PendingType? subjectType, int depth)
    {
        YamlNode? resolved = _refs.Resolve(fragment);
        if (resolved is null || !resolved.IsMapping)
        {
            return null;
        }

        if (depth > MaxCheckDepth || ++_checks > MaxChecks)
        {
            ReportUnsupported(fragment, fragment, "An if/then/else rule that nests more than " + MaxCheckDepth + " levels deep or makes this spec's rules exceed " + MaxChecks + " checks", "the rule is not checked");
            return null;
        }

        foreach (KeyValuePair<YamlNode, YamlNode> pair in resolved.Pairs!)
        {
            if (!CheckKeywords.Contains(pair.Key.Value!))
            {
                _diagnostics.Report(DiagnosticDescriptors.UnsupportedConstruct, pair.Key, $"The keyword '{pair.Key.Value}' inside if/then/else", "the conditional rule is not checked");
                return null;
            }
        }

        EquatableArray<PropertyModel> subjectProperties = subjectType is null ? EquatableArray<PropertyModel>.Empty : PropertiesOf(subjectType);
        var required = new List<PropertyModel>();
        if (resolved.Get("required") is { IsSequence: true } names)
        {
            foreach (YamlNode name in names.Items!)
            {
                if (Find(subjectProperties, name.Value) is { } property)
                {
                    required.Add(property);
                }
                else
                {
                    // A conditional requirement on an undeclared member would need a check on AdditionalProperties in the rule.
                    _diagnostics.Report(DiagnosticDescriptors.UnsupportedConstruct, name, $"A 'required' inside if/then/else that names the undefined property '{ConstraintReader.Shorten(name.Value ?? string.Empty)}'", "the requirement is not checked");
                }
            }
        }

        var properties = new List<PropertyCheck>();
        if (resolved.Get("properties") is { IsMapping: true } declared)
        {
            foreach (KeyValuePair<YamlNode, YamlNode> pair in declared.Pairs!)
            {
                if (Find(subjectProperties, pair.Key.Value) is not { } property)
                {
                    _diagnostics.Report(DiagnosticDescriptors.UnsupportedConstruct, pair.Key, $"A rule on the undefined property '{pair.Key.Value}'", "the rule is not checked");
                    continue;
                }

                PendingType? nested = property.Type.ModelName is { } modelName && property.Type.Kind == TypeRefKind.Model && _typesByName.TryGetValue(modelName, out PendingType? found) ? found : null;
                if (BuildCheck(pair.Value, property.Type, nested, depth + 1) is { } check)
                {
                    properties.Add(new PropertyCheck(property, check));
                }
            }
        }

        TypeRefKind kind = subject.Kind == TypeRefKind.Enum ? TypeRefKind.String : subject.Kind;
        return new SchemaCheck(required.ToEquatableArray(), properties.ToEquatableArray(), _constraints.Read(resolved, kind));
    }

    private static PropertyModel? Find(EquatableArray<PropertyModel> properties, string? jsonName)
    {
        foreach (PropertyModel property in properties)
        {
            if (property.JsonName == jsonName)
            {
                return property;
            }
        }

        return null;
    }

    private EquatableArray<EnumMemberModel> EnumMembers(YamlNode schema, string typeName)
    {
        var values = new List<string>();
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        foreach (YamlNode item in schema.Get("enum")?.Items ?? ConstAlternatives(schema)!)
        {
            if (item.IsScalar && !item.IsNull && distinct.Add(item.Value!))
            {
                if (!SpendMember(item))
                {
                    break;
                }

                values.Add(item.Value!);
            }
        }

        YamlNode? varNames = schema.Get("x-enum-varnames");
        bool useVarNames = varNames is { IsSequence: true } && varNames.Items!.Count == values.Count;
        var preferred = new string[values.Count];
        var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < values.Count; i++)
        {
            preferred[i] = useVarNames && varNames!.Items![i].Value is { Length: > 0 } given ? Identifiers.ToPascalCase(given) : MemberName(values[i], spelled: false);
            counts[preferred[i]] = counts.TryGetValue(preferred[i], out int count) ? count + 1 : 1;
        }

        var scope = new NameScope(ReservedEnumMemberNames);
        scope.Reserve(typeName); // a member cannot share its struct's name (CS0542)
        var members = new List<EnumMemberModel>(values.Count);
        for (int i = 0; i < values.Count; i++)
        {
            // Values that differ only in punctuation (Etc/GMT+1, Etc/GMT-1) are told apart by spelling it out.
            string name = counts[preferred[i]] > 1 || scope.IsTaken(preferred[i]) ? MemberName(values[i], spelled: true) : preferred[i];
            members.Add(new EnumMemberModel(scope.Claim(name), values[i]));
        }

        return members.ToEquatableArray();
    }

    private static readonly string[] ReservedUnionMemberNames = ReservedMemberNames.Concat(new[] { "Value", "UnmatchedJson" }).ToArray();

    /// <summary>The members every generated type of <paramref name="kind"/> declares, which its own name must not be.</summary>
    private static string[] FixedMemberNames(TypeModelKind kind) => kind switch
    {
        TypeModelKind.StringEnum => ReservedEnumMemberNames,
        TypeModelKind.Union => ReservedUnionMemberNames,
        _ => ReservedMemberNames,
    };

    private static readonly string[] ReservedEnumMemberNames = { "Value", "IsKnown", "KnownValues", "Equals", "GetHashCode", "ToString", "GetType", "Converter" };

    private static string MemberName(string value, bool spelled)
    {
        if (value.Length == 0)
        {
            return "Empty";
        }

        string name = spelled ? Identifiers.ToPascalCaseSpelled(value) : Identifiers.ToPascalCase(value);
        return name[0] == '_' ? "Value" + name.Substring(1) : name;
    }

    private static string? Describe(YamlNode schema)
    {
        string? description = schema.GetString("description");
        string? title = schema.GetString("title");
        return description ?? title;
    }

    /// <summary>The property's default for its documentation; null when it breaks the schema (reported as OAS008).</summary>
    private string? DefaultJson(YamlNode propertySchema, Shape shape)
    {
        if (propertySchema.Get("default") is not { } node || JsonLiterals.From(node) is not { } literal)
        {
            return null;
        }

        TypeRefKind kind = shape.Type.Kind;
        if (kind is TypeRefKind.Model or TypeRefKind.Array or TypeRefKind.Map or TypeRefKind.Union)
        {
            return null; // scalars only: a structured default is not documented
        }

        if (!_constraints.CheckDefault(propertySchema, kind, shape.Constraints, shape.AllowsNull))
        {
            return null;
        }

        return literal.Kind == JsonLiteralKind.String ? "\"" + literal.Text + "\"" : literal.Text;
    }

    /// <summary>Counts one property or enum member against <see cref="MaxMembers"/>; false once the budget is spent.</summary>
    private bool SpendMember(YamlNode at)
    {
        if (++_members <= MaxMembers)
        {
            return true;
        }

        if (!_membersExhausted)
        {
            _membersExhausted = true;
            _diagnostics.Report(DiagnosticDescriptors.InvalidSchema, at, $"The spec expands to more than {MaxMembers} properties and enum values (YAML aliases can repeat one mapping many times); the rest are left out");
        }

        return false;
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
        if (schema.Get("allOf") is not { IsSequence: true } allOf || schema.Get("properties") is not null || schema.Get("additionalProperties") is not null)
        {
            return null;
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

        if (deciding == 1)
        {
            return first;
        }

        othersLeftOut = true;
        return IsNonObject(first) ? first : null;
    }

    private bool IsNonObjectAllOf(YamlNode schema) =>
        DecidingAllOfPart(schema, out _, out _) is { } part && IsNonObject(part);

    private bool IsNonObject(YamlNode part) =>
        _refs.Resolve(part) is { IsMapping: true } resolved && PrimaryType(resolved) is "string" or "integer" or "number" or "boolean" or "array";

    /// <summary>Keywords that change what a value may be but that the generated code does not check (OAS010, once per schema and keyword).</summary>
    private static readonly (string Keyword, string LeftOut)[] UnsupportedKeywords =
    {
        ("not", "values matching the 'not' schema are not rejected"),
        ("discriminator", "the subtype is not chosen by it"),
        ("patternProperties", "members are not checked against it"),
        ("propertyNames", "member names are not checked"),
        ("unevaluatedProperties", "members are not checked against it"),
        ("dependentRequired", "the dependent requirements are not checked"),
        ("dependentSchemas", "the dependent schemas are not checked"),
        ("dependencies", "the dependencies are not checked"),
        ("minProperties", "the member count is not checked"),
        ("maxProperties", "the member count is not checked"),
        ("prefixItems", "the leading items are not checked against it"),
        ("additionalItems", "the extra items are not checked against it"),
        ("unevaluatedItems", "the items are not checked against it"),
        ("contains", "the items are not checked against it"),
        ("minContains", "the items are not checked against it"),
        ("maxContains", "the items are not checked against it"),
        ("$dynamicRef", "the reference is not followed"),
        ("$recursiveRef", "the reference is not followed"),
    };

    /// <summary>Reports each construct in <paramref name="schema"/> that the generated code leaves out.</summary>
    /// <param name="choiceHandled">The schema is a union (or an alias of its one alternative): its <c>oneOf</c>/<c>anyOf</c> and <c>discriminator</c> are honoured.</param>
    private void CheckUnsupported(YamlNode schema, string where, bool objectType, bool typedAsAny, bool choiceHandled = false)
    {
        if (!schema.IsMapping)
        {
            return;
        }

        foreach ((string keyword, string leftOut) in UnsupportedKeywords)
        {
            if ((choiceHandled && keyword == "discriminator")
                || (keyword is "minProperties" or "maxProperties" && (objectType || PrimaryType(schema) == "object")))
            {
                continue; // honoured: the union chooses by it / Validate() counts an object's members
            }

            if (KeyNode(schema, keyword) is { } key)
            {
                ReportUnsupported(schema, key, $"'{keyword}' (in {where})", leftOut);
            }
        }

        foreach (string keyword in new[] { "oneOf", "anyOf" })
        {
            if (choiceHandled && schema.Get("oneOf") is null == (keyword == "anyOf"))
            {
                continue; // the keyword the union is built from; a second one beside it is still reported
            }

            if (KeyNode(schema, keyword) is { } key)
            {
                ReportUnsupported(schema, key, $"'{keyword}' (in {where})", typedAsAny
                    ? "the value is typed as JsonElement and not checked against the alternatives"
                    : "the value is not checked against the alternatives");
            }
        }

        if (!objectType && KeyNode(schema, "if") is { } condition)
        {
            ReportUnsupported(schema, condition, $"'if' (in {where}, which is not an object type)", "the conditional rule is not checked");
        }

        // additionalProperties: false is checked by Validate(); a schema for the extra members is not.
        if (objectType && KeyNode(schema, "additionalProperties") is { } additionalKey && schema.Get("additionalProperties") is { IsMapping: true })
        {
            ReportUnsupported(schema, additionalKey, $"'additionalProperties' with a schema beside 'properties' (in {where})", "members not listed in 'properties' are kept in AdditionalProperties as JSON, not typed or checked against that schema");
        }

        if (schema.Get("type") is { IsSequence: true } types && PrimaryType(schema) is null)
        {
            ReportUnsupported(schema, types, $"A value of several types (in {where})", "it is typed as JsonElement and its type is not checked");
        }
    }

    private void ReportUnsupported(YamlNode schema, YamlNode at, string construct, string leftOut)
    {
        if (!_reported.TryGetValue(schema, out HashSet<string>? done))
        {
            done = new HashSet<string>(StringComparer.Ordinal);
            _reported.Add(schema, done);
        }

        int where = construct.IndexOf(" (in ", StringComparison.Ordinal);
        string kind = where > 0 ? construct.Substring(0, where) : construct;
        if (!done.Add(kind))
        {
            return;
        }

        if (!_overflow.TryGetValue(kind, out Overflow? overflow))
        {
            overflow = new Overflow();
            _overflow.Add(kind, overflow);
        }

        if (++overflow.Reported <= MaxWarningsPerConstruct)
        {
            _diagnostics.Report(DiagnosticDescriptors.UnsupportedConstruct, at, construct, leftOut);
        }
        else
        {
            overflow.First ??= at;
            overflow.Count++;
        }
    }

    private static YamlNode? KeyNode(YamlNode mapping, string key)
    {
        List<KeyValuePair<YamlNode, YamlNode>> pairs = mapping.Pairs!;
        for (int i = pairs.Count - 1; i >= 0; i--)
        {
            if (string.Equals(pairs[i].Key.Value, key, StringComparison.Ordinal))
            {
                return pairs[i].Key;
            }
        }

        return null;
    }

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
            return ConstAlternatives(schema) is null ? null : "string";
        }

        if (schema.Get("properties") is not null || schema.Get("allOf") is not null || schema.Get("additionalProperties") is not null)
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

    private bool BecomesType(YamlNode schema) =>
        ChoiceOf(schema) is { } choice ? choice.Alternatives.Count > 1 : PrimaryType(schema) switch
        {
            "object" => IsObjectType(schema),
            "string" => IsStringEnum(schema),
            _ => false,
        };

    private static bool IsObjectType(YamlNode schema) =>
        schema.Get("properties") is { IsMapping: true } || (schema.Get("allOf") is { IsSequence: true } && schema.Get("oneOf") is null && schema.Get("anyOf") is null);

    private static bool IsStringEnum(YamlNode schema)
    {
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

    /// <summary>
    /// The alternatives of a schema that is a choice (<c>oneOf</c>, else <c>anyOf</c>) and nothing else: no
    /// properties, items or allOf of its own, and no alternative that is a bare fragment (<c>{required: [a]}</c>)
    /// whose rules a typed alternative could not carry. Null alternatives are left out and noted.
    /// </summary>
    private Choice? ChoiceOf(YamlNode schema)
    {
        if (!schema.IsMapping)
        {
            return null;
        }

        if (_choices.TryGetValue(schema, out Choice? known))
        {
            return known;
        }

        // A choice whose alternatives lead back to it with no typed schema in between (A: oneOf [$ref A, ...])
        // could never be read; while it is being decided it counts as a fragment, so it is not a union.
        if (!_choosing.Add(schema))
        {
            return null;
        }

        Choice? choice = DecideChoice(schema);
        _choosing.Remove(schema);
        _choices[schema] = choice;
        return choice;
    }

    private Choice? DecideChoice(YamlNode schema)
    {
        YamlNode? list = schema.Get("oneOf") is { IsSequence: true } oneOf ? oneOf : schema.Get("anyOf") is { IsSequence: true } anyOf ? anyOf : null;
        if (list is null || list.Items!.Count == 0 || ConstAlternatives(schema) is not null
            || schema.Get("properties") is not null || schema.Get("allOf") is not null || schema.Get("additionalProperties") is not null || schema.Get("items") is not null
            || (schema.Get("type") is { IsScalar: true } type && type.Value is not ("object" or "null")))
        {
            return null;
        }

        var alternatives = new List<YamlNode>(list.Items.Count);
        bool hasNull = false;
        foreach (YamlNode alternative in list.Items)
        {
            if (_refs.Resolve(alternative) is not { } resolved)
            {
                continue; // a broken $ref, reported by the resolver
            }

            if (IsNullOnly(resolved))
            {
                hasNull = true;
                continue;
            }

            if (resolved.IsMapping && PrimaryType(resolved) is null && ChoiceOf(resolved) is null && !IsAnnotationOnly(resolved))
            {
                return null; // a fragment such as {required: [a]}: kept as JSON and reported
            }

            hasNull |= resolved.IsMapping && AllowsNull(resolved);
            alternatives.Add(alternative);
        }

        return alternatives.Count == 0 ? null : new Choice(alternatives, hasNull);
    }

    /// <summary>
    /// The string values of an enum written as alternatives, <c>oneOf: [{const: CREATE, description: ...}, ...]</c>
    /// (each alternative a string <c>const</c> or one-value <c>enum</c>); null when the schema is not that.
    /// </summary>
    private static List<YamlNode>? ConstAlternatives(YamlNode schema)
    {
        if (!schema.IsMapping || (schema.Get("oneOf") ?? schema.Get("anyOf")) is not { IsSequence: true } list || list.Items!.Count == 0 || schema.Get("enum") is not null)
        {
            return null;
        }

        var values = new List<YamlNode>(list.Items.Count);
        foreach (YamlNode alternative in list.Items)
        {
            if (!alternative.IsMapping)
            {
                return null;
            }

            YamlNode? value = null;
            foreach (KeyValuePair<YamlNode, YamlNode> pair in alternative.Pairs!)
            {
                switch (pair.Key.Value)
                {
                    case "const":
                        value = pair.Value;
                        break;
                    case "enum" when pair.Value is { IsSequence: true } one && one.Items!.Count == 1:
                        value = one.Items[0];
                        break;
                    case "type" when pair.Value.Value == "string":
                    case "description" or "title" or "$comment":
                        break;
                    default:
                        return null;
                }
            }

            if (value is null || JsonLiterals.From(value) is not { Kind: JsonLiteralKind.String })
            {
                return null;
            }

            values.Add(value);
        }

        return values;
    }

    /// <summary>
    /// A key that is equal for inline choices that would generate the same type: the same keyword, no
    /// discriminator, and alternatives that are the same references or the same inline schemas (written out
    /// in full, constraints included, documentation left out). Null when an alternative nests too deep to
    /// compare cheaply; that choice stays a type of its own named after where it is.
    /// </summary>
    private string? SharedUnionKey(YamlNode schema, Choice choice)
    {
        if (schema.Get("discriminator") is not null)
        {
            return null;
        }

        var key = new System.Text.StringBuilder(schema.Get("oneOf") is null ? "anyOf" : "oneOf");
        foreach (YamlNode alternative in choice.Alternatives)
        {
            key.Append('|');
            if (alternative.GetString("$ref") is { } reference)
            {
                if (_refs.Resolve(alternative) is not { } target || !_typesByNode.ContainsKey(target))
                {
                    return null; // an alias of a non-type schema: its shape depends on more than the reference
                }

                key.Append("$ref ").Append(reference);
            }
            else if (!Canonical(alternative, key, 0))
            {
                return null;
            }
        }

        return key.ToString();
    }

    /// <summary>Appends a YAML node as unambiguous text (scalars quoted and escaped); false when it nests too deep.</summary>
    private static bool Canonical(YamlNode node, System.Text.StringBuilder into, int depth)
    {
        if (depth > 8)
        {
            return false;
        }

        if (node.IsMapping)
        {
            into.Append('{');
            foreach (KeyValuePair<YamlNode, YamlNode> pair in node.Pairs!)
            {
                string name = pair.Key.Value ?? string.Empty;
                if (name is "description" or "title" or "example" or "examples" or "$comment" || name.StartsWith("x-", StringComparison.Ordinal))
                {
                    continue; // documentation only: not part of what the type is
                }

                into.Append(name.Length).Append(':').Append(name).Append('=');
                if (!Canonical(pair.Value, into, depth + 1))
                {
                    return false;
                }
            }

            into.Append('}');
        }
        else if (node.IsSequence)
        {
            into.Append('[');
            foreach (YamlNode item in node.Items!)
            {
                if (!Canonical(item, into, depth + 1))
                {
                    return false;
                }

                into.Append(',');
            }

            into.Append(']');
        }
        else
        {
            string text = node.Value ?? "~";
            into.Append(text.Length).Append(':').Append(text);
        }

        return true;
    }

    /// <summary><c>StringOrAccount</c>: a shared union is named after its alternatives.</summary>
    private string SharedUnionName(Choice choice)
    {
        var parts = new List<string>(choice.Alternatives.Count);
        foreach (YamlNode alternative in choice.Alternatives)
        {
            if (_refs.Resolve(alternative) is { } target && _typesByNode.TryGetValue(target, out PendingType? type))
            {
                parts.Add(type.Name);
            }
            else
            {
                parts.Add(PrimaryType(alternative) switch
                {
                    "integer" => alternative.GetString("format") == "int32" ? "Int32" : "Int64",
                    "number" => "Number",
                    "boolean" => "Boolean",
                    "string" => "String",
                    "array" => "List",
                    "object" => "Object",
                    _ => "Value",
                });
            }
        }

        return string.Join("Or", parts);
    }

    private static readonly string[] ReservedVariantNames = { "Json", "Valid", "Value" };

    private UnionModel BuildUnion(PendingType pending)
    {
        YamlNode schema = pending.Node;
        Choice choice = ChoiceOf(schema)!;
        YamlNode? discriminator = schema.Get("discriminator");
        string? propertyName = discriminator?.GetString("propertyName");
        var scope = new NameScope(ReservedVariantNames);
        foreach (string prefix in new[] { "Is", "As", "From" })
        {
            if (pending.Name.StartsWith(prefix, StringComparison.Ordinal) && pending.Name.Length > prefix.Length)
            {
                scope.Reserve(pending.Name.Substring(prefix.Length)); // IsCat cannot declare IsCat for its Cat alternative
            }
        }

        var variants = new List<VariantModel>(choice.Alternatives.Count);
        for (int i = 0; i < choice.Alternatives.Count; i++)
        {
            YamlNode alternative = choice.Alternatives[i];
            string? inlineName = alternative.Get("$ref") is null ? InlineAlternativeName(alternative) : null;
            Shape shape = ShapeOf(alternative, pending.Name, inlineName ?? "Option" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));

            // An inline object or enum alternative is a type named {Union}{Name}; the alternative is just {Name}.
            bool inlineType = inlineName is not null && shape.Type.Kind is TypeRefKind.Model or TypeRefKind.Enum or TypeRefKind.Union;
            string name = scope.Claim(inlineType ? inlineName! : VariantName(shape.Type));
            EquatableArray<string> tags = propertyName is null ? EquatableArray<string>.Empty : Tags(alternative, discriminator!);
            string origin = alternative.GetString("$ref") ?? pending.SchemaName + "/" + (schema.Get("oneOf") is null ? "anyOf/" : "oneOf/") + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            variants.Add(new VariantModel(name, shape.Type, shape.Constraints, tags, origin));
        }

        // An alternative with no discriminator value (inline, unmapped) could never be chosen by it: then the
        // alternatives are told apart by what the JSON is valid against, as JSON Schema itself does.
        bool tagged = propertyName is not null && variants.TrueForAll(v => !v.Tags.IsEmpty);
        return new UnionModel(schema.Get("oneOf") is { IsSequence: true }, tagged ? propertyName : null, variants.ToEquatableArray());
    }

    /// <summary>
    /// A readable name for an inline alternative: its <c>title</c>; for a one-value string enum the value
    /// (<c>unlimited</c> → <c>Unlimited</c>, <c>''</c> → <c>Empty</c>); else <c>Object</c>/<c>Enum</c>/<c>List</c>.
    /// </summary>
    private static string? InlineAlternativeName(YamlNode alternative)
    {
        if (alternative.GetString("title") is { Length: > 0 } title)
        {
            return Identifiers.Truncate(Identifiers.ToPascalCase(title), 40);
        }

        if (alternative.Get("enum") is { IsSequence: true } values && values.Items!.Count == 1 && JsonLiterals.From(values.Items[0]) is { Kind: JsonLiteralKind.String } only)
        {
            return only.Text.Length == 0 ? "Empty" : Identifiers.Truncate(MemberName(only.Text, spelled: false), 40);
        }

        return PrimaryType(alternative) switch
        {
            "object" => "Object",
            "array" => "List",
            "string" when IsStringEnum(alternative) => "Enum",
            _ => null,
        };
    }

    private static string VariantName(TypeRef type) => type.Kind switch
    {
        TypeRefKind.Model or TypeRefKind.Enum or TypeRefKind.Union => type.ModelName!,
        TypeRefKind.DateTimeOffset => "DateTime",
        TypeRefKind.Array => VariantName(type.Element!) + "List",
        TypeRefKind.Map => VariantName(type.Element!) + "Map",
        TypeRefKind.Any => "JsonValue",
        _ => type.Kind.ToString(),
    };

    /// <summary>
    /// The discriminator values that choose <paramref name="alternative"/>: the <c>mapping</c> keys that point at
    /// it, else (as OpenAPI says) the name of the component schema it refers to. An inline alternative has none.
    /// </summary>
    private EquatableArray<string> Tags(YamlNode alternative, YamlNode discriminator)
    {
        if (alternative.GetString("$ref") is not { } reference || _refs.Resolve(alternative) is not { } target)
        {
            return EquatableArray<string>.Empty;
        }

        var tags = new List<string>();
        if (discriminator.Get("mapping") is { IsMapping: true } mapping)
        {
            foreach (KeyValuePair<YamlNode, YamlNode> pair in mapping.Pairs!)
            {
                if (pair.Key.Value is not { } tag || pair.Value.Value is not { } pointsAt)
                {
                    continue;
                }

                // A mapping value is a reference ('#/components/schemas/Cat') or a bare schema name ('Cat').
                string targetReference = pointsAt.IndexOf('/') >= 0 ? pointsAt : "#/components/schemas/" + pointsAt;
                if (targetReference == reference || ReferenceEquals(_refs.Lookup(targetReference), target))
                {
                    tags.Add(tag);
                }
            }
        }

        if (tags.Count == 0)
        {
            tags.Add(RefResolver.Unescape(reference.Substring(reference.LastIndexOf('/') + 1)));
        }

        return tags.ToEquatableArray();
    }

    /// <summary>The non-null alternatives of a <c>oneOf</c>/<c>anyOf</c>, and whether one of them allows JSON null.</summary>
    private sealed record Choice(List<YamlNode> Alternatives, bool HasNull);

    /// <summary>A type found while reading the spec, built into a <see cref="TypeModel"/> at the end.</summary>
    private sealed class PendingType
    {
        public PendingType(YamlNode node, string name, string schemaName, TypeModelKind kind)
        {
            Node = node;
            Name = name;
            SchemaName = schemaName;
            Kind = kind;
            Ref = new TypeRef(kind switch { TypeModelKind.StringEnum => TypeRefKind.Enum, TypeModelKind.Union => TypeRefKind.Union, _ => TypeRefKind.Model }, name);
        }

        public YamlNode Node { get; }

        public string Name { get; }

        public string SchemaName { get; }

        public TypeModelKind Kind { get; }

        public TypeRef Ref { get; }

        public EquatableArray<PropertyModel>? Properties { get; set; }

        /// <summary>Names in <c>required</c> that no <c>properties</c> declares; set with <see cref="Properties"/>.</summary>
        public EquatableArray<string> UndeclaredRequired { get; set; } = EquatableArray<string>.Empty;

        /// <summary>An inline union used wherever the same choice recurs (see <c>SharedUnionKey</c>).</summary>
        public bool Shared { get; set; }
    }
}

/// <summary>How often one unsupported construct was seen past the located warnings.</summary>
internal sealed class Overflow
{
    public int Reported { get; set; }

    public int Count { get; set; }

    public YamlNode? First { get; set; }
}

/// <summary>A schema's C# type, the constraints on its values, and whether JSON null is allowed.</summary>
internal sealed record Shape(TypeRef Type, Constraints Constraints, bool AllowsNull);

internal sealed class ReferenceEqualityComparer : IEqualityComparer<YamlNode>
{
    public static readonly ReferenceEqualityComparer Instance = new();

    public bool Equals(YamlNode? x, YamlNode? y) => ReferenceEquals(x, y);

    public int GetHashCode(YamlNode obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
}
