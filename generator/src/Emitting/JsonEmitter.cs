using System.Globalization;
using OpenApiSdk.Generator.Model;

namespace OpenApiSdk.Generator.Emitting;

/// <summary>
/// Emits a model's JSON members: one <c>case</c> per property that reads it through the runtime's <c>JsonMember</c>,
/// and one line per property that writes it through <c>JsonMemberWriter</c>. The runtime's <c>OpenApiObject&lt;T&gt;</c>
/// finds the property by name, keeps unknown ones, and plugs the model into <c>JsonSerializer</c>; no reflection, so
/// trimmed and Native AOT apps work. Reading never fails on a wrong-typed value: the runtime records a read error
/// that <c>Validate()</c> reports with its pointer, so one pass names every problem in a payload.
/// </summary>
internal static class JsonEmitter
{
    /// <param name="q"><c>global::Namespace.</c>: a union's reader is named in an expression, where a property could hide its type.</param>
    public static void Emit(SourceWriter w, TypeModel type, string q)
    {
        w.Line();
        if (type.Properties.IsEmpty)
        {
            w.Line("void __IMembers.Read(ref __Reader r, __Member m) { }");
        }
        else
        {
            w.Open("void __IMembers.Read(ref __Reader r, __Member m)");
            w.Open("switch (m.Index)");
            for (int i = 0; i < type.Properties.Count; i++)
            {
                w.Line("case " + Int(i) + ": " + ReadProperty(type.Properties[i], "v" + Int(i), q) + " break;");
            }

            w.Close();
            w.Close();
        }

        w.Line();
        if (type.Properties.IsEmpty)
        {
            w.Line("void __IMembers.Write(__Writer w) { }");
            return;
        }

        w.Open("void __IMembers.Write(__Writer w)");
        for (int i = 0; i < type.Properties.Count; i++)
        {
            PropertyModel property = type.Properties[i];
            string write = WriteMember(property.Type, Int(i), ModelEmitter.Stored(property), q);
            w.Line(TypeSyntax.StorageOf(property) == Storage.Tracked
                ? "if (" + TypeSyntax.IsSetField(property) + ") { if (" + property.Name + " is null) w.Null(" + Int(i) + "); else " + write + " }"
                : write);
        }

        w.Close();
    }

    /// <summary>The statement that reads one property's value and stores it when it fits.</summary>
    private static string ReadProperty(PropertyModel property, string v, string q)
    {
        string name = property.Name;
        if (property.Type.Kind == TypeRefKind.Any)
        {
            return name + " = m.Any(ref r);";
        }

        if (ModelEmitter.HoldsContentText(property))
        {
            return "if (m.Text(ref r, out __Runtime.ContentText " + v + ")) { " + TypeSyntax.Field(property) + " = " + v + "; " + ReadContent(property.Content!, v, v + ".Source", q) + " }";
        }

        string read = "if (" + ReadCall(property.Type, v, q) + ") " + (property.Content is { } content ? "{ " + name + " = " + v + "; " + ReadContent(content, v, v, q) + " }" : name + " = " + v + ";");
        return TypeSyntax.StorageOf(property) == Storage.Tracked ? "if (m.IsNull(ref r)) " + name + " = null; else " + read : read;
    }

    /// <summary>A string that holds JSON: its typed form, read from the string the reader is still on, with the text it came from.</summary>
    /// <param name="source">What the typed form is tied to: the string read, or the <c>ContentText</c>'s source.</param>
    private static string ReadContent(ContentModel content, string v, string source, string q)
    {
        string typed = "c" + v.Substring(1);
        return "if (m.JsonContent(ref r, " + Item(content.Type, q) + ", out " + TypeSyntax.Short(content.Type) + " " + typed + ")) { "
            + ModelEmitter.ContentField(content) + " = " + typed + "; " + ModelEmitter.ContentTextField(content) + " = " + source + "; }";
    }

    private static string ReadCall(TypeRef type, string v, string q) => type.Kind switch
    {
        TypeRefKind.Model => "m.Model<" + type.ModelName + ">(ref r, out var " + v + ")",
        TypeRefKind.Enum => "m.Enum<" + type.ModelName + ">(ref r, out var " + v + ")",
        TypeRefKind.Union or TypeRefKind.Array or TypeRefKind.Map => "m.Value(ref r, " + Item(type, q) + ", out var " + v + ")",
        _ => "m." + Scalar(type.Kind) + "(ref r, out " + TypeSyntax.Short(type) + " " + v + ")",
    };

    private static string WriteMember(TypeRef type, string index, string value, string q) => type.Kind switch
    {
        TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Single or TypeRefKind.Double or TypeRefKind.Decimal => "w.Number(" + index + ", " + value + ");",
        TypeRefKind.Model or TypeRefKind.Union => "w.Model(" + index + ", " + value + ");",
        TypeRefKind.Array or TypeRefKind.Map => "w.Value(" + index + ", " + value + ", " + Item(type, q) + ");",
        _ => "w." + Scalar(type.Kind) + "(" + index + ", " + value + ");",
    };

    /// <summary>The name of the runtime's method for a scalar kind (<c>JsonMember.Int32</c>, <c>JsonMemberWriter.String</c>, <c>Json.Guid</c>).</summary>
    private static string Scalar(TypeRefKind kind) => kind switch
    {
        TypeRefKind.Int32 => "Int32",
        TypeRefKind.Int64 => "Int64",
        TypeRefKind.Single => "Single",
        TypeRefKind.Double => "Double",
        TypeRefKind.Decimal => "Decimal",
        TypeRefKind.Boolean => "Boolean",
        TypeRefKind.DateTimeOffset => "DateTime",
        TypeRefKind.Guid => "Guid",
        TypeRefKind.Bytes => "Bytes",
        TypeRefKind.Enum => "Enum",
        TypeRefKind.Any => "Any",
        _ => "String",
    };

    /// <summary>
    /// The runtime's shared reader and writer (a <c>JsonItem</c>) of a value of <paramref name="type"/>: <c>__Json.String</c>,
    /// <c>__Json.Model&lt;Cat&gt;().List</c>, a union's <c>__Shape.Item</c>. Naming one allocates nothing.
    /// </summary>
    public static string Item(TypeRef type, string q) => type.Kind switch
    {
        TypeRefKind.Model => "__Json.Model<" + type.ModelName + ">()",
        TypeRefKind.Enum => "__Json.Enum<" + type.ModelName + ">()",
        TypeRefKind.Union => q + type.ModelName + ".__Shape.Item",
        TypeRefKind.Array => ElementItem(type, q) + ".List",
        TypeRefKind.Map => ElementItem(type, q) + ".Map",
        _ => "__Json." + Scalar(type.Kind),
    };

    private static string ElementItem(TypeRef collection, string q)
    {
        TypeRef element = collection.Element!;
        string item = Item(element, q);
        if (!collection.ElementAllowsNull || element.Kind == TypeRefKind.Any)
        {
            return item; // a JsonElement holds JSON null itself
        }

        return element.IsValueType ? "__Json.Nullable(" + item + ")" : "__Json.OrNull(" + item + ")";
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
