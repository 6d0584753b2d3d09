using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OpenApiSdk.Generator.Model;

namespace OpenApiSdk.Generator.Emitting;

/// <summary>
/// Emits one object schema: the class with its properties and DataAnnotations, the reflection-free
/// JSON converter, the generated validator, value equality and a redacting <c>ToString()</c>.
/// </summary>
internal static class ModelEmitter
{
    public static string Emit(SpecContext context, TypeModel type)
    {
        var w = SourceWriter.WithHeader();
        w.Open("namespace " + context.Namespace);
        if (type.Kind == TypeModelKind.StringEnum)
        {
            EnumEmitter.Emit(w, type);
        }
        else if (type.Kind == TypeModelKind.Union)
        {
            UnionEmitter.Emit(w, type, "global::" + context.Namespace + ".");
        }
        else
        {
            EmitClass(w, type, "global::" + context.Namespace + ".");
        }

        w.Close();
        return w.ToString();
    }

    private static void EmitClass(SourceWriter w, TypeModel type, string q)
    {
        w.Summary(type.Description ?? "The schema " + type.SchemaName + ".", "Generated from " + type.SchemaName + ".");
        w.Line(TypeSyntax.GeneratedCode);
        w.Line("[global::System.Text.Json.Serialization.JsonConverter(typeof(" + type.Name + ".__JsonConverter))]");
        if (NeedsTypeLevelAttribute(type))
        {
            w.Line("[" + TypeSyntax.Sdk + "SchemaRules]");
        }

        w.Open("public sealed partial class " + type.Name + " : global::System.IEquatable<" + type.Name + ">, " + TypeSyntax.Runtime + "IOpenApiModel");
        EmitProperties(w, type, q);
        EmitAdditionalProperties(w, type);
        ValidationEmitter.Emit(w, type, q);
        JsonEmitter.Emit(w, type, q);
        EmitEquality(w, type, q);
        EmitToString(w, type, q);
        w.Close();
    }

    private static bool NeedsTypeLevelAttribute(TypeModel type) =>
        !type.Rules.IsEmpty || !type.UndeclaredRequired.IsEmpty || type.MinProperties is not null || type.MaxProperties is not null || type.Properties.Any(p => TypeSyntax.StorageOf(p) == Storage.RequiredValue);

    private static void EmitProperties(SourceWriter w, TypeModel type, string q)
    {
        w.Line("private global::System.Collections.Generic.List<" + TypeSyntax.Sdk + "ValidationError>? __readErrors;");
        foreach (PropertyModel property in type.Properties)
        {
            Storage storage = TypeSyntax.StorageOf(property);
            string clrType = TypeSyntax.Of(property.Type, q);
            if (storage == Storage.Tracked)
            {
                w.Line();
                w.Line("internal " + TypeSyntax.Nullable(property.Type, true, q) + " " + TypeSyntax.Field(property) + ";");
                w.Line("internal bool " + TypeSyntax.IsSetField(property) + ";");
            }
            else if (storage == Storage.RequiredValue)
            {
                w.Line();
                w.Line("internal " + clrType + "? " + TypeSyntax.Field(property) + ";");
            }

            w.Line();
            EmitPropertyDoc(w, property);
            w.Line("[global::System.Text.Json.Serialization.JsonPropertyName(" + Literals.String(property.JsonName) + ")]");
            foreach (string attribute in AnnotationAttributes.For(property, q))
            {
                w.Line(attribute);
            }

            switch (storage)
            {
                case Storage.Tracked:
                    w.Open("public " + TypeSyntax.Nullable(property.Type, true, q) + " " + property.Name);
                    w.Line("get => " + TypeSyntax.Field(property) + ";");
                    w.Line("set { " + TypeSyntax.Field(property) + " = value; " + TypeSyntax.IsSetField(property) + " = true; }");
                    w.Close();
                    break;
                case Storage.RequiredValue:
                    w.Open("public " + clrType + " " + property.Name);
                    w.Line("get => " + TypeSyntax.Field(property) + ".GetValueOrDefault();");
                    w.Line("set => " + TypeSyntax.Field(property) + " = value;");
                    w.Close();
                    break;
                case Storage.OptionalValue:
                case Storage.OptionalReference:
                    w.Line("public " + TypeSyntax.Nullable(property.Type, true, q) + " " + property.Name + " { get; set; }");
                    break;
                case Storage.RequiredReference:
                    // Non-nullable because a valid instance always has it; only an invalid payload leaves it null, and Validate() says so.
                    w.Line("public " + clrType + " " + property.Name + " { get; set; } = null!;");
                    break;
            }
        }
    }

    private static void EmitAdditionalProperties(SourceWriter w, TypeModel type)
    {
        w.Line();
        w.Line(type.ForbidsAdditionalProperties
            ? "/// <summary>Properties the schema does not declare; it forbids them (additionalProperties: false), so Validate() reports each one.</summary>"
            : "/// <summary>Properties the schema does not declare, kept as they arrived so that nothing is lost on a round trip.</summary>");
        w.Line("[global::System.Text.Json.Serialization.JsonExtensionData]");
        w.Line("public global::System.Collections.Generic.Dictionary<string, global::System.Text.Json.JsonElement>? AdditionalProperties { get; set; }");
    }

    private static void EmitPropertyDoc(SourceWriter w, PropertyModel property)
    {
        var notes = new List<string>();
        notes.Add("JSON: \"" + property.JsonName + "\"" + (property.Required ? ", required" : ", optional") + (property.AllowsNull ? ", may be null" : string.Empty) + ".");
        string rules = ConstraintText.Describe(property.Type, property.Constraints);
        if (rules.Length > 0)
        {
            notes.Add("Rules: " + rules + ".");
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

        w.Summary(property.Description ?? property.JsonName, notes.ToArray());
    }

    private static void EmitEquality(SourceWriter w, TypeModel type, string q)
    {
        string name = type.Name;
        w.Line();
        w.Line("/// <summary>Compares every property by value, nested objects and lists included.</summary>");
        w.Open("public bool Equals(" + name + "? other)");
        w.Open("if (other is null)");
        w.Line("return false;");
        w.Close();
        w.Line();
        w.Open("if (ReferenceEquals(this, other))");
        w.Line("return true;");
        w.Close();
        w.Line();
        w.Line("return");
        w.Indent();
        w.Line(TypeSyntax.Runtime + "OpenApiRuntime.DictionaryEqual(AdditionalProperties, other.AdditionalProperties)" + (type.Properties.IsEmpty ? ";" : " &&"));
        {
            for (int i = 0; i < type.Properties.Count; i++)
            {
                PropertyModel property = type.Properties[i];
                string comparison = ValueEquals(property, property.Name, "other." + property.Name, q);
                if (TypeSyntax.StorageOf(property) == Storage.Tracked)
                {
                    comparison = TypeSyntax.IsSetField(property) + " == other." + TypeSyntax.IsSetField(property) + " && " + comparison;
                }
                else if (TypeSyntax.StorageOf(property) == Storage.RequiredValue)
                {
                    comparison = TypeSyntax.Field(property) + ".HasValue == other." + TypeSyntax.Field(property) + ".HasValue && " + comparison;
                }

                w.Line(comparison + (i == type.Properties.Count - 1 ? ";" : " &&"));
            }
        }

        w.Unindent();

        w.Close();
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line("public override bool Equals(object? obj) => obj is " + name + " other && Equals(other);");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Open("public override int GetHashCode()");
        w.Line("int hash = 17;");
        foreach (PropertyModel property in type.Properties)
        {
            w.Line("hash = unchecked((hash * 31) + " + ValueHash(property, property.Name) + ");");
        }

        w.Line("return hash;");
        w.Close();
    }

    private static string ValueEquals(PropertyModel property, string left, string right, string q) =>
        ValueEquals(property.Type, DeclaredType(property, q), left, right, q);

    /// <summary>A C# expression comparing two values of <paramref name="type"/> (declared as <paramref name="clrType"/>) by value.</summary>
    internal static string ValueEquals(TypeRef type, string clrType, string left, string right, string q) => type.Kind switch
    {
        TypeRefKind.Array or TypeRefKind.Bytes => TypeSyntax.Runtime + "OpenApiRuntime.SequenceEqual(" + left + ", " + right + ")",
        TypeRefKind.Map => TypeSyntax.Runtime + "OpenApiRuntime.DictionaryEqual(" + left + ", " + right + ")",
        TypeRefKind.Any => TypeSyntax.Runtime + "OpenApiRuntime.JsonEqual(" + left + ", " + right + ")",
        TypeRefKind.String => "string.Equals(" + left + ", " + right + ", global::System.StringComparison.Ordinal)",
        _ => "global::System.Collections.Generic.EqualityComparer<" + clrType + ">.Default.Equals(" + left + ", " + right + ")",
    };

    private static string ValueHash(PropertyModel property, string value) => property.Type.Kind switch
    {
        TypeRefKind.Array or TypeRefKind.Map => "(" + value + " is null ? 0 : " + value + ".Count)",
        TypeRefKind.Bytes => "(" + value + " is null ? 0 : " + value + ".Length)",
        TypeRefKind.Any => "0",
        TypeRefKind.String => "(" + value + " is null ? 0 : global::System.StringComparer.Ordinal.GetHashCode(" + value + "))",
        _ when property.Type.IsValueType => value + ".GetHashCode()",
        _ => "(" + value + " is null ? 0 : " + value + ".GetHashCode())",
    };

    /// <summary>The type of the public property.</summary>
    internal static string DeclaredType(PropertyModel property, string q) => TypeSyntax.StorageOf(property) switch
    {
        Storage.RequiredValue or Storage.RequiredReference => TypeSyntax.Of(property.Type, q),
        _ => TypeSyntax.Nullable(property.Type, true, q),
    };

    private static void EmitToString(SourceWriter w, TypeModel type, string q)
    {
        w.Line();
        w.Line("/// <summary>The properties that are set, with secrets (passwords, write-only values) shown as ***.</summary>");
        w.Open("public override string ToString()");
        w.Line("var text = new global::System.Text.StringBuilder(" + Literals.String(type.Name + " {") + ");");
        w.Line("bool first = true;");
        foreach (PropertyModel property in type.Properties)
        {
            string present = TypeSyntax.Present(string.Empty, property);
            string value = property.IsSecret ? "\"***\"" : (TypeSyntax.StorageOf(property) == Storage.Tracked ? property.Name : TypeSyntax.Value(string.Empty, property));
            w.Open("if (" + present + ")");
            w.Line(TypeSyntax.Runtime + "OpenApiRuntime.AppendMember(text, ref first, " + Literals.String(property.Name) + ", " + value + ");");
            w.Close();
        }

        w.Line("return text.Append(first ? \"}\" : \" }\").ToString();");
        w.Close();
    }

    /// <summary>Human-readable constraint lists for doc comments.</summary>
    internal static class ConstraintText
    {
        public static string Describe(TypeRef type, Constraints constraints)
        {
            var parts = new List<string>();
            if (constraints.MinLength is { } minLength)
            {
                parts.Add("at least " + minLength.ToString(CultureInfo.InvariantCulture) + " characters");
            }

            if (constraints.MaxLength is { } maxLength)
            {
                parts.Add("at most " + maxLength.ToString(CultureInfo.InvariantCulture) + " characters");
            }

            if (constraints.Pattern is { } pattern)
            {
                parts.Add("matches " + pattern);
            }

            if (constraints.Minimum is { } minimum)
            {
                parts.Add((constraints.ExclusiveMinimum ? "greater than " : "at least ") + minimum);
            }

            if (constraints.Maximum is { } maximum)
            {
                parts.Add((constraints.ExclusiveMaximum ? "less than " : "at most ") + maximum);
            }

            if (constraints.MultipleOf is { } multipleOf)
            {
                parts.Add("a multiple of " + multipleOf);
            }

            if (constraints.MinItems is { } minItems)
            {
                parts.Add("at least " + minItems.ToString(CultureInfo.InvariantCulture) + " items");
            }

            if (constraints.MaxItems is { } maxItems)
            {
                parts.Add("at most " + maxItems.ToString(CultureInfo.InvariantCulture) + " items");
            }

            if (constraints.UniqueItems)
            {
                parts.Add("unique items");
            }

            if (!constraints.Enum.IsEmpty)
            {
                parts.Add("one of " + string.Join(", ", constraints.Enum.Select(v => v.Text)));
            }

            if (constraints.Const is { } constant)
            {
                parts.Add("exactly " + constant.Text);
            }

            _ = type;
            return string.Join("; ", parts);
        }
    }
}
