using OpenApiSdk.Generator.Emitting;
using OpenApiSdk.Generator.Emitting.Code;
using OpenApiSdk.Generator.Model;
using static OpenApiSdk.Generator.Validation.Catalogue;

namespace OpenApiSdk.Generator.Validation;

/// <summary>
/// The array keywords of the 2020-12 validation vocabulary (§6.4), and a map's <c>minProperties</c>/<c>maxProperties</c>
/// (§6.5), which <see cref="Constraints"/> keeps in the same fields: both count what a collection holds.
/// </summary>
internal static partial class Keywords
{
    private static readonly Twin Items = new("__SchemaItems", (type, c) =>
        // MinLength/MaxLength read Count through reflection, which trimming breaks; the generated attribute does not.
        type.Kind == TypeRefKind.Array ? "__SchemaItems(" + Int(c.MinItems ?? 0) + ", " + Int(c.MaxItems ?? int.MaxValue) + ")" : null);

    public static readonly Keyword MinItems = new("minItems", JsonTypes.Array, IsCollection,
        x => x.Constraints.MinItems is { } n ? Count(x, n, "<", "at least ", x.Kind == TypeRefKind.Map ? "MinProperties" : "MinItems") : null,
        c => c.MinItems is { } n ? "at least " + Int(n) + " items" : null,
        Items);

    public static readonly Keyword MaxItems = new("maxItems", JsonTypes.Array, IsCollection,
        x => x.Constraints.MaxItems is { } n ? Count(x, n, ">", "at most ", x.Kind == TypeRefKind.Map ? "MaxProperties" : "MaxItems") : null,
        c => c.MaxItems is { } n ? "at most " + Int(n) + " items" : null,
        Items);

    public static readonly Keyword UniqueItems = new("uniqueItems", JsonTypes.Array, kind => kind == TypeRefKind.Array,
        x => x.Constraints.UniqueItems
            ? new Rule("uniqueItems", v => Expr.Call(RuntimeNames.OpenApiRuntime + ".AllUnique", v).Not(), "must not contain duplicate items", new RuntimeCheck("UniqueItems"))
            : null,
        c => c.UniqueItems ? "unique items" : null,
        new Twin("__UniqueItems", (type, _) => type.Kind == TypeRefKind.Array ? "__UniqueItems" : null));

    private static Rule Count(RuleContext x, int n, string violation, string bound, string method)
    {
        bool isMap = x.Kind == TypeRefKind.Map;
        return new Rule(
            isMap ? (violation == "<" ? "minProperties" : "maxProperties") : (violation == "<" ? "minItems" : "maxItems"),
            v => Expr.Compare(x.Count(v), violation, Literal(Int(n))),
            "must have " + bound + Int(n) + Plural(isMap ? " propert" : " item", n),
            new RuntimeCheck(method, Int(n)));
    }

    private static bool IsCollection(TypeRefKind kind) => kind is TypeRefKind.Array or TypeRefKind.Map;
}
