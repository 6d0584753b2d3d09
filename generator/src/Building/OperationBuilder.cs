using System;
using System.Collections.Generic;
using System.Threading;
using OpenApiSdk.Generator.Diagnostics;
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
        "BaseAddress", "ValidateRequests", "MaxErrorBodyLength", "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize",
    };

    public static ClientModel? Build(YamlNode root, SpecContext context, SchemaBuilder schemas, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        if (root.Get("webhooks") is { } webhooks)
        {
            diagnostics.Report(DiagnosticDescriptors.UnsupportedConstruct, webhooks, "'webhooks'", "no client code is generated for incoming webhooks");
        }

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
                _requestIdHeader ?? "X-Request-Id");
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

            if ((operation.Get("servers") ?? pending.Servers) is { } servers
                && !(servers.IsSequence && servers.Items!.Count > 0 && servers.Items[0].IsMapping && servers.Items[0].GetString("url") == _defaultServerUrl))
            {
                Unsupported(servers, "'servers' on a path or operation", $"{operationId} is sent to the client's base address");
            }

            if (operation.Get("callbacks") is { } callbacks)
            {
                Unsupported(callbacks, "'callbacks'", $"the operation {operationId} is generated without them");
            }

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
                security);
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
                    Unsupported(node, "A cookie parameter", $"'{name}' of {operationId} is not sent");
                    return null;
                default:
                    _diagnostics.Report(DiagnosticDescriptors.InvalidSchema, node, $"The parameter '{name}' of {operationId} has the unknown location '{location}'; it is left out");
                    return null;
            }

            bool required = kind == ParameterLocation.Path || node.GetBool("required");
            YamlNode? schema = node.Get("schema");
            if (schema is null)
            {
                string construct = node.Get("content") is not null ? "A parameter with 'content'" : "A parameter without a schema";
                Unsupported(node, construct, $"'{name}' of {operationId} is not sent");
                return null;
            }

            string memberName = Identifiers.ToPascalCase(name);
            Shape shape = _schemas.ShapeOf(schema, owner, memberName);
            TypeRef type = shape.Type;
            bool simpleArray = type.Kind == TypeRefKind.Array && type.Element is { } element && IsSimple(element);
            bool queryObject = kind == ParameterLocation.Query && type.Kind is TypeRefKind.Model or TypeRefKind.Map or TypeRefKind.Any or TypeRefKind.Union;
            if (!IsSimple(type) && !simpleArray && !queryObject)
            {
                Unsupported(node, type.Kind == TypeRefKind.Array ? "An array-of-objects parameter" : "An object or untyped parameter outside the query string", $"'{name}' of {operationId} is not sent");
                return null;
            }

            string defaultStyle = kind == ParameterLocation.Query ? "form" : "simple";
            string style = node.GetString("style") ?? defaultStyle;
            bool explode = node.Get("explode") is { IsScalar: true } explodeNode ? explodeNode.Value is "true" or "True" : style == "form";
            bool styleSupported = kind switch
            {
                ParameterLocation.Query => style is "form"
                    || ((style is "spaceDelimited" or "pipeDelimited") && simpleArray)
                    || (style is "deepObject" && (queryObject || simpleArray)),
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
            if (kind == ParameterLocation.Header && !required && type.Kind is TypeRefKind.String or TypeRefKind.Enum)
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
                defaultOption);
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

            // Any other single-part media type (octet-stream, images, text): the caller's bytes as they are.
            foreach (KeyValuePair<YamlNode, YamlNode> pair in content.Pairs!)
            {
                string mediaType = pair.Key.Value ?? string.Empty;
                if (!mediaType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) && !mediaType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
                {
                    string sent = mediaType.IndexOf('*') >= 0 ? "application/octet-stream" : mediaType;
                    body = new BodyModel(names.Claim("body"), new TypeRef(TypeRefKind.Bytes), required, sent, BodyEncoding.Binary, description);
                    return true;
                }
            }

            Unsupported(content, "A request body of type " + MediaTypes(content),
                required ? $"the operation {operationId} is left out" : $"{operationId} is sent without a body");
            return !required;
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
