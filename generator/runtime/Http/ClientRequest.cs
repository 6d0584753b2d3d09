using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace OpenApiSdk.Runtime;

/// <summary>
/// One call as the generated code describes it: the operation, its URL (path segments and query parameters
/// percent-encoded here, RFC 3986), headers, credentials and body. <see cref="ClientPipeline"/> turns it into a
/// fresh <see cref="HttpRequestMessage"/> for every attempt.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ClientRequest
{
    private readonly StringBuilder _url;
    private readonly List<KeyValuePair<string, string>> _headers = new();
    private List<CredentialScheme>? _credentials;
    private bool _hasQuery;

    /// <summary>Starts a call.</summary>
    /// <param name="operationId">The operation's operationId.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="baseUrl">The base address, without a trailing slash.</param>
    /// <param name="urlTemplate">The spec's path (<c>/v3/{project_id}/instances</c>), for traces.</param>
    /// <param name="accept">The Accept header: application/json, or */* for a binary response.</param>
    public ClientRequest(string operationId, HttpMethod method, string urlTemplate, string baseUrl, string accept)
    {
        OperationId = operationId;
        Method = method;
        UrlTemplate = urlTemplate;
        Accept = accept;
        _url = new StringBuilder(baseUrl, baseUrl.Length + urlTemplate.Length + 32);
    }

    /// <summary>The operation's <c>operationId</c>.</summary>
    public string OperationId { get; }

    /// <summary>The HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The spec's path template.</summary>
    public string UrlTemplate { get; }

    /// <summary>The Accept header.</summary>
    public string Accept { get; }

    /// <summary>The body, or null.</summary>
    public RequestBody? Body { get; set; }

    /// <summary>
    /// The idempotency key header the spec declares for the operation (<c>Idempotency-Key</c>); when the request carries
    /// it, a POST or PATCH is retried like an idempotent method.
    /// </summary>
    public string? IdempotencyKeyHeader { get; set; }

    internal string Url => _url.ToString();

    internal bool HasQuery => _hasQuery;

    internal IReadOnlyList<KeyValuePair<string, string>> Headers => _headers;

    internal IReadOnlyList<CredentialScheme>? Credentials => _credentials;

    /// <summary>
    /// Starts the request of a next link (next-link paging): the link as <see cref="Pager.NextLinkUri"/> resolved it, its
    /// path and query kept exactly as the service wrote them (already percent-encoded), so a token in it reaches the
    /// service unchanged.
    /// </summary>
    public static ClientRequest ForNextLink(string operationId, string urlTemplate, Uri link, string accept)
    {
        Guard.NotNull(link, nameof(link));
        var request = new ClientRequest(operationId, HttpMethod.Get, urlTemplate, link.GetLeftPart(UriPartial.Authority), accept);
        request._url.Append(link.AbsolutePath).Append(link.Query);
        request._hasQuery = link.Query.Length > 0;
        return request;
    }

    /// <summary>Appends a literal part of the spec's path.</summary>
    public void Path(string literal) => _url.Append(literal);

    /// <summary>Appends a path parameter: percent-encoded, so a value can never add segments, a query or a fragment.</summary>
    public void PathValue(string value) => _url.Append(PathSegment(value));

    /// <summary>Appends an array path parameter in simple style: each item encoded, joined with commas.</summary>
    public void PathValues(IEnumerable<string> values) => PathValues(values, ",");

    /// <summary>Appends an array path parameter: each item encoded, joined with <paramref name="separator"/> (encoded too; Swagger 2.0's ssv, pipes and tsv).</summary>
    public void PathValues(IEnumerable<string> values, string separator)
    {
        string joint = separator == "," ? "," : PathSegment(separator);
        bool first = true;
        foreach (string value in values)
        {
            _url.Append(first ? string.Empty : joint).Append(PathSegment(value));
            first = false;
        }
    }

    /// <summary>Adds <c>name=value</c> to the query.</summary>
    public void Query(string name, string value)
    {
        _url.Append(_hasQuery ? '&' : '?').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        _hasQuery = true;
    }

    /// <summary>Adds one <c>name=value</c> per item (form style, exploded).</summary>
    public void QueryEach(string name, IEnumerable<string> values)
    {
        foreach (string value in values)
        {
            Query(name, value);
        }
    }

    /// <summary>Adds the items as one parameter joined by <paramref name="separator"/> (form, spaceDelimited or pipeDelimited, not exploded).</summary>
    public void QueryJoined(string name, IEnumerable<string> values, string separator) => Query(name, string.Join(separator, values));

    /// <summary>Adds an array in deepObject style: <c>name[0]=a&amp;name[1]=b</c>.</summary>
    public void QueryIndexed(string name, IEnumerable<string> values)
    {
        int index = 0;
        foreach (string value in values)
        {
            Query(name + "[" + index.ToString(CultureInfo.InvariantCulture) + "]", value);
            index++;
        }
    }

    /// <summary>
    /// An array of objects in the query in <c>form</c> style (OpenAPI defines no serialization for it): one parameter
    /// per leaf value, named by index and member path, <c>name[0].member=value</c>; nested objects continue with
    /// <c>.member</c>, nested arrays with <c>[index]</c> (<c>name[0].price.currency=usd&amp;name[0].tags[1]=b</c>).
    /// This is the form ASP.NET Core's and Spring's model binders read into a list of objects. Nulls are left out.
    /// </summary>
    /// <param name="name">The parameter's name.</param>
    /// <param name="json">The array, as UTF-8 JSON written by the generated code.</param>
    public void QueryIndexedForm(string name, byte[] json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        QueryLeaves(name, document.RootElement, dottedMembers: true);
    }

    /// <summary>A query object in deepObject style: name[member]=value, nested objects and arrays as name[a][b] and name[a][0].</summary>
    public void QueryDeepObject(string name, byte[] json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        QueryLeaves(name, document.RootElement, dottedMembers: false);
    }

    /// <summary>A query object in form style: exploded, each member is its own parameter; otherwise name=member,value,member,value. Nested values are JSON text.</summary>
    public void QueryFormObject(string name, byte[] json, bool explode)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        bool isArray;
        using (JsonDocument document = JsonDocument.Parse(json))
        {
            JsonElement root = document.RootElement;
            isArray = root.ValueKind == JsonValueKind.Array;
            if (root.ValueKind == JsonValueKind.Object)
            {
                foreach (JsonProperty property in root.EnumerateObject())
                {
                    if (property.Value.ValueKind != JsonValueKind.Null)
                    {
                        pairs.Add(new KeyValuePair<string, string>(property.Name, Text(property.Value)));
                    }
                }
            }
            else if (isArray)
            {
                foreach (JsonElement item in root.EnumerateArray())
                {
                    pairs.Add(new KeyValuePair<string, string>(name, Text(item)));
                }
            }
            else if (root.ValueKind != JsonValueKind.Null)
            {
                Query(name, Text(root));
                return;
            }
        }

        if (explode)
        {
            foreach (KeyValuePair<string, string> pair in pairs)
            {
                Query(pair.Key, pair.Value);
            }
        }
        else if (pairs.Count > 0)
        {
            var joined = new List<string>();
            foreach (KeyValuePair<string, string> pair in pairs)
            {
                if (!isArray)
                {
                    joined.Add(pair.Key);
                }

                joined.Add(pair.Value);
            }

            Query(name, string.Join(",", joined));
        }
    }

    /// <summary>
    /// OpenAPI 3.2's <c>in: querystring</c> in a media type other than a form (JSON text, a JSONPath, ...): the whole
    /// query string is <paramref name="text"/>, percent-encoded (RFC 3986: everything but unreserved characters), as the
    /// specification's example sends <c>{"numbers":[1,2],"flag":null}</c> as <c>?%7B%22numbers%22%3A%5B1%2C2%5D%2C%22flag%22%3Anull%7D</c>.
    /// </summary>
    public void QueryString(string text)
    {
        _url.Append(_hasQuery ? '&' : '?').Append(Uri.EscapeDataString(text));
        _hasQuery = true;
    }

    /// <summary>
    /// OpenAPI 3.2's <c>in: querystring</c> with <c>application/x-www-form-urlencoded</c>: the members of the JSON object
    /// the generated writer wrote, as the fields of a form body are sent (<c>foo=a+%2B+b&amp;bar=true</c>); nothing when
    /// every member is null.
    /// </summary>
    public void QueryStringForm(byte[] json)
    {
        string form = FormFields.Encode(FormFields.Of(json));
        if (form.Length > 0)
        {
            _url.Append(_hasQuery ? '&' : '?').Append(form);
            _hasQuery = true;
        }
    }

    /// <summary>Adds a header; a value with a line break is refused (it would end the header).</summary>
    public void Header(string name, string value)
    {
        if (HasLineBreak(value))
        {
            throw new ArgumentException("The value of the header " + name + " contains a line break.", nameof(value));
        }

        _headers.Add(new KeyValuePair<string, string>(name, value));
    }

    /// <summary>Adds an array header in simple style: the items joined with commas.</summary>
    public void HeaderValues(string name, IEnumerable<string> values) => Header(name, string.Join(",", values));

    /// <summary>Adds an array header: the items joined with <paramref name="separator"/> (Swagger 2.0's ssv, pipes and tsv).</summary>
    public void HeaderValues(string name, IEnumerable<string> values, string separator) => Header(name, string.Join(separator, values));

    /// <summary>Sends the credential of <paramref name="scheme"/>, asked for again on every attempt (unless a signer is configured).</summary>
    public void Credential(CredentialScheme scheme)
    {
        (_credentials ??= new List<CredentialScheme>()).Add(scheme ?? throw new ArgumentNullException(nameof(scheme)));
    }

    /// <summary>True when a header value would end the header (CR or LF).</summary>
    public static bool HasLineBreak(string value) => value.IndexOf('\r') >= 0 || value.IndexOf('\n') >= 0;

    /// <summary>
    /// A path segment: percent-encoded, so a value can never add segments, a query or a fragment. '.' and '..' are
    /// refused: System.Uri would resolve them, even encoded, and change the path.
    /// </summary>
    public static string PathSegment(string value)
    {
        if (value == "." || value == "..")
        {
            throw new ArgumentException("A path parameter cannot be '.' or '..'.", nameof(value));
        }

        return Uri.EscapeDataString(value);
    }

    /// <summary>
    /// One parameter per leaf of <paramref name="value"/>, named by its path: array items <c>[index]</c>, object members
    /// <c>.member</c> (form style) or <c>[member]</c> (deepObject); nulls are left out.
    /// </summary>
    private void QueryLeaves(string name, JsonElement value, bool dottedMembers)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (JsonProperty property in value.EnumerateObject())
                {
                    QueryLeaves(dottedMembers ? name + "." + property.Name : name + "[" + property.Name + "]", property.Value, dottedMembers);
                }

                break;
            case JsonValueKind.Array:
                int index = 0;
                foreach (JsonElement item in value.EnumerateArray())
                {
                    QueryLeaves(name + "[" + index.ToString(CultureInfo.InvariantCulture) + "]", item, dottedMembers);
                    index++;
                }

                break;
            case JsonValueKind.Null or JsonValueKind.Undefined:
                break;
            default:
                Query(name, Text(value));
                break;
        }
    }

    private static string Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
}

/// <summary>Where a security scheme's credential goes.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum CredentialKind
{
    /// <summary>An <c>apiKey</c> in a header.</summary>
    Header,

    /// <summary>An <c>apiKey</c> in the query string.</summary>
    Query,

    /// <summary><c>Authorization: Bearer</c>.</summary>
    Bearer,

    /// <summary><c>Authorization: Basic</c> of <c>user:password</c>.</summary>
    Basic,
}

/// <summary>A security scheme of the spec and the provider of its credential (asked on every attempt, so a token can be refreshed).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class CredentialScheme
{
    private readonly Func<CancellationToken, ValueTask<string?>> _provider;

    /// <summary>Creates the scheme; <paramref name="name"/> is the header or query parameter of an apiKey.</summary>
    public CredentialScheme(CredentialKind kind, string name, Func<CancellationToken, ValueTask<string?>> provider)
    {
        Kind = kind;
        Name = name;
        _provider = provider ?? throw new ArgumentNullException(nameof(provider));
    }

    /// <summary>Where the credential goes.</summary>
    public CredentialKind Kind { get; }

    /// <summary>The header or query parameter name of an apiKey.</summary>
    public string Name { get; }

    internal ValueTask<string?> GetAsync(CancellationToken cancellationToken) => _provider(cancellationToken);

    /// <summary>The scheme, never its credential.</summary>
    public override string ToString() => Kind + " " + Name;
}
