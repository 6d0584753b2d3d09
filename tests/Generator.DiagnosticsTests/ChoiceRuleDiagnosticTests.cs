using System.Linq;
using Microsoft.CodeAnalysis;
using OpenApiSdk.Tests.Harness;
using Xunit;
using static OpenApiSdk.DiagnosticsTests.DiagnosticAssert;

namespace OpenApiSdk.DiagnosticsTests;

/// <summary>
/// oneOf/anyOf beside a schema's own keywords are validation rules (SchemaBuilder.ChoiceRules): no OAS010 for what the
/// rule checks, and a located OAS010 warning for each keyword of an alternative that it cannot carry.
/// </summary>
public class ChoiceRuleDiagnosticTests
{
    private const string OneOfNone = "must match exactly one of the alternatives (oneOf), but matches none of the 2";
    private const string OneOfBoth = "must match exactly one of the alternatives (oneOf), but matches 2 of the 2";
    private const string AnyOfNone = "must match at least one of the alternatives (anyOf), but matches none of the 2";

    [Theory]
    [InlineData("type: object\n      properties: {a: {type: string}, b: {type: string}}\n      oneOf: [{required: [a]}, {required: [b]}]")]
    [InlineData("properties: {a: {type: string}, b: {type: string}}\n      oneOf: [{required: [a]}, {required: [b]}]")] // untyped: still an object
    [InlineData("allOf: [{$ref: '#/components/schemas/Base'}]\n      oneOf: [{required: [a]}, {required: [b]}]")]
    public void An_object_with_oneOf_beside_its_properties_is_not_reported_and_checks_the_rule(string body)
    {
        GeneratorRun run = Run(Spec(
            "    Holder:\n" +
            "      " + body + "\n" +
            "    Base:\n" +
            "      type: object\n" +
            "      properties: {a: {type: string}, b: {type: string}}\n"));
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        CompilesCleanly(run);

        using Loaded sdk = Loaded.From(run);
        Assert.Equal("x", Loaded.Get(sdk.FromJson("Holder", "{\"a\":\"x\"}"), "A"));
        Assert.Empty(Loaded.Errors(sdk.FromJson("Holder", "{\"a\":\"x\"}")));
        Assert.Equal(new[] { "/: " + OneOfNone }, Loaded.Errors(sdk.FromJson("Holder", "{}")));
        Assert.Equal(new[] { "/: " + OneOfBoth }, Loaded.Errors(sdk.FromJson("Holder", "{\"a\":\"x\",\"b\":\"y\"}")));
    }

    [Fact]
    public void An_alternative_whose_type_the_value_cannot_have_never_matches()
    {
        GeneratorRun run = Run(Spec(
            "    Holder:\n" +
            "      type: object\n" +
            "      properties:\n" +
            "        code:\n" +
            "          type: string\n" +
            "          anyOf: [{type: integer}, {minLength: 2}]\n"));
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        CompilesCleanly(run);

        using Loaded sdk = Loaded.From(run);
        Assert.Empty(Loaded.Errors(sdk.FromJson("Holder", "{\"code\":\"ab\"}")));
        Assert.Equal(new[] { "/code: " + AnyOfNone }, Loaded.Errors(sdk.FromJson("Holder", "{\"code\":\"a\"}")));
    }

    [Fact]
    public void A_member_that_holds_null_does_not_match_a_fragment_whose_type_leaves_null_out()
    {
        GeneratorRun run = Run(Spec(
            "    Holder:\n" +
            "      type: object\n" +
            "      properties:\n" +
            "        a: {type: [string, 'null']}\n" +
            "        b: {type: string}\n" +
            "      oneOf:\n" +
            "        - {required: [a], properties: {a: {type: string}}}\n" +
            "        - {required: [b]}\n"));
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        CompilesCleanly(run);

        using Loaded sdk = Loaded.From(run);
        Assert.Empty(Loaded.Errors(sdk.FromJson("Holder", "{\"a\":\"x\"}")));
        Assert.Equal(new[] { "/: " + OneOfNone }, Loaded.Errors(sdk.FromJson("Holder", "{\"a\":null}")));
    }

    [Fact]
    public void A_keyword_an_alternative_check_cannot_carry_is_checked_on_the_models_JSON()
    {
        GeneratorRun run = Run(Spec(
            "    Holder:\n" +                          // 8
            "      type: object\n" +                   // 9
            "      properties:\n" +                    // 10
            "        a: {type: string}\n" +            // 11
            "        b: {type: string}\n" +            // 12
            "      oneOf:\n" +                         // 13
            "        - required: [a]\n" +              // 14
            "        - required: [b]\n" +              // 15
            "          minProperties: 3\n"));          // 16, keyword at col 11
        // The typed rule leaves minProperties out (the alternative is undecided there); the model's JSON is checked against
        // the whole schema, so no warning is left and the rule is exact.
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "OAS010");
        CompilesCleanly(run);
        using Loaded sdk = Loaded.From(run);
        Assert.Empty(Loaded.Errors(sdk.FromJson("Holder", "{\"a\":\"x\"}")));
        Assert.Equal(new[] { "/: " + OneOfNone }, Loaded.Errors(sdk.FromJson("Holder", "{\"b\":\"y\"}"))); // 1 member, not 3
        Assert.Empty(Loaded.Errors(sdk.FromJson("Holder", "{\"a\":\"x\",\"b\":\"y\"}"))); // the second fails minProperties: one match
        Assert.Equal(new[] { "/: " + OneOfNone }, Loaded.Errors(sdk.FromJson("Holder", "{}"))); // said once, by both checks
    }

    [Fact]
    public void Rules_on_a_member_the_object_does_not_declare_are_checked_on_the_models_JSON()
    {
        GeneratorRun run = Run(Spec(
            "    Holder:\n" +                                   // 8
            "      type: object\n" +                            // 9
            "      properties: {a: {type: string}}\n" +         // 10
            "      anyOf:\n" +                                  // 11
            "        - required: [a]\n" +                       // 12
            "        - properties: {extra: {minLength: 2}}\n")); // 13, 'extra' at col 24
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "OAS010");
        CompilesCleanly(run);
        using Loaded sdk = Loaded.From(run);
        Assert.Empty(Loaded.Errors(sdk.FromJson("Holder", "{\"a\":\"x\"}")));
        Assert.Empty(Loaded.Errors(sdk.FromJson("Holder", "{\"extra\":\"xy\"}")));
        Assert.Equal(new[] { "/: must match at least one of the alternatives (anyOf), but matches none of the 2" }, Loaded.Errors(sdk.FromJson("Holder", "{\"extra\":\"x\"}")));
    }

    [Fact]
    public void A_string_keyword_on_a_value_typed_as_a_date_time_is_checked_on_the_models_JSON()
    {
        GeneratorRun run = Run(Spec(
            "    Holder:\n" +                                        // 8
            "      type: object\n" +                                 // 9
            "      properties:\n" +                                  // 10
            "        at:\n" +                                        // 11
            "          type: string\n" +                             // 12
            "          format: date-time\n" +                        // 13
            "          oneOf: [{maxLength: 20}, {minLength: 25}]\n")); // 14, first maxLength at col 20
        // The typed rule cannot measure a DateTimeOffset (both alternatives undecided there); the model's JSON is checked.
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "OAS010");
        CompilesCleanly(run);
        using Loaded sdk = Loaded.From(run);
        Assert.Empty(Loaded.Errors(sdk.FromJson("Holder", "{\"at\":\"2024-02-29T10:00:00Z\"}")));
    }

    [Fact]
    public void Keywords_a_parameters_typed_checks_cannot_carry_are_checked_on_its_json_with_no_warning()
    {
        // Each of these was an OAS010 on the parameter; the client now checks the value's JSON against the whole schema
        // (ParameterRuleTests shows the errors and the requests).
        string yaml =
            "openapi: 3.1.0\ninfo:\n  title: T\n  version: '1'\n" +
            "paths:\n" +
            "  /items:\n" +
            "    get:\n" +
            "      operationId: listItems\n" +
            "      parameters:\n" +
            "        - name: since\n" +
            "          in: query\n" +
            "          schema: {type: string, oneOf: [{format: date}, {format: date-time}]}\n" +
            "        - name: owner\n" +
            "          in: query\n" +
            "          schema: {type: string, not: {pattern: '^admin'}}\n" +
            "        - name: tags\n" +
            "          in: query\n" +
            "          schema: {type: array, items: {type: string, not: {const: x}}, contains: {const: a}, maxContains: 2}\n" +
            "        - name: filter\n" +
            "          in: header\n" +
            "          schema: {not: {type: string}, if: {type: object}, then: {required: [a]}}\n" +
            "        - name: pair\n" +
            "          in: header\n" +
            "          schema: {type: array, prefixItems: [{type: string}], items: {type: integer}}\n" +
            "        - name: mode\n" +
            "          in: cookie\n" +
            "          schema: {type: [string, integer], anyOf: [{minLength: 2}, {minimum: 3}]}\n" +
            "      responses:\n" +
            "        '204': {description: none}\n";
        GeneratorRun run = Run(yaml);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "OAS010");
        CompilesCleanly(run);
    }

    [Fact]
    public void A_schema_that_is_only_a_choice_stays_a_union()
    {
        GeneratorRun run = Run(Spec(
            "    Holder:\n" +
            "      oneOf: [{type: string}, {type: integer}]\n"));
        CompilesCleanly(run);
        Assert.NotNull(run.OutputCompilation.GetTypeByMetadataName("Test.Sdk.Holder")?.GetMembers("IsString").SingleOrDefault());
    }
}
