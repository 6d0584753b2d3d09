namespace OpenApiSdk.Generator.Model;

/// <summary>
/// A schema compiled for a value kept as JSON (a <c>JsonElement</c>), as ajv compiles one: every subschema node it
/// reaches, once each (node 0 is the root), with every keyword of the 2020-12 applicator, validation and unevaluated
/// vocabularies that node has. Subschemas (and a <c>$ref</c>'s target) are node indexes, so recursive schemas are finite.
/// The emitter turns each node into one static method (<c>JsonValueValidatorEmitter</c>).
/// </summary>
internal sealed record JsonValueSchema(EquatableArray<JsonSchemaNode> Nodes);

/// <summary>One schema node: its keywords (scalar ones in <see cref="Scalars"/>, subschemas as node indexes).</summary>
internal sealed record JsonSchemaNode
{
    /// <summary>The boolean schema <c>false</c>: no value is valid.</summary>
    public bool Never { get; init; }

    /// <summary>
    /// The catalogue's keywords (<c>type</c> as <see cref="Constraints.Types"/>, <c>const</c>/<c>enum</c>, string, number and
    /// count keywords), checked per JSON type as on any value kept as JSON (<c>Validation/JsonForms</c>).
    /// </summary>
    public Constraints Scalars { get; init; } = Constraints.None;

    public EquatableArray<string> Required { get; init; } = EquatableArray<string>.Empty;

    public EquatableArray<NamedSubschema> Properties { get; init; } = EquatableArray<NamedSubschema>.Empty;

    /// <summary><c>patternProperties</c>: the name is the ECMA-262 pattern.</summary>
    public EquatableArray<NamedSubschema> PatternProperties { get; init; } = EquatableArray<NamedSubschema>.Empty;

    public int? AdditionalProperties { get; init; }

    public int? PropertyNames { get; init; }

    public EquatableArray<DependentRequirement> DependentRequired { get; init; } = EquatableArray<DependentRequirement>.Empty;

    public EquatableArray<NamedSubschema> DependentSchemas { get; init; } = EquatableArray<NamedSubschema>.Empty;

    public EquatableArray<int> PrefixItems { get; init; } = EquatableArray<int>.Empty;

    public int? Items { get; init; }

    public int? Contains { get; init; }

    public int? MinContains { get; init; }

    public int? MaxContains { get; init; }

    public EquatableArray<int> AllOf { get; init; } = EquatableArray<int>.Empty;

    public EquatableArray<int> AnyOf { get; init; } = EquatableArray<int>.Empty;

    public EquatableArray<int> OneOf { get; init; } = EquatableArray<int>.Empty;

    public int? Not { get; init; }

    public int? If { get; init; }

    public int? Then { get; init; }

    public int? Else { get; init; }

    /// <summary><c>$ref</c>: the target node, applied beside the node's other keywords (2020-12 core §8.2.3.1).</summary>
    public int? Ref { get; init; }

    /// <summary>
    /// <c>$dynamicRef</c>: the target node for the dynamic scope this node was compiled for (a node reached through scopes
    /// that bind the anchor differently is compiled once per binding), applied in place like <see cref="Ref"/>.
    /// </summary>
    public int? DynamicRef { get; init; }

    public int? UnevaluatedItems { get; init; }

    public int? UnevaluatedProperties { get; init; }
}

/// <summary>A member name (or pattern) and the node its value is checked against.</summary>
internal sealed record NamedSubschema(string Name, int Node);

/// <summary><c>dependentRequired</c>: when <see cref="Name"/> is present, so must each of <see cref="Required"/> be.</summary>
internal sealed record DependentRequirement(string Name, EquatableArray<string> Required);
