using System.Linq;
using Microsoft.CodeAnalysis;
using OpenApiSdk.Tests.Harness;
using Xunit;
using static OpenApiSdk.DiagnosticsTests.DiagnosticAssert;

namespace OpenApiSdk.DiagnosticsTests;

/// <summary>The diagnostics of paging, links and job waits (OAS020-OAS022): ID, severity, and the YAML position they point at.</summary>
public sealed class HelperDiagnosticTests
{
    private const string Head = "openapi: 3.0.3\ninfo:\n  title: T\n  version: '1'\npaths:\n  /items:\n    get:\n";

    private const string PagedResponses =
        "      responses:\n" +                                                      // 12
        "        '200':\n" +                                                        // 13
        "          description: ok\n" +                                             // 14
        "          content:\n" +                                                    // 15
        "            application/json:\n" +                                         // 16
        "              schema:\n" +                                                 // 17
        "                type: object\n" +                                          // 18
        "                properties:\n" +                                           // 19
        "                  items: {type: array, items: {type: string}}\n" +         // 20
        "                  total_count: {type: integer}\n";                         // 21

    [Fact]
    public void OAS020_a_recognised_list_is_an_info_at_its_operationId_naming_the_style()
    {
        string yaml = Head +
            "      operationId: listItems\n" +                                      // 8, value at col 20
            "      parameters:\n" +                                                 // 9
            "        - {name: offset, in: query, schema: {type: integer}}\n" +      // 10
            "        - {name: limit, in: query, schema: {type: integer}}\n" +       // 11
            "        - {name: client, in: query, schema: {type: string}}\n" +      // a parameter named like the extension's 'this'
            PagedResponses;
        GeneratorRun run = Run(yaml);

        Diagnostic d = Single(run, "OAS020", DiagnosticSeverity.Info, 8, 20);
        Assert.Contains("ListItemsItemsAsync(this global::Test.Sdk.ITClient client2, string? client = null,", run.Source("Helpers.g.cs"), System.StringComparison.Ordinal);
        Assert.Equal("listItems is a paged list (offset/limit with the total count 'total_count'): ListItemsItemsAsync returns the items of 'items' from every page", Message(d));
        CompilesCleanly(run);
    }

    [Fact]
    public void OAS020_is_not_reported_when_x_pagination_is_false()
    {
        string yaml = Head +
            "      operationId: listItems\n" +
            "      x-pagination: false\n" +
            "      parameters:\n" +
            "        - {name: offset, in: query, schema: {type: integer}}\n" +
            "        - {name: limit, in: query, schema: {type: integer}}\n" +
            PagedResponses;
        GeneratorRun run = Run(yaml);

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "OAS020");
        Assert.DoesNotContain(run.Sources, s => s.HintName.EndsWith(".Helpers.g.cs", System.StringComparison.Ordinal));
    }

    [Fact]
    public void OAS022_an_x_pagination_that_does_not_fit_is_a_warning_at_the_extension_saying_why()
    {
        string yaml = Head +
            "      operationId: listItems\n" +                                      // 8
            "      x-pagination:\n" +                                               // 9
            "        style: cursor\n" +                                             // 10, the mapping starts at col 9
            "      parameters:\n" +                                                 // 11
            PagedResponses;
        GeneratorRun run = Run(yaml);

        Diagnostic d = Single(run, "OAS022", DiagnosticSeverity.Warning, 10, 9);
        Assert.Equal("The x-pagination of listItems cannot be applied: it has no optional string query parameter 'starting_after'; no ListItemsItemsAsync is generated", Message(d));
        Assert.DoesNotContain(run.GeneratorDiagnostics, x => x.Id == "OAS020");
        CompilesCleanly(run);
    }

    [Fact]
    public void OAS021_a_link_that_cannot_be_followed_is_an_info_at_the_link_and_is_no_longer_OAS010()
    {
        string yaml = Head +
            "      operationId: getItem\n" +                                        // 8
            "      responses:\n" +                                                  // 9
            "        '200':\n" +                                                    // 10
            "          description: ok\n" +                                         // 11
            "          content:\n" +                                                // 12
            "            application/json:\n" +                                     // 13
            "              schema: {type: object, properties: {id: {type: string}}}\n" + // 14
            "          links:\n" +                                                  // 15
            "            owner:\n" +                                                // 16, col 13
            "              operationId: getOwner\n";                                // 17
        GeneratorRun run = Run(yaml);

        Diagnostic d = Single(run, "OAS021", DiagnosticSeverity.Info, 16, 13);
        Assert.Equal("The link 'owner' of the 200 response of getItem is described in the operation's documentation but has no generated method: its target operationId 'getOwner' names no generated operation", Message(d));
        Assert.DoesNotContain(run.GeneratorDiagnostics, x => x.Id == "OAS010");
        Assert.Contains("Link 'owner' (200 response): getOwner.", run.Source("Client.Operations.g.cs"), System.StringComparison.Ordinal);
        CompilesCleanly(run);
    }

    [Fact]
    public void OAS022_an_x_job_status_naming_no_string_member_is_a_warning_and_no_wait_method_is_made()
    {
        string yaml =
            "openapi: 3.0.3\ninfo:\n  title: T\n  version: '1'\npaths:\n" +
            "  /jobs/{id}:\n" +                                                     // 6
            "    get:\n" +                                                          // 7
            "      operationId: getJob\n" +                                         // 8
            "      x-job-status:\n" +                                               // 9
            "        status: /state\n" +                                            // 10, col 9
            "        succeeded: [done]\n" +                                         // 11
            "      parameters: [{name: id, in: path, required: true, schema: {type: string}}]\n" +
            "      responses:\n" +
            "        '200':\n" +
            "          description: ok\n" +
            "          content: {application/json: {schema: {type: object, properties: {status: {type: string}}}}}\n" +
            "  /jobs:\n" +
            "    post:\n" +
            "      operationId: startJob\n" +
            "      responses:\n" +
            "        '202':\n" +
            "          description: started\n" +
            "          content: {application/json: {schema: {type: object, properties: {id: {type: string}}}}}\n" +
            "          links:\n" +
            "            job: {operationId: getJob, parameters: {id: '$response.body#/id'}}\n";
        GeneratorRun run = Run(yaml);

        Diagnostic d = Single(run, "OAS022", DiagnosticSeverity.Warning, 10, 9);
        Assert.Equal("The x-job-status of getJob cannot be applied: the status '/state' is not a string member of the response; no wait method is generated for links to it", Message(d));
        string helpers = run.Source("Client.Operations.Helpers.g.cs");
        Assert.Contains("FollowJobAsync(", helpers, System.StringComparison.Ordinal);
        Assert.DoesNotContain("WaitFor", helpers, System.StringComparison.Ordinal);
        CompilesCleanly(run);
    }
}
