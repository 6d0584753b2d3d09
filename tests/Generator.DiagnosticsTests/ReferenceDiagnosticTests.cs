using System.Linq;
using Microsoft.CodeAnalysis;
using OpenApiSdk.Tests.Harness;
using Xunit;
using static OpenApiSdk.DiagnosticsTests.DiagnosticAssert;

namespace OpenApiSdk.DiagnosticsTests;

/// <summary>
/// References as JSON Schema 2020-12 core §8.2 defines them inside one document: <c>$id</c> sets the base a
/// <c>$ref</c> is resolved against (RFC 3986 §5), an <c>$anchor</c> names a schema under its resource's URI, a pointer
/// fragment starts at the resource's root, and <c>$ref</c>'s sibling keywords apply too (core §8.2.3.1).
/// </summary>
public class ReferenceDiagnosticTests
{
    [Fact]
    public void References_by_id_and_anchor_resolve_within_the_document_and_their_schemas_are_checked()
    {
        GeneratorRun run = Run(Spec(
            "    Holder:\n" +
            "      type: object\n" +
            "      properties:\n" +
            "        code: {$ref: 'https://example.com/schemas/codes.json#short'}\n" +
            "        count: {$ref: 'https://example.com/schemas/codes.json#/$defs/count'}\n" +
            "        nested: {$ref: 'https://example.com/schemas/nested/leaf.json'}\n" +
            "    Codes:\n" +
            "      $id: 'https://example.com/schemas/codes.json'\n" +
            "      $defs:\n" +
            "        short: {$anchor: short, type: string, maxLength: 3}\n" +
            "        count: {type: integer, minimum: 1}\n" +
            "        leaf:\n" +
            "          $id: nested/leaf.json\n" +
            "          $ref: '#/$defs/word'\n" +
            "          $defs:\n" +
            "            word: {type: string, pattern: '^[a-z]+$'}\n"));
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        CompilesCleanly(run);

        using Loaded sdk = Loaded.From(run);
        Assert.Empty(Loaded.Errors(sdk.FromJson("Holder", "{\"code\":\"abc\",\"count\":2,\"nested\":\"word\"}")));
        Assert.Equal(
            new[] { "/code: must be at most 3 characters long", "/count: must be greater than or equal to 1", "/nested: must match the pattern ^[a-z]+$" },
            Loaded.Errors(sdk.FromJson("Holder", "{\"code\":\"abcd\",\"count\":0,\"nested\":\"Word\"}")).OrderBy(e => e, System.StringComparer.Ordinal));
    }

    [Fact]
    public void Keywords_beside_a_ref_apply_with_it()
    {
        GeneratorRun run = Run(Spec(
            "    Holder:\n" +
            "      type: object\n" +
            "      properties:\n" +
            "        tags: {$ref: '#/components/schemas/Tags', maxItems: 2}\n" +
            "    Tags:\n" +
            "      type: array\n" +
            "      items: {type: string}\n"));
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        CompilesCleanly(run);

        using Loaded sdk = Loaded.From(run);
        Assert.Empty(Loaded.Errors(sdk.FromJson("Holder", "{\"tags\":[\"a\",\"b\"]}")));
        Assert.Single(Loaded.Errors(sdk.FromJson("Holder", "{\"tags\":[\"a\",\"b\",\"c\"]}")), e => e.StartsWith("/tags: ", System.StringComparison.Ordinal));
    }

    [Fact]
    public void An_object_schema_beside_a_ref_is_checked_with_the_members_its_target_evaluates()
    {
        GeneratorRun run = Run(Spec(
            "    Holder:\n" +
            "      $ref: '#/components/schemas/Base'\n" +
            "      properties: {foo: {type: string}}\n" +
            "      unevaluatedProperties: false\n" +
            "    Wrapper:\n" +
            "      type: object\n" +
            "      properties:\n" +
            "        named: {$ref: '#/components/schemas/Base', required: [bar]}\n" +
            "    Base:\n" +
            "      properties: {bar: {type: string}}\n"));
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        CompilesCleanly(run);

        using Loaded sdk = Loaded.From(run);
        Assert.Empty(Loaded.Errors(sdk.FromJson("Holder", "{\"foo\":\"a\",\"bar\":\"b\"}")));
        Assert.Single(Loaded.Errors(sdk.FromJson("Holder", "{\"foo\":\"a\",\"bar\":\"b\",\"baz\":1}")), e => e.StartsWith("/baz: ", System.StringComparison.Ordinal));
        Assert.Empty(Loaded.Errors(sdk.FromJson("Wrapper", "{\"named\":{\"bar\":\"b\"}}")));
        Assert.Equal(new[] { "/named/bar: is required" }, Loaded.Errors(sdk.FromJson("Wrapper", "{\"named\":{}}")));
    }

    [Fact]
    public void A_ref_to_a_uri_no_id_of_the_document_declares_is_another_file_and_an_unknown_fragment_of_a_known_one_points_at_nothing()
    {
        GeneratorRun run = Run(Spec(
            "    Holder:\n" +
            "      type: object\n" +
            "      properties:\n" +
            "        a: {$ref: 'https://example.com/other.json#/x'}\n" +
            "        b: {$ref: 'https://example.com/schemas/codes.json#missing'}\n" +
            "    Codes:\n" +
            "      $id: 'https://example.com/schemas/codes.json'\n" +
            "      type: string\n" +
            "      enum: [{$id: 'https://example.com/other.json'}]\n"));
        Diagnostic external = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "OAS004");
        Assert.Contains("'https://example.com/other.json#/x'", Message(external), System.StringComparison.Ordinal); // an $id inside enum is data
        Assert.Equal(11, external.Location.GetLineSpan().StartLinePosition.Line + 1);
        Diagnostic missing = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "OAS003");
        Assert.Equal(12, missing.Location.GetLineSpan().StartLinePosition.Line + 1);
    }

    [Fact]
    public void A_dynamic_ref_whose_target_depends_on_the_scope_goes_where_each_path_sends_it()
    {
        GeneratorRun run = Run(Spec(
            "    Holder:\n" +
            "      type: object\n" +
            "      properties:\n" +
            "        list: {$ref: 'https://example.com/list'}\n" +
            "        strings: {$ref: 'https://example.com/strings'}\n" +
            "    List:\n" +
            "      $id: 'https://example.com/list'\n" +
            "      $dynamicAnchor: item\n" +
            "      type: array\n" +
            "      items: {$dynamicRef: '#item'}\n" +
            "    Strings:\n" +
            "      $id: 'https://example.com/strings'\n" +
            "      $ref: list\n" +
            "      $defs:\n" +
            "        item: {$dynamicAnchor: item, type: string}\n"));
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        CompilesCleanly(run);

        // Through List alone the outermost resource with $dynamicAnchor item is List: each item is a list again.
        // Through Strings it is Strings (entered before List), whose anchor is a string (core 8.2.3.2).
        using Loaded sdk = Loaded.From(run);
        Assert.Empty(Loaded.Errors(sdk.FromJson("Holder", "{\"list\":[[],[[]]],\"strings\":[\"a\",\"b\"]}")));
        Assert.Equal(
            new[] { "/list/1/0: must be an array", "/strings/1: must be a string" },
            Loaded.Errors(sdk.FromJson("Holder", "{\"list\":[[],[\"a\"]],\"strings\":[\"a\",[]]}")).OrderBy(e => e, System.StringComparer.Ordinal));
    }

    [Fact]
    public void A_dynamic_ref_to_no_dynamic_anchor_is_a_ref_and_one_to_nothing_points_at_nothing()
    {
        GeneratorRun run = Run(Spec(
            "    Holder:\n" +
            "      type: object\n" +
            "      properties:\n" +
            "        value: {$dynamicRef: '#/components/schemas/Short'}\n" +
            "        other: {$dynamicRef: '#node'}\n" +
            "    Short: {type: string, maxLength: 1}\n"));
        Diagnostic missing = Assert.Single(run.GeneratorDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.Equal(("OAS003", 12), (missing.Id, missing.Location.GetLineSpan().StartLinePosition.Line + 1));
        Assert.Contains("'#node'", Message(missing), System.StringComparison.Ordinal);
        CompilesCleanly(run);

        using Loaded sdk = Loaded.From(run);
        Assert.Empty(Loaded.Errors(sdk.FromJson("Holder", "{\"value\":\"a\"}")));
        Assert.Single(Loaded.Errors(sdk.FromJson("Holder", "{\"value\":\"ab\"}")));
    }

    [Fact]
    public void A_dynamic_ref_takes_the_outermost_dynamic_anchor_of_the_one_scope_every_path_reaches_it_through()
    {
        // Only Strings reaches List (through its $ref), so the dynamic scope at '#item' is always [Strings, List]:
        // the outermost resource with $dynamicAnchor item is Strings, whose anchor is a string (core 8.2.3.2).
        GeneratorRun run = Run(Spec(
            "    Strings:\n" +
            "      $id: 'https://example.com/strings'\n" +
            "      $ref: list\n" +
            "      $defs:\n" +
            "        item: {$dynamicAnchor: item, type: string}\n" +
            "        list:\n" +
            "          $id: list\n" +
            "          type: array\n" +
            "          items: {$dynamicRef: '#item'}\n" +
            "          $defs:\n" +
            "            any: {$dynamicAnchor: item}\n" +
            "    Holder:\n" +
            "      type: object\n" +
            "      properties:\n" +
            "        names: {$ref: 'https://example.com/strings'}\n"));
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        CompilesCleanly(run);

        using Loaded sdk = Loaded.From(run);
        Assert.Empty(Loaded.Errors(sdk.FromJson("Holder", "{\"names\":[\"a\",\"b\"]}")));
        Assert.Single(Loaded.Errors(sdk.FromJson("Holder", "{\"names\":[\"a\",1]}")), e => e.StartsWith("/names/1: ", System.StringComparison.Ordinal));
    }

    [Fact]
    public void A_document_pointer_under_an_id_that_names_nothing_there_is_read_as_the_documents_and_said()
    {
        GeneratorRun run = Run(Spec(
            "    Holder:\n" +
            "      $id: 'https://example.com/holder'\n" +
            "      type: object\n" +
            "      properties:\n" +
            "        code: {$ref: '#/components/schemas/Short'}\n" +
            "    Short: {type: string, maxLength: 1}\n"));
        Diagnostic note = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(("OAS015", DiagnosticSeverity.Info, 12), (note.Id, note.Severity, note.Location.GetLineSpan().StartLinePosition.Line + 1));
        Assert.Contains("under the $id 'https://example.com/holder'", Message(note), System.StringComparison.Ordinal);
        CompilesCleanly(run);

        using Loaded sdk = Loaded.From(run);
        Assert.Empty(Loaded.Errors(sdk.FromJson("Holder", "{\"code\":\"a\"}")));
        Assert.Single(Loaded.Errors(sdk.FromJson("Holder", "{\"code\":\"ab\"}")));
    }
}
