using System;
using System.ComponentModel;

namespace OpenApiSdk.Runtime;

/// <summary>
/// The annotations <c>unevaluatedProperties</c> and <c>unevaluatedItems</c> read (JSON Schema 2020-12 core §11): which
/// members (by their position in the object) or items (by index) of one value the applicators that held evaluated. A
/// value is either an object or an array, so one set serves both. The first 64 positions need no allocation.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct JsonEvaluated
{
    private ulong _first;
    private ulong[]? _rest;

    /// <summary>Marks the member or item at <paramref name="position"/> evaluated.</summary>
    public void Add(int position)
    {
        if (position < 64)
        {
            _first |= 1UL << position;
            return;
        }

        int word = (position - 64) >> 6;
        if (_rest is null || _rest.Length <= word)
        {
            Array.Resize(ref _rest, Math.Max(word + 1, (_rest?.Length ?? 0) * 2));
        }

        _rest[word] |= 1UL << (position & 63);
    }

    /// <summary>Whether the member or item at <paramref name="position"/> was evaluated.</summary>
    public readonly bool Has(int position)
    {
        if (position < 64)
        {
            return (_first & (1UL << position)) != 0;
        }

        int word = (position - 64) >> 6;
        return _rest is not null && word < _rest.Length && (_rest[word] & (1UL << (position & 63))) != 0;
    }

    /// <summary>Adds what <paramref name="other"/> evaluated (a subschema that held, applied to the same value).</summary>
    public void Add(in JsonEvaluated other)
    {
        _first |= other._first;
        if (other._rest is null)
        {
            return;
        }

        if (_rest is null || _rest.Length < other._rest.Length)
        {
            Array.Resize(ref _rest, other._rest.Length);
        }

        for (int i = 0; i < other._rest.Length; i++)
        {
            _rest[i] |= other._rest[i];
        }
    }
}

/// <summary>Checks a value kept as JSON against a subschema that records what it evaluates (for <c>unevaluated*</c>).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate bool JsonAnnotatedCheck(ref Validation validation, System.Text.Json.JsonElement value, ref JsonEvaluated evaluated);
