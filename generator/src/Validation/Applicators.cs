using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OpenApiSdk.Generator.Emitting;
using OpenApiSdk.Generator.Emitting.Code;
using OpenApiSdk.Generator.Model;

namespace OpenApiSdk.Generator.Validation;

/// <summary>
/// Where an applicator's checks are emitted: the JSON-value validator's method for one schema node, with the value
/// <c>value</c> and the pass <c>v</c>. It says how a subschema (a node index) is applied: in place and reporting
/// (<see cref="InPlace"/>: allOf, $ref, then), asked without reporting (<see cref="Holds"/>: anyOf, oneOf, not, if), or as a
/// check of a member or item (<see cref="Check"/>).
/// </summary>
internal interface IApplicatorSite
{
    /// <summary>The method records what it evaluates (its node is in the scope of an <c>unevaluated*</c> keyword): checks pass <c>ref e</c>.</summary>
    bool Tracks { get; }

    /// <summary>The subschema applied to this very value, reporting what it breaks (its evaluations count for this node).</summary>
    string InPlace(int node);

    /// <summary>Whether this value is valid against the subschema, asked without reporting.</summary>
    Expr Holds(int node);

    /// <summary>An <c>ItemCheck&lt;JsonElement&gt;</c> that checks a member or item against the subschema; <c>null</c> for the schema <c>false</c> when <paramref name="falseAsNull"/>.</summary>
    string Check(int node, bool falseAsNull = false);

    /// <summary>The field of a compiled pattern.</summary>
    string Pattern(string pattern);
}

/// <summary>
/// One keyword of the 2020-12 applicator or unevaluated vocabulary (or a validation keyword that looks into members or
/// items: <c>required</c>, <c>dependentRequired</c> on a value kept as JSON; <c>uniqueItems</c> is a per-type rule, <see cref="JsonForms"/>), defined once: the JSON
/// type it applies to (the runtime check passes values of other types) and the checks it adds to a node's method.
/// </summary>
internal sealed class Applicator
{
    public Applicator(string name, JsonTypes appliesTo, Func<JsonSchemaNode, IApplicatorSite, IEnumerable<string>> checks)
    {
        Name = name;
        AppliesTo = appliesTo;
        Checks = checks;
    }

    public string Name { get; }

    public JsonTypes AppliesTo { get; }

    /// <summary>The checks (each true to go on, chained with <c>&amp;&amp;</c>) the keyword adds to the method of a node that has it.</summary>
    public Func<JsonSchemaNode, IApplicatorSite, IEnumerable<string>> Checks { get; }
}

/// <summary>
/// The applicators in the order a node's method checks them: in-place ones first, then members and items, and
/// <c>unevaluatedItems</c>/<c>unevaluatedProperties</c> last, since they read what everything before them evaluated.
/// </summary>
internal static class Applicators
{
    private const string V = "v", Value = "value";

    /// <summary>What a value that matches a <c>not</c> schema is told (the same words as a choice rule's <c>not</c>).</summary>
    public const string NotMessage = "must not match the schema in 'not'";

    public static readonly Applicator Ref = new("$ref", JsonTypes.Any, (node, site) =>
        node.Ref is { } target ? new[] { site.InPlace(target) } : Array.Empty<string>());

    public static readonly Applicator DynamicRef = new("$dynamicRef", JsonTypes.Any, (node, site) =>
        node.DynamicRef is { } target ? new[] { site.InPlace(target) } : Array.Empty<string>());

    public static readonly Applicator AllOf = new("allOf", JsonTypes.Any, (node, site) => node.AllOf.Select(site.InPlace));

    public static readonly Applicator AnyOf = new("anyOf", JsonTypes.Any, (node, site) =>
    {
        if (node.AnyOf.IsEmpty)
        {
            return Array.Empty<string>();
        }

        // Without annotations to collect the first alternative that holds decides; with them every one is asked.
        string matched = site.Tracks ? Sum(node.AnyOf, site) : "(" + Expr.Or(node.AnyOf.Select(site.Holds)) + " ? 1 : 0)";
        return new[] { V + ".AnyOf(null, " + matched + ", " + Int(node.AnyOf.Count) + ")" };
    });

    public static readonly Applicator OneOf = new("oneOf", JsonTypes.Any, (node, site) =>
        node.OneOf.IsEmpty ? Array.Empty<string>() : new[] { V + ".OneOf(null, " + Sum(node.OneOf, site) + ", 0, " + Int(node.OneOf.Count) + ")" });

    public static readonly Applicator Not = new("not", JsonTypes.Any, (node, site) =>
        node.Not is { } not ? new[] { V + ".Rule(null, " + site.Holds(not).Not() + ", " + Literals.String(NotMessage) + ")" } : Array.Empty<string>());

    /// <summary><c>if</c>/<c>then</c>/<c>else</c>: the branch <c>if</c> chooses applies in place; <c>if</c> alone still evaluates (annotations).</summary>
    public static readonly Applicator If = new("if", JsonTypes.Any, (node, site) =>
    {
        if (node.If is not { } condition || (node.Then is null && node.Else is null && !site.Tracks))
        {
            return Array.Empty<string>();
        }

        string then = node.Then is { } t ? site.InPlace(t) : "true", otherwise = node.Else is { } e ? site.InPlace(e) : "true";
        return new[] { "(" + site.Holds(condition) + " ? " + then + " : " + otherwise + ")" };
    });

    public static readonly Applicator DependentSchemas = new("dependentSchemas", JsonTypes.Object, (node, site) =>
        node.DependentSchemas.Select(d => "(!__Validation.HasMember(" + Value + ", " + Literals.String(d.Name) + ") || " + site.InPlace(d.Node) + ")"));

    public static readonly Applicator Required = new("required", JsonTypes.Object, (node, _) =>
        node.Required.Select(name => V + ".RequiredMember(" + Value + ", " + Literals.String(name) + ")"));

    public static readonly Applicator DependentRequired = new("dependentRequired", JsonTypes.Object, (node, _) =>
        node.DependentRequired.SelectMany(d => d.Required.Select(required =>
            V + ".DependentRequired(" + Value + ", " + Literals.String(d.Name) + ", " + Literals.String(required) + ")")));

    public static readonly Applicator Properties = new("properties", JsonTypes.Object, (node, site) =>
        node.Properties.Select(p => V + ".Property(" + Value + ", " + Literals.String(p.Name) + Evaluated(site) + ", " + site.Check(p.Node) + ")"));

    public static readonly Applicator PatternProperties = new("patternProperties", JsonTypes.Object, (node, site) =>
        node.PatternProperties.Select(p => V + ".PatternProperties(" + Value + ", " + site.Pattern(p.Name) + Evaluated(site) + ", " + site.Check(p.Node) + ")"));

    /// <summary><c>additionalProperties</c>: the members neither <c>properties</c> nor <c>patternProperties</c> names (a static predicate on the member).</summary>
    public static readonly Applicator AdditionalProperties = new("additionalProperties", JsonTypes.Object, (node, site) =>
    {
        if (node.AdditionalProperties is not { } additional)
        {
            return Array.Empty<string>();
        }

        Expr declared = Expr.Or(
            node.Properties.Select(p => Expr.Call("p.NameEquals", Expr.Raw(Literals.String(p.Name))))
                .Concat(node.PatternProperties.Select(p => Expr.Call(site.Pattern(p.Name) + ".IsMatch", Expr.Raw("p.Name")))));
        string predicate = declared.IsFalse ? "null" : "static p => " + declared;
        return new[] { V + ".AdditionalProperties(" + Value + ", " + predicate + Evaluated(site) + ", " + site.Check(additional, falseAsNull: true) + ")" };
    });

    public static readonly Applicator PropertyNames = new("propertyNames", JsonTypes.Object, (node, site) =>
        node.PropertyNames is { } names ? new[] { V + ".PropertyNames(" + Value + ", " + site.Check(names) + ")" } : Array.Empty<string>());

    public static readonly Applicator PrefixItems = new("prefixItems", JsonTypes.Array, (node, site) =>
        node.PrefixItems.Select((item, i) => V + ".PrefixItem(" + Value + ", " + Int(i) + Evaluated(site) + ", " + site.Check(item) + ")"));

    /// <summary><c>items</c>: every item past <c>prefixItems</c> (2020-12 core §10.3.1.2).</summary>
    public static readonly Applicator Items = new("items", JsonTypes.Array, (node, site) =>
        node.Items is { } items
            ? new[] { V + ".ItemsFrom(" + Value + ", " + Int(node.PrefixItems.Count) + Evaluated(site) + ", " + site.Check(items, falseAsNull: true) + ")" }
            : Array.Empty<string>());

    /// <summary><c>contains</c> with <c>minContains</c> (default 1) and <c>maxContains</c>.</summary>
    public static readonly Applicator Contains = new("contains", JsonTypes.Array, (node, site) =>
        node.Contains is { } contains
            ? new[] { V + ".Contains(" + Value + ", " + Int(node.MinContains ?? 1) + ", " + (node.MaxContains is { } max ? Int(max) : "int.MaxValue") + Evaluated(site) + ", " + site.Check(contains) + ")" }
            : Array.Empty<string>());

    public static readonly Applicator UnevaluatedItems = new("unevaluatedItems", JsonTypes.Array, (node, site) =>
        node.UnevaluatedItems is { } unevaluated ? new[] { V + ".UnevaluatedItems(" + Value + ", ref e, " + site.Check(unevaluated, falseAsNull: true) + ")" } : Array.Empty<string>());

    public static readonly Applicator UnevaluatedProperties = new("unevaluatedProperties", JsonTypes.Object, (node, site) =>
        node.UnevaluatedProperties is { } unevaluated ? new[] { V + ".UnevaluatedProperties(" + Value + ", ref e, " + site.Check(unevaluated, falseAsNull: true) + ")" } : Array.Empty<string>());

    public static readonly Applicator[] All =
    {
        Ref, DynamicRef, AllOf, AnyOf, OneOf, Not, If, DependentSchemas,
        Required, DependentRequired, Properties, PatternProperties, AdditionalProperties, PropertyNames,
        PrefixItems, Items, Contains,
        UnevaluatedItems, UnevaluatedProperties,
    };

    /// <summary>The subschemas a node applies to its own value (whose evaluations count for its <c>unevaluated*</c>, §11).</summary>
    public static IEnumerable<int> InPlaceSubschemas(JsonSchemaNode node) =>
        new[] { node.Ref, node.DynamicRef, node.If, node.Then, node.Else }.Where(n => n is not null).Select(n => n!.Value)
            .Concat(node.AllOf).Concat(node.AnyOf).Concat(node.OneOf).Concat(node.DependentSchemas.Select(d => d.Node));

    /// <summary>Every subschema of a node.</summary>
    public static IEnumerable<int> Subschemas(JsonSchemaNode node) =>
        InPlaceSubschemas(node)
            .Concat(new[] { node.Not, node.AdditionalProperties, node.PropertyNames, node.Items, node.Contains, node.UnevaluatedItems, node.UnevaluatedProperties }.Where(n => n is not null).Select(n => n!.Value))
            .Concat(node.Properties.Select(p => p.Node)).Concat(node.PatternProperties.Select(p => p.Node)).Concat(node.PrefixItems);

    private static string Sum(EquatableArray<int> alternatives, IApplicatorSite site) =>
        string.Join(" + ", alternatives.Select(a => "(" + site.Holds(a) + " ? 1 : 0)"));

    private static string Evaluated(IApplicatorSite site) => site.Tracks ? ", ref e" : string.Empty;

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
