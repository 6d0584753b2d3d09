using System.Collections;
using System.Linq;
using System.Reflection;
using System.Threading;
using Microsoft.CodeAnalysis;
using OpenApiSdk.Tests.Harness;
using Xunit;
using static OpenApiSdk.DiagnosticsTests.DiagnosticAssert;

namespace OpenApiSdk.DiagnosticsTests;

/// <summary>
/// YAML that YamlDotNet 16 rejects but YAML 1.2 allows is read with the values YAML 1.2 gives. The rule
/// (§8.1.1.1, block indentation indicator): without an indicator, a block scalar's indentation is that of its
/// first non-empty line, or of its longest line when every line is empty; leading empty lines may hold spaces up
/// to that indentation and each stands for one line break. Chomping (§8.1.1.2) then decides what the trailing
/// line breaks become: clip and strip drop them from an all-empty scalar, keep (+) keeps each one.
/// </summary>
public sealed class Yaml12Tests
{
    [Theory]
    // The case from the issue: a literal scalar with keep chomping whose only line holds spaces: one line break.
    [InlineData("example: |+\n   \nnext: 1\n", "\n")]
    [InlineData("example: |+\n   \n", "\n")]
    // Clip and strip: an all-empty scalar has no final line break to keep, so it is empty.
    [InlineData("example: |\n   \nnext: 1\n", "")]
    [InlineData("example: |-\n   \nnext: 1\n", "")]
    [InlineData("example: >\n   \nnext: 1\n", "")]
    // Keep: every empty line is a line break, whatever its spaces (the longest, 5, sets the indentation).
    [InlineData("example: >+\n     \n  \nnext: 1\n", "\n\n")]
    [InlineData("example: |+\n  \n   \n    \nnext: 1\n", "\n\n\n")]
    // A leading empty line with fewer spaces than the first content line: one line break, then the text.
    [InlineData("example: |\n  \n   text\nnext: 1\n", "\ntext\n")]
    [InlineData("example: >-\n \n  folded\n  text\nnext: 1\n", "\nfolded text")]
    // After a comment, an anchor and a tag, a quoted key, CRLF line breaks.
    [InlineData("example: >+ # note\n      \nnext: 1\n", "\n")]
    [InlineData("example: &a !!str |+\n   \nnext: 1\n", "\n")]
    [InlineData("'example': |+\n   \nnext: 1\n", "\n")]
    [InlineData("example: |+\r\n   \r\nnext: 1\r\n", "\n")]
    public void A_block_scalar_whose_first_lines_hold_only_spaces_is_read_as_YAML_1_2_says(string yaml, string expected)
    {
        object root = ReadRoot(yaml);
        Assert.Equal(expected, Value(Get(root, "example")));
        if (yaml.Contains("next", System.StringComparison.Ordinal))
        {
            Assert.Equal("1", Value(Get(root, "next"))); // the scalar ends where YAML 1.2 ends it
        }
    }

    [Fact]
    public void Block_scalars_nested_in_sequences_and_mappings_are_read_as_YAML_1_2_says()
    {
        const string yaml =
            "a:\n" +
            "  - |+\n" +       // a sequence entry: indentation relative to the dash at column 2
            "       \n" +
            "  - - >+\n" +     // a sequence in a sequence
            "         \n" +
            "    - x\n" +
            "  - key: |+\n" +  // a mapping in a sequence: relative to the key at column 4
            "        \n" +
            "    other: |\n" + // its next key, clip chomping
            "      \n" +
            "    last: end\n" +
            "b:\n" +
            "- |+\n" +         // a sequence at its key's indentation
            "   \n" +
            "- plain\n";
        object root = ReadRoot(yaml);
        object[] a = Items(Get(root, "a"));
        Assert.Equal("\n", Value(a[0]));
        object[] inner = Items(a[1]);
        Assert.Equal(new[] { "\n", "x" }, inner.Select(Value));
        Assert.Equal("\n", Value(Get(a[2], "key")));
        Assert.Equal(string.Empty, Value(Get(a[2], "other")));
        Assert.Equal("end", Value(Get(a[2], "last")));
        Assert.Equal(new[] { "\n", "plain" }, Items(Get(root, "b")).Select(Value));
    }

    [Fact]
    public void Positions_of_everything_read_stay_those_of_the_text()
    {
        const string yaml =
            "example: |+\n" + // line 1, the scalar at col 10
            "   \n" +
            "next: 1\n";      // line 3, the value at col 7
        object root = ReadRoot(yaml);
        Assert.Equal((1, 10), Position(Get(root, "example")));
        Assert.Equal((3, 7), Position(Get(root, "next")));
    }

    [Fact]
    public void A_spec_with_such_block_scalars_builds_and_the_values_reach_the_sdk()
    {
        string yaml = Spec(
            "    Mark:\n" +
            "      type: object\n" +
            "      example: |+\n" + // the case: not an OAS001
            "         \n" +
            "      properties:\n" +
            "        mark:\n" +
            "          type: string\n" +
            "          const: |+\n" + // "\n": one line break, as YAML 1.2 reads it
            "             \n" +
            "          description: >-\n" +
            "           \n" +
            "            A mark.\n");
        GeneratorRun run = Run(yaml);
        Assert.Empty(run.GeneratorDiagnostics);
        CompilesCleanly(run);
        using Loaded sdk = Loaded.From(run);
        Assert.Empty(Loaded.Errors(sdk.FromJson("Mark", "{\"mark\":\"\\n\"}")));
        Assert.Equal(new[] { "/mark: must be \n" }, Loaded.Errors(sdk.FromJson("Mark", "{\"mark\":\"\"}")));
        Assert.Equal(new[] { "/mark: must be \n" }, Loaded.Errors(sdk.FromJson("Mark", "{\"mark\":\"   \\n\"}")));
    }

    [Fact]
    public void A_real_syntax_error_after_such_a_block_scalar_is_reported_at_its_own_line()
    {
        string yaml =
            "openapi: 3.1.0\n" +
            "info:\n" +
            "  title: |+\n" +
            "     \n" +
            "  version: '1'\n" +
            "  summary: a: b\n"; // line 6: a second ': ' in a plain scalar, at col 13
        GeneratorRun run = Run(yaml);
        Diagnostic d = Single(run, "OAS001", DiagnosticSeverity.Error, 6, 13);
        Assert.Equal("The spec is not valid YAML: While scanning a plain scalar value, found invalid mapping.", Message(d));
    }

    [Fact]
    public void A_block_scalar_YAML_1_2_rejects_is_still_an_error()
    {
        // §8.1.1.1: "It is an error for any of the leading empty lines to contain more spaces than the first
        // non-empty line." Here the empty line has 5 spaces, the first content line 4.
        string yaml =
            "openapi: 3.1.0\n" +
            "info:\n" +
            "  title: |\n" +   // line 3
            "     \n" +       // line 4: 5 spaces
            "    text\n" +    // line 5: 4 spaces
            "  version: '1'\n";
        GeneratorRun run = Run(yaml);
        Diagnostic d = run.GeneratorDiagnostics.Single(x => x.Id == "OAS001");
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        int line = d.Location.GetLineSpan().StartLinePosition.Line + 1;
        Assert.InRange(line, 3, 5); // YamlDotNet's position, inside the block scalar
        Assert.Contains("block scalar", Message(d), System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_inside_a_block_scalar_that_looks_like_a_header_is_left_as_it_is()
    {
        // The text of 'text' holds "b: |" and a line of 5 spaces (3 of them content): not a header and its empty
        // line, so it keeps them; 'example' after it is the case YamlDotNet rejects.
        const string yaml =
            "text: |\n" +
            "  line\n" +
            "  b: |\n" +
            "     \n" +
            "  end\n" +
            "example: |+\n" +
            "   \n" +
            "next: 1\n";
        object root = ReadRoot(yaml);
        Assert.Equal("line\nb: |\n   \nend\n", Value(Get(root, "text")));
        Assert.Equal("\n", Value(Get(root, "example")));
    }

    [Fact]
    public void A_quoted_value_whose_line_ends_in_a_bar_is_checked_on_the_second_reading()
    {
        // Only by its line does "  b: |" look like a header; inside the quotes it is not one. The second reading
        // finds no block scalar there, so the first error stands rather than a reading built on a wrong guess.
        const string yaml =
            "k: 'a\n" +
            "  b: |\n" +
            "   \n" +
            "  c'\n" +
            "example: |+\n" +
            "   \n";
        (object? root, string? error, int line, _) = Read(yaml);
        Assert.Null(root);
        Assert.Equal("While scanning a literal block scalar, found extra spaces in first line.", error);
        Assert.Equal(7, line);
    }

    // The reader is internal to the generator; the tests reach it by reflection, as the benchmarks do.
    private static readonly System.Type ReaderType = typeof(OpenApiSdk.Generator.OpenApiGenerator).Assembly.GetType("OpenApiSdk.Generator.Yaml.YamlReader", throwOnError: true)!;

    private static (object? Root, string? Error, int Line, int Column) Read(string yaml)
    {
        object result = ReaderType.GetMethod("Read", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, new object[] { yaml, CancellationToken.None })!;
        object? Property(string name) => result.GetType().GetProperty(name)!.GetValue(result);
        return (Property("Root"), (string?)Property("Error"), (int)Property("Line")!, (int)Property("Column")!);
    }

    private static object ReadRoot(string yaml)
    {
        (object? root, string? error, int line, int column) = Read(yaml);
        Assert.True(root is not null, $"{line}:{column} {error}");
        return root!;
    }

    private static object Get(object node, string key) =>
        node.GetType().GetMethod("Get", new[] { typeof(string) })!.Invoke(node, new object[] { key }) ?? throw new Xunit.Sdk.XunitException("no key " + key);

    private static string Value(object node) => (string)node.GetType().GetProperty("Value")!.GetValue(node)!;

    private static object[] Items(object node) => ((IEnumerable)node.GetType().GetProperty("Items")!.GetValue(node)!).Cast<object>().ToArray();

    private static (int, int) Position(object node) =>
        ((int)node.GetType().GetProperty("Line")!.GetValue(node)!, (int)node.GetType().GetProperty("Column")!.GetValue(node)!);
}
