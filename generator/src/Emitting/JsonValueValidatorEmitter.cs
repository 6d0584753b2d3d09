using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OpenApiSdk.Generator.Emitting.Code;
using OpenApiSdk.Generator.Model;
using OpenApiSdk.Generator.Validation;

namespace OpenApiSdk.Generator.Emitting;

/// <summary>
/// The JSON-value validator (ajv's code generation): for each node of a <see cref="JsonValueSchema"/> one private static
/// method <c>__Check{schema}_{node}(ref __Validation v, __JsonElement value)</c> that checks every keyword of that node on
/// the value, each guarded by the JSON type it applies to: the catalogue's rules per JSON type (<see cref="JsonForms"/>,
/// through the model's own scalar checks) and then the <see cref="Applicators"/>, which call the methods of subschemas
/// (a <c>$ref</c> is a call, so recursive schemas work). Nodes in the scope of <c>unevaluatedProperties</c>/
/// <c>unevaluatedItems</c> take a <c>ref __JsonEvaluated e</c> and record what they evaluate; every other method
/// allocates nothing on a valid value. Each schema is emitted once per type, however many values use it.
/// </summary>
internal sealed class JsonValueValidatorEmitter
{
    private readonly Func<Constraints, List<string>> _scalarChecks;
    private readonly Func<string, string> _pattern;
    private readonly List<JsonValueSchema> _schemas = new();
    private readonly List<HashSet<int>> _tracked = new();
    private readonly List<SortedSet<int>> _wrappers = new();
    private int _unique;

    /// <param name="scalarChecks">The catalogue's rules on a value kept as JSON (<c>v</c>, <c>value</c>), as the model states them.</param>
    /// <param name="pattern">The model's field for a pattern.</param>
    public JsonValueValidatorEmitter(Func<Constraints, List<string>> scalarChecks, Func<string, string> pattern)
    {
        _scalarChecks = scalarChecks;
        _pattern = pattern;
    }

    public bool IsEmpty => _schemas.Count == 0;

    /// <summary>The check of a value (<c>JsonElement</c> or <c>JsonElement?</c>) against its schema, reported under <paramref name="name"/>.</summary>
    public string Check(string v, string name, string value, JsonValueSchema schema) =>
        v + ".JsonValue(" + name + ", " + value + ", " + CheckOf(Register(schema), 0, falseAsNull: false) + ")";

    /// <summary>A type's own JSON against its schema (<see cref="TypeModel.JsonFallback"/>): what the typed checks cannot carry.</summary>
    public string ModelCheck(string v, JsonValueSchema schema) => v + ".ModelJson(" + CheckOf(Register(schema), 0, falseAsNull: false) + ")";

    /// <summary>The name of the method that checks a value against <paramref name="schema"/> (its root node), for a caller outside the class: an <c>ItemCheck&lt;JsonElement&gt;</c>.</summary>
    public string RootMethod(JsonValueSchema schema)
    {
        int s = Register(schema);
        if (_tracked[s].Contains(0))
        {
            _wrappers[s].Add(0); // the overload without the evaluations' record
        }

        return Method(s, 0);
    }

    /// <summary>The methods of every schema used, after the type's other members.</summary>
    public void Emit(SourceWriter w)
    {
        for (int s = 0; s < _schemas.Count; s++)
        {
            EquatableArray<JsonSchemaNode> nodes = _schemas[s].Nodes;
            for (int n = 0; n < nodes.Count; n++)
            {
                var site = new Site(this, s, _tracked[s].Contains(n));
                var checks = new List<string>();
                if (!nodes[n].Scalars.IsEmpty)
                {
                    checks.AddRange(_scalarChecks(nodes[n].Scalars));
                }

                foreach (Applicator applicator in Applicators.All)
                {
                    checks.AddRange(applicator.Checks(nodes[n], site));
                }

                w.Line();
                string parameters = "ref __Validation v, __JsonElement value" + (site.Tracks ? ", ref __JsonEvaluated e" : string.Empty);
                if (checks.Count == 0)
                {
                    w.Line("private static bool " + Method(s, n) + "(" + parameters + ") => true;");
                    continue;
                }

                w.Line("private static bool " + Method(s, n) + "(" + parameters + ") =>");
                w.Indent();
                for (int i = 0; i < checks.Count; i++)
                {
                    w.Line(checks[i] + (i == checks.Count - 1 ? ";" : " &&"));
                }

                w.Unindent();
            }

            // A node that records evaluations, used where nothing reads them (a member, an item, the root): a fresh record.
            foreach (int n in _wrappers[s])
            {
                w.Line();
                w.Line("private static bool " + Method(s, n) + "(ref __Validation v, __JsonElement value) => v.Apply(value, " + AnnotatedLambda(s, n) + ");");
            }
        }
    }

    private int Register(JsonValueSchema schema)
    {
        int index = _schemas.IndexOf(schema);
        if (index >= 0)
        {
            return index;
        }

        _schemas.Add(schema);
        _tracked.Add(Tracked(schema));
        _wrappers.Add(new SortedSet<int>());
        return _schemas.Count - 1;
    }

    /// <summary>The nodes in the scope of an <c>unevaluated*</c> keyword: those that have one, and what they apply in place, transitively.</summary>
    private static HashSet<int> Tracked(JsonValueSchema schema)
    {
        var tracked = new HashSet<int>();
        var work = new Stack<int>();
        for (int n = 0; n < schema.Nodes.Count; n++)
        {
            if (schema.Nodes[n].UnevaluatedItems is not null || schema.Nodes[n].UnevaluatedProperties is not null)
            {
                work.Push(n);
            }
        }

        while (work.Count > 0)
        {
            int n = work.Pop();
            if (tracked.Add(n))
            {
                foreach (int sub in Applicators.InPlaceSubschemas(schema.Nodes[n]))
                {
                    work.Push(sub);
                }
            }
        }

        return tracked;
    }

    private string CheckOf(int s, int n, bool falseAsNull)
    {
        if (falseAsNull && _schemas[s].Nodes[n].Never)
        {
            return "null";
        }

        if (_tracked[s].Contains(n))
        {
            _wrappers[s].Add(n);
        }

        // Its own parameter names (vj, ij, ej), so a lambda of the model's checks around it never declares the same.
        string id = Int(++_unique);
        return "static (ref __Validation vj" + id + ", __JsonElement ij" + id + ") => " + Method(s, n) + "(ref vj" + id + ", ij" + id + ")";
    }

    private string AnnotatedLambda(int s, int n)
    {
        string id = Int(++_unique);
        return "static (ref __Validation vj" + id + ", __JsonElement ij" + id + ", ref __JsonEvaluated ej" + id + ") => " + Method(s, n) + "(ref vj" + id + ", ij" + id + ", ref ej" + id + ")";
    }

    private static string Method(int s, int n) => "__Check" + Int(s + 1) + "_" + Int(n);

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private sealed class Site : IApplicatorSite
    {
        private readonly JsonValueValidatorEmitter _emitter;
        private readonly int _schema;

        public Site(JsonValueValidatorEmitter emitter, int schema, bool tracks)
        {
            _emitter = emitter;
            _schema = schema;
            Tracks = tracks;
        }

        public bool Tracks { get; }

        private bool IsTracked(int node) => _emitter._tracked[_schema].Contains(node);

        public string InPlace(int node) =>
            Tracks && IsTracked(node) ? "v.Apply(value, ref e, " + _emitter.AnnotatedLambda(_schema, node) + ")"
            : IsTracked(node) ? Wrapped(node, "(ref v, value)")
            : Method(_schema, node) + "(ref v, value)";

        public Expr Holds(int node) =>
            Tracks && IsTracked(node) ? Expr.Raw("v.Holds(value, ref e, " + _emitter.AnnotatedLambda(_schema, node) + ")")
            : Expr.Raw("v.Holds(value, " + _emitter.CheckOf(_schema, node, falseAsNull: false) + ")");

        public string Check(int node, bool falseAsNull = false) => _emitter.CheckOf(_schema, node, falseAsNull);

        public string Pattern(string pattern) => _emitter._pattern(pattern);

        private string Wrapped(int node, string arguments)
        {
            _emitter._wrappers[_schema].Add(node);
            return Method(_schema, node) + arguments;
        }
    }
}
