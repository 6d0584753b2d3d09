using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OpenApiSdk.Generator.Model;
using OpenApiSdk.Generator.Validation;

namespace OpenApiSdk.Generator.Emitting;

/// <summary>
/// Emits one object schema: the class with its properties and DataAnnotations, and the members of
/// <c>IObjectMembers</c> that only the schema knows, one line per property each (JSON names, rules, reading,
/// writing, equality, hash, <c>ToString()</c>). Everything else is the runtime's <c>OpenApiObject&lt;T&gt;</c>.
/// The text is the type alone, not indented: the file adds the header, the aliases and one <c>namespace</c> block around
/// all its types (<see cref="Aliases.Header"/>), so a type's text is the same in whichever file it lands.
/// </summary>
internal static class ModelEmitter
{
    public static string Emit(SpecContext context, TypeModel type)
    {
        var w = new SourceWriter();
        w.Line();
        string q = "global::" + context.Namespace + ".";
        if (type.Kind == TypeModelKind.StringEnum)
        {
            EnumEmitter.Emit(w, type);
        }
        else if (type.Kind == TypeModelKind.Union)
        {
            UnionEmitter.Emit(w, type, q);
        }
        else
        {
            EmitClass(w, type, q);
        }

        return w.ToString();
    }

    /// <summary>The attribute every generated type carries.</summary>
    public const string GeneratedCode = "[__GeneratedCode(\"OpenApiSdk.Generator\", \"" + GeneratorInfo.Version + "\")]";

    private static void EmitClass(SourceWriter w, TypeModel type, string q)
    {
        string name = type.Name;
        w.Summary(type.Description ?? "The schema " + type.SchemaName + ".", "Generated from " + type.SchemaName + ".");
        w.Line(GeneratedCode);
        w.Line("[__JsonConverter(typeof(__Runtime.ModelJsonConverter<" + name + ">))" + (NeedsTypeLevelAttribute(type) ? ", __SchemaRules]" : "]"));
        if (type.Inheritance is null && type.Properties.IsEmpty && !type.ForbidsAdditionalProperties && type.Rules.IsEmpty && type.Choices.IsEmpty
            && type.MinProperties is null && type.MaxProperties is null && type.Unevaluated is null && type.NonObjectRules is null && type.UndeclaredRequired.IsEmpty)
        {
            // Nothing the schema states: every member read is kept in AdditionalProperties.
            w.Line("public sealed partial class " + name + " : __Sdk.OpenApiObject<" + name + "> { }");
            return;
        }

        InheritanceModel? inheritance = type.Inheritance;
        w.Open(ClassDeclaration(type));
        // The JSON names, the C# names (for ToString) and the secrets, which ToString masks.
        var secrets = Enumerable.Range(0, type.Properties.Count).Where(i => type.Properties[i].IsSecret).Select(Int).ToList();
        w.Line("private static readonly __Names __names = new(" + Strings(type.Properties.Select(p => p.JsonName)) + ", " + Strings(type.Properties.Select(p => p.Name))
            + (secrets.Count == 0 ? string.Empty : ", secrets: new[] { " + string.Join(", ", secrets) + " }") + ");");
        if (inheritance is not null)
        {
            InheritanceEmitter.EmitConstruction(w, type, inheritance);
        }

        EmitProperties(w, type, inheritance?.InheritedCount ?? 0);
        if (type.NonObjectRules is not null && inheritance is null or { BaseName: null })
        {
            w.Line();
            w.Summary(
                "The value when the JSON is not an object (JSON null included); null when it is an object. The schema gives no type, so any JSON value is valid where its rules for that type hold; its properties apply to objects only.",
                "Read and written back as it came; Validate() checks it against the schema's rules for its JSON type.");
            w.Line("public __JsonElement? NonObjectValue { get; set; }");
        }

        w.Line();
        w.Line("__Names __IMembers.Names => __names;");
        ValidationEmitter.Emit(w, type);
        JsonEmitter.Emit(w, type, q);
        EmitEquality(w, type);
        if (inheritance is { BaseName: null })
        {
            InheritanceEmitter.EmitSubtypes(w, type, inheritance, q);
        }

        w.Close();
    }

    /// <summary>
    /// <c>public sealed partial class Pet : OpenApiObject&lt;Pet&gt;, IObjectMembers</c>; in a hierarchy the base is not
    /// sealed and also tells the subtypes apart, and a subtype derives from its base and implements the members again.
    /// </summary>
    private static string ClassDeclaration(TypeModel type)
    {
        InheritanceModel? inheritance = type.Inheritance;
        string modifiers = inheritance is { HasSubtypes: true } ? "public partial class " : "public sealed partial class ";
        string nonObject = type.NonObjectRules is not null ? ", __INonObject" : string.Empty; // a subtype implements it again: its own rules
        return inheritance switch
        {
            null => modifiers + type.Name + " : __Sdk.OpenApiObject<" + type.Name + ">, __IMembers" + nonObject,
            { BaseName: null, DefaultTypeName: null } => modifiers + type.Name + " : __Sdk.OpenApiObject<" + type.Name + ">, __IMembers, __ISubtypes" + nonObject,
            { BaseName: null } => modifiers + type.Name + " : __Sdk.OpenApiObject<" + type.Name + ">, __IMembers, __ISubtypes, __IDefaultSubtype" + nonObject,
            _ => modifiers + type.Name + " : " + inheritance.BaseName + ", __IMembers" + nonObject,
        };
    }

    private static string Strings(IEnumerable<string> values)
    {
        List<string> literals = values.Select(Literals.String).ToList();
        return literals.Count == 0 ? "global::System.Array.Empty<string>()" : "new[] { " + string.Join(", ", literals) + " }";
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static bool NeedsTypeLevelAttribute(TypeModel type) =>
        type.Inheritance is not null || !type.Rules.IsEmpty || !type.UndeclaredRequired.IsEmpty || type.MinProperties is not null || type.MaxProperties is not null || type.Properties.Any(p => TypeSyntax.StorageOf(p) == Storage.RequiredValue);

    /// <param name="inherited">How many of the first properties the base class declares.</param>
    private static void EmitProperties(SourceWriter w, TypeModel type, int inherited)
    {
        foreach (PropertyModel property in type.Properties.Skip(inherited))
        {
            Storage storage = TypeSyntax.StorageOf(property);
            string clrType = TypeSyntax.Short(property.Type);
            string nullableType = TypeSyntax.Short(property.Type, true);
            w.Line();
            if (storage == Storage.Tracked)
            {
                w.Line("internal " + nullableType + " " + TypeSyntax.Field(property) + "; internal bool " + TypeSyntax.IsSetField(property) + ";");
            }
            else if (storage == Storage.RequiredValue)
            {
                w.Line("internal " + clrType + "? " + TypeSyntax.Field(property) + ";");
            }
            else if (HoldsContentText(property))
            {
                w.Line("internal __Runtime.ContentText " + TypeSyntax.Field(property) + ";");
            }

            EmitPropertyDoc(w, property);
            var attributes = new List<string> { "__JsonPropertyName(" + Literals.String(property.JsonName) + ")" };
            attributes.AddRange(AnnotationAttributes.For(property));
            w.Line("[" + string.Join(", ", attributes) + "]");
            string field = TypeSyntax.Field(property);
            w.Line(storage switch
            {
                _ when HoldsContentText(property) => "public " + (storage == Storage.RequiredReference ? clrType : nullableType) + " " + property.Name
                    + " { get => " + field + ".Text" + (storage == Storage.RequiredReference ? "!" : string.Empty) + "; set => " + field + ".Set(value); }",
                Storage.Tracked => "public " + nullableType + " " + property.Name + " { get => " + field + "; set { " + field + " = value; " + TypeSyntax.IsSetField(property) + " = true; } }",
                Storage.RequiredValue => "public " + clrType + " " + property.Name + " { get => " + field + ".GetValueOrDefault(); set => " + field + " = value; }",

                // Non-nullable because a valid instance always has it; only an invalid payload leaves it null, and Validate() says so.
                Storage.RequiredReference => "public " + clrType + " " + property.Name + " { get; set; } = null!;",
                _ => "public " + nullableType + " " + property.Name + " { get; set; }",
            });
            if (property.Content is { } content)
            {
                EmitContent(w, property, content);
            }
        }
    }

    /// <summary>
    /// The typed form of a string that holds JSON: read with the object (<c>JsonMember.JsonContent</c>) and kept with the text
    /// it was read from, so it is never stale: once the string property is set to another text, it is null.
    /// </summary>
    private static void EmitContent(SourceWriter w, PropertyModel property, ContentModel content)
    {
        string type = TypeSyntax.Short(content.Type, true);
        bool lazy = HoldsContentText(property);
        w.Line();
        w.Line("internal " + type + " " + ContentField(content) + "; internal " + (lazy ? "object?" : "string?") + " " + ContentTextField(content) + ";");
        w.Doc("The JSON that " + property.Name + " holds (" + content.MediaType + "), read as its contentSchema when this object is read; null when "
            + property.Name + " is absent, is not JSON of that schema (Validate() reports it at \"" + property.JsonName + "\"), or has been set to another text since.");
        string comparison = lazy
            ? ContentTextField(content) + " == " + TypeSyntax.Field(property) + ".Source"
            : "(object?)" + ContentTextField(content) + " == (object?)" + property.Name;
        w.Line("public " + type + " " + content.Name + " => " + comparison + " ? " + ContentField(content) + " : null;");
    }

    /// <summary>
    /// A string that holds JSON and is never JSON null is stored as the runtime's <c>ContentText</c>: an event's data is kept
    /// as its UTF-8 bytes and decoded on the first get (<c>JsonMember.Text</c>), and the typed form is tied to what it was
    /// read from. A nullable one (tracked: null is a value) keeps its string.
    /// </summary>
    internal static bool HoldsContentText(PropertyModel property) =>
        property.Content is not null && TypeSyntax.StorageOf(property) is Storage.RequiredReference or Storage.OptionalReference;

    internal static string ContentField(ContentModel content) => "__" + content.Name;

    internal static string ContentTextField(ContentModel content) => "__" + content.Name + "Text";

    private static void EmitPropertyDoc(SourceWriter w, PropertyModel property)
    {
        var notes = new List<string>();
        string rules = Catalogue.Describe(property.Constraints);
        notes.Add("JSON: \"" + property.JsonName + "\"" + (property.Required ? ", required" : ", optional") + (property.AllowsNull ? ", may be null" : string.Empty) + "."
            + (rules.Length > 0 ? " Rules: " + rules + "." : string.Empty));

        if (property.Format is { } format)
        {
            notes.Add("Format: " + format + (property.Constraints.Format is null ? " (not checked)." : "."));
        }

        if (property.Content is { } content)
        {
            notes.Add("Holds JSON (" + content.MediaType + "): read typed as " + content.Name + ".");
        }

        if (property.DefaultJson is not null)
        {
            notes.Add("Default: " + property.DefaultJson + ".");
        }

        if (property.IsSecret)
        {
            notes.Add("Secret: never printed by ToString().");
        }

        if (property.IsReadOnly)
        {
            notes.Add("Read-only: set by the server.");
        }

        if (property.Description is null)
        {
            // Without a description the notes are the summary.
            w.Doc(string.Join(" ", notes));
        }
        else
        {
            w.Summary(property.Description, notes.ToArray());
        }
    }

    /// <summary>
    /// The property's value as a nullable expression, null when absent: the field of a required value type
    /// (whose property reads 0 when absent), else the property. The runtime's checks and writers skip null.
    /// </summary>
    internal static string Stored(PropertyModel property) =>
        TypeSyntax.StorageOf(property) == Storage.RequiredValue ? TypeSyntax.Field(property) : property.Name;

    private static void EmitEquality(SourceWriter w, TypeModel type)
    {
        w.Line();
        if (type.Properties.IsEmpty)
        {
            w.Line("bool __IMembers.Equal(object o) => true;");
            return;
        }

        w.Line("bool __IMembers.Equal(object o) => o is " + type.Name + " other &&");
        w.Indent();
        for (int i = 0; i < type.Properties.Count; i++)
        {
            PropertyModel property = type.Properties[i];
            string value = Stored(property);
            string comparison = "__Values.Equal(" + value + ", other." + value + ")";
            if (TypeSyntax.StorageOf(property) == Storage.Tracked)
            {
                comparison = TypeSyntax.IsSetField(property) + " == other." + TypeSyntax.IsSetField(property) + " && " + comparison;
            }

            w.Line(comparison + (i == type.Properties.Count - 1 ? ";" : " &&"));
        }

        w.Unindent();
    }
}
