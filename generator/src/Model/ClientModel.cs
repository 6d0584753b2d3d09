namespace OpenApiSdk.Generator.Model;

// The client half of the equatable model: built from `paths`, `servers` and `securitySchemes`.
// Like the type model it holds only strings, TypeRefs and EquatableArrays, never YAML nodes.

/// <summary>What every generated file of a client needs to know about it.</summary>
/// <param name="Name">The client class name (<c>StarRocksClient</c>); the interface is <c>I{Name}</c>, the options <c>{Name}Options</c>.</param>
/// <param name="Servers">The spec's <c>servers</c>, in order; the first is the default base address.</param>
/// <param name="Security">Every supported security scheme, each with the option properties that carry its credential.</param>
/// <param name="HeaderDefaults">Optional string header parameters that get a default in the options (<c>X-Language</c>).</param>
/// <param name="RequestIdHeader">The response header that identifies a request (<c>X-Request-Id</c>).</param>
/// <param name="UsesMultipart">Some operation sends <c>multipart/form-data</c> (its files are the runtime's <c>FileContent</c>).</param>
/// <param name="HasOperationServers">Some path or operation has <c>servers</c> of its own: the options get <c>UseOperationServers</c>.</param>
internal sealed record ClientInfo(
    string Name,
    string? Description,
    EquatableArray<ServerModel> Servers,
    EquatableArray<SecuritySchemeModel> Security,
    EquatableArray<HeaderDefaultModel> HeaderDefaults,
    string RequestIdHeader,
    bool UsesMultipart = false,
    bool HasOperationServers = false)
{
    /// <summary>Parameters marked <c>x-ms-parameter-location: client</c>: one options property each, by location and wire name.</summary>
    public EquatableArray<ClientParameterModel> ClientParameters { get; init; } = EquatableArray<ClientParameterModel>.Empty;
}

/// <summary>A parameter that AutoRest's <c>x-ms-parameter-location: client</c> makes a client value: an options property every call sends.</summary>
/// <param name="PropertyName">The options property.</param>
internal sealed record ClientParameterModel(string WireName, ParameterLocation In, string PropertyName, string? Description);

/// <summary>The client: what every file of it shares, and its operations by group.</summary>
internal sealed record ClientModel(ClientInfo Info, EquatableArray<OperationGroupModel> Groups);

/// <param name="Url">The URL template, <c>https://{endpoint}</c>.</param>
internal sealed record ServerModel(string Url, string? Description, EquatableArray<ServerVariableModel> Variables);

/// <param name="PropertyName">The options property that overrides the variable.</param>
internal sealed record ServerVariableModel(string Name, string PropertyName, string Default, EquatableArray<string> Enum, string? Description);

internal enum SecurityKind
{
    /// <summary>An <c>apiKey</c> in a header.</summary>
    ApiKeyHeader,

    /// <summary>An <c>apiKey</c> in the query string.</summary>
    ApiKeyQuery,

    /// <summary><c>http</c> <c>bearer</c>, <c>oauth2</c> and <c>openIdConnect</c>: <c>Authorization: Bearer</c>.</summary>
    Bearer,

    /// <summary><c>http</c> <c>basic</c>: the credential is <c>user:password</c>, sent base64-encoded.</summary>
    Basic,
}

/// <param name="Name">The key under <c>components.securitySchemes</c>.</param>
/// <param name="PropertyName">The options property holding the credential; <c>{PropertyName}Provider</c> holds the async provider.</param>
/// <param name="WireName">The header or query parameter name (apiKey only).</param>
/// <param name="Remarks">Documentation paragraphs for the credential's option: 3.2's <c>deprecated</c>, the OAuth 2 flows and <c>oauth2MetadataUrl</c>.</param>
internal sealed record SecuritySchemeModel(string Name, string PropertyName, SecurityKind Kind, string WireName, string? Description, EquatableArray<string> Remarks = default);

/// <param name="PropertyName">The options property holding the default.</param>
internal sealed record HeaderDefaultModel(string WireName, string PropertyName, string? Description);

/// <param name="Name">The group's C# name (from its tag); empty for the operations on the client itself.</param>
/// <param name="Tag">The tag the group stands for, for documentation.</param>
internal sealed record OperationGroupModel(string Name, string? Tag, string? Description, EquatableArray<OperationModel> Operations);

/// <param name="Name">The C# method name, <c>CreateStarRocksInstanceAsync</c>.</param>
/// <param name="OperationId">The <c>operationId</c>, or a name made from method and path.</param>
/// <param name="Security">The names of the security schemes whose credentials the operation sends.</param>
/// <param name="Server">Where the operation is sent when its path item or itself declares <c>servers</c> other than the client's; null: the client's base address.</param>
/// <param name="ResponseName">The C# name of the method returning <c>ApiResponse</c>, <c>CreateStarRocksInstanceWithResponseAsync</c>.</param>
/// <param name="IdempotencyKeyHeader">The header parameter carrying an idempotency key (<c>Idempotency-Key</c>), if the operation declares one.</param>
/// <param name="Paging">How the operation's pages follow each other, when it is a list the generator recognises (<c>{Name}ItemsAsync</c>).</param>
/// <param name="Links">The <c>links</c> of its responses: followed by generated methods where possible, else documented.</param>
/// <param name="JobStatus">The operation's <c>x-job-status</c>: it queries a job, and links to it get a wait method.</param>
/// <param name="Stream">Its success response in a sequential media type, read item by item by <c>{Name}StreamingAsync</c>.</param>
internal sealed record OperationModel(
    string Name,
    string OperationId,
    string Method,
    string Path,
    string? Summary,
    string? Description,
    bool Deprecated,
    EquatableArray<ParameterModel> Parameters,
    BodyModel? Body,
    ResponseModel? Success,
    EquatableArray<ResponseModel> Errors,
    EquatableArray<string> Security,
    OperationServerModel? Server = null,
    string ResponseName = "",
    string? IdempotencyKeyHeader = null,
    PagingModel? Paging = null,
    EquatableArray<LinkModel> Links = default,
    JobStatusModel? JobStatus = null,
    StreamModel? Stream = null)
{
    /// <summary>Query parameters an <c>x-ms-paths</c> key fixes (<c>/jobs?op=cancel</c>), sent with every call before the declared ones.</summary>
    public EquatableArray<QueryConstantModel> QueryConstants { get; init; } = EquatableArray<QueryConstantModel>.Empty;

    /// <summary>The query of the operation's <c>x-ms-paths</c> key (<c>?op=cancel</c>), which tells it apart from others on the same path; empty for <c>paths</c>.</summary>
    public string PathQuery { get; init; } = string.Empty;

    /// <summary><c>x-ms-long-running-operation</c>: how <c>WaitFor{Operation}Async</c> follows it; null for other operations.</summary>
    public LongRunningModel? LongRunning { get; init; }
}

/// <summary>A query parameter with a fixed value (from an <c>x-ms-paths</c> key), percent-decoded: the request encodes it.</summary>
internal sealed record QueryConstantModel(string Name, string Value);

/// <summary>
/// The first server of an operation's (else its path item's) <c>servers</c>, its variables replaced by their defaults.
/// An absolute URL on another origin than the client's server is used as it is; a URL under the client's server, or
/// a relative one, is resolved against the client's base address, so a configured <c>BaseAddress</c> still applies.
/// </summary>
/// <param name="Url">The absolute URL without a trailing slash (<c>https://files.stripe.com</c>), or the relative reference (<c>v2</c>, <c>/v2</c>).</param>
/// <param name="Absolute">The URL is absolute.</param>
/// <param name="Declared">The URL as the spec writes it, for documentation.</param>
internal sealed record OperationServerModel(string Url, bool Absolute, string Declared);

internal enum ParameterLocation
{
    Path,
    Query,
    Header,

    /// <summary>Sent in the request's one <c>Cookie</c> header (RFC 6265), values percent-encoded.</summary>
    Cookie,

    /// <summary>OpenAPI 3.2's <c>in: querystring</c>: the whole query string is this one value, serialized by its media type (<see cref="QueryStringEncoding"/>).</summary>
    QueryString,
}

/// <summary>How an <c>in: querystring</c> parameter's value becomes the query string.</summary>
internal enum QueryStringEncoding
{
    /// <summary><c>application/x-www-form-urlencoded</c>: the object's members as form fields (<c>foo=a+%2B+b&amp;bar=true</c>), as a form body is.</summary>
    Form,

    /// <summary>A JSON media type: the compact JSON text, percent-encoded (<c>%7B%22flag%22%3Atrue%7D</c>).</summary>
    Json,

    /// <summary>Any other media type with a string schema: the string, percent-encoded.</summary>
    Text,
}

/// <param name="Name">The C# parameter name.</param>
/// <param name="WireName">The name in the path template, query string or header.</param>
/// <param name="Style">The serialization style: simple, form, spaceDelimited, pipeDelimited or deepObject; for <see cref="ParameterLocation.QueryString"/> the media type.</param>
/// <param name="DefaultOption">The options property giving the default for an optional header, if any.</param>
/// <param name="AsJson">The value is sent as its JSON text: a <c>content: application/json</c> parameter, or an object, untyped or array-of-objects value in a header, a cookie or the path.</param>
/// <param name="QueryString">For <see cref="ParameterLocation.QueryString"/>: how the value is serialized.</param>
internal sealed record ParameterModel(
    string Name,
    string WireName,
    ParameterLocation In,
    TypeRef Type,
    Constraints Constraints,
    bool Required,
    bool AllowsNull,
    bool IsSecret,
    string Style,
    bool Explode,
    string? Description,
    string? DefaultJson,
    string? DefaultOption,
    bool AsJson = false,
    QueryStringEncoding? QueryString = null)
{
    /// <summary>What an array's items are joined with where no OpenAPI 3 style says it (<c>x-collectionFormat</c>: Swagger 2.0's ssv, pipes or tsv outside what 3.0's styles carry); null: the style's.</summary>
    public string? Separator { get; init; }
    /// <summary>
    /// <c>x-ms-parameter-location: client</c>: the options property the value comes from when the call gives none (the
    /// method parameter is then optional); null for other parameters.
    /// </summary>
    public string? ClientOption { get; init; }

    /// <summary>With <see cref="ClientOption"/>: the spec requires the parameter, so a call with neither value throws.</summary>
    public bool ClientOptionRequired { get; init; }

    /// <summary>
    /// The parameter's whole schema, where its typed checks leave a keyword out: the client also checks the value's JSON
    /// against it (the JSON-value validator), as a model's <see cref="TypeModel.JsonFallback"/>; null otherwise.
    /// </summary>
    public JsonValueSchema? JsonFallback { get; init; }
}

internal enum BodyEncoding
{
    /// <summary>JSON, written with the generated code.</summary>
    Json,

    /// <summary><c>application/x-www-form-urlencoded</c>: the object's members as form fields.</summary>
    Form,

    /// <summary>Any other media type: the caller's bytes as they are.</summary>
    Binary,

    /// <summary><c>multipart/form-data</c>: the model's members as text or JSON parts, plus file parts (<see cref="MultipartModel"/>).</summary>
    Multipart,

    /// <summary>A sequential media type (JSON Lines, JSON text sequences, an event stream): the caller's items, each written as it is produced (<see cref="BodyModel.Items"/>).</summary>
    Items,
}

/// <param name="Name">The C# parameter name (<c>body</c>).</param>
/// <param name="Multipart">For <see cref="BodyEncoding.Multipart"/>: the file parts and the content type overrides.</param>
internal sealed record BodyModel(string Name, TypeRef Type, bool Required, string MediaType, BodyEncoding Encoding, string? Description, MultipartModel? Multipart = null)
{
    /// <summary>For a urlencoded form: the array fields sent as one joined value (an <c>encoding</c> with <c>explode: false</c>, or <c>x-collectionFormat</c>); for a multipart body, those with <c>x-collectionFormat</c> (one part joined); as pairs of field name and separator.</summary>
    public EquatableArray<string> JoinedFields { get; init; } = EquatableArray<string>.Empty;

    /// <summary>For <see cref="BodyEncoding.Items"/>: how each item is framed; <see cref="Type"/> is one item's type and the parameter an <c>IAsyncEnumerable</c> of it.</summary>
    public StreamFormat? Items { get; init; }

    /// <summary>For a JSON body that is no model (an array, a map, a scalar) with rules: its whole schema, against which the client checks the body's JSON (as <see cref="ParameterModel.JsonFallback"/>); null otherwise.</summary>
    public JsonValueSchema? JsonFallback { get; init; }
}

/// <summary>
/// A <c>multipart/form-data</c> body. The schema's non-file properties are a generated model (the body
/// parameter, absent when there are none), written as JSON and sent one part per member (one per item for
/// arrays): text for primitives, JSON for objects. File properties are parameters of their own.
/// </summary>
/// <param name="HasFields">The body has non-file properties, so the operation takes the body model.</param>
/// <param name="Files">The file parts, in schema order.</param>
/// <param name="ContentTypes">Content types from <c>encoding</c> for text/JSON parts, by part name.</param>
internal sealed record MultipartModel(bool HasFields, EquatableArray<FilePartModel> Files, EquatableArray<PartContentTypeModel> ContentTypes);

/// <param name="Name">The C# parameter name.</param>
/// <param name="PartName">The part name (the property's name in the schema).</param>
/// <param name="Required">The part is listed in the schema's <c>required</c>.</param>
/// <param name="IsArray">An array of files: one part per file, all with <paramref name="PartName"/>.</param>
/// <param name="DefaultContentType">Sent when the caller's file has no content type.</param>
internal sealed record FilePartModel(string Name, string PartName, bool Required, bool IsArray, string DefaultContentType, string? Description, int? MinItems, int? MaxItems);

/// <param name="PartName">The part name.</param>
/// <param name="ContentType">The content type from <c>encoding.{PartName}.contentType</c> (text or JSON).</param>
internal sealed record PartContentTypeModel(string PartName, string ContentType);

/// <param name="Status">The status code, <c>201</c>, <c>4XX</c> or <c>default</c>.</param>
/// <param name="Type">The type of the JSON body (<see cref="TypeRefKind.Bytes"/> with <paramref name="Binary"/> for any other media type); null when there is none.</param>
/// <param name="Binary">The body is returned as its raw bytes, not read as JSON.</param>
/// <param name="Summary">OpenAPI 3.2's response <c>summary</c>, for the <c>returns</c> documentation.</param>
/// <param name="ErrorCodeProperty">For an error body: the C# property holding the error code (<c>ErrorCode</c>).</param>
/// <param name="ErrorMessageProperty">For an error body: the C# property holding the message (<c>ErrorMsg</c>).</param>
internal sealed record ResponseModel(
    string Status,
    TypeRef? Type,
    string? Description,
    string? ErrorCodeProperty,
    string? ErrorMessageProperty,
    bool Binary = false,
    string? Summary = null);
