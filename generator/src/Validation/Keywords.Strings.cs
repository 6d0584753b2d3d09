using OpenApiSdk.Generator.Emitting;
using OpenApiSdk.Generator.Emitting.Code;
using OpenApiSdk.Generator.Model;
using static OpenApiSdk.Generator.Validation.Catalogue;

namespace OpenApiSdk.Generator.Validation;

/// <summary>The string keywords of the 2020-12 validation vocabulary (§6.3): lengths in code points, ECMA-262 patterns.</summary>
internal static partial class Keywords
{
    private static readonly Twin Length = new("__SchemaLength", (type, c) =>
        // StringLength counts UTF-16 units and JSON Schema counts code points; the generated attribute counts as the spec does.
        type.Kind == TypeRefKind.String ? "__SchemaLength(" + Int(c.MinLength ?? 0) + ", " + Int(c.MaxLength ?? int.MaxValue) + ")" : null);

    public static readonly Keyword MinLength = new("minLength", JsonTypes.String, IsString,
        x => x.Constraints.MinLength is { } n
            ? new Rule("minLength", v => Expr.Compare(LengthOf(v), "<", Literal(Int(n))), "must be at least " + Int(n) + " characters long", new RuntimeCheck("MinLength", Int(n)))
            : null,
        c => c.MinLength is { } n ? "at least " + Int(n) + " characters" : null,
        Length);

    public static readonly Keyword MaxLength = new("maxLength", JsonTypes.String, IsString,
        x => x.Constraints.MaxLength is { } n
            ? new Rule("maxLength", v => Expr.Compare(LengthOf(v), ">", Literal(Int(n))), "must be at most " + Int(n) + " characters long", new RuntimeCheck("MaxLength", Int(n)))
            : null,
        c => c.MaxLength is { } n ? "at most " + Int(n) + " characters" : null,
        Length);

    public static readonly Keyword Pattern = new("pattern", JsonTypes.String, IsString,
        x =>
        {
            if (x.Constraints.Pattern is not { } pattern)
            {
                return null;
            }

            (string field, System.Func<Expr, Expr> matches) = x.Pattern(pattern);
            return new Rule("pattern", v => matches(v).Not(), "must match the pattern " + pattern, new RuntimeCheck("Pattern", field));
        },
        c => c.Pattern is { } pattern ? "matches " + pattern : null,
        new Twin("__SchemaPattern", (type, c) => type.Kind == TypeRefKind.Any ? null : "__SchemaPattern(" + Literals.String(c.Pattern!) + ")"));

    private static bool IsString(TypeRefKind kind) => kind == TypeRefKind.String;

    private static Expr LengthOf(Expr value) => Expr.Call(RuntimeNames.OpenApiRuntime + ".Length", value);
}
