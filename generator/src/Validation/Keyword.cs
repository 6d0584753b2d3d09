using System;
using OpenApiSdk.Generator.Emitting.Code;
using OpenApiSdk.Generator.Model;

namespace OpenApiSdk.Generator.Validation;

/// <summary>JSON Schema's instance types (2020-12 core §4.2.1), as flags: the types a keyword applies to.</summary>
[Flags]
internal enum JsonTypes
{
    None = 0,
    Null = 1,
    Boolean = 2,
    Object = 4,
    Array = 8,
    Number = 16,
    String = 32,
    Integer = 64,
    Any = Null | Boolean | Object | Array | Number | String | Integer,
}

/// <summary>
/// One validation keyword, defined once (ajv's keyword definitions, JsonSchema.Net's keyword handlers): the JSON types
/// it applies to, the C# value kinds whose generated check carries it, the rule it makes of a value's
/// <see cref="Constraints"/> (check and message), its text in a property's documentation and its DataAnnotations twin.
/// Every position a value can appear in (property, parameter, item, union alternative, if/then/else, oneOf/anyOf
/// alternative, unevaluatedProperties) builds its checks from <see cref="Catalogue"/>.
/// </summary>
internal sealed class Keyword
{
    public Keyword(
        string name,
        JsonTypes appliesTo,
        Func<TypeRefKind, bool> carriedBy,
        Func<RuleContext, Rule?> rule,
        Func<Constraints, string?> doc,
        Twin? twin = null)
    {
        Name = name;
        AppliesTo = appliesTo;
        CarriedBy = carriedBy;
        Rule = rule;
        Doc = doc;
        Twin = twin;
    }

    /// <summary>The keyword as the schema spells it.</summary>
    public string Name { get; }

    /// <summary>The JSON types it constrains; a value of any other type satisfies it.</summary>
    public JsonTypes AppliesTo { get; }

    /// <summary>Whether the check of a C# value of this kind states the keyword (a string-typed keyword is not checked on a generated enum).</summary>
    public Func<TypeRefKind, bool> CarriedBy { get; }

    /// <summary>The rule on a value, or null when its constraints do not have the keyword (or its type does not carry it).</summary>
    public Func<RuleContext, Rule?> Rule { get; }

    /// <summary>The keyword in a property's "Rules:" documentation, or null when absent.</summary>
    public Func<Constraints, string?> Doc { get; }

    /// <summary>The DataAnnotations attribute that states the same rule, if any (shared by keywords one attribute states together).</summary>
    public Twin? Twin { get; }
}

/// <summary>
/// A keyword's rule on one value. <see cref="Violated"/> gives the condition that is true when a non-null value breaks it;
/// <see cref="Message"/> is what the user reads. <see cref="Check"/>, when set, is the runtime <c>Validation</c> method that
/// states the same rule with the same message (<c>v.MinLength(name, value, 3)</c>), shorter than the condition.
/// </summary>
internal sealed class Rule
{
    public Rule(string keyword, Func<Expr, Expr> violated, string message, RuntimeCheck? check = null)
    {
        Keyword = keyword;
        Violated = violated;
        Message = message;
        Check = check;
    }

    public string Keyword { get; }

    public Func<Expr, Expr> Violated { get; }

    public string Message { get; }

    public RuntimeCheck? Check { get; }

    /// <summary>The condition that holds when the value satisfies the rule.</summary>
    public Expr Holds(Expr value) => Violated(value).Not();
}

/// <summary>A <c>Validation</c> method (in the runtime) and its argument after the value, if any.</summary>
internal sealed record RuntimeCheck(string Method, string? Argument = null);

/// <summary>A DataAnnotations attribute: its alias and how it is written from a property's type and constraints.</summary>
internal sealed class Twin
{
    public Twin(string alias, Func<TypeRef, Constraints, string?> attribute)
    {
        Alias = alias;
        Attribute = attribute;
    }

    public string Alias { get; }

    /// <summary>The attribute, or null where it cannot state the rule (a map's <c>minProperties</c>).</summary>
    public Func<TypeRef, Constraints, string?> Attribute { get; }
}

/// <summary>
/// What a rule needs to know about where it is emitted: the value's type and constraints, how a pattern is named and
/// matched there (a model's <c>__p0</c> field, a client's <c>__Patterns.P0</c>) and how a collection is counted.
/// </summary>
internal sealed class RuleContext
{
    public RuleContext(TypeRef type, Constraints constraints, Func<string, (string Field, Func<Expr, Expr> Matches)> pattern, Func<Expr, Expr>? count = null)
    {
        Type = type;
        Constraints = constraints;
        Pattern = pattern;
        Count = count ?? (value => Expr.Member(value, "Count"));
    }

    public TypeRef Type { get; }

    public Constraints Constraints { get; }

    public TypeRefKind Kind => Type.Kind;

    /// <summary>A pattern's field (for the runtime check) and the condition that a value matches it.</summary>
    public Func<string, (string Field, Func<Expr, Expr> Matches)> Pattern { get; }

    public Func<Expr, Expr> Count { get; }
}
