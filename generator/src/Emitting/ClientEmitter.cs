using System.Collections.Generic;
using System.Linq;
using OpenApiSdk.Generator.Model;

namespace OpenApiSdk.Generator.Emitting;

/// <summary>
/// Emits the part of a client every operation shares: the options class (over the runtime's
/// <c>ApiClientOptions</c>), the interface, the client's constructor, base address, credential schemes, extension
/// points (virtual methods and partial hooks) and its runtime <c>ClientPipeline</c>, plus the
/// <c>IServiceCollection</c> registration and the ILogger bridge where the project can use them.
/// The operations themselves come from <see cref="ClientOperationEmitter"/>, one file per group.
/// </summary>
internal static class ClientEmitter
{
    private const string HttpClient = "global::System.Net.Http.HttpClient";
    private const string Request = "global::System.Net.Http.HttpRequestMessage";
    private const string Response = "global::System.Net.Http.HttpResponseMessage";
    private const string CancellationToken = "global::System.Threading.CancellationToken";
    private const string ValueTask = "global::System.Threading.Tasks.ValueTask";

    private const string Logger = "global::Microsoft.Extensions.Logging.ILogger";

    public static string Emit(SpecContext context, ClientInfo client, ClientTarget target)
    {
        var types = new ClientTypes(context.Namespace);
        var w = new SourceWriter();
        w.Line("namespace " + context.Namespace);
        w.Open();
        EmitOptions(w, client, target.HasLogging);
        w.Line();
        EmitInterface(w, context, client);
        w.Line();
        EmitClient(w, context, client, types, target.HasLogging);
        if (target.HasHttpClientFactory)
        {
            w.Line();
            EmitServiceCollectionExtensions(w, context, client, target.HasLogging);
        }

        w.Close();
        return SourceWriter.Header + w.ToString();
    }

    private static void EmitOptions(SourceWriter w, ClientInfo client, bool hasLogging)
    {
        string name = client.Name + "Options";
        w.Summary("Settings of " + client.Name + ": where it sends requests, the credentials it sends, and header defaults; retries, timeout, signing and validation come from ApiClientOptions.");
        w.Line(TypeSyntax.GeneratedCode);
        w.Open("public sealed class " + name + " : " + TypeSyntax.Sdk + "ApiClientOptions");
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
            var paragraphs = new List<string>
            {
                "The credential of the security scheme '" + scheme.Name + "', " + SchemeText(scheme) + ". It is never written to exceptions, traces or logs.",
                "When " + scheme.PropertyName + "Provider is set, it is used instead; when Signer is set, neither is sent.",
            };
            paragraphs.AddRange(scheme.Remarks);
            w.Summary(scheme.Description, paragraphs.ToArray());
            w.Line("public string? " + scheme.PropertyName + " { get; set; }");
            w.Line();
            w.Summary("Supplies the credential of the security scheme '" + scheme.Name + "' for each request (so a token can be refreshed); null leaves the credential out.");
            w.Line("public global::System.Func<" + CancellationToken + ", " + ValueTask + "<string?>>? " + scheme.PropertyName + "Provider { get; set; }");
        }

        foreach (ClientParameterModel parameter in client.ClientParameters)
        {
            string where = parameter.In switch
            {
                ParameterLocation.Path => "path parameter ",
                ParameterLocation.Query => "query parameter ",
                _ => "header ",
            };
            w.Line();
            w.Summary(parameter.Description, "The " + where + parameter.WireName + " of every operation that has it (x-ms-parameter-location: client), unless a call gives its own; null sends none, and an operation that requires it throws.");
            w.Line("public string? " + parameter.PropertyName + " { get; set; }");
        }

        foreach (HeaderDefaultModel header in client.HeaderDefaults)
        {
            w.Line();
            w.Summary(header.Description, "The value of the " + header.WireName + " header when a call does not give one; null sends no header.");
            w.Line("public string? " + header.PropertyName + " { get; set; }");
        }

        if (hasLogging)
        {
            w.Line();
            w.Summary("Where attempts (Debug), retries (Warning) and failures (Error) of calls are logged; null: the logger given to the constructor, if any. No header, body, query or credential is ever logged.");
            w.Line("public " + Logger + "? Logger { get; set; }");
        }

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

    private static void EmitClient(SourceWriter w, SpecContext context, ClientInfo client, ClientTypes types, bool hasLogging)
    {
        string options = types.Generated(client.Name + "Options");
        string fullName = context.Namespace.Length == 0 ? client.Name : context.Namespace + "." + client.Name;
        w.Summary(
            client.Description ?? context.Title,
            "A typed client of " + context.Title + " over HttpClient. Requests are validated before they are sent, bodies are read and written with the generated, reflection-free JSON code, failures the server says it did not act on are retried (Options.Retry), and any status the spec does not document as success throws ApiException.",
            "Each call is an Activity of the ActivitySource " + fullName + "." + (hasLogging ? " Attempts, retries and failures are logged to Options.Logger." : string.Empty),
            "To sign, log or measure requests, set Options.Signer, derive from this class and override PrepareRequestAsync and InspectResponseAsync, or implement the partial methods OnPrepareRequest and OnInspectResponse in the same project.");
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
        if (hasLogging)
        {
            w.Line("public " + client.Name + "(" + HttpClient + " httpClient, " + options + " options)");
            w.Line("    : this(httpClient, options, null)");
            w.Open();
            w.Close();
            w.Line();
            w.Summary("Creates a client that sends requests with httpClient (which it does not dispose), configured by options, logging to logger when Options.Logger is null.");
            w.Open("public " + client.Name + "(" + HttpClient + " httpClient, " + options + " options, " + Logger + "? logger)");
        }
        else
        {
            w.Open("public " + client.Name + "(" + HttpClient + " httpClient, " + options + " options)");
        }

        w.Line("_httpClient = httpClient ?? throw new global::System.ArgumentNullException(nameof(httpClient));");
        w.Line("_options = options ?? throw new global::System.ArgumentNullException(nameof(options));");
        w.Line("__Pipeline = new " + TypeSyntax.Runtime + "ClientPipeline(httpClient, options, " + Literals.String(fullName) + ", " + Literals.String(client.RequestIdHeader)
            + ", PrepareRequestAsync, InspectResponseAsync, " + (hasLogging ? "new __Log(options, logger)" : "null") + ");");
        foreach (SecuritySchemeModel scheme in client.Security)
        {
            string kind = scheme.Kind switch
            {
                SecurityKind.ApiKeyHeader => "Header",
                SecurityKind.ApiKeyQuery => "Query",
                SecurityKind.Basic => "Basic",
                _ => "Bearer",
            };
            w.Line("__Credential" + scheme.PropertyName + " = new " + TypeSyntax.Runtime + "CredentialScheme(" + TypeSyntax.Runtime + "CredentialKind." + kind + ", " + Literals.String(scheme.WireName)
                + ", cancellationToken => _options." + scheme.PropertyName + "Provider is { } provider ? provider(cancellationToken) : new " + ValueTask + "<string?>(_options." + scheme.PropertyName + "));");
        }

        w.Close();
        w.Line();
        w.Summary("The options this client was created with.");
        w.Line("public " + options + " Options => _options;");
        w.Line();
        w.Summary("The HttpClient requests are sent with.");
        w.Line("protected " + HttpClient + " HttpClient => _httpClient;");
        w.Line();
        w.Line("internal " + TypeSyntax.Runtime + "ClientPipeline __Pipeline { get; }");
        foreach (SecuritySchemeModel scheme in client.Security)
        {
            w.Line();
            w.Line("internal " + TypeSyntax.Runtime + "CredentialScheme __Credential" + scheme.PropertyName + " { get; }");
        }

        // Extension points.
        w.Line();
        w.Summary("Called for each attempt of a request after it is complete (URL, headers, credentials, body) and before Options.Signer signs it and it is sent: the place to add a header or a signature of another scheme. The default calls OnPrepareRequest.");
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

        EmitBaseUrl(w, client);
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

        if (hasLogging)
        {
            w.Line();
            EmitLogBridge(w, options);
        }

        w.Close();
    }

    /// <summary>The runtime logs through IClientLog (it does not depend on Microsoft.Extensions.Logging); this is the bridge to ILogger.</summary>
    private static void EmitLogBridge(SourceWriter w, string options)
    {
        const string Level = "global::Microsoft.Extensions.Logging.LogLevel";
        w.Open("private sealed class __Log : " + TypeSyntax.Runtime + "IClientLog");
        w.Line("private readonly " + options + " _options;");
        w.Line("private readonly " + Logger + "? _logger;");
        w.Line();
        w.Open("internal __Log(" + options + " options, " + Logger + "? logger)");
        w.Line("_options = options;");
        w.Line("_logger = logger;");
        w.Close();
        w.Line();
        w.Line("public bool IsEnabled(" + TypeSyntax.Runtime + "ClientLogLevel level) => (_options.Logger ?? _logger)?.IsEnabled((" + Level + ")(int)level) == true;");
        w.Line();
        w.Line("public void Write(" + TypeSyntax.Runtime + "ClientLogEntry entry) =>");
        w.Line("    (_options.Logger ?? _logger)?.Log((" + Level + ")(int)entry.Level, new global::Microsoft.Extensions.Logging.EventId(entry.EventId, entry.EventName), entry, entry.Exception, " + TypeSyntax.Runtime + "ClientLogEntry.Formatter);");
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

    private static void EmitServiceCollectionExtensions(SourceWriter w, SpecContext context, ClientInfo client, bool hasLogging)
    {
        string options = client.Name + "Options";
        string fullName = context.Namespace.Length == 0 ? client.Name : context.Namespace + "." + client.Name;
        w.Summary("Registers I" + client.Name + " as a typed HttpClient (IHttpClientFactory), so handlers can be added to the returned builder.");
        w.Line(TypeSyntax.GeneratedCode);
        w.Open("public static class " + client.Name + "ServiceCollectionExtensions");
        w.Summary("Adds I" + client.Name + " and " + client.Name + ", configured by configure" + (hasLogging ? "; it logs to the container's ILoggerFactory (category " + fullName + ") unless Options.Logger is set." : "."));
        w.Open("public static global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder Add" + client.Name + "(this global::Microsoft.Extensions.DependencyInjection.IServiceCollection services, global::System.Action<" + options + ">? configure = null)");
        w.Line("var options = new " + options + "();");
        w.Line("configure?.Invoke(options);");
        string create = hasLogging
            ? "(httpClient, provider) => new " + client.Name + "(httpClient, options, (provider.GetService(typeof(global::Microsoft.Extensions.Logging.ILoggerFactory)) as global::Microsoft.Extensions.Logging.ILoggerFactory)?.CreateLogger(" + Literals.String(fullName) + "))"
            : "(httpClient, _) => new " + client.Name + "(httpClient, options)";
        w.Line("return global::Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions.AddHttpClient<I" + client.Name + ", " + client.Name + ">(services, " + create + ");");
        w.Close();
        w.Close();
    }
}
