using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using OpenApiSdk.Tests.Harness;
using Xunit;
using static OpenApiSdk.DiagnosticsTests.DiagnosticAssert;

namespace OpenApiSdk.DiagnosticsTests;

/// <summary>
/// One test per diagnostic: its ID, severity, file, and the line and column of the YAML node to fix.
/// Positions are written 1-based, as an editor and `dotnet build` show them (the comments mark them).
/// </summary>
public sealed class DiagnosticTests
{
    [Fact]
    public void OAS001_yaml_syntax_error_points_at_the_bad_token()
    {
        const string yaml =
            "openapi: 3.1.0\n" +
            "info:\n" +
            "  title: a: b\n" + // line 3: a second ': ' inside a plain scalar; the error is at col 11, that ':'
            "  version: '1'\n";
        GeneratorRun run = Run(yaml);
        Diagnostic d = Single(run, "OAS001", DiagnosticSeverity.Error, 3, 11);
        Assert.Equal("The spec is not valid YAML: While scanning a plain scalar value, found invalid mapping.", Message(d));
        Assert.DoesNotContain(run.Sources, s => s.HintName.StartsWith("api.", System.StringComparison.Ordinal));
    }

    [Fact]
    public void OAS001_unclosed_flow_sequence_is_reported_not_thrown()
    {
        const string yaml =
            "openapi: 3.1.0\n" +
            "info: [title, version\n"; // line 2: never closed; the parser sees the end of the file at line 3
        GeneratorRun run = Run(yaml);
        Diagnostic d = run.GeneratorDiagnostics.Single(x => x.Id == "OAS001");
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal(Path, d.Location.GetLineSpan().Path);
        Assert.True(d.Location.GetLineSpan().StartLinePosition.Line >= 1, d.ToString());
    }

    [Fact]
    public void OAS002_swagger_1_is_named_as_such()
    {
        // Swagger 2.0 is read (Swagger2Tests); the 1.x versions before it are not.
        const string yaml =
            "swagger: '1.2'\n" + // line 1, value at col 10
            "info:\n" +
            "  title: T\n" +
            "  version: '1'\n" +
            "paths: {}\n";
        Diagnostic d = Single(Run(yaml), "OAS002", DiagnosticSeverity.Error, 1, 10);
        Assert.Contains("Swagger 1.2 document", Message(d), System.StringComparison.Ordinal);
    }

    [Fact]
    public void OAS002_unsupported_openapi_version_points_at_the_version()
    {
        const string yaml =
            "info:\n" +
            "  title: T\n" +
            "  version: '1'\n" +
            "openapi: 4.0.0\n" + // line 4, value at col 10
            "paths: {}\n";
        Diagnostic d = Single(Run(yaml), "OAS002", DiagnosticSeverity.Error, 4, 10);
        Assert.Contains("'4.0.0'", Message(d), System.StringComparison.Ordinal);
    }

    [Fact]
    public void OAS003_unresolved_ref_points_at_the_ref_value()
    {
        string yaml = Spec(
            "    Pet:\n" +                                   // 8
            "      type: object\n" +                         // 9
            "      properties:\n" +                          // 10
            "        owner:\n" +                             // 11
            "          $ref: '#/components/schemas/Owner'\n"); // 12, value at col 17
        GeneratorRun run = Run(yaml);
        Diagnostic d = Single(run, "OAS003", DiagnosticSeverity.Warning, 12, 17);
        Assert.Contains("#/components/schemas/Owner", Message(d), System.StringComparison.Ordinal);

        // One bad reference costs that property's type, not the SDK: Pet is still generated and compiles.
        Assert.Contains("class Pet", run.Source("api.Pet.g.cs"), System.StringComparison.Ordinal);
        CompilesCleanly(run);
    }

    [Fact]
    public void OAS004_external_ref_is_named_as_external()
    {
        string yaml = Spec(
            "    Pet:\n" +                          // 8
            "      type: object\n" +                // 9
            "      properties:\n" +                 // 10
            "        owner:\n" +                    // 11
            "          $ref: 'common.yaml#/Owner'\n"); // 12, value at col 17
        GeneratorRun run = Run(yaml);
        Diagnostic d = Single(run, "OAS004", DiagnosticSeverity.Warning, 12, 17);
        Assert.Contains("another file", Message(d), System.StringComparison.Ordinal);

        // The SDK does less than the spec says: the value is kept as any JSON and not checked.
        Assert.Matches(@"JsonElement\? Owner\b", run.Source("api.Pet.g.cs"));
        CompilesCleanly(run);
    }

    [Fact]
    public void OAS005_duplicate_operation_id_points_at_the_second_one_which_is_numbered()
    {
        const string yaml =
            "openapi: 3.1.0\n" +
            "info:\n" +
            "  title: T\n" +
            "  version: '1'\n" +
            "paths:\n" +
            "  /pets:\n" +
            "    get:\n" +
            "      operationId: listPets\n" +           // 8
            "      responses:\n" +
            "        '200': {description: ok}\n" +
            "  /animals:\n" +
            "    get:\n" +
            "      operationId: listPets\n" +           // 13, value at col 20
            "      responses:\n" +
            "        '200': {description: ok}\n";
        GeneratorRun run = Run(yaml, clientName: "PetsClient");
        Diagnostic d = Single(run, "OAS005", DiagnosticSeverity.Info, 13, 20);
        Assert.Equal("The operationId 'listPets' is already used by GET /pets; operationIds must be unique, so this operation is generated as 'listPets2'", Message(d));
        CompilesCleanly(run);

        // Nothing is left out: both operations are callable, the later one under the numbered name.
        var client = run.OutputCompilation.GetTypeByMetadataName("Test.Sdk.IPetsClient");
        Assert.NotNull(client);
        string[] methods = client!.GetMembers().OfType<IMethodSymbol>().Select(m => m.Name).OrderBy(n => n, System.StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { "ListPets2Async", "ListPets2WithResponseAsync", "ListPetsAsync", "ListPetsWithResponseAsync" }, methods);
    }

    [Fact]
    public void OAS006_invalid_pattern_points_at_the_pattern()
    {
        string yaml = Spec(
            "    Pet:\n" +                 // 8
            "      type: object\n" +       // 9
            "      properties:\n" +        // 10
            "        name:\n" +            // 11
            "          type: string\n" +   // 12
            "          pattern: '[a-'\n"); // 13, value at col 20
        GeneratorRun run = Run(yaml);
        Diagnostic d = Single(run, "OAS006", DiagnosticSeverity.Warning, 13, 20);
        Assert.Contains("'[a-'", Message(d), System.StringComparison.Ordinal);
        Assert.EndsWith("; values are not checked against it", Message(d), System.StringComparison.Ordinal);
        CompilesCleanly(run);

        // The SDK does less than the spec says: the rule is not checked.
        using Loaded sdk = Loaded.From(run);
        Assert.Empty(Loaded.Errors(sdk.FromJson("Pet", "{\"name\":\"anything\"}")));
    }

    [Fact]
    public void OAS007_min_length_above_max_length()
    {
        string yaml = Spec(
            "    Code:\n" +                 // 8
            "      type: object\n" +        // 9
            "      properties:\n" +         // 10
            "        value:\n" +            // 11
            "          type: string\n" +    // 12
            "          maxLength: 2\n" +    // 13
            "          minLength: 5\n");    // 14, value at col 22
        GeneratorRun run = Run(yaml);
        Diagnostic d = Single(run, "OAS007", DiagnosticSeverity.Warning, 14, 22);
        Assert.Equal("minLength 5 is greater than maxLength 2", Message(d));

        // A warning: the SDK does less than the spec (which no string satisfies): the pair is not checked.
        using Loaded sdk = Loaded.From(run);
        Assert.Empty(Loaded.Errors(sdk.FromJson("Code", "{\"value\":\"abc\"}")));
    }

    [Fact]
    public void OAS007_minimum_above_maximum()
    {
        string yaml = Spec(
            "    Range:\n" +                // 8
            "      type: object\n" +        // 9
            "      properties:\n" +         // 10
            "        size:\n" +             // 11
            "          type: integer\n" +   // 12
            "          minimum: 10\n" +     // 13, value at col 20
            "          maximum: 1\n");      // 14
        Diagnostic d = Single(Run(yaml), "OAS007", DiagnosticSeverity.Warning, 13, 20);
        Assert.Equal("minimum 10 is greater than maximum 1", Message(d));
    }

    [Fact]
    public void OAS007_const_of_the_wrong_type()
    {
        string yaml = Spec(
            "    Fixed:\n" +               // 8
            "      type: object\n" +       // 9
            "      properties:\n" +        // 10
            "        value:\n" +           // 11
            "          type: integer\n" +  // 12
            "          const: one\n");     // 13, value at col 18
        Diagnostic d = Single(Run(yaml), "OAS007", DiagnosticSeverity.Warning, 13, 18);
        Assert.Equal("The const value 'one' is not an integer, so no value can satisfy the schema", Message(d));
    }

    [Fact]
    public void OAS007_enum_without_a_single_value_of_the_schemas_type()
    {
        string yaml = Spec(
            "    Flag:\n" +                // 8
            "      type: object\n" +       // 9
            "      properties:\n" +        // 10
            "        value:\n" +           // 11
            "          type: boolean\n" +  // 12
            "          enum: [yes, no]\n"); // 13, the list at col 17
        GeneratorRun run = Run(yaml);
        Diagnostic d = Single(run, "OAS007", DiagnosticSeverity.Warning, 13, 17);
        Assert.Equal("No enum value is a boolean, so no value can satisfy the schema", Message(d));
        Assert.Equal(2, run.GeneratorDiagnostics.Count(x => x.Id == "OAS008"));
    }

    [Fact]
    public void OAS008_enum_value_of_the_wrong_type()
    {
        string yaml = Spec(
            "    Level:\n" +                // 8
            "      type: object\n" +        // 9
            "      properties:\n" +         // 10
            "        value:\n" +            // 11
            "          type: integer\n" +   // 12
            "          enum: [1, 2, two]\n"); // 13, 'two' at col 24
        GeneratorRun run = Run(yaml);
        Diagnostic d = Single(run, "OAS008", DiagnosticSeverity.Info, 13, 24);
        Assert.Equal("The enum value 'two' is not an integer; no valid value can equal it, so it is left out", Message(d));

        // Leaving it out changes nothing the schema allows: 1 and 2 are accepted, 3 is not.
        CompilesCleanly(run);
        using Loaded sdk = Loaded.From(run);
        Assert.Empty(Loaded.Errors(sdk.FromJson("Level", "{\"value\":2}")));
        Assert.Equal(new[] { "/value: must be one of: 1, 2" }, Loaded.Errors(sdk.FromJson("Level", "{\"value\":3}")));
    }

    [Theory]
    [InlineData("type: integer\n          maximum: 10\n          default: 20", "The default '20' is above the maximum 10")]
    [InlineData("type: integer\n          minimum: 5\n          default: 1", "The default '1' is below the minimum 5")]
    [InlineData("type: integer\n          multipleOf: 5\n          default: 12", "The default '12' is not a multiple of 5")]
    [InlineData("type: integer\n          maxLength: 1\n          default: abc", "The default 'abc' is not an integer")]
    [InlineData("type: string\n          enum: [a, b]\n          default: c", "The default 'c' is not one of the enum values")]
    [InlineData("type: string\n          maxLength: 2\n          default: abc", "The default 'abc' is longer than maxLength 2")]
    [InlineData("type: string\n          minLength: 4\n          default: abc", "The default 'abc' is shorter than minLength 4")]
    [InlineData("type: string\n          pattern: '^[0-9]+$'\n          default: abc", "The default 'abc' does not match the pattern '^[0-9]+$'")]
    [InlineData("type: boolean\n          x-note: one\n          default: 'yes'", "The default 'yes' is not a boolean")]
    [InlineData("type: string\n          x-note: one\n          default: null", "The default is null, but the schema does not allow null")]
    [InlineData("type: array\n          maxItems: 1\n          default: [a, b]", "The default has 2 items, more than maxItems 1")]
    public void OAS008_default_that_breaks_its_schema_points_at_the_default(string schema, string message)
    {
        string yaml = Spec(
            "    Settings:\n" +          // 8
            "      type: object\n" +     // 9
            "      properties:\n" +      // 10
            "        value:\n" +         // 11
            "          " + schema + "\n"); // 12-14: the default is on line 14, value at col 20
        GeneratorRun run = Run(yaml);
        Diagnostic d = Single(run, "OAS008", DiagnosticSeverity.Info, 14, 20);
        Assert.Equal(message + "; the default is left out of the documentation", Message(d));
        Assert.DoesNotContain("Default:", run.Source("api.Settings.g.cs"), System.StringComparison.Ordinal);
        CompilesCleanly(run);
    }

    [Theory]
    [InlineData("type: integer\n          maximum: 10\n          default: 10", "Default: 10.")]
    [InlineData("type: string\n          enum: [a, b]\n          default: b", "Default: \"b\".")]
    [InlineData("type: string\n          pattern: '^[0-9]+$'\n          default: '42'", "Default: \"42\".")]
    [InlineData("type: number\n          multipleOf: 0.5\n          default: 1.5", "Default: 1.5.")]
    public void A_default_that_keeps_the_rules_is_documented_without_a_diagnostic(string schema, string documented)
    {
        string yaml = Spec(
            "    Settings:\n" +
            "      type: object\n" +
            "      properties:\n" +
            "        value:\n" +
            "          " + schema + "\n");
        GeneratorRun run = Run(yaml);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains(documented, run.Source("api.Settings.g.cs"), System.StringComparison.Ordinal);
    }

    [Fact]
    public void OAS008_default_of_a_component_enum_outside_its_values()
    {
        string yaml = Spec(
            "    Color:\n" +            // 8
            "      type: string\n" +    // 9
            "      enum: [red, blue]\n" + // 10
            "      default: green\n");  // 11, value at col 16
        Diagnostic d = Single(Run(yaml), "OAS008", DiagnosticSeverity.Info, 11, 16);
        Assert.StartsWith("The default 'green' is not one of the enum values", Message(d), System.StringComparison.Ordinal);
    }

    [Fact]
    public void OAS009_required_property_that_is_not_defined()
    {
        string yaml = Spec(
            "    Pet:\n" +                   // 8
            "      type: object\n" +         // 9
            "      required: [name, tag]\n" + // 10, 'tag' at col 24
            "      properties:\n" +          // 11
            "        name:\n" +              // 12
            "          type: string\n");     // 13
        GeneratorRun run = Run(yaml);
        Diagnostic d = Single(run, "OAS009", DiagnosticSeverity.Info, 10, 24);
        Assert.Equal("The property 'tag' is listed in 'required' but not defined in 'properties' of #/components/schemas/Pet; it is required all the same, and its value is kept in AdditionalProperties", Message(d));
        CompilesCleanly(run);

        // JSON Schema: 'required' alone makes the member mandatory; any value will do.
        using Loaded sdk = Loaded.From(run);
        Assert.Equal(new[] { "/tag: is required" }, Loaded.Errors(sdk.FromJson("Pet", "{\"name\":\"Rex\"}")));
        Assert.Empty(Loaded.Errors(sdk.FromJson("Pet", "{\"name\":\"Rex\",\"tag\":null}")));
        Assert.Empty(Loaded.Errors(sdk.FromJson("Pet", "{\"name\":\"Rex\",\"tag\":{\"any\":[1]}}")));
        Assert.Equal(new[] { "/name: is required", "/tag: is required" }, Loaded.Errors(sdk.FromJson("Pet", "{}")));
    }

    [Fact]
    public void OAS009_required_names_with_additional_properties_false_make_every_object_invalid_as_JSON_Schema_says()
    {
        // 'tag' is required, and additionalProperties: false forbids every member 'properties' does not declare.
        string yaml = Spec(
            "    Pet:\n" +
            "      type: object\n" +
            "      additionalProperties: false\n" +
            "      required: [tag, 'a/b~c']\n" +
            "      properties:\n" +
            "        name: {type: string}\n");
        GeneratorRun run = Run(yaml);
        Assert.Equal(new[] { "OAS009", "OAS009" }, run.GeneratorDiagnostics.Select(x => x.Id));
        CompilesCleanly(run);
        using Loaded sdk = Loaded.From(run);
        Assert.Equal(new[] { "/tag: is required", "/a~1b~0c: is required" }, Loaded.Errors(sdk.FromJson("Pet", "{\"name\":\"Rex\"}")));
        Assert.Equal(
            new[] { "/a~1b~0c: is required", "/tag: is not allowed: the schema declares no such property (additionalProperties: false)" },
            Loaded.Errors(sdk.FromJson("Pet", "{\"tag\":1}")));
    }

    [Fact]
    public void OAS009_required_names_of_an_allOf_part_are_checked_on_the_combined_type()
    {
        string yaml = Spec(
            "    Base:\n" +
            "      type: object\n" +
            "      properties:\n" +
            "        id: {type: string}\n" +
            "    Pet:\n" +
            "      allOf:\n" +
            "        - $ref: '#/components/schemas/Base'\n" +
            "        - required: [id, owner]\n");
        GeneratorRun run = Run(yaml);
        Diagnostic d = run.GeneratorDiagnostics.Single();
        Assert.Equal(("OAS009", DiagnosticSeverity.Info), (d.Id, d.Severity));
        Assert.Contains("'owner'", Message(d), System.StringComparison.Ordinal);
        CompilesCleanly(run);
        using Loaded sdk = Loaded.From(run);
        Assert.Equal(new[] { "/id: is required", "/owner: is required" }, Loaded.Errors(sdk.FromJson("Pet", "{}")));
        Assert.Empty(Loaded.Errors(sdk.FromJson("Pet", "{\"id\":\"1\",\"owner\":\"me\"}")));
    }

    [Theory]
    [InlineData("oneOf: [{minProperties: 1}, {maxProperties: 0}]")]
    [InlineData("anyOf: [{required: [a]}, {minProperties: 2}]")]
    [InlineData("not: {type: string}")]
    [InlineData("patternProperties: {'^x-': {type: string}}")]
    [InlineData("propertyNames: {maxLength: 3}")]
    [InlineData("dependentRequired: {a: [b]}")]
    [InlineData("prefixItems: [{type: string}]")]
    [InlineData("contains: {type: string}")]
    [InlineData("uniqueItems: true")]
    [InlineData("unevaluatedProperties: false")]
    [InlineData("const: {a: [1, 2]}")]
    public void A_value_kept_as_JSON_is_checked_against_applicator_keywords_with_no_warning(string keywordLine)
    {
        string yaml = Spec(
            "    Holder:\n" +             // 8
            "      type: object\n" +      // 9
            "      properties:\n" +       // 10
            "        value:\n" +          // 11
            "          " + keywordLine + "\n"); // 12: no type, so a JsonElement checked by the JSON-value validator
        GeneratorRun run = Run(yaml);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "OAS010");
        CompilesCleanly(run);
    }

    [Fact]
    public void A_dynamicRef_in_a_value_kept_as_JSON_goes_to_the_anchor_its_scope_binds()
    {
        string yaml = Spec(
            "    Holder:\n" +
            "      type: object\n" +
            "      properties:\n" +
            "        any: {$ref: 'https://example.com/list'}\n" +
            "        strings: {$ref: 'https://example.com/strings'}\n" +
            "    List:\n" +
            "      $id: 'https://example.com/list'\n" +
            "      contains: {$dynamicRef: '#item'}\n" +
            "      $defs:\n" +
            "        any: {$dynamicAnchor: item}\n" +
            "    Strings:\n" +
            "      $id: 'https://example.com/strings'\n" +
            "      $ref: list\n" +
            "      $defs:\n" +
            "        item: {$dynamicAnchor: item, type: string}\n");
        // Through List alone '#item' is List's own anchor (any value); through Strings it is Strings' (a string), since
        // Strings is the outermost resource with that dynamic anchor (core 8.2.3.2).
        GeneratorRun run = Run(yaml);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "OAS010");
        CompilesCleanly(run);

        using Loaded sdk = Loaded.From(run);
        Assert.Empty(Loaded.Errors(sdk.FromJson("Holder", "{\"any\":[1,2],\"strings\":[1,\"a\"]}")));
        Assert.Equal(
            new[] { "/strings: must contain at least 1 item matching the schema in 'contains', but contains 0" },
            Loaded.Errors(sdk.FromJson("Holder", "{\"any\":[1,2],\"strings\":[1,2]}")));
    }

    [Fact]
    public void A_dynamicRef_under_a_union_alternative_is_followed_on_the_unions_JSON()
    {
        string yaml = Spec(
            "    Choice:\n" +                                                         // 8
            "      oneOf: [{type: integer}, {$ref: 'https://example.com/list'}]\n" + // 9
            "    List:\n" +                                                           // 10
            "      $id: 'https://example.com/list'\n" +                               // 11
            "      $dynamicAnchor: item\n" +                                          // 12
            "      type: array\n" +                                                   // 13
            "      items: {$dynamicRef: '#item'}\n" +                                 // 14
            "    Strings:\n" +
            "      $id: 'https://example.com/strings'\n" +
            "      $ref: list\n" +
            "      $defs:\n" +
            "        item: {$dynamicAnchor: item, type: string}\n");

        // Reached from Choice, the outermost resource with the anchor is List: an item is a list again (through Strings it
        // would be a string). The union's alternatives are typed, so the union is checked as its JSON from its own scope.
        GeneratorRun run = Run(yaml);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "OAS010");
        CompilesCleanly(run);
        using Loaded sdk = Loaded.From(run);
        Assert.Empty(Loaded.Errors(sdk.FromJson("Choice", "5")));
        Assert.Empty(Loaded.Errors(sdk.FromJson("Choice", "[[], [[]]]")));
        string error = Assert.Single(Loaded.Errors(sdk.FromJson("Choice", "[[], \"x\"]")));
        Assert.StartsWith("/: must match exactly one of the alternatives", error, System.StringComparison.Ordinal);
    }

    [Fact]
    public void An_additional_properties_schema_beside_properties_is_checked_on_the_models_JSON()
    {
        string yaml = Spec(
            "    Pet:\n" +                                   // 8
            "      type: object\n" +                         // 9
            "      additionalProperties: {type: integer}\n" + // 10, keyword at col 7
            "      discriminator:\n" +                       // 11: an allOf base, honoured
            "        propertyName: kind\n" +                 // 12
            "      properties:\n" +                          // 13
            "        kind:\n" +                              // 14
            "          type: string\n");                     // 15
        GeneratorRun run = Run(yaml);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "OAS010");
        CompilesCleanly(run);
        using Loaded sdk = Loaded.From(run);
        Assert.Empty(Loaded.Errors(sdk.FromJson("Pet", "{\"kind\":\"Pet\",\"x\":1}")));
        Assert.Equal(new[] { "/x: must be an integer" }, Loaded.Errors(sdk.FromJson("Pet", "{\"kind\":\"Pet\",\"x\":\"s\"}")));
    }

    [Fact]
    public void No_diagnostic_for_a_discriminator_on_an_allOf_base_with_subtypes()
    {
        string yaml = Spec(
            "    Pet:\n" +
            "      type: object\n" +
            "      required: [kind]\n" +
            "      properties:\n" +
            "        kind: {type: string}\n" +
            "      discriminator:\n" +
            "        propertyName: kind\n" +
            "        mapping: {cat: Cat}\n" +
            "    Cat:\n" +
            "      allOf:\n" +
            "        - $ref: '#/components/schemas/Pet'\n" +
            "        - properties: {lives: {type: integer}}\n" +
            "    Lion:\n" +
            "      allOf: [{$ref: '#/components/schemas/Cat'}]\n");
        GeneratorRun run = Run(yaml);
        Assert.Empty(run.GeneratorDiagnostics.Select(d => d.ToString()));
        Assert.Contains(run.Sources, s => s.SourceText.ToString().Contains("public sealed partial class Lion : Cat, __IMembers", System.StringComparison.Ordinal));
        CompilesCleanly(run);
    }

    [Fact]
    public void OAS010_a_subtype_that_redefines_an_inherited_property_with_another_type_and_awkward_hierarchies_compile()
    {
        string yaml = Spec(
            "    Animal:\n" +                                                    // 8
            "      type: object\n" +                                             // 9
            "      properties:\n" +                                              // 10
            "        kind: {type: [string, 'null']}\n" +                         // 11: optional and nullable
            "        fish: {type: integer}\n" +                                  // 12: a member named like a subtype
            "        size: {type: integer}\n" +                                  // 13
            "      discriminator: {propertyName: kind}\n" +                      // 14
            "    Fish:\n" +                                                      // 15
            "      allOf:\n" +                                                   // 16, keyword at col 7
            "        - $ref: '#/components/schemas/Animal'\n" +                  // 17
            "        - properties: {size: {type: string}, animal: {type: boolean}}\n" + // 18
            "    Trout:\n" +
            "      allOf:\n" +
            "        - $ref: '#/components/schemas/Fish'\n" +
            "        - required: [size]\n" +
            "          properties: {size: {type: integer, minimum: 1}, trout: {type: string}}\n" +
            "    Either:\n" +
            "      oneOf:\n" +
            "        - $ref: '#/components/schemas/Animal'\n" +
            "        - $ref: '#/components/schemas/Plant'\n" +
            "    Plant:\n" +
            "      type: object\n" +
            "      required: [leaves]\n" +
            "      properties: {leaves: {type: integer}}\n" +
            "    Holder:\n" +
            "      type: object\n" +
            "      properties:\n" +
            "        trout: {$ref: '#/components/schemas/Trout'}\n" +
            "        either: {$ref: '#/components/schemas/Either'}\n" +
            "        fishes: {type: array, items: {$ref: '#/components/schemas/Fish'}}\n");
        GeneratorRun run = Run(yaml);
        Diagnostic d = Single(run, "OAS010", DiagnosticSeverity.Warning, 16, 7);
        Assert.Equal("A subtype that redefines an inherited property with another type or nullability (in #/components/schemas/Fish.size) is not supported yet and is left out: the base Animal's declaration and rules are used for it", Message(d));
        Assert.Contains(run.Sources, s => s.SourceText.ToString().Contains("public sealed partial class Trout : Fish, __IMembers", System.StringComparison.Ordinal));
        Assert.Contains(run.Sources, s => s.SourceText.ToString().Contains("v.RequiredValue(\"size\", Size is not null)", System.StringComparison.Ordinal)); // Trout requires Animal's optional size
        Assert.Contains(run.Sources, s => s.SourceText.ToString().Contains("public partial class Fish : Animal, __IMembers", System.StringComparison.Ordinal));
        CompilesCleanly(run);
    }

    [Fact]
    public void OAS010_a_discriminator_on_a_property_the_base_does_not_declare_as_a_string()
    {
        string yaml = Spec(
            "    Pet:\n" +                                   // 8
            "      type: object\n" +                         // 9
            "      properties:\n" +                          // 10
            "        kind: {type: integer}\n" +              // 11
            "      discriminator:\n" +                       // 12
            "        propertyName: kind\n" +                 // 13, value at col 23
            "    Cat:\n" +                                   // 14
            "      allOf: [{$ref: '#/components/schemas/Pet'}]\n");
        GeneratorRun run = Run(yaml);
        Diagnostic d = Single(run, "OAS010", DiagnosticSeverity.Warning, 13, 23);
        Assert.Equal("'discriminator' on a property the schema does not declare as a string (in #/components/schemas/Pet.kind) is not supported yet and is left out: the subtype is not chosen by it", Message(d));
        Assert.DoesNotContain(run.Sources, s => s.SourceText.ToString().Contains(": Pet,", System.StringComparison.Ordinal)); // flattened, as before
        CompilesCleanly(run);
    }

    [Fact]
    public void OAS010_a_subtype_of_two_discriminated_bases_derives_from_the_first()
    {
        string yaml = Spec(
            "    Pet:\n" +                                                    // 8
            "      type: object\n" +                                          // 9
            "      properties: {kind: {type: string}}\n" +                    // 10
            "      discriminator: {propertyName: kind}\n" +                   // 11
            "    Owned:\n" +                                                  // 12
            "      type: object\n" +                                          // 13
            "      properties: {ownerType: {type: string}}\n" +               // 14
            "      discriminator: {propertyName: ownerType}\n" +              // 15
            "    Cat:\n" +                                                    // 16
            "      allOf:\n" +                                                // 17
            "        - $ref: '#/components/schemas/Pet'\n" +                  // 18
            "        - $ref: '#/components/schemas/Owned'\n");                // 19, the part at col 11
        GeneratorRun run = Run(yaml);
        Diagnostic d = Single(run, "OAS010", DiagnosticSeverity.Warning, 19, 11);
        Assert.StartsWith("'allOf' that refers to a second discriminated base, #/components/schemas/Owned (in #/components/schemas/Cat) is not supported yet and is left out: Cat derives from Pet only", Message(d), System.StringComparison.Ordinal);
        Assert.Contains(run.Sources, s => s.SourceText.ToString().Contains("public sealed partial class Cat : Pet, __IMembers", System.StringComparison.Ordinal));
        CompilesCleanly(run);
    }

    [Fact]
    public void OAS010_a_mapping_to_a_schema_that_does_not_derive_from_the_base()
    {
        string yaml = Spec(
            "    Pet:\n" +                                   // 8
            "      type: object\n" +                         // 9
            "      properties: {kind: {type: string}}\n" +   // 10
            "      discriminator:\n" +                       // 11
            "        propertyName: kind\n" +                 // 12
            "        mapping:\n" +                           // 13
            "          robot: Robot\n" +                     // 14, value at col 18
            "    Robot:\n" +
            "      type: object\n" +
            "      properties: {kind: {type: string}}\n");
        GeneratorRun run = Run(yaml);
        Diagnostic d = Single(run, "OAS010", DiagnosticSeverity.Warning, 14, 18);
        Assert.EndsWith("the value 'robot' is read as Pet, and Validate() reports it", Message(d), System.StringComparison.Ordinal);
        CompilesCleanly(run);
    }

    [Fact]
    public void An_allOf_that_combines_a_string_with_other_schemas_is_checked_on_the_models_JSON()
    {
        string yaml = Spec(
            "    Code:\n" +                                      // 8
            "      type: string\n" +                             // 9
            "      pattern: '^[A-Z]+$'\n" +                       // 10
            "    Holder:\n" +                                    // 11
            "      type: object\n" +                             // 12
            "      properties:\n" +                              // 13
            "        code:\n" +                                  // 14
            "          allOf:\n" +                               // 15, keyword at col 11
            "            - $ref: '#/components/schemas/Code'\n" + // 16
            "            - maxLength: 5\n");                     // 17
        GeneratorRun run = Run(yaml);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "OAS010"); // the typed property keeps the first part's rules; Holder's JSON is checked against all parts
        CompilesCleanly(run);
        Assert.Contains("public string? Code {", run.Source("api.Holder.g.cs"), System.StringComparison.Ordinal);
        using Loaded sdk = Loaded.From(run);
        Assert.Empty(Loaded.Errors(sdk.FromJson("Holder", "{\"code\":\"ABC\"}")));
        Assert.Equal(new[] { "/code: must match the pattern ^[A-Z]+$" }, Loaded.Errors(sdk.FromJson("Holder", "{\"code\":\"abc\"}")));
        Assert.Equal(new[] { "/code: must be at most 5 characters long" }, Loaded.Errors(sdk.FromJson("Holder", "{\"code\":\"ABCDEF\"}")));
    }

    [Fact]
    public void AllOf_of_a_reference_and_a_description_is_that_reference()
    {
        string yaml = Spec(
            "    Id:\n" +
            "      type: string\n" +
            "      format: uuid\n" +
            "    Named:\n" +
            "      allOf:\n" +
            "        - type: string\n" +
            "        - description: A name.\n" +
            "    Holder:\n" +
            "      type: object\n" +
            "      properties:\n" +
            "        owner:\n" +
            "          allOf:\n" +
            "            - $ref: '#/components/schemas/Id'\n" +
            "            - description: The owner's id.\n" +
            "              nullable: true\n" +
            "        name: {$ref: '#/components/schemas/Named'}\n");
        GeneratorRun run = Run(yaml, "Test.Sdk");
        Assert.Empty(run.GeneratorDiagnostics);
        CompilesCleanly(run);
        string holder = run.Source("api.Holder.g.cs");
        Assert.Contains("__Guid? Owner", holder, System.StringComparison.Ordinal);
        Assert.Contains("using __Guid = global::System.Guid;", holder, System.StringComparison.Ordinal);
        Assert.Contains("public string? Name {", holder, System.StringComparison.Ordinal);
        Assert.DoesNotContain(run.Sources, s => s.HintName.EndsWith("api.Named.g.cs", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Additional_properties_false_is_supported_and_not_reported()
    {
        string yaml = Spec(
            "    Pet:\n" +
            "      type: object\n" +
            "      additionalProperties: false\n" +
            "      properties:\n" +
            "        kind: {type: string}\n");
        GeneratorRun run = Run(yaml);
        Assert.Empty(run.GeneratorDiagnostics);
        CompilesCleanly(run);
    }

    [Fact]
    public void OAS010_is_reported_once_per_schema_however_often_it_is_used()
    {
        string yaml = Spec(
            "    Choice:\n" +                             // 8
            "      $recursiveRef: '#'\n" +                // 9, keyword at col 7 (draft 2019-09, never followed)
            "      type: string\n" +
            "    Holder:\n" +
            "      type: object\n" +
            "      properties:\n" +
            "        first:\n" +
            "          $ref: '#/components/schemas/Choice'\n" +
            "        second:\n" +
            "          $ref: '#/components/schemas/Choice'\n");
        GeneratorRun run = Run(yaml);
        Single(run, "OAS010", DiagnosticSeverity.Warning, 9, 7);
        CompilesCleanly(run);
    }

    [Fact]
    public void OAS010_many_occurrences_are_summarised_after_twenty()
    {
        var schemas = new System.Text.StringBuilder();
        for (int i = 0; i < 30; i++)
        {
            schemas.Append("    S").Append(i).Append(":\n      type: object\n      $recursiveRef: '#'\n      properties:\n        a: {type: string}\n");
        }

        GeneratorRun run = Run(Spec(schemas.ToString()));
        Diagnostic[] warnings = run.GeneratorDiagnostics.Where(d => d.Id == "OAS010").ToArray();
        Assert.Equal(21, warnings.Length);
        Diagnostic summary = warnings.Single(d => Message(d).Contains("10 more places", System.StringComparison.Ordinal));
        At(summary, DiagnosticSeverity.Warning, 8 + (20 * 5) + 2, 7); // S20's $recursiveRef
    }

    [Fact]
    public void OAS011_invalid_namespace_metadata()
    {
        Diagnostic d = Single(Run(Spec("    A: {type: string}\n"), @namespace: "My.1Api"), "OAS011", DiagnosticSeverity.Error, 1, 1);
        Assert.Equal("The Namespace 'My.1Api' is not a valid C# namespace", Message(d));
    }

    [Theory]
    [InlineData("class")]
    [InlineData("nameof")]
    [InlineData("My Client")]
    [InlineData("2Client")]
    public void OAS011_invalid_client_name_metadata(string clientName)
    {
        Diagnostic d = Single(Run(Spec("    A: {type: string}\n"), clientName: clientName), "OAS011", DiagnosticSeverity.Error, 1, 1);
        Assert.Equal($"The ClientName '{clientName}' is not a valid C# identifier", Message(d));
    }

    [Theory]
    [InlineData("global")]
    [InlineData("global.Api")]
    [InlineData("1Api")]
    [InlineData("My..Api")]
    [InlineData("My.Api.")]
    [InlineData("My.class")]
    [InlineData("My Api")]
    [InlineData("My-Api")]
    [InlineData("@Api")]
    [InlineData("My.Api<T>")]
    [InlineData("Api.nameof")]
    [InlineData("var.Models")]
    public void OAS011_namespaces_that_cannot_be_declared(string @namespace)
    {
        GeneratorRun run = Run(Spec("    A: {type: object, properties: {a: {type: string}}}\n"), @namespace: @namespace);
        Diagnostic d = Single(run, "OAS011", DiagnosticSeverity.Error, 1, 1);
        Assert.Equal($"The Namespace '{@namespace}' is not a valid C# namespace", Message(d));
        Assert.Empty(run.Sources);
    }

    [Theory]
    [InlineData("Über.Api")]
    [InlineData("System")]
    [InlineData("Api.System.Text")]
    [InlineData("_Internal.V2")]
    [InlineData("Var.Dynamic.Nameof")]
    public void Unusual_but_valid_namespaces_compile(string @namespace)
    {
        GeneratorRun run = Run(Spec("    A: {type: object, properties: {a: {type: string}, b: {type: integer}}}\n"), @namespace: @namespace);
        Assert.Empty(run.GeneratorDiagnostics);
        CompilesCleanly(run);
    }

    [Fact]
    public void OAS012_names_mapping_to_one_identifier_are_numbered_in_spec_order()
    {
        string yaml = Spec(
            "    Item:\n" +               // 8
            "      type: object\n" +      // 9
            "      properties:\n" +       // 10
            "        a-b:\n" +            // 11
            "          type: string\n" +  // 12
            "        A_B:\n" +            // 13, key at col 9
            "          type: integer\n"); // 14
        GeneratorRun run = Run(yaml);
        Diagnostic d = Single(run, "OAS012", DiagnosticSeverity.Info, 13, 9);
        Assert.Equal("The property '#/components/schemas/Item.A_B' maps to the C# name 'AB', which is taken; it is named 'AB2'", Message(d));
        string source = run.Source("api.Item.g.cs");
        Assert.Contains("public string? AB {", source, System.StringComparison.Ordinal);
        Assert.Contains("public long? AB2 {", source, System.StringComparison.Ordinal);

        // The same spec gives the same names on every build.
        Assert.Equal(source, Run(yaml).Source("api.Item.g.cs"));
        CompilesCleanly(run);
    }

    [Fact]
    public void OAS013_language_version_too_low_is_a_project_level_error()
    {
        // A compilation takes its language version from its syntax trees, so the consumer has one file.
        // The project's LangVersion is at fault, not a YAML node: the diagnostic has no source location.
        GeneratorRun run = GeneratorHarness.Run(new[] { new SpecFile(Path, Spec("    A: {type: string}\n")) }, languageVersion: LanguageVersion.CSharp8, extraSources: new[] { "class Consumer { }" });
        Diagnostic d = run.GeneratorDiagnostics.Single(x => x.Id == "OAS013");
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal(Location.None, d.Location);
        Assert.Contains("<LangVersion>9</LangVersion>", Message(d), System.StringComparison.Ordinal);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void OAS015_malformed_keyword_value_is_ignored()
    {
        string yaml = Spec(
            "    Pet:\n" +                 // 8
            "      type: object\n" +       // 9
            "      properties:\n" +        // 10
            "        name:\n" +            // 11
            "          type: string\n" +   // 12
            "          maxLength: -1\n");  // 13, value at col 22
        GeneratorRun run = Run(yaml);
        Diagnostic d = Single(run, "OAS015", DiagnosticSeverity.Info, 13, 22);
        Assert.Equal("'maxLength' must be a non-negative integer; it is ignored", Message(d));
        CompilesCleanly(run);
        using Loaded sdk = Loaded.From(run);
        Assert.Empty(Loaded.Errors(sdk.FromJson("Pet", "{\"name\":\"any length\"}")));
    }

    [Fact]
    public void OAS015_schema_that_is_only_a_ref_to_itself()
    {
        string yaml = Spec(
            "    A:\n" +                              // 8
            "      $ref: '#/components/schemas/A'\n"); // 9, value at col 13
        GeneratorRun run = Run(yaml);
        Diagnostic d = Single(run, "OAS015", DiagnosticSeverity.Info, 9, 13);
        Assert.Contains("loops", Message(d), System.StringComparison.Ordinal);
    }

    [Fact]
    public void OAS015_an_itemSchema_on_a_media_type_that_is_not_sequential_is_ignored_and_streams_compile()
    {
        const string yaml =
            "openapi: 3.2.0\n" +
            "info: {title: T, version: '1'}\n" +
            "paths:\n" +
            "  /logs:\n" +
            "    get:\n" +
            "      operationId: getLogs\n" +
            "      responses:\n" +
            "        '200':\n" +
            "          description: ok\n" +
            "          content:\n" +
            "            application/json:\n" +
            "              itemSchema: {type: string}\n" + // 12, value at col 27
            "            text/event-stream:\n" +
            "              itemSchema:\n" +
            "                type: object\n" +
            "                required: [data, event]\n" +
            "                properties: {data: {type: string}, event: {type: string}, id: {type: string}, retry: {type: integer, minimum: 0}}\n" +
            "                oneOf:\n" +
            "                  - properties: {event: {const: added}}\n" +
            "                  - properties: {event: {const: removed}}\n";
        GeneratorRun run = Run(yaml, clientName: "LogsClient");
        Diagnostic d = Single(run, "OAS015", DiagnosticSeverity.Info, 12, 27);
        Assert.Equal("'itemSchema' describes the items of a sequential media type (text/event-stream, application/jsonl, application/x-ndjson, application/json-seq); 'application/json' is not one, so it is ignored", Message(d));
        CompilesCleanly(run);
        string client = run.Source("api.LogsClient.Operations.g.cs");
        Assert.Contains("GetLogsEvent> GetLogsStreamingAsync(", client, System.StringComparison.Ordinal);
        Assert.Contains("StreamItems.Events<", client, System.StringComparison.Ordinal);
        Assert.Contains("\"text/event-stream\");", client, System.StringComparison.Ordinal);
    }

    [Fact]
    public void OAS015_a_contentSchema_beside_a_media_type_that_is_not_JSON_leaves_the_string_a_string()
    {
        const string yaml =
            "openapi: 3.2.0\n" +
            "info: {title: T, version: '1'}\n" +
            "paths: {}\n" +
            "components:\n" +
            "  schemas:\n" +
            "    Report:\n" +
            "      type: object\n" +
            "      properties:\n" +
            "        table: {type: string, contentMediaType: text/csv, contentSchema: {type: array}}\n" + // 9, contentSchema's value at col 74
            "        summary: {type: string, contentMediaType: application/json, contentSchema: {type: integer}}\n";
        GeneratorRun run = Run(yaml);
        Diagnostic d = Single(run, "OAS015", DiagnosticSeverity.Info, 9, 74);
        Assert.Equal("The contentSchema of #/components/schemas/Report.table describes content in 'text/csv', which the SDK does not parse (only a JSON contentMediaType is); the value stays a string", Message(d));
        CompilesCleanly(run);
        string report = run.Source("api.Report.g.cs");
        Assert.DoesNotContain("TablePayload", report, System.StringComparison.Ordinal);
        Assert.Contains("public long? SummaryPayload =>", report, System.StringComparison.Ordinal);
    }

    [Fact]
    public void OAS015_security_requirement_on_an_undefined_scheme_is_ignored()
    {
        const string yaml =
            "openapi: 3.1.0\n" +
            "info: {title: T, version: '1'}\n" +
            "paths:\n" +
            "  /pets:\n" +
            "    get:\n" +
            "      operationId: listPets\n" +
            "      security: [{ghost: []}]\n" + // 7, 'ghost' at col 19
            "      responses: {'204': {description: ok}}\n";
        GeneratorRun run = Run(yaml, clientName: "PetsClient");
        Diagnostic d = Single(run, "OAS015", DiagnosticSeverity.Info, 7, 19);
        Assert.Equal("The security requirement of listPets names 'ghost', which is not in components.securitySchemes; it is left out", Message(d));
        CompilesCleanly(run);
        Assert.Contains("ListPetsAsync(", run.Source("api.PetsClient.Operations.g.cs"), System.StringComparison.Ordinal);
    }

    [Fact]
    public void OAS014_an_operation_whose_path_names_an_undeclared_parameter_is_left_out_with_a_warning()
    {
        const string yaml =
            "openapi: 3.1.0\n" +
            "info: {title: T, version: '1'}\n" +
            "paths:\n" +
            "  /pets/{id}:\n" +
            "    get:\n" +                          // 5
            "      operationId: getPet\n" +
            "      responses: {'204': {description: ok}}\n" +
            "  /pets:\n" +
            "    get:\n" +
            "      operationId: listPets\n" +
            "      responses: {'204': {description: ok}}\n";
        GeneratorRun run = Run(yaml, clientName: "PetsClient");
        Diagnostic d = Single(run, "OAS014", DiagnosticSeverity.Warning, 6, 7);
        Assert.Equal("The path '/pets/{id}' uses {id}, but getPet declares no path parameter 'id'; the operation is left out", Message(d));
        CompilesCleanly(run);
        string operations = run.Source("api.PetsClient.Operations.g.cs");
        Assert.Contains("ListPetsAsync(", operations, System.StringComparison.Ordinal);
        Assert.DoesNotContain("GetPetAsync(", operations, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_conditional_requirement_on_an_undefined_property_is_checked_on_the_models_JSON()
    {
        string yaml = Spec(
            "    Pet:\n" +                       // 8
            "      type: object\n" +
            "      properties:\n" +
            "        kind: {type: string}\n" +
            "      if: {properties: {kind: {const: dog}}}\n" +
            "      then: {required: [bark]}\n"); // 13, 'bark' at col 25
        GeneratorRun run = Run(yaml);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "OAS010");
        CompilesCleanly(run);
        using Loaded sdk = Loaded.From(run);
        Assert.Empty(Loaded.Errors(sdk.FromJson("Pet", "{\"kind\":\"cat\"}")));
        Assert.Equal(new[] { "/bark: is required" }, Loaded.Errors(sdk.FromJson("Pet", "{\"kind\":\"dog\"}")));
    }

    [Fact]
    public void Schemas_named_like_a_member_their_type_declares_are_renamed_and_compile()
    {
        // Found by the fuzz test: a union named Value declared a property Value (CS0542).
        string yaml = Spec(
            "    Value:\n" +
            "      oneOf: [{type: string}, {type: integer}]\n" +
            "    Validate:\n" +
            "      type: object\n" +
            "      properties:\n" +
            "        a: {type: string}\n" +
            "    IsKnown:\n" +
            "      type: string\n" +
            "      enum: [x, y]\n" +
            "    IsString:\n" +
            "      anyOf: [{type: string}, {type: boolean}]\n");
        GeneratorRun run = Run(yaml);

        Assert.Contains(run.Sources, s => s.HintName.EndsWith(".ValueSchema.g.cs", System.StringComparison.Ordinal));
        Assert.Contains(run.Sources, s => s.HintName.EndsWith(".ValidateSchema.g.cs", System.StringComparison.Ordinal));
        Assert.Contains(run.Sources, s => s.HintName.EndsWith(".IsKnownSchema.g.cs", System.StringComparison.Ordinal));
        Assert.Equal(3, run.GeneratorDiagnostics.Count(d => d.Id == "OAS012"));
        CompilesCleanly(run);
    }

    [Fact]
    public void A_choice_that_leads_back_to_itself_is_not_a_union_and_its_reference_back_is_cut()
    {
        string yaml = Spec(
            "    Node:\n" +                                                      // 8
            "      oneOf: [{$ref: '#/components/schemas/Node'}, {type: string}]\n" + // 9, keyword at col 7
            "    A:\n" +                                                         // 10
            "      anyOf: [{$ref: '#/components/schemas/B'}, {type: integer}]\n" +   // 11
            "    B:\n" +                                                         // 12
            "      anyOf: [{$ref: '#/components/schemas/A'}, {type: string}]\n" +    // 13
            "    Holder:\n" +
            "      type: object\n" +
            "      properties:\n" +
            "        node: {$ref: '#/components/schemas/Node'}\n" +
            "        a: {$ref: '#/components/schemas/A'}\n");
        GeneratorRun run = Run(yaml);

        // Reading such a union would recurse without consuming JSON: the value stays a JsonElement, checked by the JSON-value
        // validator, where the reference back would never end either: it is cut, and reported.
        Diagnostic[] cut = run.GeneratorDiagnostics.Where(d => d.Id == "OAS010").ToArray();
        Assert.Equal(new[] { 9, 11 }, cut.Select(d => d.Location.GetLineSpan().StartLinePosition.Line + 1).OrderBy(l => l)); // B is used only inside A
        Assert.All(cut, d => Assert.StartsWith("A schema that applies itself to the same value", Message(d), System.StringComparison.Ordinal));
        Assert.DoesNotContain(run.Sources, s => s.HintName.EndsWith(".Node.g.cs", System.StringComparison.Ordinal));
        CompilesCleanly(run);
        using Loaded sdk = Loaded.From(run);
        Assert.Empty(Loaded.Errors(sdk.FromJson("Holder", "{\"a\":1}"))); // validation ends
        Assert.Equal(new[] { "/node: must match exactly one of the alternatives (oneOf), but matches 2 of the 2" }, Loaded.Errors(sdk.FromJson("Holder", "{\"node\":\"x\"}")));
    }

    [Fact]
    public void A_broken_schema_costs_that_schema_not_the_sdk()
    {
        string yaml = Spec(
            "    Bad:\n" +
            "      type: object\n" +
            "      required: [ghost]\n" +
            "      properties:\n" +
            "        code: {type: string, pattern: '(', minLength: 9, maxLength: 1}\n" +
            "        owner: {$ref: '#/components/schemas/Nobody'}\n" +
            "        level: {type: integer, enum: [1, one], default: 7}\n" +
            "        size: {type: integer, minimum: 5, maximum: 1}\n" +
            "    Good:\n" +
            "      type: object\n" +
            "      required: [id]\n" +
            "      properties:\n" +
            "        id: {type: string, pattern: '^[a-z]+$'}\n" +
            "        bad: {$ref: '#/components/schemas/Bad'}\n");
        GeneratorRun run = Run(yaml);
        Assert.Equal(
            new[] { "OAS003", "OAS006", "OAS007", "OAS007", "OAS008", "OAS008", "OAS009" },
            run.GeneratorDiagnostics.Select(d => d.Id).OrderBy(id => id, System.StringComparer.Ordinal));
        CompilesCleanly(run);

        using Loaded sdk = Loaded.From(run);
        Assert.Empty(Loaded.Errors(sdk.FromJson("Good", "{\"id\":\"abc\",\"bad\":{\"code\":\"x\",\"level\":1,\"ghost\":0}}")));
        Assert.Equal(new[] { "/bad/ghost: is required" }, Loaded.Errors(sdk.FromJson("Good", "{\"id\":\"abc\",\"bad\":{}}")));
        Assert.Equal(new[] { "/id: must match the pattern ^[a-z]+$" }, Loaded.Errors(sdk.FromJson("Good", "{\"id\":\"ABC\"}")));
    }

    [Fact]
    public void Every_descriptor_has_help_text_and_a_release_entry()
    {
        string releases = System.IO.File.ReadAllText(System.IO.Path.Combine(GeneratorHarness.RepositoryRoot, "generator", "AnalyzerReleases.Unshipped.md"));
        string docs = System.IO.File.ReadAllText(System.IO.Path.Combine(GeneratorHarness.RepositoryRoot, "generator", "DIAGNOSTICS.md"));
        var descriptors = typeof(OpenApiSdk.Generator.OpenApiGenerator).Assembly
            .GetType("OpenApiSdk.Generator.Diagnostics.DiagnosticDescriptors")!
            .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Select(f => f.GetValue(null))
            .OfType<DiagnosticDescriptor>()
            .ToList();
        Assert.True(descriptors.Count >= 17);
        foreach (DiagnosticDescriptor descriptor in descriptors)
        {
            Assert.StartsWith("OAS", descriptor.Id, System.StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(descriptor.Description.ToString(System.Globalization.CultureInfo.InvariantCulture)), descriptor.Id);
            // No help link: the project has no public page, and an invented address is worse than none.
            Assert.Equal(string.Empty, descriptor.HelpLinkUri);
            Assert.Contains("DIAGNOSTICS.md in the OpenApiSdk.Generator package", descriptor.Description.ToString(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
            Assert.Contains(descriptor.Id + " | OpenApiSdk | " + descriptor.DefaultSeverity, releases, System.StringComparison.Ordinal);
            Assert.Contains("| " + descriptor.Id + " |", docs, System.StringComparison.Ordinal);
        }
    }

    [Fact]
    public void OAS023_items_without_type_in_OpenAPI_30_is_an_info_at_items_once_per_schema_and_the_list_is_kept()
    {
        string yaml = Spec(
            "    Ids:\n" +                                                       // 8
            "      items: {type: integer}\n" +                                   // 9, items at col 7
            "    Holder:\n" +                                                    // 10
            "      type: object\n" +                                             // 11
            "      properties:\n" +                                              // 12
            "        a: {$ref: '#/components/schemas/Ids'}\n" +                  // 13
            "        b: {$ref: '#/components/schemas/Ids'}\n" +                  // 14
            "        typed: {type: array, items: {type: integer}}\n",            // 15: has type, no note
            version: "3.0.3");
        GeneratorRun run = Run(yaml);

        Diagnostic d = Single(run, "OAS023", DiagnosticSeverity.Info, 9, 7);
        Assert.Equal("'items' without 'type': JSON Schema also accepts a value that is not an array here, but the SDK holds a list and rejects such a value (must be an array); add 'type: array' to say only arrays are meant, or list the other types in 'type'", Message(d));
        CompilesCleanly(run);
        using Loaded sdk = Loaded.From(run);
        Assert.Equal(new[] { "/a: must be an array" }, Loaded.Errors(sdk.FromJson("Holder", "{\"a\":12}")));
    }

    [Fact]
    public void Keywords_beside_a_string_enum_or_a_union_are_checked_where_it_is_used_with_no_OAS010()
    {
        GeneratorRun run = Run(Spec(
            "    Holder:\n" +
            "      type: object\n" +
            "      properties:\n" +
            "        notA: {$ref: '#/components/schemas/NotA'}\n" +
            "        ifA: {$ref: '#/components/schemas/IfA'}\n" +
            "        choice: {$ref: '#/components/schemas/Choice'}\n" +
            "        pick: {type: string, enum: [a, b, c], anyOf: [{const: a}, {const: b}]}\n" +
            "    NotA:\n" +
            "      type: string\n" +
            "      enum: [a, b]\n" +
            "      not: {const: a}\n" +
            "    IfA:\n" +
            "      type: string\n" +
            "      enum: [a, bb]\n" +
            "      if: {const: a}\n" +
            "      then: {maxLength: 0}\n" +
            "    Choice:\n" +
            "      oneOf: [{type: string}, {type: integer}]\n" +
            "      not: {const: 5}\n"));

        Assert.True(run.GeneratorDiagnostics.IsEmpty, Describe(run));
        CompilesCleanly(run);
        using Loaded sdk = Loaded.From(run);
        Assert.Empty(Loaded.Errors(sdk.FromJson("Holder", "{\"notA\":\"b\",\"ifA\":\"bb\",\"choice\":6,\"pick\":\"b\"}")));
        Assert.Equal(new[] { "/pick: must match at least one of the alternatives (anyOf), but matches none of the 2" }, Loaded.Errors(sdk.FromJson("Holder", "{\"pick\":\"c\"}")));
        Assert.Equal(
            new[] { "/notA: must not match the schema in 'not'", "/choice: must not match the schema in 'not'", "/ifA: must be at most 0 characters long" },
            Loaded.Errors(sdk.FromJson("Holder", "{\"notA\":\"a\",\"ifA\":\"a\",\"choice\":5}")));
        Assert.Equal(new[] { "/notA: must be one of: a, b", "/ifA: must be one of: a, bb" }, Loaded.Errors(sdk.FromJson("Holder", "{\"notA\":\"c\",\"ifA\":\"c\"}")));
    }

    [Fact]
    public void An_inline_union_with_keywords_beside_its_choice_is_not_shared_with_the_same_choice_without_them()
    {
        // Inline choices of the same alternatives share one type; one with 'not' beside it checks its JSON, so it has its own.
        GeneratorRun run = Run(Spec(
            "    Holder:\n" +
            "      type: object\n" +
            "      properties:\n" +
            "        plain: {anyOf: [{type: string}, {$ref: '#/components/schemas/Item'}]}\n" +
            "        notX: {anyOf: [{type: string}, {$ref: '#/components/schemas/Item'}], not: {const: x}}\n" +
            "    Item:\n" +
            "      type: object\n" +
            "      properties:\n" +
            "        id: {type: string}\n"));

        Assert.True(run.GeneratorDiagnostics.IsEmpty, Describe(run));
        CompilesCleanly(run);
        using Loaded sdk = Loaded.From(run);
        Assert.Empty(Loaded.Errors(sdk.FromJson("Holder", "{\"plain\":\"x\",\"notX\":\"y\"}")));
        Assert.Equal(new[] { "/notX: must not match the schema in 'not'" }, Loaded.Errors(sdk.FromJson("Holder", "{\"plain\":\"x\",\"notX\":\"x\"}")));
    }

    [Fact]
    public void In_OpenAPI_31_and_32_items_without_type_is_kept_as_JSON_with_no_diagnostic()
    {
        // JSON Schema 2020-12 (core §10.3.1.2): items applies to arrays only; every other JSON value is valid.
        foreach (string version in new[] { "3.1.0", "3.2.0" })
        {
            GeneratorRun run = Run(Spec(
                "    Ids:\n" +
                "      items: {type: integer}\n" +
                "    Holder:\n" +
                "      type: object\n" +
                "      properties:\n" +
                "        a: {$ref: '#/components/schemas/Ids'}\n" +
                "        b:\n" +
                "          items: {type: string}\n",
                version));

            Assert.True(run.GeneratorDiagnostics.IsEmpty, version + ": " + Describe(run));
            CompilesCleanly(run);
            using Loaded sdk = Loaded.From(run);
            Assert.Empty(Loaded.Errors(sdk.FromJson("Holder", "{\"a\":12,\"b\":{\"x\":1}}")));
            Assert.Equal(new[] { "/a/0: must be an integer", "/b/1: must be a string" }, Loaded.Errors(sdk.FromJson("Holder", "{\"a\":[\"x\"],\"b\":[\"y\",2]}")));
        }
    }
}
