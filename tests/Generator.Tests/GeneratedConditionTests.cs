using System;
using System.Linq;
using OpenApiSdk.Tests.Harness;
using Xunit;

namespace OpenApiSdk.Tests;

/// <summary>
/// Conditions the generator builds from a union's or a choice's rules compile without warnings (issue 17: real specs hit
/// CS8518 in a union alternative's bound check and CS8602 in a union's rules), and carry no double negation.
/// </summary>
public class GeneratedConditionTests
{
    private const string Spec = """
        openapi: 3.1.0
        info: { title: Conditions, version: "1" }
        paths: {}
        components:
          schemas:
            Measure:
              oneOf:
                - type: number
                  exclusiveMinimum: 0.00001
                  maximum: 1e300
                  multipleOf: 0.1
                - type: integer
                  exclusiveMinimum: 0
                  enum: [1, 2, 3]
                - type: string
                  minLength: 1
                  const: "x"
                - type: boolean
                  const: true
                - type: array
                  items: { type: string, minLength: 2 }
                  uniqueItems: true
                - type: object
                  additionalProperties: { type: number, minimum: 0.000001 }
            Ranked:
              anyOf:
                - type: string
                  oneOf:
                    - { format: date }
                    - { maxLength: 3 }
                - type: number
                  oneOf:
                    - { exclusiveMaximum: 0.00001 }
                    - { minimum: 100 }
            Mode:
              type: object
              properties:
                mode: { type: string, enum: [Single, Cluster] }
                count: { type: integer }
              if:
                properties: { mode: { const: Single } }
              then:
                properties: { count: { const: 1 } }
        """;

    [Fact]
    public void Union_alternative_and_choice_conditions_compile_without_warnings()
    {
        GeneratorRun run = GeneratorHarness.Run(new[] { new SpecFile("/specs/conditions.yaml", Spec) });
        Assert.NotEmpty(run.Sources);
        Assert.Empty(run.CompileProblems.Select(d => d.Id + " " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture) + " " + d.Location.SourceTree?.GetText().ToString(d.Location.SourceSpan)));
    }

    [Fact]
    public void No_generated_condition_is_negated_twice()
    {
        GeneratorRun run = GeneratorHarness.Run(new[] { new SpecFile("/specs/conditions.yaml", Spec) });
        string text = string.Concat(run.Sources.Select(s => s.SourceText.ToString()));
        Assert.DoesNotContain("!(!", text, StringComparison.Ordinal);
        Assert.Contains("== \"Single\"", text, StringComparison.Ordinal);
    }
}
