using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using OpenApiSdk.Runtime;

namespace OpenApiSdk;

/// <summary>
/// The base of every generated object model: reading and writing JSON without reflection, validation, value
/// equality and a <c>ToString()</c> that masks secrets. The generated class adds its properties and, through
/// <see cref="IObjectMembers"/>, what only its schema knows: the JSON names, the rules, one line per property
/// for reading, writing, comparing and printing. A schema with no properties and no rules implements nothing.
/// </summary>
/// <typeparam name="T">The generated model itself.</typeparam>
[SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "FromJson is called on the model's own type: Pet.FromJson(json).")]
public abstract class OpenApiObject<T> : OpenApiObject, IEquatable<T>
    where T : OpenApiObject<T>, new()
{
    /// <summary>Creates an instance with nothing set (in an inheritance hierarchy, the generated constructor sets the discriminator).</summary>
    protected OpenApiObject()
    {
    }

    /// <summary>
    /// Properties the schema does not declare, kept as they arrived so that nothing is lost on a round trip.
    /// When the schema forbids them (<c>additionalProperties: false</c>), <see cref="OpenApiModel.Validate"/> reports each one.
    /// </summary>
    [JsonExtensionData]
    [SuppressMessage("Usage", "CA2227:Collection properties should be read only", Justification = "Settable like every other model property.")]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>Reads an instance from JSON text. Values of the wrong type are reported by <see cref="OpenApiModel.Validate"/>, not thrown.</summary>
    /// <exception cref="JsonException">The text is not JSON, or its root is not an object.</exception>
    public static T FromJson(string json) => FromJson(Encoding.UTF8.GetBytes(json ?? throw new ArgumentNullException(nameof(json))));

    /// <summary>Reads an instance from UTF-8 JSON. Values of the wrong type are reported by <see cref="OpenApiModel.Validate"/>, not thrown.</summary>
    /// <exception cref="JsonException">The text is not JSON, or its root is not an object.</exception>
    public static T FromJson(ReadOnlySpan<byte> utf8Json) => ObjectJson.FromJson<T>(utf8Json);

    /// <summary>
    /// Reads the object the reader is on (its StartObject token) and leaves the reader on its EndObject. In an
    /// inheritance hierarchy the discriminator's value chooses the subtype, wherever it sits in the object.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static T ReadJson(ref Utf8JsonReader reader) => ObjectJson.Read<T>(ref reader);

    internal sealed override void ReadMembers(ref Utf8JsonReader reader)
    {
        IObjectMembers members = Members;
        JsonNames names = Names(members);
        Runtime.Streaming.EventFields? eventFields = Runtime.Streaming.EventFields.Reading; // when this is an event's object
        int next = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            int index = names.Find(ref reader, next);
            if (index < 0)
            {
                string name = reader.GetString() ?? string.Empty;
                reader.Read();
                (AdditionalProperties ??= new Dictionary<string, JsonElement>())[name] = OpenApiRuntime.ReadElement(ref reader);
                continue;
            }

            next = index + 1;
            reader.Read();
            members.Read(ref reader, new JsonMember(this, names, index, eventFields));
        }
    }

    internal sealed override bool TryReadEventMembers(Runtime.Streaming.EventFields fields)
    {
        IObjectMembers members = Members;
        JsonNames names = Names(members);
        int[] declared = names.EventMembers;
        for (int field = 0; field < declared.Length; field++)
        {
            if (declared[field] < 0 && fields.Has(field))
            {
                return false;
            }
        }

        for (int field = 0; field < declared.Length; field++)
        {
            if (fields.Has(field))
            {
                // On nothing: the member reads its field as text, or is put on the field's value when it reads it as JSON (JsonMember).
                Utf8JsonReader value = default;
                members.Read(ref value, new JsonMember(this, names, declared[field], fields, field));
            }
        }

        return true;
    }

    /// <summary>Writes this instance as a JSON object; properties that were never set are left out.</summary>
    public sealed override void WriteJson(Utf8JsonWriter writer)
    {
        _ = writer ?? throw new ArgumentNullException(nameof(writer));
        if (NonObject is { } value)
        {
            value.WriteTo(writer);
            return;
        }

        writer.WriteStartObject();
        IObjectMembers members = Members;
        members.Write(new JsonMemberWriter(writer, Names(members)));
        if (AdditionalProperties is not null)
        {
            foreach (KeyValuePair<string, JsonElement> pair in AdditionalProperties)
            {
                writer.WritePropertyName(pair.Key);
                pair.Value.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
    }

    /// <summary>Compares every property by value, nested objects, lists and undeclared properties included.</summary>
    /// <remarks>In an inheritance hierarchy only instances of the same runtime type are equal: a Pet never equals a Cat.</remarks>
    public bool Equals(T? other) =>
        other is not null && (ReferenceEquals(this, other)
            || ((s_exact || GetType() == other.GetType()) && OpenApiRuntime.JsonEqual(NonObject, other.NonObject)
                && OpenApiRuntime.DictionaryEqual(AdditionalProperties, other.AdditionalProperties) && Members.Equal(other)));

    /// <inheritdoc/>
    public sealed override bool Equals(object? obj) => obj is T other && Equals(other);

    /// <inheritdoc/>
    public sealed override int GetHashCode()
    {
        if (NonObject is { } value)
        {
            return StringComparer.Ordinal.GetHashCode(value.GetRawText());
        }

        IObjectMembers members = Members;
        var hash = new HashSink();
        members.Write(new JsonMemberWriter(hash, members.Names));
        return hash.Value;
    }

    /// <summary>The properties that are set, with secrets (passwords, write-only values) shown as ***.</summary>
    public sealed override string ToString()
    {
        if (NonObject is { } value)
        {
            return GetType().Name + " " + value.GetRawText();
        }

        IObjectMembers members = Members;
        var text = new TextSink(GetType().Name, members.Names);
        members.Write(new JsonMemberWriter(text, members.Names));
        return text.ToString();
    }

    private protected sealed override bool ValidateMembers(ref Validation validation) =>
        this is INonObjectValue { NonObjectValue: { } value } holder ? holder.ValidateNonObject(ref validation, value) : Members.Validate(ref validation);

    // A value that is not an object, held by a model whose schema gives no type (INonObjectValue); null otherwise.
    private JsonElement? NonObject => (this as INonObjectValue)?.NonObjectValue;

    // A schema that declares no properties and states no rules has nothing to generate.
    private IObjectMembers Members => this as IObjectMembers ?? NoMembers.Instance;

    // One table per type: read once, then a static field instead of an interface call per object written or read.
    // The statics belong to T, and a subtype (Cat : Pet) shares Pet's: only a sealed T is always its own runtime type.
    private static readonly bool s_exact = typeof(T).IsSealed;
    private static JsonNames? s_names;

    private static JsonNames Names(IObjectMembers members) => s_exact ? s_names ??= members.Names : members.Names;

    private sealed class NoMembers : IObjectMembers
    {
        public static readonly NoMembers Instance = new();

        public JsonNames Names { get; } = new(Array.Empty<string>(), Array.Empty<string>());

        public bool Validate(ref Validation validation) => true;

        public void Read(ref Utf8JsonReader reader, JsonMember member)
        {
        }

        public void Write(JsonMemberWriter writer)
        {
        }

        public bool Equal(object other) => true;
    }
}
