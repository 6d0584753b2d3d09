using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using OpenApiSdk.Tests.Harness;
using Xunit;

namespace OpenApiSdk.ClientTests;

/// <summary>The client the generator emits, driven in-process: compile checks, grouping, diagnostics, parameter styles.</summary>
public sealed class ClientGenerationTests
{
    /// <summary>A small spec with several tags, query/header arrays in each style, and an undocumented error body.</summary>
    private const string PetStore = """
        openapi: 3.0.3
        info:
          title: Pet Store
          version: 1.0.0
        servers:
          - url: https://{region}.pets.example/api
            variables:
              region:
                default: eu
                enum: [eu, us]
        security:
          - bearer: []
        tags:
          - name: pets
          - name: stores
        paths:
          /pets:
            get:
              operationId: listPets
              tags: [pets]
              parameters:
                - name: tags
                  in: query
                  schema: { type: array, items: { type: string } }
                - name: ids
                  in: query
                  explode: false
                  schema: { type: array, items: { type: integer, format: int32 } }
                - name: kinds
                  in: query
                  style: pipeDelimited
                  explode: false
                  schema: { type: array, items: { type: string } }
                - name: limit
                  in: query
                  schema: { type: integer, format: int32, minimum: 1, maximum: 100 }
                - name: X-Trace
                  in: header
                  schema: { type: array, items: { type: string } }
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        type: array
                        items: { $ref: '#/components/schemas/Pet' }
                default:
                  description: error
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/Problem' }
            post:
              operationId: createPet
              tags: [pets]
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { $ref: '#/components/schemas/Pet' }
              responses:
                '204':
                  description: created
          /pets/{petId}:
            delete:
              tags: [pets]
              parameters:
                - name: petId
                  in: path
                  required: true
                  schema: { type: integer, format: int64 }
              responses:
                '204': { description: deleted }
          /pets/search:
            get:
              operationId: searchPets
              tags: [pets]
              parameters:
                - name: filter
                  in: query
                  style: deepObject
                  explode: true
                  schema: { $ref: '#/components/schemas/Filter' }
                - name: page
                  in: query
                  schema:
                    type: object
                    properties:
                      offset: { type: integer, format: int32 }
                      size: { type: integer, format: int32, maximum: 50 }
                - name: expand
                  in: query
                  style: deepObject
                  explode: true
                  schema: { type: array, items: { type: string } }
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        type: array
                        items: { $ref: '#/components/schemas/Pet' }
          /pets/{petId}/photo:
            put:
              operationId: uploadPhoto
              tags: [pets]
              parameters:
                - name: petId
                  in: path
                  required: true
                  schema: { type: integer, format: int64 }
              requestBody:
                required: true
                content:
                  image/png:
                    schema: { type: string, format: binary }
              responses:
                '200':
                  description: the stored photo
                  content:
                    application/octet-stream:
                      schema: { type: string, format: binary }
          /login:
            post:
              operationId: login
              tags: [stores]
              requestBody:
                required: true
                content:
                  application/x-www-form-urlencoded:
                    schema: { $ref: '#/components/schemas/Login' }
              responses:
                '204': { description: logged in }
          /stores/{id}/inventory:
            get:
              operationId: getInventory
              tags: [stores]
              parameters:
                - name: id
                  in: path
                  required: true
                  schema: { type: string, pattern: '^[a-z]+$' }
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        type: object
                        additionalProperties: { type: integer, format: int32 }
        components:
          securitySchemes:
            bearer:
              type: http
              scheme: bearer
          schemas:
            Pet:
              type: object
              required: [name]
              properties:
                id: { type: integer, format: int64 }
                name: { type: string, minLength: 1 }
            Filter:
              type: object
              properties:
                kind: { type: string }
                age:
                  type: object
                  properties:
                    min: { type: integer, format: int32 }
                    max: { type: integer, format: int32 }
            Login:
              type: object
              required: [user]
              properties:
                user: { type: string }
                scopes: { type: array, items: { type: string } }
                remember: { type: boolean }
            Problem:
              type: object
              properties:
                code: { type: string }
                message: { type: string }
        """;

    [Theory]
    [InlineData(TargetFramework.Net100)]
    [InlineData(TargetFramework.Net80)]
    public void The_seed_client_compiles_without_warnings(TargetFramework framework)
    {
        var spec = new SpecFile(GeneratorHarness.SeedSpecPath, File.ReadAllText(GeneratorHarness.SeedSpecPath), "TaurusDb.StarRocks", "StarRocksClient");
        GeneratorRun run = GeneratorHarness.Run(new[] { spec }, framework);

        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Empty(run.CompileProblems);
        Assert.Contains(run.Sources, s => s.HintName.EndsWith(".StarRocksClient.g.cs", StringComparison.Ordinal));
        Assert.Contains(run.Sources, s => s.HintName.EndsWith(".StarRocksClient.Operations.g.cs", StringComparison.Ordinal));
        INamedTypeSymbol client = run.OutputCompilation.GetTypeByMetadataName("TaurusDb.StarRocks.IStarRocksClient")!;
        IMethodSymbol create = Assert.Single(client.GetMembers("CreateStarRocksInstanceAsync").OfType<IMethodSymbol>());
        Assert.Equal(
            new[] { "projectId", "instanceId", "body", "xLanguage", "requestOptions", "cancellationToken" },
            create.Parameters.Select(p => p.Name).ToArray());
        Assert.Equal("OpenApiSdk.RequestOptions?", create.Parameters[^2].Type.ToDisplayString());
        Assert.Equal("CancellationToken", create.Parameters[^1].Type.Name);
        Assert.Equal("CreateStarRocksInstanceResponse", ((INamedTypeSymbol)create.ReturnType).TypeArguments.Single().Name);

        // The same call returning the status, headers and request id with the body.
        IMethodSymbol raw = Assert.Single(client.GetMembers("CreateStarRocksInstanceWithResponseAsync").OfType<IMethodSymbol>());
        Assert.Equal(create.Parameters.Select(p => p.ToDisplayString()), raw.Parameters.Select(p => p.ToDisplayString()));
        Assert.Equal("OpenApiSdk.ApiResponse<TaurusDb.StarRocks.CreateStarRocksInstanceResponse>", ((INamedTypeSymbol)raw.ReturnType).TypeArguments.Single().ToDisplayString());

        // Without Microsoft.Extensions.Http in the compilation nothing that needs it is emitted.
        Assert.DoesNotContain(run.Sources, s => s.SourceText.ToString().Contains("Microsoft.Extensions.DependencyInjection", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(TargetFramework.Net100)]
    [InlineData(TargetFramework.Net80)]
    public void A_spec_with_several_tags_gets_one_operations_class_per_tag_and_compiles_without_warnings(TargetFramework framework)
    {
        GeneratorRun run = GeneratorHarness.Run(new[] { new SpecFile("/specs/petstore.yaml", PetStore, "Pets.Sdk", "PetClient") }, framework);

        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Empty(run.CompileProblems);
        Assert.Contains(run.Sources, s => s.HintName == "petstore.PetClient.PetsOperations.g.cs");
        Assert.Contains(run.Sources, s => s.HintName == "petstore.PetClient.StoresOperations.g.cs");

        INamedTypeSymbol pets = run.OutputCompilation.GetTypeByMetadataName("Pets.Sdk.PetClient+PetsOperations")!;
        Assert.NotNull(pets.GetMembers("ListPetsAsync").SingleOrDefault());
        Assert.NotNull(pets.GetMembers("CreatePetAsync").SingleOrDefault());
        Assert.NotNull(pets.GetMembers("DeletePetsByPetIdAsync").SingleOrDefault()); // no operationId: method + path
        Assert.NotNull(run.OutputCompilation.GetTypeByMetadataName("Pets.Sdk.PetClient+StoresOperations")!.GetMembers("GetInventoryAsync").SingleOrDefault());
        INamedTypeSymbol contract = run.OutputCompilation.GetTypeByMetadataName("Pets.Sdk.IPetClient")!;
        Assert.NotNull(contract.GetMembers("Pets").SingleOrDefault());
        Assert.NotNull(contract.GetMembers("Stores").SingleOrDefault());
    }

    [Fact]
    public void Where_the_project_has_IHttpClientFactory_a_registration_extension_is_emitted_and_compiles()
    {
        const string stubs = """
            namespace Microsoft.Extensions.DependencyInjection
            {
                public interface IServiceCollection { }
                public interface IHttpClientBuilder { }
                public static class HttpClientFactoryServiceCollectionExtensions
                {
                    public static IHttpClientBuilder AddHttpClient<TClient, TImplementation>(this IServiceCollection services, System.Func<System.Net.Http.HttpClient, System.IServiceProvider, TImplementation> factory)
                        where TClient : class
                        where TImplementation : class, TClient
                        => throw new System.NotImplementedException();
                }
            }
            """;
        GeneratorRun run = GeneratorHarness.Run(new[] { new SpecFile("/specs/petstore.yaml", PetStore, "Pets.Sdk", "PetClient") }, extraSources: new[] { stubs });

        Assert.Empty(run.CompileProblems);
        Assert.NotNull(run.OutputCompilation.GetTypeByMetadataName("Pets.Sdk.PetClientServiceCollectionExtensions")!.GetMembers("AddPetClient").SingleOrDefault());
    }

    [Theory]
    [InlineData(TargetFramework.Net100)]
    [InlineData(TargetFramework.Net80)]
    public void Where_the_project_has_Microsoft_Extensions_Logging_the_options_take_an_ILogger_and_it_compiles(TargetFramework framework)
    {
        // The members the generated bridge uses, as Microsoft.Extensions.Logging.Abstractions declares them.
        const string stubs = """
            namespace Microsoft.Extensions.Logging
            {
                public enum LogLevel { Trace, Debug, Information, Warning, Error, Critical, None }
                public readonly struct EventId { public EventId(int id, string? name = null) { } }
                public interface ILogger
                {
                    void Log<TState>(LogLevel logLevel, EventId eventId, TState state, System.Exception? exception, System.Func<TState, System.Exception?, string> formatter);
                    bool IsEnabled(LogLevel logLevel);
                }
                public interface ILoggerFactory { ILogger CreateLogger(string categoryName); }
            }
            """;
        GeneratorRun run = GeneratorHarness.Run(new[] { new SpecFile("/specs/petstore.yaml", PetStore, "Pets.Sdk", "PetClient") }, framework, extraSources: new[] { stubs });

        Assert.Empty(run.CompileProblems);
        INamedTypeSymbol options = run.OutputCompilation.GetTypeByMetadataName("Pets.Sdk.PetClientOptions")!;
        Assert.Equal("Microsoft.Extensions.Logging.ILogger?", options.GetMembers("Logger").OfType<IPropertySymbol>().Single().Type.ToDisplayString());
        Assert.Contains(run.OutputCompilation.GetTypeByMetadataName("Pets.Sdk.PetClient")!.Constructors, c => c.Parameters.Length == 3);
    }

    [Fact]
    public void Two_specs_in_one_namespace_each_get_their_client_and_share_one_ApiException()
    {
        var seed = new SpecFile(GeneratorHarness.SeedSpecPath, File.ReadAllText(GeneratorHarness.SeedSpecPath), "Shared.Sdk", "StarRocksClient");
        var pets = new SpecFile("/specs/petstore.yaml", PetStore, "Shared.Sdk", "PetClient");
        GeneratorRun run = GeneratorHarness.Run(new[] { seed, pets }, TargetFramework.Net80);

        Assert.Empty(run.CompileProblems);
        Assert.NotNull(run.OutputCompilation.GetTypeByMetadataName("Shared.Sdk.StarRocksClient"));
        Assert.NotNull(run.OutputCompilation.GetTypeByMetadataName("Shared.Sdk.PetClient"));
        // The runtime library's one ApiException, not a copy per namespace.
        Assert.Null(run.OutputCompilation.GetTypeByMetadataName("Shared.Sdk.ApiException"));
        Assert.Contains("global::OpenApiSdk.ApiException", run.Source("StarRocksClient.Operations.g.cs"), StringComparison.Ordinal);
        Assert.Contains("global::OpenApiSdk.ApiException", run.Source("PetClient.PetsOperations.g.cs"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TargetFramework.Net100)]
    [InlineData(TargetFramework.Net80)]
    public void Hostile_parameter_and_operation_names_become_distinct_valid_parameters(TargetFramework framework)
    {
        const string spec = """
            openapi: 3.1.0
            info: { title: "Names \"quoted\" */ </summary>", version: '1' }
            paths:
              /things/{class}/{default}.json:
                get:
                  operationId: 'get things/by-class!'
                  summary: "ends a comment */ and a tag </summary><b>"
                  parameters:
                    - { name: class, in: path, required: true, schema: { type: string } }
                    - { name: default, in: path, required: true, schema: { type: integer, format: int32 } }
                    - { name: id, in: query, schema: { type: string } }
                    - { name: ID, in: header, schema: { type: string } }
                    - { name: body, in: query, schema: { type: boolean } }
                    - { name: cancellationToken, in: query, schema: { type: string, format: date-time } }
                    - { name: requestOptions, in: query, schema: { type: string } }
                    - { name: "new\nline", in: header, schema: { type: string, format: uuid } }
                  requestBody:
                    content:
                      application/json:
                        schema: { type: object, properties: { a: { type: string } } }
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: { type: array, items: { type: object, additionalProperties: { type: number } } }
            """;
        GeneratorRun run = GeneratorHarness.Run(new[] { new SpecFile("/specs/names.yaml", spec, "Names.Sdk", "NamesClient") }, framework);

        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Empty(run.CompileProblems);
        IMethodSymbol[] methods = run.OutputCompilation.GetTypeByMetadataName("Names.Sdk.INamesClient")!.GetMembers().OfType<IMethodSymbol>().ToArray();
        Assert.Equal(new[] { "GetThingsByClassAsync", "GetThingsByClassWithResponseAsync" }, methods.Select(m => m.Name));
        IMethodSymbol method = methods[0];
        string[] names = method.Parameters.Select(p => p.Name).ToArray();
        Assert.Equal(names.Length, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal("requestOptions", names[^2]);
        Assert.Equal("OpenApiSdk.RequestOptions?", method.Parameters[^2].Type.ToDisplayString());
        Assert.Equal("cancellationToken", names[^1]);
        Assert.Equal("CancellationToken", method.Parameters[^1].Type.Name);
    }

    [Fact]
    public void An_operation_named_like_another_ones_WithResponse_form_gets_a_numbered_name_for_both_its_forms()
    {
        const string spec = """
            openapi: 3.1.0
            info: { title: Forms, version: '1' }
            servers: [{ url: 'https://forms.example' }]
            paths:
              /a: { get: { operationId: foo, responses: { '204': { description: ok } } } }
              /b: { get: { operationId: fooWithResponse, responses: { '204': { description: ok } } } }
            """;
        GeneratorRun run = GeneratorHarness.Run(spec, clientName: "FormsClient");

        Assert.Empty(run.CompileProblems);
        string[] names = run.OutputCompilation.GetTypeByMetadataName("Test.Sdk.IFormsClient")!.GetMembers().Select(m => m.Name).ToArray();
        Assert.Equal(new[] { "FooAsync", "FooWithResponseAsync", "FooWithResponse2Async", "FooWithResponse2WithResponseAsync" }, names);
    }

    [Fact]
    public void A_duplicate_operationId_is_numbered_and_reported_at_the_second_operationId()
    {
        const string spec = """
            openapi: 3.1.0
            info: { title: Dup, version: '1' }
            paths:
              /a:
                get:
                  operationId: getThing
                  responses: { '200': { description: ok } }
              /b:
                get:
                  operationId: getThing
                  responses: { '200': { description: ok } }
            """;
        GeneratorRun run = GeneratorHarness.Run(spec);

        Diagnostic duplicate = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "OAS005");
        Assert.Equal(DiagnosticSeverity.Info, duplicate.Severity); // resolved by a rule: both operations are generated
        Assert.Equal(9, duplicate.Location.GetLineSpan().StartLinePosition.Line); // 0-based: line 10, the second operationId
        Assert.Equal("The operationId 'getThing' is already used by GET /a; operationIds must be unique, so this operation is generated as 'getThing2'", duplicate.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(run.CompileProblems);
        string operations = run.Sources.Single(s => s.HintName.EndsWith("Operations.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("GetThingAsync(", operations, StringComparison.Ordinal);
        Assert.Contains("GetThing2Async(", operations, StringComparison.Ordinal);
    }

    [Fact]
    public void Unsupported_constructs_are_warnings_that_name_them_and_the_rest_still_compiles()
    {
        const string spec = """
            openapi: 3.1.0
            info: { title: Odd, version: '1' }
            webhooks:
              newThing:
                post:
                  responses: { '200': { description: ok } }
            paths:
              /things:
                post:
                  operationId: createThing
                  parameters:
                    - name: session
                      in: cookie
                      schema: { type: string }
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema: { type: object, properties: { name: { type: string } } }
                  callbacks:
                    done:
                      '{$request.body#/url}':
                        post:
                          responses: { '200': { description: ok } }
                  responses:
                    '201':
                      description: ok
                      links:
                        self: { operationId: createThing }
              /upload:
                post:
                  operationId: upload
                  requestBody:
                    required: true
                    content:
                      multipart/mixed:
                        schema: { type: object, properties: { file: { type: string, format: binary } } }
                  responses: { '204': { description: ok } }
            """;
        GeneratorRun run = GeneratorHarness.Run(spec, clientName: "OddClient");

        string[] messages = run.GeneratorDiagnostics.Where(d => d.Id == "OAS010").Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.All(run.GeneratorDiagnostics.Where(d => d.Id == "OAS010"), d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        Assert.DoesNotContain(messages, m => m.Contains("'links'", StringComparison.Ordinal)); // a link is followed or documented (OAS021), never left out
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "OAS021" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("'self'", StringComparison.Ordinal)); // the 201 has no body to follow from
        Assert.Contains(messages, m => m.Contains("multipart/mixed", StringComparison.Ordinal) && m.Contains("upload", StringComparison.Ordinal));
        Assert.Empty(run.CompileProblems);
        INamedTypeSymbol client = run.OutputCompilation.GetTypeByMetadataName("Test.Sdk.OddClient")!;
        Assert.NotNull(client.GetMembers("CreateThingAsync").SingleOrDefault());
        Assert.Empty(client.GetMembers("UploadAsync"));

        // Webhooks, callbacks and cookies are supported (ReceiverTests, ParameterWireTests): the cookie is a parameter,
        // and a webhook or callback without a body has nothing to parse, so nothing is left out and nothing is reported.
        Assert.Single(messages); // multipart/mixed only
        IMethodSymbol create = (IMethodSymbol)client.GetMembers("CreateThingAsync").Single();
        Assert.Contains(create.Parameters, p => p.Name == "session");
    }

    [Theory]
    [InlineData(TargetFramework.Net100)]
    [InlineData(TargetFramework.Net80)]
    public void Hostile_operation_servers_are_refused_or_stay_inside_literals_and_compile_without_warnings(TargetFramework framework)
    {
        const string spec = """
            openapi: 3.0.3
            info: { title: Odd Servers, version: '1' }
            servers: [{ url: 'https://{region}.odd.example/api', variables: { region: { default: eu } } }]
            paths:
              /quote:
                get:
                  operationId: quote
                  servers: [{ url: 'https://evil.example/"); System.Environment.Exit(1); ("' }]
                  responses: { '204': { description: ok } }
              /variable:
                get:
                  operationId: variable
                  servers: [{ url: 'https://{host}/x', variables: { host: { default: 'a"b' } } }]
                  responses: { '204': { description: ok } }
              /undeclared:
                get:
                  operationId: undeclared
                  servers: [{ url: 'https://ok.example/{v}' }]
                  responses: { '204': { description: ok } }
              /separator:
                get:
                  operationId: separator
                  servers: [{ url: "https://ok.example/a\u2028b" }]
                  responses: { '204': { description: ok } }
              /network:
                get:
                  operationId: network
                  servers: [{ url: '//other.example/x' }]
                  responses: { '204': { description: ok } }
              /script:
                get:
                  operationId: script
                  servers: [{ url: 'javascript:alert(1)' }]
                  responses: { '204': { description: ok } }
              /query:
                get:
                  operationId: query
                  servers: [{ url: 'https://ok.example/x?a=b' }]
                  responses: { '204': { description: ok } }
              /fine:
                get:
                  operationId: fine
                  servers: [{ url: "https://ok.example/{a\nb}/%20/", variables: { "a\nb": { default: c } } }]
                  responses: { '204': { description: ok } }
              /under:
                get:
                  operationId: under
                  servers: [{ url: 'https://{region}.odd.example/api/v2', variables: { region: { default: eu } } }]
                  responses: { '204': { description: ok } }
            """;
        GeneratorRun run = GeneratorHarness.Run(new[] { new SpecFile("/specs/odd.yaml", spec, "Odd.Sdk", "OddClient") }, framework);

        Assert.Empty(run.CompileProblems);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "OAS010");
        string[] refused = run.GeneratorDiagnostics.Where(d => d.Id == "OAS015" && d.Severity == DiagnosticSeverity.Info).Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(7, refused.Length);
        Assert.All(refused, m => Assert.Contains("is sent to the client's base address", m, StringComparison.Ordinal));
        string operations = run.Sources.Single(s => s.HintName == "odd.OddClient.Operations.g.cs").SourceText.ToString();
        Assert.Contains("(this.Options.UseOperationServers ? \"https://ok.example/c/%20\" : this.__BaseUrl())", operations, StringComparison.Ordinal);
        Assert.Contains("this.__OperationServerUrl(\"v2\")", operations, StringComparison.Ordinal); // under the document's server, variables and all
        Assert.DoesNotContain("evil.example", operations, StringComparison.Ordinal);
        Assert.DoesNotContain("Exit(1)", operations, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_required_deepObject_arrays_and_JSON_parameters_in_one_operation_compile_without_warnings()
    {
        const string spec = """
            openapi: 3.0.3
            info: { title: Odd, version: '1' }
            servers: [{ url: 'https://odd.example' }]
            paths:
              /things/{a}/{b}:
                get:
                  operationId: things
                  parameters:
                    - { name: a, in: path, required: true, schema: { type: object, properties: { x: { type: string } } } }
                    - { name: b, in: path, required: true, schema: { type: array, items: { type: object, properties: { x: { type: string } } } } }
                    - { name: ids, in: query, required: true, style: deepObject, schema: { type: array, items: { type: string } } }
                    - { name: codes, in: query, required: true, style: deepObject, schema: { type: array, items: { type: integer } } }
                    - { name: lines, in: query, required: true, style: deepObject, schema: { type: array, items: { $ref: '#/components/schemas/Line' } } }
                    - { name: more, in: query, required: true, style: deepObject, schema: { type: array, items: { $ref: '#/components/schemas/Line' } } }
                    - { name: X-One, in: header, required: true, schema: { type: array, items: { $ref: '#/components/schemas/Line' } } }
                    - { name: X-Two, in: header, required: true, content: { application/json: { schema: { type: integer } } } }
                    - { name: X-Three, in: header, content: { application/json: { schema: { type: string } } } }
                    - { name: q, in: query, required: true, content: { application/json: { schema: { } } } }
                  responses: { '204': { description: ok } }
            components:
              schemas:
                Line:
                  type: object
                  required: [amount]
                  properties: { amount: { type: integer, minimum: 0 } }
            """;
        GeneratorRun run = GeneratorHarness.Run(spec, clientName: "OddClient");

        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Empty(run.CompileProblems);
    }

    [Fact]
    public void An_array_of_objects_in_a_form_style_query_is_sent_and_a_non_JSON_content_parameter_is_left_out()
    {
        const string spec = """
            openapi: 3.0.3
            info: { title: Odd, version: '1' }
            servers: [{ url: 'https://odd.example' }]
            paths:
              /things:
                get:
                  operationId: things
                  parameters:
                    - { name: lines, in: query, schema: { type: array, items: { type: object, properties: { a: { type: string } } } } }
                    - { name: X-Lines, in: header, schema: { type: array, items: { type: object, properties: { a: { type: string } } } } }
                    - { name: raw, in: query, content: { text/plain: { schema: { type: string } } } }
                  responses: { '204': { description: ok } }
            """;
        GeneratorRun run = GeneratorHarness.Run(spec, clientName: "OddClient");

        Assert.Empty(run.CompileProblems);
        string message = Assert.Single(run.GeneratorDiagnostics.Where(d => d.Id == "OAS010")).GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("'content' of type 'text/plain'", message, StringComparison.Ordinal);
        Assert.Contains("'raw' of things", message, StringComparison.Ordinal);
        IMethodSymbol things = (IMethodSymbol)run.OutputCompilation.GetTypeByMetadataName("Test.Sdk.OddClient")!.GetMembers("ThingsAsync").Single();
        Assert.Equal(new[] { "lines", "xLines", "requestOptions", "cancellationToken" }, things.Parameters.Select(p => p.Name).ToArray()); // lines as lines[0].a=..., the header array as JSON
    }

    /// <summary>Multipart bodies whose names, encodings and content types are hostile, shared by $ref, built by allOf, or in two clients of one namespace.</summary>
    private const string HostileMultipart = """
        openapi: 3.0.3
        info: { title: Odd Uploads, version: '1' }
        servers: [{ url: 'https://odd.example' }]
        tags: [{ name: FileContent }, { name: other }]
        paths:
          /odd:
            post:
              operationId: oddUpload
              tags: [FileContent]
              requestBody:
                required: true
                content:
                  multipart/form-data:
                    schema:
                      type: object
                      properties:
                        'a"; name="b': { type: string }
                        "line\nbreak\u2028": { type: string, format: binary }
                        '{0}': { type: string, format: binary }
                        class: { type: string, format: binary }
                        body: { type: string, format: binary }
                        cancellationToken: { type: string, format: binary }
                        meta: { type: object, properties: { x: { type: integer } } }
                        "": { type: string }
                    encoding:
                      meta:
                        contentType: 'application/json"); System.Environment.Exit(1); ("'
                        headers:
                          X-Rate: { schema: { type: integer } }
                      class:
                        contentType: "image/png, image/jpeg"
                      '{0}':
                        contentType: 'image/*'
          /shared:
            put:
              operationId: sharedUpload
              tags: [other]
              requestBody:
                content:
                  multipart/form-data:
                    schema: { $ref: '#/components/schemas/Upload' }
          /composed:
            put:
              operationId: composedUpload
              tags: [other]
              requestBody:
                required: true
                content:
                  multipart/form-data:
                    schema:
                      allOf:
                        - $ref: '#/components/schemas/Upload'
                        - type: object
                          required: [doc]
                          properties:
                            doc: { type: string, format: binary }
                            note: { type: string, maxLength: 3 }
              responses: { '204': { description: ok } }
          /xml:
            post:
              operationId: xmlPart
              tags: [other]
              requestBody:
                required: true
                content:
                  multipart/form-data:
                    schema:
                      type: object
                      properties:
                        record: { $ref: '#/components/schemas/Upload' }
                    encoding:
                      record: { contentType: application/xml }
              responses: { '204': { description: ok } }
        components:
          schemas:
            Upload:
              type: object
              required: [name]
              properties:
                name: { type: string }
                size: { type: integer, format: int64 }
        """;

    [Theory]
    [InlineData(TargetFramework.Net100)]
    [InlineData(TargetFramework.Net80)]
    public void Hostile_multipart_names_and_content_types_stay_inside_literals_and_identifiers_and_compile_without_warnings(TargetFramework framework)
    {
        const string second = """
            openapi: 3.0.3
            info: { title: Second, version: '1' }
            paths:
              /x:
                post:
                  operationId: secondUpload
                  requestBody:
                    required: true
                    content:
                      multipart/form-data:
                        schema: { type: object, required: [f], properties: { f: { type: string, format: binary } } }
                  responses: { '204': { description: ok } }
            """;
        GeneratorRun run = GeneratorHarness.Run(
            new[] { new SpecFile("/specs/odd.yaml", HostileMultipart, "Odd.Sdk", "OddClient"), new SpecFile("/specs/second.yaml", second, "Odd.Sdk", "OtherOddClient") },
            framework);

        Assert.Empty(run.CompileProblems);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "OAS000");

        // The invalid contentType is reported and ignored; encoding headers are a note; nothing else is left out.
        string[] messages = run.GeneratorDiagnostics.Select(d => d.Id + " " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Contains(messages, m => m.StartsWith("OAS015", StringComparison.Ordinal) && m.Contains("is not a media type", StringComparison.Ordinal) && m.Contains("'meta'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("OAS010", StringComparison.Ordinal) && m.Contains("'headers' in a multipart encoding", StringComparison.Ordinal));
        Assert.DoesNotContain(messages, m => m.Contains("request body of type", StringComparison.Ordinal));

        string operations = run.Source("odd.OddClient.FileContentOperations.g.cs");
        Assert.DoesNotContain("Environment", operations, StringComparison.Ordinal);
        Assert.Contains("\"a\\\"; name=\\\"b\"", run.Source("odd.OddUploadRequest.g.cs"), StringComparison.Ordinal);
        Assert.Contains("__form.File(\"{0}\", _0, \"application/octet-stream\");", operations, StringComparison.Ordinal);
        Assert.Contains("__form.File(\"class\", @class, \"image/png\");", operations, StringComparison.Ordinal);
        Assert.Contains("__form.File(\"line\\nbreak\\u2028\"", operations, StringComparison.Ordinal);

        // Names: the body model is body, file properties named body/cancellationToken get other names; files are the
        // runtime's one FileContent type, so a tag named FileContent keeps its name.
        INamedTypeSymbol client = run.OutputCompilation.GetTypeByMetadataName("Odd.Sdk.OddClient")!;
        Assert.Empty(client.GetTypeMembers("FileContent"));
        IMethodSymbol odd = client.GetTypeMembers("FileContentOperations").Single().GetMembers("OddUploadAsync").OfType<IMethodSymbol>().Single();
        Assert.Equal(
            new[] { "body", "lineBreak", "_0", "class", "body2", "cancellationToken2", "requestOptions", "cancellationToken" },
            odd.Parameters.Select(p => p.Name));
        Assert.All(odd.Parameters.Skip(1).Take(5), p => Assert.Equal("OpenApiSdk.FileContent?", p.Type.ToDisplayString()));

        // A $ref body without files keeps its component type; with files (allOf) it becomes an inline model without them;
        // an object part whose encoding is application/xml is a file the caller supplies.
        INamedTypeSymbol other = client.GetTypeMembers("OtherOperations").Single();
        Assert.Equal("Odd.Sdk.Upload?", other.GetMembers("SharedUploadAsync").OfType<IMethodSymbol>().Single().Parameters[0].Type.ToDisplayString());
        IMethodSymbol composed = other.GetMembers("ComposedUploadAsync").OfType<IMethodSymbol>().Single();
        Assert.Equal(new[] { "Odd.Sdk.ComposedUploadRequest", "OpenApiSdk.FileContent" }, composed.Parameters.Take(2).Select(p => p.Type.ToDisplayString()));
        INamedTypeSymbol composedModel = run.OutputCompilation.GetTypeByMetadataName("Odd.Sdk.ComposedUploadRequest")!;
        Assert.Equal(new[] { "Name", "Size", "Note" }, composedModel.GetMembers().OfType<IPropertySymbol>().Where(p => p.ExplicitInterfaceImplementations.IsEmpty).Select(p => p.Name));
        IMethodSymbol xml = other.GetMembers("XmlPartAsync").OfType<IMethodSymbol>().Single();
        Assert.Equal("record", xml.Parameters[0].Name);
        Assert.Equal("OpenApiSdk.FileContent?", xml.Parameters[0].Type.ToDisplayString());
    }

    [Fact]
    public void A_client_named_FileContent_sends_the_runtimes_FileContent()
    {
        const string spec = """
            openapi: 3.1.0
            info: { title: Files, version: '1' }
            servers: [{ url: 'https://files.example' }]
            paths:
              /f:
                post:
                  operationId: send
                  requestBody:
                    content:
                      multipart/form-data:
                        schema: { type: object, properties: { f: { type: string, contentEncoding: base64 } } }
                  responses: { '204': { description: ok } }
            """;
        GeneratorRun run = GeneratorHarness.Run(spec, clientName: "FileContent");

        Assert.Empty(run.CompileProblems);
        IMethodSymbol send = run.OutputCompilation.GetTypeByMetadataName("Test.Sdk.FileContent")!.GetMembers("SendAsync").OfType<IMethodSymbol>().Single();
        Assert.Equal("OpenApiSdk.FileContent?", send.Parameters[0].Type.ToDisplayString());
    }

    [Fact]
    public void A_client_without_multipart_bodies_has_no_FileContent()
    {
        GeneratorRun run = GeneratorHarness.Run(new[] { new SpecFile("/specs/petstore.yaml", PetStore, "Pets.Sdk", "PetClient") });
        Assert.Empty(run.CompileProblems);
        Assert.Null(run.OutputCompilation.GetTypeByMetadataName("Pets.Sdk.PetClient+FileContent"));
        Assert.DoesNotContain(run.Sources, s => s.SourceText.ToString().Contains("MultipartBody", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Query_and_header_arrays_honour_style_and_explode_and_unset_optional_ones_are_left_out()
    {
        GeneratorRun run = GeneratorHarness.Run(new[] { new SpecFile("/specs/petstore.yaml", PetStore, "Pets.Sdk", "PetClient") });
        Assert.Empty(run.CompileProblems);
        using var stream = new MemoryStream();
        Assert.True(run.OutputCompilation.Emit(stream).Success);

        var context = new AssemblyLoadContext("generated-petstore", isCollectible: true);
        try
        {
            stream.Position = 0;
            Assembly assembly = context.LoadFromStream(stream);
            var handler = new CapturingHandler();
            using var http = new HttpClient(handler);
            Type optionsType = assembly.GetType("Pets.Sdk.PetClientOptions")!;
            object options = Activator.CreateInstance(optionsType)!;
            optionsType.GetProperty("Bearer")!.SetValue(options, "bt");
            object client = Activator.CreateInstance(assembly.GetType("Pets.Sdk.PetClient")!, http, options)!;
            object pets = client.GetType().GetProperty("Pets")!.GetValue(client)!;
            MethodInfo list = pets.GetType().GetMethod("ListPetsAsync")!;

            await (Task)list.Invoke(pets, new object?[] { new[] { "a b", "c&d" }, new[] { 1, 2 }, new[] { "x", "y" }, 5, new[] { "t1", "t2" }, null, CancellationToken.None })!;
            await (Task)list.Invoke(pets, new object?[] { null, null, null, null, null, null, CancellationToken.None })!;

            // servers: https://{region}.pets.example/api with region's default eu; form+explode by default, explode: false joins with commas.
            Assert.Equal("https://eu.pets.example/api/pets?tags=a%20b&tags=c%26d&ids=1%2C2&kinds=x%7Cy&limit=5", handler.Requests[0].RequestUri!.AbsoluteUri);
            Assert.Equal("t1,t2", string.Join(",", handler.Requests[0].Headers.GetValues("X-Trace")));
            Assert.Equal("Bearer bt", handler.Requests[0].Headers.GetValues("Authorization").Single());
            Assert.Equal("https://eu.pets.example/api/pets", handler.Requests[1].RequestUri!.AbsoluteUri);
            Assert.False(handler.Requests[1].Headers.Contains("X-Trace"));

            // limit has maximum 100: nothing is sent.
            Exception invalid = await Assert.ThrowsAnyAsync<Exception>(() => (Task)list.Invoke(pets, new object?[] { null, null, null, 500, null, null, CancellationToken.None })!);
            Assert.Equal("ValidationException", invalid.GetType().Name);
            Assert.Equal(2, handler.Requests.Count);

            // A binary body goes as the caller's bytes with its media type; a binary success body comes back as bytes.
            handler.Reply = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(new byte[] { 9, 8, 7 }) };
            MethodInfo upload = pets.GetType().GetMethod("UploadPhotoAsync")!;
            var photo = (Task<byte[]>)upload.Invoke(pets, new object?[] { 42L, new byte[] { 0x89, 0x50, 0x4E, 0x47 }, null, CancellationToken.None })!;
            Assert.Equal(new byte[] { 9, 8, 7 }, await photo);
            Assert.Equal("https://eu.pets.example/api/pets/42/photo", handler.Requests[2].RequestUri!.AbsoluteUri);
            Assert.Equal("image/png", handler.Requests[2].Content!.Headers.ContentType!.MediaType);
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, handler.Bodies[2]);

            // A form body: the model's members as fields, arrays repeated, unset ones left out.
            handler.Reply = new HttpResponseMessage(HttpStatusCode.NoContent);
            Type loginType = assembly.GetType("Pets.Sdk.Login")!;
            object login = Activator.CreateInstance(loginType)!;
            loginType.GetProperty("User")!.SetValue(login, "a b&c");
            loginType.GetProperty("Scopes")!.SetValue(login, new List<string> { "read", "write" });
            object stores = client.GetType().GetProperty("Stores")!.GetValue(client)!;
            await (Task)stores.GetType().GetMethod("LoginAsync")!.Invoke(stores, new object?[] { login, null, CancellationToken.None })!;
            Assert.Equal("application/x-www-form-urlencoded", handler.Requests[3].Content!.Headers.ContentType!.MediaType);
            Assert.Equal("user=a+b%26c&scopes=read&scopes=write", System.Text.Encoding.ASCII.GetString(handler.Bodies[3]));

            // Objects in the query: deepObject as filter[kind]=..&filter[age][min]=..; form (exploded) as one parameter per member;
            // an array in deepObject style as expand[0]=..&expand[1]=..; an object breaking its schema is not sent.
            handler.Reply = null;
            Type filterType = assembly.GetType("Pets.Sdk.Filter")!;
            object filter = Activator.CreateInstance(filterType)!;
            filterType.GetProperty("Kind")!.SetValue(filter, "cat");
            Type ageType = filterType.GetProperty("Age")!.PropertyType;
            object age = Activator.CreateInstance(ageType)!;
            ageType.GetProperty("Min")!.SetValue(age, 1);
            filterType.GetProperty("Age")!.SetValue(filter, age);
            MethodInfo search = pets.GetType().GetMethod("SearchPetsAsync")!;
            Type pageType = search.GetParameters()[1].ParameterType;
            object page = Activator.CreateInstance(pageType)!;
            pageType.GetProperty("Offset")!.SetValue(page, 10);
            pageType.GetProperty("Size")!.SetValue(page, 5);
            await (Task)search.Invoke(pets, new object?[] { filter, page, new[] { "a", "b" }, null, CancellationToken.None })!;
            Assert.Equal("https://eu.pets.example/api/pets/search?filter%5Bkind%5D=cat&filter%5Bage%5D%5Bmin%5D=1&offset=10&size=5&expand%5B0%5D=a&expand%5B1%5D=b", handler.Requests[4].RequestUri!.AbsoluteUri);
            pageType.GetProperty("Size")!.SetValue(page, 500);
            Exception badPage = await Assert.ThrowsAnyAsync<Exception>(() => (Task)search.Invoke(pets, new object?[] { null, page, null, null, CancellationToken.None })!);
            Assert.Equal("ValidationException", badPage.GetType().Name);
            Assert.Equal(5, handler.Requests.Count);

            // An undeclared status with the declared default error body is the typed exception with code and message.
            handler.Reply = new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("{\"code\":\"E404\",\"message\":\"no pets\"}") };
            Exception error = await Assert.ThrowsAnyAsync<Exception>(() => (Task)list.Invoke(pets, new object?[] { null, null, null, null, null, null, CancellationToken.None })!);
            Assert.Equal("ApiException`1", error.GetType().Name);
            Assert.Equal("E404", error.GetType().GetProperty("ErrorCode")!.GetValue(error));
            Assert.Equal("no pets", error.GetType().GetProperty("ErrorMessage")!.GetValue(error));
        }
        finally
        {
            context.Unload();
        }
    }

    private sealed class CapturingHandler : HttpMessageHandler
    {
        public List<HttpRequestMessage> Requests { get; } = new();

        public List<byte[]> Bodies { get; } = new();

        public HttpResponseMessage? Reply { get; set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            Bodies.Add(request.Content is null ? Array.Empty<byte>() : await request.Content.ReadAsByteArrayAsync(cancellationToken));
            return Reply ?? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("[]") };
        }
    }
}
