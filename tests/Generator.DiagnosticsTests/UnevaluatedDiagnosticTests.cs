using System.Linq;
using Microsoft.CodeAnalysis;
using OpenApiSdk.Tests.Harness;
using Xunit;
using static OpenApiSdk.DiagnosticsTests.DiagnosticAssert;

namespace OpenApiSdk.DiagnosticsTests;

/// <summary>
/// unevaluatedProperties/unevaluatedItems: no OAS010 where Validate() honours them, and where the typed checks leave
/// something out (patternProperties, prefixItems, unevaluated* in allOf parts), the model is checked as JSON too (the
/// JSON-value validator), with no warning left.
/// </summary>
public class UnevaluatedDiagnosticTests
{
    private static string[] Unsupported(GeneratorRun run) =>
        run.GeneratorDiagnostics.Where(d => d.Id == "OAS010").Select(d => d.Location.GetLineSpan().StartLinePosition.Line + 1 + ": " + Message(d)).ToArray();

    [Fact]
    public void Honoured_keywords_are_not_reported_and_the_code_compiles_cleanly()
    {
        GeneratorRun run = Run(Spec(
            "    Closed:\n" +
            "      type: object\n" +
            "      properties:\n" +
            "        id: {type: string}\n" +
            "      unevaluatedProperties: false\n" +
            "    Typed:\n" +
            "      type: object\n" +
            "      properties:\n" +
            "        id: {type: string}\n" +
            "      unevaluatedProperties: {type: number, maximum: 5}\n" +
            "    Lists:\n" +
            "      type: object\n" +
            "      properties:\n" +
            "        shaped: {type: array, unevaluatedItems: {type: integer}}\n" +
            "        empty: {type: array, unevaluatedItems: false}\n" +
            "        evaluated: {type: array, items: {type: string}, unevaluatedItems: false}\n"));

        Assert.Empty(Unsupported(run));
        CompilesCleanly(run);
    }

    [Fact]
    public void Pattern_properties_evaluate_the_members_they_match()
    {
        GeneratorRun run = Run(Spec(
            "    Tagged:\n" +                          // 8
            "      type: object\n" +                   // 9
            "      properties:\n" +                    // 10
            "        id: {type: string}\n" +           // 11
            "      patternProperties:\n" +             // 12
            "        '^x-': {}\n" +                    // 13
            "      unevaluatedProperties: false\n"));  // 14

        Assert.Empty(Unsupported(run)); // the model is checked as JSON too, where patternProperties is a keyword like any other
        using Loaded sdk = Loaded.From(run);
        Assert.Empty(Loaded.Errors(sdk.FromJson("Tagged", "{\"id\":\"a\",\"x-trace\":1}")));
        Assert.Equal(new[] { "/y-trace: is not allowed: no keyword of the schema evaluates this property (unevaluatedProperties: false)" }, Loaded.Errors(sdk.FromJson("Tagged", "{\"id\":\"a\",\"y-trace\":1}")));
    }

    [Fact]
    public void UnevaluatedItems_false_after_prefixItems_allows_at_most_that_many_items()
    {
        GeneratorRun run = Run(Spec(
            "    Pair:\n" +                                 // 8
            "      type: object\n" +                        // 9
            "      properties:\n" +                         // 10
            "        point:\n" +                            // 11
            "          type: array\n" +                     // 12
            "          prefixItems: [{type: number}, {type: number}]\n" + // 13
            "          unevaluatedItems: false\n"));        // 14

        Assert.Empty(Unsupported(run));
        using Loaded sdk = Loaded.From(run);
        Assert.Empty(Loaded.Errors(sdk.FromJson("Pair", "{\"point\":[1,2]}")));
        Assert.Equal(new[] { "/point/0: must be a number" }, Loaded.Errors(sdk.FromJson("Pair", "{\"point\":[\"a\",2]}")));
        // An array with prefixItems is kept as JSON: the JSON-value validator alone says it.
        Assert.Equal(
            new[] { "/point/2: is not allowed: no keyword of the schema evaluates this item (unevaluatedItems: false)" },
            Loaded.Errors(sdk.FromJson("Pair", "{\"point\":[1,2,3]}")));
    }

    [Fact]
    public void What_the_typed_checks_leave_out_is_checked_on_the_models_JSON()
    {
        GeneratorRun run = Run(Spec(
            "    Base:\n" +                                                  // 8
            "      type: object\n" +                                         // 9
            "      properties:\n" +                                          // 10
            "        id: {type: string}\n" +                                 // 11
            "      unevaluatedProperties: false\n" +                         // 12
            "    Derived:\n" +                                               // 13
            "      allOf:\n" +                                               // 14
            "        - $ref: '#/components/schemas/Base'\n" +                // 15
            "        - properties:\n" +                                      // 16
            "            extra: {type: string}\n" +                          // 17
            "    Nested:\n" +                                                // 18
            "      type: object\n" +                                         // 19
            "      properties:\n" +                                          // 20
            "        id: {type: string}\n" +                                 // 21
            "      unevaluatedProperties: {type: object, required: [a]}\n" + // 22
            "    Mixed:\n" +                                                 // 23
            "      type: object\n" +                                         // 24
            "      properties:\n" +                                          // 25
            "        id: {type: string}\n" +                                 // 26
            "      unevaluatedItems: {type: string}\n" +                     // 27
            "      unevaluatedProperties: {type: string, format: date-time}\n" + // 28
            "    Listed:\n" +                                                // 29
            "      type: object\n" +                                         // 30
            "      properties:\n" +                                          // 31
            "        rest:\n" +                                              // 32
            "          type: array\n" +                                      // 33
            "          prefixItems: [{type: number}]\n" +                    // 34
            "          unevaluatedItems: {type: string}\n"));                // 35

        Assert.Empty(Unsupported(run));
        CompilesCleanly(run);
        using Loaded sdk = Loaded.From(run);

        // Line 12: Base's unevaluatedProperties sees only Base's own members, also as an allOf part (2020-12 core §11.3).
        Assert.Equal(new[] { "/extra: is not allowed: no keyword of the schema evaluates this property (unevaluatedProperties: false)" }, Loaded.Errors(sdk.FromJson("Derived", "{\"id\":\"x\",\"extra\":\"y\"}")));

        // Line 22: the typed check and the JSON check say the same once; required is checked on an object member.
        Assert.Equal(new[] { "/a: must be an object" }, Loaded.Errors(sdk.FromJson("Nested", "{\"id\":\"x\",\"a\":1}")));
        Assert.Equal(new[] { "/a/a: is required" }, Loaded.Errors(sdk.FromJson("Nested", "{\"id\":\"x\",\"a\":{}}")));

        // Lines 34-35: prefixItems evaluates the first item, unevaluatedItems checks the rest.
        Assert.Empty(Loaded.Errors(sdk.FromJson("Listed", "{\"rest\":[1,\"a\"]}")));
        Assert.Equal(new[] { "/rest/1: must be a string" }, Loaded.Errors(sdk.FromJson("Listed", "{\"rest\":[1,2]}")));

        // Line 28: a string format is checked on each unevaluated member (every 2020-12 format is).
        Assert.Equal(new[] { "/at: must be a date-time (format: date-time, RFC 3339)" }, Loaded.Errors(sdk.FromJson("Mixed", "{\"at\":\"noon\"}")));
        Assert.Empty(Loaded.Errors(sdk.FromJson("Mixed", "{\"at\":\"1990-12-31T23:59:60Z\"}")));
    }

    [Fact]
    public void A_union_beside_unevaluatedProperties_is_checked_as_its_own_JSON_with_no_warning()
    {
        // A oneOf without properties beside it is a union; unevaluatedProperties (2020-12 core §11.3) sees the members
        // the alternative that holds evaluates, also through a $ref to another choice and patternProperties.
        GeneratorRun run = Run(Spec(
            "    Two:\n" +
            "      oneOf:\n" +
            "        - {type: object, required: [c], properties: {c: true}}\n" +
            "        - {type: object, required: [d], properties: {d: true}}\n" +
            "    Either:\n" +
            "      oneOf:\n" +
            "        - $ref: '#/components/schemas/Two'\n" +
            "        - {type: object, required: [xx], patternProperties: {x: true}}\n" +
            "        - {type: object, required: [a], properties: {a: true}}\n" +
            "      unevaluatedProperties: false\n"));

        Assert.Empty(Unsupported(run));
        CompilesCleanly(run);
        using Loaded sdk = Loaded.From(run);
        Assert.Empty(Loaded.Errors(sdk.FromJson("Either", "{\"a\":1}")));
        Assert.Empty(Loaded.Errors(sdk.FromJson("Either", "{\"d\":1}")));
        Assert.Empty(Loaded.Errors(sdk.FromJson("Either", "{\"xx\":1,\"foox\":1}")));
        Assert.Equal(new[] { "/foo: is not allowed: no keyword of the schema evaluates this property (unevaluatedProperties: false)" }, Loaded.Errors(sdk.FromJson("Either", "{\"xx\":1,\"foo\":1}")));
        Assert.Equal(new[] { "/b: is not allowed: no keyword of the schema evaluates this property (unevaluatedProperties: false)" }, Loaded.Errors(sdk.FromJson("Either", "{\"c\":1,\"b\":1}")));
    }

    [Fact]
    public void Beside_oneOf_the_members_of_the_alternative_that_matches_are_evaluated_and_no_others()
    {
        GeneratorRun run = Run(Spec(
            "    Either:\n" +                                                          // 8
            "      type: object\n" +                                                   // 9
            "      properties:\n" +                                                    // 10
            "        id: {type: string}\n" +                                           // 11
            "      oneOf:\n" +                                                         // 12
            "        - {required: [a, z], properties: {a: {}, z: {}}}\n" +            // 13
            "        - {required: [b], properties: {b: {}}}\n" +                      // 14
            "      unevaluatedProperties: false\n"));                                  // 15

        Assert.Empty(Unsupported(run));
        using Loaded sdk = Loaded.From(run);
        Assert.Empty(Loaded.Errors(sdk.FromJson("Either", "{\"id\":\"x\",\"a\":\"1\",\"z\":0}")));
        Assert.Empty(Loaded.Errors(sdk.FromJson("Either", "{\"id\":\"x\",\"b\":2}")));
        Assert.Equal(new[] { "/c: is not allowed: no keyword of the schema evaluates this property (unevaluatedProperties: false)" }, Loaded.Errors(sdk.FromJson("Either", "{\"id\":\"x\",\"b\":2,\"c\":1}")));

        // JSON Schema 2020-12 §11.3: only an alternative that validates evaluates its members. Here the second one does
        // (oneOf holds), the first lacks z, so a is unevaluated.
        Assert.Equal(new[] { "/a: is not allowed: no keyword of the schema evaluates this property (unevaluatedProperties: false)" }, Loaded.Errors(sdk.FromJson("Either", "{\"id\":\"x\",\"b\":2,\"a\":1}")));
    }

    [Fact]
    public void Beside_dependentSchemas_a_member_counts_as_evaluated_only_when_its_dependent_schema_applies()
    {
        GeneratorRun run = Run(Spec(
            "    Dependent:\n" +                                                       // 8
            "      type: object\n" +                                                   // 9
            "      properties:\n" +                                                    // 10
            "        id: {type: string}\n" +                                           // 11
            "      dependentSchemas:\n" +                                              // 12
            "        id: {properties: {a: {type: string}}}\n" +                       // 13
            "      unevaluatedProperties: false\n"));                                  // 14

        Assert.Empty(Unsupported(run)); // the model's JSON is checked too, with the annotations 2020-12 §11 defines
        using Loaded sdk = Loaded.From(run);
        Assert.Empty(Loaded.Errors(sdk.FromJson("Dependent", "{\"id\":\"x\",\"a\":\"1\"}")));
        Assert.Equal(new[] { "/a: is not allowed: no keyword of the schema evaluates this property (unevaluatedProperties: false)" }, Loaded.Errors(sdk.FromJson("Dependent", "{\"a\":\"1\"}")));
        Assert.Equal(new[] { "/c: is not allowed: no keyword of the schema evaluates this property (unevaluatedProperties: false)" }, Loaded.Errors(sdk.FromJson("Dependent", "{\"c\":1}")));
    }

    [Fact]
    public void An_if_outside_the_typed_subset_evaluates_its_members_only_when_its_branch_applies()
    {
        GeneratorRun run = Run(Spec(
            "    Loose:\n" +                                              // 8
            "      type: object\n" +                                      // 9
            "      properties:\n" +                                       // 10
            "        id: {type: string}\n" +                              // 11
            "      if: {properties: {id: {const: x}}}\n" +                // 12
            "      then: {properties: {p: true}, minProperties: 1}\n" +   // 13: minProperties is outside the if/then/else subset
            "      unevaluatedProperties: false\n"));                     // 14

        Assert.Empty(Unsupported(run));
        using Loaded sdk = Loaded.From(run);
        Assert.Empty(Loaded.Errors(sdk.FromJson("Loose", "{\"id\":\"x\",\"p\":1}")));
        Assert.Equal(new[] { "/p: is not allowed: no keyword of the schema evaluates this property (unevaluatedProperties: false)" }, Loaded.Errors(sdk.FromJson("Loose", "{\"id\":\"y\",\"p\":1}")));
        Assert.Equal(new[] { "/q: is not allowed: no keyword of the schema evaluates this property (unevaluatedProperties: false)" }, Loaded.Errors(sdk.FromJson("Loose", "{\"id\":\"y\",\"q\":1}")));
    }
}
