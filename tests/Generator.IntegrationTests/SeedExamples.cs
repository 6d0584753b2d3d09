using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using TaurusDb.StarRocks;
using Xunit;

namespace OpenApiSdk.IntegrationTests;

/// <summary>The seed page's example request and response (generated-sample/examples), and variations of them.</summary>
internal static class SeedExamples
{
    public static string RequestJson => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Examples", "create-instance.json"));

    public static string ResponseJson => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Examples", "create-instance-response.json"));

    public static JsonObject RequestNode() => JsonNode.Parse(RequestJson)!.AsObject();

    /// <summary>The page's example request after <paramref name="change"/>, read with the generated code.</summary>
    public static CreateStarRocksInstanceRequest Request(Action<JsonObject> change)
    {
        JsonObject node = RequestNode();
        change(node);
        return CreateStarRocksInstanceRequest.FromJson(node.ToJsonString());
    }

    /// <summary>Asserts that validation fails exactly at <paramref name="pointers"/>, each with a message containing <paramref name="messagePart"/> for the first.</summary>
    public static void AssertInvalidAt(CreateStarRocksInstanceRequest request, string messagePart, params string[] pointers)
    {
        var errors = request.Validate();
        Assert.Equal(pointers.OrderBy(p => p, StringComparer.Ordinal), errors.Select(e => e.Pointer).Distinct().OrderBy(p => p, StringComparer.Ordinal));
        Assert.Contains(errors, e => e.Pointer == pointers[0] && e.Message.Contains(messagePart, StringComparison.Ordinal));
        Assert.False(request.IsValid());
    }

    public static void AssertValid(CreateStarRocksInstanceRequest request)
    {
        Assert.Empty(request.Validate().Select(e => e.ToString()));
        Assert.True(request.IsValid());
    }
}
