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

    [SkippableFact]
    public void Small_spec_examples_get_the_known_verdicts_from_both_sides()
    {
        AjvChecker.Require();
        Dictionary<string, Judged> results = Judge(SmallSpec);

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
        Assert.Equal(7, results.Count);
        Assert.All(results.Values, r => Assert.Equal(Verdict.Agreed, r.Outcome.Verdict));
    }

    /// <summary>3.0: example data with an <c>$id</c> member, the same id in two examples (ajv took them for two schemas with one id, and refused the document).</summary>
    private const string ExampleDataWithIds = """
        openapi: 3.0.3
        info: { title: t, version: "1" }
        paths: {}
        components:
          schemas:
            Doc:
              type: object
              properties:
                $id: { type: string }
                title: { type: string, minLength: 2 }
              example: { $id: same, title: ab }
            Other:
              type: object
              properties:
                $id: { type: string }
                title: { type: string, maxLength: 1 }
              example: { $id: same, title: abc }
        """;

    /// <summary>3.1: two schemas with one <c>$id</c>, and a document <c>$ref</c> under an <c>$id</c> (which ajv resolved against the id, not the document).</summary>
    private const string SchemasWithOneId = """
        openapi: 3.1.0
        info: { title: t, version: "1" }
        paths: {}
        components:
          schemas:
            Node:
              $id: node
              type: object
              required: [name]
              properties:
                name: { type: string, maxLength: 3 }
                link: { $ref: '#/components/schemas/Link' }
              examples:
                - { name: abc, link: { href: x } }
                - { name: abc, link: { href: '' } }
            Link:
              $id: node
              $anchor: link
              type: object
              properties:
                href: { type: string, minLength: 1 }
        """;

    [SkippableTheory]
    [InlineData(nameof(ExampleDataWithIds))]
    [InlineData(nameof(SchemasWithOneId))]
    public void Specs_whose_ids_ajv_finds_ambiguous_are_judged_in_full(string spec)
    {
        AjvChecker.Require();
        Dictionary<string, Judged> results = Judge(spec == nameof(ExampleDataWithIds) ? ExampleDataWithIds : SchemasWithOneId);

        Assert.Equal(2, results.Count);
        Assert.All(results.Values, r => Assert.NotNull(r.Ajv));
        Assert.Equal(new bool?[] { true, false }, results.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => r.Value.Ajv));
        Assert.All(results.Values, r => Assert.Equal(Verdict.Agreed, r.Outcome.Verdict));
    }

    [Theory]
    [InlineData("minLength", """{"limit":3}""", "must be at least 3 characters long", true)]
    [InlineData("minLength", """{"limit":3}""", "must be at least 3 characters long (because /kind is \"a\" holds)", true)]
    [InlineData("minLength", """{"limit":3}""", "must be at least 4 characters long", false)]
    [InlineData("minLength", """{"limit":3}""", "must be at most 3 characters long", false)]
    [InlineData("maxItems", """{"limit":1}""", "must have at most 1 item", true)]
    [InlineData("maxItems", """{"limit":1}""", "must have at most 1 property", false)]
    [InlineData("minimum", """{"comparison":">=","limit":1.5}""", "must be greater than or equal to 1.50", true)]
    [InlineData("exclusiveMinimum", """{"comparison":">","limit":0}""", "must be greater than 0", true)]
    [InlineData("exclusiveMinimum", """{"comparison":">","limit":0}""", "must be greater than or equal to 0", false)]
    [InlineData("maximum", """{"comparison":"<=","limit":10}""", "must be less than 10", false)]
    [InlineData("multipleOf", """{"multipleOf":0.5}""", "must be a multiple of 0.5", true)]
    [InlineData("pattern", """{"pattern":"^[A-Z]+$"}""", "must match the pattern ^[A-Z]+$", true)]
    [InlineData("pattern", """{"pattern":"^[A-Z]+$"}""", "must match the pattern ^[a-z]+$", false)]
    [InlineData("format", """{"format":"date-time"}""", "must be a date-time string (RFC 3339)", true)]
    [InlineData("format", """{"format":"email"}""", "must be an email address (format: email)", true)]
    [InlineData("format", """{"format":"email"}""", "must be an absolute URI (format: uri)", false)]
    [InlineData("format", """{"format":"hostname"}""", "must be a string", false)]
    [InlineData("type", """{"type":"integer"}""", "must be a 32-bit integer", true)]
    [InlineData("type", """{"type":"string,null"}""", "must be a UUID string", true)]
    [InlineData("type", """{"type":"string"}""", "must not be null", true)]
    [InlineData("type", """{"type":"object"}""", "must be a string", false)]
    [InlineData("required", """{"missingProperty":"name"}""", "is required", true)]
    [InlineData("required", """{"missingProperty":"name"}""", "must be a string", false)]
    [InlineData("enum", """{"allowedValues":["a"]}""", "must be one of the values the spec lists", true)]
    [InlineData("enum", """{"allowedValues":["a"]}""", "must be at least 1 characters long", false)]
    [InlineData("oneOf", """{"passingSchemas":[0,1]}""", "must match exactly one of the alternatives (oneOf), but the JSON that was read matches several", true)]
    [InlineData("anyOf", """{}""", "must be a string or an object", true)]
    [InlineData("oneOf", """{"passingSchemas":null}""", "must match exactly one of the alternatives (oneOf), but matches none of the 2", true)]
    [InlineData("anyOf", """{}""", "must match at least one of the alternatives (anyOf), but matches none of the 2", true)]
    [InlineData("anyOf", """{}""", "must match exactly one of the alternatives (oneOf), but matches 2 of the 2", false)]
    [InlineData("not", """{}""", "must be a string", false)]
    public void The_rule_ajv_names_is_matched_to_the_message_that_breaks_it(string keyword, string parameters, string message, bool breaks) =>
        Assert.Equal(breaks, AjvRules.Breaks(new AjvError("/a", "#/x", keyword, "ajv's message", JsonNode.Parse(parameters)!.AsObject()), message));

    [Fact]
    public void A_missing_or_unexpected_member_is_expected_at_the_member()
    {
        var missing = new AjvError("/a", "#/required", "required", "m", new JsonObject { ["missingProperty"] = "b/c" });
        var extra = new AjvError(string.Empty, "#/additionalProperties", "additionalProperties", "m", new JsonObject { ["additionalProperty"] = "x" });

        Assert.Equal("/a/b~1c", missing.Pointer);
        Assert.Equal("/x", extra.Pointer);
    }

    [Fact]
    public void Errors_inside_union_alternatives_are_left_to_the_union_error_and_if_names_no_rule()
    {
        var union = new AjvError("/u", "#/oneOf", "oneOf", "must match exactly one schema in oneOf", new JsonObject());
        var alternative = new AjvError("/u", "#/oneOf/0/type", "type", "must be string", new JsonObject { ["type"] = "string" });
        var condition = new AjvError("/c", "#/if", "if", "must match \"then\" schema", new JsonObject { ["failingKeyword"] = "then" });
        var then = new AjvError("/c/d", "#/then/properties/d/minLength", "minLength", "must NOT have fewer than 2 characters", new JsonObject { ["limit"] = 2 });

        List<IGrouping<string, AjvError>> expected = AjvRules.Expected(new[] { union, alternative, condition, then });

        Assert.Equal(new[] { "/u", "/c/d" }, expected.Select(g => g.Key));
        Assert.Equal(new[] { union }, expected[0]);
        Assert.Equal(new[] { then }, expected[1]);
    }

    [Fact]
    public void Errors_inside_a_referenced_alternative_are_left_to_the_union_error_and_others_are_kept()
    {
        // ajv names an error inside a $ref alternative by the referenced schema's path, and adds the oneOf error after them.
        var inRef = new AjvError("/sku", "#/components/schemas/ProductLine/properties/sku/minLength", "minLength", "m", new JsonObject { ["limit"] = 3 });
        var own = new AjvError("/note", "#/properties/note/maxLength", "maxLength", "m", new JsonObject { ["limit"] = 2 });
        var union = new AjvError(string.Empty, "#/oneOf", "oneOf", "must match exactly one schema in oneOf", new JsonObject());
        var after = new AjvError("/tag", "#/components/schemas/Tag/minLength", "minLength", "m", new JsonObject { ["limit"] = 1 });

        List<IGrouping<string, AjvError>> expected = AjvRules.Expected(new[] { inRef, own, union, after });

        Assert.Equal(new[] { "/note", string.Empty, "/tag" }, expected.Select(g => g.Key));
    }

    private sealed record Judged(bool? Ajv, Outcome Outcome, Target? Target);

    /// <summary>Both sides' verdict on every example of <paramref name="specText"/>, by the example's pointer.</summary>
    private Dictionary<string, Judged> Judge(string specText)
    {
        string directory = Path.Combine(Path.GetTempPath(), "example-harness-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            string path = Path.Combine(directory, "small.yaml");
            File.WriteAllText(path, specText);
            List<JsonObject> records = AjvChecker.Check(path);
            using GeneratedSdk sdk = GeneratedSdk.Generate(path);
            var check = new ExampleCheck(sdk);
            var plans = records.Select(r => (Record: r, Target: check.Plan(r, out string why), Why: why)).ToList();
            sdk.Compile(plans.Where(p => p.Target is not null).Select(p => p.Target!.Model));
            var results = plans.ToDictionary(
                p => (string)p.Record["example"]!,
                p => new Judged((bool?)p.Record["valid"], check.Check(p.Record, p.Target, p.Why), p.Target));
            foreach (KeyValuePair<string, Judged> pair in results)
            {
                _output.WriteLine($"{pair.Key}: ajv {pair.Value.Ajv}, {pair.Value.Outcome.Verdict} {pair.Value.Target?.Describe()} {pair.Value.Outcome.Detail}");
            }

            return results;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
