using System.Text.Json;

namespace OpenApiSdk;

/// <summary>
/// What every generated object model is, whatever its place in an inheritance hierarchy: <c>Cat : Pet</c> and
/// <c>Pet : OpenApiObject&lt;Pet&gt;</c> are both <see cref="OpenApiObject"/>s, which the runtime's readers take.
/// </summary>
public abstract class OpenApiObject : OpenApiModel
{
    private protected OpenApiObject()
    {
    }

    /// <summary>Reads the members of the object the reader is on (its StartObject token) into this instance; leaves the reader on its EndObject.</summary>
    internal abstract void ReadMembers(ref Utf8JsonReader reader);

    /// <summary>Reads the fields of the event being read into the members declared for them; false (nothing read) when one is not declared.</summary>
    internal abstract bool TryReadEventMembers(Runtime.Streaming.EventFields fields);
}
