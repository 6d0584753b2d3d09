using System;
using System.Diagnostics.CodeAnalysis;

namespace OpenApiSdk;

/// <summary>One broken rule: the JSON Pointer (RFC 6901) of the offending value, and the rule it breaks.</summary>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "A JSON Pointer (RFC 6901), the standard's own name.")]
public sealed class ValidationError : IEquatable<ValidationError>
{
    /// <summary>Creates an error.</summary>
    public ValidationError(string pointer, string message)
    {
        Pointer = pointer ?? throw new ArgumentNullException(nameof(pointer));
        Message = message ?? throw new ArgumentNullException(nameof(message));
    }

    /// <summary>Where: a JSON Pointer such as <c>/fe_volume/capacity_in_gb</c>; empty for the whole document.</summary>
    public string Pointer { get; }

    /// <summary>What: the rule, stated without the offending value (which may be a secret).</summary>
    public string Message { get; }

    /// <inheritdoc/>
    public bool Equals(ValidationError? other) => other is not null && Pointer == other.Pointer && Message == other.Message;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ValidationError);

    /// <inheritdoc/>
    public override int GetHashCode() => unchecked((StringComparer.Ordinal.GetHashCode(Pointer) * 31) + StringComparer.Ordinal.GetHashCode(Message));

    /// <summary><c>POINTER: MESSAGE</c>.</summary>
    public override string ToString() => (Pointer.Length == 0 ? "/" : Pointer) + ": " + Message;
}
