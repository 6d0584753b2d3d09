using System.Linq;
using Microsoft.CodeAnalysis;
using OpenApiSdk.Tests.Harness;
using Xunit;
using static OpenApiSdk.DiagnosticsTests.DiagnosticAssert;

namespace OpenApiSdk.DiagnosticsTests;

/// <summary>
/// AutoRest's x-ms-* extensions (Azure/autorest docs/extensions/readme.md) with malformed values: each is a located OAS015
/// info (or OAS022 where a wait cannot be generated), the rest of the SDK is generated as without the extension, and it compiles.
/// </summary>
public sealed class AzureExtensionDiagnosticTests
{
    [Fact]
    public void OAS015_an_x_ms_enum_without_a_name_is_an_info_at_the_extension_and_the_enum_keeps_its_place_name()
    {
        string yaml = Spec(
            "    Account:\n" +                                                   // 8
            "      type: object\n" +                                             // 9
            "      properties:\n" +                                              // 10
            "        tier:\n" +                                                  // 11
            "          type: string\n" +                                         // 12
            "          enum: [Hot, Cool]\n" +                                    // 13
            "          x-ms-enum:\n" +                                           // 14
            "            modelAsString: false\n",                                // 15, the mapping starts at col 13
            "3.0.3");
        GeneratorRun run = Run(yaml);

        Diagnostic d = Single(run, "OAS015", DiagnosticSeverity.Info, 15, 13);
        Assert.Equal("'x-ms-enum' has no 'name' (AutoRest requires one); the enum is named after where it is used", Message(d));
        Assert.Contains(run.Sources, s => s.HintName.EndsWith(".AccountTier.g.cs", System.StringComparison.Ordinal));
        CompilesCleanly(run);
    }

    [Fact]
    public void OAS015_malformed_x_ms_enum_values_are_infos_at_each_and_the_rest_still_names_the_members()
    {
        string yaml = Spec(
            "    Tier:\n" +                                                      // 8
            "      type: string\n" +                                             // 9
            "      enum: [Hot, Cool]\n" +                                        // 10
            "      x-ms-enum:\n" +                                               // 11
            "        name: AccessTier\n" +                                       // 12
            "        modelAsString: maybe\n" +                                   // 13, value at col 24
            "        values:\n" +                                                // 14
            "          - value: Hot\n" +                                         // 15
            "            name: Frequent\n" +                                     // 16
            "          - value: Archive\n" +                                     // 17, value at col 20
            "          - plain\n",                                               // 18, col 13
            "3.0.3");
        GeneratorRun run = Run(yaml);

        var infos = run.GeneratorDiagnostics.Where(x => x.Id == "OAS015").OrderBy(x => x.Location.GetLineSpan().StartLinePosition.Line).ToList();
        Assert.Equal(3, infos.Count);
        At(infos[0], DiagnosticSeverity.Info, 13, 24);
        Assert.Equal("The 'modelAsString' of 'x-ms-enum' must be true or false; it is ignored (both give the same extensible enum)", Message(infos[0]));
        At(infos[1], DiagnosticSeverity.Info, 17, 20);
        Assert.Equal("The value 'Archive' of 'x-ms-enum' is not in the schema's 'enum'; its entry is ignored (the schema's 'enum' lists the values)", Message(infos[1]));
        At(infos[2], DiagnosticSeverity.Info, 18, 13);

        // The type is named by x-ms-enum (not the component's key), its Hot member by the entry's name.
        string source = run.Source("AccessTier.g.cs");
        Assert.Contains("public static AccessTier Frequent => new(\"Hot\");", source, System.StringComparison.Ordinal);
        Assert.Contains("public static AccessTier Cool => new(\"Cool\");", source, System.StringComparison.Ordinal);
        CompilesCleanly(run);
    }

    [Fact]
    public void OAS012_enums_whose_x_ms_enum_name_is_the_same_but_whose_values_differ_are_two_types_and_the_rename_is_reported()
    {
        string yaml = Spec(
            "    Account:\n" +                                                   // 8
            "      type: object\n" +                                             // 9
            "      properties:\n" +                                              // 10
            "        primary:\n" +                                               // 11
            "          type: string\n" +                                         // 12
            "          enum: [Available, Unavailable]\n" +                       // 13
            "          x-ms-enum: {name: AccountStatus}\n" +                     // 14
            "        secondary:\n" +                                             // 15
            "          type: string\n" +                                         // 16
            "          enum: [Available, Unavailable]\n" +                       // 17
            "          x-ms-enum: {name: AccountStatus}\n" +                     // 18
            "        archive:\n" +                                               // 19
            "          type: string\n" +                                         // 20
            "          enum: [Online, Offline]\n" +                              // 21
            "          x-ms-enum: {name: AccountStatus}\n",                      // 22, name value at col 29
            "3.0.3");
        GeneratorRun run = Run(yaml);

        Diagnostic d = Single(run, "OAS012", DiagnosticSeverity.Info, 22, 29);
        Assert.Equal("The enum named by x-ms-enum 'Account.Archive' maps to the C# name 'AccountStatus', which is taken; it is named 'AccountStatus2'", Message(d));
        string account = run.Source("Account.g.cs");
        Assert.Contains("public AccountStatus? Primary { get; set; }", account, System.StringComparison.Ordinal);
        Assert.Contains("public AccountStatus? Secondary { get; set; }", account, System.StringComparison.Ordinal);
        Assert.Contains("public AccountStatus2? Archive { get; set; }", account, System.StringComparison.Ordinal);
        CompilesCleanly(run);
    }

    [Fact]
    public void OAS012_an_x_ms_client_name_that_another_property_already_has_is_renamed_and_reported_at_the_property()
    {
        string yaml = Spec(
            "    Product:\n" +                                                   // 8
            "      type: object\n" +                                             // 9
            "      properties:\n" +                                              // 10
            "        sku: {type: string}\n" +                                    // 11
            "        product_id: {type: string, x-ms-client-name: SKU}\n",       // 12, key at col 9
            "3.0.3");
        GeneratorRun run = Run(yaml);

        Diagnostic rename = Single(run, "OAS012", DiagnosticSeverity.Info, 12, 9);
        Assert.Equal("The property '#/components/schemas/Product.product_id' maps to the C# name 'Sku', which is taken; it is named 'Sku2'", Message(rename));
        Assert.Contains("public string? Sku2 { get; set; }", run.Source("Product.g.cs"), System.StringComparison.Ordinal);
        CompilesCleanly(run);
    }

    [Fact]
    public void OAS015_an_x_ms_client_name_that_is_not_a_string_is_ignored_at_its_value()
    {
        string yaml = Spec(
            "    Product:\n" +                                                   // 8
            "      type: object\n" +                                             // 9
            "      properties:\n" +                                              // 10
            "        bad: {type: string, x-ms-client-name: [a]}\n",              // 11, value at col 47
            "3.0.3");
        GeneratorRun run = Run(yaml);

        Diagnostic d = Single(run, "OAS015", DiagnosticSeverity.Info, 11, 47);
        Assert.Equal("'x-ms-client-name' must be a non-empty string; it is ignored and the C# name comes from the wire name", Message(d));
        CompilesCleanly(run);
    }

    private const string Operations =
        "openapi: 3.0.3\ninfo:\n  title: T\n  version: '1'\npaths:\n" +
        "  /things/{id}:\n" +                                                    // 6
        "    put:\n" +                                                           // 7
        "      operationId: Things_Create\n" +                                   // 8
        "      x-ms-long-running-operation: true\n" +                            // 9
        "      x-ms-long-running-operation-options:\n" +                         // 10
        "        final-state-via: somewhere\n" +                                 // 11, value at col 26
        "      parameters:\n" +                                                  // 12
        "        - {name: id, in: path, required: true, schema: {type: string}}\n" + // 13
        "      responses:\n" +                                                   // 14
        "        '200':\n" +                                                     // 15
        "          description: ok\n" +                                          // 16
        "          content:\n" +                                                 // 17
        "            application/json:\n" +                                      // 18
        "              schema: {type: array, items: {type: string}}\n" +         // 19
        "    delete:\n" +                                                        // 20
        "      operationId: Things_Delete\n" +                                   // 21
        "      x-ms-long-running-operation: true\n" +                            // 22
        "      x-ms-long-running-operation-options:\n" +                         // 23
        "        final-state-via: somewhere\n" +                                 // 24, value at col 26
        "      parameters:\n" +                                                  // 25
        "        - {name: id, in: path, required: true, schema: {type: string}}\n" + // 26
        "      responses:\n" +                                                   // 27
        "        '202': {description: accepted}\n" +                             // 28
        "x-ms-paths:\n" +                                                        // 29
        "  /things/{id}?op=stop&mode={mode}:\n" +                                // 30, key at col 3
        "    post:\n" +                                                          // 31
        "      operationId: Things_Stop\n" +                                     // 32
        "      parameters:\n" +                                                  // 33
        "        - {name: id, in: path, required: true, schema: {type: string}}\n" + // 34
        "      responses:\n" +                                                   // 35
        "        '204': {description: stopped}\n";                               // 36

    [Fact]
    public void OAS022_a_long_running_operation_whose_result_is_not_an_object_gets_no_wait_and_says_so_at_the_extension()
    {
        GeneratorRun run = Run(Operations);

        Diagnostic d = Single(run, "OAS022", DiagnosticSeverity.Warning, 9, 36);
        Assert.Equal("The x-ms-long-running-operation of Things_Create cannot be applied: its result must be an object schema (or none); no WaitForThingsCreateAsync is generated", Message(d));
        string helpers = run.Source("Helpers.g.cs");
        Assert.DoesNotContain("WaitForThingsCreateAsync", helpers, System.StringComparison.Ordinal);
        Assert.Contains("WaitForThingsDeleteAsync", helpers, System.StringComparison.Ordinal);
        CompilesCleanly(run);
    }

    [Fact]
    public void OAS015_an_unknown_final_state_via_and_an_x_ms_paths_template_without_its_parameter_are_infos_where_they_are()
    {
        GeneratorRun run = Run(Operations);

        var infos = run.GeneratorDiagnostics.Where(x => x.Id == "OAS015").OrderBy(x => x.Location.GetLineSpan().StartLinePosition.Line).ToList();
        Assert.Equal(2, infos.Count);
        At(infos[0], DiagnosticSeverity.Info, 24, 26);
        Assert.Equal("The 'final-state-via' of Things_Delete's 'x-ms-long-running-operation-options' must be azure-async-operation, location, original-uri or operation-location; the result is read where the method's default says", Message(infos[0]));
        At(infos[1], DiagnosticSeverity.Info, 30, 3);
        Assert.Equal("The query 'mode={...}' of the x-ms-paths key names no query parameter of Things_Stop; nothing is sent for it (declare the parameter)", Message(infos[1]));

        // The literal pair is still sent.
        Assert.Contains("__request.Query(\"op\", \"stop\");", run.Source("Operations.g.cs"), System.StringComparison.Ordinal);
        CompilesCleanly(run);
    }

    [Fact]
    public void OAS015_an_x_ms_pageable_operationName_that_is_not_a_string_is_an_info_and_the_next_page_method_keeps_its_name()
    {
        string yaml = "openapi: 3.0.3\ninfo:\n  title: T\n  version: '1'\npaths:\n" +
            "  /things:\n" +                                                     // 6
            "    get:\n" +                                                       // 7
            "      operationId: Things_List\n" +                                 // 8
            "      x-ms-pageable:\n" +                                           // 9
            "        nextLinkName: nextLink\n" +                                 // 10
            "        operationName: [listMore]\n" +                              // 11, value at col 24
            "      responses:\n" +
            "        '200':\n" +
            "          description: ok\n" +
            "          content:\n" +
            "            application/json:\n" +
            "              schema:\n" +
            "                type: object\n" +
            "                properties:\n" +
            "                  value: {type: array, items: {type: string}}\n" +
            "                  nextLink: {type: string}\n";
        GeneratorRun run = Run(yaml);

        Diagnostic d = Single(run, "OAS015", DiagnosticSeverity.Info, 11, 24);
        Assert.Equal("The 'operationName' of the x-ms-pageable of Things_List must be a non-empty string; the next-page method is named ThingsListNextPageAsync", Message(d));
        Assert.Contains("ThingsListNextPageAsync(string nextLink", run.Source("Helpers.g.cs"), System.StringComparison.Ordinal);
        CompilesCleanly(run);
    }
}
