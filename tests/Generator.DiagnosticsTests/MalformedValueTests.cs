using System.Linq;
using Microsoft.CodeAnalysis;
using OpenApiSdk.Tests.Harness;
using Xunit;
using static OpenApiSdk.DiagnosticsTests.DiagnosticAssert;

namespace OpenApiSdk.DiagnosticsTests;

/// <summary>
/// A value of the wrong JSON type where OpenAPI 3.1 or JSON Schema 2020-12 requires one (an object, an array, a
/// number) is reported as OAS015 at that value, is ignored, and the rest compiles; whether or not anything uses the schema.
/// </summary>
public sealed class MalformedValueTests
{
    // One operation, so that an SDK is generated even where components give it nothing.
    private const string Head = "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {/pets: {get: {operationId: listPets, responses: {'204': {description: none}}}}}\n";

    [Theory]
    [InlineData(Head + "components: 7\n", 4, 13, "'components' must be a mapping (a Components Object); it is ignored")]
    [InlineData(Head + "components:\n  schemas: [a, b]\n", 5, 12, "'components.schemas' must be a mapping of names to schemas; it is ignored")]
    [InlineData(Head + "components:\n  schemas:\n    A: 5\n", 6, 8, "The schema 'A' must be a mapping or a boolean; it is ignored")]
    [InlineData(Head + "components:\n  schemas:\n    A: [1]\n", 6, 8, "The schema 'A' must be a mapping or a boolean; it is ignored")]
    [InlineData(Head + "components:\n  schemas:\n    A:\n", 6, 7, "The schema 'A' must be a mapping or a boolean; it is ignored")]
    [InlineData(Head + "components:\n  schemas:\n    A:\n      type: []\n", 7, 13, "'type' must be a type name or a non-empty list of them; it is ignored")]
    [InlineData(Head + "components:\n  schemas:\n    A:\n      type: {a: b}\n", 7, 13, "'type' must be a type name or a non-empty list of them; it is ignored")]
    [InlineData(Head + "components:\n  schemas:\n    A:\n      enum: {}\n", 7, 13, "'enum' must be a list of values; it is ignored")]
    [InlineData(Head + "components:\n  schemas:\n    A:\n      allOf: {}\n", 7, 14, "'allOf' must be a non-empty list of schemas; it is ignored")]
    [InlineData(Head + "components:\n  schemas:\n    A:\n      oneOf: []\n", 7, 14, "'oneOf' must be a non-empty list of schemas; it is ignored")]
    [InlineData(Head + "components:\n  schemas:\n    A:\n      type: integer\n      multipleOf: 0\n", 8, 19, "multipleOf must be greater than 0, not 0; it is ignored")]
    [InlineData(Head + "components:\n  schemas:\n    A:\n      type: number\n      minimum: .nan\n", 8, 16, "'minimum' must be a number; it is ignored")]
    [InlineData(Head + "components:\n  schemas:\n    A:\n      type: number\n      maximum: .inf\n", 8, 16, "'maximum' must be a number; it is ignored")]
    public void A_value_of_the_wrong_kind_is_reported_where_it_is_and_ignored(string yaml, int line, int column, string message)
    {
        GeneratorRun run = Run(yaml);
        Diagnostic d = Single(run, "OAS015", DiagnosticSeverity.Info, line, column);
        Assert.Equal(message, Message(d));
        NoErrors(run);
        CompilesCleanly(run);
    }

    [Theory]
    [InlineData("true")]
    [InlineData("false")]
    [InlineData("{}")]
    public void A_boolean_or_empty_schema_is_no_malformed_value(string schema)
    {
        GeneratorRun run = Run(Head + "components:\n  schemas:\n    A: " + schema + "\n");
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "OAS015");
    }

    [Fact]
    public void A_malformed_value_in_a_schema_that_is_also_used_is_reported_once()
    {
        string yaml = Spec(
            "    Count:\n" +                              // 8
            "      type: integer\n" +                     // 9
            "      multipleOf: 0\n" +                     // 10, value at col 19
            "    Pet:\n" +
            "      type: object\n" +
            "      properties:\n" +
            "        count: {$ref: '#/components/schemas/Count'}\n");
        GeneratorRun run = Run(yaml);
        Single(run, "OAS015", DiagnosticSeverity.Info, 10, 19);
        CompilesCleanly(run);
        using Loaded sdk = Loaded.From(run);
        Assert.Empty(Loaded.Errors(sdk.FromJson("Pet", "{\"count\":7}")));
    }
}
