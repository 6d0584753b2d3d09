using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Xunit;
using Xunit.Abstractions;

namespace OpenApiSdk.ExampleTests;

/// <summary>The example test's own parts: the JSON comparison, and the ajv script plus mapping on a small spec with known answers.</summary>
public class HarnessTests
{
    private readonly ITestOutputHelper _output;

    public HarnessTests(ITestOutputHelper output) => _output = output;

    [Theory]
    [InlineData("""{"a":1,"b":[1.0,"x"]}""", """{"b":[1,"x"],"a":1.00}""", null)]
    [InlineData("""{"a":"Z"}""", """{"a":"z"}""", """/a: "Z" became "z" """)]
    [InlineData("""{"a":null}""", """{}""", "/a: not written back")]
    [InlineData("""{}""", """{"a":1}""", "/: member 'a' written although absent")]
    [InlineData("""[1,2]""", """[2,1]""", "/0: 1 became 2")]
    [InlineData("""{"n":9223372036854775807}""", """{"n":9223372036854775806}""", "/n: 9223372036854775807 became 9223372036854775806")]
    public void Json_is_compared_as_JSON_Schema_sees_it(string expected, string actual, string? difference) =>
        Assert.Equal(difference?.TrimEnd(), JsonSemantics.Difference(JsonNode.Parse(expected), JsonNode.Parse(actual), string.Empty));

    private const string SmallSpec = """
        openapi: 3.0.3
        info: { title: t, version: "1" }
        paths:
          /things:
            post:
              operationId: addThing
              requestBody:
                content:
                  application/json:
                    schema: { $ref: '#/components/schemas/Thing' }
                    examples:
                      good: { value: { name: abc, size: 2 } }
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        type: array
                        items: { $ref: '#/components/schemas/Thing' }
                      example: [ { name: abc }, { name: abcdef } ]
        components:
          schemas:
            Code:
              type: string
              pattern: '^[A-Z]+$'
              example: abc
            Thing:
              type: object
              required: [name]
              properties:
                name: { type: string, maxLength: 3, example: abcd }
                size: { type: integer, minimum: 1, exclusiveMinimum: true, example: 2 }
                tag: { type: string, nullable: true, example: null }
                code: { $ref: '#/components/schemas/Code' }
              example: { name: abc, size: 1 }
        """;

    [Fact]
    public void Small_spec_examples_get_the_known_verdicts_from_both_sides()
    {
        if (AjvChecker.Unavailable() is { } reason)
        {
            _output.WriteLine("SKIPPED: " + reason);
            return;
        }

        string directory = Path.Combine(Path.GetTempPath(), "example-harness-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            string path = Path.Combine(directory, "small.yaml");
            File.WriteAllText(path, SmallSpec);
            List<JsonObject> records = AjvChecker.Check(path);
            using GeneratedSdk sdk = GeneratedSdk.Generate(path);
            var check = new ExampleCheck(sdk);
            var plans = records.Select(r => (Record: r, Target: check.Plan(r, out string why), Why: why)).ToList();
            sdk.Compile(plans.Where(p => p.Target is not null).Select(p => p.Target!.Model));
            var results = plans.ToDictionary(
                p => (string)p.Record["example"]!,
                p => (Ajv: (bool?)p.Record["valid"], Outcome: check.Check(p.Record, p.Target, p.Why), p.Target));
            foreach (KeyValuePair<string, (bool? Ajv, Outcome Outcome, Target? Target)> pair in results)
            {
                _output.WriteLine($"{pair.Key}: ajv {pair.Value.Ajv}, {pair.Value.Outcome.Verdict} {pair.Value.Target?.Describe()} {pair.Value.Outcome.Detail}");
            }

            // ajv's verdicts: maxLength, the 3.0 boolean exclusiveMinimum and nullable transforms, a pattern.
            Assert.False(results["#/components/schemas/Thing/properties/name/example"].Ajv);
            Assert.True(results["#/components/schemas/Thing/properties/size/example"].Ajv);
            Assert.True(results["#/components/schemas/Thing/properties/tag/example"].Ajv);
            Assert.False(results["#/components/schemas/Thing/example"].Ajv);
            Assert.False(results["#/components/schemas/Code/example"].Ajv);
            Assert.True(results["#/paths/~1things/post/requestBody/content/application~1json/examples/good/value"].Ajv);
            Assert.False(results["#/paths/~1things/post/responses/200/content/application~1json/example"].Ajv);

            // The mapping: into the owner for a property, through a user for a non-model component, item by item for an array.
            Assert.Equal("Thing at /name", results["#/components/schemas/Thing/properties/name/example"].Target?.Describe());
            Assert.Equal("Thing at /code", results["#/components/schemas/Code/example"].Target?.Describe());
            Assert.Equal("each item as Thing", results["#/paths/~1things/post/responses/200/content/application~1json/example"].Target?.Describe());
            Assert.All(results.Values, r => Assert.Equal(Verdict.Agreed, r.Outcome.Verdict));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
