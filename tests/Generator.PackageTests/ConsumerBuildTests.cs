using System;
using Xunit;

namespace OpenApiSdk.PackageTests;

/// <summary>
/// Fresh projects outside the repository that reference the packed generator by id and version, built and
/// run with the real <c>dotnet</c> CLI, as a user meets the package.
/// </summary>
[Collection(PackedGeneratorTests.Name)]
public sealed class ConsumerBuildTests
{
    /// <summary>A small spec of the consumer's own: one schema with constraints and one operation.</summary>
    private const string PetsSpec = """
        openapi: 3.0.3
        info:
          title: Pet Shop
          version: 1.0.0
        paths:
          /pets/{petId}:
            get:
              operationId: getPet
              parameters:
                - name: petId
                  in: path
                  required: true
                  schema:
                    type: string
              responses:
                '200':
                  description: The pet.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Pet'
        components:
          schemas:
            Pet:
              type: object
              required: [name]
              properties:
                name:
                  type: string
                  minLength: 1
                  maxLength: 20
                age:
                  type: integer
                  format: int32
                  minimum: 0

        """;

    private const string NicknameProperty = """
                nickname:
                  type: string
                  maxLength: 10

        """;

    private const string ConsoleProgram = """
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;
        using OpenApiSdk;
        using PetShop.Api;

        internal static class Program
        {
            private static void Main()
            {
                var invalid = new Pet { Name = "", Age = -1 };
                foreach (ValidationError error in invalid.Validate())
                {
                    Console.WriteLine("invalid " + error.Pointer);
                }

                var pet = new Pet { Name = "Rex", Age = 3 };
                Console.WriteLine("valid " + pet.IsValid());
                string json = pet.ToJson();
                Console.WriteLine("json " + json);
                Console.WriteLine("round-trip " + Pet.FromJson(json).Equals(pet));
                Console.WriteLine("client " + (typeof(Pet).Assembly.GetType("PetShop.Api.PetShopApi") is not null));
            }

            // Not called (there is no server): compiling it pins down the client API the package README shows.
            private static async Task<Pet> FetchAsync()
            {
                using var http = new HttpClient();
                var client = new PetShopApi(http, new PetShopApiOptions { BaseAddress = new Uri("https://pets.example/") });
                Pet fetched = await client.GetPetAsync("42");
                return fetched;
            }
        }

        """;

    private readonly PackageFixture _fixture;

    public ConsumerBuildTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public void Console_app_builds_runs_and_follows_edits_to_its_spec()
    {
        ConsumerProject app = _fixture.NewProject("PetShop");
        app.WriteProject(
            """
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
            """,
            // The spec is also a plain AdditionalFiles item (here and in Directory.Build.targets): it must be generated once.
            """
                <OpenApiSpec Include="pets.yaml" Namespace="PetShop.Api" ClientName="PetShopApi" />
                <AdditionalFiles Include="./pets.yaml" />
            """,
            referencePackage: false);
        app.Write(
            "Directory.Build.targets",
            """
            <Project>
              <!-- Imported after the package's targets: a plain duplicate here must not win over the OpenApiSpec item. -->
              <ItemGroup>
                <AdditionalFiles Include="pets.yaml" />
              </ItemGroup>
            </Project>

            """);
        app.Write("pets.yaml", PetsSpec);
        app.Write("Program.cs", ConsoleProgram);

        // An ordinary dependency (the runtime in lib/ must reach this project's own consumers): no PrivateAssets.
        CliResult add = app.AddPackage();
        Assert.True(add.ExitCode == 0, add.ToString());
        Assert.DoesNotContain("PrivateAssets", app.ReadProject(), StringComparison.Ordinal);

        CliResult build = app.Build();
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.True(build.Warnings.Count == 0, build.ToString());
        Assert.Empty(app.GeneratedFilesOnDisk());

        CliResult run = app.RunBuilt();
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            [
                "invalid /name",
                "invalid /age",
                "valid True",
                """json {"name":"Rex","age":3}""",
                "round-trip True",
                "client True",
            ],
            Lines(run.Output));

        // Add a property to the schema and use it: an incremental build regenerates the model.
        app.Write("pets.yaml", PetsSpec + NicknameProperty);
        app.Write("Program.cs", ConsoleProgram.Replace("new Pet { Name = \"Rex\", Age = 3 }", "new Pet { Name = \"Rex\", Age = 3, Nickname = \"Rexy\" }", StringComparison.Ordinal));
        build = app.Build();
        Assert.True(build.ExitCode == 0, build.ToString());
        run = app.RunBuilt();
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("""json {"name":"Rex","age":3,"nickname":"Rexy"}""", Lines(run.Output));

        // Remove it again: the code that uses it no longer compiles, with the usual compiler error.
        app.Write("pets.yaml", PetsSpec);
        build = app.Build();
        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains(build.Errors, line => (line.Contains("error CS0117", StringComparison.Ordinal) || line.Contains("error CS1061", StringComparison.Ordinal))
            && line.Contains("Nickname", StringComparison.Ordinal));
        Assert.Empty(app.GeneratedFilesOnDisk());
    }

    /// <summary>A JSON spec with three tagged operations; the filter below keeps two of them and one named schema.</summary>
    private const string ShopJson = """
        {
          "openapi": "3.0.3",
          "info": {"title": "Shop", "version": "1.0.0"},
          "paths": {
            "/pets/{id}": {
              "get": {
                "tags": ["pets"], "operationId": "getPet",
                "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
                "responses": {"200": {"description": "The pet.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Pet"}}}}}
              }
            },
            "/orders": {
              "post": {
                "tags": ["orders"], "operationId": "placeOrder",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Order"}}}},
                "responses": {"204": {"description": "Placed."}}
              }
            },
            "/users/{id}": {
              "get": {
                "tags": ["users"], "operationId": "getUser",
                "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
                "responses": {"200": {"description": "The user.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/User"}}}}}
              }
            }
          },
          "components": {
            "schemas": {
              "Pet": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string", "maxLength": 20}}},
              "Order": {"type": "object", "properties": {"pet": {"$ref": "#/components/schemas/Pet"}, "quantity": {"type": "integer", "minimum": 1}}},
              "User": {"type": "object", "properties": {"login": {"type": "string"}}},
              "Note": {"type": "object", "properties": {"text": {"type": "string"}}}
            }
          }
        }

        """;

    [Fact]
    public void Library_with_a_json_spec_and_an_operation_filter_builds_only_what_the_filter_keeps()
    {
        ConsumerProject library = _fixture.NewProject("JsonShop");
        library.WriteProject(
            """
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
            """,
            """
                <OpenApiSpec Include="shop.json" Namespace="Shop.Api" ClientName="ShopApi" IncludeTags="pets;orders" IncludeSchemas="Note" />
            """);
        library.Write("shop.json", ShopJson);
        library.Write(
            "Uses.cs",
            """
            namespace JsonShop;

            public static class Uses
            {
                public static bool Valid(string name) => new Shop.Api.Order { Pet = new Shop.Api.Pet { Name = name }, Quantity = 1 }.IsValid() && new Shop.Api.Note().IsValid();

                public static System.Threading.Tasks.Task<Shop.Api.Pet> Fetch(Shop.Api.ShopApi client) => client.Pets.GetPetAsync("1"); // two tags in use: one group each
            }

            """);

        CliResult build = library.Build();
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.True(build.Warnings.Count == 0, build.ToString());

        // The targets pass the lists on with ',' (see OpenApiSdk.Generator.targets), whatever the compiler makes of ';'.
        string config = System.IO.File.ReadAllText(System.IO.Path.Combine(library.Directory, "obj", "Debug", "net10.0", "JsonShop.GeneratedMSBuildEditorConfig.editorconfig"));
        Assert.Contains("build_metadata.AdditionalFiles.IncludeTags = pets,orders", config, StringComparison.Ordinal);

        // The users operation and its schema are left out: code that uses them does not compile.
        library.Write("Users.cs", "namespace JsonShop;\n\npublic static class Users\n{\n    public static object Make() => new Shop.Api.User();\n}\n");
        build = library.Build();
        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains(build.Errors, line => line.Contains("error CS0234", StringComparison.Ordinal) && line.Contains("'User'", StringComparison.Ordinal));
    }

    [Fact]
    public void Netstandard20_library_with_CSharp_9_builds_cleanly_with_nothing_but_the_package()
    {
        // No Namespace metadata: the types land in the project's RootNamespace. System.Text.Json and
        // System.ComponentModel.Annotations come with the package's runtime library.
        ConsumerProject library = _fixture.NewProject("PetLibrary");
        library.WriteProject(
            """
                <TargetFramework>netstandard2.0</TargetFramework>
                <LangVersion>9</LangVersion>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <GenerateDocumentationFile>true</GenerateDocumentationFile>
            """,
            """
                <OpenApiSpec Include="pets.yaml" />
            """);
        library.Write("pets.yaml", PetsSpec);
        library.Write(
            "PetFactory.cs",
            """
            namespace PetLibrary.Factories
            {
                /// <summary>Uses the generated model.</summary>
                public static class PetFactory
                {
                    /// <summary>Validity and JSON of a pet with the given name.</summary>
                    public static string Describe(string name)
                    {
                        var pet = new PetLibrary.Pet { Name = name };
                        return pet.IsValid() + " " + pet.ToJson();
                    }
                }
            }

            """);

        CliResult build = library.Build();
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.True(build.Warnings.Count == 0, build.ToString());
    }

    [Fact]
    public void Netstandard20_library_left_at_CSharp_7_3_gets_one_error_saying_what_to_set()
    {
        ConsumerProject library = _fixture.NewProject("LegacyLibrary");
        library.WriteProject(
            """
                <TargetFramework>netstandard2.0</TargetFramework>
            """,
            """
                <OpenApiSpec Include="pets.yaml" />
            """);
        library.Write("pets.yaml", PetsSpec);
        library.Write("Marker.cs", "namespace LegacyLibrary\n{\n    public static class Marker\n    {\n    }\n}\n");

        CliResult build = library.Build();
        Assert.NotEqual(0, build.ExitCode);
        Assert.True(build.ErrorIds is ["OAS013"], build.ToString());
        Assert.Contains("<LangVersion>9</LangVersion>", build.Errors[0], StringComparison.Ordinal);
        Assert.Contains("7.3", build.Errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_reference_that_excludes_the_runtime_gets_one_error_saying_why()
    {
        ConsumerProject library = _fixture.NewProject("BareLibrary");
        library.WriteProject(
            """
                <TargetFramework>net10.0</TargetFramework>
            """,
            $"""
                <PackageReference Include="{PackageFixture.PackageId}" Version="{_fixture.Version}" ExcludeAssets="compile" />
                <OpenApiSpec Include="pets.yaml" />
            """,
            referencePackage: false);
        library.Write("pets.yaml", PetsSpec);

        CliResult build = library.Build();
        Assert.NotEqual(0, build.ExitCode);
        Assert.True(build.ErrorIds is ["OAS101"], build.ToString());
        Assert.Contains("OpenApiSdk.Runtime", build.Errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Strict_net8_library_with_warnings_as_errors_and_nullable_builds_with_project_level_defaults()
    {
        // No metadata on the item: the namespace and client name come from the project properties.
        ConsumerProject library = _fixture.NewProject("StrictContracts");
        library.WriteProject(
            """
                <TargetFramework>net8.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <WarningLevel>9999</WarningLevel>
                <OpenApiSdkNamespace>Contracts.Pets</OpenApiSdkNamespace>
                <OpenApiSdkClientName>PetsApi</OpenApiSdkClientName>
            """,
            """
                <OpenApiSpec Include="api/pets.yaml" />
            """);
        library.Write("api/pets.yaml", PetsSpec);
        library.Write(
            "Adoption.cs",
            """
            namespace StrictContracts;

            public static class Adoption
            {
                public static bool CanAdopt(string name) => new Contracts.Pets.Pet { Name = name }.IsValid();

                public static System.Type Client => typeof(Contracts.Pets.PetsApi);
            }

            """);

        CliResult build = library.Build();
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.True(build.Warnings.Count == 0, build.ToString());
    }

    [Fact]
    public void Missing_spec_file_is_one_build_error_naming_the_path()
    {
        ConsumerProject library = _fixture.NewProject("MissingSpec");
        library.WriteProject(
            """
                <TargetFramework>net10.0</TargetFramework>
            """,
            """
                <OpenApiSpec Include="specs/does-not-exist.yaml" Namespace="Missing.Api" />
            """);
        library.Write("Marker.cs", "namespace MissingSpec;\n\npublic static class Marker\n{\n}\n");

        CliResult build = library.Build();
        Assert.NotEqual(0, build.ExitCode);
        Assert.True(build.ErrorIds is ["OAS100"], build.ToString());
        Assert.Contains("specs/does-not-exist.yaml", build.Errors[0], StringComparison.Ordinal);
    }

    private static string[] Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
