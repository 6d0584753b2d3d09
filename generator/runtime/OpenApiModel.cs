using System.ComponentModel;
using System.Text.Json;

namespace OpenApiSdk.Runtime;

/// <summary>What every generated model can do, for the generated code that handles models generically.</summary>
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
    /// <summary>True when the value is one the spec lists.</summary>
    bool IsKnown { get; }
}
