using System.Linq;
using Microsoft.CodeAnalysis;
using OpenApiSdk.Tests.Harness;
using Xunit;
using static OpenApiSdk.DiagnosticsTests.DiagnosticAssert;

namespace OpenApiSdk.DiagnosticsTests;

/// <summary>
/// OpenAPI 3.2.0 documents: read without OAS002, and what the 3.2 text forbids (an additionalOperations entry for a
/// fixed-field method, in: querystring without content, twice, or beside in: query, a defaultMapping that names no
/// schema) reported where it is written. Positions are 1-based, as an editor shows them.
/// </summary>
public sealed class Oas32DiagnosticTests
{
    /// <summary>A 3.2 document whose <paramref name="paths"/> (indented by 2) start on line 6.</summary>
    private static string Paths(string paths) =>
        "openapi: 3.2.0\n" +
        "info:\n" +
        "  title: T\n" +
        "  version: '1'\n" +
        "paths:\n" + paths;

    [Fact]
    public void A_3_2_document_is_read_and_compiles_without_diagnostics()
    {
        GeneratorRun run = Run(Paths(
            "  /a:\n" +
            "    query:\n" +
            "      requestBody: {content: {application/json: {schema: {type: object}}}}\n" +
            "      responses: {'200': {description: ok}}\n"));

        Assert.Empty(run.GeneratorDiagnostics);
        CompilesCleanly(run);
        Assert.Contains("QueryAAsync", run.OutputCompilation.GetTypeByMetadataName("Test.Sdk.ITClient")!.GetMembers().Select(m => m.Name));
    }

    [Fact]
    public void OAS002_names_the_supported_versions()
    {
        Diagnostic d = Single(Run("openapi: 3.3.0\ninfo: {title: T, version: '1'}\npaths: {}\n"), "OAS002", DiagnosticSeverity.Error, 1, 10);
        Assert.Equal("The 'openapi' version '3.3.0' is not supported; use 3.0.x, 3.1.x or 3.2.x", Message(d));
    }

    [Theory]
    [InlineData("POST", "is a method the path item's 'post' field defines")]
    [InlineData("query", "is a method the path item's 'query' field defines")]
    [InlineData("'BAD METHOD'", "is not an HTTP method name")]
    public void OAS014_an_additional_operation_that_is_no_method_of_its_own_is_left_out(string key, string says)
    {
        GeneratorRun run = Run(Paths(
            "  /a:\n" +
            "    get:\n" +
            "      responses: {'200': {description: ok}}\n" +
            "    additionalOperations:\n" +
            "      " + key + ":\n" +                       // 10, key at col 7
            "        responses: {'200': {description: ok}}\n"));

        Diagnostic d = Single(run, "OAS014", DiagnosticSeverity.Warning, 10, 7);
        Assert.Contains(says, Message(d), System.StringComparison.Ordinal);
        CompilesCleanly(run);
        Assert.Equal(new[] { "GetAAsync", "GetAWithResponseAsync" }, run.OutputCompilation.GetTypeByMetadataName("Test.Sdk.ITClient")!.GetMembers().Select(m => m.Name).OrderBy(n => n, System.StringComparer.Ordinal));
    }

    [Fact]
    public void OAS014_a_querystring_parameter_without_content_is_left_out()
    {
        GeneratorRun run = Run(Paths(
            "  /a:\n" +
            "    get:\n" +
            "      parameters:\n" +
            "        - in: querystring\n" +
            "          name: q\n" +
            "          schema: {type: string}\n" +       // 11, value at col 19
            "      responses: {'200': {description: ok}}\n"));

        Diagnostic d = Single(run, "OAS014", DiagnosticSeverity.Warning, 11, 19);
        Assert.Equal("The querystring parameter 'q' of GetA has no 'content'; OpenAPI 3.2 describes the whole query string by a media type and its schema ('content'), so the parameter is left out", Message(d));
        CompilesCleanly(run);
    }

    [Fact]
    public void OAS014_a_JSON_querystring_beside_an_apiKey_in_the_query_is_left_out_and_the_key_sent()
    {
        GeneratorRun run = Run(
            "openapi: 3.2.0\n" +
            "info: {title: T, version: '1'}\n" +
            "components:\n" +
            "  securitySchemes:\n" +
            "    key: {type: apiKey, in: query, name: api_key}\n" +
            "security: [{key: []}]\n" +
            "paths:\n" +
            "  /a:\n" +
            "    get:\n" +
            "      parameters:\n" +
            "        - in: querystring\n" +            // 11, value at col 15
            "          name: q\n" +
            "          content: {application/json: {schema: {type: object}}}\n" +
            "      responses: {'200': {description: ok}}\n" +
            "  /b:\n" +
            "    get:\n" +
            "      parameters:\n" +
            "        - in: querystring\n" +            // a form takes the key as one more field: kept
            "          name: f\n" +
            "          content: {application/x-www-form-urlencoded: {schema: {type: object}}}\n" +
            "      responses: {'200': {description: ok}}\n");

        Diagnostic d = Single(run, "OAS014", DiagnosticSeverity.Warning, 11, 15);
        Assert.Equal("GetA has the querystring parameter 'q' in application/json and the security scheme 'key', an apiKey in the query; the key cannot be added to a query string that is one JSON value without changing it, so the parameter is left out and the key is sent (only a form query string takes both)", Message(d));
        CompilesCleanly(run);
        var members = run.OutputCompilation.GetTypeByMetadataName("Test.Sdk.ITClient")!.GetMembers().OfType<Microsoft.CodeAnalysis.IMethodSymbol>().ToList();
        Assert.DoesNotContain(members.Single(m => m.Name == "GetAAsync").Parameters, p => p.Name == "q");
        Assert.Contains(members.Single(m => m.Name == "GetBAsync").Parameters, p => p.Name == "f");
    }

    [Fact]
    public void OAS015_style_beside_a_querystring_parameter_is_ignored()
    {
        GeneratorRun run = Run(Paths(
            "  /a:\n" +
            "    get:\n" +
            "      parameters:\n" +
            "        - in: querystring\n" +
            "          style: form\n" +                  // 10, value at col 18
            "          content: {application/json: {schema: {type: object}}}\n" +
            "      responses: {'200': {description: ok}}\n"));

        Diagnostic d = Single(run, "OAS015", DiagnosticSeverity.Info, 10, 18);
        Assert.Contains("has 'style', which OpenAPI 3.2 forbids beside in: querystring", Message(d), System.StringComparison.Ordinal);
        CompilesCleanly(run);
    }

    [Fact]
    public void OAS014_a_second_querystring_parameter_is_left_out()
    {
        GeneratorRun run = Run(Paths(
            "  /a:\n" +
            "    get:\n" +
            "      parameters:\n" +
            "        - {in: querystring, name: a, content: {application/json: {schema: {type: object}}}}\n" +
            "        - {in: querystring, name: b, content: {text/plain: {schema: {type: string}}}}\n" + // 10, 'querystring' at col 16
            "      responses: {'200': {description: ok}}\n"));

        Diagnostic d = Single(run, "OAS014", DiagnosticSeverity.Warning, 10, 16);
        Assert.Equal("GetA has a second querystring parameter ('b'); OpenAPI 3.2 allows one, since it is the whole query string, so this one is left out", Message(d));
        CompilesCleanly(run);
    }

    [Fact]
    public void OAS014_a_querystring_parameter_beside_query_parameters_of_the_path_item_is_left_out()
    {
        GeneratorRun run = Run(Paths(
            "  /a:\n" +
            "    parameters:\n" +
            "      - {in: query, name: page, schema: {type: integer}}\n" +
            "    get:\n" +
            "      parameters:\n" +
            "        - {in: querystring, name: q, content: {application/json: {schema: {type: object}}}}\n" + // 11, col 16
            "      responses: {'200': {description: ok}}\n"));

        Diagnostic d = Single(run, "OAS014", DiagnosticSeverity.Warning, 11, 16);
        Assert.Equal("GetA has the querystring parameter 'q' and the query parameters 'page', which OpenAPI 3.2 forbids together (the querystring parameter is the whole query string); it is left out and the query parameters are sent", Message(d));
        CompilesCleanly(run);
    }

    [Fact]
    public void OAS010_a_form_querystring_whose_schema_is_not_an_object_is_not_sent()
    {
        GeneratorRun run = Run(Paths(
            "  /a:\n" +
            "    get:\n" +
            "      parameters:\n" +
            "        - in: querystring\n" +
            "          content:\n" +
            "            application/x-www-form-urlencoded:\n" +
            "              schema: {type: string}\n" +   // 12, value at col 23
            "      responses: {'200': {description: ok}}\n"));

        Diagnostic d = Single(run, "OAS010", DiagnosticSeverity.Warning, 12, 23);
        Assert.Contains("A querystring parameter of type 'application/x-www-form-urlencoded' whose schema is not an object", Message(d), System.StringComparison.Ordinal);
        CompilesCleanly(run);
    }

    [Fact]
    public void OAS014_a_defaultMapping_that_names_no_schema_of_the_hierarchy_or_union_is_ignored()
    {
        string yaml = Spec(
            "    Pet:\n" +                                                   // 8
            "      type: object\n" +
            "      properties: {petType: {type: string}}\n" +
            "      discriminator:\n" +
            "        propertyName: petType\n" +
            "        defaultMapping: Nothing\n" +                            // 13, value at col 25
            "    Cat:\n" +
            "      allOf: [{$ref: '#/components/schemas/Pet'}]\n" +
            "    Shape:\n" +
            "      oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Pet'}]\n" +
            "      discriminator:\n" +
            "        propertyName: petType\n" +
            "        defaultMapping: '#/components/schemas/Other'\n",       // 20, value at col 25
            version: "3.2.0");
        GeneratorRun run = Run(yaml);

        Diagnostic[] found = run.GeneratorDiagnostics.Where(x => x.Id == "OAS014").OrderBy(x => x.Location.GetLineSpan().StartLinePosition.Line).ToArray();
        Assert.Equal(2, found.Length);
        At(found[0], DiagnosticSeverity.Warning, 13, 25);
        Assert.StartsWith("The defaultMapping 'Nothing' of #/components/schemas/Pet names no schema of its hierarchy", Message(found[0]), System.StringComparison.Ordinal);
        At(found[1], DiagnosticSeverity.Warning, 20, 25);
        Assert.StartsWith("The defaultMapping '#/components/schemas/Other' of #/components/schemas/Shape names none of its alternatives", Message(found[1]), System.StringComparison.Ordinal);
        CompilesCleanly(run);
    }

    [Fact]
    public void A_ref_through_the_documents_self_uri_is_local_and_one_to_another_document_is_OAS004()
    {
        string yaml =
            "openapi: 3.2.0\n" +
            "$self: https://example.com/api/openapi\n" +
            "info: {title: T, version: '1'}\n" +
            "paths: {}\n" +
            "components:\n" +
            "  schemas:\n" +
            "    Pet:\n" +
            "      type: object\n" +
            "      properties:\n" +
            "        owner: {$ref: 'https://example.com/api/openapi#/components/schemas/Owner'}\n" +
            "        friend: {$ref: 'openapi#/components/schemas/Pet'}\n" + // relative: resolved against $self
            "        shared: {$ref: 'shared#/components/schemas/Owner'}\n" + // 12: https://example.com/api/shared, another document; value at col 24
            "    Owner: {type: object, properties: {name: {type: string}}}\n";
        GeneratorRun run = Run(yaml);

        Diagnostic d = Single(run, "OAS004", DiagnosticSeverity.Warning, 12, 24);
        Assert.Contains("shared#/components/schemas/Owner", Message(d), System.StringComparison.Ordinal);
        Assert.Single(run.GeneratorDiagnostics);
        string pet = run.Source("api.Pet.g.cs");
        Assert.Matches(@"public Owner\? Owner\b", pet);
        Assert.Matches(@"public Pet\? Friend\b", pet);
        CompilesCleanly(run);
    }
}
