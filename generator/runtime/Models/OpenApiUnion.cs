using System;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using OpenApiSdk.Runtime;

namespace OpenApiSdk;

/// <summary>
/// The base of every generated <c>oneOf</c>/<c>anyOf</c> type: it holds one alternative (or, when the JSON that was
/// read fits none, that JSON). The generated class adds <c>Is…</c>/<c>As…</c>/<c>From…</c> per alternative and a
/// <see cref="UnionShape{T}"/> that says how each alternative is read and written.
/// </summary>
/// <typeparam name="T">The generated union itself.</typeparam>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Members the generated class calls start with __ so that no name from a spec can hide them.")]
public abstract class OpenApiUnion<T> : OpenApiModel, IEquatable<T>
    where T : OpenApiUnion<T>
{
    /// <summary>Creates an instance that holds nothing yet.</summary>
    /// <param name="shape">The union's shape, which registered itself for <typeparamref name="T"/> when it was made (<see cref="Register"/>).</param>
    protected OpenApiUnion(UnionShape<T> shape) => _ = shape ?? throw new ArgumentNullException(nameof(shape));

    // The shape of T, registered by the shape itself when it is made (the union's static field, made before any instance
    // can be): one static per union type, not a reference more in every value read.
    private static UnionShape<T> s_shape = null!;

    /// <summary>Makes <paramref name="shape"/> the shape of every <typeparamref name="T"/>.</summary>
    internal static void Register(UnionShape<T> shape) => s_shape = shape;

    /// <summary>The alternative held, as its C# value; null when the JSON that was read fits none (see <see cref="UnmatchedJson"/>).</summary>
    public object? Value => Variant == 0 ? null : Held;

    /// <summary>The JSON that was read when it fits none of the alternatives, kept so that it is written back unchanged; otherwise null.</summary>
    public JsonElement? UnmatchedJson => Variant == 0 && Unmatched.ValueKind != JsonValueKind.Undefined ? Unmatched : null;

    /// <summary>The alternative held.</summary>
    internal object? Held { get; set; }

    /// <summary>The 1-based index of the alternative held; 0 when the JSON that was read fits none.</summary>
    internal int Variant { get; set; }

    /// <summary>
    /// The JSON that was read, kept only when it fits no alternative: held in <see cref="Held"/> then (boxed, in that rare
    /// case), so that a union is one reference and two ints, not sixteen bytes more for every value read.
    /// </summary>
    internal JsonElement Unmatched
    {
        get => Variant == 0 && Held is JsonElement json ? json : default;
        set
        {
            Held = value.ValueKind == JsonValueKind.Undefined ? null : value;
            Variant = 0;
        }
    }

    /// <summary>How many alternatives the JSON that was read is valid against (oneOf wants one).</summary>
    internal int Matches { get; set; }

    /// <summary>True when alternative <paramref name="variant"/> (1-based) is held.</summary>
    protected bool __Holds(int variant) => Variant == variant;

    /// <summary>Makes <paramref name="union"/> hold <paramref name="value"/> as alternative <paramref name="variant"/> (1-based).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    protected static T __Hold(T union, int variant, object? value)
    {
        _ = union ?? throw new ArgumentNullException(nameof(union));
        union.Held = value ?? throw new ArgumentNullException(nameof(value));
        union.Variant = variant;
        return union;
    }

    /// <summary>Writes the alternative held (or the JSON that was read, when it fit none).</summary>
    public sealed override void WriteJson(Utf8JsonWriter writer)
    {
        _ = writer ?? throw new ArgumentNullException(nameof(writer));
        if (Variant != 0)
        {
            s_shape.Alternatives[Variant - 1].Write(writer, Held!);
        }
        else if (Unmatched.ValueKind == JsonValueKind.Undefined)
        {
            writer.WriteNullValue();
        }
        else
        {
            Unmatched.WriteTo(writer);
        }
    }

    /// <summary>Equal when both hold the same alternative with equal values (or fit none with equal JSON).</summary>
    public bool Equals(T? other)
    {
        if (other is null || other.Variant != Variant)
        {
            return false;
        }

        return Variant != 0
            ? s_shape.Alternatives[Variant - 1].Equal(Held!, other.Held!)
            : Unmatched.ValueKind == other.Unmatched.ValueKind && (Unmatched.ValueKind == JsonValueKind.Undefined || OpenApiRuntime.JsonEqual(Unmatched, other.Unmatched));
    }

    /// <inheritdoc/>
    public sealed override bool Equals(object? obj) => obj is T other && Equals(other);

    /// <inheritdoc/>
    public sealed override int GetHashCode() => Variant;

    /// <summary>The alternative held and its value (models print their own secrets as ***).</summary>
    public sealed override string ToString()
    {
        var text = new StringBuilder(GetType().Name).Append(" {");
        bool first = true;
        if (Variant != 0)
        {
            OpenApiRuntime.AppendMember(text, ref first, s_shape.Alternatives[Variant - 1].Name, Held);
        }
        else
        {
            OpenApiRuntime.AppendMember(text, ref first, "UnmatchedJson", UnmatchedJson);
        }

        return text.Append(first ? "}" : " }").ToString();
    }

    // A union has no property attributes: [SchemaRules] checks all of it.
    private protected sealed override bool TypeLevelChecksAll => true;

    private protected sealed override bool ValidateMembers(ref Validation validation)
    {
        if (this is IUnionJson whole)
        {
            // The whole schema's oneOf counts the matches itself (and says how many).
            return ValidateAlternative(ref validation) && whole.ValidateJson(ref validation);
        }

        if (s_shape.CountsMatches && Matches > 1 && !validation.Fail(null, "must match exactly one of the alternatives (oneOf), but the JSON that was read matches several"))
        {
            return false;
        }

        return ValidateAlternative(ref validation);
    }

    /// <summary>
    /// Whether the alternative held is valid, asked of each candidate while reading: a union's checks of its whole JSON
    /// (<see cref="IUnionJson"/>) are left out, since they do not depend on which alternative holds the JSON.
    /// </summary>
    internal bool AlternativeIsValid()
    {
        var validation = new Validation(this, null, typeLevel: false);
        return validation.ReadErrors() && ValidateAlternative(ref validation) && validation.Valid;
    }

    private bool ValidateAlternative(ref Validation validation)
    {
        if (Variant == 0)
        {
            return true;
        }

        return Held switch
        {
            IOpenApiModel model => validation.Model(null, model),
            IOpenApiEnumValue known when !known.IsKnown && !validation.Fail(null, "must be one of the values the spec lists") => false,
            _ => this is not IUnionRules rules || rules.Validate(ref validation, Variant, Held!),
        };
    }
}
