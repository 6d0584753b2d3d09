using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OpenApiSdk.Generator.Emitting.Code;
using OpenApiSdk.Generator.Model;

namespace OpenApiSdk.Generator.Validation;

/// <summary>
/// Every validation keyword the SDK checks on a value, in the order checks, messages, documentation and attributes
/// list them. Adding a keyword: define it in the vocabulary's file (<c>Keywords.*.cs</c>), add it to <see cref="All"/>,
/// give <see cref="Constraints"/> a field and <c>ConstraintReader</c> its reading; every position then checks it.
/// </summary>
internal static class Catalogue
{
    public static readonly Keyword[] All =
    {
        Keywords.MinLength, Keywords.MaxLength, Keywords.Pattern, Keywords.Format,
        Keywords.Minimum, Keywords.Maximum, Keywords.MultipleOf,
        Keywords.MinItems, Keywords.MaxItems, Keywords.UniqueItems,
        Keywords.Const, Keywords.Enum,
    };

    /// <summary>
    /// The keywords the checks state on values of <paramref name="types"/>, as spelled in a schema (<c>exclusiveMinimum</c>
    /// too): the builders' supported sets, beside which anything else is reported (OAS010).
    /// </summary>
    public static HashSet<string> Names(JsonTypes types, bool withFormat = true) => new(
        All.Where(k => (k.AppliesTo & types) != 0 && (withFormat || k != Keywords.Format))
            .SelectMany(k => k == Keywords.Minimum || k == Keywords.Maximum ? new[] { k.Name, "exclusive" + char.ToUpperInvariant(k.Name[0]) + k.Name.Substring(1) } : new[] { k.Name }),
        System.StringComparer.Ordinal);

    /// <summary>Whether the check of a C# value of <paramref name="kind"/> states the keyword <paramref name="name"/>.</summary>
    public static bool CarriedBy(string name, TypeRefKind kind) => Find(name) is { } keyword && keyword.CarriedBy(kind);

    /// <summary>Whether JSON Schema applies the keyword <paramref name="name"/> to values of <paramref name="jsonType"/> (null: any JSON, so it may).</summary>
    public static bool AppliesTo(string name, string? jsonType) => jsonType is null || Find(name) is { } keyword && (keyword.AppliesTo & TypeNamed(jsonType)) != 0;

    private static JsonTypes TypeNamed(string jsonType) => jsonType switch
    {
        "null" => JsonTypes.Null,
        "boolean" => JsonTypes.Boolean,
        "object" => JsonTypes.Object,
        "array" => JsonTypes.Array,
        "number" => JsonTypes.Number,
        "integer" => JsonTypes.Integer,
        "string" => JsonTypes.String,
        _ => JsonTypes.None,
    };

    /// <summary>The keyword named <paramref name="name"/> (<c>exclusiveMinimum</c> is <c>minimum</c>'s), or null.</summary>
    public static Keyword? Find(string name)
    {
        string canonical = name switch { "exclusiveMinimum" => "minimum", "exclusiveMaximum" => "maximum", _ => name };
        return All.FirstOrDefault(k => k.Name == canonical);
    }

    /// <summary>The rules on a value, in catalogue order.</summary>
    public static List<Rule> Rules(RuleContext context)
    {
        var rules = new List<Rule>();
        foreach (Keyword keyword in All)
        {
            if (keyword.CarriedBy(context.Kind) && keyword.Rule(context) is { } rule)
            {
                rules.Add(rule);
            }
        }

        return rules;
    }

    /// <summary>The "Rules:" text of a property's documentation.</summary>
    public static string Describe(Constraints constraints) =>
        string.Join("; ", All.Select(k => k.Doc(constraints)).Where(d => d is not null));

    /// <summary>The DataAnnotations attributes (through the file's aliases) that state the keywords of a property.</summary>
    public static IEnumerable<string> Attributes(TypeRef type, Constraints constraints)
    {
        var written = new HashSet<Twin>();
        foreach (Keyword keyword in All)
        {
            // format is documented in the property's own "Format:" note, not among the rules: its presence is the constraint.
            bool present = keyword == Keywords.Format ? constraints.Format is not null : keyword.Doc(constraints) is not null;
            if (keyword.Twin is { } twin && present && written.Add(twin)
                && twin.Attribute(type, constraints) is { } attribute)
            {
                yield return attribute;
            }
        }
    }

    internal static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    internal static string Plural(string unit, int count) =>
        unit == " propert" ? (count == 1 ? " property" : " properties") : (count == 1 ? unit : unit + "s");

    internal static bool IsNumber(TypeRefKind kind) => kind is TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Single or TypeRefKind.Double or TypeRefKind.Decimal;

    internal static Expr Literal(string text) => Expr.Raw(text);
}
