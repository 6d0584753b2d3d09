using System.Collections.Generic;
using System.Linq;
using OpenApiSdk.Generator.Model;

namespace OpenApiSdk.Generator.Emitting;

/// <summary>
/// Emits the part of a client every operation shares: the options class, the interface, the client's
/// constructor, base address, credentials, extension points (virtual methods and partial hooks) and the
/// send/error helpers, plus the <c>IServiceCollection</c> registration where the project can use it.
/// The operations themselves come from <see cref="ClientOperationEmitter"/>, one file per group.
/// </summary>
internal static class ClientEmitter
{
    private const string HttpClient = "global::System.Net.Http.HttpClient";
    private const string Request = "global::System.Net.Http.HttpRequestMessage";
    private const string Response = "global::System.Net.Http.HttpResponseMessage";
    private const string CancellationToken = "global::System.Threading.CancellationToken";
    private const string ValueTask = "global::System.Threading.Tasks.ValueTask";

    public static string Emit(SpecContext context, ClientInfo client, bool hasHttpClientFactory)
    {
        var types = new ClientTypes(context.Namespace);
        var w = new SourceWriter();
        w.Line("namespace " + context.Namespace);
        w.Open();
        EmitOptions(w, client);
        w.Line();
        EmitInterface(w, context, client);
        w.Line();
        EmitClient(w, context, client, types);
        if (hasHttpClientFactory)
        {
            w.Line();
            EmitServiceCollectionExtensions(w, client);
        }

        w.Close();
        return SourceWriter.Header + w.ToString();
    }

    private static void EmitOptions(SourceWriter w, ClientInfo client)
    {
        string name = client.Name + "Options";
        w.Summary("Settings of " + client.Name + ": where it sends requests, the credentials it sends, and header defaults.");
        w.Line(TypeSyntax.GeneratedCode);
        w.Open("public sealed class " + name);
        ServerModel? server = client.Servers.Count > 0 ? client.Servers[0] : null;
        w.Summary(
            "The base address requests go to; a spec path is appended to it.",
            server is null
                ? "When null, the HttpClient's BaseAddress is used."
                : "When null, the HttpClient's BaseAddress is used, and when that is null too, the spec's first server: " + server.Url + ".");
        w.Line("public global::System.Uri? BaseAddress { get; set; }");
        if (client.HasOperationServers)
        {
            w.Line();
            w.Summary(
                "Sends the operations whose path or operation declares servers of its own to those servers (default true): an absolute URL on another host as it is, whatever the base address; a URL under the spec's first server, or a relative one, resolved against the base address.",
                "Set it to false to send every operation to the base address (a proxy or a test server).");
            w.Line("public bool UseOperationServers { get; set; } = true;");
        }

        if (server is not null)
        {
            foreach (ServerVariableModel variable in server.Variables)
            {
                w.Line();
                var paragraphs = new List<string> { "The server variable {" + variable.Name + "} of " + server.Url + "." };
                if (!variable.Enum.IsEmpty)
                {
                    paragraphs.Add("Allowed values: " + string.Join(", ", variable.Enum) + ".");
                }

                w.Summary(variable.Description, paragraphs.ToArray());
                w.Line("public string " + variable.PropertyName + " { get; set; } = " + Literals.String(variable.Default) + ";");
            }
        }

        foreach (SecuritySchemeModel scheme in client.Security)
        {
            w.Line();
            w.Summary(
                scheme.Description,
                "The credential of the security scheme '" + scheme.Name + "', " + SchemeText(scheme) + ". It is never written to exceptions or logs.",
                "When " + scheme.PropertyName + "Provider is set, it is used instead.");
            w.Line("public string? " + scheme.PropertyName + " { get; set; }");
            w.Line();
            w.Summary("Supplies the credential of the security scheme '" + scheme.Name + "' for each request (so a token can be refreshed); null leaves the credential out.");
            w.Line("public global::System.Func<" + CancellationToken + ", " + ValueTask + "<string?>>? " + scheme.PropertyName + "Provider { get; set; }");
        }

        foreach (HeaderDefaultModel header in client.HeaderDefaults)
        {
            w.Line();
            w.Summary(header.Description, "The value of the " + header.WireName + " header when a call does not give one; null sends no header.");
            w.Line("public string? " + header.PropertyName + " { get; set; }");
        }

        w.Line();
        w.Summary("Validates request bodies and parameters against the spec before sending (default true); a failure throws ValidationException and sends nothing.");
        w.Line("public bool ValidateRequests { get; set; } = true;");
        w.Line();
        w.Summary("The most characters of an error response body kept in ApiException.ResponseBody (default 8192).");
        w.Line("public int MaxErrorBodyLength { get; set; } = 8192;");
        w.Close();
    }

    private static string SchemeText(SecuritySchemeModel scheme) => scheme.Kind switch
    {
        SecurityKind.ApiKeyHeader => "sent in the " + scheme.WireName + " header",
        SecurityKind.ApiKeyQuery => "sent as the query parameter " + scheme.WireName,
        SecurityKind.Basic => "user:password, sent as HTTP Basic authorization",
        _ => "sent as an HTTP Bearer token",
    };

    private static void EmitInterface(SourceWriter w, SpecContext context, ClientInfo client)
    {
        w.Summary("The operations of " + context.Title + ", for mocking and decoration; implemented by " + client.Name + ".");
        w.Line(TypeSyntax.GeneratedCode);
        w.Open("public partial interface I" + client.Name);
        w.Close();
    }

    private static void EmitClient(SourceWriter w, SpecContext context, ClientInfo client, ClientTypes types)
    {
        string options = types.Generated(client.Name + "Options");
        string apiException = TypeSyntax.Sdk + "ApiException";
        w.Summary(
            client.Description ?? context.Title,
            "A typed client of " + context.Title + " over HttpClient. Requests are validated before they are sent, bodies are read and written with the generated, reflection-free JSON code, and any status the spec does not document as success throws ApiException.",
            "To sign, log or measure requests, derive from this class and override PrepareRequestAsync and InspectResponseAsync, or implement the partial methods OnPrepareRequest and OnInspectResponse in the same project.");
        w.Line(TypeSyntax.GeneratedCode);
        w.Open("public partial class " + client.Name + " : I" + client.Name);
        w.Line("private readonly " + HttpClient + " _httpClient;");
        w.Line("private readonly " + options + " _options;");
        w.Line();
        w.Summary("Creates a client with default options (credentials unset).");
        w.Line("public " + client.Name + "(" + HttpClient + " httpClient)");
        w.Line("    : this(httpClient, new " + options + "())");
        w.Open();
        w.Close();
        w.Line();
        w.Summary("Creates a client that sends requests with httpClient (which it does not dispose), configured by options.");
        w.Open("public " + client.Name + "(" + HttpClient + " httpClient, " + options + " options)");
        w.Line("_httpClient = httpClient ?? throw new global::System.ArgumentNullException(nameof(httpClient));");
        w.Line("_options = options ?? throw new global::System.ArgumentNullException(nameof(options));");
        w.Close();
        w.Line();
        w.Summary("The options this client was created with.");
        w.Line("public " + options + " Options => _options;");
        w.Line();
        w.Summary("The HttpClient requests are sent with.");
        w.Line("protected " + HttpClient + " HttpClient => _httpClient;");

        // Extension points.
        w.Line();
        w.Summary("Called for each request after it is complete (URL, headers, credentials, body) and before it is sent: the place to add a signature, a header or a log entry. The default calls OnPrepareRequest.");
        w.Open("protected virtual " + ValueTask + " PrepareRequestAsync(" + Request + " request, string operationId, " + CancellationToken + " cancellationToken)");
        w.Line("OnPrepareRequest(request, operationId);");
        w.Line("return default;");
        w.Close();
        w.Line();
        w.Summary("Called for each response before it is read: the place to record metrics or inspect headers. The default calls OnInspectResponse.");
        w.Open("protected virtual " + ValueTask + " InspectResponseAsync(" + Response + " response, string operationId, " + CancellationToken + " cancellationToken)");
        w.Line("OnInspectResponse(response, operationId);");
        w.Line("return default;");
        w.Close();
        w.Line();
        w.Line("partial void OnPrepareRequest(" + Request + " request, string operationId);");
        w.Line();
        w.Line("partial void OnInspectResponse(" + Response + " response, string operationId);");

        // Sending.
        w.Line();
        w.Open("internal async global::System.Threading.Tasks.Task<" + Response + "> __SendAsync(" + Request + " request, string operationId, " + CancellationToken + " cancellationToken)");
        w.Line("await PrepareRequestAsync(request, operationId, cancellationToken).ConfigureAwait(false);");
        w.Line(Response + " response = await _httpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);");
        w.Open("try");
        w.Line("await InspectResponseAsync(response, operationId, cancellationToken).ConfigureAwait(false);");
        w.Close();
        w.Open("catch");
        w.Line("response.Dispose();");
        w.Line("throw;");
        w.Close();
        w.Line();
        w.Line("return response;");
        w.Close();

        EmitBaseUrl(w, client);

        foreach (SecuritySchemeModel scheme in client.Security)
        {
            w.Line();
            w.Line("internal async " + ValueTask + "<string?> __Credential" + scheme.PropertyName + "Async(" + CancellationToken + " cancellationToken) =>");
            w.Line("    _options." + scheme.PropertyName + "Provider is { } provider ? await provider(cancellationToken).ConfigureAwait(false) : _options." + scheme.PropertyName + ";");
        }

        EmitHelpers(w, client, apiException);
        if (client.UsesMultipart)
        {
            string fileContent = ClientTypes.FileContentName(client.Name);
            EmitMultipartHelpers(w, types.Generated(client.Name + "." + fileContent));
            w.Line();
            EmitFileContent(w, fileContent);
        }

        w.Close();
    }

    /// <summary>
    /// The parts of a multipart/form-data body. Names and file names come from the spec and the caller, so the
    /// Content-Disposition is built here: quotes and control characters are percent-encoded (as browsers do),
    /// and the file name is also sent as filename* (RFC 6266), exactly.
    /// </summary>
    private static void EmitMultipartHelpers(SourceWriter w, string fileContent)
    {
        const string Json = "global::System.Text.Json";
        w.Line();
        w.Summary("Adds one part per member of the JSON object the generated code wrote (one per item of an array): strings, numbers and booleans as text/plain, objects as application/json, unless contentTypes (pairs of part name and content type) says otherwise. Null members are not sent.");
        w.Open("internal static void __MultipartFields(global::System.Net.Http.MultipartFormDataContent form, byte[] json, string[]? contentTypes)");
        w.Open("using (var document = " + Json + ".JsonDocument.Parse(json))");
        w.Open("if (document.RootElement.ValueKind != " + Json + ".JsonValueKind.Object)");
        w.Line("return;");
        w.Close();
        w.Line();
        w.Open("foreach (var property in document.RootElement.EnumerateObject())");
        w.Line("string? contentType = null;");
        w.Open("for (int i = 0; contentTypes is not null && i + 1 < contentTypes.Length; i += 2)");
        w.Open("if (string.Equals(contentTypes[i], property.Name, global::System.StringComparison.Ordinal))");
        w.Line("contentType = contentTypes[i + 1];");
        w.Line("break;");
        w.Close();
        w.Close();
        w.Line();
        w.Open("if (property.Value.ValueKind == " + Json + ".JsonValueKind.Array)");
        w.Open("foreach (var item in property.Value.EnumerateArray())");
        w.Line("__MultipartField(form, property.Name, item, contentType);");
        w.Close();
        w.Close();
        w.Open("else");
        w.Line("__MultipartField(form, property.Name, property.Value, contentType);");
        w.Close();
        w.Close();
        w.Close();
        w.Close();

        w.Line();
        w.Open("private static void __MultipartField(global::System.Net.Http.MultipartFormDataContent form, string name, " + Json + ".JsonElement value, string? contentType)");
        w.Open("if (value.ValueKind == " + Json + ".JsonValueKind.Null || value.ValueKind == " + Json + ".JsonValueKind.Undefined)");
        w.Line("return;");
        w.Close();
        w.Line();
        w.Line("bool structured = value.ValueKind == " + Json + ".JsonValueKind.Object || value.ValueKind == " + Json + ".JsonValueKind.Array;");
        w.Line("string type = contentType ?? (structured ? \"application/json; charset=utf-8\" : \"text/plain; charset=utf-8\");");
        w.Line("string bare = type.Split(';')[0].Trim();");
        w.Line("bool json = bare.Equals(\"application/json\", global::System.StringComparison.OrdinalIgnoreCase) || bare.EndsWith(\"+json\", global::System.StringComparison.OrdinalIgnoreCase);");
        w.Line("string text = value.ValueKind == " + Json + ".JsonValueKind.String && !json ? value.GetString()! : value.GetRawText();");
        w.Line("var part = new global::System.Net.Http.ByteArrayContent(global::System.Text.Encoding.UTF8.GetBytes(text));");
        w.Line("part.Headers.TryAddWithoutValidation(\"Content-Type\", type);");
        w.Line("__AddPart(form, part, name, null);");
        w.Close();

        w.Line();
        w.Summary("Adds a file part: the caller's content, file name and content type (else the spec's default for the part).");
        w.Open("internal static void __MultipartFile(global::System.Net.Http.MultipartFormDataContent form, string name, " + fileContent + " file, string defaultContentType)");
        w.Open("if (file is null)");
        w.Line("throw new global::System.ArgumentException(\"A file to send is null.\", nameof(file));");
        w.Close();
        w.Line();
        w.Line("global::System.Net.Http.HttpContent part = file.__CreateContent();");
        w.Line("part.Headers.TryAddWithoutValidation(\"Content-Type\", file.ContentType ?? defaultContentType);");
        w.Line("__AddPart(form, part, name, file.FileName);");
        w.Close();

        w.Line();
        w.Open("private static void __AddPart(global::System.Net.Http.MultipartFormDataContent form, global::System.Net.Http.HttpContent part, string name, string? fileName)");
        w.Line("var disposition = new global::System.Net.Http.Headers.ContentDispositionHeaderValue(\"form-data\") { Name = \"\\\"\" + __DispositionText(name) + \"\\\"\" };");
        w.Open("if (fileName is not null)");
        w.Line("disposition.FileName = \"\\\"\" + __DispositionText(fileName) + \"\\\"\";");
        w.Line("disposition.FileNameStar = fileName;");
        w.Close();
        w.Line();
        w.Line("part.Headers.ContentDisposition = disposition;");
        w.Line("form.Add(part);");
        w.Close();

        w.Line();
        w.Summary("A name or file name inside a quoted Content-Disposition parameter: quotes and control characters percent-encoded, so it cannot end the parameter or the header.");
        w.Open("private static string __DispositionText(string value)");
        w.Line("var text = new global::System.Text.StringBuilder(value.Length);");
        w.Open("foreach (char c in value)");
        w.Open("if (c == '\"' || c < ' ' || c == '\\u007f')");
        w.Line("text.Append('%').Append(((int)c).ToString(\"X2\", global::System.Globalization.CultureInfo.InvariantCulture));");
        w.Close();
        w.Open("else");
        w.Line("text.Append(c);");
        w.Close();
        w.Close();
        w.Line();
        w.Line("return text.ToString();");
        w.Close();
    }

    /// <summary>The file type of multipart bodies, nested in the client so two clients in one namespace do not clash.</summary>
    private static void EmitFileContent(SourceWriter w, string name)
    {
        const string Stream = "global::System.IO.Stream";
        w.Summary("A file sent as one part of a multipart/form-data request: its content (bytes, or a stream read when the request is sent), its file name and its media type.");
        w.Line(TypeSyntax.GeneratedCode);
        w.Open("public sealed class " + name);
        w.Line("private readonly " + Stream + "? _stream;");
        w.Line("private readonly byte[]? _bytes;");
        w.Line();
        w.Summary("A file whose content is read from content, from its current position, when the request is sent. The stream is not disposed (the caller owns it); one that cannot seek can be sent only once.");
        w.Open("public " + name + "(" + Stream + " content, string fileName, string? contentType = null)");
        w.Line("_stream = content ?? throw new global::System.ArgumentNullException(nameof(content));");
        w.Line("FileName = fileName ?? throw new global::System.ArgumentNullException(nameof(fileName));");
        w.Line("ContentType = __CheckContentType(contentType);");
        w.Close();
        w.Line();
        w.Summary("A file whose content is these bytes.");
        w.Open("public " + name + "(byte[] content, string fileName, string? contentType = null)");
        w.Line("_bytes = content ?? throw new global::System.ArgumentNullException(nameof(content));");
        w.Line("FileName = fileName ?? throw new global::System.ArgumentNullException(nameof(fileName));");
        w.Line("ContentType = __CheckContentType(contentType);");
        w.Close();
        w.Line();
        w.Summary("The file name sent in the part's Content-Disposition: as filename (quotes and control characters percent-encoded) and, exactly, as filename* (RFC 6266).");
        w.Line("public string FileName { get; }");
        w.Line();
        w.Summary("The media type sent as the part's Content-Type (image/png); when null, the spec's default for the part (application/octet-stream unless its encoding or contentMediaType says otherwise).");
        w.Line("public string? ContentType { get; }");
        w.Line();
        w.Summary("The file name.");
        w.Line("public override string ToString() => FileName;");
        w.Line();
        w.Open("internal global::System.Net.Http.HttpContent __CreateContent()");
        w.Line("return _bytes is not null ? new global::System.Net.Http.ByteArrayContent(_bytes) : new __StreamContent(_stream!);");
        w.Close();
        w.Line();
        w.Open("private static string? __CheckContentType(string? contentType)");
        w.Open("if (contentType is not null && !global::System.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out _))");
        w.Line("throw new global::System.ArgumentException(\"The content type is not a valid media type.\", nameof(contentType));");
        w.Close();
        w.Line();
        w.Line("return contentType;");
        w.Close();
        w.Line();
        w.Summary("The caller's stream as content, copied when the request is sent and never disposed.");
        w.Open("private sealed class __StreamContent : global::System.Net.Http.HttpContent");
        w.Line("private readonly " + Stream + " _content;");
        w.Line();
        w.Open("internal __StreamContent(" + Stream + " content)");
        w.Line("_content = content;");
        w.Close();
        w.Line();
        w.Open("protected override global::System.Threading.Tasks.Task SerializeToStreamAsync(" + Stream + " stream, global::System.Net.TransportContext? context)");
        w.Line("return _content.CopyToAsync(stream);");
        w.Close();
        w.Line();
        w.Open("protected override bool TryComputeLength(out long length)");
        w.Open("if (_content.CanSeek)");
        w.Line("length = _content.Length - _content.Position;");
        w.Line("return true;");
        w.Close();
        w.Line();
        w.Line("length = 0;");
        w.Line("return false;");
        w.Close();
        w.Close();
        w.Close();
    }

    private static void EmitBaseUrl(SourceWriter w, ClientInfo client)
    {
        w.Line();
        w.Summary("The base address without a trailing slash: the options', else the HttpClient's, else the spec's first server.");
        w.Open("internal string __BaseUrl()");
        w.Line("global::System.Uri? configured = _options.BaseAddress ?? _httpClient.BaseAddress;");
        w.Open("if (configured is not null)");
        w.Line("return configured.AbsoluteUri.TrimEnd('/');");
        w.Close();
        w.Line();
        if (client.Servers.Count == 0)
        {
            w.Line("throw new global::System.InvalidOperationException(\"The spec names no server: set BaseAddress in the options or on the HttpClient.\");");
            w.Close();
            return;
        }

        ServerModel server = client.Servers[0];
        var parts = new List<string>();
        string url = server.Url;
        int position = 0;
        while (position < url.Length)
        {
            int open = url.IndexOf('{', position);
            int close = open < 0 ? -1 : url.IndexOf('}', open);
            if (open < 0 || close < 0)
            {
                parts.Add(Literals.String(url.Substring(position)));
                break;
            }

            if (open > position)
            {
                parts.Add(Literals.String(url.Substring(position, open - position)));
            }

            string name = url.Substring(open + 1, close - open - 1);
            ServerVariableModel? variable = server.Variables.FirstOrDefault(v => v.Name == name);
            parts.Add(variable is null ? Literals.String(url.Substring(open, close - open + 1)) : "_options." + variable.PropertyName);
            position = close + 1;
        }

        w.Line("string url = " + (parts.Count == 0 ? "string.Empty" : string.Join(" + ", parts)) + ";");
        w.Open("if (global::System.Uri.TryCreate(url, global::System.UriKind.Absolute, out global::System.Uri? absolute) && (absolute.Scheme == \"http\" || absolute.Scheme == \"https\"))");
        w.Line("return absolute.AbsoluteUri.TrimEnd('/');");
        w.Close();
        w.Line();
        w.Line("throw new global::System.InvalidOperationException(\"The spec's server URL is not absolute: set BaseAddress in the options or on the HttpClient.\");");
        w.Close();
    }

    private static void EmitHelpers(SourceWriter w, ClientInfo client, string apiException)
    {
        if (client.HasOperationServers)
        {
            w.Line();
            w.Summary("The base address of an operation whose servers give a path relative to the client's (v4, /v2): resolved against the base address, without a trailing slash; the base address itself when Options.UseOperationServers is off.");
            w.Open("internal string __OperationServerUrl(string relative)");
            w.Line("string baseUrl = __BaseUrl();");
            w.Open("if (!_options.UseOperationServers)");
            w.Line("return baseUrl;");
            w.Close();
            w.Line();
            w.Line("return new global::System.Uri(new global::System.Uri(baseUrl + \"/\", global::System.UriKind.Absolute), relative).AbsoluteUri.TrimEnd('/');");
            w.Close();
        }

        w.Line();
        w.Summary("A path segment: percent-encoded, so a value can never add segments, a query or a fragment. '.' and '..' are refused: System.Uri would resolve them, even encoded, and change the path.");
        w.Open("internal static string __PathSegment(string value)");
        w.Open("if (value == \".\" || value == \"..\")");
        w.Line("throw new global::System.ArgumentException(\"A path parameter cannot be '.' or '..'.\", nameof(value));");
        w.Close();
        w.Line();
        w.Line("return global::System.Uri.EscapeDataString(value);");
        w.Close();

        w.Line();
        w.Open("internal static void __Query(global::System.Text.StringBuilder query, string name, string value)");
        w.Line("query.Append(query.Length == 0 ? '?' : '&').Append(global::System.Uri.EscapeDataString(name)).Append('=').Append(global::System.Uri.EscapeDataString(value));");
        w.Close();

        w.Line();
        w.Summary("A query object in deepObject style: name[member]=value, nested objects and arrays as name[a][b] and name[a][0].");
        w.Open("internal static void __QueryDeepObject(global::System.Text.StringBuilder query, string name, byte[] json)");
        w.Open("using (var document = global::System.Text.Json.JsonDocument.Parse(json))");
        w.Line("__QueryDeep(query, name, document.RootElement);");
        w.Close();
        w.Close();

        w.Line();
        w.Open("private static void __QueryDeep(global::System.Text.StringBuilder query, string name, global::System.Text.Json.JsonElement value)");
        w.Open("if (value.ValueKind == global::System.Text.Json.JsonValueKind.Object)");
        w.Open("foreach (var property in value.EnumerateObject())");
        w.Line("__QueryDeep(query, name + \"[\" + property.Name + \"]\", property.Value);");
        w.Close();
        w.Close();
        w.Open("else if (value.ValueKind == global::System.Text.Json.JsonValueKind.Array)");
        w.Line("int index = 0;");
        w.Open("foreach (var item in value.EnumerateArray())");
        w.Line("__QueryDeep(query, name + \"[\" + index.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \"]\", item);");
        w.Line("index++;");
        w.Close();
        w.Close();
        w.Open("else if (value.ValueKind == global::System.Text.Json.JsonValueKind.String)");
        w.Line("__Query(query, name, value.GetString()!);");
        w.Close();
        w.Open("else if (value.ValueKind != global::System.Text.Json.JsonValueKind.Null && value.ValueKind != global::System.Text.Json.JsonValueKind.Undefined)");
        w.Line("__Query(query, name, value.GetRawText());");
        w.Close();
        w.Close();

        w.Line();
        w.Summary("A query object in form style: exploded, each member is its own parameter; otherwise name=member,value,member,value. Nested values are JSON text.");
        w.Open("internal static void __QueryFormObject(global::System.Text.StringBuilder query, string name, byte[] json, bool explode)");
        w.Line("var pairs = new global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, string>>();");
        w.Line("bool isArray;");
        w.Open("using (var document = global::System.Text.Json.JsonDocument.Parse(json))");
        w.Line("global::System.Text.Json.JsonElement root = document.RootElement;");
        w.Line("isArray = root.ValueKind == global::System.Text.Json.JsonValueKind.Array;");
        w.Open("if (root.ValueKind == global::System.Text.Json.JsonValueKind.Object)");
        w.Open("foreach (var property in root.EnumerateObject())");
        w.Open("if (property.Value.ValueKind != global::System.Text.Json.JsonValueKind.Null)");
        w.Line("pairs.Add(new global::System.Collections.Generic.KeyValuePair<string, string>(property.Name, __Text(property.Value)));");
        w.Close();
        w.Close();
        w.Close();
        w.Open("else if (root.ValueKind == global::System.Text.Json.JsonValueKind.Array)");
        w.Open("foreach (var item in root.EnumerateArray())");
        w.Line("pairs.Add(new global::System.Collections.Generic.KeyValuePair<string, string>(name, __Text(item)));");
        w.Close();
        w.Close();
        w.Open("else if (root.ValueKind != global::System.Text.Json.JsonValueKind.Null)");
        w.Line("__Query(query, name, __Text(root));");
        w.Line("return;");
        w.Close();
        w.Close();
        w.Line();
        w.Open("if (explode)");
        w.Open("foreach (var pair in pairs)");
        w.Line("__Query(query, pair.Key, pair.Value);");
        w.Close();
        w.Close();
        w.Open("else if (pairs.Count > 0)");
        w.Line("var joined = new global::System.Collections.Generic.List<string>();");
        w.Open("foreach (var pair in pairs)");
        w.Open("if (!isArray)");
        w.Line("joined.Add(pair.Key);");
        w.Close();
        w.Line();
        w.Line("joined.Add(pair.Value);");
        w.Close();
        w.Line();
        w.Line("__Query(query, name, string.Join(\",\", joined));");
        w.Close();
        w.Close();

        w.Line();
        w.Open("private static string __Text(global::System.Text.Json.JsonElement value)");
        w.Line("return value.ValueKind == global::System.Text.Json.JsonValueKind.String ? value.GetString()! : value.GetRawText();");
        w.Close();

        w.Line();
        w.Open("internal static bool __HasLineBreak(string value)");
        w.Line("return value.IndexOf('\\r') >= 0 || value.IndexOf('\\n') >= 0;");
        w.Close();

        w.Line();
        w.Open("internal static global::System.Net.Http.ByteArrayContent __JsonContent(byte[] json, string mediaType)");
        w.Line("var content = new global::System.Net.Http.ByteArrayContent(json);");
        w.Line("content.Headers.ContentType = new global::System.Net.Http.Headers.MediaTypeHeaderValue(mediaType) { CharSet = \"utf-8\" };");
        w.Line("return content;");
        w.Close();

        w.Line();
        w.Summary("A form body: the members of the JSON object the generated code wrote, arrays as repeated fields, nested objects as JSON text.");
        w.Open("internal static global::System.Net.Http.FormUrlEncodedContent __FormContent(byte[] json)");
        w.Line("var fields = new global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string?, string?>>();");
        w.Open("using (var document = global::System.Text.Json.JsonDocument.Parse(json))");
        w.Open("foreach (var property in document.RootElement.EnumerateObject())");
        w.Open("if (property.Value.ValueKind == global::System.Text.Json.JsonValueKind.Array)");
        w.Open("foreach (var item in property.Value.EnumerateArray())");
        w.Line("__FormField(fields, property.Name, item);");
        w.Close();
        w.Close();
        w.Open("else");
        w.Line("__FormField(fields, property.Name, property.Value);");
        w.Close();
        w.Close();
        w.Close();
        w.Line();
        w.Line("return new global::System.Net.Http.FormUrlEncodedContent(fields);");
        w.Close();

        w.Line();
        w.Open("private static void __FormField(global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string?, string?>> fields, string name, global::System.Text.Json.JsonElement value)");
        w.Open("if (value.ValueKind == global::System.Text.Json.JsonValueKind.Null || value.ValueKind == global::System.Text.Json.JsonValueKind.Undefined)");
        w.Line("return;");
        w.Close();
        w.Line();
        w.Line("fields.Add(new global::System.Collections.Generic.KeyValuePair<string?, string?>(name, value.ValueKind == global::System.Text.Json.JsonValueKind.String ? value.GetString() : value.GetRawText()));");
        w.Close();

        w.Line();
        w.Open("internal static global::System.Net.Http.ByteArrayContent __BinaryContent(byte[] body, string mediaType)");
        w.Line("var content = new global::System.Net.Http.ByteArrayContent(body);");
        w.Line("content.Headers.TryAddWithoutValidation(\"Content-Type\", mediaType);");
        w.Line("return content;");
        w.Close();

        w.Line();
        w.Summary("The whole response body; empty when there is none.");
        w.Open("internal static async global::System.Threading.Tasks.Task<byte[]> __ReadBodyAsync(" + Response + " response)");
        w.Open("if (response.Content is null)");
        w.Line("return global::System.Array.Empty<byte>();");
        w.Close();
        w.Line();
        w.Line("return await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);");
        w.Close();

        w.Line();
        w.Open("internal string? __RequestId(" + Response + " response)");
        w.Line("return response.Headers.TryGetValues(" + Literals.String(client.RequestIdHeader) + ", out var values) ? string.Join(\",\", values) : null;");
        w.Close();

        w.Line();
        w.Open("internal string __BodyText(byte[] body, out bool truncated)");
        w.Line("int limit = global::System.Math.Max(0, _options.MaxErrorBodyLength);");
        w.Line("int bytes = (int)global::System.Math.Min(body.Length, (long)limit * 4);");
        w.Line("string text = global::System.Text.Encoding.UTF8.GetString(body, 0, bytes);");
        w.Line("truncated = bytes < body.Length || text.Length > limit;");
        w.Line("return text.Length > limit ? text.Substring(0, limit) : text;");
        w.Close();

        w.Line();
        w.Open("internal static string __Describe(" + Response + " response, byte[] body, bool declared)");
        w.Open("if (body.Length == 0)");
        w.Line("return \"the response body is empty\";");
        w.Close();
        w.Line();
        w.Line("string mediaType = response.Content?.Headers.ContentType?.MediaType ?? \"no content type\";");
        w.Line("string size = body.Length.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \" bytes, \" + mediaType;");
        w.Line("return declared ? \"the response body is not the declared JSON (\" + size + \")\" : \"the spec declares no body for this status (\" + size + \")\";");
        w.Close();

        w.Line();
        w.Summary("An ApiException without a parsed error body.");
        w.Open("internal " + apiException + " __ApiError(string operationId, " + Response + " response, byte[] body, string? detail)");
        w.Line("string text = __BodyText(body, out bool truncated);");
        w.Line("return new " + apiException + "(operationId, (int)response.StatusCode, response.ReasonPhrase, __RequestId(response), null, null, text, truncated, detail);");
        w.Close();

        w.Line();
        w.Summary("An ApiException carrying the parsed error body.");
        w.Line("internal " + apiException + "<TError> __ApiError<TError>(string operationId, " + Response + " response, byte[] body, TError error, string? errorCode, string? errorMessage)");
        w.Open("    where TError : class");
        w.Line("string text = __BodyText(body, out bool truncated);");
        w.Line("return new " + apiException + "<TError>(operationId, (int)response.StatusCode, response.ReasonPhrase, __RequestId(response), errorCode, errorMessage, text, truncated, error);");
        w.Close();
    }

    private static void EmitServiceCollectionExtensions(SourceWriter w, ClientInfo client)
    {
        string options = client.Name + "Options";
        w.Summary("Registers I" + client.Name + " as a typed HttpClient (IHttpClientFactory), so handlers such as retries can be added to the returned builder.");
        w.Line(TypeSyntax.GeneratedCode);
        w.Open("public static class " + client.Name + "ServiceCollectionExtensions");
        w.Summary("Adds I" + client.Name + " and " + client.Name + ", configured by configure.");
        w.Open("public static global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder Add" + client.Name + "(this global::Microsoft.Extensions.DependencyInjection.IServiceCollection services, global::System.Action<" + options + ">? configure = null)");
        w.Line("var options = new " + options + "();");
        w.Line("configure?.Invoke(options);");
        w.Line("return global::Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions.AddHttpClient<I" + client.Name + ", " + client.Name + ">(services, (httpClient, _) => new " + client.Name + "(httpClient, options));");
        w.Close();
        w.Close();
    }
}
