using System.ComponentModel;
using System.Text.Json;

namespace OpenApiSdk.Runtime;

/// <summary>What every generated model and union can do, for the generated code that handles models generically.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IOpenApiModel
{
    /// <summary>Checks every rule; with a null collector answers at the first failure without allocating.</summary>
    bool ValidateCore(ValidationCollector? errors);

    /// <summary>The rules DataAnnotations cannot state per property (if/then/else, required numbers), for <see cref="OpenApiSdk.SchemaRulesAttribute"/>.</summary>
    bool ValidateTypeLevel(ValidationCollector? errors);

    /// <summary>Writes the value as JSON.</summary>
    void WriteJson(Utf8JsonWriter writer);
}

/// <summary>What every generated extensible enum can tell.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IOpenApiEnumValue
{
    /// <summary>The wire value.</summary>
    string Value { get; }

    /// <summary>True when the value is one the spec lists.</summary>
    bool IsKnown { get; }
}

/// <summary>A generated extensible enum, so that the runtime can read and write it without reflection.</summary>
/// <typeparam name="T">The enum itself.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IOpenApiEnumValue<T> : IOpenApiEnumValue, System.IEquatable<T>
    where T : struct, IOpenApiEnumValue<T>
{
    /// <summary>An instance holding <paramref name="value"/> (called on <c>default(T)</c>: C# 9 has no static interface members).</summary>
    T WithValue(string value);
}

/// <summary>
/// The schema-specific half of a generated object model, which <see cref="OpenApiSdk.OpenApiObject{T}"/> calls:
/// implemented explicitly by the generated class, so none of it shows on the model.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IObjectMembers
{
    /// <summary>The JSON names of the declared properties; <see cref="JsonMember.Index"/> and the writer's member numbers index it.</summary>
    JsonNames Names { get; }

    /// <summary>Checks the schema's rules (the read errors are checked before).</summary>
    bool Validate(ref Validation validation);

    /// <summary>Reads the value of the declared property <paramref name="member"/>; the reader is on the value's first token.</summary>
    void Read(ref Utf8JsonReader reader, JsonMember member);

    /// <summary>Writes the declared properties that are set: as JSON, and for the hash code and <c>ToString()</c>.</summary>
    void Write(JsonMemberWriter writer);

    /// <summary>Compares the declared properties with those of <paramref name="other"/>, an instance of the same type.</summary>
    bool Equal(object other);
}

/// <summary>
/// The root of a generated inheritance hierarchy (a discriminator on an <c>allOf</c> base): which subtype each
/// discriminator value names. Implemented explicitly by the base class, and so by every subtype.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IObjectSubtypes
{
    /// <summary>The JSON name of the discriminator property.</summary>
    string Discriminator { get; }

    /// <summary>A new instance of the type <paramref name="value"/> names (the base, a subtype); null when it names none.</summary>
    OpenApiSdk.OpenApiObject? Create(string value);

    /// <summary>Unsets the discriminator property, which the constructor sets, before an instance is read.</summary>
    void ClearDiscriminator();
}

/// <summary>
/// The base of a hierarchy whose discriminator has OpenAPI 3.2's <c>defaultMapping</c>: the type read when the
/// discriminator is absent or names no type of the hierarchy.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IObjectDefaultSubtype
{
    /// <summary>A new instance of the default type.</summary>
    OpenApiSdk.OpenApiObject CreateDefault();
}

/// <summary>The checks of a generated union's alternatives that have rules of their own (a constrained string, a list).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IUnionRules
{
    /// <summary>Checks the value of alternative <paramref name="variant"/> (1-based), which is held.</summary>
    bool Validate(ref Validation validation, int variant, object value);
}

/// <summary>
/// A generated union whose schema has keywords beside its alternatives that the typed checks cannot carry
/// (<c>unevaluatedProperties</c>, ...): its own JSON is checked against its whole schema, after the alternative held.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IUnionJson
{
    /// <summary>Checks the union's JSON, as its writer writes it, against the whole schema.</summary>
    bool ValidateJson(ref Validation validation);
}

/// <summary>
/// A model whose schema gives no <c>type</c> (JSON Schema: then any JSON value is valid, and the object keywords apply to
/// objects only), implemented by generated code: a value that is not an object is read and kept as JSON, written back as
/// it came, and checked only against the schema's keywords for its own JSON type.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface INonObjectValue
{
    /// <summary>The value when it is not a JSON object (JSON null included); null when it is an object.</summary>
    JsonElement? NonObjectValue { get; set; }

    /// <summary>The schema's keywords for strings, numbers, arrays (and its type list) on a value that is not an object.</summary>
    bool ValidateNonObject(ref Validation validation, JsonElement value);
}
