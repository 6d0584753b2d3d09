using System.Linq;
using OpenApiSdk.Generator.Model;

namespace OpenApiSdk.Generator.Emitting;

/// <summary>
/// Emits what a class of an inheritance hierarchy adds to a model (see <see cref="InheritanceModel"/>): the
/// discriminator values that name it and a constructor that writes the first, on a subtype the <c>FromJson</c> and
/// <c>ReadJson</c> that return it, and on the base the table (<c>IObjectSubtypes</c>) by which the runtime's reader
/// picks the subtype. The runtime's <c>ObjectJson</c> does the reading.
/// </summary>
internal static class InheritanceEmitter
{
    public static void EmitConstruction(SourceWriter w, TypeModel type, InheritanceModel inheritance)
    {
        PropertyModel discriminator = Discriminator(type, inheritance);
        string tags = string.Join(", ", inheritance.Tags.Select(Literals.String));
        w.Line("private static readonly string[] __tags = { " + tags + " };");
        if (inheritance.DefaultOtherTags is { } others)
        {
            w.Line("private static readonly string[] __otherTags = { " + string.Join(", ", others.Select(Literals.String)) + " };");
        }

        w.Line();
        w.Doc("Creates an instance whose \"" + inheritance.Discriminator + "\" is \"" + inheritance.Tags[0] + "\", the discriminator value that names this schema.");
        w.Line("public " + type.Name + "() => " + discriminator.Name + " = " + Literals.String(inheritance.Tags[0]) + ";");
        if (inheritance.BaseName is null)
        {
            return;
        }

        // The base's static readers return the base type; a subtype's return the subtype (or one of its own subtypes).
        w.Line();
        w.Doc("Reads an instance from JSON text (a subtype when the discriminator names one). Values of the wrong type are reported by Validate(), not thrown.");
        w.Line("public static new " + type.Name + " FromJson(string json) => __Runtime.ObjectJson.FromJson<" + type.Name + ">(json);");
        w.Line();
        w.Doc("Reads an instance from UTF-8 JSON (a subtype when the discriminator names one). Values of the wrong type are reported by Validate(), not thrown.");
        w.Line("public static new " + type.Name + " FromJson(global::System.ReadOnlySpan<byte> utf8Json) => __Runtime.ObjectJson.FromJson<" + type.Name + ">(utf8Json);");
        w.Line();
        w.Doc("Reads the object the reader is on (its StartObject token) and leaves the reader on its EndObject.");
        w.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        w.Line("public static new " + type.Name + " ReadJson(ref __Reader reader) => __Runtime.ObjectJson.Read<" + type.Name + ">(ref reader);");
    }

    /// <summary>The base's table: the discriminator's name, the type each value names, and how to unset the value before reading.</summary>
    /// <param name="q"><c>global::Namespace.</c>: a property of the base could hide a subtype's name.</param>
    public static void EmitSubtypes(SourceWriter w, TypeModel type, InheritanceModel inheritance, string q)
    {
        w.Line();
        w.Line("string __ISubtypes.Discriminator => " + Literals.String(inheritance.Discriminator) + ";");
        w.Line();
        w.Line("__Sdk.OpenApiObject? __ISubtypes.Create(string value) => value switch");
        w.Open();
        foreach (SubtypeModel subtype in inheritance.Subtypes)
        {
            w.Line(Literals.String(subtype.Tag) + " => new " + q + subtype.TypeName + "(),");
        }

        w.Line("_ => null,");
        w.Close(";");
        if (inheritance.DefaultTypeName is { } defaultType)
        {
            w.Line();
            w.Line("__Sdk.OpenApiObject __IDefaultSubtype.CreateDefault() => new " + q + defaultType + "();");
        }

        w.Line();
        PropertyModel discriminator = Discriminator(type, inheritance);
        string field = TypeSyntax.Field(discriminator);
        w.Line("void __ISubtypes.ClearDiscriminator() " + TypeSyntax.StorageOf(discriminator) switch
        {
            Storage.Tracked => "{ " + field + " = null; " + TypeSyntax.IsSetField(discriminator) + " = false; }",
            Storage.RequiredValue => "=> " + field + " = null;",
            Storage.RequiredReference => "=> " + discriminator.Name + " = null!;",
            _ => "=> " + discriminator.Name + " = null;",
        });
    }

    /// <summary>The discriminator's value as a nullable string expression, for <c>Validation.Discriminator</c>.</summary>
    public static string Value(TypeModel type, InheritanceModel inheritance)
    {
        PropertyModel discriminator = Discriminator(type, inheritance);
        string stored = ModelEmitter.Stored(discriminator);
        return discriminator.Type.Kind == TypeRefKind.Enum ? stored + "?.Value" : stored;
    }

    public static PropertyModel Discriminator(TypeModel type, InheritanceModel inheritance) =>
        type.Properties.First(p => p.JsonName == inheritance.Discriminator);
}
