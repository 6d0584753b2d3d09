using System;
using System.Text;

namespace OpenApiSdk.Generator.Building;

/// <summary>
/// RFC 3986 section 5.2: a URI reference resolved against a base URI, as strings, with no normalization beyond what
/// section 5.2 does (dot segments). <see cref="Uri"/> is not used because it is not this algorithm: on Unix it reads
/// <c>/g</c> as a file path, and it normalizes case, ports and escapes, which would make two spellings of one
/// <c>$id</c> meet or miss depending on the platform.
/// </summary>
internal static class UriReference
{
    /// <summary>The placeholder base of a document whose retrieval URI the generator does not know (it reads no files).</summary>
    public const string PlaceholderBase = "https://retrieval.invalid/";

    /// <summary><paramref name="reference"/> resolved against the absolute URI <paramref name="baseUri"/> (RFC 3986 §5.2.2, strict).</summary>
    public static string Resolve(string baseUri, string reference)
    {
        Parts r = Parse(reference);
        Parts b = Parse(baseUri);
        string? scheme, authority, query;
        string path;
        if (r.Scheme is not null)
        {
            (scheme, authority, path, query) = (r.Scheme, r.Authority, RemoveDotSegments(r.Path), r.Query);
        }
        else if (r.Authority is not null)
        {
            (scheme, authority, path, query) = (b.Scheme, r.Authority, RemoveDotSegments(r.Path), r.Query);
        }
        else if (r.Path.Length == 0)
        {
            (scheme, authority, path, query) = (b.Scheme, b.Authority, b.Path, r.Query ?? b.Query);
        }
        else
        {
            string merged = r.Path[0] == '/' ? r.Path : Merge(b, r.Path);
            (scheme, authority, path, query) = (b.Scheme, b.Authority, RemoveDotSegments(merged), r.Query);
        }

        var result = new StringBuilder();
        if (scheme is not null)
        {
            result.Append(scheme).Append(':');
        }

        if (authority is not null)
        {
            result.Append("//").Append(authority);
        }

        result.Append(path);
        if (query is not null)
        {
            result.Append('?').Append(query);
        }

        if (r.Fragment is not null)
        {
            result.Append('#').Append(r.Fragment);
        }

        return result.ToString();
    }

    /// <summary>The URI without its fragment, and the fragment (null when there is no <c>#</c>).</summary>
    public static (string Resource, string? Fragment) SplitFragment(string uri)
    {
        int hash = uri.IndexOf('#');
        return hash < 0 ? (uri, null) : (uri.Substring(0, hash), uri.Substring(hash + 1));
    }

    // RFC 3986 §5.2.3
    private static string Merge(Parts b, string path)
    {
        if (b.Authority is not null && b.Path.Length == 0)
        {
            return "/" + path;
        }

        int slash = b.Path.LastIndexOf('/');
        return slash < 0 ? path : b.Path.Substring(0, slash + 1) + path;
    }

    // RFC 3986 §5.2.4
    private static string RemoveDotSegments(string input)
    {
        var output = new StringBuilder(input.Length);
        while (input.Length > 0)
        {
            if (input.StartsWith("../", StringComparison.Ordinal))
            {
                input = input.Substring(3);
            }
            else if (input.StartsWith("./", StringComparison.Ordinal))
            {
                input = input.Substring(2);
            }
            else if (input.StartsWith("/./", StringComparison.Ordinal))
            {
                input = input.Substring(2);
            }
            else if (input == "/.")
            {
                input = "/";
            }
            else if (input.StartsWith("/../", StringComparison.Ordinal) || input == "/..")
            {
                input = "/" + input.Substring(input.Length == 3 ? 3 : 4);
                RemoveLastSegment(output);
            }
            else if (input is "." or "..")
            {
                input = string.Empty;
            }
            else
            {
                int next = input.IndexOf('/', input[0] == '/' ? 1 : 0);
                int end = next < 0 ? input.Length : next;
                output.Append(input, 0, end);
                input = input.Substring(end);
            }
        }

        return output.ToString();
    }

    private static void RemoveLastSegment(StringBuilder output)
    {
        int i = output.Length - 1;
        while (i >= 0 && output[i] != '/')
        {
            i--;
        }

        output.Length = Math.Max(i, 0);
    }

    // RFC 3986 Appendix B: ^(([^:/?#]+):)?(//([^/?#]*))?([^?#]*)(\?([^#]*))?(#(.*))?
    private static Parts Parse(string text)
    {
        int position = 0;
        string? scheme = null;
        int colon = text.IndexOfAny(SchemeEnd);
        if (colon > 0 && text[colon] == ':')
        {
            scheme = text.Substring(0, colon);
            position = colon + 1;
        }

        string? authority = null;
        if (string.CompareOrdinal(text, position, "//", 0, 2) == 0)
        {
            int end = text.IndexOfAny(AuthorityEnd, position + 2);
            end = end < 0 ? text.Length : end;
            authority = text.Substring(position + 2, end - position - 2);
            position = end;
        }

        int pathEnd = text.IndexOfAny(PathEnd, position);
        pathEnd = pathEnd < 0 ? text.Length : pathEnd;
        string path = text.Substring(position, pathEnd - position);
        position = pathEnd;

        string? query = null;
        if (position < text.Length && text[position] == '?')
        {
            int end = text.IndexOf('#', position);
            end = end < 0 ? text.Length : end;
            query = text.Substring(position + 1, end - position - 1);
            position = end;
        }

        string? fragment = position < text.Length ? text.Substring(position + 1) : null;
        return new Parts(scheme, authority, path, query, fragment);
    }

    private static readonly char[] SchemeEnd = { ':', '/', '?', '#' };
    private static readonly char[] AuthorityEnd = { '/', '?', '#' };
    private static readonly char[] PathEnd = { '?', '#' };

    private readonly struct Parts
    {
        public Parts(string? scheme, string? authority, string path, string? query, string? fragment)
        {
            Scheme = scheme;
            Authority = authority;
            Path = path;
            Query = query;
            Fragment = fragment;
        }

        public string? Scheme { get; }

        public string? Authority { get; }

        public string Path { get; }

        public string? Query { get; }

        public string? Fragment { get; }
    }
}
