using System.Collections.Generic;
using System.Linq;
using OpenApiSdk.Generator.Emitting;
using OpenApiSdk.Generator.Emitting.Code;
using OpenApiSdk.Generator.Model;

namespace OpenApiSdk.Generator.Validation;

/// <summary><c>const</c> and <c>enum</c> (2020-12 validation §6.1.2-3), on values whose C# type can hold the literal.</summary>
internal static partial class Keywords
{
    private static readonly Twin Allowed = new("__SchemaEnum", (type, c) =>
    {
        if (type.Kind == TypeRefKind.Enum)
        {
            return null; // a generated enum has its own [SchemaEnum]
        }

        IEnumerable<JsonLiteral> allowed = c.Const is { } constant ? new[] { constant } : c.Enum;
        if (allowed.Any(l => l.Kind == JsonLiteralKind.Json))
        {
            return null; // the attribute compares text, and an object's text is not its value (JSON equality is the model's check)
        }

        return "__SchemaEnum(" + string.Join(", ", allowed.Select(v => Literals.String(v.Text))) + ")";
    });

    public static readonly Keyword Const = new("const", JsonTypes.Any, IsScalar,
        x => x.Constraints.Const is { } constant && Comparable(x.Kind, constant)
            ? new Rule("const", v => EqualsLiteral(x.Type, v, constant).Not(), ConstMessage(constant))
            : null,
        c => c.Const is { } constant ? "exactly " + constant.Text : null,
        Allowed);

    public static readonly Keyword Enum = new("enum", JsonTypes.Any, IsScalar,
        x =>
        {
            if (x.Constraints.EmptyEnum)
            {
                return new Rule("enum", _ => Expr.True, EmptyEnumMessage);
            }

            if (x.Constraints.Enum.IsEmpty || x.Kind == TypeRefKind.Enum)
            {
                return null; // a generated enum's values are its own check (Known)
            }

            List<JsonLiteral> comparable = x.Constraints.Enum.Where(l => Comparable(x.Kind, l)).ToList();
            return comparable.Count == 0 ? null : new Rule("enum", v => Expr.Or(comparable.Select(l => EqualsLiteral(x.Type, v, l))).Not(), EnumMessage(x.Constraints.Enum));
        },
        c => c.EmptyEnum ? "no value (an empty enum)" : c.Enum.IsEmpty ? null : "one of " + string.Join(", ", c.Enum.Select(v => v.Text)),
        Allowed);

    public const string EmptyEnumMessage = "is not allowed: the enum is empty";

    public static string ConstMessage(JsonLiteral constant) => "must be " + constant.Text;

    public static string EnumMessage(EquatableArray<JsonLiteral> values) => "must be one of: " + string.Join(", ", values.Select(l => l.Text));

    // A JSON value (an untyped schema) is compared with JSON Schema's equality, in the runtime: false is not 0, 1 is 1.0.
    private static bool IsScalar(TypeRefKind kind) =>
        kind is TypeRefKind.String or TypeRefKind.Enum or TypeRefKind.Boolean or TypeRefKind.Any || Catalogue.IsNumber(kind);

    private static bool Comparable(TypeRefKind kind, JsonLiteral literal) => kind == TypeRefKind.Any || literal.Kind switch
    {
        JsonLiteralKind.String => kind is TypeRefKind.String or TypeRefKind.Enum,
        JsonLiteralKind.Number => Catalogue.IsNumber(kind),
        JsonLiteralKind.Boolean => kind is TypeRefKind.Boolean,
        _ => false,
    };

    private static Expr EqualsLiteral(TypeRef type, Expr value, JsonLiteral literal) => type.Kind == TypeRefKind.Any ? JsonIs(value, literal) : literal.Kind switch
    {
        JsonLiteralKind.String when type.Kind == TypeRefKind.Enum => Expr.Compare(Expr.Member(value, "Value"), "==", Expr.Raw(Literals.String(literal.Text))),
        JsonLiteralKind.String => Expr.Compare(value, "==", Expr.Raw(Literals.String(literal.Text))),
        JsonLiteralKind.Number => Expr.Compare(value, "==", Expr.Raw(TypeSyntax.Number(literal.Text, type.Kind))),
        _ => Expr.Compare(value, "==", Expr.Raw(literal.Text)),
    };

    private static Expr JsonIs(Expr value, JsonLiteral literal) => literal.Kind switch
    {
        JsonLiteralKind.String => Expr.Call(RuntimeNames.OpenApiRuntime + ".JsonIsString", value, Expr.Raw(Literals.String(literal.Text))),
        JsonLiteralKind.Number => Expr.Call(RuntimeNames.OpenApiRuntime + ".JsonIsNumber", value, Expr.Raw(Literals.String(literal.Text))),
        JsonLiteralKind.Boolean => Expr.Call(RuntimeNames.OpenApiRuntime + ".JsonIsBoolean", value, Expr.Raw(literal.Text)),
        JsonLiteralKind.Json => Expr.Call(RuntimeNames.OpenApiRuntime + ".JsonIsValue", value, Expr.Raw(Literals.String(literal.Text))),
        _ => Expr.Call(RuntimeNames.OpenApiRuntime + ".JsonIsNull", value),
    };
}
