using System.Collections.Generic;
using OpenApiSdk.Generator.Model;
using OpenApiSdk.Generator.Validation;

namespace OpenApiSdk.Generator.Emitting;

/// <summary>
/// DataAnnotations attributes for a property, so <c>Validator.TryValidateObject</c> and ASP.NET Core
/// enforce the same rules as <c>Validate()</c>. Each keyword's attribute (its twin) is defined in the
/// <see cref="Catalogue"/>: BCL attributes where their meaning matches JSON Schema exactly, the runtime's elsewhere.
/// </summary>
internal static class AnnotationAttributes
{
    /// <summary>The attributes (without brackets, through the file's aliases) for one property.</summary>
    public static IEnumerable<string> For(PropertyModel property)
    {
        TypeRef type = property.Type;
        if (property.Required && !property.IsReadOnly && !property.AllowsNull && !type.IsValueType)
        {
            yield return "__Required" + (type.Kind == TypeRefKind.String ? "(AllowEmptyStrings = true)" : string.Empty);
        }

        foreach (string attribute in Catalogue.Attributes(type, property.Constraints))
        {
            yield return attribute;
        }

        if (type.Kind == TypeRefKind.Enum)
        {
            yield return "__SchemaEnum";
        }
    }
}
