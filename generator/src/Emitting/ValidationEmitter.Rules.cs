using System.Collections.Generic;
using System.Linq;
using OpenApiSdk.Generator.Model;

namespace OpenApiSdk.Generator.Emitting;

/// <summary>The part of <see cref="ValidationEmitter"/> for rules on a whole value: if/then/else (<c>__Rules</c>) and oneOf/anyOf beside other keywords (<c>__Matches{rule}_{alternative}</c>), as conditions that report nothing and assertions that report with the spec's words.</summary>
internal sealed partial class ValidationEmitter
{
    /// <summary>
    /// A <c>oneOf</c>/<c>anyOf</c> rule: <c>v.OneOf(name, matched, undecided, count)</c>, where each alternative's condition
    /// (from <paramref name="matches"/>) adds to <c>matched</c>, or to <c>undecided</c> when the alternative is not fully
    /// checked (it may match when it does not, so it can satisfy the rule but not break "at most one").
    /// </summary>
    private static string ChoiceCheck(string v, string name, ChoiceRuleModel choice, System.Func<int, ChoiceAlternativeModel, string> matches)
    {
        var complete = new List<string>();
        var undecided = new List<string>();
        for (int a = 0; a < choice.Alternatives.Count; a++)
        {
            ChoiceAlternativeModel alternative = choice.Alternatives[a];
            string condition = matches(a, alternative);
            if (condition == "false")
            {
                continue; // never matches: counts for nothing
            }

            (alternative.Complete ? complete : undecided).Add(condition == "true" ? "1" : "(" + condition + " ? 1 : 0)");
        }

        string Sum(List<string> terms) => terms.Count == 0 ? "0" : string.Join(" + ", terms);
        string count = Int(choice.Alternatives.Count);
        return choice.ExactlyOne
            ? v + ".OneOf(" + name + ", " + Sum(complete) + ", " + Sum(undecided) + ", " + count + ")"
            : v + ".AnyOf(" + name + ", " + Sum(complete.Concat(undecided).ToList()) + ", " + count + ")";
    }

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
                _w.Line("private bool __Matches" + Int(r + 1) + "_" + Int(a + 1) + "() => " + Condition(choice.Alternatives[a].Check, string.Empty, plain: true) + ";");
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
    /// <param name="plain">Write each constraint as the condition that holds (<c>Kind == "a"</c>), not as the negated violation (for choice alternatives; if/then/else keeps its form).</param>
    private string Condition(SchemaCheck check, string owner, bool plain = false)
    {
        if (check.Impossible)
        {
            return "false";
        }

        var parts = new List<string>();
        foreach (PropertyModel required in check.Required)
        {
            parts.Add(TypeSyntax.Present(owner, required));
        }

        foreach (string name in check.UndeclaredRequired)
        {
            parts.Add("(" + owner + "AdditionalProperties is not null && " + owner + "AdditionalProperties.ContainsKey(" + Literals.String(name) + "))");
        }

        foreach (PropertyCheck nested in check.Properties)
        {
            PropertyModel property = nested.Property;
            string inner = property.Type.Kind == TypeRefKind.Model
                ? Condition(nested.Check, TypeSyntax.Value(owner, property) + ".", plain)
                : ValueCondition(property.Type, nested.Check, TypeSyntax.Value(owner, property), plain);
            string? isNull = TypeSyntax.PresentButNull(owner, property);
            if (nested.RejectsNull && isNull is not null)
            {
                // A member that holds JSON null does not match a fragment whose type leaves null out.
                parts.Add("(" + TypeSyntax.Absent(owner, property) + " || (!(" + isNull + ")" + (inner == "true" ? string.Empty : " && (" + inner + ")") + "))");
                continue;
            }

            if (inner == "true")
            {
                continue;
            }

            parts.Add("(" + TypeSyntax.Absent(owner, property) + (isNull is null ? string.Empty : " || " + isNull) + " || (" + inner + "))");
        }

        return parts.Count == 0 ? "true" : string.Join(" && ", parts);
    }

    private string ValueCondition(TypeRef type, SchemaCheck check, string value, bool plain = false) =>
        check.Impossible ? "false" : ValueCondition(type, check.Constraints, value, plain);

    private string ValueCondition(TypeRef type, Constraints c, string value, bool plain = false)
    {
        List<string> holds = Violations(type, c, value).Select(v => plain ? Holds(v.Violated) : "!(" + v.Violated + ")").ToList();
        return holds.Count == 0 ? "true" : string.Join(" && ", holds);
    }

    /// <summary>The negation of a violation: <c>!(x)</c> becomes <c>(x)</c>, <c>!IsDate(v)</c> becomes <c>IsDate(v)</c>, anything else <c>!(...)</c>.</summary>
    private static string Holds(string violated)
    {
        if (violated.Length > 1 && violated[0] == '!')
        {
            string rest = violated.Substring(1);
            if (rest[0] == '(' && ClosingParenthesis(rest, 0) == rest.Length - 1)
            {
                return rest;
            }

            if (rest.IndexOf(' ') < 0 && rest.IndexOf('!') < 0 && rest.EndsWith(")", System.StringComparison.Ordinal))
            {
                return rest; // a call such as IsDate(__x1): its argument is a plain variable
            }
        }

        return "!(" + violated + ")";
    }

    private static int ClosingParenthesis(string text, int open)
    {
        int depth = 0;
        bool quoted = false;
        for (int i = open; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == '(')
            {
                depth++;
            }
            else if (c == ')' && --depth == 0)
            {
                return i;
            }
        }

        return -1;
    }

    private void EmitAssertions(SchemaCheck check, string owner, string because)
    {
        foreach (PropertyModel required in check.Required)
        {
            _w.Line("if (!v.Rule(" + Literals.String(required.JsonName) + ", " + TypeSyntax.Present(owner, required) + ", " + Literals.String("is required" + because) + ")) return false;");
        }

        foreach (PropertyCheck nested in check.Properties)
        {
            PropertyModel property = nested.Property;
            string? isNull = TypeSyntax.PresentButNull(owner, property);
            List<(string Violated, string Message)> violations = property.Type.Kind == TypeRefKind.Model
                ? new List<(string, string)>()
                : Violations(property.Type, nested.Check.Constraints, TypeSyntax.Value(owner, property)).ToList();
            bool hasNested = property.Type.Kind == TypeRefKind.Model && (!nested.Check.Required.IsEmpty || !nested.Check.Properties.IsEmpty);
            if (violations.Count == 0 && !hasNested)
            {
                continue;
            }

            _w.Open("if (" + TypeSyntax.Present(owner, property) + (isNull is null ? string.Empty : " && !(" + isNull + ")") + ")");
            _w.Line("v.Enter(" + Literals.String(property.JsonName) + ");");
            if (hasNested)
            {
                EmitAssertions(nested.Check, TypeSyntax.Value(owner, property) + ".", because);
            }

            foreach ((string violated, string message) in violations)
            {
                _w.Line("if (!v.Rule(null, !(" + violated + "), " + Literals.String(message + because) + ")) return false;");
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
