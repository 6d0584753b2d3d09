using System.Globalization;
using System.Linq;
using OpenApiSdk.Generator.Model;

namespace OpenApiSdk.Generator.Emitting;

/// <summary>
/// Emits a <c>oneOf</c>/<c>anyOf</c> schema as a class that holds one alternative: <c>Is{Name}</c>,
/// <c>As{Name}</c> and <c>From{Name}</c> per alternative (plus an implicit conversion where its C# type is
/// unambiguous), and a <c>UnionShape</c> naming each alternative's reader, with the discriminator and its values.
/// The runtime's <c>OpenApiUnion&lt;T&gt;</c> and <c>UnionShape&lt;T&gt;</c> do the rest: reading picks the alternative by
/// the discriminator when there is one, else the first one the JSON is valid against (counting matches, so
/// <c>oneOf</c> can reject a value that fits several); JSON that fits none is kept, written back unchanged and
/// reported by <c>Validate()</c>.
/// </summary>
internal static class UnionEmitter
{
    public static void Emit(SourceWriter w, TypeModel type, string q)
    {
        UnionModel union = type.Union!;
        string name = type.Name;
        w.Summary(type.Description ?? "The schema " + type.SchemaName + ".", Explain(union), "Generated from " + type.SchemaName + ".");
        w.Line(ModelEmitter.GeneratedCode);
        w.Line("[__JsonConverter(typeof(" + name + ".__Converter)), __SchemaRules]");
        string rules = (ValidationEmitter.HasUnionRules(union) ? ", __IUnionRules" : string.Empty) + (type.JsonFallback is not null ? ", __IUnionJson" : string.Empty);
        w.Open("public sealed partial class " + name + " : __Sdk.OpenApiUnion<" + name + ">" + rules);
        EmitShape(w, union, name, q);
        w.Line();
        w.Line("private " + name + "() : base(__Shape) { }");
        EmitAlternatives(w, union, name);
        EmitEntryPoints(w, name);
        ValidationEmitter.EmitUnion(w, type);
        w.Close();
    }

    private static string Explain(UnionModel union)
    {
        string names = string.Join(", ", union.Variants.Select(v => v.Name));
        return union.Discriminator is { } property
            ? "One of: " + names + "; the JSON property \"" + property + "\" names which"
                + (union.DefaultVariant is { } index ? ", and " + union.Variants[index].Name + " is read when it is absent or names none." : ".")
            : (union.ExactlyOne ? "Exactly one of: " : "At least one of: ") + names + "; reading picks the first the JSON is valid against.";
    }

    /// <summary>The alternatives in order: each one's name, reader (a shared <c>JsonItem</c>) and discriminator values.</summary>
    private static void EmitShape(SourceWriter w, UnionModel union, string name, string q)
    {
        string discriminator = union.Discriminator is { } property ? Literals.String(property) : "null";
        string defaultVariant = union.DefaultVariant is { } index ? "defaultAlternative: " + Int(index) + ", " : string.Empty;
        w.Line("internal static readonly __Runtime.UnionShape<" + name + "> __Shape = new(() => new " + name + "(), " + discriminator + ", " + defaultVariant + "exactlyOne: " + (union.ExactlyOne ? "true" : "false") + ",");
        w.Indent();
        for (int i = 0; i < union.Variants.Count; i++)
        {
            VariantModel variant = union.Variants[i];
            string tags = string.Concat(variant.Tags.Distinct().Select(t => ", " + Literals.String(t)));
            // Another union's reader is asked for on first use: two unions that hold each other would need each other's while being created.
            string item = HoldsUnion(variant.Type) ? "() => " + JsonEmitter.Item(variant.Type, q) : JsonEmitter.Item(variant.Type, q);
            w.Line("__Alternative.Of(" + Literals.String(variant.Name) + ", " + item + tags + ")" + (i == union.Variants.Count - 1 ? ");" : ","));
        }

        w.Unindent();
    }

    private static bool HoldsUnion(TypeRef type) => type.Kind == TypeRefKind.Union || type.Element is { } element && HoldsUnion(element);

    private static void EmitAlternatives(SourceWriter w, UnionModel union, string name)
    {
        var clrCounts = union.Variants.GroupBy(v => TypeSyntax.Short(v.Type)).ToDictionary(g => g.Key, g => g.Count());
        for (int i = 0; i < union.Variants.Count; i++)
        {
            VariantModel variant = union.Variants[i];
            string clr = TypeSyntax.Short(variant.Type);
            string index = Int(i + 1);
            string tags = variant.Tags.IsEmpty ? string.Empty : " Chosen when \"" + union.Discriminator + "\" is " + string.Join(" or ", variant.Tags.Select(t => "\"" + t + "\"")) + ".";
            w.Line();
            w.Doc("True when the value is the " + variant.Name + " alternative (" + variant.Origin + ")." + tags);
            w.Line("public bool Is" + variant.Name + " => __Holds(" + index + ");");
            w.Line();
            w.Doc("The value as the " + variant.Name + " alternative; null when it holds another one.");
            // (T?)null: an enum's implicit conversion from string would otherwise take the null.
            w.Line("public " + clr + "? As" + variant.Name + " => __Holds(" + index + ") ? (" + clr + ")Value! : " + (variant.Type.IsValueType ? "(" + clr + "?)null;" : "null;"));
            w.Line();
            w.Doc("Creates an instance that holds the " + variant.Name + " alternative.");
            w.Line("public static " + name + " From" + variant.Name + "(" + clr + " value) => __Hold(new " + name + "(), " + index + ", value);");
            if (clrCounts[clr] == 1 && variant.Type.Kind is not (TypeRefKind.Array or TypeRefKind.Map or TypeRefKind.Any) && variant.Type.ModelName != name)
            {
                w.Line();
                w.Line("/// <summary>Creates an instance that holds the " + variant.Name + " alternative.</summary>");
                w.Line("public static implicit operator " + name + "(" + clr + " value) => From" + variant.Name + "(value);");
            }
        }
    }

    private static void EmitEntryPoints(SourceWriter w, string name)
    {
        w.Line();
        w.Line("/// <summary>Reads a value from JSON text. A value that fits no alternative, or breaks its rules, is reported by <see cref=\"__Sdk.OpenApiModel.Validate\"/>, not thrown.</summary>");
        w.Line("/// <exception cref=\"global::System.Text.Json.JsonException\">The text is not JSON.</exception>");
        w.Line("public static " + name + " FromJson(string json) => __Shape.FromJson(json);");
        w.Line();
        w.Line("/// <summary>Reads a value from UTF-8 JSON. A value that fits no alternative, or breaks its rules, is reported by <see cref=\"__Sdk.OpenApiModel.Validate\"/>, not thrown.</summary>");
        w.Line("/// <exception cref=\"global::System.Text.Json.JsonException\">The text is not JSON.</exception>");
        w.Line("public static " + name + " FromJson(global::System.ReadOnlySpan<byte> utf8Json) => __Shape.FromJson(utf8Json);");
        w.Line();
        w.Line("/// <summary>Reads the value the reader is on (any token) and leaves the reader on its last token.</summary>");
        w.Line("internal static " + name + " ReadJson(ref __Reader reader) => __Shape.Read(ref reader);");
        w.Line();
        w.Line("internal sealed class __Converter : __Runtime.UnionJsonConverter<" + name + "> { public __Converter() : base(__Shape) { } }");
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
