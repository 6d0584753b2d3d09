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
internal sealed partial class SchemaBuilder
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
        "IsValid", "AddReadError", "HasReadError", "ValidateReadErrors", "AdditionalProperties", "NonObjectValue",
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
    private readonly bool _isOpenApi31;
    private bool _membersExhausted;

    public SchemaBuilder(DiagnosticBag diagnostics, RefResolver refs, bool isOpenApi31, NameScope typeNames, CancellationToken cancellationToken, bool validateFormats = true)
    {
        _diagnostics = diagnostics;
        _refs = refs;
        _constraints = new ConstraintReader(diagnostics, isOpenApi31, validateFormats);
        _isOpenApi31 = isOpenApi31;
        _typeNames = typeNames;
        _cancellationToken = cancellationToken;
    }

    /// <summary>The validation keywords of a schema that is not built into a type (a multipart file part's <c>minItems</c>).</summary>
    public Constraints ReadConstraints(YamlNode schema, TypeRefKind kind) => _constraints.Read(schema, kind);

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
                RegisterComponent(schema, pair.Key, pair.Key.Value!);
            }
        }
    }

    /// <summary>Builds every registered type, including the inline ones found on the way.</summary>
    public EquatableArray<TypeModel> BuildTypes()
    {
        ResolveHierarchies();
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

            // A boolean schema (2020-12 core §4.3.2): true accepts every value, false none (where it is present at all).
            return new Shape(TypeRef.Any, schema.IsScalar && schema.Value == "false" ? Model.Constraints.Nothing : Model.Constraints.None, true);
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
            if (aliased.Type.Kind == TypeRefKind.Any && KeywordsBesideRef(schema) is { } combined)
            {
                // $ref beside other keywords (2020-12 core §8.2.3.1), here or along the chain: both apply, so that schema is checked as JSON.
                return JsonValueShape(combined);
            }

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

            Shape decided = ShapeOf(part, owner, member);
            if (decided.Type.Kind == TypeRefKind.Any && HasOwnJsonValueKeywords(schema))
            {
                // A part kept as JSON, and keywords of the schema's own that constraints cannot carry (prefixItems,
                // unevaluatedItems, contains, ...): the whole schema, its allOf included, is checked as JSON.
                Shape whole = JsonValueShape(schema);
                return siteNullable || partsAllowNull ? whole with { AllowsNull = true } : whole;
            }

            Shape inner = WithOwnConstraints(decided, schema, owner + "." + member);
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
        string? type = TypeOf(schema);
        bool choiceRules = type is "string" or "integer" or "number" or "boolean" or "array" && !(type == "string" && IsStringEnum(schema));
        bool tuple = type == "array" && IsTuple(schema);
        if (!(type == "object" && IsObjectType(schema)) && !(type == "string" && IsStringEnum(schema)))
        {
            CheckUnsupported(schema, owner + "." + member, objectType: false, typedAsAny: type is null || tuple, choiceRules: choiceRules);
        }

        if (tuple)
        {
            return JsonValueShape(schema);
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
                ReportOnlyArraysAccepted(schema);
                (YamlNode? items, int? unevaluatedLimit) = UnevaluatedItems(schema);
                Shape element = items is null ? new Shape(TypeRef.Any, Model.Constraints.None, true) : ShapeOf(items, owner, member + "Item");
                var array = new TypeRef(TypeRefKind.Array, Element: element.Type, ElementConstraints: element.Constraints, ElementAllowsNull: element.AllowsNull);
                Constraints arrayConstraints = _constraints.Read(schema, TypeRefKind.Array);
                if (unevaluatedLimit is { } limit && !(arrayConstraints.MaxItems <= limit))
                {
                    arrayConstraints = arrayConstraints with { MaxItems = limit }; // unevaluatedItems: false past the leading items
                }

                return WithChoices(new Shape(array, arrayConstraints, allowsNull), schema, owner + "." + member);
            }

            case "string":
                if (IsStringEnum(schema))
                {
                    PendingType inline = InlineEnum(schema, owner, member);
                    return new Shape(inline.Ref, _constraints.Read(schema, TypeRefKind.Enum) with { Enum = EquatableArray<JsonLiteral>.Empty }, allowsNull);
                }

                return WithChoices(Primitive(schema, StringKind(schema.GetString("format")), allowsNull), schema, owner + "." + member);
            case "integer" or "number" or "boolean":
                return WithChoices(Primitive(schema, ScalarKind(schema, type), allowsNull), schema, owner + "." + member);
            default:
                return JsonValueShape(schema);
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

    /// <summary>A value's oneOf/anyOf beside its own type, as rules in its constraints (see SchemaBuilder.ChoiceRules).</summary>
    private Shape WithChoices(Shape shape, YamlNode schema, string where)
    {
        if (!HasChoiceKeyword(schema))
        {
            return shape;
        }

        EquatableArray<ChoiceRuleModel> choices = ValueChoices(schema, shape.Type, where);
        return choices.IsEmpty ? shape : shape with { Constraints = shape.Constraints with { Choices = choices } };
    }

    private Shape Primitive(YamlNode schema, TypeRefKind kind, bool allowsNull) =>
        new(new TypeRef(kind), _constraints.Read(schema, kind), allowsNull);

    private TypeRefKind ScalarKind(YamlNode schema, string type) => type switch
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

        string? type = TypeOf(schema);
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

    /// <summary>
    /// The C# type of a string: a date-time is a <c>DateTimeOffset</c> and a uuid a <c>Guid</c> when formats are asserted
    /// (reading the JSON checks them); when they only annotate (<c>ValidateFormats="false"</c>) both stay strings, since a
    /// typed property would reject a value the schema then accepts.
    /// </summary>
    private TypeRefKind StringKind(string? format) => format switch
    {
        "date-time" when _constraints.ValidateFormats => TypeRefKind.DateTimeOffset,
        "uuid" when _constraints.ValidateFormats => TypeRefKind.Guid,
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
        // What building the type leaves out is held back until it is known whether the model is checked as JSON too.
        int mark = _diagnostics.Count;
        TypeModel model = HoldingLeftOut(() => BuildCore(pending), out List<LeftOut> leftOut);

        bool asJson = model.Kind is TypeModelKind.Object or TypeModelKind.Union
            && (leftOut.Any(l => IsCheckedAsJson(l.Construct)) | _diagnostics.Retract(mark, IsCheckedAsJson));
        JsonValueSchema? compiled = asJson ? CompileJsonValue(pending.Node) : null;
        if (!asJson && model.Kind == TypeModelKind.Object && _refs.Resources.ReachesDynamicRef(pending.Node))
        {
            // A $dynamicRef anywhere under the model (a member model's too) goes where the scope this model starts sends it,
            // which the member model's own checks cannot know: then the model is checked as JSON from its own scope.
            int compiledMark = _diagnostics.Count;
            JsonValueSchema candidate = CompileJsonValue(pending.Node);
            if (candidate.Nodes.Any(n => n.DynamicRef is not null))
            {
                (asJson, compiled) = (true, candidate);
            }
            else
            {
                _diagnostics.Retract(compiledMark, _ => true);
            }
        }

        ReportHeld(leftOut, asJson);

        // What the typed checks leave out (of a model's members, or beside a union's alternatives), the JSON-value validator
        // checks; it also states additionalProperties: false exactly (a member patternProperties matches is not additional,
        // which the typed check cannot tell).
        return compiled is not null ? model with { JsonFallback = compiled, ForbidsAdditionalProperties = false } : model;
    }

    private TypeModel BuildCore(PendingType pending)
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
            if (pending.Shared)
            {
                description = null; // one x-ms-enum used at many places: the first one's description would mislead at the others
            }

            _ = _constraints.Read(schema, TypeRefKind.Enum); // reports enum values and a default that break the schema
            return new TypeModel(TypeModelKind.StringEnum, pending.Name, pending.SchemaName, description, EquatableArray<PropertyModel>.Empty, EnumMembers(schema, pending.Name), EquatableArray<RuleModel>.Empty);
        }

        EquatableArray<PropertyModel> properties = pending.Root is null ? PropertiesOf(pending) : HierarchyProperties(pending);
        var rules = new List<RuleModel>();
        var ruleNodes = new List<(YamlNode Node, int Built)>(); // Built: the index in rules, -1 for a rule that is not checked
        foreach (YamlNode ruleNode in RuleNodes(schema, 0, new HashSet<YamlNode>(ReferenceEqualityComparer.Instance)))
        {
            RuleModel? rule = BuildRule(ruleNode, pending);
            ruleNodes.Add((ruleNode, rule is null ? -1 : rules.Count));
            if (rule is not null)
            {
                rules.Add(rule);
            }
        }

        bool closed = schema.Get("additionalProperties") is { IsScalar: true, Value: "false" };
        UnevaluatedModel? unevaluated = BuildUnevaluated(pending, ruleNodes, rules);
        (int? minProperties, int? maxProperties) = _constraints.ReadPropertyCounts(schema);
        return new TypeModel(TypeModelKind.Object, pending.Name, pending.SchemaName, description, properties, EquatableArray<EnumMemberModel>.Empty, rules.ToEquatableArray(), closed)
        {
            MinProperties = minProperties,
            MaxProperties = maxProperties,
            UndeclaredRequired = pending.UndeclaredRequired,
            Unevaluated = unevaluated,
            Choices = ObjectChoices(pending),
            Inheritance = InheritanceOf(pending),
            NonObjectRules = HierarchyNonObjectRules(pending, schema),
        };
    }

    /// <summary>
    /// <see cref="NonObjectRules"/> of a type, in a hierarchy too: every class of it reads a value that is not an object
    /// when its root does (the class is what a property of the root type holds), so a member that says <c>type: object</c>
    /// there rejects such a value with its type rule.
    /// </summary>
    private EquatableArray<Constraints>? HierarchyNonObjectRules(PendingType pending, YamlNode schema)
    {
        EquatableArray<Constraints>? own = NonObjectRules(schema, pending.SchemaName);
        if (own is not null || pending.Root is not { } root || root == pending || NonObjectRules(root.Node, root.SchemaName) is null)
        {
            return own;
        }

        return new[] { Model.Constraints.None with { Types = "object" } }.ToEquatableArray();
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

        /// <summary>An inline union used wherever the same choice recurs (see <c>SharedUnionKey</c>), or an enum whose x-ms-enum name several schemas share.</summary>
        public bool Shared { get; set; }

        /// <summary>The discriminator's property name on a base of an inheritance hierarchy.</summary>
        public string? Discriminator { get; set; }

        /// <summary>The base of the hierarchy this type belongs to (itself for the base); null outside one.</summary>
        public PendingType? Root { get; set; }

        /// <summary>The class this type derives from in its hierarchy.</summary>
        public PendingType? Parent { get; set; }

        public bool HierarchyResolved { get; set; }

        public bool HasSubtypes { get; set; }

        /// <summary>The discriminator values that name this type.</summary>
        public EquatableArray<string> Tags { get; set; } = EquatableArray<string>.Empty;

        /// <summary>On a base: every value of its hierarchy and the type it names.</summary>
        public EquatableArray<SubtypeModel> Table { get; set; } = EquatableArray<SubtypeModel>.Empty;

        /// <summary>On a base whose discriminator has 3.2's <c>defaultMapping</c>: the type read when the value is absent or names no type.</summary>
        public PendingType? DefaultType { get; set; }

        /// <summary>On the default type: the values that name the other types of the hierarchy.</summary>
        public EquatableArray<string>? OtherTags { get; set; }

        /// <summary>Inherited optional value-typed properties that this subtype's schema requires.</summary>
        public List<string> RequiredInherited { get; } = new();

        /// <summary>The properties in class order (see <c>HierarchyProperties</c>).</summary>
        public EquatableArray<PropertyModel>? HierarchyProperties { get; set; }
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
