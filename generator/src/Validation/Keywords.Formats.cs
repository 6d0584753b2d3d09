using OpenApiSdk.Common;
using OpenApiSdk.Generator.Emitting;
using OpenApiSdk.Generator.Emitting.Code;
using OpenApiSdk.Generator.Model;

namespace OpenApiSdk.Generator.Validation;

/// <summary>
/// <c>format</c> as an assertion (2020-12 format-assertion vocabulary, §7): a string value is checked against its format
/// from the one table <see cref="StringFormats"/> (runtime check <c>Validation.{Check}</c>, predicate
/// <c>FormatChecks.Is{Check}</c>, message). Which formats are read at all (<c>ValidateFormats</c>) is <c>ConstraintReader</c>'s.
/// </summary>
internal static partial class Keywords
{
    /// <summary>The runtime's format predicates (<c>FormatChecks</c>), qualified.</summary>
    public const string FormatChecks = TypeSyntax.Runtime + "FormatChecks";

    public static readonly Keyword Format = new("format", JsonTypes.String, IsString,
        x => StringFormats.Find(x.Constraints.Format) is { } format
            ? new Rule(
                "format",
                v => Expr.Call(FormatChecks + ".Is" + format.Check, v).Not(),
                format.Message,
                new RuntimeCheck(format.Check))
            : null,
        _ => null,
        new Twin("__SchemaFormat", (type, c) => type.Kind == TypeRefKind.String ? "__SchemaFormat(" + Literals.String(c.Format!) + ")" : null));
}
