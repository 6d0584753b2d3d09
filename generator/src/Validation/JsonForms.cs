using System;
using System.Collections.Generic;
using System.Linq;
using OpenApiSdk.Generator.Emitting;
using OpenApiSdk.Generator.Emitting.Code;
using OpenApiSdk.Generator.Model;

namespace OpenApiSdk.Generator.Validation;

/// <summary>
/// One JSON type a value kept as JSON (a <c>JsonElement</c>: a schema without <c>type</c>, or with several) may have:
/// the runtime method that reads the value as that type (null when it has another, which every check skips, so each
/// keyword only ever sees values of the types it applies to, as ajv guards each keyword by its type) and the C# kind the
/// catalogue's rules are built for.
/// </summary>
internal sealed class JsonForm
{
    public JsonForm(JsonTypes types, TypeRef type, string read, Func<Keyword, bool>? states = null, Func<Constraints, Constraints>? keywords = null)
    {
        Types = types;
        Type = type;
        Read = read;
        States = states ?? (keyword => (keyword.AppliesTo & types) != 0);
        Keywords = keywords ?? (c => c);
    }

    /// <summary>The JSON types of the values this form reads.</summary>
    public JsonTypes Types { get; }

    /// <summary>The C# type the value is read as (a count for arrays and objects).</summary>
    public TypeRef Type { get; }

    /// <summary>The <c>OpenApiRuntime</c> method that reads a <c>JsonElement</c> as <see cref="Type"/>, or null for another JSON type.</summary>
    public string Read { get; }

    /// <summary>Whether the form states a keyword: by default, when the keyword applies to the form's JSON types.</summary>
    public Func<Keyword, bool> States { get; }

    /// <summary>The constraints as the catalogue's rules for <see cref="Type"/> read them.</summary>
    public Func<Constraints, Constraints> Keywords { get; }
}

/// <summary>The forms of a value kept as JSON, and the catalogue's rules on it.</summary>
internal static class JsonForms
{
    private static readonly TypeRef Count = new(TypeRefKind.Int32);

    public static readonly JsonForm[] All =
    {
        new(JsonTypes.String, new TypeRef(TypeRefKind.String), "StringOf"),
        new(JsonTypes.Number | JsonTypes.Integer, new TypeRef(TypeRefKind.Double), "DoubleOf"),

        // Arrays and objects are checked by their counts (the value is the count): minItems/maxItems, and an object's
        // minProperties/maxProperties, which the catalogue states as a map's minItems/maxItems.
        new(JsonTypes.Array, new TypeRef(TypeRefKind.Array, Element: TypeRef.Any), "ArrayLengthOf",
            keyword => keyword == Validation.Keywords.MinItems || keyword == Validation.Keywords.MaxItems),
        new(JsonTypes.Object, new TypeRef(TypeRefKind.Map, Element: TypeRef.Any), "PropertyCountOf",
            keyword => keyword == Validation.Keywords.MinItems || keyword == Validation.Keywords.MaxItems,
            c => Constraints.None with { MinItems = c.MinProperties, MaxItems = c.MaxProperties }),

        // uniqueItems needs the items: the value itself when it is an array (OpenApiRuntime.AllUnique(JsonElement)).
        new(JsonTypes.Array, new TypeRef(TypeRefKind.Array, Element: TypeRef.Any), "ArrayOf",
            keyword => keyword == Validation.Keywords.UniqueItems,
            c => Constraints.None with { UniqueItems = c.UniqueItems }),
    };

    /// <summary>
    /// The rules on a value kept as JSON, by form: each keyword of the catalogue that applies to the form's JSON type, on
    /// the value read as that type. A rule here is a condition with its message (the runtime's checks take typed values).
    /// <c>const</c> and <c>enum</c> (any JSON type) are <see cref="ValueRules"/>.
    /// </summary>
    public static IEnumerable<(JsonForm Form, List<Rule> Rules)> Rules(Constraints c, Func<TypeRef, Constraints, Func<Expr, Expr>?, RuleContext> context)
    {
        foreach (JsonForm form in All)
        {
            Constraints read = form.Keywords(c);
            bool counted = form.Type.Kind is TypeRefKind.Array or TypeRefKind.Map;
            RuleContext x = context(form.Type, read, counted ? (value => value) : null);
            var rules = new List<Rule>();
            foreach (Keyword keyword in Catalogue.All)
            {
                if (keyword.AppliesTo != JsonTypes.Any && form.States(keyword) && keyword.CarriedBy(form.Type.Kind) && keyword.Rule(x) is { } rule)
                {
                    // A count is no collection, so the runtime's collection checks do not take it: the condition says the same.
                    rules.Add(counted ? new Rule(rule.Keyword, rule.Violated, rule.Message) : rule);
                }
            }

            if (rules.Count > 0)
            {
                yield return (form, rules);
            }
        }
    }

    /// <summary>
    /// The rules on the <c>JsonElement</c> itself: the catalogue's keywords for any JSON type that a JSON value carries
    /// (<c>const</c> and <c>enum</c>, compared with JSON Schema's equality).
    /// </summary>
    public static List<Rule> ValueRules(Constraints c, Func<TypeRef, Constraints, Func<Expr, Expr>?, RuleContext> context) =>
        Catalogue.Rules(context(TypeRef.Any, c, null));

    /// <summary><c>type</c> as a list (<see cref="Constraints.Types"/>), on the <c>JsonElement</c> itself.</summary>
    public static Rule TypeRule(string types) => new(
        "type",
        value => Expr.Call(RuntimeNames.OpenApiRuntime + ".IsJsonType", value, Expr.Raw(Literals.String(types))).Not(),
        types.Length == 0 ? "is not allowed: the schema is false" : "must be " + Describe(types));

    // "integer string null" → "an integer, a string or null"
    private static string Describe(string types)
    {
        List<string> names = types.Split(' ').Select(t => t switch
        {
            "null" => "null",
            "integer" or "object" or "array" => "an " + t,
            _ => "a " + t,
        }).ToList();
        return names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " or " + names[names.Count - 1];
    }

    /// <summary>The <c>OpenApiRuntime</c> call that reads <paramref name="value"/> (a <c>JsonElement</c>) in <paramref name="form"/>.</summary>
    public static string ReadCall(JsonForm form, string value) => RuntimeNames.OpenApiRuntime + "." + form.Read + "(" + value + ")";

    /// <summary>Whether a value kept as JSON has constraints that some form states (or a type list).</summary>
    public static bool HasRules(Constraints c) =>
        c.Schema is not null || c.Types is not null || ValueRules(c, Probe).Count > 0 || Rules(c, Probe).Any();

    private static RuleContext Probe(TypeRef type, Constraints c, Func<Expr, Expr>? count) => new(type, c, _ => (string.Empty, v => v), count);
}
