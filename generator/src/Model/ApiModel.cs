using System;

namespace OpenApiSdk.Generator.Model;

// The equatable, position-free model that code is emitted from. Everything here compares by value
// (records, strings, EquatableArray), and nothing holds a YAML node, a Location or a symbol, so an
// edit that leaves the meaning of the spec alone (a comment, a blank line) leaves these equal and
// the emit steps cached.

/// <summary>What one spec file becomes: its naming context, its types and its client.</summary>
internal sealed record ApiModel(
    SpecContext Context,
    EquatableArray<TypeModel> Types,
    ClientModel? Client)
{
    /// <summary>The webhooks and callbacks the user may receive; null when the spec declares none.</summary>
    public ReceiverModel? Receivers { get; init; }
}

/// <summary>Names shared by every file generated from one spec.</summary>
/// <param name="Namespace">The C# namespace of everything generated.</param>
/// <param name="HintPrefix">Prefix of every hint name: unique per spec in a project.</param>
/// <param name="ClientName">The client class name; also reserved against schema names.</param>
/// <param name="Title">The spec's <c>info.title</c>, for documentation.</param>
internal sealed record SpecContext(string Namespace, string HintPrefix, string ClientName, string Title);

internal enum TypeModelKind
{
    /// <summary>A class with properties, JSON converter and validator.</summary>
    Object,

    /// <summary>An extensible string enum: a struct that keeps unknown values.</summary>
    StringEnum,

    /// <summary><c>oneOf</c>/<c>anyOf</c>: a class holding one of its alternatives, chosen by a discriminator or by what the JSON fits.</summary>
    Union,
}

/// <param name="SchemaName">Where the schema came from, for documentation (<c>#/components/schemas/X</c> or an inline path).</param>
/// <param name="ForbidsAdditionalProperties"><c>additionalProperties: false</c>: undeclared properties are validation errors.</param>
internal sealed record TypeModel(
    TypeModelKind Kind,
    string Name,
    string SchemaName,
    string? Description,
    EquatableArray<PropertyModel> Properties,
    EquatableArray<EnumMemberModel> Members,
    EquatableArray<RuleModel> Rules,
    bool ForbidsAdditionalProperties = false,
    UnionModel? Union = null)
{
    /// <summary><c>minProperties</c>: the fewest members (declared and additional) an instance may have.</summary>
    public int? MinProperties { get; init; }

    /// <summary><c>maxProperties</c>: the most members (declared and additional) an instance may have.</summary>
    public int? MaxProperties { get; init; }

    /// <summary>
    /// Names listed in <c>required</c> that <c>properties</c> does not declare: the member must be present all the
    /// same (JSON Schema), and its value is kept in <c>AdditionalProperties</c>.
    /// </summary>
    public EquatableArray<string> UndeclaredRequired { get; init; } = EquatableArray<string>.Empty;

    /// <summary><c>unevaluatedProperties</c> (JSON Schema 2020-12 §11.3); null when the schema has none or every member is evaluated anyway.</summary>
    public UnevaluatedModel? Unevaluated { get; init; }

    /// <summary>The type's place in an inheritance hierarchy (a discriminator on an <c>allOf</c> base); null outside one.</summary>
    public InheritanceModel? Inheritance { get; init; }

    /// <summary><c>oneOf</c>/<c>anyOf</c> beside the object's own keywords (or in its <c>allOf</c> parts): rules on the object, which keeps its properties.</summary>
    public EquatableArray<ChoiceRuleModel> Choices { get; init; } = EquatableArray<ChoiceRuleModel>.Empty;

    /// <summary>
    /// Set when neither the schema nor an <c>allOf</c> part gives a <c>type</c>: JSON Schema then accepts any JSON value and
    /// applies the object keywords to objects only, so the model also holds a value that is not an object (as JSON, in
    /// <c>NonObjectValue</c>), checked against these: the keywords for other JSON types of the schema and of each part
    /// (checked as a value kept as JSON is). Null for a model of objects only.
    /// </summary>
    public EquatableArray<Constraints>? NonObjectRules { get; init; }

    /// <summary>
    /// The type's schema compiled for the JSON-value validator, when it has keywords the typed checks cannot carry
    /// (<c>patternProperties</c>, <c>dependentSchemas</c>, <c>unevaluatedProperties</c> beside a union's alternatives, ...):
    /// <c>Validate()</c> then also checks the model's (or union's) own JSON against it (after read errors; errors the typed
    /// checks already reported are not repeated), and a held non-object value is checked against it alone. Null for every
    /// other type, which stays as it is.
    /// </summary>
    public JsonValueSchema? JsonFallback { get; init; }
}

/// <summary>
/// <c>unevaluatedProperties</c> of an object type. Declared properties (of the schema and its <c>allOf</c> parts) are
/// always evaluated and never reach <c>AdditionalProperties</c>; of the members there, a name is evaluated when it
/// matches a <c>patternProperties</c> pattern, is in <see cref="Names"/>, or is named by the <c>properties</c> of an
/// if/then/else branch that applied (<see cref="RuleModel.EvaluatedIfHolds"/>, <see cref="RuleModel.EvaluatedOtherwise"/>).
/// </summary>
/// <param name="Patterns">The <c>patternProperties</c> patterns of the schema and its parts.</param>
/// <param name="Names">Names counted as evaluated whatever the value holds: where the SDK cannot tell (an alternative of an
/// unchecked <c>oneOf</c>/<c>anyOf</c>, a rule it does not check), so that no valid object is rejected.</param>
/// <param name="Schema">The schema each unevaluated member must meet; null for <c>false</c> (no unevaluated member is allowed).</param>
internal sealed record UnevaluatedModel(EquatableArray<string> Patterns, EquatableArray<string> Names, MemberSchema? Schema);

/// <summary>A schema checked against a JSON value kept as a <c>JsonElement</c>: its JSON type, then the constraints of <see cref="Type"/>.</summary>
/// <param name="JsonType">"string", "integer", "number", "boolean", "object" or "array".</param>
/// <param name="Type">The scalar type the constraints are checked on (String, Int64, Double, Boolean); null for objects and arrays.</param>
internal sealed record MemberSchema(string JsonType, TypeRef? Type, Constraints Constraints, bool AllowsNull);

/// <summary>
/// A class of an inheritance hierarchy: OpenAPI's Discriminator Object on an <c>allOf</c> base. The type's
/// <see cref="TypeModel.Properties"/> are all of its schema's, the inherited ones first (<see cref="InheritedCount"/>),
/// declared by the base class and checked again with the subtype's rules.
/// </summary>
/// <param name="BaseName">The base class; null on the root, which derives from <c>OpenApiObject&lt;T&gt;</c>.</param>
/// <param name="HasSubtypes">Some type derives from this one, so it is not sealed.</param>
/// <param name="Discriminator">The JSON name of the discriminator property, which the root declares.</param>
/// <param name="Tags">The discriminator values that name this type; the constructor writes the first.</param>
/// <param name="Subtypes">On the root only: every value of the hierarchy and the type it names, for reading.</param>
internal sealed record InheritanceModel(
    string? BaseName,
    int InheritedCount,
    bool HasSubtypes,
    string Discriminator,
    EquatableArray<string> Tags,
    EquatableArray<SubtypeModel> Subtypes)
{
    /// <summary>JSON names of inherited properties the base declares optional (a <c>T?</c> value) and this schema requires.</summary>
    public EquatableArray<string> RequiredInherited { get; init; } = EquatableArray<string>.Empty;

    /// <summary>On the base, with OpenAPI 3.2's <c>defaultMapping</c>: the type read when the discriminator is absent or names no type.</summary>
    public string? DefaultTypeName { get; init; }

    /// <summary>On the <c>defaultMapping</c> type: the values naming the hierarchy's other types (any other value, or none, is this type's).</summary>
    public EquatableArray<string>? DefaultOtherTags { get; init; }
}

/// <summary>A discriminator value and the C# type it names.</summary>
internal sealed record SubtypeModel(string Tag, string TypeName);

/// <summary>The alternatives of a <see cref="TypeModelKind.Union"/>.</summary>
/// <param name="ExactlyOne"><c>oneOf</c> (a value must match exactly one alternative) rather than <c>anyOf</c>.</param>
/// <param name="Discriminator">The property whose value names the alternative, when the schema has a <c>discriminator</c>.</param>
/// <param name="DefaultVariant">The 0-based alternative OpenAPI 3.2's <c>defaultMapping</c> names: read when the discriminator is absent or names no alternative.</param>
internal sealed record UnionModel(bool ExactlyOne, string? Discriminator, EquatableArray<VariantModel> Variants, int? DefaultVariant = null);

/// <param name="Name">The C# name of the alternative, used in <c>Is{Name}</c>, <c>As{Name}</c> and <c>From{Name}</c>.</param>
/// <param name="Tags">The discriminator values that choose this alternative.</param>
/// <param name="Origin">Where the alternative comes from, for documentation.</param>
internal sealed record VariantModel(string Name, TypeRef Type, Constraints Constraints, EquatableArray<string> Tags, string Origin);

/// <param name="Description">The value's description (x-ms-enum <c>values</c>), for its XML docs.</param>
internal sealed record EnumMemberModel(string Name, string Value, string? Description = null);

/// <param name="Name">The C# property name.</param>
/// <param name="JsonName">The wire name.</param>
/// <param name="AllowsNull">JSON <c>null</c> is a valid value (3.0 <c>nullable</c>, 3.1 <c>"null"</c> in <c>type</c>).</param>
/// <param name="IsSecret"><c>format: password</c> or <c>writeOnly</c>: never printed.</param>
/// <param name="DefaultJson">The schema's <c>default</c> as JSON text, for documentation.</param>
internal sealed record PropertyModel(
    string Name,
    string JsonName,
    TypeRef Type,
    bool Required,
    bool AllowsNull,
    bool IsSecret,
    bool IsReadOnly,
    bool IsWriteOnly,
    string? Description,
    Constraints Constraints,
    string? DefaultJson)
{
    /// <summary>A string's <c>format</c> as the spec writes it, for the docs: checked (<see cref="Constraints.Format"/>) or only an annotation.</summary>
    public string? Format { get; init; }

    /// <summary>A string that holds JSON (<c>contentMediaType: application/json</c> with a <c>contentSchema</c>): its typed form; null otherwise.</summary>
    public ContentModel? Content { get; init; }
}

/// <summary>
/// The typed form of a string property that holds JSON (JSON Schema validation §8: <c>contentMediaType</c> and
/// <c>contentSchema</c>; OpenAPI 3.2 uses it for an event's <c>data</c>): the model gets a read-only member
/// <paramref name="Name"/> holding the JSON read when the model is read, and validation checks it at the property's pointer.
/// </summary>
/// <param name="Name">The C# name of the typed member, <c>{Property}Payload</c>.</param>
/// <param name="Type">The contentSchema's type.</param>
/// <param name="Constraints">The contentSchema's rules on a value that is not a model.</param>
/// <param name="MediaType">The <c>contentMediaType</c> as written.</param>
internal sealed record ContentModel(string Name, TypeRef Type, Constraints Constraints, string MediaType);

internal enum TypeRefKind
{
    String,
    Int32,
    Int64,
    Single,
    Double,
    Decimal,
    Boolean,
    DateTimeOffset,
    Guid,
    Bytes,
    Model,
    Enum,
    Array,
    Map,
    Any,

    /// <summary>A generated <see cref="TypeModelKind.Union"/> class: read from any JSON token, not only an object.</summary>
    Union,
}

/// <summary>The C# shape of a value: a primitive, a generated type by name, or a collection of them.</summary>
/// <param name="ModelName">The generated type's name for <see cref="TypeRefKind.Model"/>, <see cref="TypeRefKind.Enum"/> and <see cref="TypeRefKind.Union"/>.</param>
/// <param name="Element">The item type of an array, the value type of a map.</param>
/// <param name="ElementConstraints">The rules each item or value must meet.</param>
/// <param name="ElementAllowsNull">Items or values may be JSON <c>null</c>.</param>
internal sealed record TypeRef(
    TypeRefKind Kind,
    string? ModelName = null,
    TypeRef? Element = null,
    Constraints? ElementConstraints = null,
    bool ElementAllowsNull = false)
{
    public static readonly TypeRef String = new(TypeRefKind.String);
    public static readonly TypeRef Any = new(TypeRefKind.Any);

    public bool IsValueType => Kind is TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Single or TypeRefKind.Double
        or TypeRefKind.Decimal or TypeRefKind.Boolean or TypeRefKind.DateTimeOffset or TypeRefKind.Guid or TypeRefKind.Enum
        or TypeRefKind.Any;

    public bool IsNumber => Kind is TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Single or TypeRefKind.Double or TypeRefKind.Decimal;

    public bool IsInteger => Kind is TypeRefKind.Int32 or TypeRefKind.Int64;
}

internal enum JsonLiteralKind
{
    String,
    Number,
    Boolean,
    Null,

    /// <summary>An object or array (a value kept as JSON only): its compact JSON text.</summary>
    Json,
}

/// <summary>A JSON value from the spec (<c>enum</c>, <c>const</c>): its kind and its text.</summary>
internal sealed record JsonLiteral(JsonLiteralKind Kind, string Text);

/// <summary>
/// The machine-checkable keywords of one schema. Numbers are kept as invariant-culture text. A value of any JSON type
/// (<see cref="TypeRefKind.Any"/>, kept as a <c>JsonElement</c>) keeps the keywords of every type, each checked on values of
/// its type (<see cref="Validation.JsonForms"/>): a map's or object's member counts in <see cref="MinItems"/>/<see cref="MaxItems"/>,
/// such a value's in <see cref="MinProperties"/>/<see cref="MaxProperties"/>, and its <c>type</c> list in <see cref="Types"/>
/// (JSON Schema's names separated by spaces; null when any type is allowed, empty for the schema <c>false</c>).
/// </summary>
internal sealed record Constraints(
    int? MinLength = null,
    int? MaxLength = null,
    string? Pattern = null,
    string? Minimum = null,
    string? Maximum = null,
    bool ExclusiveMinimum = false,
    bool ExclusiveMaximum = false,
    string? MultipleOf = null,
    int? MinItems = null,
    int? MaxItems = null,
    bool UniqueItems = false,
    EquatableArray<JsonLiteral> Enum = default,
    JsonLiteral? Const = null,
    string? Format = null,
    int? MinProperties = null,
    int? MaxProperties = null,
    string? Types = null)
{
    public static readonly Constraints None = new();

    /// <summary>The boolean schema <c>false</c>: no value is valid (an empty <see cref="Types"/> list).</summary>
    public static readonly Constraints Nothing = new(Types: string.Empty);

    /// <summary><c>oneOf</c>/<c>anyOf</c> beside a value's own type (<c>{type: string, oneOf: [{format: date}, {format: date-time}]}</c>): rules on the value.</summary>
    public EquatableArray<ChoiceRuleModel> Choices { get; init; } = EquatableArray<ChoiceRuleModel>.Empty;

    /// <summary>
    /// For a value kept as JSON whose schema has applicator or unevaluated keywords (<c>contains</c>, <c>not</c>, <c>if</c>,
    /// <c>patternProperties</c>, ...): the whole schema compiled, checked by the JSON-value validator instead of the
    /// per-type rules above (which it states too). Null otherwise.
    /// </summary>
    public JsonValueSchema? Schema { get; init; }
    /// <summary><c>enum: []</c>: no value is one of its values (2020-12 validation §6.1.2), so every value present fails.</summary>
    public bool EmptyEnum { get; init; }

    public bool IsEmpty => Equals(None);
}

/// <summary>JSON Schema <c>if</c>/<c>then</c>/<c>else</c> on an object, in the subset built from
/// <c>required</c>, <c>properties</c>, <c>const</c>, <c>enum</c> and the scalar constraints.</summary>
internal sealed record RuleModel(SchemaCheck If, SchemaCheck? Then, SchemaCheck? Else)
{
    /// <summary>Undeclared members the <c>properties</c> of <c>if</c> and <c>then</c> name: evaluated when the condition holds (for <c>unevaluatedProperties</c>).</summary>
    public EquatableArray<string> EvaluatedIfHolds { get; init; } = EquatableArray<string>.Empty;

    /// <summary>Undeclared members the <c>properties</c> of <c>else</c> name: evaluated when the condition does not hold.</summary>
    public EquatableArray<string> EvaluatedOtherwise { get; init; } = EquatableArray<string>.Empty;
}

/// <summary>A schema fragment checked against a value: <c>required</c> names and nested property checks
/// apply when the value is an object; <see cref="Constraints"/> apply to the value itself.</summary>
internal sealed record SchemaCheck(
    EquatableArray<PropertyModel> Required,
    EquatableArray<PropertyCheck> Properties,
    Constraints Constraints)
{
    /// <summary><c>required</c> names the object does not declare: present when <c>AdditionalProperties</c> holds them.</summary>
    public EquatableArray<string> UndeclaredRequired { get; init; } = EquatableArray<string>.Empty;

    /// <summary>No value of the subject's type can match (a <c>type</c> the value cannot have, <c>{type: 'null'}</c> for an object).</summary>
    public bool Impossible { get; init; }
}

/// <param name="RejectsNull">The fragment has a <c>type</c> without <c>null</c>: a member that holds JSON null does not match.</param>
internal sealed record PropertyCheck(PropertyModel Property, SchemaCheck Check, bool RejectsNull = false);

/// <summary>
/// <c>oneOf</c> (exactly one alternative valid) or <c>anyOf</c> (at least one) as a validation rule on a value that keeps
/// its own type (JSON Schema 2020-12 core 10.2.1.2/10.2.1.3). Each alternative is evaluated without reporting; the rule
/// reports once, at the value, how many matched.
/// </summary>
/// <param name="Negated"><c>not</c> (2020-12 §10.2.1.4): the value must not match the one alternative; it evaluates nothing.</param>
internal sealed record ChoiceRuleModel(bool ExactlyOne, EquatableArray<ChoiceAlternativeModel> Alternatives, bool Negated = false);

/// <summary>One alternative of a <see cref="ChoiceRuleModel"/>, as a check on the value.</summary>
/// <param name="Complete">
/// Every keyword of the alternative is in <see cref="Check"/>. An incomplete one (reported as OAS010) may count as
/// matching when it does not, so it can satisfy the rule but never breaks <c>oneOf</c>'s "at most one".
/// </param>
/// <param name="DeclaredProperties">
/// The JSON names in the alternative's own <c>properties</c> (its <c>$ref</c> target's, for a reference): members a
/// matching alternative evaluates, for <c>unevaluatedProperties</c>.
/// </param>
/// <param name="Origin">Where the alternative is (<c>#/components/schemas/A</c>, or <c>{schema}/oneOf/1</c>), for documentation.</param>
internal sealed record ChoiceAlternativeModel(SchemaCheck Check, bool Complete, EquatableArray<string> DeclaredProperties, string Origin);
