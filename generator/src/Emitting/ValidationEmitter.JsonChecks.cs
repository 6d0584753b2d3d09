using System.Collections.Generic;
using OpenApiSdk.Generator.Model;

namespace OpenApiSdk.Generator.Emitting;

/// <summary>
/// The JSON-value validator for values outside a model (a client's parameters and bodies whose typed checks leave a keyword
/// out): the same methods and pattern fields a model has, written as the members of a static class of their own, whose
/// <c>Check{n}</c> methods are what the client calls.
/// </summary>
internal sealed partial class ValidationEmitter
{
    private readonly List<string> _jsonCheckRoots = new();

    /// <param name="writer">Where <see cref="EmitJsonCheckMembers"/> writes; registering a schema writes nothing.</param>
    public static ValidationEmitter ForJsonChecks(SourceWriter writer) => new(writer);

    /// <summary>The name of the method (of the class of <see cref="EmitJsonCheckMembers"/>) that checks a JSON value against <paramref name="schema"/>.</summary>
    public string JsonCheckMethod(JsonValueSchema schema)
    {
        string root = _jsonValues.RootMethod(schema);
        int index = _jsonCheckRoots.IndexOf(root);
        if (index < 0)
        {
            index = _jsonCheckRoots.Count;
            _jsonCheckRoots.Add(root);
        }

        return "Check" + Int(index + 1);
    }

    /// <summary>The entry methods, the methods of every schema registered and the patterns they match.</summary>
    public void EmitJsonCheckMembers()
    {
        for (int i = 0; i < _jsonCheckRoots.Count; i++)
        {
            _w.Line("internal static bool Check" + Int(i + 1) + "(ref __Validation v, __JsonElement value) => " + _jsonCheckRoots[i] + "(ref v, value);");
        }

        _jsonValues.Emit(_w);
        EmitPatterns();
    }
}
