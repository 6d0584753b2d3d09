using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using OpenApiSdk.Tests.Harness;
using Xunit;
using static OpenApiSdk.DiagnosticsTests.DiagnosticAssert;

namespace OpenApiSdk.DiagnosticsTests;

/// <summary>
/// A JSON spec's diagnostics point at the JSON: 1-based lines, and columns in characters (UTF-16 units, as
/// editors and Roslyn count them), not the UTF-8 bytes Utf8JsonReader counts.
/// </summary>
public sealed class JsonDiagnosticTests
{
    private const string JsonPath = "/specs/api.json";

    [Fact]
    public void OAS001_json_syntax_error_points_at_the_character_in_characters_not_bytes()
    {
        string[] lines =
        {
            "{",
            "  \"openapi\": \"3.1.0\",",
            "  \"info\": {\"title\": \"Café ☕\" \"version\": \"1\"},", // a comma is missing before "version"
            "  \"paths\": {}",
            "}",
        };
        GeneratorRun run = GeneratorHarness.Run(string.Join("\n", lines), JsonPath);

        Diagnostic d = Assert.Single(run.GeneratorDiagnostics, x => x.Id == "OAS001");
        At(d, DiagnosticSeverity.Error, 3, lines[2].IndexOf("\"version\"", StringComparison.Ordinal) + 1, JsonPath);
        Assert.StartsWith("The spec is not valid JSON: ", Message(d), StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", Message(d), StringComparison.Ordinal);
        Assert.Empty(run.Sources);
    }

    [Theory]
    [InlineData("{\"openapi\": \"3.1.0\",\n \"info\": {\"title\": \"T\", \"version\": \"1\",},\n \"paths\": {}}", 2, 40)] // trailing comma, at the '}'
    [InlineData("{\"openapi\": \"3.1.0\",\r\n \"info\": {\"title\": 'T'}}", 2, 20)] // single quotes
    [InlineData("{\"openapi\": \"3.1.0\",\n \"paths\": {}} // a comment", 2, 15)] // JSON has no comments
    [InlineData("{\"openapi\": \"3.1.0\",\n \"info\": {\"title\": \"\\ud800\", \"version\": \"1\"}}", 2, 20)] // a lone surrogate
    [InlineData("{\"openapi\": \"3.1.0\",\n \"paths\": {\n", 3, 1)] // the end comes before the closing braces
    public void OAS001_json_syntax_errors_are_located(string json, int line, int column)
    {
        GeneratorRun run = GeneratorHarness.Run(json, JsonPath);
        Diagnostic d = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("OAS001", d.Id);
        At(d, DiagnosticSeverity.Error, line, column, JsonPath);
        Assert.StartsWith("The spec is not valid JSON: ", Message(d), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \r\n\t")]
    public void An_empty_json_file_is_one_error_at_its_start(string json)
    {
        GeneratorRun run = GeneratorHarness.Run(json, JsonPath);
        Diagnostic d = Assert.Single(run.GeneratorDiagnostics);
        At(d, DiagnosticSeverity.Error, 1, 1, JsonPath);
        Assert.Equal("The spec is not valid JSON: the file is empty", Message(d));
    }

    [Fact]
    public void OAS003_in_a_json_spec_points_at_the_ref_value_after_wide_characters()
    {
        string[] lines =
        {
            "{",
            "  \"openapi\": \"3.1.0\",",
            "  \"info\": {\"title\": \"T\", \"version\": \"1\"},",
            "  \"paths\": {},",
            "  \"components\": {\"schemas\": {",
            "    \"Pet\": {\"type\": \"object\", \"properties\": {\"owner\": {\"description\": \"☕😀 ünï\", \"$ref\": \"#/components/schemas/Owner\"}}}",
            "  }}",
            "}",
        };
        GeneratorRun run = GeneratorHarness.Run(string.Join("\r\n", lines), JsonPath);

        Diagnostic d = Assert.Single(run.GeneratorDiagnostics, x => x.Id == "OAS003");
        At(d, DiagnosticSeverity.Warning, 6, lines[5].IndexOf("\"#/components/schemas/Owner\"", StringComparison.Ordinal) + 1, JsonPath);
        Assert.Contains("#/components/schemas/Owner", Message(d), StringComparison.Ordinal);
        FileLinePositionSpan span = d.Location.GetLineSpan();
        Assert.Equal(lines[5].IndexOf("}}}", StringComparison.Ordinal), span.EndLinePosition.Character); // ends after the closing quote
    }

    [Fact]
    public void OAS009_in_a_json_spec_points_at_the_required_name_on_a_later_line()
    {
        string json = """
            {
              "openapi": "3.0.3",
              "info": {"title": "T", "version": "1"},
              "paths": {},
              "components": {
                "schemas": {
                  "Pet": {
                    "type": "object",
                    "required": [
                      "name",
                      "ghost"
                    ],
                    "properties": {"name": {"type": "string"}}
                  }
                }
              }
            }
            """;
        GeneratorRun run = GeneratorHarness.Run(json, JsonPath);
        Diagnostic d = Assert.Single(run.GeneratorDiagnostics, x => x.Id == "OAS009");
        At(d, DiagnosticSeverity.Info, 11, 11, JsonPath); // "ghost"
        CompilesCleanly(run);
    }

    [Fact]
    public void A_swagger_1_json_document_is_named_as_such()
    {
        GeneratorRun run = GeneratorHarness.Run("{\n  \"swagger\": \"1.2\",\n  \"info\": {\"title\": \"T\", \"version\": \"1\"}\n}", JsonPath);
        Diagnostic d = Assert.Single(run.GeneratorDiagnostics, x => x.Id == "OAS002");
        At(d, DiagnosticSeverity.Error, 2, 14, JsonPath);
    }

    [Theory]
    [InlineData("/specs/API.JSON", "JSON")] // the extension decides, whatever its case
    [InlineData("/specs/api", "JSON")] // no extension: a document that starts with '{' is JSON
    [InlineData("/specs/api.yaml", "YAML")]
    public void The_reader_is_chosen_by_extension_then_by_the_first_character(string path, string format)
    {
        GeneratorRun run = GeneratorHarness.Run(" {\"openapi\": \"3.1.0\",, }", path);
        Diagnostic d = Assert.Single(run.GeneratorDiagnostics);
        Assert.StartsWith("The spec is not valid " + format + ": ", Message(d), StringComparison.Ordinal);
    }

    [Fact]
    public void A_yaml_flow_mapping_in_a_file_without_extension_is_still_read_as_yaml()
    {
        GeneratorRun run = GeneratorHarness.Run("{openapi: 3.1.0, info: {title: T, version: '1'}, paths: {}, components: {schemas: {Pet: {type: object, properties: {name: {type: string}}}}}}", "/specs/api");
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains(run.Sources, s => s.HintName == "api.Pet.g.cs");
        CompilesCleanly(run);
    }

    [Fact]
    public void A_duplicate_key_keeps_the_last_value_as_in_yaml()
    {
        const string body = "\"openapi\": \"2.0\", \"openapi\": \"3.1.0\", \"info\": {\"title\": \"T\", \"version\": \"1\"}, \"paths\": {}, \"components\": {\"schemas\": {\"Pet\": {\"type\": \"object\"}}}";
        GeneratorRun json = GeneratorHarness.Run("{" + body + "}", JsonPath);
        GeneratorRun yaml = GeneratorHarness.Run("{" + body + "}", Path);
        Assert.Empty(json.GeneratorDiagnostics);
        Assert.Empty(yaml.GeneratorDiagnostics);
        Assert.Equal(yaml.Sources.Select(s => s.SourceText.ToString()), json.Sources.Select(s => s.SourceText.ToString()));
    }

    [Fact]
    public void Very_deep_json_nesting_is_an_error_at_the_level_past_the_limit()
    {
        string json = "{\"openapi\": \"3.1.0\", \"x-deep\": " + new string('[', 100_000) + new string(']', 100_000) + "}";
        GeneratorRun run = Hostile.Within(() => GeneratorHarness.Run(json, JsonPath));
        Diagnostic d = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("The spec is not valid JSON: the document nests deeper than 256 levels", Message(d));
        At(d, DiagnosticSeverity.Error, 1, json.IndexOf('[', StringComparison.Ordinal) + 256, JsonPath); // the root object is level 1
    }
}
