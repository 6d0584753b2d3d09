using System.Linq;
using OpenApiSdk.Generator.Model;

namespace OpenApiSdk.Generator.Emitting;

/// <summary>
/// Emits an extensible string enum: a struct over the wire value. A value the spec does not list
/// still reads (a newer server must not break an older SDK); <c>IsKnown</c> tells, and request
/// validation rejects it. JSON goes through the runtime's <c>EnumJsonConverter&lt;T&gt;</c>.
/// </summary>
internal static class EnumEmitter
{
    public static void Emit(SourceWriter w, TypeModel type)
    {
        string name = type.Name;
        string known = string.Join(", ", type.Members.Select(m => m.Value));
        w.Summary(type.Description ?? "The values of " + type.SchemaName + ".", "Known values: " + known + ". Other values are kept as they arrive.");
        w.Line(ModelEmitter.GeneratedCode);
        w.Line("[__JsonConverter(typeof(__Runtime.EnumJsonConverter<" + name + ">))]");
        w.Open("public readonly partial struct " + name + " : __Runtime.IOpenApiEnumValue<" + name + ">");
        w.Line("private readonly string? _value;");
        w.Line();
        w.Line("/// <summary>Wraps a wire value, known or not.</summary>");
        w.Line("public " + name + "(string value) => _value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
        w.Line();
        foreach (EnumMemberModel member in type.Members)
        {
            string value = member.Value.Length == 0 ? "The empty string." : "The value " + member.Value + ".";
            if (member.Description is { Length: > 0 } description)
            {
                w.Doc(description, value);
            }
            else
            {
                w.Doc(value);
            }
            w.Line("public static " + name + " " + member.Name + " => new(" + Literals.String(member.Value) + ");");
        }

        w.Line();
        w.Line("/// <summary>The values the spec lists, in its order.</summary>");
        w.Line("public static __Generic.IReadOnlyList<" + name + "> KnownValues { get; } = new[] { " + string.Join(", ", type.Members.Select(m => m.Name)) + " };");
        w.Line("/// <summary>The wire value.</summary>");
        w.Line("public string Value => _value ?? \"\";");
        w.Line("/// <summary>True when the spec lists this value.</summary>");
        w.Line("public bool IsKnown => " + (type.Members.IsEmpty ? "false" : "Value is " + string.Join(" or ", type.Members.Select(m => Literals.String(m.Value)).Distinct())) + ";");
        w.Line("/// <summary>Wraps a wire value.</summary>");
        w.Line("public static implicit operator " + name + "(string value) => new(value);");
        w.Line("/// <summary>True when the wire values are equal (ordinal).</summary>");
        w.Line("public static bool operator ==(" + name + " left, " + name + " right) => left.Value == right.Value;");
        w.Line("/// <summary>True when the wire values differ (ordinal).</summary>");
        w.Line("public static bool operator !=(" + name + " left, " + name + " right) => left.Value != right.Value;");
        w.Line("/// <summary>True when the wire values are equal (ordinal).</summary>");
        w.Line("public bool Equals(" + name + " other) => Value == other.Value;");
        w.Line("/// <inheritdoc/>");
        w.Line("public override bool Equals(object? obj) => obj is " + name + " other && Value == other.Value;");
        w.Line("/// <inheritdoc/>");
        w.Line("public override int GetHashCode() => Value.GetHashCode();");
        w.Line("/// <summary>The wire value.</summary>");
        w.Line("public override string ToString() => Value;");
        w.Line(name + " __Runtime.IOpenApiEnumValue<" + name + ">.WithValue(string value) => new(value);");
        w.Close();
    }
}
