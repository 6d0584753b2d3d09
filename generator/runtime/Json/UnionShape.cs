using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenApiSdk.Runtime;

/// <summary>
/// How a generated union is read and written: its alternatives, in the spec's order, and the discriminator
/// property when there is one. Reading copies the <see cref="Utf8JsonReader"/> (a struct) and tries alternatives
/// from the copy: with a discriminator the tag decides; otherwise the first alternative the JSON is valid against
/// is held, <c>oneOf</c> counts the matches so that validation rejects JSON valid against two, and JSON valid
/// against none is held as the first alternative it fits (so validation names that alternative's broken rules)
/// or, fitting none, kept as it arrived and reported.
/// </summary>
/// <typeparam name="T">The generated union.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class UnionShape<T>
    where T : OpenApiUnion<T>
{
    private readonly Func<T> _create;
    private readonly string? _discriminator;
    private readonly int _defaultAlternative = -1;
    private readonly bool _byEventName;

    /// <summary>Creates the shape.</summary>
    /// <param name="create">Creates an instance that holds nothing (the union's private constructor).</param>
    /// <param name="discriminator">The discriminator property, whose values (the tags of each <see cref="UnionAlternative"/>) choose the alternative; or null.</param>
    /// <param name="exactlyOne">True for <c>oneOf</c>: without a discriminator, JSON valid against two alternatives is invalid.</param>
    /// <param name="alternatives">The alternatives, in order.</param>
    public UnionShape(Func<T> create, string? discriminator, bool exactlyOne, params UnionAlternative[] alternatives)
    {
        _create = create ?? throw new ArgumentNullException(nameof(create));
        _discriminator = discriminator;
        Alternatives = alternatives ?? throw new ArgumentNullException(nameof(alternatives));
        CountsMatches = exactlyOne && discriminator is null;
        _byEventName = discriminator == Streaming.EventFields.Names[0];
        Item = new UnionItem<T>(this);
        OpenApiUnion<T>.Register(this);
    }

    /// <summary>Creates the shape of a union whose discriminator has OpenAPI 3.2's <c>defaultMapping</c>.</summary>
    /// <param name="create">Creates an instance that holds nothing (the union's private constructor).</param>
    /// <param name="discriminator">The discriminator property.</param>
    /// <param name="defaultAlternative">The 0-based index of the alternative read when the discriminator is absent or names no alternative.</param>
    /// <param name="exactlyOne">True for <c>oneOf</c>.</param>
    /// <param name="alternatives">The alternatives, in order.</param>
    public UnionShape(Func<T> create, string discriminator, int defaultAlternative, bool exactlyOne, params UnionAlternative[] alternatives)
        : this(create, discriminator, exactlyOne, alternatives)
    {
        _defaultAlternative = defaultAlternative >= 0 && defaultAlternative < Alternatives.Length ? defaultAlternative : throw new ArgumentOutOfRangeException(nameof(defaultAlternative));
    }

    /// <summary>Reads and writes the union as a list item, a map value or a property.</summary>
    public JsonItem<T> Item { get; }

    /// <remarks>An array, not a read-only list: a stream chooses an alternative per item, and an array's interface calls cost.</remarks>
    internal UnionAlternative[] Alternatives { get; }

    internal bool CountsMatches { get; }

    /// <summary>Reads a value from JSON text.</summary>
    /// <exception cref="JsonException">The text is not JSON.</exception>
    public T FromJson(string json) => FromJson(Encoding.UTF8.GetBytes(json ?? throw new ArgumentNullException(nameof(json))));

    /// <summary>Reads a value from UTF-8 JSON.</summary>
    /// <exception cref="JsonException">The text is not JSON.</exception>
    public T FromJson(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json);
        OpenApiRuntime.ReadRootValue(ref reader, typeof(T).Name);
        T result = Read(ref reader);
        OpenApiRuntime.ReadEnd(ref reader);
        return result;
    }

    /// <summary>Reads the value the reader is on (any token) and leaves the reader on its last token.</summary>
    public T Read(ref Utf8JsonReader reader)
    {
        Utf8JsonReader start = reader; // a copy: each alternative is tried from here
        if (_discriminator is { } property)
        {
            // The tag is compared where it lies (no string per read), and the alternative it names is read in one pass,
            // leaving the reader on the value's last token as every JsonItem read does: a stream reads one union per event.
            Utf8JsonReader tag = start;
            bool hasTag = OpenApiRuntime.FindDiscriminator(ref tag, property);
            if (hasTag && TagIndex(ref tag) is int chosen and >= 0)
            {
                return ReadAlternative(chosen, ref reader);
            }

            reader.Skip();
            return ReadUntagged(start, property, hasTag);
        }

        reader.Skip();
        return ReadFirstValid(start);
    }

    /// <summary>
    /// Fills a value from the fields of the event being read when the event name is the discriminator and names an
    /// alternative that can be filled so (a model): what <see cref="Read"/> gives for the event object. False otherwise,
    /// and the event object is read instead (an unknown or absent name is kept and reported from there).
    /// </summary>
    internal bool TryReadEvent(Streaming.EventFields fields, out T value)
    {
        value = null!;
        if (!_byEventName || !fields.Has(0))
        {
            return false;
        }

        int chosen = TagIndex(fields.EventName, out int tag);
        if (chosen < 0)
        {
            return false;
        }

        // The name is the kind's discriminator value: the model's event property holds that string, whichever kinds alternate.
        UnionAlternative alternative = Alternatives[chosen];
        fields.NameIs(alternative.Tags[tag], alternative.Utf8Tags[tag]);
        if (!alternative.TryReadEvent(fields, out object? held))
        {
            return false;
        }

        value = _create();
        value.Held = held;
        value.Variant = chosen + 1;
        return true;
    }

    /// <summary>The alternative whose discriminator values include <paramref name="utf8"/>, and which of them (<paramref name="tag"/>); -1 when none does.</summary>
    private int TagIndex(ReadOnlySpan<byte> utf8, out int tag)
    {
        for (int i = 0; i < Alternatives.Length; i++)
        {
            byte[][] values = Alternatives[i].Utf8Tags;
            for (tag = 0; tag < values.Length; tag++)
            {
                if (utf8.SequenceEqual(values[tag]))
                {
                    return i;
                }
            }
        }

        tag = -1;
        return -1;
    }

    /// <summary>The alternative whose discriminator values include the string <paramref name="tag"/> is on; -1 when none does.</summary>
    private int TagIndex(ref Utf8JsonReader tag)
    {
        for (int i = 0; i < Alternatives.Length; i++)
        {
            foreach (string value in Alternatives[i].Tags)
            {
                if (tag.ValueTextEquals(value))
                {
                    return i;
                }
            }
        }

        return -1;
    }

    /// <summary>An object whose discriminator is absent, not a string, or names no alternative: the default, or kept and reported.</summary>
    private T ReadUntagged(Utf8JsonReader start, string property, bool hasTag)
    {
        if (_defaultAlternative >= 0 && (hasTag || start.TokenType == JsonTokenType.StartObject))
        {
            // OpenAPI 3.2: the defaultMapping schema is expected when the property is absent or its value is mapped to nothing.
            return ReadAlternative(_defaultAlternative, start);
        }

        T unmatched = Unmatched(ref start);
        if (!hasTag)
        {
            unmatched.AddReadError(string.Empty, "must be an object with the discriminator property \"" + property + "\" (a string)");
        }
        else
        {
            // Listed only here, for the message: a value that names its alternative allocates nothing to be chosen.
            var known = new List<string>();
            foreach (UnionAlternative alternative in Alternatives)
            {
                foreach (string value in alternative.Tags)
                {
                    if (!known.Contains(value))
                    {
                        known.Add(value);
                    }
                }
            }

            unmatched.AddReadError("/" + OpenApiRuntime.EscapePointer(property), "must be one of the discriminator values: " + string.Join(", ", known));
        }

        return unmatched;
    }

    private T ReadFirstValid(Utf8JsonReader start)
    {
        T? fallback = null;
        T? chosen = null;
        int matches = 0;
        for (int i = 0; i < Alternatives.Length; i++)
        {
            T candidate = ReadAlternative(i, start);
            if (candidate.Variant == 0)
            {
                continue;
            }

            if (candidate.AlternativeIsValid())
            {
                if (!CountsMatches)
                {
                    return candidate; // anyOf: the first alternative the JSON is valid against
                }

                matches++;
                chosen ??= candidate;
            }

            fallback ??= candidate;
        }

        if (chosen is not null)
        {
            chosen.Matches = matches;
            return chosen;
        }

        if (fallback is not null)
        {
            return fallback; // fits an alternative's JSON type but breaks its rules: validation names them
        }

        T unmatched = Unmatched(ref start);
        var kinds = new List<string>();
        foreach (UnionAlternative alternative in Alternatives)
        {
            if (!kinds.Contains(alternative.Kind))
            {
                kinds.Add(alternative.Kind);
            }
        }

        unmatched.AddReadError(string.Empty, "must be " + string.Join(" or ", kinds));
        return unmatched;
    }

    /// <summary>Reads the value as alternative <paramref name="index"/>; the result holds nothing when the JSON does not fit it.</summary>
    private T ReadAlternative(int index, Utf8JsonReader reader) => ReadAlternative(index, ref reader);

    private T ReadAlternative(int index, ref Utf8JsonReader reader)
    {
        T result = _create();
        if (Alternatives[index].Read(ref reader, result, out object? value))
        {
            result.Held = value;
            result.Variant = index + 1;
        }

        return result;
    }

    private T Unmatched(ref Utf8JsonReader start)
    {
        T unmatched = _create();
        unmatched.Unmatched = OpenApiRuntime.ReadElement(ref start);
        return unmatched;
    }
}

/// <summary>One alternative of a union: its name, how its value is read and written, and the discriminator values that choose it.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class UnionAlternative
{
    private protected UnionAlternative(string name, string[] tags)
    {
        Name = name;
        Tags = tags;
    }

    internal string Name { get; }

    internal string[] Tags { get; }

    /// <summary>The <see cref="Tags"/> in UTF-8, for an event name.</summary>
    internal byte[][] Utf8Tags => _utf8Tags ??= Array.ConvertAll(Tags, Encoding.UTF8.GetBytes);

    private byte[][]? _utf8Tags;

    internal abstract string Kind { get; }

    /// <summary>Fills the value from the fields of the event being read (see <see cref="JsonItem{T}.TryReadEvent"/>); false when it cannot be.</summary>
    internal abstract bool TryReadEvent(Streaming.EventFields fields, out object? value);

    /// <summary>An alternative named <paramref name="name"/> whose value <paramref name="item"/> reads, chosen by the discriminator values <paramref name="tags"/>.</summary>
    public static UnionAlternative Of<TValue>(string name, JsonItem<TValue> item, params string[] tags) =>
        new Typed<TValue>(name, item ?? throw new ArgumentNullException(nameof(item)), null, tags);

    /// <summary>
    /// The same, for a value that is (or holds) another union, whose <c>__Shape</c> is asked for only when first used:
    /// two unions that hold each other would otherwise each need the other's shape while creating their own.
    /// </summary>
    public static UnionAlternative Of<TValue>(string name, Func<JsonItem<TValue>> item, params string[] tags) =>
        new Typed<TValue>(name, null, item ?? throw new ArgumentNullException(nameof(item)), tags);

    internal abstract bool Read(ref Utf8JsonReader reader, OpenApiModel owner, out object? value);

    internal abstract void Write(Utf8JsonWriter writer, object value);

    internal abstract bool Equal(object left, object right);

    private sealed class Typed<TValue> : UnionAlternative
    {
        private readonly Func<JsonItem<TValue>>? _create;
        private JsonItem<TValue>? _created;

        public Typed(string name, JsonItem<TValue>? item, Func<JsonItem<TValue>>? create, string[] tags)
            : base(name, tags)
        {
            _created = item;
            _create = create;
        }

        private JsonItem<TValue> Item => _created ??= _create!();

        internal override string Kind => Item.Kind;

        internal override bool Read(ref Utf8JsonReader reader, OpenApiModel owner, out object? value)
        {
            if (Item is IUnionItem union)
            {
                // A nested union reads any JSON; it fits only when it holds one of its own alternatives.
                OpenApiModel inner = union.ReadAny(ref reader);
                value = inner;
                if (union.Holds(inner))
                {
                    return true;
                }

                owner.AddReadError(string.Empty, "must be " + Kind);
                return false;
            }

            bool read = Item.Read(ref reader, owner, new JsonPath(string.Empty), out TValue item);
            value = item;
            return read;
        }

        internal override bool TryReadEvent(Streaming.EventFields fields, out object? value)
        {
            bool read = Item.TryReadEvent(fields, out TValue item);
            value = item;
            return read;
        }

        internal override void Write(Utf8JsonWriter writer, object value) => Item.Write(writer, (TValue)value);

        internal override bool Equal(object left, object right) => Item.Equal((TValue)left, (TValue)right);
    }
}

internal interface IUnionItem
{
    OpenApiModel ReadAny(ref Utf8JsonReader reader);

    bool Holds(OpenApiModel union);
}

internal sealed class UnionItem<T> : JsonItem<T>, IUnionItem
    where T : OpenApiUnion<T>
{
    private readonly UnionShape<T> _shape;

    public UnionItem(UnionShape<T> shape) => _shape = shape;

    internal override string Kind => "one of the alternatives of " + typeof(T).Name;

    internal override bool Read(ref Utf8JsonReader reader, OpenApiModel owner, in JsonPath path, out T value)
    {
        if (!JsonRead.NotNull(ref reader, owner, path))
        {
            value = null!;
            return false;
        }

        value = _shape.Read(ref reader);
        return true;
    }

    internal override void Write(Utf8JsonWriter writer, T value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            value.WriteJson(writer);
        }
    }

    internal override bool Equal(T left, T right) => left is null ? right is null : left.Equals(right);

    internal override bool TryReadEvent(Streaming.EventFields fields, out T value) => _shape.TryReadEvent(fields, out value);

    public OpenApiModel ReadAny(ref Utf8JsonReader reader) => _shape.Read(ref reader);

    public bool Holds(OpenApiModel union) => ((T)union).Variant != 0;
}

/// <summary>Plugs a generated union's reader and writer into <c>JsonSerializer</c>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public class UnionJsonConverter<T> : JsonConverter<T>
    where T : OpenApiUnion<T>
{
    private readonly UnionShape<T> _shape;

    /// <summary>Creates the converter.</summary>
    protected UnionJsonConverter(UnionShape<T> shape) => _shape = shape ?? throw new ArgumentNullException(nameof(shape));

    /// <inheritdoc/>
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => _shape.Read(ref reader);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => (value ?? throw new ArgumentNullException(nameof(value))).WriteJson(writer);
}
