using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace OpenApiSdk.Generator.Emitting.Code;

/// <summary>C# operator precedence, lowest first: a child that binds less tightly than its place needs is parenthesised.</summary>
internal enum Precedence
{
    Or = 1,
    And,
    Equality,
    Relational,
    Additive,
    Multiplicative,
    Unary,
    Primary,
}

/// <summary>
/// A generated C# expression, built as a small tree (ajv's <c>and</c>/<c>or</c>/<c>not</c> over code values) and
/// rendered to text once. The factories simplify (<c>true &amp;&amp; x</c> is <c>x</c>, <c>!!x</c> is <c>x</c>) and
/// <see cref="Not"/> negates structurally (<c>a == b</c> becomes <c>a != b</c>), so a condition is never negated by
/// scanning its text and never ends up as <c>!(!(...))</c>.
/// </summary>
internal abstract class Expr
{
    public static readonly Expr True = new Atom("true", Precedence.Primary);
    public static readonly Expr False = new Atom("false", Precedence.Primary);

    public abstract Precedence Precedence { get; }

    public bool IsTrue => ReferenceEquals(this, True);

    public bool IsFalse => ReferenceEquals(this, False);

    /// <summary>A piece of C# that is one operand at <paramref name="precedence"/> (an identifier or a call by default).</summary>
    public static Expr Raw(string text, Precedence precedence = Precedence.Primary) => new Atom(text, precedence);

    /// <summary>A call: <c>target(arg, ...)</c>.</summary>
    public static Expr Call(string target, params Expr[] arguments) =>
        new Atom(target + "(" + string.Join(", ", arguments.Select(a => a.ToString())) + ")", Precedence.Primary);

    /// <summary>A member of a value: <c>value.member</c> (the value parenthesised when it needs it).</summary>
    public static Expr Member(Expr value, string member) => new Atom(value.Render(Precedence.Primary) + "." + member, Precedence.Primary);

    public static Expr Compare(Expr left, string op, Expr right) => new Comparison(left, op, right);

    /// <summary>An arithmetic operation (<c>%</c>, <c>+</c>): an operand, not a condition.</summary>
    public static Expr Arithmetic(Expr left, string op, Expr right)
    {
        Precedence precedence = op is "+" or "-" ? Precedence.Additive : Precedence.Multiplicative;
        return new Atom(left.Render(precedence) + " " + op + " " + right.Render((Precedence)((int)precedence + 1)), precedence);
    }

    public static Expr And(params Expr[] operands) => Junction.Of(true, operands);

    public static Expr And(IEnumerable<Expr> operands) => Junction.Of(true, operands);

    public static Expr Or(params Expr[] operands) => Junction.Of(false, operands);

    public static Expr Or(IEnumerable<Expr> operands) => Junction.Of(false, operands);

    /// <summary>The negation, simplified: <c>!x</c> of a negation is <c>x</c>, of an equality the opposite equality.</summary>
    public abstract Expr Not();

    /// <summary>The text, parenthesised when it binds less tightly than <paramref name="context"/> needs.</summary>
    public string Render(Precedence context)
    {
        var text = new StringBuilder();
        WriteTo(text, context);
        return text.ToString();
    }

    public void WriteTo(StringBuilder text, Precedence context)
    {
        if (Precedence < context)
        {
            text.Append('(');
            Write(text);
            text.Append(')');
        }
        else
        {
            Write(text);
        }
    }

    public override string ToString() => Render(Precedence.Or);

    protected abstract void Write(StringBuilder text);

    private sealed class Atom : Expr
    {
        private readonly string _text;
        private readonly Precedence _precedence;

        public Atom(string text, Precedence precedence)
        {
            _text = text;
            _precedence = precedence;
        }

        public override Precedence Precedence => _precedence;

        public override Expr Not() => IsTrue ? False : IsFalse ? True : new Negation(this);

        protected override void Write(StringBuilder text) => text.Append(_text);
    }

    private sealed class Negation : Expr
    {
        private readonly Expr _operand;

        public Negation(Expr operand) => _operand = operand;

        public override Precedence Precedence => Precedence.Unary;

        public override Expr Not() => _operand;

        protected override void Write(StringBuilder text)
        {
            text.Append('!');
            _operand.WriteTo(text, Precedence.Unary);
        }
    }

    private sealed class Comparison : Expr
    {
        private readonly Expr _left;
        private readonly string _op;
        private readonly Expr _right;

        public Comparison(Expr left, string op, Expr right)
        {
            _left = left;
            _op = op;
            _right = right;
        }

        public override Precedence Precedence => _op is "==" or "!=" ? Precedence.Equality : Precedence.Relational; // "is" is relational

        // Only equality and patterns flip: for floating-point values !(x < y) is not x >= y (NaN), so an ordering stays negated.
        public override Expr Not() => _op switch
        {
            "==" => new Comparison(_left, "!=", _right),
            "!=" => new Comparison(_left, "==", _right),
            "is" => new Comparison(_left, "is not", _right),
            "is not" => new Comparison(_left, "is", _right),
            _ => new Negation(this),
        };

        protected override void Write(StringBuilder text)
        {
            _left.WriteTo(text, (Precedence)((int)Precedence + 1));
            text.Append(' ').Append(_op).Append(' ');
            _right.WriteTo(text, (Precedence)((int)Precedence + 1));
        }
    }

    private sealed class Junction : Expr
    {
        private readonly bool _isAnd;
        private readonly List<Expr> _operands;

        private Junction(bool isAnd, List<Expr> operands)
        {
            _isAnd = isAnd;
            _operands = operands;
        }

        public override Precedence Precedence => _isAnd ? Precedence.And : Precedence.Or;

        public static Expr Of(bool isAnd, IEnumerable<Expr> operands)
        {
            Expr identity = isAnd ? True : False, absorbing = isAnd ? False : True;
            var kept = new List<Expr>();
            foreach (Expr operand in operands)
            {
                if (ReferenceEquals(operand, absorbing))
                {
                    return absorbing;
                }

                if (ReferenceEquals(operand, identity))
                {
                    continue;
                }

                if (operand is Junction inner && inner._isAnd == isAnd)
                {
                    kept.AddRange(inner._operands);
                }
                else
                {
                    kept.Add(operand);
                }
            }

            return kept.Count switch
            {
                0 => identity,
                1 => kept[0],
                _ => new Junction(isAnd, kept),
            };
        }

        public override Expr Not() => new Negation(this);

        protected override void Write(StringBuilder text)
        {
            for (int i = 0; i < _operands.Count; i++)
            {
                if (i > 0)
                {
                    text.Append(_isAnd ? " && " : " || ");
                }

                // An && inside an || keeps its parentheses, for the reader (C# would not need them).
                _operands[i].WriteTo(text, _isAnd ? Precedence.And : Precedence.And + (_operands[i] is Junction ? 1 : 0));
            }
        }
    }
}
