using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using OpenApiSdk.Generator.Diagnostics;
using OpenApiSdk.Generator.Emitting;
using OpenApiSdk.Generator.Model;
using OpenApiSdk.Generator.Naming;
using OpenApiSdk.Generator.Yaml;

namespace OpenApiSdk.Generator.Building;

/// <summary>
/// Builds the client model from the spec's <c>paths</c>, <c>servers</c> and <c>securitySchemes</c>.
/// Runs before <see cref="SchemaBuilder.BuildTypes"/>, so the inline schemas of bodies and parameters it
/// types through <see cref="SchemaBuilder.ShapeOf"/> become generated types too. What the client cannot
/// support yet is reported (OAS010) and left out; it never produces code that does not compile.
/// </summary>
internal static class OperationBuilder
{
    private static readonly string[] Methods = { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

    /// <summary>Members of the client class (and of group classes) that operations cannot be named.</summary>
    private static readonly string[] ReservedClientMembers =
    {
        "Options", "HttpClient", "PrepareRequestAsync", "InspectResponseAsync", "Equals", "GetHashCode", "ToString", "GetType",
        "MemberwiseClone", "Finalize", "ReferenceEquals",
    };

    private const int MaxReportsPerConstruct = 5;

    private static readonly string[] ReservedParameterNames = { "cancellationToken" };

    /// <summary>Members of the options class that credentials, headers and server variables cannot be named.</summary>
    private static readonly string[] ReservedOptionMembers =
    {
        "BaseAddress", "UseOperationServers", "ValidateRequests", "MaxErrorBodyLength", "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize",
    };

    public static ClientModel? Build(YamlNode root, SpecContext context, SchemaBuilder schemas, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        YamlNode? paths = root.Get("paths");
        if (paths is null || !paths.IsMapping || paths.Pairs!.Count == 0)
        {
            return null;
        }

        var builder = new Builder(root, schemas, diagnostics, cancellationToken);
        return builder.Build(paths, context);
    }

    private sealed class Builder
    {
        private readonly YamlNode _root;
        private readonly SchemaBuilder _schemas;
        private readonly DiagnosticBag _diagnostics;
        private readonly CancellationToken _cancellationToken;
        private readonly NameScope _optionNames = new(ReservedOptionMembers);
        private readonly Dictionary<string, SecuritySchemeModel?> _schemes = new(StringComparer.Ordinal);
        private readonly List<SecuritySchemeModel> _usedSchemes = new();
        private readonly Dictionary<string, HeaderDefaultModel> _headerDefaults = new(StringComparer.OrdinalIgnoreCase);
        private readonly List<HeaderDefaultModel> _headerDefaultList = new();
        private readonly Dictionary<string, string> _operationIds = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _unsupportedCounts = new(StringComparer.Ordinal);
        private string? _requestIdHeader;
        private string? _defaultServerUrl;
        private string? _rootServerUrl;
        private bool _usesMultipart;
        private bool _hasOperationServers;

        public Builder(YamlNode root, SchemaBuilder schemas, DiagnosticBag diagnostics, CancellationToken cancellationToken)
        {
            _root = root;
            _schemas = schemas;
            _diagnostics = diagnostics;
            _cancellationToken = cancellationToken;
        }

        private RefResolver Refs => _schemas.Refs;

        /// <summary>
        /// Reports an unsupported construct (OAS010), at most <see cref="MaxReportsPerConstruct"/> times per kind of
        /// construct: a spec that uses one on every operation (Stripe's deepObject) would otherwise fill the
        /// diagnostic limit and hide everything else.
        /// </summary>
        private void Unsupported(YamlNode? node, string construct, string consequence)
        {
            _unsupportedCounts.TryGetValue(construct, out int count);
            _unsupportedCounts[construct] = ++count;
            if (count < MaxReportsPerConstruct)
            {
                _diagnostics.Report(DiagnosticDescriptors.UnsupportedConstruct, node, construct, consequence);
            }
            else if (count == MaxReportsPerConstruct)
            {
                _diagnostics.Report(DiagnosticDescriptors.UnsupportedConstruct, node, construct, consequence + " (further occurrences in this spec are not reported)");
            }
        }

        public ClientModel? Build(YamlNode paths, SpecContext context)
        {
            YamlNode? rootSecurity = _root.Get("security");

            // First pass: read every operation with its tag; names are given once the groups are known.
            var pending = new List<PendingOperation>();
            foreach (KeyValuePair<YamlNode, YamlNode> pathPair in paths.Pairs!)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                string path = pathPair.Key.Value ?? string.Empty;
                if (!path.StartsWith("/", StringComparison.Ordinal))
                {
                    if (!path.StartsWith("x-", StringComparison.Ordinal))
                    {
                        _diagnostics.Report(DiagnosticDescriptors.InvalidSchema, pathPair.Key, $"The path '{path}' must start with '/'; it is left out");
                    }

                    continue;
                }

                YamlNode? item = Refs.Resolve(pathPair.Value);
                if (item is null || !item.IsMapping)
                {
                    continue;
                }

                List<YamlNode> shared = ParameterNodes(item.Get("parameters"));
                foreach (string method in Methods)
                {
                    if (item.Get(method) is { IsMapping: true } operation)
                    {
                        pending.Add(new PendingOperation(path, method, operation, shared) { Servers = item.Get("servers") });
                    }
                }
            }

            // The client's servers: the root's, else (Twilio) those of the first path or operation that has them.
            YamlNode? serversNode = _root.Get("servers") is { IsSequence: true } rootServers && rootServers.Items!.Count > 0 ? rootServers : null;
            foreach (PendingOperation operation in pending)
            {
                serversNode ??= operation.Node.Get("servers") ?? operation.Servers;
            }

            EquatableArray<ServerModel> servers = Servers(serversNode);
            _defaultServerUrl = servers.Count > 0 ? servers[0].Url : null;
            _rootServerUrl = servers.Count > 0
                && Substitute(servers[0].Url, name => servers[0].Variables.FirstOrDefault(v => v.Name == name)?.Default) is { } rootUrl
                && Uri.TryCreate(rootUrl, UriKind.Absolute, out Uri? rootUri) && (rootUri.Scheme == "http" || rootUri.Scheme == "https")
                ? rootUrl.TrimEnd('/')
                : null;

            // Tags: operations go into groups only when the spec has several tags in use.
            var tags = new List<string>();
            foreach (PendingOperation operation in pending)
            {
                if (operation.Tag is { } tag && !tags.Contains(tag))
                {
                    tags.Add(tag);
                }
            }

            bool grouped = tags.Count > 1;
            var memberNames = new NameScope(ReservedClientMembers);
            memberNames.Reserve(context.ClientName);
            memberNames.Reserve("I" + context.ClientName);
            memberNames.Reserve(context.ClientName + "Options");
            memberNames.Reserve(ClientTypes.FileContentName(context.ClientName)); // the nested file type of multipart bodies
            var groupNames = new Dictionary<string, string>(StringComparer.Ordinal);
            var groupOperations = new Dictionary<string, List<OperationModel>>(StringComparer.Ordinal) { [string.Empty] = new List<OperationModel>() };
            var groupScopes = new Dictionary<string, NameScope>(StringComparer.Ordinal) { [string.Empty] = memberNames };
            var groupOrder = new List<string> { string.Empty };
            if (grouped)
            {
                foreach (string tag in tags)
                {
                    // The property is {Name}, its class {Name}Operations: both must be free.
                    string preferred = Identifiers.ToPascalCase(tag);
                    string name = preferred;
                    for (int suffix = 2; memberNames.IsTaken(name) || memberNames.IsTaken(name + "Operations"); suffix++)
                    {
                        name = preferred + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    }

                    memberNames.Reserve(name);
                    memberNames.Reserve(name + "Operations");
                    groupNames[tag] = name;
                    groupOperations[name] = new List<OperationModel>();
                    groupScopes[name] = new NameScope(ReservedClientMembers);
                    groupOrder.Add(name);
                }
            }

            foreach (PendingOperation operation in pending)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                string group = grouped && operation.Tag is { } tag ? groupNames[tag] : string.Empty;
                if (BuildOperation(operation, rootSecurity, groupScopes[group]) is { } model)
                {
                    groupOperations[group].Add(model);
                }
            }

            var groups = new List<OperationGroupModel>();
            foreach (string group in groupOrder)
            {
                List<OperationModel> operations = groupOperations[group];
                if (operations.Count == 0)
                {
                    continue;
                }

                string? tag = null;
                foreach (KeyValuePair<string, string> pair in groupNames)
                {
                    if (pair.Value == group)
                    {
                        tag = pair.Key;
                    }
                }

                groups.Add(new OperationGroupModel(group, tag, tag is null ? null : TagDescription(tag), operations.ToEquatableArray()));
            }

            string? description = _root.Get("info")?.GetString("description");
            var info = new ClientInfo(
                context.ClientName,
                description,
                servers,
                _usedSchemes.ToEquatableArray(),
                _headerDefaultList.ToEquatableArray(),
                _requestIdHeader ?? "X-Request-Id",
                _usesMultipart,
                _hasOperationServers);
            return new ClientModel(info, groups.ToEquatableArray());
        }

        private string? TagDescription(string tag)
        {
            if (_root.Get("tags") is { IsSequence: true } tags)
            {
                foreach (YamlNode item in tags.Items!)
                {
                    if (item.IsMapping && item.GetString("name") == tag)
                    {
                        return item.GetString("description");
                    }
                }
            }

            return null;
        }

        private EquatableArray<ServerModel> Servers(YamlNode? node)
        {
            var servers = new List<ServerModel>();
            if (node is not { IsSequence: true })
            {
                return servers.ToEquatableArray();
            }

            foreach (YamlNode server in node.Items!)
            {
                if (!server.IsMapping || server.GetString("url") is not { } url)
                {
                    continue;
                }

                var variables = new List<ServerVariableModel>();
                if (server.Get("variables") is { IsMapping: true } declared)
                {
                    foreach (KeyValuePair<YamlNode, YamlNode> pair in declared.Pairs!)
                    {
                        string name = pair.Key.Value ?? string.Empty;
                        YamlNode variable = pair.Value;
                        var values = new List<string>();
                        if (variable.Get("enum") is { IsSequence: true } allowed)
                        {
                            foreach (YamlNode value in allowed.Items!)
                            {
                                if (value.IsScalar && value.Value is { } text)
                                {
                                    values.Add(text);
                                }
                            }
                        }

                        // Only the first server's variables become options; the others are documentation.
                        string property = servers.Count == 0 ? _optionNames.Claim(Identifiers.ToPascalCase(name)) : Identifiers.ToPascalCase(name);
                        variables.Add(new ServerVariableModel(name, property, variable.GetString("default") ?? string.Empty, values.ToEquatableArray(), variable.GetString("description")));
                    }
                }

                servers.Add(new ServerModel(url, server.GetString("description"), variables.ToEquatableArray()));
            }

            return servers.ToEquatableArray();
        }

        private List<YamlNode> ParameterNodes(YamlNode? node)
        {
            var result = new List<YamlNode>();
            if (node is { IsSequence: true })
            {
                foreach (YamlNode item in node.Items!)
                {
                    if (Refs.Resolve(item) is { IsMapping: true } resolved)
                    {
                        result.Add(resolved);
                    }
                }
            }

            return result;
        }

        private OperationModel? BuildOperation(PendingOperation pending, YamlNode? rootSecurity, NameScope names)
        {
            YamlNode operation = pending.Node;
            string method = pending.Method.ToUpperInvariant();
            string where = method + " " + pending.Path;
            string operationId;
            YamlNode? idNode = operation.Get("operationId");
            if (idNode is { IsScalar: true, Value: { Length: > 0 } id })
            {
                operationId = id;
                if (_operationIds.TryGetValue(id, out string? first))
                {
                    _diagnostics.Report(DiagnosticDescriptors.DuplicateOperationId, idNode, id, first);
                    return null;
                }

                _operationIds.Add(id, where);
            }
            else
            {
                operationId = Identifiers.ToPascalCase(pending.Method) + PathName(pending.Path);
            }

            string baseName = Identifiers.ToPascalCase(operationId);
            string methodName = names.Claim(baseName + "Async");

            // Parameters: the operation's own override the path item's with the same name and location.
            var byKey = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
            var order = new List<string>();
            foreach (YamlNode parameter in pending.SharedParameters)
            {
                AddParameter(parameter, byKey, order);
            }

            foreach (YamlNode parameter in ParameterNodes(operation.Get("parameters")))
            {
                AddParameter(parameter, byKey, order);
            }

            var parameterNames = new NameScope(ReservedParameterNames);
            var parameters = new List<ParameterModel>();
            var templateNames = TemplateNames(pending.Path);
            foreach (string key in order)
            {
                if (BuildParameter(byKey[key], baseName, operationId, parameterNames, templateNames) is { } parameter)
                {
                    parameters.Add(parameter);
                }
            }

            foreach (string name in templateNames)
            {
                if (!parameters.Exists(p => p.In == ParameterLocation.Path && p.WireName == name))
                {
                    _diagnostics.Report(DiagnosticDescriptors.InvalidSchema, operation, $"The path '{pending.Path}' uses {{{name}}}, but {operationId} declares no path parameter '{name}'; the operation is left out");
                    return null;
                }
            }

            // servers: the operation's override the path item's, which override the document's (an empty list is no override).
            OperationServerModel? server = null;
            if ((NonEmpty(operation.Get("servers")) ?? NonEmpty(pending.Servers)) is { } servers
                && servers.Items![0] is { IsMapping: true } firstServer && firstServer.GetString("url") is { } declaredUrl && declaredUrl != _defaultServerUrl)
            {
                server = OperationServer(firstServer, declaredUrl, pending.Path, byKey, operationId);
                _hasOperationServers |= server is not null;
            }

            BodyModel? body = null;
            if (operation.Get("requestBody") is { } bodyNode)
            {
                if (!TryBuildBody(bodyNode, baseName, operationId, parameterNames, out body))
                {
                    return null;
                }
            }

            (ResponseModel? success, EquatableArray<ResponseModel> errors) = Responses(operation.Get("responses"), baseName, operationId);

            EquatableArray<string> security = Security(operation.Get("security") ?? rootSecurity, operationId);

            // Required parameters first (in spec order, path ones before others), then the body, then optional ones.
            var ordered = new List<ParameterModel>();
            ordered.AddRange(parameters.FindAll(p => p.Required && p.In == ParameterLocation.Path));
            ordered.AddRange(parameters.FindAll(p => p.Required && p.In != ParameterLocation.Path));
            ordered.AddRange(parameters.FindAll(p => !p.Required));

            return new OperationModel(
                methodName,
                operationId,
                method,
                pending.Path,
                operation.GetString("summary"),
                operation.GetString("description"),
                operation.GetBool("deprecated"),
                ordered.ToEquatableArray(),
                body,
                success,
                errors,
                security,
                server);
        }

        private static YamlNode? NonEmpty(YamlNode? servers) => servers is { IsSequence: true } && servers.Items!.Count > 0 ? servers : null;

        /// <summary>
        /// Where an operation with its own first server goes. Its variables take their defaults. A URL under the client's
        /// (first document) server becomes the rest of its path, relative to the client's base address, so a configured
        /// BaseAddress still applies; a relative URL is resolved against the base address too; an absolute URL on another
        /// origin is used as it is. Null (the base address) when it is the client's server, or when the extra path is a
        /// single segment the operation's path already starts with through a parameter that takes it (Linode: the server
        /// https://api.linode.com/v4 for the path /{apiVersion}/account, apiVersion being v4 or v4beta).
        /// </summary>
        private OperationServerModel? OperationServer(YamlNode server, string declared, string path, Dictionary<string, YamlNode> parameters, string operationId)
        {
            YamlNode at = server.Get("url") ?? server;
            YamlNode? variables = server.Get("variables");
            string? url = Substitute(declared, name => variables?.Get(name) is { IsMapping: true } variable ? variable.GetString("default") : null);
            bool absolute = url is not null && Uri.TryCreate(url, UriKind.Absolute, out Uri? parsed) && (parsed.Scheme == "http" || parsed.Scheme == "https")
                && parsed.Query.Length == 0 && parsed.Fragment.Length == 0;
            if (url is null || !IsUrlText(url) || (!absolute && (url.IndexOf(':') >= 0 || url.StartsWith("//", StringComparison.Ordinal))))
            {
                _diagnostics.Report(DiagnosticDescriptors.InvalidSchema, at, $"The server URL '{declared}' of {operationId} is not an http(s) URL or a relative path once its variables take their defaults; {operationId} is sent to the client's base address");
                return null;
            }

            if (!absolute)
            {
                return new OperationServerModel(url, false, declared);
            }

            string trimmed = url.TrimEnd('/');
            if (_rootServerUrl is { } root)
            {
                if (string.Equals(trimmed, root, StringComparison.OrdinalIgnoreCase))
                {
                    return null;
                }

                if (trimmed.StartsWith(root + "/", StringComparison.OrdinalIgnoreCase))
                {
                    string rest = trimmed.Substring(root.Length + 1);
                    return RepeatedByPath(rest, path, parameters) ? null : new OperationServerModel(rest, false, declared);
                }
            }

            return new OperationServerModel(trimmed, true, declared);
        }

        /// <summary>The path starts with a parameter ({apiVersion}) whose default or enum holds the one segment <paramref name="rest"/>.</summary>
        private bool RepeatedByPath(string rest, string path, Dictionary<string, YamlNode> parameters)
        {
            if (rest.IndexOf('/') >= 0 || !path.StartsWith("/{", StringComparison.Ordinal))
            {
                return false;
            }

            int close = path.IndexOf('}');
            if (close < 0 || (close + 1 < path.Length && path[close + 1] != '/')
                || !parameters.TryGetValue("path:" + path.Substring(2, close - 2), out YamlNode? parameter)
                || parameter.Get("schema") is not { } schemaNode || Refs.Resolve(schemaNode) is not { IsMapping: true } schema)
            {
                return false;
            }

            if (schema.GetString("default") == rest || schema.GetString("const") == rest)
            {
                return true;
            }

            if (schema.Get("enum") is { IsSequence: true } values)
            {
                foreach (YamlNode value in values.Items!)
                {
                    if (value.IsScalar && value.Value == rest)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>A server URL with its variables replaced by their defaults; null when one is not declared.</summary>
        private static string? Substitute(string url, Func<string, string?> defaults)
        {
            var text = new System.Text.StringBuilder();
            int position = 0;
            while (position < url.Length)
            {
                int open = url.IndexOf('{', position);
                int close = open < 0 ? -1 : url.IndexOf('}', open);
                if (open < 0 || close < 0)
                {
                    text.Append(url, position, url.Length - position);
                    break;
                }

                text.Append(url, position, open - position);
                string name = url.Substring(open + 1, close - open - 1);
                if (defaults(name) is not { } value)
                {
                    return null;
                }

                text.Append(value);
                position = close + 1;
            }

            return text.ToString();
        }

        /// <summary>Printable ASCII without the characters that would end or reshape a URL once a path is appended.</summary>
        private static bool IsUrlText(string url)
        {
            foreach (char c in url)
            {
                if (c <= ' ' || c > '~' || c is '"' or '\\' or '{' or '}' or '?' or '#' or '<' or '>' or '`' or '^' or '|')
                {
                    return false;
                }
            }

            return url.Length <= 2000;
        }

        private static void AddParameter(YamlNode parameter, Dictionary<string, YamlNode> byKey, List<string> order)
        {
            string key = (parameter.GetString("in") ?? string.Empty) + ":" + (parameter.GetString("name") ?? string.Empty);
            if (!byKey.ContainsKey(key))
            {
                order.Add(key);
            }

            byKey[key] = parameter;
        }

        private static List<string> TemplateNames(string path)
        {
            var names = new List<string>();
            int start = path.IndexOf('{');
            while (start >= 0)
            {
                int end = path.IndexOf('}', start);
                if (end < 0)
                {
                    break;
                }

                string name = path.Substring(start + 1, end - start - 1);
                if (!names.Contains(name))
                {
                    names.Add(name);
                }

                start = path.IndexOf('{', end);
            }

            return names;
        }

        private ParameterModel? BuildParameter(YamlNode node, string owner, string operationId, NameScope names, List<string> templateNames)
        {
            string? name = node.GetString("name");
            string? location = node.GetString("in");
            if (name is null || location is null)
            {
                _diagnostics.Report(DiagnosticDescriptors.InvalidSchema, node, $"A parameter of {operationId} has no 'name' or 'in'; it is left out");
                return null;
            }

            ParameterLocation kind;
            switch (location)
            {
                case "path":
                    kind = ParameterLocation.Path;
                    if (!templateNames.Contains(name))
                    {
                        _diagnostics.Report(DiagnosticDescriptors.InvalidSchema, node, $"The path parameter '{name}' of {operationId} does not appear in the path; it is left out");
                        return null;
                    }

                    break;
                case "query":
                    kind = ParameterLocation.Query;
                    break;
                case "header":
                    kind = ParameterLocation.Header;
                    if (name.Equals("Accept", StringComparison.OrdinalIgnoreCase) || name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase) || name.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
                    {
                        // OpenAPI: these header parameters are ignored; media types and security schemes express them.
                        return null;
                    }

                    break;
                case "cookie":
                    kind = ParameterLocation.Cookie;
                    if (!WireRules.IsCookieName(name))
                    {
                        _diagnostics.Report(DiagnosticDescriptors.InvalidSchema, node.Get("name") ?? node, $"The cookie name '{name}' of {operationId} is not an RFC 6265 token (visible ASCII without separators such as '=', ';', ',' or spaces); it is left out");
                        return null;
                    }

                    break;
                default:
                    _diagnostics.Report(DiagnosticDescriptors.InvalidSchema, node, $"The parameter '{name}' of {operationId} has the unknown location '{location}'; it is left out");
                    return null;
            }

            bool required = kind == ParameterLocation.Path || node.GetBool("required");
            YamlNode? schema = node.Get("schema");
            bool content = false;
            if (schema is null && node.Get("content") is { IsMapping: true } contentNode && contentNode.Pairs!.Count > 0 && JsonMedia(contentNode) is { } jsonMedia)
            {
                // content: {application/json: {schema}}: the value is sent as its JSON text, wherever it goes.
                schema = jsonMedia.Media.Get("schema") ?? YamlNode.Mapping(jsonMedia.Media.Line, jsonMedia.Media.Column);
                content = true;
            }

            if (schema is null)
            {
                string construct = node.Get("content") is { } otherContent
                    ? "A parameter with 'content'" + (otherContent is { IsMapping: true } ? " of type " + MediaTypes(otherContent) : string.Empty)
                    : "A parameter without a schema";
                Unsupported(node, construct, $"'{name}' of {operationId} is not sent");
                return null;
            }

            string memberName = Identifiers.ToPascalCase(name);
            Shape shape = _schemas.ShapeOf(schema, owner, memberName);
            TypeRef type = shape.Type;
            bool simpleArray = type.Kind == TypeRefKind.Array && type.Element is { } element && IsSimple(element);
            bool structured = !IsSimple(type) && !simpleArray;
            string defaultStyle = kind is ParameterLocation.Query or ParameterLocation.Cookie ? "form" : "simple";
            string style = node.GetString("style") ?? defaultStyle;
            bool explode = node.Get("explode") is { IsScalar: true } explodeNode ? explodeNode.Value is "true" or "True" : style == "form";
            bool queryObject = kind == ParameterLocation.Query && type.Kind is TypeRefKind.Model or TypeRefKind.Map or TypeRefKind.Any or TypeRefKind.Union;
            bool queryDeepArray = kind == ParameterLocation.Query && type.Kind == TypeRefKind.Array && !simpleArray && style == "deepObject";
            bool queryFormArray = kind == ParameterLocation.Query && type.Kind == TypeRefKind.Array && !simpleArray && style == "form"; // name[0].member=value

            // An object, untyped or array-of-objects value in a header or the path has no OpenAPI style that can carry
            // nested values ('simple' flattens one level to k,v,k2,v2): it is sent as its JSON text, as Linode's X-Filter documents.
            bool asJson = content || (structured && kind != ParameterLocation.Query);
            if (structured && !queryObject && !queryDeepArray && !queryFormArray && !asJson)
            {
                Unsupported(node, $"An array-of-objects query parameter in the style '{style}'", $"'{name}' of {operationId} is not sent (the styles form and deepObject can carry it)");
                return null;
            }

            bool styleSupported = asJson || kind switch
            {
                ParameterLocation.Query => style is "form"
                    || ((style is "spaceDelimited" or "pipeDelimited") && simpleArray)
                    || (style is "deepObject" && (queryObject || simpleArray || queryDeepArray)),
                ParameterLocation.Cookie => style == "form",
                _ => style == "simple",
            };
            if (!styleSupported)
            {
                Unsupported(node.Get("style") ?? node, $"The style '{style}'", $"'{name}' of {operationId} is sent in the default style '{defaultStyle}'");
                style = defaultStyle;
                explode = style == "form";
            }

            YamlNode? resolvedSchema = Refs.Resolve(schema);
            bool secret = resolvedSchema is not null && (resolvedSchema.GetString("format") == "password" || resolvedSchema.GetBool("writeOnly"));
            string? defaultJson = resolvedSchema?.Get("default") is { } defaultNode && JsonLiterals.From(defaultNode) is { } literal
                ? literal.Kind == JsonLiteralKind.String ? "\"" + literal.Text + "\"" : literal.Text
                : null;

            string? defaultOption = null;
            if (kind == ParameterLocation.Header && !required && !asJson && type.Kind is TypeRefKind.String or TypeRefKind.Enum)
            {
                defaultOption = HeaderDefault(name, node.GetString("description")).PropertyName;
            }

            return new ParameterModel(
                names.Claim(Identifiers.ToCamelCase(name)),
                name,
                kind,
                type,
                shape.Constraints,
                required,
                shape.AllowsNull,
                secret,
                style,
                explode,
                node.GetString("description"),
                defaultJson,
                defaultOption,
                asJson);
        }

        private static bool IsSimple(TypeRef type) => type.Kind is not (TypeRefKind.Model or TypeRefKind.Array or TypeRefKind.Map or TypeRefKind.Any or TypeRefKind.Union);

        private HeaderDefaultModel HeaderDefault(string wireName, string? description)
        {
            if (!_headerDefaults.TryGetValue(wireName, out HeaderDefaultModel? model))
            {
                model = new HeaderDefaultModel(wireName, _optionNames.Claim(Identifiers.ToPascalCase(wireName)), description);
                _headerDefaults.Add(wireName, model);
                _headerDefaultList.Add(model);
            }

            return model;
        }

        private bool TryBuildBody(YamlNode node, string owner, string operationId, NameScope names, out BodyModel? body)
        {
            body = null;
            YamlNode? resolved = Refs.Resolve(node);
            if (resolved is null || !resolved.IsMapping)
            {
                return true;
            }

            bool required = resolved.GetBool("required");
            if (resolved.Get("content") is not { IsMapping: true } content || content.Pairs!.Count == 0)
            {
                return true;
            }

            string? description = resolved.GetString("description");
            if (JsonMedia(content) is { } json)
            {
                YamlNode? schema = json.Media.Get("schema");
                Shape shape = schema is null ? new Shape(TypeRef.Any, Constraints.None, true) : _schemas.ShapeOf(schema, owner, "Request");
                body = new BodyModel(names.Claim("body"), shape.Type, required, json.MediaType, BodyEncoding.Json, description);
                return true;
            }

            // A form of an object: written as JSON by the generated code, then sent as its members.
            if (Media(content, "application/x-www-form-urlencoded") is { } form && form.Get("schema") is { } formSchema
                && _schemas.ShapeOf(formSchema, owner, "Request") is { Type.Kind: TypeRefKind.Model or TypeRefKind.Map } formShape)
            {
                body = new BodyModel(names.Claim("body"), formShape.Type, required, "application/x-www-form-urlencoded", BodyEncoding.Form, description);
                return true;
            }

            // multipart/form-data of an object: the non-file properties as a model, each file property a parameter.
            if (Media(content, "multipart/form-data") is { } multipart && MultipartBody(multipart, owner, operationId, names, required, description) is { } multipartBody)
            {
                body = multipartBody;
                return true;
            }

            // Any other single-part media type (octet-stream, images, text): the caller's bytes as they are.
            foreach (KeyValuePair<YamlNode, YamlNode> pair in content.Pairs!)
            {
                string mediaType = pair.Key.Value ?? string.Empty;
                if (!mediaType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) && !mediaType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
                {
                    if (WireRules.IsStructuredXml(mediaType, pair.Value, Refs))
                    {
                        Unsupported(pair.Key, "An XML request body ('" + mediaType + "')", $"{operationId} takes the body as bytes: the SDK writes no XML from its schema (no 'xml' names, attributes or wrapping) and does not validate it");
                    }

                    string sent = mediaType.IndexOf('*') >= 0 ? "application/octet-stream" : mediaType;
                    body = new BodyModel(names.Claim("body"), new TypeRef(TypeRefKind.Bytes), required, sent, BodyEncoding.Binary, description);
                    return true;
                }
            }

            Unsupported(content, "A request body of type " + MediaTypes(content),
                required ? $"the operation {operationId} is left out" : $"{operationId} is sent without a body");
            return !required;
        }

        /// <summary>
        /// A <c>multipart/form-data</c> body whose schema is an object: one part per property. Properties that are
        /// files (<c>format: binary</c>; 3.1 <c>contentMediaType</c>/<c>contentEncoding</c>; an <c>encoding</c> content
        /// type that is neither text nor JSON) become <c>FileContent</c> parameters; the others stay in a generated
        /// model (the schema's own, or, when it has file properties, an inline copy without them) that is validated,
        /// written as JSON and sent member by member. Null when the schema is not an object.
        /// </summary>
        private BodyModel? MultipartBody(YamlNode media, string owner, string operationId, NameScope names, bool required, string? description)
        {
            YamlNode? schemaNode = media.Get("schema");
            YamlNode? schema = schemaNode is null ? null : Refs.Resolve(schemaNode);
            if (schemaNode is null || schema is not { IsMapping: true })
            {
                return null;
            }

            var collected = new List<KeyValuePair<YamlNode, YamlNode>>();
            var requiredNodes = new List<YamlNode>();
            _schemas.CollectObject(schema, collected, requiredNodes, 0, new HashSet<YamlNode>(ReferenceEqualityComparer.Instance));
            var properties = new List<KeyValuePair<YamlNode, YamlNode>>(collected.Count);
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (KeyValuePair<YamlNode, YamlNode> pair in collected)
            {
                string name = pair.Key.Value ?? string.Empty;
                if (index.TryGetValue(name, out int existing))
                {
                    properties[existing] = pair; // a later allOf part redefines it, as in the model
                }
                else
                {
                    index.Add(name, properties.Count);
                    properties.Add(pair);
                }
            }

            var requiredNames = new HashSet<string>(StringComparer.Ordinal);
            foreach (YamlNode node in requiredNodes)
            {
                if (node.Value is { } text)
                {
                    requiredNames.Add(text);
                }
            }

            if (properties.Count == 0 && SchemaBuilder.PrimaryType(schema) != "object")
            {
                return null;
            }

            // encoding: contentType per part; headers are not sent; style/explode/allowReserved only apply to urlencoded bodies.
            var encodings = new Dictionary<string, string>(StringComparer.Ordinal);
            if (media.Get("encoding") is { IsMapping: true } encoding)
            {
                foreach (KeyValuePair<YamlNode, YamlNode> pair in encoding.Pairs!)
                {
                    string part = pair.Key.Value ?? string.Empty;
                    if (pair.Value.Get("headers") is { } headers)
                    {
                        Unsupported(headers, "'headers' in a multipart encoding", $"the part '{part}' of {operationId} is sent without them");
                    }

                    if (pair.Value.Get("contentType") is { IsScalar: true, IsNull: false } contentType)
                    {
                        if (ContentTypes(contentType.Value!) is { Count: > 0 } types)
                        {
                            encodings[part] = types[0];
                        }
                        else
                        {
                            _diagnostics.Report(DiagnosticDescriptors.InvalidSchema, contentType, $"The contentType '{contentType.Value}' of the part '{part}' of {operationId} is not a media type; the part is sent with its default content type");
                        }
                    }
                }
            }

            var fields = new List<KeyValuePair<YamlNode, YamlNode>>();
            var files = new List<FilePartModel>();
            var contentTypes = new List<PartContentTypeModel>();
            var pendingFiles = new List<(string PartName, YamlNode Schema, bool IsArray, string ContentType)>();
            foreach (KeyValuePair<YamlNode, YamlNode> pair in properties)
            {
                string part = pair.Key.Value ?? string.Empty;
                encodings.TryGetValue(part, out string? declared);
                if (FilePart(pair.Value, declared) is { } file)
                {
                    pendingFiles.Add((part, pair.Value, file.IsArray, file.ContentType));
                    continue;
                }

                fields.Add(pair);
                if (declared is not null)
                {
                    contentTypes.Add(new PartContentTypeModel(part, declared));
                }
            }

            // The body model: the schema as it is when no property is a file (a $ref keeps its component type),
            // else an inline copy of it without the file properties.
            bool hasFields = pendingFiles.Count == 0 || fields.Count > 0 || schema.Get("additionalProperties") is { IsMapping: true };
            TypeRef type = TypeRef.Any;
            string bodyName = string.Empty;
            if (hasFields)
            {
                YamlNode modelSchema = pendingFiles.Count == 0 ? schemaNode : WithoutFiles(schema, fields, requiredNames);
                Shape shape = _schemas.ShapeOf(modelSchema, owner, "Request");
                if (shape.Type.Kind is not (TypeRefKind.Model or TypeRefKind.Map))
                {
                    return null;
                }

                type = shape.Type;
                bodyName = names.Claim("body");
            }

            foreach ((string part, YamlNode fileSchema, bool isArray, string contentType) in pendingFiles)
            {
                YamlNode? resolved = Refs.Resolve(fileSchema);
                string? fileDescription = resolved?.GetString("description");
                int? minItems = isArray && resolved?.Get("minItems") is { IsScalar: true, Value: { } min } && int.TryParse(min, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int minValue) ? minValue : null;
                int? maxItems = isArray && resolved?.Get("maxItems") is { IsScalar: true, Value: { } max } && int.TryParse(max, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int maxValue) ? maxValue : null;
                files.Add(new FilePartModel(names.Claim(Identifiers.ToCamelCase(part.Length == 0 ? "file" : part)), part, requiredNames.Contains(part), isArray, contentType, fileDescription, minItems, maxItems));
            }

            _usesMultipart = true;
            var multipart = new MultipartModel(hasFields, files.ToEquatableArray(), contentTypes.ToEquatableArray());
            return new BodyModel(bodyName, type, required, "multipart/form-data", BodyEncoding.Multipart, description, multipart);
        }

        /// <summary>
        /// A file part: a binary string (<c>format: binary</c>, or 3.1 <c>contentMediaType</c>/<c>contentEncoding</c>),
        /// an array of them, or any property whose <c>encoding</c> content type is neither text nor JSON. Null otherwise.
        /// </summary>
        private (bool IsArray, string ContentType)? FilePart(YamlNode schemaNode, string? declared)
        {
            YamlNode? schema = Refs.Resolve(schemaNode);
            bool isArray = schema is { IsMapping: true } && SchemaBuilder.PrimaryType(schema) == "array";
            YamlNode? item = isArray && schema!.Get("items") is { } items ? Refs.Resolve(items) : schema;
            if (declared is not null)
            {
                return IsTextOrJson(declared) ? null : (isArray, declared.IndexOf('*') >= 0 ? "application/octet-stream" : declared);
            }

            if (item is not { IsMapping: true } || SchemaBuilder.PrimaryType(item) is not (null or "string"))
            {
                return null;
            }

            string? mediaType = item.GetString("contentMediaType") is { } declaredMedia && ContentTypes(declaredMedia) is { Count: > 0 } types && types[0].IndexOf('*') < 0 ? types[0] : null;
            bool binary = item.GetString("format") == "binary" || item.Get("contentMediaType") is not null || item.Get("contentEncoding") is not null;
            return binary ? (isArray, mediaType ?? "application/octet-stream") : null;
        }

        /// <summary>A copy of an object schema without its file properties (the ones not in <paramref name="fields"/>).</summary>
        private static YamlNode WithoutFiles(YamlNode schema, List<KeyValuePair<YamlNode, YamlNode>> fields, HashSet<string> required)
        {
            YamlNode copy = YamlNode.Mapping(schema.Line, schema.Column);
            bool typed = false;
            foreach (KeyValuePair<YamlNode, YamlNode> pair in schema.Pairs!)
            {
                if (pair.Key.Value is "properties" or "required" or "allOf" or "$ref")
                {
                    continue;
                }

                typed |= pair.Key.Value == "type";
                copy.Pairs!.Add(pair);
            }

            if (!typed)
            {
                copy.Pairs!.Add(new KeyValuePair<YamlNode, YamlNode>(YamlNode.Scalar("type", true, schema.Line, schema.Column), YamlNode.Scalar("object", true, schema.Line, schema.Column)));
            }

            YamlNode properties = YamlNode.Mapping(schema.Line, schema.Column);
            YamlNode requiredList = YamlNode.Sequence(schema.Line, schema.Column);
            foreach (KeyValuePair<YamlNode, YamlNode> pair in fields)
            {
                properties.Pairs!.Add(pair);
                if (pair.Key.Value is { } name && required.Contains(name))
                {
                    requiredList.Items!.Add(YamlNode.Scalar(name, false, pair.Key.Line, pair.Key.Column));
                }
            }

            copy.Pairs!.Add(new KeyValuePair<YamlNode, YamlNode>(YamlNode.Scalar("properties", true, schema.Line, schema.Column), properties));
            if (requiredList.Items!.Count > 0)
            {
                copy.Pairs!.Add(new KeyValuePair<YamlNode, YamlNode>(YamlNode.Scalar("required", true, schema.Line, schema.Column), requiredList));
            }

            return copy;
        }

        /// <summary>
        /// The media types of an <c>encoding</c> contentType (a comma-separated list), each checked to be
        /// <c>type/subtype</c> with parameters in printable ASCII (no quotes or backslashes), so it is safe in a header;
        /// empty when any is not.
        /// </summary>
        private static List<string> ContentTypes(string text)
        {
            var types = new List<string>();
            foreach (string raw in text.Split(','))
            {
                string type = raw.Trim();
                int slash = type.IndexOf('/');
                bool valid = slash > 0 && slash < type.Length - 1 && type.Length <= 200;
                foreach (char c in type)
                {
                    valid &= c >= ' ' && c <= '~' && c != '"' && c != '\\';
                }

                if (!valid)
                {
                    return new List<string>();
                }

                types.Add(type);
            }

            return types;
        }

        private static bool IsTextOrJson(string contentType)
        {
            string bare = contentType.Split(';')[0].Trim().ToLowerInvariant();
            return bare.StartsWith("text/", StringComparison.Ordinal) || bare == "application/json" || bare.EndsWith("+json", StringComparison.Ordinal);
        }

        private (ResponseModel? Success, EquatableArray<ResponseModel> Errors) Responses(YamlNode? responses, string owner, string operationId)
        {
            ResponseModel? success = null;
            int successCode = int.MaxValue;
            var errors = new List<ResponseModel>();
            if (responses is not { IsMapping: true })
            {
                return (null, errors.ToEquatableArray());
            }

            foreach (KeyValuePair<YamlNode, YamlNode> pair in responses.Pairs!)
            {
                string status = pair.Key.Value ?? string.Empty;
                YamlNode? response = Refs.Resolve(pair.Value);
                if (response is null || !response.IsMapping || status.StartsWith("x-", StringComparison.Ordinal))
                {
                    continue;
                }

                if (response.Get("links") is { } links)
                {
                    Unsupported(links, "'links'", $"the {status} response of {operationId} is read without them");
                }

                NoteRequestIdHeader(response.Get("headers"));

                bool isSuccess = status.Length == 3 && status[0] == '2';
                TypeRef? type = null;
                bool binary = false;
                if (response.Get("content") is { IsMapping: true } content && content.Pairs!.Count > 0)
                {
                    if (JsonMedia(content) is { } json)
                    {
                        string member = isSuccess ? "Response" : "Error" + Identifiers.ToPascalCase(status);
                        type = json.Media.Get("schema") is { } schema ? _schemas.ShapeOf(schema, owner, member).Type : TypeRef.Any;
                    }
                    else if (isSuccess)
                    {
                        // Another media type: the success body is returned as its bytes; an error body stays in the exception.
                        type = new TypeRef(TypeRefKind.Bytes);
                        binary = true;
                        foreach (KeyValuePair<YamlNode, YamlNode> media in content.Pairs!)
                        {
                            if (WireRules.IsStructuredXml(media.Key.Value ?? string.Empty, media.Value, Refs))
                            {
                                Unsupported(media.Key, "An XML response body ('" + media.Key.Value + "')", $"the {status} response of {operationId} is returned as bytes: the SDK reads no XML into its schema's model and does not validate it");
                                break;
                            }
                        }
                    }
                }

                var model = new ResponseModel(status, type, response.GetString("description"), null, null, binary);
                if (isSuccess)
                {
                    int code = status.Equals("2XX", StringComparison.OrdinalIgnoreCase) ? 299 : int.TryParse(status, out int parsed) ? parsed : 299;
                    if (code < successCode)
                    {
                        successCode = code;
                        success = model;
                    }
                }
                else
                {
                    errors.Add(model);
                }
            }

            return (success, errors.ToEquatableArray());
        }

        private void NoteRequestIdHeader(YamlNode? headers)
        {
            if (_requestIdHeader is not null || headers is not { IsMapping: true })
            {
                return;
            }

            foreach (KeyValuePair<YamlNode, YamlNode> pair in headers.Pairs!)
            {
                if (pair.Key.Value is { } name && (name.Equals("X-Request-Id", StringComparison.OrdinalIgnoreCase) || name.Equals("Request-Id", StringComparison.OrdinalIgnoreCase)))
                {
                    _requestIdHeader = name;
                    return;
                }
            }
        }

        private static (string MediaType, YamlNode Media)? JsonMedia(YamlNode content)
        {
            foreach (KeyValuePair<YamlNode, YamlNode> pair in content.Pairs!)
            {
                string mediaType = pair.Key.Value ?? string.Empty;
                string bare = mediaType.Split(';')[0].Trim().ToLowerInvariant();
                if (bare == "application/json" || bare.EndsWith("+json", StringComparison.Ordinal) || bare == "*/*" || bare == "application/*")
                {
                    return (bare is "*/*" or "application/*" ? "application/json" : bare, pair.Value);
                }
            }

            return null;
        }

        private static YamlNode? Media(YamlNode content, string mediaType)
        {
            foreach (KeyValuePair<YamlNode, YamlNode> pair in content.Pairs!)
            {
                if (pair.Key.Value is { } name && name.Split(';')[0].Trim().Equals(mediaType, StringComparison.OrdinalIgnoreCase))
                {
                    return pair.Value;
                }
            }

            return null;
        }

        private static string MediaTypes(YamlNode content)
        {
            var names = new List<string>();
            foreach (KeyValuePair<YamlNode, YamlNode> pair in content.Pairs!)
            {
                names.Add("'" + pair.Key.Value + "'");
            }

            return string.Join(", ", names);
        }

        private EquatableArray<string> Security(YamlNode? requirements, string operationId)
        {
            var names = new List<string>();
            if (requirements is not { IsSequence: true })
            {
                return names.ToEquatableArray();
            }

            foreach (YamlNode requirement in requirements.Items!)
            {
                if (!requirement.IsMapping)
                {
                    continue;
                }

                foreach (KeyValuePair<YamlNode, YamlNode> pair in requirement.Pairs!)
                {
                    string name = pair.Key.Value ?? string.Empty;
                    if (Scheme(name, pair.Key, operationId) is { } scheme && !names.Contains(scheme.Name))
                    {
                        names.Add(scheme.Name);
                    }
                }
            }

            return names.ToEquatableArray();
        }

        private SecuritySchemeModel? Scheme(string name, YamlNode at, string operationId)
        {
            if (_schemes.TryGetValue(name, out SecuritySchemeModel? known))
            {
                return known;
            }

            SecuritySchemeModel? model = null;
            YamlNode? node = _root.Get("components")?.Get("securitySchemes")?.Get(name);
            YamlNode? scheme = node is null ? null : Refs.Resolve(node);
            if (scheme is null || !scheme.IsMapping)
            {
                _diagnostics.Report(DiagnosticDescriptors.InvalidSchema, at, $"The security requirement of {operationId} names '{name}', which is not in components.securitySchemes; it is left out");
            }
            else
            {
                string? type = scheme.GetString("type");
                string? description = scheme.GetString("description");
                string? location = scheme.GetString("in");
                string? wireName = scheme.GetString("name");
                SecurityKind? kind = type switch
                {
                    "apiKey" when location == "header" && wireName is not null => SecurityKind.ApiKeyHeader,
                    "apiKey" when location == "query" && wireName is not null => SecurityKind.ApiKeyQuery,
                    "http" when string.Equals(scheme.GetString("scheme"), "bearer", StringComparison.OrdinalIgnoreCase) => SecurityKind.Bearer,
                    "http" when string.Equals(scheme.GetString("scheme"), "basic", StringComparison.OrdinalIgnoreCase) => SecurityKind.Basic,
                    "oauth2" or "openIdConnect" => SecurityKind.Bearer,
                    _ => null,
                };
                if (kind is null)
                {
                    string what = type == "apiKey" ? "An apiKey security scheme in '" + location + "'" : "The security scheme type '" + type + (type == "http" ? " " + scheme.GetString("scheme") : string.Empty) + "'";
                    Unsupported(node, what, $"no credential is sent for '{name}'");
                }
                else
                {
                    // The credential is {Property}, its provider {Property}Provider: both must be free.
                    string preferred = Identifiers.ToPascalCase(name);
                    string property = preferred;
                    for (int suffix = 2; _optionNames.IsTaken(property) || _optionNames.IsTaken(property + "Provider"); suffix++)
                    {
                        property = preferred + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    }

                    _optionNames.Reserve(property);
                    _optionNames.Reserve(property + "Provider");
                    model = new SecuritySchemeModel(name, property, kind.Value, wireName ?? "Authorization", description);
                    _usedSchemes.Add(model);
                }
            }

            _schemes[name] = model;
            return model;
        }

        private static string PathName(string path)
        {
            var builder = new System.Text.StringBuilder();
            foreach (string segment in path.Split('/'))
            {
                if (segment.Length == 0)
                {
                    continue;
                }

                builder.Append(segment.StartsWith("{", StringComparison.Ordinal) ? "By" + Identifiers.ToPascalCase(segment) : Identifiers.ToPascalCase(segment));
            }

            return builder.Length == 0 ? "Root" : builder.ToString();
        }
    }

    private sealed class PendingOperation
    {
        public PendingOperation(string path, string method, YamlNode node, List<YamlNode> sharedParameters)
        {
            Path = path;
            Method = method;
            Node = node;
            SharedParameters = sharedParameters;
            Tag = node.Get("tags") is { IsSequence: true } tags && tags.Items!.Count > 0 && tags.Items[0].IsScalar ? tags.Items[0].Value : null;
        }

        public string Path { get; }

        public string Method { get; }

        public YamlNode Node { get; }

        public List<YamlNode> SharedParameters { get; }

        public string? Tag { get; }

        /// <summary>The path item's <c>servers</c>, if any.</summary>
        public YamlNode? Servers { get; init; }
    }
}
