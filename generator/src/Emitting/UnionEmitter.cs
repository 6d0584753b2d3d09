using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OpenApiSdk.Generator.Model;

namespace OpenApiSdk.Generator.Emitting;

/// <summary>
/// Emits a <c>oneOf</c>/<c>anyOf</c> schema as a class that holds one alternative: <c>Is{Name}</c>,
/// <c>As{Name}</c> and <c>From{Name}</c> per alternative (plus an implicit conversion where its C# type is
/// unambiguous). Reading picks the alternative by the discriminator when there is one, else the first one the
/// JSON is valid against (counting matches, so <c>oneOf</c> can reject a value that fits several); JSON that
/// fits none is kept as it arrived, written back unchanged and reported by <c>Validate()</c>.
/// </summary>
internal static class UnionEmitter
{
    public static void Emit(SourceWriter w, TypeModel type, string q)
    {
        UnionModel union = type.Union!;
        string name = type.Name;
        w.Summary(type.Description ?? "The schema " + type.SchemaName + ".", Explain(union), "Generated from " + type.SchemaName + ".");
        w.Line(TypeSyntax.GeneratedCode);
        w.Line("[global::System.Text.Json.Serialization.JsonConverter(typeof(" + name + ".__JsonConverter))]");
        w.Line("[" + TypeSyntax.Sdk + "SchemaRules]");
        w.Open("public sealed partial class " + name + " : global::System.IEquatable<" + name + ">, " + TypeSyntax.Runtime + "IOpenApiModel");
        EmitState(w, union, name, q);
        EmitAlternatives(w, union, name, q);
        ValidationEmitter.EmitUnion(w, type, q);
        EmitRead(w, union, name, q);
        EmitWrite(w, union, name, q);
        EmitEquality(w, union, name, q);
        EmitToString(w, union, name, q);
        w.Close();
    }

    private static string Explain(UnionModel union)
    {
        string names = string.Join(", ", union.Variants.Select(v => v.Name));
        return union.Discriminator is { } property
            ? "One of: " + names + "; the JSON property \"" + property + "\" names which."
            : (union.ExactlyOne ? "Exactly one of: " : "At least one of: ") + names + "; reading picks the first the JSON is valid against.";
    }

    private static bool CountsMatches(UnionModel union) => union.ExactlyOne && union.Discriminator is null;

    private static void EmitState(SourceWriter w, UnionModel union, string name, string q)
    {
        w.Line("private global::System.Collections.Generic.List<" + TypeSyntax.Sdk + "ValidationError>? __readErrors;");
        w.Line("private object? __value;");
        w.Line("internal int __variant; // 1-based index of the alternative held; 0 when the JSON that was read fits none");
        w.Line("private global::System.Text.Json.JsonElement __json; // the JSON that was read, kept only when it fits no alternative");
        if (CountsMatches(union))
        {
            w.Line("private int __matches; // how many alternatives the JSON that was read is valid against (oneOf wants one)");
        }

        w.Line();
        w.Line("private " + name + "()");
        w.Open();
        w.Close();
        w.Line();
        w.Line("/// <summary>The alternative held, as its C# value; null when the JSON that was read fits none (see <see cref=\"UnmatchedJson\"/>).</summary>");
        w.Line("public object? Value => __value;");
        w.Line();
        w.Line("/// <summary>The JSON that was read when it fits none of the alternatives, kept so that it is written back unchanged; otherwise null.</summary>");
        w.Line("public global::System.Text.Json.JsonElement? UnmatchedJson => __variant == 0 && __json.ValueKind != global::System.Text.Json.JsonValueKind.Undefined ? __json : null;");
    }

    private static void EmitAlternatives(SourceWriter w, UnionModel union, string name, string q)
    {
        var clrCounts = union.Variants.GroupBy(v => TypeSyntax.Of(v.Type, q)).ToDictionary(g => g.Key, g => g.Count());
        for (int i = 0; i < union.Variants.Count; i++)
        {
            VariantModel variant = union.Variants[i];
            string clr = TypeSyntax.Of(variant.Type, q);
            string index = Int(i + 1);
            string tags = variant.Tags.IsEmpty ? string.Empty : " Chosen when \"" + union.Discriminator + "\" is " + string.Join(" or ", variant.Tags.Select(t => "\"" + t + "\"")) + ".";
            w.Line();
            w.Summary("True when the value is the " + variant.Name + " alternative (" + variant.Origin + ")." + tags);
            w.Line("public bool Is" + variant.Name + " => __variant == " + index + ";");
            w.Line();
            w.Summary("The value as the " + variant.Name + " alternative; null when it holds another one.");
            w.Line("public " + clr + "? As" + variant.Name + " => __variant == " + index + " ? (" + clr + ")__value! : (" + clr + "?)null;");
            w.Line();
            w.Summary("Creates an instance that holds the " + variant.Name + " alternative.");
            string stored = variant.Type.IsValueType ? "value" : "value ?? throw new global::System.ArgumentNullException(nameof(value))";
            w.Line("public static " + name + " From" + variant.Name + "(" + clr + " value) => new " + name + " { __value = " + stored + ", __variant = " + index + " };");
            if (clrCounts[clr] == 1 && variant.Type.Kind is not (TypeRefKind.Array or TypeRefKind.Map or TypeRefKind.Any) && variant.Type.ModelName != name)
            {
                w.Line();
                w.Line("/// <summary>Creates an instance that holds the " + variant.Name + " alternative.</summary>");
                w.Line("public static implicit operator " + name + "(" + clr + " value) => From" + variant.Name + "(value);");
            }
        }
    }

    private static void EmitRead(SourceWriter w, UnionModel union, string name, string q)
    {
        w.Line();
        w.Line("/// <summary>Reads a value from JSON text. A value that fits no alternative, or breaks its rules, is reported by <see cref=\"Validate\"/>, not thrown.</summary>");
        w.Line("/// <exception cref=\"global::System.Text.Json.JsonException\">The text is not JSON.</exception>");
        w.Line("public static " + name + " FromJson(string json) => FromJson(global::System.Text.Encoding.UTF8.GetBytes(json));");
        w.Line();
        w.Line("/// <summary>Reads a value from UTF-8 JSON. A value that fits no alternative, or breaks its rules, is reported by <see cref=\"Validate\"/>, not thrown.</summary>");
        w.Line("/// <exception cref=\"global::System.Text.Json.JsonException\">The text is not JSON.</exception>");
        w.Open("public static " + name + " FromJson(global::System.ReadOnlySpan<byte> utf8Json)");
        w.Line("var reader = new " + TypeSyntax.Reader + "(utf8Json);");
        w.Line(TypeSyntax.Runtime + "OpenApiRuntime.ReadRootValue(ref reader, " + Literals.String(name) + ");");
        w.Line("var result = ReadJson(ref reader);");
        w.Line(TypeSyntax.Runtime + "OpenApiRuntime.ReadEnd(ref reader);");
        w.Line("return result;");
        w.Close();
        w.Line();
        w.Line("/// <summary>Writes the alternative held as JSON (or the JSON that was read, when it fit none).</summary>");
        w.Line("public string ToJson(bool indented = false) => " + TypeSyntax.Runtime + "OpenApiRuntime.ToJson(this, indented);");

        w.Line();
        w.Line("/// <summary>Reads the value the reader is on (any token) and leaves the reader on its last token.</summary>");
        w.Open("internal static " + name + " ReadJson(ref " + TypeSyntax.Reader + " reader)");
        w.Line("var start = reader; // a copy: each alternative is tried from here");
        w.Line(TypeSyntax.Runtime + "OpenApiRuntime.SkipValue(ref reader);");
        if (union.Discriminator is { } property)
        {
            w.Line("string? tag = " + TypeSyntax.Runtime + "OpenApiRuntime.ReadDiscriminator(start, " + Literals.String(property) + ");");
            w.Open("switch (tag)");
            for (int i = 0; i < union.Variants.Count; i++)
            {
                if (union.Variants[i].Tags.IsEmpty)
                {
                    continue;
                }

                foreach (string tag in union.Variants[i].Tags.Distinct())
                {
                    w.Line("case " + Literals.String(tag) + ":");
                }

                w.Indent();
                w.Line("return __Read" + Int(i + 1) + "(start);");
                w.Unindent();
            }

            w.Close();
            w.Line();
            string known = string.Join(", ", union.Variants.SelectMany(v => v.Tags).Distinct());
            w.Line("var unmatched = new " + name + " { __json = " + TypeSyntax.Runtime + "OpenApiRuntime.ReadElement(ref start) };");
            w.Open("if (tag is null)");
            w.Line("unmatched.AddReadError(\"\", " + Literals.String("must be an object with the discriminator property \"" + property + "\" (a string)") + ");");
            w.Close();
            w.Open("else");
            w.Line("unmatched.AddReadError(" + Literals.String("/" + EscapePointer(property)) + ", " + Literals.String("must be one of the discriminator values: " + known) + ");");
            w.Close();
            w.Line();
            w.Line("return unmatched;");
            w.Close();
        }
        else
        {
            w.Line(name + "? fallback = null;");
            if (CountsMatches(union))
            {
                w.Line(name + "? chosen = null;");
                w.Line("int matches = 0;");
            }

            for (int i = 0; i < union.Variants.Count; i++)
            {
                string candidate = "candidate" + Int(i + 1);
                w.Line("var " + candidate + " = __Read" + Int(i + 1) + "(start);");
                w.Open("if (" + candidate + ".__variant != 0)");
                w.Open("if (" + candidate + ".ValidateCore(null))");
                if (CountsMatches(union))
                {
                    w.Line("matches++;");
                    w.Line("chosen ??= " + candidate + ";");
                }
                else
                {
                    w.Line("return " + candidate + "; // anyOf: the first alternative the JSON is valid against");
                }

                w.Close();
                w.Line();
                w.Line("fallback ??= " + candidate + ";");
                w.Close();
                w.Line();
            }

            if (CountsMatches(union))
            {
                w.Open("if (chosen is not null)");
                w.Line("chosen.__matches = matches;");
                w.Line("return chosen;");
                w.Close();
                w.Line();
            }

            w.Open("if (fallback is not null)");
            w.Line("return fallback; // fits an alternative's JSON type but breaks its rules: Validate() names them");
            w.Close();
            w.Line();
            w.Line("var unmatched = new " + name + " { __json = " + TypeSyntax.Runtime + "OpenApiRuntime.ReadElement(ref start) };");
            w.Line("unmatched.AddReadError(\"\", " + Literals.String("must be " + string.Join(" or ", union.Variants.Select(v => Describe(v.Type)).Distinct())) + ");");
            w.Line("return unmatched;");
            w.Close();
        }

        for (int i = 0; i < union.Variants.Count; i++)
        {
            VariantModel variant = union.Variants[i];
            w.Line();
            w.Line("/// <summary>Reads the value as the " + variant.Name + " alternative; the result holds nothing when the JSON does not fit it.</summary>");
            w.Open("private static " + name + " __Read" + Int(i + 1) + "(" + TypeSyntax.Reader + " reader)");
            w.Line("var result = new " + name + "();");
            string index = Int(i + 1);
            if (variant.Type.Kind == TypeRefKind.Union)
            {
                // A nested union reads any JSON; it fits only when it holds one of its own alternatives.
                w.Line("var inner = " + q + variant.Type.ModelName + ".ReadJson(ref reader);");
                w.Open("if (inner.__variant != 0)");
                w.Line("result.__value = inner;");
                w.Line("result.__variant = " + index + ";");
                w.Close();
                w.Open("else");
                w.Line("result.AddReadError(\"\", " + Literals.String("must be " + Describe(variant.Type)) + ");");
                w.Close();
            }
            else
            {
                JsonEmitter.EmitRead(w, q, variant.Type, "\"\"", value => "result.__value = " + value + "; result.__variant = " + index + ";");
            }

            w.Line("return result;");
            w.Close();
        }
    }

    private static void EmitWrite(SourceWriter w, UnionModel union, string name, string q)
    {
        w.Line();
        w.Line("/// <summary>Writes the alternative held (or the JSON that was read, when it fit none).</summary>");
        w.Open("public void WriteJson(" + TypeSyntax.Writer + " writer)");
        w.Open("switch (__variant)");
        for (int i = 0; i < union.Variants.Count; i++)
        {
            VariantModel variant = union.Variants[i];
            w.Open("case " + Int(i + 1) + ":");
            JsonEmitter.EmitWriteValue(w, q, variant.Type, "((" + TypeSyntax.Of(variant.Type, q) + ")__value!)");
            w.Line("break;");
            w.Close();
        }

        w.Open("default:");
        w.Open("if (__json.ValueKind == global::System.Text.Json.JsonValueKind.Undefined)");
        w.Line("writer.WriteNullValue();");
        w.Close();
        w.Open("else");
        w.Line("__json.WriteTo(writer);");
        w.Close();
        w.Line();
        w.Line("break;");
        w.Close();
        w.Close();
        w.Close();

        w.Line();
        w.Line("/// <summary>Plugs the generated reader and writer into <c>JsonSerializer</c>.</summary>");
        w.Open("internal sealed class __JsonConverter : global::System.Text.Json.Serialization.JsonConverter<" + name + ">");
        w.Line("public override " + name + " Read(ref " + TypeSyntax.Reader + " reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options) => ReadJson(ref reader);");
        w.Line();
        w.Line("public override void Write(" + TypeSyntax.Writer + " writer, " + name + " value, global::System.Text.Json.JsonSerializerOptions options) => value.WriteJson(writer);");
        w.Close();
    }

    private static void EmitEquality(SourceWriter w, UnionModel union, string name, string q)
    {
        w.Line();
        w.Line("/// <summary>Equal when both hold the same alternative with equal values (or fit none with equal JSON).</summary>");
        w.Open("public bool Equals(" + name + "? other)");
        w.Open("if (other is null || other.__variant != __variant)");
        w.Line("return false;");
        w.Close();
        w.Line();
        w.Open("switch (__variant)");
        for (int i = 0; i < union.Variants.Count; i++)
        {
            VariantModel variant = union.Variants[i];
            string clr = TypeSyntax.Of(variant.Type, q);
            string left = "((" + clr + ")__value!)", right = "((" + clr + ")other.__value!)";
            w.Line("case " + Int(i + 1) + ":");
            w.Indent();
            w.Line("return " + ModelEmitter.ValueEquals(variant.Type, clr, left, right, q) + ";");
            w.Unindent();
        }

        w.Line("default:");
        w.Indent();
        w.Line("return __json.ValueKind == other.__json.ValueKind && (__json.ValueKind == global::System.Text.Json.JsonValueKind.Undefined || " + TypeSyntax.Runtime + "OpenApiRuntime.JsonEqual(__json, other.__json));");
        w.Unindent();
        w.Close();
        w.Close();
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line("public override bool Equals(object? obj) => obj is " + name + " other && Equals(other);");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line("public override int GetHashCode() => __variant;");
    }

    private static void EmitToString(SourceWriter w, UnionModel union, string name, string q)
    {
        w.Line();
        w.Line("/// <summary>The alternative held and its value (models print their own secrets as ***).</summary>");
        w.Open("public override string ToString()");
        w.Line("var text = new global::System.Text.StringBuilder(" + Literals.String(name + " {") + ");");
        w.Line("bool first = true;");
        w.Open("switch (__variant)");
        for (int i = 0; i < union.Variants.Count; i++)
        {
            w.Line("case " + Int(i + 1) + ":");
            w.Indent();
            w.Line(TypeSyntax.Runtime + "OpenApiRuntime.AppendMember(text, ref first, " + Literals.String(union.Variants[i].Name) + ", __value);");
            w.Line("break;");
            w.Unindent();
        }

        w.Line("default:");
        w.Indent();
        w.Line(TypeSyntax.Runtime + "OpenApiRuntime.AppendMember(text, ref first, \"UnmatchedJson\", UnmatchedJson);");
        w.Line("break;");
        w.Unindent();
        w.Close();
        w.Line("return text.Append(first ? \"}\" : \" }\").ToString();");
        w.Close();
    }

    private static string Describe(TypeRef type) => type.Kind switch
    {
        TypeRefKind.Model or TypeRefKind.Map => "an object",
        TypeRefKind.Array => "an array",
        TypeRefKind.Boolean => "a boolean",
        TypeRefKind.Int32 or TypeRefKind.Int64 => "an integer",
        TypeRefKind.Single or TypeRefKind.Double or TypeRefKind.Decimal => "a number",
        TypeRefKind.Union => "one of the alternatives of " + type.ModelName,
        TypeRefKind.Any => "any JSON value",
        _ => "a string",
    };

    private static string EscapePointer(string segment) => segment.Replace("~", "~0").Replace("/", "~1");

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
