using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using OpenApiSdk.Tests.Harness;
using Xunit;

namespace OpenApiSdk.Tests;

/// <summary>
/// Swagger 2.0 documents are read directly, as the OpenAPI 3.0 document their conversion is (the 3.0 text's upgrading
/// notes, swagger2openapi): <c>Specs/swagger2.yaml</c> holds one of each construct (its generated files are also a
/// snapshot); the small documents here pin the rest. What reaches the wire is pinned by the client tests'
/// <c>Swagger2WireTests</c>.
/// </summary>
public class Swagger2Tests
{
    private static string Message(Diagnostic d) => d.GetMessage(CultureInfo.InvariantCulture);

    private static GeneratorRun Run(string yaml, string path = "/specs/api.yaml") => GeneratorHarness.Run(yaml, path);

    private static string All(GeneratorRun run) => string.Join("\n", run.Sources.Select(s => s.SourceText.ToString()));

    /// <summary>The 1-based line and column of the <paramref name="occurrence"/>th <paramref name="marker"/> in <paramref name="document"/>.</summary>
    private static (int Line, int Column) At(string document, string marker, int occurrence = 0)
    {
        int index = -1;
        for (int i = 0; i <= occurrence; i++)
        {
            index = document.IndexOf(marker, index + 1, StringComparison.Ordinal);
        }

        int lineStart = document.LastIndexOf('\n', Math.Max(index - 1, 0)) + 1;
        return (document.Take(index).Count(c => c == '\n') + 1, index - lineStart + 1);
    }

    private static (int Line, int Column) Position(Diagnostic d)
    {
        var start = d.Location.GetLineSpan().StartLinePosition;
        return (start.Line + 1, start.Character + 1);
    }

    private const string Minimal = """
        swagger: "2.0"
        info: {title: Mini, version: "1"}
        """;

    [Theory]
    [InlineData("host: api.example\nbasePath: /v2/\nschemes: [http, https]", "https://api.example/v2")] // several schemes: https
    [InlineData("host: api.example\nschemes: [http]", "http://api.example")]
    [InlineData("host: api.example:8080\nbasePath: /base", "https://api.example:8080/base")] // no schemes: https (2.0: the document's own, unknown at build time)
    public void Host_base_path_and_schemes_are_the_server_url(string fields, string url)
    {
        GeneratorRun run = Run(Minimal + "\n" + fields + "\npaths:\n  /ping:\n    get:\n      operationId: ping\n      responses:\n        '204': {description: ok}\n");
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains("string url = \"" + url + "\";", All(run), StringComparison.Ordinal);
        Assert.Empty(run.CompileProblems);
    }

    [Fact]
    public void An_operations_own_schemes_override_the_documents_as_its_server()
    {
        GeneratorRun run = Run(Minimal + """

            host: api.example
            basePath: /v1
            schemes: [https]
            paths:
              /legacy:
                get:
                  operationId: legacy
                  schemes: [http]
                  responses:
                    '204': {description: ok}
              /same:
                get:
                  operationId: same
                  schemes: [https]
                  responses:
                    '204': {description: ok}
            """);
        Assert.Empty(run.GeneratorDiagnostics);
        string client = All(run);
        Assert.Contains("new global::OpenApiSdk.Runtime.ClientRequest(\"legacy\", global::System.Net.Http.HttpMethod.Get, \"/legacy\", (this.Options.UseOperationServers ? \"http://api.example/v1\" :", client, StringComparison.Ordinal);
        Assert.Contains("new global::OpenApiSdk.Runtime.ClientRequest(\"same\", global::System.Net.Http.HttpMethod.Get, \"/same\", this.__BaseUrl(),", client, StringComparison.Ordinal); // the document's own scheme: no override
        Assert.Empty(run.CompileProblems);
    }

    [Fact]
    public void X_ms_parameterized_host_is_the_server_url_its_parameters_the_options_with_their_defaults()
    {
        string document = Minimal + """

            host: ignored.example
            schemes: [http, https]
            x-ms-parameterized-host:
              hostTemplate: "{accountName}.{suffix}"
              parameters:
                - $ref: '#/parameters/AccountName'
                - name: suffix
                  in: path
                  required: true
                  type: string
                  enum: [blob.example, blob.test]
            parameters:
              AccountName:
                name: accountName
                in: path
                required: true
                type: string
                x-ms-parameter-location: client
            paths:
              /ping:
                get:
                  operationId: ping
                  responses:
                    '204': {description: ok}
            """;
        GeneratorRun run = Run(document);
        string client = All(run);
        // useSchemePrefix defaults to true: the preferred scheme, then the template with the variables.
        Assert.Contains("string url = \"https://\" + _options.AccountName + \".\" + _options.Suffix;", client, StringComparison.Ordinal);
        Assert.Contains("public string AccountName { get; set; } = \"\";", client, StringComparison.Ordinal); // no default: the user sets it
        Assert.Contains("public string Suffix { get; set; } = \"blob.example\";", client, StringComparison.Ordinal); // the first enum value
        // The explicit parameter, an argument of each method for AutoRest, is an option here: said where it is.
        Diagnostic info = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("OAS015", info.Id);
        Assert.Equal(At(document, "suffix\n"), Position(info));
        Assert.Empty(run.CompileProblems);
    }

    [Fact]
    public void X_ms_requestBody_name_names_the_body_parameter_a_malformed_one_is_reported()
    {
        string document = Minimal + """

            paths:
              /items:
                post:
                  operationId: add
                  x-ms-requestBody-name: newItem
                  parameters:
                    - {name: payload, in: body, schema: {type: object, properties: {a: {type: string}}}}
                  responses:
                    '204': {description: ok}
                put:
                  operationId: replace
                  x-ms-requestBody-name: [wrong]
                  parameters:
                    - {name: payload, in: body, schema: {type: object, properties: {a: {type: string}}}}
                  responses:
                    '204': {description: ok}
            """;
        GeneratorRun run = Run(document);
        string client = All(run);
        Assert.Contains("AddAsync(global::Test.Sdk.AddRequest? newItem = null,", client, StringComparison.Ordinal);
        Assert.Contains("ReplaceAsync(global::Test.Sdk.ReplaceRequest? body = null,", client, StringComparison.Ordinal);
        Diagnostic info = Assert.Single(run.GeneratorDiagnostics);
        Assert.Contains("'x-ms-requestBody-name' must be a non-empty string", Message(info), StringComparison.Ordinal);
        Assert.Equal(At(document, "[wrong]"), Position(info));
        Assert.Empty(run.CompileProblems);
    }

    [Fact]
    public void Nodes_a_YAML_alias_shares_convert_once_and_each_operation_keeps_its_body()
    {
        // The conversion edits the 2.0 tree in place: a shared parameter list is copied per operation (each takes its
        // body out of it), a shared parameter converts once, a schema that is an alias of itself ends.
        GeneratorRun run = Run(Minimal + """

            paths:
              /a:
                post:
                  operationId: addA
                  parameters: &common
                    - {name: tags, in: query, type: array, items: {type: string}}
                    - {name: payload, in: body, required: true, schema: {$ref: '#/definitions/Item'}}
                  responses: &done
                    '204': {description: ok}
              /b:
                post:
                  operationId: addB
                  parameters: *common
                  responses: *done
            definitions:
              Item: &item
                type: object
                properties:
                  next: *item
            """);
        string client = All(run);
        string a = client.Split('\n').First(l => l.Contains("Task AddAAsync(", StringComparison.Ordinal));
        string b = client.Split('\n').First(l => l.Contains("Task AddBAsync(", StringComparison.Ordinal));
        Assert.Contains("global::Test.Sdk.Item body", a, StringComparison.Ordinal);
        Assert.Contains("<string>? tags", a, StringComparison.Ordinal);
        Assert.Equal(a.Replace("AddA", "AddB"), b);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity != DiagnosticSeverity.Info);
        Assert.Empty(run.CompileProblems);
    }

    [Fact]
    public void Definitions_parameters_and_responses_at_the_root_are_components_their_refs_follow()
    {
        GeneratorRun run = Run(Minimal + """

            parameters:
              size: {name: size, in: query, type: integer, format: int32, maximum: 10}
              item: {name: item, in: body, required: true, schema: {$ref: '#/definitions/Item'}}
            responses:
              Missing: {description: gone, schema: {$ref: '#/definitions/Problem'}}
            paths:
              /items:
                post:
                  operationId: addItem
                  parameters: [{$ref: '#/parameters/size'}, {$ref: '#/parameters/item'}]
                  responses:
                    '200': {description: ok, schema: {$ref: '#/definitions/Item'}}
                    '404': {$ref: '#/responses/Missing'}
            definitions:
              Item: {type: object, properties: {name: {type: string}}}
              Problem: {type: object, properties: {detail: {type: string}}}
            """);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileProblems);
        string code = All(run);
        Assert.Contains("Task<global::Test.Sdk.Item> AddItemAsync(global::Test.Sdk.Item body, int? size = null,", code, StringComparison.Ordinal);
        Assert.Contains("if (size.GetValueOrDefault() > 10)", code, StringComparison.Ordinal); // the parameter's maximum, now its schema's
        Assert.NotNull(run.OutputCompilation.GetTypeByMetadataName("Test.Sdk.Problem")); // the 404's body type
    }

    [Fact]
    public void A_problem_is_reported_at_the_line_and_column_of_the_2_0_file()
    {
        string document = Minimal + """

            paths:
              /items:
                get:
                  operationId: items
                  responses:
                    '200': {description: ok, schema: {$ref: '#/definitions/Nowhere'}}
            definitions:
              Item:
                type: object
                properties:
                  code: {type: string, pattern: '(unclosed'}
            """;
        GeneratorRun run = Run(document);
        Diagnostic missing = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "OAS003");
        Assert.Equal(At(document, "'#/definitions/Nowhere'"), Position(missing));
        Assert.Contains("'#/components/schemas/Nowhere'", Message(missing), StringComparison.Ordinal); // the reference as the 3.0 reading has it
        Diagnostic pattern = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "OAS006");
        Assert.Equal(At(document, "'(unclosed'"), Position(pattern));
    }

    [Fact]
    public void A_reference_is_read_as_written_and_a_broken_one_is_named_as_written_and_where_it_was_looked_for()
    {
        // The conversion rewrites no reference: '#/definitions/X' is read in place, the root's definitions being the component schemas.
        string document = Minimal + """

            paths:
              /items:
                get:
                  operationId: items
                  parameters: [{$ref: '#/parameters/Nowhere'}]
                  responses:
                    '200': {description: ok, schema: {$ref: '#/definitions/Nowhere'}}
            definitions:
              Item: {type: object}
            parameters:
              size: {name: size, in: query, type: integer}
            """;
        GeneratorRun run = Run(document);
        List<Diagnostic> missing = run.GeneratorDiagnostics.Where(d => d.Id == "OAS003").OrderBy(d => Position(d)).ToList();
        Assert.Equal(2, missing.Count);
        Assert.Equal(At(document, "'#/parameters/Nowhere'"), Position(missing[0]));
        Assert.Contains("The $ref '#/parameters/Nowhere' read as '#/components/parameters/Nowhere' points at nothing", Message(missing[0]), StringComparison.Ordinal);
        Assert.Equal(At(document, "'#/definitions/Nowhere'"), Position(missing[1]));
        Assert.Contains("The $ref '#/definitions/Nowhere' read as '#/components/schemas/Nowhere' points at nothing", Message(missing[1]), StringComparison.Ordinal);
    }

    [Fact]
    public void A_filter_keeps_the_definitions_an_operation_reaches_through_2_0_references_and_their_subtypes()
    {
        // The filter reads '#/definitions/' as the component schemas it is in the converted root: what listPets reaches
        // (Pet, through it Owner, and Cat, a subtype of the discriminated Pet) is kept, Order is not.
        string document = Minimal + """

            paths:
              /pets:
                get:
                  tags: [pets]
                  operationId: listPets
                  responses:
                    '200': {description: ok, schema: {type: array, items: {$ref: '#/definitions/Pet'}}}
              /orders:
                get:
                  tags: [orders]
                  operationId: listOrders
                  responses:
                    '200': {description: ok, schema: {$ref: '#/definitions/Order'}}
            definitions:
              Pet:
                type: object
                discriminator: petType
                required: [petType]
                properties:
                  petType: {type: string}
                  owner: {$ref: '#/definitions/Owner'}
              Cat:
                allOf:
                  - {$ref: '#/definitions/Pet'}
                  - {type: object, properties: {lives: {type: integer}}}
              Owner: {type: object, properties: {name: {type: string}}}
              Order: {type: object, properties: {id: {type: integer}}}
            """;
        GeneratorRun run = GeneratorHarness.Run(new[] { new SpecFile("/specs/api.yaml", document) { Metadata = new Dictionary<string, string> { ["IncludeTags"] = "pets" } } });
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.NotNull(run.OutputCompilation.GetTypeByMetadataName("Test.Sdk.Pet"));
        Assert.NotNull(run.OutputCompilation.GetTypeByMetadataName("Test.Sdk.Owner"));
        Assert.Equal("Pet", run.OutputCompilation.GetTypeByMetadataName("Test.Sdk.Cat")?.BaseType?.Name);
        Assert.Null(run.OutputCompilation.GetTypeByMetadataName("Test.Sdk.Order"));
        Assert.Empty(run.CompileProblems);
    }

    [Fact]
    public void Each_reference_to_another_file_is_OAS004_and_the_rest_is_generated()
    {
        string document = Minimal + """

            paths:
              /items:
                get:
                  operationId: items
                  parameters:
                    - $ref: '../../common-types/v1/types.json#/parameters/ApiVersionParameter'
                  responses:
                    '200': {description: ok, schema: {$ref: '#/definitions/Item'}}
                    default: {description: error, schema: {$ref: '../../common-types/v1/types.json#/definitions/ErrorResponse'}}
            definitions:
              Item:
                type: object
                properties:
                  name: {type: string}
            """;
        GeneratorRun run = Run(document);
        List<Diagnostic> external = run.GeneratorDiagnostics.Where(d => d.Id == "OAS004").OrderBy(d => Position(d)).ToList();
        Assert.Equal(2, external.Count);
        Assert.Equal(At(document, "'../../common-types/v1/types.json#/parameters"), Position(external[0]));
        Assert.Contains("../../common-types/v1/types.json#/parameters/ApiVersionParameter", Message(external[0]), StringComparison.Ordinal);
        Assert.Equal(At(document, "'../../common-types/v1/types.json#/definitions"), Position(external[1]));
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.NotNull(run.OutputCompilation.GetTypeByMetadataName("Test.Sdk.Item"));
        Assert.Empty(run.CompileProblems);
    }

    [Theory]
    [InlineData("swagger: \"1.2\"\ninfo: {title: Old}\n", "Swagger 1.2")]
    [InlineData("swaggerVersion: \"1.2\"\napis: []\n", "Swagger 1.2")]
    [InlineData("#%RAML 1.0\ntitle: Raml\n", "RAML")]
    [InlineData("info: {title: None, version: '1'}\npaths: {}\n", "no 'openapi' field")]
    public void OAS002_names_only_what_is_not_supported(string document, string named)
    {
        Diagnostic error = Assert.Single(Run(document).GeneratorDiagnostics);
        Assert.Equal("OAS002", error.Id);
        Assert.Contains(named, Message(error), StringComparison.Ordinal);
    }

    [Fact]
    public void A_json_document_with_a_byte_order_mark_is_read()
    {
        string json = "\uFEFF{\"swagger\": \"2.0\", \"info\": {\"title\": \"Bom\", \"version\": \"1\"}, \"paths\": {\"/a\": {\"get\": {\"operationId\": \"a\", \"responses\": {\"200\": {\"description\": \"ok\", \"schema\": {\"$ref\": \"#/definitions/A\"}}}}}},"
            + " \"definitions\": {\"A\": {\"type\": \"object\", \"properties\": {\"b\": {\"type\": \"string\"}}}}}";
        GeneratorRun run = Run(json, "/specs/bom.json");
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.NotNull(run.OutputCompilation.GetTypeByMetadataName("Test.Sdk.A"));
    }

    [Fact]
    public void YAML_1_1_booleans_and_a_type_list_are_read_leniently_each_an_info_where_it_stands()
    {
        string document = Minimal + """

            paths:
              /items/{id}:
                get:
                  operationId: item
                  parameters:
                    - {name: id, in: path, required: yes, type: string}
                    - {name: q, in: query, required: yes, type: string}
                  responses:
                    '200': {description: ok, schema: {$ref: '#/definitions/Item'}}
            definitions:
              Item:
                type: object
                properties:
                  note: {type: [string, 'null']}
                  id: {type: string, readOnly: yes}
            """;
        GeneratorRun run = Run(document);
        Assert.All(run.GeneratorDiagnostics, d => Assert.Equal(DiagnosticSeverity.Info, d.Severity));
        var positions = run.GeneratorDiagnostics.Select(Position).OrderBy(p => p).ToList();
        Assert.Equal(new[] { At(document, "yes"), At(document, "yes", 1), At(document, "[string, 'null']"), At(document, "yes", 2) }, positions);
        Assert.Contains("ItemAsync(string id, string q,", All(run), StringComparison.Ordinal); // q required: yes
        INamedTypeSymbol item = run.OutputCompilation.GetTypeByMetadataName("Test.Sdk.Item")!;
        Assert.Equal("string?", item.GetMembers("Note").OfType<IPropertySymbol>().Single().Type.ToDisplayString());
        Assert.Empty(run.CompileProblems);
    }

    [Fact]
    public void OneOf_and_anyOf_are_not_2_0_and_are_ignored_with_an_info()
    {
        string document = Minimal + """

            paths: {}
            definitions:
              Item:
                type: object
                properties:
                  name: {type: string}
                oneOf: [{required: [name]}]
            """;
        GeneratorRun run = Run(document);
        Diagnostic info = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(("OAS015", DiagnosticSeverity.Info), (info.Id, info.Severity));
        Assert.Equal(At(document, "oneOf"), Position(info));
        Assert.DoesNotContain("OneOf", All(run), StringComparison.Ordinal);
    }

    [Fact]
    public void The_discriminator_is_a_property_name_subtypes_keep_their_names_unless_x_ms_discriminator_value_says()
    {
        GeneratorRun run = GeneratorHarness.Run(new[] { new SpecFile("/specs/swagger2.yaml", File.ReadAllText(Path.Combine(GeneratorHarness.RepositoryRoot, "tests", "Generator.Tests", "Specs", "swagger2.yaml")), "Shop.Sdk") });
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileProblems);
        Compilation compilation = run.OutputCompilation;
        INamedTypeSymbol pet = compilation.GetTypeByMetadataName("Shop.Sdk.Pet")!;
        Assert.Equal(pet, compilation.GetTypeByMetadataName("Shop.Sdk.Cat")!.BaseType, SymbolEqualityComparer.Default);
        Assert.Equal(pet, compilation.GetTypeByMetadataName("Shop.Sdk.Dog")!.BaseType, SymbolEqualityComparer.Default);
        string code = All(run);
        Assert.Contains("public Cat() => PetType = \"Cat\";", code, StringComparison.Ordinal);
        Assert.Contains("public Dog() => PetType = \"doggo\";", code, StringComparison.Ordinal);
    }

    [Fact]
    public void X_nullable_and_x_isnullable_let_a_property_hold_null_readOnly_stays()
    {
        GeneratorRun run = GeneratorHarness.Run(new[] { new SpecFile("/specs/swagger2.yaml", File.ReadAllText(Path.Combine(GeneratorHarness.RepositoryRoot, "tests", "Generator.Tests", "Specs", "swagger2.yaml")), "Shop.Sdk") });
        string pet = run.Source("Pet.g.cs");
        Assert.Contains("if (m.IsNull(ref r)) Nickname = null;", pet, StringComparison.Ordinal);
        Assert.Contains("if (m.IsNull(ref r)) Tag = null;", pet, StringComparison.Ordinal);
        Assert.DoesNotContain("if (m.IsNull(ref r)) Name = null;", pet, StringComparison.Ordinal);
    }

    [Fact]
    public void Security_definitions_are_the_clients_credentials()
    {
        GeneratorRun run = GeneratorHarness.Run(new[] { new SpecFile("/specs/swagger2.yaml", File.ReadAllText(Path.Combine(GeneratorHarness.RepositoryRoot, "tests", "Generator.Tests", "Specs", "swagger2.yaml")), "Shop.Sdk") });
        string client = All(run);
        Assert.Contains("CredentialKind.Basic, \"Authorization\"", client, StringComparison.Ordinal);
        Assert.Contains("CredentialKind.Header, \"X-Api-Key\"", client, StringComparison.Ordinal);
        Assert.Contains("CredentialKind.Query, \"api_key\"", client, StringComparison.Ordinal);
        Assert.Contains("CredentialKind.Bearer, \"Authorization\"", client, StringComparison.Ordinal); // oauth2 implicit: a bearer token
    }

    [Fact]
    public void A_file_response_is_bytes_with_the_produces_type_accepted()
    {
        GeneratorRun run = GeneratorHarness.Run(new[] { new SpecFile("/specs/swagger2.yaml", File.ReadAllText(Path.Combine(GeneratorHarness.RepositoryRoot, "tests", "Generator.Tests", "Specs", "swagger2.yaml")), "Shop.Sdk") });
        Assert.Contains("Task<byte[]> GetPhotoAsync(long id,", All(run), StringComparison.Ordinal);
    }

    [Fact]
    public void X_ms_pageable_on_a_2_0_operation_reaches_the_operation()
    {
        string document = Minimal + """

            paths:
              /items:
                get:
                  operationId: Items_List
                  x-ms-pageable: {nextLinkName: nextLink}
                  responses:
                    '200': {description: ok, schema: {$ref: '#/definitions/ItemList'}}
            definitions:
              ItemList:
                type: object
                properties:
                  value: {type: array, items: {type: string}}
                  nextLink: {type: string}
            """;
        GeneratorRun run = Run(document);
        Diagnostic paged = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("OAS020", paged.Id);
        Assert.Equal(At(document, "{nextLinkName: nextLink}"), Position(paged));
        Assert.Contains("ItemsListItemsAsync", All(run), StringComparison.Ordinal);
    }

    [Fact]
    public void The_operation_filter_applies_to_a_2_0_document_keeping_the_definitions_reached()
    {
        var spec = new SpecFile("/specs/swagger2.yaml", File.ReadAllText(Path.Combine(GeneratorHarness.RepositoryRoot, "tests", "Generator.Tests", "Specs", "swagger2.yaml")), "Shop.Sdk")
        {
            Metadata = new Dictionary<string, string> { ["IncludePaths"] = "/pets/{ids}" },
        };
        GeneratorRun run = GeneratorHarness.Run(new[] { spec });
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileProblems);
        string code = All(run);
        Assert.Contains("GetPetsAsync(", code, StringComparison.Ordinal);
        Assert.DoesNotContain("ListPetsAsync(", code, StringComparison.Ordinal);
        Assert.NotNull(run.OutputCompilation.GetTypeByMetadataName("Shop.Sdk.Error")); // the 404's #/responses/NotFound
        Assert.NotNull(run.OutputCompilation.GetTypeByMetadataName("Shop.Sdk.Dog")); // a subtype of Pet, which the 200 returns
        Assert.Null(run.OutputCompilation.GetTypeByMetadataName("Shop.Sdk.AddNotesRequest"));
    }
}
