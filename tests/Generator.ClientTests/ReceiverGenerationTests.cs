using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using OpenApiSdk.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace OpenApiSdk.ClientTests;

/// <summary>
/// What the generator emits for webhooks, callbacks, cookies and XML bodies, compiled in-process: the ASP.NET Core
/// endpoints only where ASP.NET Core is referenced, every public member documented, and the corpus's webhook and
/// callback documents without a warning.
/// </summary>
public sealed class ReceiverGenerationTests
{
    private readonly ITestOutputHelper _output;

    public ReceiverGenerationTests(ITestOutputHelper output) => _output = output;

    /// <summary>The ASP.NET Core shared framework this test runs on, as compilation references.</summary>
    private static IEnumerable<MetadataReference> AspNetCoreReferences()
    {
        string directory = Path.GetDirectoryName(typeof(Microsoft.AspNetCore.Builder.WebApplication).Assembly.Location)!;
        return Directory.GetFiles(directory, "Microsoft.*.dll")
            .Where(f => Path.GetFileName(f).StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || Path.GetFileName(f).StartsWith("Microsoft.Extensions", StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => (MetadataReference)MetadataReference.CreateFromFile(f));
    }

    /// <summary>Runs the generator with documentation comments diagnosed (CS1591 for any undocumented public member), with or without ASP.NET Core.</summary>
    private static GeneratorRun Run(string path, string text, bool aspNetCore)
    {
        var specs = new[] { new SpecFile(path, text, "Hooks.Sdk") };
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation();
        if (aspNetCore)
        {
            compilation = compilation.AddReferences(AspNetCoreReferences());
        }

        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new OpenApiSdk.Generator.OpenApiGenerator().AsSourceGenerator() },
            specs.Select(s => (AdditionalText)new InMemoryAdditionalText(s.Path, s.Text)),
            new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose),
            new SpecOptionsProvider(specs));
        return GeneratorHarness.RunDriver(driver, compilation);
    }

    private static string ReceiversSpec => File.ReadAllText(Path.Combine(GeneratorHarness.RepositoryRoot, "tests", "Generator.ClientTests", "Specs", "receivers.yaml"));

    private static IEnumerable<string> HintNames(GeneratorRun run) => run.Sources.Select(s => s.HintName);

    /// <summary>
    /// Compile problems, but for the known CS1591 on extensible enums' == and != (issue 12, "XML docs", fixed apart
    /// from this work) outside the receivers' own files.
    /// </summary>
    private static IEnumerable<Diagnostic> Problems(GeneratorRun run) => run.CompileProblems.Where(d => d.Id != "CS1591" || IsReceiverFile(d));

    [Fact]
    public void The_parsers_need_nothing_of_AspNetCore_and_the_endpoints_come_only_with_it()
    {
        GeneratorRun without = Run("/specs/receivers.yaml", ReceiversSpec, aspNetCore: false);
        GeneratorRun with = Run("/specs/receivers.yaml", ReceiversSpec, aspNetCore: true);

        Assert.Empty(Problems(without));
        Assert.Empty(Problems(with));
        Assert.Contains("receivers.PetEventsWebhooks.g.cs", HintNames(without));
        Assert.Contains("receivers.PetEventsCallbacks.g.cs", HintNames(without));
        Assert.DoesNotContain(HintNames(without), h => h.Contains("WebhookEndpoints", StringComparison.Ordinal));
        Assert.Contains("receivers.PetEventsWebhookEndpoints.g.cs", HintNames(with));
        Assert.DoesNotContain(without.Sources, s => s.SourceText.ToString().Contains("Microsoft.AspNetCore", StringComparison.Ordinal));

        INamedTypeSymbol endpoints = with.OutputCompilation.GetTypeByMetadataName("Hooks.Sdk.PetEventsWebhookEndpoints")!;
        Assert.Equal(
            new[] { "MapNewPetWebhook", "MapPetsRemovedWebhook", "MapSubscribeOnAdoptionCallback" },
            endpoints.GetMembers().OfType<IMethodSymbol>().Where(m => m.DeclaredAccessibility == Accessibility.Public).Select(m => m.Name).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Empty(with.GeneratorDiagnostics);
    }

    [SkippableTheory]
    [InlineData("oai-webhook-example.yaml")]
    [InlineData("xero-webhooks.yaml")]
    [InlineData("redocly-museum.yaml")]
    [InlineData("oai-callback-example.yaml")]
    [InlineData("oai-tictactoe.yaml")]
    public void The_corpus_webhook_and_callback_documents_compile_with_their_endpoints(string file)
    {
        string directory = Requires.SharedSpecs();

        // Which parsers each document gets, and that nothing of them is reported, is CorpusTests' part.
        string path = Path.Combine(directory, file);
        GeneratorRun run = Run(path, File.ReadAllText(path), aspNetCore: true);
        foreach (Diagnostic diagnostic in Problems(run).Take(10))
        {
            _output.WriteLine(diagnostic.ToString());
        }

        Assert.Empty(Problems(run));
        Assert.Contains(HintNames(run), h => h.EndsWith("WebhookEndpoints.g.cs", StringComparison.Ordinal));
    }

    /// <summary>A diagnostic in a file of the receivers (their classes, payload and header models); other files have owners of their own.</summary>
    private static bool IsReceiverFile(Diagnostic diagnostic)
    {
        string file = Path.GetFileName(diagnostic.Location.SourceTree?.FilePath ?? string.Empty);
        return file.Contains("Webhooks", StringComparison.Ordinal) || file.Contains("Callbacks", StringComparison.Ordinal) || file.Contains("WebhookEndpoints", StringComparison.Ordinal)
            || file.Contains("Payload", StringComparison.Ordinal) || file.Contains("Headers", StringComparison.Ordinal);
    }

    [Fact]
    public void An_OpenAPI_3_2_document_gets_receivers_for_its_webhooks_additional_operations_and_the_callbacks_of_a_query_operation()
    {
        const string spec = """
            openapi: 3.2.0
            info: { title: Sync, version: '1' }
            webhooks:
              synced:
                post:
                  requestBody:
                    content: { application/json: { schema: { type: object, properties: { id: { type: string } } } } }
                  responses: { '200': { description: ok } }
                additionalOperations:
                  NOTIFY:
                    requestBody:
                      content: { application/json: { schema: { type: object, properties: { at: { type: string } } } } }
                    responses: { '200': { description: ok } }
            paths:
              /reports:
                query:
                  operationId: findReports
                  requestBody:
                    content: { application/json: { schema: { type: object, properties: { text: { type: string } } } } }
                  callbacks:
                    onReady:
                      '{$request.body#/callback}':
                        post:
                          requestBody:
                            content: { application/json: { schema: { type: object, properties: { url: { type: string } } } } }
                          responses: { '200': { description: ok } }
                  responses: { '200': { description: ok } }
            """;
        GeneratorRun run = Run("/specs/sync.yaml", spec, aspNetCore: true);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(Problems(run));
        INamedTypeSymbol endpoints = run.OutputCompilation.GetTypeByMetadataName("Hooks.Sdk.SyncWebhookEndpoints")!;
        Assert.Equal(
            new[] { "MapFindReportsOnReadyCallback", "MapSyncedNotifyWebhook", "MapSyncedPostWebhook" },
            endpoints.GetMembers().OfType<IMethodSymbol>().Where(m => m.DeclaredAccessibility == Accessibility.Public).Select(m => m.Name).OrderBy(n => n, StringComparer.Ordinal));
        string code = run.Sources.Single(s => s.HintName == "sync.SyncWebhookEndpoints.g.cs").SourceText.ToString();
        Assert.Contains("new[] { \"NOTIFY\" }", code, StringComparison.Ordinal); // mapped to the method as the spec writes it
    }

    [Fact]
    public void A_webhook_body_that_is_not_JSON_is_a_located_warning_and_gets_no_parser()
    {
        const string spec = """
            openapi: 3.1.0
            info: { title: Forms, version: '1' }
            webhooks:
              submitted:
                post:
                  requestBody:
                    content:
                      application/x-www-form-urlencoded:
                        schema: { type: object, properties: { a: { type: string } } }
                  responses: { '200': { description: ok } }
            """;
        GeneratorRun run = Run("/specs/forms.yaml", spec, aspNetCore: true);

        Diagnostic warning = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(("OAS010", DiagnosticSeverity.Warning), (warning.Id, warning.Severity));
        Assert.Equal(7, warning.Location.GetLineSpan().StartLinePosition.Line); // 0-based: line 8, the content mapping
        Assert.Contains("A webhook body of type 'application/x-www-form-urlencoded'", warning.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains("no parser is generated for submitted", warning.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Empty(Problems(run));
        Assert.DoesNotContain(HintNames(run), h => h.Contains("Webhook", StringComparison.Ordinal));
    }

    [Fact]
    public void An_XML_only_body_with_a_schema_is_a_located_warning_that_says_what_is_missing()
    {
        const string spec = """
            openapi: 3.0.3
            info: { title: Xml, version: '1' }
            paths:
              /pets:
                post:
                  operationId: addPet
                  requestBody:
                    content:
                      application/xml:
                        schema: { type: object, properties: { name: { type: string } } }
                  responses:
                    '200':
                      description: ok
                      content:
                        text/xml:
                          schema: { type: object, properties: { id: { type: integer } } }
                put:
                  operationId: putPet
                  requestBody:
                    content:
                      application/json: { schema: { type: object, properties: { name: { type: string } } } }
                      application/xml: { schema: { type: object, properties: { name: { type: string } } } }
                  responses: { '204': { description: ok } }
            """;
        GeneratorRun run = Run("/specs/xml.yaml", spec, aspNetCore: false);

        Diagnostic[] warnings = run.GeneratorDiagnostics.OrderBy(d => d.Location.GetLineSpan().StartLinePosition.Line).ToArray();
        Assert.Equal(2, warnings.Length); // putPet has JSON too: it is sent as JSON, nothing is missing
        Assert.All(warnings, d => Assert.Equal(("OAS010", DiagnosticSeverity.Warning), (d.Id, d.Severity)));
        Assert.Equal(8, warnings[0].Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("An XML request body ('application/xml')", warnings[0].GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains("addPet takes the body as bytes: the SDK writes no XML from its schema", warnings[0].GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal(14, warnings[1].Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("An XML response body ('text/xml')", warnings[1].GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Empty(Problems(run));
    }

    [Fact]
    public void A_cookie_name_that_is_not_an_RFC_6265_token_is_a_warning_on_the_name_and_the_parameter_is_left_out()
    {
        const string spec = """
            openapi: 3.0.3
            info: { title: Cookies, version: '1' }
            paths:
              /a:
                get:
                  operationId: getA
                  parameters:
                    - { name: 'a=b', in: cookie, schema: { type: string } }
                    - { name: good, in: cookie, schema: { type: string } }
                  responses: { '204': { description: ok } }
            """;
        GeneratorRun run = Run("/specs/cookies.yaml", spec, aspNetCore: false);

        Diagnostic error = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(("OAS014", DiagnosticSeverity.Warning), (error.Id, error.Severity)); // the SDK does less than the spec says
        Assert.Equal(7, error.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("The cookie name 'a=b' of getA is not an RFC 6265 token", error.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        IMethodSymbol getA = (IMethodSymbol)run.OutputCompilation.GetTypeByMetadataName("Hooks.Sdk.CookiesClient")!.GetMembers("GetAAsync").Single();
        Assert.Equal(new[] { "good", "requestOptions", "cancellationToken" }, getA.Parameters.Select(p => p.Name));
    }
}
