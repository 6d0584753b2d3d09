using System;
using System.Collections.Generic;
using OpenApiSdk.Runtime;

namespace OpenApiSdk;

/// <summary>
/// What every generated model and union can do: check itself against its schema and write itself as JSON.
/// Object schemas derive from <see cref="OpenApiObject{T}"/> and <c>oneOf</c>/<c>anyOf</c> schemas from
/// <see cref="OpenApiUnion{T}"/>; only their schema-specific parts are generated.
/// </summary>
public abstract class OpenApiModel : IOpenApiModel
{
    private List<ValidationError>? _readErrors;

    private protected OpenApiModel()
    {
    }

    /// <summary>
    /// Checks every rule of the schema and returns all violations, each with the JSON Pointer (RFC 6901) of the
    /// offending value; empty when the object is valid. Values of the wrong JSON type met while reading are among them.
    /// </summary>
    public IReadOnlyList<ValidationError> Validate()
    {
        if (ValidateCore(null))
        {
            return Array.Empty<ValidationError>();
        }

        var errors = new ValidationCollector();
        ValidateCore(errors);
        return errors.Errors;
    }

    /// <summary>True when <see cref="Validate"/> would find nothing; does not allocate.</summary>
    public bool IsValid() => ValidateCore(null);

    /// <summary>Writes this value as JSON text; properties that were never set are left out.</summary>
    public string ToJson(bool indented = false) => OpenApiRuntime.ToJson(this, indented);

    /// <summary>Writes this value as JSON.</summary>
    public abstract void WriteJson(System.Text.Json.Utf8JsonWriter writer);

    bool IOpenApiModel.ValidateCore(ValidationCollector? errors) => ValidateCore(errors);

    bool IOpenApiModel.ValidateTypeLevel(ValidationCollector? errors) => Check(errors, typeLevel: !TypeLevelChecksAll);

    internal bool ValidateCore(ValidationCollector? errors) => Check(errors, typeLevel: false);

    /// <summary>True when the type-level pass (<see cref="SchemaRulesAttribute"/>) checks everything: no property attributes check anything.</summary>
    private protected virtual bool TypeLevelChecksAll => false;

    /// <summary>The schema's own rules: the generated half of the model.</summary>
    private protected abstract bool ValidateMembers(ref Validation validation);

    private bool Check(ValidationCollector? errors, bool typeLevel)
    {
        var validation = new Validation(this, errors, typeLevel);
        return validation.ReadErrors() && ValidateMembers(ref validation) && validation.Valid;
    }

    internal List<ValidationError>? ReadErrorList => _readErrors;

    /// <summary>Records a problem met while reading JSON (a wrong type, a null where none is allowed); <see cref="Validate"/> reports it.</summary>
    internal void AddReadError(string pointer, string message) => (_readErrors ??= new List<ValidationError>()).Add(new ValidationError(pointer, message));

    /// <summary>True when a read error was recorded at the member <paramref name="name"/> or below it.</summary>
    internal bool HasReadError(string name) => _readErrors is not null && OpenApiRuntime.HasErrorAt(_readErrors, name);
}
