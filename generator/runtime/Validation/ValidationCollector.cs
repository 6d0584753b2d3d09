using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;

namespace OpenApiSdk.Runtime;

/// <summary>Collects errors while validating, tracking the JSON Pointer of the value being checked.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ValidationCollector
{
    private readonly List<ValidationError> _errors = new List<ValidationError>();
    private readonly List<string> _path = new List<string>();

    /// <summary>The errors collected so far.</summary>
    public IReadOnlyList<ValidationError> Errors => _errors;

    /// <summary>Steps into a member.</summary>
    public void Enter(string name) => _path.Add(OpenApiRuntime.EscapePointer(name));

    /// <summary>Steps into an array item.</summary>
    public void Enter(int index) => _path.Add(index.ToString(CultureInfo.InvariantCulture));

    /// <summary>Steps back out.</summary>
    public void Exit() => _path.RemoveAt(_path.Count - 1);

    /// <summary>Records an error at the current value, or at its member <paramref name="name"/>.</summary>
    public void Add(string? name, string message)
    {
        string pointer = Current();
        if (name is not null)
        {
            pointer += "/" + OpenApiRuntime.EscapePointer(name);
        }

        _errors.Add(new ValidationError(pointer, message));
    }

    /// <summary>Adds errors whose pointers are relative to the current value.</summary>
    public void AddRelative(IEnumerable<ValidationError> errors)
    {
        string prefix = Current();
        foreach (ValidationError error in errors)
        {
            _errors.Add(new ValidationError(prefix + error.Pointer, error.Message));
        }
    }

    /// <summary>How many errors are collected so far.</summary>
    internal int Count => _errors.Count;

    /// <summary>Drops each error from <paramref name="start"/> on that repeats an earlier one (the same pointer and message).</summary>
    internal void RemoveRepeatedSince(int start)
    {
        for (int i = _errors.Count - 1; i >= start; i--)
        {
            for (int j = 0; j < i; j++)
            {
                if (_errors[j].Pointer == _errors[i].Pointer && _errors[j].Message == _errors[i].Message)
                {
                    _errors.RemoveAt(i);
                    break;
                }
            }
        }
    }

    private string Current() => _path.Count == 0 ? string.Empty : "/" + string.Join("/", _path);
}
