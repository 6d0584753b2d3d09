using System;
using Xunit;

namespace OpenApiSdk.PackageTests;

/// <summary>
/// The runtime must reach the SDK's own consumers: an app that references SDK libraries built from the package
/// (one packed and referenced as a package, one as a project) builds and runs with nothing added, and the errors
/// of both SDKs are one <c>OpenApiSdk.ApiException</c> type.
/// </summary>
[Collection(PackedGeneratorTests.Name)]
public sealed class DownstreamTests
{
    private const string PetsSpec = """
        openapi: 3.0.3
        info: {title: Pets, version: 1.0.0}
        paths:
          /pets/{petId}:
            get:
              operationId: getPet
              parameters:
                - {name: petId, in: path, required: true, schema: {type: string}}
              responses:
                '200':
                  description: The pet.
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Pet'}
        components:
          schemas:
            Pet:
              type: object
              required: [name]
              properties:
                name: {type: string, minLength: 1}

        """;

    private const string StoreSpec = """
        openapi: 3.1.0
        info: {title: Store, version: 1.0.0}
        paths:
          /orders/{orderId}:
            get:
              operationId: getOrder
              parameters:
                - {name: orderId, in: path, required: true, schema: {type: string}}
              responses:
                '200':
                  description: The order.
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Order'}
        components:
          schemas:
            Order:
              type: object
              required: [quantity]
              properties:
                quantity: {type: integer, minimum: 1}

        """;

    private const string AppProgram = """
        using System;
        using System.Net;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;

        internal static class Program
        {
            private static async Task<int> Main()
            {
                Console.WriteLine("pet errors " + new Pets.Api.Pet { Name = "" }.Validate().Count);
                Console.WriteLine("order json " + new Store.Api.Order { Quantity = 2 }.ToJson());

                using var http = new HttpClient(new NotFound());
                var baseAddress = new Uri("http://127.0.0.1:9/");
                Type? petError = null, storeError = null;
                try
                {
                    await new Pets.Api.PetsClient(http, new Pets.Api.PetsClientOptions { BaseAddress = baseAddress }).GetPetAsync("1");
                }
                catch (OpenApiSdk.ApiException e)
                {
                    petError = typeof(OpenApiSdk.ApiException);
                    Console.WriteLine("pets " + e.OperationId + " " + e.StatusCode);
                }

                try
                {
                    await new Store.Api.StoreClient(http, new Store.Api.StoreClientOptions { BaseAddress = baseAddress }).GetOrderAsync("1");
                }
                catch (OpenApiSdk.ApiException e)
                {
                    storeError = e.GetType().BaseType == typeof(OpenApiSdk.ApiException) ? e.GetType().BaseType : e.GetType();
                    Console.WriteLine("store " + e.OperationId + " " + e.StatusCode);
                }

                Console.WriteLine("one type " + (petError is not null && petError == storeError));
                return 0;
            }

            private sealed class NotFound : HttpMessageHandler
            {
                protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
                    Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("no such thing") });
            }
        }

        """;

    private readonly PackageFixture _fixture;

    public DownstreamTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public void App_referencing_a_packed_SDK_and_an_SDK_project_builds_runs_and_catches_one_ApiException_type()
    {
        string petsPackage = PackageFixture.SdkPackagePrefix + "Pets";
        ConsumerProject pets = _fixture.NewProject("PetsSdk");
        pets.WriteProject(
            $"""
                <TargetFramework>netstandard2.0</TargetFramework>
                <LangVersion>9</LangVersion>
                <Nullable>enable</Nullable>
                <PackageId>{petsPackage}</PackageId>
                <Version>1.0.0</Version>
            """,
            """
                <OpenApiSpec Include="pets.yaml" Namespace="Pets.Api" ClientName="PetsClient" />
            """);
        pets.Write("pets.yaml", PetsSpec);
        CliResult pack = pets.Pack(_fixture.Feed);
        Assert.True(pack.ExitCode == 0, pack.ToString());

        ConsumerProject store = _fixture.NewProject("StoreSdk");
        store.WriteProject(
            """
                <TargetFramework>net8.0</TargetFramework>
                <Nullable>enable</Nullable>
            """,
            """
                <OpenApiSpec Include="store.yaml" Namespace="Store.Api" ClientName="StoreClient" />
            """);
        store.Write("store.yaml", StoreSpec);

        // The app adds nothing of the generator's: only the two SDKs.
        ConsumerProject app = _fixture.NewProject("ShopApp");
        app.WriteProject(
            """
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
            """,
            $"""
                <PackageReference Include="{petsPackage}" Version="1.0.0" />
                <ProjectReference Include="../StoreSdk/StoreSdk.csproj" />
            """,
            referencePackage: false);
        app.Write("Program.cs", AppProgram);

        CliResult build = app.Build();
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.True(build.Warnings.Count == 0, build.ToString());
        CliResult run = app.RunBuilt();
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            ["pet errors 1", """order json {"quantity":2}""", "pets getPet 404", "store getOrder 404", "one type True"],
            run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
