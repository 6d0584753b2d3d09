using System.Linq;
using OpenApiSdk.Generator.Model;

namespace OpenApiSdk.Generator.Emitting;

/// <summary>
/// Emits an extensible string enum: a struct over the wire value. A value the spec does not list
/// still reads (a newer server must not break an older SDK); <c>IsKnown</c> tells, and request
/// validation rejects it.
/// </summary>
internal static class EnumEmitter
{
    public static void Emit(SourceWriter w, TypeModel type)
    {
        string name = type.Name;
        string known = string.Join(", ", type.Members.Select(m => m.Value));
        w.Summary(type.Description ?? "The values of " + type.SchemaName + ".", "Known values: " + known + ". Other values are kept as they arrive.");
        w.Line(TypeSyntax.GeneratedCode);
        w.Line("[global::System.Text.Json.Serialization.JsonConverter(typeof(" + name + ".__JsonConverter))]");
        w.Open("public readonly partial struct " + name + " : global::System.IEquatable<" + name + ">, " + TypeSyntax.Runtime + "IOpenApiEnumValue");
        w.Line("private readonly string? _value;");
        w.Line();
        w.Line("/// <summary>Wraps a wire value, known or not.</summary>");
        w.Open("public " + name + "(string value)");
        w.Line("_value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
        w.Close();
        foreach (EnumMemberModel member in type.Members)
        {
            w.Line();
            w.Summary(member.Value.Length == 0 ? "The empty string." : "The value " + member.Value + ".");
            w.Line("public static " + name + " " + member.Name + " { get; } = new " + name + "(" + Literals.String(member.Value) + ");");
        }

        w.Line();
        w.Line("/// <summary>The values the spec lists, in its order.</summary>");
        w.Line("public static global::System.Collections.Generic.IReadOnlyList<" + name + "> KnownValues { get; } = new[] { " + string.Join(", ", type.Members.Select(m => m.Name)) + " };");
        w.Line();
        w.Line("/// <summary>The wire value.</summary>");
        w.Line("public string Value => _value ?? string.Empty;");
        w.Line();
        w.Line("/// <summary>True when the spec lists this value.</summary>");
        w.Open("public bool IsKnown");
        w.Open("get");
        w.Open("switch (Value)");
        foreach (EnumMemberModel member in type.Members)
        {
            w.Line("case " + Literals.String(member.Value) + ":");
        }

        if (!type.Members.IsEmpty)
        {
            w.Indent();
            w.Line("return true;");
            w.Unindent();
        }

        w.Line("default:");
        w.Indent();
        w.Line("return false;");
        w.Unindent();
        w.Close();
        w.Close();
        w.Close();
        w.Line();
        w.Line("/// <summary>Wraps a wire value.</summary>");
        w.Line("public static implicit operator " + name + "(string value) => new " + name + "(value);");
        w.Line();
        w.Line("/// <summary>True when both hold the same wire value (compared ordinally).</summary>");
        w.Line("public static bool operator ==(" + name + " left, " + name + " right) => left.Equals(right);");
        w.Line();
        w.Line("/// <summary>True when the wire values differ (compared ordinally).</summary>");
        w.Line("public static bool operator !=(" + name + " left, " + name + " right) => !left.Equals(right);");
        w.Line();
        w.Line("/// <summary>Compares the wire values, ordinally.</summary>");
        w.Line("public bool Equals(" + name + " other) => string.Equals(Value, other.Value, global::System.StringComparison.Ordinal);");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line("public override bool Equals(object? obj) => obj is " + name + " other && Equals(other);");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line("public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(Value);");
        w.Line();
        w.Line("/// <summary>The wire value.</summary>");
        w.Line("public override string ToString() => Value;");
        w.Line();
        w.Open("internal sealed class __JsonConverter : global::System.Text.Json.Serialization.JsonConverter<" + name + ">");
        w.Line("public override " + name + " Read(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options) =>");
        w.Line("    new " + name + "(reader.GetString() ?? throw new global::System.Text.Json.JsonException(\"Expected a string.\"));");
        w.Line();
        w.Line("public override void Write(global::System.Text.Json.Utf8JsonWriter writer, " + name + " value, global::System.Text.Json.JsonSerializerOptions options) => writer.WriteStringValue(value.Value);");
        w.Close();
        w.Close();
    }
}
