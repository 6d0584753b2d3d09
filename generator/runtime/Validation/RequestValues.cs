using System;
using System.ComponentModel;
using System.Text.Json;

namespace OpenApiSdk.Runtime;

/// <summary>
/// A request value that is no model (a parameter; a body that is an array, a map or a scalar) whose schema has keywords
/// the client's typed checks cannot carry (<c>oneOf</c> beside the value's type, <c>contains</c>, <c>not</c> on items, ...):
/// its JSON, written by the generated writer, against the whole schema's method (the JSON-value validator), as
/// <see cref="Validation.ModelJson"/> checks a model. Only such values pay for writing and parsing.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class RequestValues
{
    /// <summary>
    /// Checks <paramref name="value"/>'s JSON under its member <paramref name="name"/> (null: at the current pointer) of
    /// <paramref name="errors"/>; an error the typed checks already reported there is not repeated.
    /// </summary>
    public static void Check<T>(ValidationCollector errors, string? name, Action<Utf8JsonWriter, T> write, T value, ItemCheck<JsonElement> check)
    {
        Guard.NotNull(errors, nameof(errors));
        Guard.NotNull(write, nameof(write));
        Guard.NotNull(check, nameof(check));
        using ScratchJson json = ScratchJson.Rent();
        write(json.Writer, value);
        JsonElement root = json.Parse();
        int before = errors.Count;
        var validation = new Validation(NoModel.Instance, errors, typeLevel: false);
        validation.JsonValue(name, root, check);
        errors.RemoveRepeatedSince(before);
    }

    /// <summary>What a request value is checked under: it has no members, read errors or JSON of its own.</summary>
    private sealed class NoModel : OpenApiModel
    {
        internal static readonly NoModel Instance = new();

        public override void WriteJson(Utf8JsonWriter writer) => throw new NotSupportedException();

        private protected override bool ValidateMembers(ref Validation validation) => true;
    }
}
