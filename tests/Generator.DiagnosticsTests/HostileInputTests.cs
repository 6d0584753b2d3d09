using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using OpenApiSdk.Tests.Harness;
using Xunit;
using static OpenApiSdk.DiagnosticsTests.DiagnosticAssert;

namespace OpenApiSdk.DiagnosticsTests;

/// <summary>
/// A spec is input from outside: nothing in it may crash the generator, hang it, or reach the generated
/// code unescaped. Each case compiles its output with zero warnings and, where it matters, runs it.
/// </summary>
public sealed class HostileInputTests
{
    // Text that would end a comment, a doc tag or a literal, start a directive, or hide a line break.
    private const string EvilText = "ends */ a comment, </summary> a tag, <!-- opens one,\\r\\n#error on a new line\\u2028#error after U+2028\\u2029#error after U+2029 \\\"\\\"\\\" & \\\\ \\t \\0";

    private static readonly string EscapingSpec = $$"""
        openapi: 3.1.0
        info:
          title: "Evil {{EvilText}}"
          description: "{{EvilText}}"
          version: '1'
        paths: {}
        components:
          schemas:
            "class":
              description: "{{EvilText}}"
              title: "</summary>"
              type: object
              required: ["1st", "it's \"quoted\"", ""]
              properties:
                "1st": {type: string, description: "#error starts here"}
                "it's \"quoted\"": {type: string, description: "{{EvilText}}", pattern: "^\"[a-z\\\\]+\"$"}
                "with space": {type: integer, description: "*/ #error"}
                "名前": {type: string}
                "café": {type: string}
                "---": {type: string}
                "!!!": {type: string}
                "": {type: string, description: ""}
                "namespace": {type: string}
                "default": {type: boolean, default: true}
                "\u0301x": {type: string}
                "validate": {type: string}
                "isValid": {type: string}
                "class": {type: string}
                "kind":
                  type: string
                  description: "{{EvilText}}"
                  enum: ["a\"b", "c\\d", "", "\u2028", "class", "*/", "Kind"]
                "note": {type: string, maxLength: 2, default: "\"\\\""}
            "Sdk": {type: object, properties: {value: {type: string} } }
            "System": {type: object, properties: {string: {type: string}, "String": {type: string} } }
            "OpenApiRuntime": {type: object, properties: {a: {type: string} } }
            "123": {type: object, properties: {"0": {type: integer} } }
        """;

    [Fact]
    public void Hostile_descriptions_names_patterns_and_enum_values_compile_with_zero_warnings()
    {
        GeneratorRun run = Run(EscapingSpec);
        Hostile.NeverCrashed(run.GeneratorDiagnostics);
        NoErrors(run);
        Assert.Equal("OAS008", run.GeneratorDiagnostics.Single(d => d.Severity == DiagnosticSeverity.Info && d.Id != "OAS012").Id); // the 'note' default, on purpose
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Warning);
        CompilesCleanly(run);
        Assert.Empty(Hostile.DocumentationProblems(run));

        // No spec text became code: the only '#' directives are the generator's own, and every line of
        // description text sits in a '///' comment.
        foreach (GeneratedSourceResult source in run.Sources)
        {
            foreach (string line in source.SourceText.Lines.Select(l => l.ToString().TrimStart()))
            {
                Assert.False(line.StartsWith("#error", StringComparison.Ordinal), source.HintName + ": " + line);
            }

            string text = source.SourceText.ToString();
            Assert.DoesNotContain('\u2028', text);
            Assert.DoesNotContain('\u2029', text);
        }
    }

    [Fact]
    public void Hostile_paths_operation_ids_parameters_and_servers_reach_the_client_only_escaped()
    {
        const string yaml = """
            openapi: 3.1.0
            info:
              title: "Evil */ </summary> \" title\r\n#error x"
              description: "ends */ </summary> <!-- \u2028#error"
              version: "1\"\\"
            servers:
              - url: "https://example.com/a\"b\\c"
            paths:
              "/items/{id}/\"x\"":
                get:
                  operationId: "get\"Item */ class"
                  summary: "</summary> \r\n#error injected \u2029 \"\"\""
                  description: "*/ <!-- "
                  parameters:
                    - {name: id, in: path, required: true, description: "*/ \"", schema: {type: string, pattern: "^\"[\\\\a-z]+\"$"}}
                    - {name: "class", in: query, schema: {type: string}}
                    - {name: "a b\"c", in: query, schema: {type: integer}}
                    - {name: "X-Evil\"Header", in: header, schema: {type: string, enum: ["a\"b", "c\\d", ""]}}
                    - {name: "", in: query, schema: {type: string}}
                  responses:
                    '200':
                      description: "ok */ </summary>"
                      content: {application/json: {schema: {$ref: '#/components/schemas/class'}}}
                    default:
                      description: "#error"
                post:
                  operationId: "123"
                  requestBody:
                    content: {application/json: {schema: {type: object, properties: {"\"": {type: string}}}}}
                  responses: {'204': {description: ""}}
            components:
              schemas:
                class: {type: object, properties: {"it's": {type: string}}}
            """;
        GeneratorRun run = Run(yaml);
        Hostile.NeverCrashed(run.GeneratorDiagnostics);

        // The POST under a path with {id} declares no 'id': that operation is left out with a warning; the rest compiles.
        Assert.Equal(new[] { "OAS014" }, run.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).Select(d => d.Id));
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        CompilesCleanly(run);
        Assert.Empty(Hostile.DocumentationProblems(run));
        Assert.All(run.Sources.SelectMany(source => source.SourceText.Lines.Select(l => l.ToString().TrimStart())), line => Assert.False(line.StartsWith("#error", StringComparison.Ordinal), line));
    }

    [Fact]
    public void Hostile_names_become_distinct_valid_members_that_keep_their_json_names()
    {
        GeneratorRun run = Run(EscapingSpec);
        using Loaded sdk = Loaded.From(run);
        Type model = sdk.Type("Class");
        var jsonNames = model.GetProperties()
            .Select(p => (p.Name, Json: p.GetCustomAttributes(false).OfType<System.Text.Json.Serialization.JsonPropertyNameAttribute>().SingleOrDefault()?.Name))
            .Where(p => p.Json is not null)
            .ToDictionary(p => p.Json!, p => p.Name);

        // Every spec property is there, under its exact JSON name, and no two share a C# name.
        string[] expected = { "1st", "it's \"quoted\"", "with space", "名前", "café", "---", "!!!", string.Empty, "namespace", "default", "\u0301x", "validate", "isValid", "class", "kind", "note" };
        Assert.Equal(expected.OrderBy(x => x, StringComparer.Ordinal), jsonNames.Keys.OrderBy(x => x, StringComparer.Ordinal));
        Assert.Equal(jsonNames.Count, jsonNames.Values.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal("_1St", jsonNames["1st"]);
        Assert.Equal("Namespace", jsonNames["namespace"]);
        Assert.Equal("ValidateValue", jsonNames["validate"]);
        Assert.Equal("IsValidValue", jsonNames["isValid"]);
        Assert.Equal("ClassValue", jsonNames["class"]); // the class itself is 'Class'

        // The names round-trip through JSON exactly.
        const string json = """{"1st":"a","it's \"quoted\"":"\"ab\\c\"","":"empty","名前":"n","\u0301x":"m"}""";
        object value = sdk.FromJson("Class", json);
        Assert.Equal("empty", Loaded.Get(value, jsonNames[string.Empty]));
        Assert.Equal("\"ab\\c\"", Loaded.Get(value, jsonNames["it's \"quoted\""]));
        Assert.Equal("n", Loaded.Get(value, jsonNames["名前"]));
        Assert.Equal("m", Loaded.Get(value, jsonNames["\u0301x"]));
        Assert.Empty(Loaded.Errors(value));
        string written = Loaded.ToJson(value);
        Assert.Equal(value, sdk.FromJson("Class", written));

        // Schema names that clash with the runtime's or the namespace's are still generated (the runtime is referenced by full name).
        Assert.NotNull(sdk.Type("Sdk"));
        Assert.NotNull(sdk.Type("System"));
        Assert.NotNull(sdk.Type("_123"));
        Assert.NotNull(sdk.Type("OpenApiRuntime"));
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "OAS012" && Message(d).Contains("'OpenApiRuntime'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\"\\\"ab\\\\c\\\"\"", true)] // the string "ab\c", quotes included
    [InlineData("\"\\\"abc\\\"\"", true)]       // the string "abc", quotes included
    [InlineData("\"ab\\\\c\"", false)]            // ab\c without quotes
    [InlineData("\"abc\"", false)]                  // abc without quotes
    [InlineData("\"\\\"ABC\\\"\"", false)] // upper case
    [InlineData("\"\\\"abc\\\"\\n\"", false)] // a newline after the closing quote: '$' must not match before it
    public void A_pattern_with_quotes_and_backslashes_checks_exactly_what_the_spec_says(string jsonValue, bool valid)
    {
        GeneratorRun run = Run(EscapingSpec);
        using Loaded sdk = Loaded.From(run);
        object value = sdk.FromJson("Class", "{\"1st\":\"a\",\"\":\"b\",\"it's \\\"quoted\\\"\":" + jsonValue + "}");
        List<string> errors = Loaded.Errors(value);
        Assert.True(valid == (errors.Count == 0), string.Join("; ", errors));
    }

    [Fact]
    public void Enum_values_with_quotes_backslashes_and_empty_strings_are_known_values()
    {
        GeneratorRun run = Run(EscapingSpec);
        using Loaded sdk = Loaded.From(run);
        Type kind = sdk.Type("ClassKind");
        var known = ((System.Collections.IEnumerable)kind.GetProperty("KnownValues")!.GetValue(null)!).Cast<object>()
            .Select(v => (string)kind.GetProperty("Value")!.GetValue(v)!)
            .ToList();
        Assert.Equal(new[] { "a\"b", "c\\d", string.Empty, "\u2028", "class", "*/", "Kind" }, known);
        Assert.Equal(known.Count, kind.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static).Count(p => p.PropertyType == kind));

        object value = sdk.FromJson("Class", "{\"1st\":\"a\",\"\":\"b\",\"kind\":\"c\\\\d\"}");
        object read = Loaded.Get(value, "Kind")!;
        Assert.Equal("c\\d", kind.GetProperty("Value")!.GetValue(read));
        Assert.True((bool)kind.GetProperty("IsKnown")!.GetValue(read)!);
    }

    [Fact]
    public void A_default_with_quotes_that_breaks_max_length_is_reported_not_emitted()
    {
        GeneratorRun run = Run(EscapingSpec);
        Diagnostic d = run.GeneratorDiagnostics.Single(x => x.Id == "OAS008");
        Assert.StartsWith("The default '\"\\\"' is longer than maxLength 2", Message(d), StringComparison.Ordinal);
    }

    [Fact]
    public void A_recursive_model_through_properties_compiles_and_round_trips()
    {
        string yaml = Spec(
            "    Node:\n" +
            "      type: object\n" +
            "      properties:\n" +
            "        name: {type: string}\n" +
            "        parent: {$ref: '#/components/schemas/Edge'}\n" +
            "        children: {type: array, items: {$ref: '#/components/schemas/Node'}}\n" +
            "    Edge:\n" +
            "      type: object\n" +
            "      properties:\n" +
            "        target: {$ref: '#/components/schemas/Node'}\n");
        GeneratorRun run = Run(yaml);
        Assert.Empty(run.GeneratorDiagnostics);
        CompilesCleanly(run);
        using Loaded sdk = Loaded.From(run);
        const string json = """{"name":"root","parent":{"target":{"name":"up"}},"children":[{"name":"leaf","children":[]}]}""";
        object node = sdk.FromJson("Node", json);
        Assert.Equal(json, Loaded.ToJson(node));
    }

    [Fact]
    public void Schemas_that_are_only_references_to_each_other_are_reported_not_a_hang()
    {
        string yaml = Spec(
            "    A:\n" +
            "      $ref: '#/components/schemas/B'\n" + // line 9, value at col 13
            "    B:\n" +
            "      $ref: '#/components/schemas/A'\n" + // line 11
            "    Holder:\n" +
            "      type: object\n" +
            "      properties:\n" +
            "        a: {$ref: '#/components/schemas/A'}\n");
        GeneratorRun run = Hostile.Within(() => Run(yaml));
        Hostile.NeverCrashed(run.GeneratorDiagnostics);
        List<Diagnostic> loops = run.GeneratorDiagnostics.Where(d => d.Id == "OAS015").ToList();
        Assert.Contains(loops, d => d.Location.GetLineSpan().StartLinePosition.Line + 1 == 9);
        Assert.All(loops, d => Assert.Contains("loops back", Message(d), StringComparison.Ordinal));
        CompilesCleanly(run); // Holder.A is typed as JsonElement; the rest of the SDK is generated
    }

    [Fact]
    public void An_array_that_contains_itself_is_typed_as_json_at_the_repeat()
    {
        string yaml = Spec(
            "    Tree:\n" +
            "      type: array\n" +
            "      items: {$ref: '#/components/schemas/Tree'}\n" +
            "    Holder:\n" +
            "      type: object\n" +
            "      properties:\n" +
            "        tree: {$ref: '#/components/schemas/Tree'}\n");
        GeneratorRun run = Hostile.Within(() => Run(yaml));
        Hostile.NeverCrashed(run.GeneratorDiagnostics);
        Diagnostic d = run.GeneratorDiagnostics.Single(x => x.Id == "OAS010");
        Assert.Contains("contains itself", Message(d), StringComparison.Ordinal);
        CompilesCleanly(run);
        Assert.Contains("List<__JsonElement>? Tree {", run.Source("api.Holder.g.cs"), StringComparison.Ordinal); // __JsonElement: the file's alias
    }

    [Fact]
    public void Billion_laughs_aliases_cost_one_node_each()
    {
        var yaml = new StringBuilder(Spec("    Pet: {type: object, properties: {name: {type: string}}}\n"));
        yaml.Append("x-lol0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++)
        {
            yaml.Append("x-lol").Append(i).Append(": &a").Append(i).Append(" [").Append(string.Join(", ", Enumerable.Repeat("*a" + (i - 1), 10))).Append("]\n");
        }

        GeneratorRun run = Hostile.Within(() => Run(yaml.ToString()));
        Hostile.NeverCrashed(run.GeneratorDiagnostics);
        Assert.Empty(run.GeneratorDiagnostics);
        CompilesCleanly(run);
    }

    [Fact]
    public void An_allOf_alias_bomb_is_walked_once_per_schema()
    {
        // L9 reaches L0 through 10^9 allOf paths; each schema is collected once.
        var schemas = new StringBuilder("    L0: &l0 {type: object, properties: {a: {type: string}}}\n");
        for (int i = 1; i < 10; i++)
        {
            schemas.Append("    L").Append(i).Append(": &l").Append(i).Append(" {allOf: [").Append(string.Join(", ", Enumerable.Repeat("*l" + (i - 1), 10))).Append("]}\n");
        }

        GeneratorRun run = Hostile.Within(() => Run(Spec(schemas.ToString())));
        Hostile.NeverCrashed(run.GeneratorDiagnostics);
        Assert.Empty(run.GeneratorDiagnostics);
        CompilesCleanly(run);
        Assert.Contains("public string? A {", run.Source("api.L9.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void An_if_then_alias_bomb_is_checked_as_JSON_with_one_method_per_node()
    {
        // Each level's 'then' names the level below ten times: 10^8 checks if expanded.
        var yaml = new StringBuilder(
            "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\n" +
            "x-c0: &c0 {required: [v]}\n");
        for (int i = 1; i < 9; i++)
        {
            string below = "*c" + (i - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            yaml.Append("x-c").Append(i).Append(": &c").Append(i).Append(" {required: [v], properties: {")
                .Append(string.Join(", ", Enumerable.Range(0, 10).Select(n => "n" + n + ": " + below))).Append("}}\n");
        }

        yaml.Append("components:\n  schemas:\n    Node:\n      type: object\n      properties:\n        v: {type: string}\n");
        for (int n = 0; n < 10; n++)
        {
            yaml.Append("        n").Append(n).Append(": {$ref: '#/components/schemas/Node'}\n");
        }

        yaml.Append("      if: {required: [v]}\n      then: *c8\n");
        GeneratorRun run = Hostile.Within(() => Run(yaml.ToString()));
        Hostile.NeverCrashed(run.GeneratorDiagnostics);
        NoErrors(run);
        // The typed if/then/else stops at 8 levels; the model's JSON is checked instead, compiled once per YAML node (an
        // alias is the node it names), so the 10^8 checks are some 30 methods.
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "OAS010");
        string node = run.Source("api.Node.g.cs");
        Assert.Contains("v.ModelJson(", node, StringComparison.Ordinal);
        Assert.InRange(node.Split("private static bool __Check1_").Length - 1, 1, 40);
        CompilesCleanly(run);
    }

    [Fact]
    public void A_properties_alias_bomb_is_cut_off_at_the_member_budget()
    {
        // 60 schemas share one mapping of 1000 properties: 60,000 properties from a 30 kB file.
        var yaml = new StringBuilder("openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\nx-props: &props\n");
        for (int i = 0; i < 1000; i++)
        {
            yaml.Append("  p").Append(i).Append(": {type: string}\n");
        }

        yaml.Append("components:\n  schemas:\n");
        for (int i = 0; i < 60; i++)
        {
            yaml.Append("    S").Append(i).Append(": {type: object, properties: *props}\n");
        }

        (ImmutableDiagnostics diagnostics, _) = Hostile.Generate(yaml.ToString());
        Hostile.NeverCrashed(diagnostics.Items);
        Diagnostic d = diagnostics.Items.Single(x => x.Id == "OAS014");
        Assert.Contains("more than 50000 properties", Message(d), StringComparison.Ordinal);
    }

    [Fact]
    public void A_schema_alias_that_contains_itself_is_a_recursive_model()
    {
        string yaml = Spec(
            "    Node: &node\n" +
            "      type: object\n" +
            "      properties:\n" +
            "        name: {type: string}\n" +
            "        next: *node\n");
        GeneratorRun run = Hostile.Within(() => Run(yaml));
        Hostile.NeverCrashed(run.GeneratorDiagnostics);
        NoErrors(run);
        CompilesCleanly(run);
        Assert.Contains("public Node? Next {", run.Source("api.Node.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Very_deep_nesting_is_an_error_not_a_stack_overflow()
    {
        string yaml = Spec("    Deep: " + new string('[', 100_000) + new string(']', 100_000) + "\n");
        (ImmutableDiagnostics diagnostics, _) = Hostile.Generate(yaml);
        Hostile.NeverCrashed(diagnostics.Items);
        Diagnostic d = diagnostics.Items.Single(x => x.Id == "OAS001");
        Assert.Contains("nests deeper than", Message(d), StringComparison.Ordinal);
    }

    [Fact]
    public void Deeply_nested_inline_schemas_within_the_limit_compile_with_bounded_names()
    {
        // 40 levels of inline objects with long property names: the nested type names would concatenate to 4000+ characters.
        string name = new string('n', 100);
        var yaml = new StringBuilder("openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    Root:\n");
        string indent = "      ";
        for (int i = 0; i < 40; i++)
        {
            yaml.Append(indent).Append("type: object\n").Append(indent).Append("properties:\n").Append(indent).Append("  ").Append(name).Append(i).Append(":\n");
            indent += "    ";
        }

        yaml.Append(indent).Append("type: string\n");
        GeneratorRun run = Hostile.Within(() => Run(yaml.ToString()));
        Hostile.NeverCrashed(run.GeneratorDiagnostics);
        CompilesCleanly(run);
        Assert.NotEmpty(run.Sources);
        Assert.All(run.Sources, s => Assert.True(s.HintName.Length < 200, s.HintName));
    }

    [Fact]
    public void Deeply_nested_arrays_are_cut_off_with_an_error()
    {
        string yaml = Spec("    Holder:\n      type: object\n      properties:\n        deep: " + string.Concat(Enumerable.Repeat("{type: array, items: ", 120)) + "{type: string}" + new string('}', 120) + "\n");
        GeneratorRun run = Hostile.Within(() => Run(yaml));
        Hostile.NeverCrashed(run.GeneratorDiagnostics);
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "OAS014" && Message(d).Contains("more than 64 levels", StringComparison.Ordinal));
        CompilesCleanly(run);
    }

    [Fact]
    public void Long_strings_are_escaped_and_quoted_in_messages_only_in_part()
    {
        string longText = new string('x', 1_000_000);
        string yaml = Spec(
            "    Holder:\n" +
            "      type: object\n" +
            "      description: " + longText + "\n" +
            "      properties:\n" +
            "        ? " + longText + "\n" + // an explicit key: YAML limits implicit keys to 1024 characters
            "        : {type: string}\n" +
            "        code: {type: integer, enum: [1, " + longText + "]}\n" +
            "        bad: {type: string, pattern: '(" + longText + "'}\n" +
            "        gone: {$ref: '#/components/schemas/" + longText + "'}\n");
        GeneratorRun run = Hostile.Within(() => Run(yaml));
        Hostile.NeverCrashed(run.GeneratorDiagnostics);
        CompilesCleanly(run);
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "OAS008");
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "OAS006");
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "OAS003");
        Assert.All(run.GeneratorDiagnostics, d => Assert.True(Message(d).Length < 500, d.Id + ": " + Message(d).Length));
    }

    [Fact]
    public void A_huge_document_is_read_in_bounded_work()
    {
        // About 16 MB of YAML: 200,000 extension entries with a 64-character value each.
        var yaml = new StringBuilder(Spec("    Pet: {type: object, properties: {name: {type: string}}}\n"));
        yaml.Append("x-bulk:\n");
        string value = new string('v', 64);
        for (int i = 0; i < 200_000; i++)
        {
            yaml.Append("  k").Append(i).Append(": ").Append(value).Append('\n');
        }

        (ImmutableDiagnostics diagnostics, int chars) = Hostile.Generate(yaml.ToString());
        Hostile.NeverCrashed(diagnostics.Items);
        Assert.Empty(diagnostics.Items);

        // The work after reading does not grow with the bulk: exactly the code of the same spec without it.
        (_, int withoutBulk) = Hostile.Generate(Spec("    Pet: {type: object, properties: {name: {type: string}}}\n"));
        Assert.True(withoutBulk > 0);
        Assert.Equal(withoutBulk, chars);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n")]
    [InlineData("---\n...\n")]
    [InlineData("[]")]
    [InlineData("just a string")]
    [InlineData("openapi: 3.1.0")]
    [InlineData("openapi: [3.1.0]")]
    [InlineData("openapi: 3.1.0\ncomponents: 7")]
    [InlineData("openapi: 3.1.0\ncomponents: {schemas: [a, b]}")]
    [InlineData("openapi: 3.1.0\ncomponents: {schemas: {A: 5, B: [1], C: null, D: true}}")]
    [InlineData("openapi: 3.1.0\ncomponents: {schemas: {A: {properties: [x]}, B: {properties: {x: 5}}, C: {required: {a: 1}}}}")]
    [InlineData("openapi: 3.1.0\ncomponents: {schemas: {A: {type: object, properties: {'x': {$ref: 5}}}}}")]
    [InlineData("openapi: 3.1.0\ncomponents: {schemas: {A: {type: [], enum: {}}, B: {type: {a: b}}, C: {allOf: {}}}}")]
    [InlineData("openapi: 3.1.0\ncomponents: {schemas: {A: {$ref: '#/components/schemas/A/properties/x'}}}")]
    [InlineData("openapi: 3.1.0\ncomponents: {schemas: {A: {type: object, properties: {x: {$ref: '#'}}}}}")]
    [InlineData("openapi: 3.1.0\ncomponents: {schemas: {A: {type: object, properties: {x: {$ref: '#/%ZZ/~2'}}}}}")]
    [InlineData("openapi: 3.1.0\n? [complex, key]\n: value")]
    [InlineData("openapi: 3.1.0\n*undefined")]
    [InlineData("openapi: 3.1.0\n--- \nopenapi: 3.1.0")]
    [InlineData("openapi: 3.1.0\ncomponents: {schemas: {A: {type: string, enum: [a, {b: c}, [d]], default: [x]}}}")]
    [InlineData("openapi: 3.1.0\ncomponents: {schemas: {A: {type: integer, minimum: 1e400, maximum: -1e400, multipleOf: 0}}}")]
    [InlineData("openapi: 3.1.0\ncomponents: {schemas: {A: {type: number, minimum: NaN, maximum: .inf, default: .nan}}}")]
    [InlineData("openapi: 3.1.0\ncomponents: {schemas: {A: {type: integer, format: int32, default: 99999999999, enum: [99999999999]}}}")]
    [InlineData("openapi: 3.1.0\ncomponents: {schemas: {A: {type: string, pattern: '(a+)+$', default: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!'}}}")]
    public void Malformed_documents_never_cause_an_internal_error_and_either_compile_or_report_an_error(string yaml)
    {
        GeneratorRun run = Hostile.Within(() => Run(WithInfo(yaml)));
        Hostile.NeverCrashed(run.GeneratorDiagnostics);
        Hostile.NeverCrashed(run.CompileDiagnostics);
        Assert.True(
            run.GeneratorDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) || run.CompileProblems.Count == 0,
            Describe(run) + Environment.NewLine + string.Join(Environment.NewLine, run.CompileProblems));
    }

    /// <summary>
    /// Documents that break a rule of the OpenAPI 3.1 or JSON Schema 2020-12 specification (a MUST: an object where
    /// a number is required, a Schema Object that is neither an object nor a boolean, <c>multipleOf</c> not greater
    /// than 0, a number that is no JSON number) are reported, not read as something else in silence.
    /// </summary>
    [Theory]
    [InlineData("", "an empty file is no OpenAPI document")]
    [InlineData("just a string", "an OpenAPI document is an OpenAPI Object, a mapping")]
    [InlineData("openapi: [3.1.0]", "the openapi field is a string")]
    [InlineData("openapi: 3.1.0\n*undefined", "YAML 1.2: an alias names an anchor that comes before it")]
    [InlineData("openapi: 3.1.0\ncomponents: {schemas: {A: {properties: [x]}, B: {properties: {x: 5}}, C: {required: {a: 1}}}}", "properties is a map of schemas; required an array")]
    [InlineData("openapi: 3.1.0\ncomponents: {schemas: {A: {type: object, properties: {'x': {$ref: 5}}}}}", "$ref is a string")]
    [InlineData("openapi: 3.1.0\ncomponents: 7", "OpenAPI 3.1: components is a Components Object")]
    [InlineData("openapi: 3.1.0\ncomponents: {schemas: [a, b]}", "OpenAPI 3.1: the Components Object's schemas is a map of Schema Objects")]
    [InlineData("openapi: 3.1.0\ncomponents: {schemas: {A: 5, B: [1], C: null}}", "JSON Schema 2020-12 core 4.3.1: a schema MUST be an object or a boolean")]
    [InlineData("openapi: 3.1.0\ncomponents: {schemas: {A: {type: [], enum: {}}, B: {type: {a: b}}, C: {allOf: {}}}}", "JSON Schema 2020-12 validation 6.1.1 and 6.1.2, core 10.2.1.1: type is a string or an array (a non-empty one, says the meta-schema), enum an array, allOf a non-empty array")]
    [InlineData("openapi: 3.1.0\ncomponents: {schemas: {A: {type: integer, multipleOf: 0}}}", "JSON Schema 2020-12 validation 6.2.1: multipleOf MUST be strictly greater than 0")]
    [InlineData("openapi: 3.1.0\ncomponents: {schemas: {A: {type: number, minimum: .nan, maximum: .inf}}}", "JSON Schema 2020-12 validation 6.2.4 and 6.2.2: minimum and maximum are numbers; RFC 8259 section 6 has no NaN or infinity")]
    public void Documents_that_break_the_OpenAPI_or_JSON_Schema_rules_are_reported(string yaml, string rule)
    {
        GeneratorRun run = Hostile.Within(() => Run(WithInfo(yaml)));
        Hostile.NeverCrashed(run.GeneratorDiagnostics);
        Assert.True(run.GeneratorDiagnostics.Length > 0, "no diagnostic for " + yaml.Replace("\n", " / ", StringComparison.Ordinal) + " (" + rule + ")");
    }

    private static string WithInfo(string yaml) =>
        yaml.Replace("openapi: 3.1.0", "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}", StringComparison.Ordinal);
}
