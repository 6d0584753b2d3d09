using System.Collections.Generic;
using System.Linq;
using OpenApiSdk.Generator.Emitting.Code;
using OpenApiSdk.Generator.Model;
using OpenApiSdk.Generator.Validation;

namespace OpenApiSdk.Generator.Emitting;

/// <summary>The part of <see cref="ValidationEmitter"/> for rules on a whole value: if/then/else (<c>__Rules</c>) and oneOf/anyOf beside other keywords (<c>__Matches{rule}_{alternative}</c>), as conditions that report nothing and assertions that report with the spec's words.</summary>
internal sealed partial class ValidationEmitter
{
    /// <summary>
    /// A <c>oneOf</c>/<c>anyOf</c> rule: <c>v.OneOf(name, matched, undecided, count)</c>, where each alternative's condition
    /// (from <paramref name="matches"/>) adds to <c>matched</c>, or to <c>undecided</c> when the alternative is not fully
    /// checked (it may match when it does not, so it can satisfy the rule but not break "at most one").
    /// </summary>
    private static string ChoiceCheck(string v, string name, ChoiceRuleModel choice, System.Func<int, ChoiceAlternativeModel, Expr> matches)
    {
        if (choice.Negated)
        {
            // An incomplete alternative may match when it does not: not's check would then reject a valid value, so it is left out (OAS010 says so).
            ChoiceAlternativeModel negated = choice.Alternatives[0];
            Expr matched = negated.Complete ? matches(0, negated) : Expr.False;
            return matched.IsFalse ? "true" : v + ".That(" + name + ", " + matched.Not() + ", " + Literals.String(NotMessage) + ")";
        }

        var complete = new List<string>();
        var undecided = new List<string>();
        for (int a = 0; a < choice.Alternatives.Count; a++)
        {
            ChoiceAlternativeModel alternative = choice.Alternatives[a];
            Expr condition = matches(a, alternative);
            if (condition.IsFalse)
            {
                continue; // never matches: counts for nothing
            }

            (alternative.Complete ? complete : undecided).Add(condition.IsTrue ? "1" : "(" + condition + " ? 1 : 0)");
        }

        string Sum(List<string> terms) => terms.Count == 0 ? "0" : string.Join(" + ", terms);
        string count = Int(choice.Alternatives.Count);
        return choice.ExactlyOne
            ? v + ".OneOf(" + name + ", " + Sum(complete) + ", " + Sum(undecided) + ", " + count + ")"
            : v + ".AnyOf(" + name + ", " + Sum(complete.Concat(undecided).ToList()) + ", " + count + ")";
    }

    /// <summary>What a value that matches a <c>not</c> schema is told.</summary>
    internal const string NotMessage = "must not match the schema in 'not'";

    /// <summary>One method per alternative of the object's oneOf/anyOf rules: whether the object matches it (evaluated without reporting).</summary>
    private void EmitChoiceAlternatives(TypeModel type)
    {
        for (int r = 0; r < type.Choices.Count; r++)
        {
            ChoiceRuleModel choice = type.Choices[r];
            for (int a = 0; a < choice.Alternatives.Count; a++)
            {
                _w.Line();
                _w.Line("/// <summary>Whether this object matches " + Literals.XmlText(choice.Alternatives[a].Origin) + ".</summary>");
                _w.Line("private bool __Matches" + Int(r + 1) + "_" + Int(a + 1) + "() => " + Condition(choice.Alternatives[a].Check, string.Empty) + ";");
            }
        }
    }

    /// <summary>The schema's if/then/else rules, as statements: a failure returns false only when nobody collects.</summary>
    private void EmitRules(TypeModel type)
    {
        _w.Line();
        _w.Open("private bool __Rules(ref __Validation v)");
        foreach (RuleModel rule in type.Rules)
        {
            string because = Describe(rule.If, string.Empty);
            _w.Open("if (" + Condition(rule.If, string.Empty) + ")");
            if (rule.Then is { } then)
            {
                EmitAssertions(then, string.Empty, " (because " + because + ")");
            }

            _w.Close();
            if (rule.Else is { } otherwise)
            {
                _w.Open("else");
                EmitAssertions(otherwise, string.Empty, " (because " + because + " does not hold)");
                _w.Close();
            }
        }

        _w.Line("return true;");
        _w.Close();
    }

    /// <summary>A C# condition: the object at <paramref name="owner"/> matches the fragment.</summary>
    private Expr Condition(SchemaCheck check, string owner)
    {
        if (check.Impossible)
        {
            return Expr.False;
        }

        var parts = new List<Expr>();
        foreach (PropertyModel required in check.Required)
        {
            parts.Add(TypeSyntax.IsPresent(owner, required));
        }

        foreach (string name in check.UndeclaredRequired)
        {
            parts.Add(Expr.Compare(Expr.Raw(owner + "AdditionalProperties"), "is not", Expr.Raw("null")));
            parts.Add(Expr.Call(owner + "AdditionalProperties.ContainsKey", Expr.Raw(Literals.String(name))));
        }

        foreach (PropertyCheck nested in check.Properties)
        {
            PropertyModel property = nested.Property;
            Expr inner = property.Type.Kind == TypeRefKind.Model
                ? Condition(nested.Check, TypeSyntax.Value(owner, property) + ".")
                : ValueCondition(property.Type, nested.Check, Expr.Raw(TypeSyntax.Value(owner, property)));
            Expr absent = TypeSyntax.IsPresent(owner, property).Not();
            Expr? isNull = TypeSyntax.HoldsNull(owner, property);
            if (nested.RejectsNull && isNull is not null)
            {
                // A member that holds JSON null does not match a fragment whose type leaves null out.
                parts.Add(Expr.Or(absent, Expr.And(isNull.Not(), inner)));
                continue;
            }

            if (!inner.IsTrue)
            {
                parts.Add(Expr.Or(absent, isNull ?? Expr.False, inner));
            }
        }

        return Expr.And(parts);
    }

    /// <summary>A C# condition: the non-null <paramref name="value"/> satisfies the fragment's constraints.</summary>
    private Expr ValueCondition(TypeRef type, SchemaCheck check, Expr value) =>
        check.Impossible ? Expr.False : Expr.And(Violations(type, check.Constraints).Select(rule => rule.Holds(value)));

    private void EmitAssertions(SchemaCheck check, string owner, string because)
    {
        foreach (PropertyModel required in check.Required)
        {
            _w.Line("if (!v.Rule(" + Literals.String(required.JsonName) + ", " + TypeSyntax.Present(owner, required) + ", " + Literals.String("is required" + because) + ")) return false;");
        }

        foreach (PropertyCheck nested in check.Properties)
        {
            PropertyModel property = nested.Property;
            List<Rule> violations = property.Type.Kind == TypeRefKind.Model ? new List<Rule>() : Violations(property.Type, nested.Check.Constraints);
            bool hasNested = property.Type.Kind == TypeRefKind.Model && (!nested.Check.Required.IsEmpty || !nested.Check.Properties.IsEmpty);
            if (violations.Count == 0 && !hasNested)
            {
                continue;
            }

            _w.Open("if (" + Expr.And(TypeSyntax.IsPresent(owner, property), TypeSyntax.HoldsNull(owner, property)?.Not() ?? Expr.True) + ")");
            _w.Line("v.Enter(" + Literals.String(property.JsonName) + ");");
            if (hasNested)
            {
                EmitAssertions(nested.Check, TypeSyntax.Value(owner, property) + ".", because);
            }

            Expr value = Expr.Raw(TypeSyntax.Value(owner, property));
            foreach (Rule rule in violations)
            {
                _w.Line("if (!v.Rule(null, " + rule.Holds(value) + ", " + Literals.String(rule.Message + because) + ")) return false;");
            }

            _w.Line("v.Exit();");
            _w.Close();
        }
    }

    /// <summary>A readable statement of a condition, for messages: <c>/ha/mode is "Single"</c>.</summary>
    private static string Describe(SchemaCheck check, string pointer)
    {
        var parts = new List<string>();
        foreach (PropertyModel required in check.Required)
        {
            parts.Add(pointer + "/" + required.JsonName + " is present");
        }

        foreach (PropertyCheck nested in check.Properties)
        {
            string path = pointer + "/" + nested.Property.JsonName;
            Constraints c = nested.Check.Constraints;
            if (c.Const is { } constant)
            {
                parts.Add(path + " is " + Show(constant));
            }
            else if (!c.Enum.IsEmpty)
            {
                parts.Add(path + " is one of " + string.Join(", ", c.Enum.Select(Show)));
            }

            string inner = Describe(nested.Check, path);
            if (inner.Length > 0)
            {
                parts.Add(inner);
            }
        }

        return string.Join(" and ", parts.Distinct());
    }

    private static string Show(JsonLiteral literal) => literal.Kind == JsonLiteralKind.String ? "\"" + literal.Text + "\"" : literal.Text;
}
