using System.Linq;
using System.Threading;
using OpenApiSdk.Generator.Building;
using OpenApiSdk.Generator.Yaml;
using Xunit;

namespace OpenApiSdk.Tests;

/// <summary>
/// How a <c>$ref</c> finds its schema: RFC 3986 §5 resolution against the base in force (JSON Schema 2020-12 core
/// §8.2: the nearest <c>$id</c>, else the document's own URI), then a resource (<c>$id</c> or the document) plus an
/// empty fragment, an anchor or a JSON Pointer from that resource's root (RFC 6901, with URI percent-encoding).
/// </summary>
public class ReferenceResolutionTests
{
    private const string Rfc3986Base = "http://a/b/c/d;p?q";

    // RFC 3986 §5.4.1 (normal) and §5.4.2 (abnormal, strict parser) examples.
    [Theory]
    [InlineData("g:h", "g:h")]
    [InlineData("g", "http://a/b/c/g")]
    [InlineData("./g", "http://a/b/c/g")]
    [InlineData("g/", "http://a/b/c/g/")]
    [InlineData("/g", "http://a/g")]
    [InlineData("//g", "http://g")]
    [InlineData("?y", "http://a/b/c/d;p?y")]
    [InlineData("g?y", "http://a/b/c/g?y")]
    [InlineData("#s", "http://a/b/c/d;p?q#s")]
    [InlineData("g#s", "http://a/b/c/g#s")]
    [InlineData("g?y#s", "http://a/b/c/g?y#s")]
    [InlineData(";x", "http://a/b/c/;x")]
    [InlineData("g;x", "http://a/b/c/g;x")]
    [InlineData("g;x?y#s", "http://a/b/c/g;x?y#s")]
    [InlineData("", "http://a/b/c/d;p?q")]
    [InlineData(".", "http://a/b/c/")]
    [InlineData("./", "http://a/b/c/")]
    [InlineData("..", "http://a/b/")]
    [InlineData("../", "http://a/b/")]
    [InlineData("../g", "http://a/b/g")]
    [InlineData("../..", "http://a/")]
    [InlineData("../../", "http://a/")]
    [InlineData("../../g", "http://a/g")]
    [InlineData("../../../g", "http://a/g")]
    [InlineData("../../../../g", "http://a/g")]
    [InlineData("/./g", "http://a/g")]
    [InlineData("/../g", "http://a/g")]
    [InlineData("g.", "http://a/b/c/g.")]
    [InlineData(".g", "http://a/b/c/.g")]
    [InlineData("g..", "http://a/b/c/g..")]
    [InlineData("..g", "http://a/b/c/..g")]
    [InlineData("./../g", "http://a/b/g")]
    [InlineData("./g/.", "http://a/b/c/g/")]
    [InlineData("g/./h", "http://a/b/c/g/h")]
    [InlineData("g/../h", "http://a/b/c/h")]
    [InlineData("g;x=1/./y", "http://a/b/c/g;x=1/y")]
    [InlineData("g;x=1/../y", "http://a/b/c/y")]
    [InlineData("g?y/./x", "http://a/b/c/g?y/./x")]
    [InlineData("g?y/../x", "http://a/b/c/g?y/../x")]
    [InlineData("g#s/./x", "http://a/b/c/g#s/./x")]
    [InlineData("g#s/../x", "http://a/b/c/g#s/../x")]
    [InlineData("http:g", "http:g")]
    public void A_reference_resolves_as_RFC_3986_section_5_4_says(string reference, string expected) =>
        Assert.Equal(expected, UriReference.Resolve(Rfc3986Base, reference));

    [Fact]
    public void A_urn_base_keeps_its_scheme_for_a_fragment() =>
        Assert.Equal("urn:uuid:deadbeef-1234-ffff-ffff-4321feebdaed#/$defs/bar", UriReference.Resolve("urn:uuid:deadbeef-1234-ffff-ffff-4321feebdaed", "#/$defs/bar"));

    private const string Document = """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths: {}
        components:
          schemas:
            Root:
              $id: 'https://example.com/root.json'
              $defs:
                a: {$anchor: top, type: string}
                'x/y~z%': {type: integer}
                child:
                  $id: child/
                  $defs:
                    b: {$anchor: top, type: boolean}
                    c: {$id: c.json, type: number}
                    d: {$ref: '#/$defs/b'}
                    e: {$ref: '#top'}
                    f: {$ref: 'c.json'}
                    g: {$ref: '../root.json#/$defs/x~1y~0z%25'}
            Plain:
              $defs:
                p: {type: 'null'}
              properties:
                q: {$ref: '#/components/schemas/Plain/$defs/p'}
            Data:
              enum: [{$id: 'https://example.com/data.json', type: string}]
              unknown: {$id: 'https://example.com/unknown.json'}
        """;

    private static (RefResolver Resolver, YamlNode Root, DiagnosticBag Diagnostics) Read(string text = Document)
    {
        YamlNode root = SpecReader.Read("/specs/refs.yaml", text, CancellationToken.None, out _).Root!;
        var diagnostics = new DiagnosticBag("/specs/refs.yaml");
        return (new RefResolver(root, diagnostics), root, diagnostics);
    }

    private static YamlNode At(YamlNode root, params string[] path) =>
        path.Aggregate(root, (node, key) => node.Get(key)!);

    private static YamlNode Child(YamlNode root, string name) => At(root, "components", "schemas", "Root", "$defs", "child", "$defs", name);

    [Fact]
    public void An_id_sets_the_base_of_its_subtree_relative_to_the_enclosing_base()
    {
        (RefResolver resolver, YamlNode root, _) = Read();

        Assert.Equal("https://example.com/root.json", resolver.Resources.BaseOf(At(root, "components", "schemas", "Root")));
        Assert.Equal("https://example.com/child/", resolver.Resources.BaseOf(At(root, "components", "schemas", "Root", "$defs", "child")));
        Assert.Equal("https://example.com/child/c.json", resolver.Resources.BaseOf(Child(root, "c")));
        Assert.Equal(UriReference.PlaceholderBase, resolver.Resources.BaseOf(At(root, "components", "schemas", "Plain")));
    }

    [Fact]
    public void A_pointer_fragment_starts_at_the_root_of_the_resource_the_ref_is_in()
    {
        (RefResolver resolver, YamlNode root, DiagnosticBag diagnostics) = Read();

        Assert.Same(Child(root, "b"), resolver.Follow(Child(root, "d")));
        Assert.Same(At(root, "components", "schemas", "Plain", "$defs", "p"), resolver.Follow(At(root, "components", "schemas", "Plain", "properties", "q")));
        Assert.Empty(diagnostics.ToArray());
    }

    [Fact]
    public void An_anchor_is_found_under_the_base_it_is_declared_in()
    {
        (RefResolver resolver, YamlNode root, _) = Read();

        Assert.Same(Child(root, "b"), resolver.Follow(Child(root, "e"))); // #top under child/, not the root's #top
        Assert.Same(At(root, "components", "schemas", "Root", "$defs", "a"), resolver.Lookup("https://example.com/root.json#top"));
    }

    [Fact]
    public void A_relative_ref_names_a_resource_by_its_id()
    {
        (RefResolver resolver, YamlNode root, _) = Read();

        Assert.Same(Child(root, "c"), resolver.Follow(Child(root, "f")));
    }

    [Fact]
    public void Pointer_segments_are_percent_decoded_then_unescaped()
    {
        (RefResolver resolver, YamlNode root, _) = Read();

        Assert.Same(At(root, "components", "schemas", "Root", "$defs", "x/y~z%"), resolver.Follow(Child(root, "g")));
    }

    [Fact]
    public void An_id_inside_enum_or_an_unknown_keyword_is_data_and_names_no_resource()
    {
        (RefResolver resolver, _, _) = Read();

        Assert.Null(resolver.Lookup("https://example.com/data.json"));
        Assert.Null(resolver.Lookup("https://example.com/unknown.json"));
        Assert.NotNull(resolver.Lookup("https://example.com/child/c.json"));
    }

    [Fact]
    public void The_document_base_is_its_self_uri()
    {
        (RefResolver resolver, YamlNode root, _) = Read("""
            openapi: 3.2.0
            $self: 'https://example.com/api/openapi'
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                A: {type: string}
                B: {$ref: 'openapi#/components/schemas/A'}
            """);

        Assert.Equal("https://example.com/api/openapi", resolver.Resources.DocumentBase);
        Assert.Same(At(root, "components", "schemas", "A"), resolver.Resolve(At(root, "components", "schemas", "B")));
    }
}
