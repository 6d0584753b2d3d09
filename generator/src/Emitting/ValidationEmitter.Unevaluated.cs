using System.Collections.Generic;
using System.Linq;
using OpenApiSdk.Generator.Emitting.Code;
using OpenApiSdk.Generator.Model;
using OpenApiSdk.Generator.Validation;

namespace OpenApiSdk.Generator.Emitting;

/// <summary>The part of <see cref="ValidationEmitter"/> for <c>unevaluatedProperties</c>: the check of the members kept in <c>AdditionalProperties</c> and the <c>__Evaluated</c> terms that say which of them something in the schema evaluates.</summary>
internal sealed partial class ValidationEmitter
{
    /// <summary>
    /// <c>unevaluatedProperties</c>: each member kept in AdditionalProperties that <c>__Evaluated</c> does not name is
    /// reported (<c>false</c>) or checked against the schema, at its own pointer.
    /// </summary>
    private string UnevaluatedCheck(TypeModel type, UnevaluatedModel unevaluated)
    {
        string evaluated = EvaluatedTerms(type).Count == 0 ? "null" : "static (" + type.Name + " m, string n) => m.__Evaluated(n)";
        if (unevaluated.Schema is not { } schema)
        {
            return "v.NoUnevaluatedProperties(AdditionalProperties, this, " + evaluated + ")";
        }

        string id = Int(++_unique);
        string itemValidation = "v" + id, item = "i" + id;
        var itemChecks = new List<string> { itemValidation + ".JsonType(null, " + item + ", " + Literals.String(schema.JsonType) + ", " + (schema.AllowsNull ? "true" : "false") + ")" };
        if (schema.Type is { } scalar)
        {
            Constraints c = schema.Constraints;
            if (scalar.Kind == TypeRefKind.String)
            {
                // const and enum compare the JSON text in place (reading the string would allocate on a valid object).
                itemChecks.AddRange(JsonStringLiteralChecks(itemValidation, item, c));
                c = c with { Const = null, Enum = EquatableArray<JsonLiteral>.Empty };
            }

            if (!c.IsEmpty)
            {
                // The value is read once; lengths, patterns and formats need the string itself.
                string accessor = scalar.Kind switch
                {
                    TypeRefKind.String => "StringOf",
                    TypeRefKind.Int64 => "Int64Of",
                    TypeRefKind.Double => "DoubleOf",
                    _ => "BooleanOf",
                };
                string value = "s" + id;
                itemChecks.Add("(" + RuntimeNames.OpenApiRuntime + "." + accessor + "(" + item + ") is var " + value + ")");
                itemChecks.AddRange(ScalarChecks(itemValidation, scalar, c, "null", value));
            }
        }

        return "v.UnevaluatedProperties(AdditionalProperties, this, " + evaluated + ", static (ref __Validation " + itemValidation + ", global::System.Text.Json.JsonElement " + item + ") => "
            + string.Join(" && ", itemChecks) + ")";
    }

    /// <summary><c>const</c> and <c>enum</c> on a string kept as JSON, with the messages <see cref="ScalarChecks"/> gives.</summary>
    private static List<string> JsonStringLiteralChecks(string v, string item, Constraints c)
    {
        var checks = new List<string>();
        string notString = item + ".ValueKind != global::System.Text.Json.JsonValueKind.String";
        if (c.Const is { Kind: JsonLiteralKind.String } constant)
        {
            checks.Add(v + ".That(null, " + notString + " || " + item + ".ValueEquals(" + Literals.String(constant.Text) + "), " + Literals.String(Keywords.ConstMessage(constant)) + ")");
        }

        List<JsonLiteral> strings = c.Enum.Where(l => l.Kind == JsonLiteralKind.String).ToList();
        if (strings.Count > 0)
        {
            checks.Add(v + ".That(null, " + notString + " || " + string.Join(" || ", strings.Select(l => item + ".ValueEquals(" + Literals.String(l.Text) + ")"))
                + ", " + Literals.String(Keywords.EnumMessage(c.Enum)) + ")");
        }

        return checks;
    }

    /// <summary>
    /// The conditions (on <c>name</c>, a member kept in AdditionalProperties) under which the member counts as evaluated:
    /// a name the SDK always counts, a <c>patternProperties</c> pattern, the <c>properties</c> of the if/then/else branch
    /// that applied. A rule of another kind adds its term here: <c>(it holds &amp;&amp; name is "a" or "b")</c>.
    /// </summary>
    private List<string> EvaluatedTerms(TypeModel type)
    {
        var terms = new List<string>();
        UnevaluatedModel unevaluated = type.Unevaluated!;
        if (!unevaluated.Names.IsEmpty)
        {
            terms.Add(NameIs(unevaluated.Names));
        }

        foreach (string pattern in unevaluated.Patterns)
        {
            terms.Add(Pattern(pattern) + ".IsMatch(name)");
        }

        foreach (RuleModel rule in type.Rules)
        {
            if (!rule.EvaluatedIfHolds.IsEmpty || !rule.EvaluatedOtherwise.IsEmpty)
            {
                terms.Add("(" + Condition(rule.If, string.Empty).Render(Precedence.Equality) + " ? " + NameIs(rule.EvaluatedIfHolds) + " : " + NameIs(rule.EvaluatedOtherwise) + ")");
            }
        }

        // A oneOf/anyOf alternative evaluates the members it declares when it matches (an incomplete one, which the SDK
        // cannot decide, counts as matching so that no valid object is rejected).
        var declared = new HashSet<string>(type.Properties.Select(p => p.JsonName), System.StringComparer.Ordinal);
        for (int r = 0; r < type.Choices.Count; r++)
        {
            if (type.Choices[r].Negated)
            {
                continue; // not evaluates nothing (2020-12 §10.2.1.4: its annotations are dropped)
            }

            for (int a = 0; a < type.Choices[r].Alternatives.Count; a++)
            {
                ChoiceAlternativeModel alternative = type.Choices[r].Alternatives[a];
                EquatableArray<string> names = alternative.DeclaredProperties.Where(n => !declared.Contains(n)).ToEquatableArray();
                if (!names.IsEmpty)
                {
                    terms.Add(alternative.Complete
                        ? "(__Matches" + Int(r + 1) + "_" + Int(a + 1) + "() && (" + NameIs(names) + "))"
                        : "(" + NameIs(names) + ")");
                }
            }
        }

        return terms;
    }

    private static string NameIs(EquatableArray<string> names) =>
        names.IsEmpty ? "false" : "name is " + string.Join(" or ", names.Select(Literals.String));
}
