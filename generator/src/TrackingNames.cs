namespace OpenApiSdk.Generator;

/// <summary>Names of the pipeline's steps, for incrementality tests (GeneratorDriverRunResult.TrackedSteps).</summary>
public static class TrackingNames
{
    public const string Inputs = nameof(Inputs);
    public const string Parse = nameof(Parse);
    public const string Models = nameof(Models);
    public const string Diagnostics = nameof(Diagnostics);
    public const string Target = nameof(Target);
    public const string AnySpec = nameof(AnySpec);
    public const string Types = nameof(Types);
    public const string Emit = nameof(Emit);
    public const string TypeFiles = nameof(TypeFiles);
    public const string Clients = nameof(Clients);
    public const string ClientGroups = nameof(ClientGroups);
    public const string Receivers = nameof(Receivers);
}
