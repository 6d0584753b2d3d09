using System;
using System.IO;
using Xunit;

namespace OpenApiSdk.PackageTests;

/// <summary>
/// The schema constructs that are more than models and attributes (inheritance chosen by a discriminator, oneOf/anyOf
/// as rules beside an object's properties, unevaluatedProperties, values without a type) and four OpenAPI 3.2 documents
/// (two with typed streaming: items, and typed event data and kinds), built from the packed package by the strictest consumer (warnings as errors, XML docs,
/// latest-recommended analysis, nullable) and run; with them a Swagger 2.0 document (read as its 3.0 conversion, its
/// discriminator values from x-ms-discriminator-value).
/// </summary>
[Collection(PackedGeneratorTests.Name)]
public sealed class SchemaFeatureConsumerTests
{
    private const string Program = """
        using System;
        using System.Linq;

        internal static class Program
        {
            private static void Main()
            {
                Inheritance.Api.Pet pet = Inheritance.Api.Pet.FromJson("{\"petType\":\"lion\",\"name\":\"Leo\",\"lives\":7}");
                Console.WriteLine("read " + pet.GetType().Name);
                string written = new Inheritance.Api.Lion { Name = "Leo", Lives = 7 }.ToJson();
                Console.WriteLine("round-trip " + Inheritance.Api.Pet.FromJson(written).GetType().Name);

                var payment = ChoiceRules.Api.Payment.FromJson("{\"amount\":1,\"bank_account\":\"x\",\"shipping\":{\"address\":{\"street\":\"Main St 1\",\"po_box\":\"12\"}}}");
                Console.WriteLine("choices " + string.Join(",", payment.Validate().Select(e => e.Pointer).OrderBy(p => p, StringComparer.Ordinal)));

                var closed = Unevaluated.Api.Closed.FromJson("{\"id\":\"a1\",\"colour\":\"red\",\"size\":2}");
                Console.WriteLine("unevaluated " + string.Join(",", closed.Validate().Select(e => e.Pointer).OrderBy(p => p, StringComparer.Ordinal)));

                Swagger2.Api.Pet dog = Swagger2.Api.Pet.FromJson("{\"petType\":\"doggo\",\"name\":\"Rex\",\"nickname\":null}");
                Console.WriteLine("swagger2 " + dog.GetType().Name + " " + (dog.Nickname ?? "null"));
                Console.WriteLine("default " + DefaultMapping.Api.Pet.FromJson("{\"name\":\"Rex\"}").GetType().Name);
                Console.WriteLine("oas32 " + typeof(Oas32.Api.CatalogClient.ItemsOperations).GetMethod("SearchItemsAsync")!.Name);
                Console.WriteLine("typeless " + string.Join(",", Typeless.Api.Reading.FromJson("{\"anything\":\"a\",\"either\":7.5}").Validate().Select(e => e.Pointer)));
                Events.Api.MessageEvent kind = Events.Api.MessageEvent.FromJson("{\"event\":\"content_block_delta\",\"data\":\"{\\\"index\\\":0,\\\"text\\\":\\\"hi\\\"}\"}");
                Console.WriteLine("events " + kind.AsContentDeltaEvent!.DataPayload!.Text + " " + string.Join(",", Events.Api.ProgressEvent.FromJson("{\"data\":\"{\\\"percent\\\":101}\"}").Validate().Select(e => e.Pointer)));
                Console.WriteLine("streams " + typeof(Program).Assembly.GetTypes().Where(t => t.Namespace == "Streams.Api").SelectMany(t => t.GetMethods()).Select(m => m.Name).Where(n => n.EndsWith("StreamingAsync", StringComparison.Ordinal)).Distinct().OrderBy(n => n, StringComparer.Ordinal).Aggregate((a, b) => a + "," + b));
            }
        }

        """;

    private readonly PackageFixture _fixture;

    public SchemaFeatureConsumerTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public void A_strict_app_builds_inheritance_choice_rules_unevaluated_properties_typeless_values_streams_and_Swagger_2_0_and_3_2_documents_and_runs_them()
    {
        ConsumerProject app = _fixture.NewProject("SchemaFeatures");
        app.WriteProject(
            """
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <GenerateDocumentationFile>true</GenerateDocumentationFile>
                <AnalysisLevel>latest-recommended</AnalysisLevel>
            """,
            """
                <OpenApiSpec Include="inheritance.yaml" Namespace="Inheritance.Api" />
                <OpenApiSpec Include="choice-rules.yaml" Namespace="ChoiceRules.Api" />
                <OpenApiSpec Include="unevaluated.yaml" Namespace="Unevaluated.Api" />
                <OpenApiSpec Include="swagger2.yaml" Namespace="Swagger2.Api" />
                <OpenApiSpec Include="default-mapping.yaml" Namespace="DefaultMapping.Api" />
                <OpenApiSpec Include="oas32.yaml" Namespace="Oas32.Api" />
                <OpenApiSpec Include="typeless.yaml" Namespace="Typeless.Api" />
                <OpenApiSpec Include="streams-32.yaml" Namespace="Streams.Api" />
                <OpenApiSpec Include="events-32.yaml" Namespace="Events.Api" />
            """);
        foreach (string spec in new[] { "inheritance.yaml", "choice-rules.yaml", "unevaluated.yaml", "swagger2.yaml", "default-mapping.yaml", "oas32.yaml", "typeless.yaml", "events-32.yaml" })
        {
            app.Write(spec, File.ReadAllText(Path.Combine(_fixture.RepositoryRoot, "tests", "Generator.Tests", "Specs", spec)));
        }

        app.Write("streams-32.yaml", File.ReadAllText(Path.Combine(_fixture.RepositoryRoot, "tests", "Generator.ClientTests", "Specs", "streams-32.yaml")));

        app.Write("Program.cs", Program);

        CliResult build = app.Build();
        Assert.True(build.ExitCode == 0 && build.Warnings.Count == 0, build.ToString());

        CliResult run = app.RunBuilt();
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            [
                "read Lion",
                "round-trip Lion",
                "choices /shipping,/shipping/address", // the address matches both oneOf alternatives, the shipping none of its anyOf (ChoiceRuleTests)
                "unevaluated /colour,/size", // unevaluatedProperties: false, each member at its own pointer
                "swagger2 Dog null", // discriminator value from x-ms-discriminator-value; x-nullable: null is a value
                "default OtherPet", // OpenAPI 3.2 defaultMapping: no discriminator reads as the default type
                "oas32 SearchItemsAsync", // an OpenAPI 3.2 document (QUERY, additionalOperations, in: querystring) builds strictly
                "typeless /anything,/either", // a typeless property checks a string's rules on a string; a type list rejects 7.5
                "events hi /data/percent", // 3.2 typed event kinds (a oneOf by the event's const) and a typed data payload checked under /data
                "streams AppendLogsStreamingAsync,TailLogSequenceStreamingAsync,TailLogsStreamingAsync,WatchEventsStreamingAsync", // typed streaming methods of a 3.2 itemSchema document build strictly
            ],
            run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
