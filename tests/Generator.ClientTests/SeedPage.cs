namespace OpenApiSdk.ClientTests;

/// <summary>The seed page's examples (../shared/seed/creating-a-starrocks-instance.txt), kept once in generated-sample/examples.</summary>
internal static class SeedPage
{
    public const string ProjectId = "23a50154cf494ec9ad6883979a12db0a";

    public const string InstanceId = "40dc4c5729f14aad893e2dcd5baf6a15in07";

    /// <summary>The path of the page's example request: POST https://{endpoint}/v3/{project_id}/instances/{instance_id}/starrocks.</summary>
    public const string ExamplePath = "/v3/23a50154cf494ec9ad6883979a12db0a/instances/40dc4c5729f14aad893e2dcd5baf6a15in07/starrocks";

    /// <summary>"Example Request: Creating a DB instance" (generated-sample/examples/create-instance.json).</summary>
    public static readonly string ExampleRequest = Read("create-instance.json");

    /// <summary>"Example Response: Status code: 201, Success." (generated-sample/examples/create-instance-response.json).</summary>
    public static readonly string ExampleResponse = Read("create-instance-response.json");

    private static string Read(string name) => System.IO.File.ReadAllText(System.IO.Path.Combine(System.AppContext.BaseDirectory, "Examples", name));
}
