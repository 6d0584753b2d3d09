using System;
using OpenApiSdk.Generator.Yaml;

namespace OpenApiSdk.Generator.Building;

/// <summary>
/// OpenAPI 3.2's <c>$self</c>: the document's own URI and the base URI of its references (RFC 3986 section 5.1.1). A
/// <c>$ref</c> that resolves against it to the document itself plus a fragment
/// (<c>https://example.com/api/openapi#/components/schemas/Pet</c>, or <c>openapi#/components/schemas/Pet</c> under that
/// <c>$self</c>) is the local reference <c>#/components/schemas/Pet</c>; any other URI stays external (OAS004). A relative
/// <c>$self</c> would be resolved against the retrieval URI, which the generator does not know (it reads no files): it is
/// resolved against a placeholder, which decides the same-document question the same way, since both sides share it.
/// </summary>
internal sealed class SelfUri
{
    private static readonly Uri Placeholder = new("https://retrieval.invalid/", UriKind.Absolute);

    private readonly Uri _self;

    private SelfUri(Uri self) => _self = self;

    /// <summary>The document's <c>$self</c>, or null when it has none or it is not a URI reference.</summary>
    public static SelfUri? Of(YamlNode root)
    {
        if (root.Get("$self") is not { IsScalar: true, Value: { Length: > 0 } text } || !Uri.TryCreate(Placeholder, text, out Uri? self))
        {
            return null;
        }

        return new SelfUri(self);
    }

    /// <summary><paramref name="reference"/> as a fragment-only reference when it points into this document; else unchanged.</summary>
    public string Localize(string reference)
    {
        int hash = reference.IndexOf('#');
        if (hash <= 0 || !Uri.TryCreate(_self, reference.Substring(0, hash), out Uri? target))
        {
            return reference;
        }

        return Uri.Compare(target, _self, UriComponents.HttpRequestUrl, UriFormat.UriEscaped, StringComparison.Ordinal) == 0
            ? reference.Substring(hash)
            : reference;
    }
}
