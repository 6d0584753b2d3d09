using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Xunit;

namespace OpenApiSdk.SchemaSuiteTests;

/// <summary>The instrument itself: references moved with their schema, what counts as not applicable, verdicts, floors.</summary>
public class HarnessTests
{
    private const string Component = "#/components/schemas/Schema1";

    [Fact]
    public void Pointer_references_follow_the_schema_into_the_document()
    {
        JsonNode schema = JsonNode.Parse("""
            {"$ref": "#", "properties": {"a": {"$ref": "#/$defs/x"}, "b": {"$ref": "#anchor"}, "c~/%": {"items": {"$ref": "#/properties/a"}}},
             "enum": [{"$ref": "#/not/a/schema"}], "unknown": {"$ref": "#/left"},
             "$defs": {"inner": {"$id": "inner.json", "allOf": [{"$ref": "#/$defs/y"}, {"$dynamicRef": "#"}]}}}
            """)!;

        JsonNode rewritten = References.Rewrite(schema, Component)!;

        Assert.Equal(Component, (string?)rewritten["$ref"]);
        Assert.Equal(Component + "/$defs/x", (string?)rewritten["properties"]!["a"]!["$ref"]);
        Assert.Equal("#anchor", (string?)rewritten["properties"]!["b"]!["$ref"]);
        Assert.Equal(Component + "/properties/a", (string?)rewritten["properties"]!["c~/%"]!["items"]!["$ref"]);
        Assert.Equal("#/not/a/schema", (string?)rewritten["enum"]![0]!["$ref"]);
        Assert.Equal("#/left", (string?)rewritten["unknown"]!["$ref"]);
        Assert.Equal("#/$defs/y", (string?)rewritten["$defs"]!["inner"]!["allOf"]![0]!["$ref"]); // under an $id: resolved against it by the generator
        Assert.Equal("#", (string?)rewritten["$defs"]!["inner"]!["allOf"]![1]!["$dynamicRef"]);
        Assert.Equal("#/$defs/x", (string?)schema["properties"]!["a"]!["$ref"]); // the suite's schema is left as it was
    }

    [Theory]
    [InlineData("ref.json", """{"$ref": "http://localhost:1234/draft2020-12/integer.json"}""", Applicability.Remote)]
    [InlineData("dynamicRef.json", """{"$id": "http://localhost:1234/draft2020-12/strict-tree.json", "$ref": "tree.json"}""", Applicability.Remote)]
    [InlineData("anchor.json", """{"$ref": "http://localhost:1234/draft2020-12/bar#foo", "$defs": {"A": {"$id": "http://localhost:1234/draft2020-12/bar", "$anchor": "foo"}}}""", null)]
    [InlineData("anchor.json", """{"$id": "http://localhost:1234/draft2020-12/root", "$ref": "http://localhost:1234/draft2020-12/nested.json#foo", "$defs": {"A": {"$id": "nested.json", "$defs": {"B": {"$anchor": "foo"}}}}}""", null)]
    [InlineData("ref.json", """{"$ref": "https://json-schema.org/draft/2020-12/schema"}""", null)]
    [InlineData("optional/format-assertion.json", """{"$schema": "http://localhost:1234/draft2020-12/format-assertion-false.json", "format": "ipv4"}""", Applicability.Remote)]
    [InlineData("optional/dependencies-compatibility.json", """{"dependencies": {"bar": ["foo"]}}""", "draft-07's `dependencies`, not a 2020-12 keyword (the generator claims no such vocabulary)")]
    [InlineData("optional/bignum.json", """{"type": "integer"}""", null)]
    public void Only_what_the_suite_lets_an_implementation_leave_out_is_not_applicable(string file, string schema, string? reason) =>
        Assert.Equal(reason, Applicability.NotApplicable(file, JsonNode.Parse(schema)));

    [Theory]
    [InlineData("""{"$ref": "#/$defs/a", "$defs": {"a": {}}}""", false)]
    [InlineData("""{"$ref": "#foo", "$defs": {"a": {"$anchor": "foo"}}}""", true)]
    [InlineData("""{"$id": "urn:x", "properties": {"a": {"$ref": "urn:x#/$defs/b"}}}""", true)]
    [InlineData("""{"$dynamicAnchor": "a", "items": {"$dynamicRef": "#a"}}""", true)]
    public void The_issue_basis_leaves_out_references_by_id_or_anchor_and_dynamicRef(string schema, bool leftOut) =>
        Assert.Equal(leftOut, Applicability.ReferencesByIdOrAnchor(JsonNode.Parse(schema)));

    [Fact]
    public void Pointers_lose_the_holder_property()
    {
        Assert.Equal("/a/0", SuiteDocument.SuitePointer("/value/a/0"));
        Assert.Equal(string.Empty, SuiteDocument.SuitePointer("/value"));
        Assert.Equal("/values", SuiteDocument.SuitePointer("/values"));
    }

    /// <summary>
    /// Through the real generator: a right verdict passes, a wrong one is classified by what the model did, and a
    /// group with a located diagnostic (OAS006, a pattern .NET cannot compile) is a known failure, not a silent one.
    /// </summary>
    [Fact]
    public void Cases_are_judged_through_the_generated_model()
    {
        var file = new SuiteFile("probe.json", new[]
        {
            Group(1, """{"type": "integer"}""", ("1", true), ("\"a\"", false), ("2", false), ("null", true)),
            Group(2, """{"type": "string", "pattern": "[a-"}""", ("\"x\"", false)),
            Group(3, """{"properties": {"a": {"$ref": "http://localhost:1234/x.json"}}}""", ("{}", true)) with { NotApplicable = Applicability.Remote },
        });

        SuiteRun run = SuiteRun.Execute(new[] { file });

        Assert.Equal(
            new[] { (Verdict.Passed, false), (Verdict.Passed, false), (Verdict.AcceptedInvalid, false), (Verdict.RejectedValid, false), (Verdict.AcceptedInvalid, true), (Verdict.NotApplicable, false) },
            run.Results.Select(r => (r.Verdict, r.Known)).ToArray());
        SuiteCounts counts = SuiteCounts.Of("probe.json", run.Results);
        Assert.Equal((6, 2, 2, 1, 1), (counts.Tests, counts.Passed, counts.FailedSilent, counts.FailedKnown, counts.NotApplicable));
    }

    [Fact]
    public void Floors_fail_on_fewer_passes_or_more_silent_failures_and_on_a_missing_row()
    {
        var floors = new Dictionary<string, SuiteFloor>
        {
            ["a.json"] = new("a.json", 10, 2),
            ["b.json"] = new("b.json", 5, 0),
            ["gone.json"] = new("gone.json", 1, 0),
        };
        var counts = new List<SuiteCounts>
        {
            new("a.json", 20, 9, 3, 0, 0, 0, 0, 0, string.Empty),
            new("b.json", 6, 6, 0, 0, 0, 0, 0, 0, string.Empty),
            new("new.json", 1, 1, 0, 0, 0, 0, 0, 0, string.Empty),
        };

        (List<string> regressions, List<string> improvements) = SuiteFloor.Check(floors, counts);

        Assert.Equal(
            new[]
            {
                "a.json: 9 tests passed, fewer than the 10 of SuiteFloors.tsv",
                "a.json: 3 tests fail with no diagnostic, more than the 2 of SuiteFloors.tsv",
                "new.json has no row in SuiteFloors.tsv; add: new.json\t1\t0",
                "SuiteFloors.tsv names gone.json, which the suite folder does not hold",
            },
            regressions);
        Assert.Equal(new[] { "b.json\t6\t0" }, improvements);
    }

    private static SuiteGroup Group(int number, string schema, params (string Data, bool Valid)[] cases) =>
        new(number, "probe " + number, JsonNode.Parse(schema), cases.Select(c => new SuiteCase(c.Data, c.Data, c.Valid)).ToList(), null, false);
}
