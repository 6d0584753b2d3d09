namespace OpenApiSdk.Generator.Model;

/// <summary>The client generated from a spec's <c>paths</c>.</summary>
internal sealed record ClientModel(string Name, EquatableArray<OperationModel> Operations);

internal sealed record OperationModel(string Name, string Method, string Path);
