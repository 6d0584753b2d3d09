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
internal static partial class OperationBuilder
{
    /// <summary>Members of the client class (and of group classes) that operations cannot be named.</summary>
    private static readonly string[] ReservedClientMembers =
    {
        "Options", "HttpClient", "PrepareRequestAsync", "InspectResponseAsync", "Equals", "GetHashCode", "ToString", "GetType",
        "MemberwiseClone", "Finalize", "ReferenceEquals",
    };

    private const int MaxReportsPerConstruct = 5;

    private static readonly string[] ReservedParameterNames = { "requestOptions", "cancellationToken" };

    /// <summary>The methods each operation gets, by suffix of its name: the plain one and the one returning ApiResponse.</summary>
    private static readonly string[] OperationMethodSuffixes = { "Async", "WithResponseAsync" };

    /// <summary>The methods of an operation with a sequential success response (OperationBuilder.Streams): the streaming ones too.</summary>
    private static readonly string[] StreamingMethodSuffixes = { "Async", "WithResponseAsync", "StreamingAsync", "StreamingWithResponseAsync" };

    /// <summary>Members of the options class that credentials, headers and server variables cannot be named.</summary>
    private static readonly string[] ReservedOptionMembers =
    {
        "BaseAddress", "UseOperationServers", "ValidateRequests", "MaxErrorBodyLength", "Retry", "Timeout", "Signer", "Logger", "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize",
    };

    /// <param name="sites">Collects each built operation's YAML node, for <see cref="ClientHelperResolver"/> (paging, links, jobs).</param>
    public static ClientModel? Build(YamlNode root, SpecContext context, SchemaBuilder schemas, DiagnosticBag diagnostics, CancellationToken cancellationToken, OperationSites? sites = null)
    {

        YamlNode? paths = root.Get("paths");
        YamlNode? azurePaths = root.Get(AzureExtensions.PathsKey);
        bool hasPaths = paths is { IsMapping: true } && paths.Pairs!.Count > 0;
        bool hasAzurePaths = azurePaths is { IsMapping: true } && azurePaths.Pairs!.Count > 0;
        if (!hasPaths && !hasAzurePaths)
        {
            return null;
        }

        var builder = new Builder(root, schemas, diagnostics, cancellationToken) { Sites = sites };
        return builder.Build(hasPaths ? paths! : null, hasAzurePaths ? azurePaths! : null, context);
    }

    private sealed partial class Builder
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

        public OperationSites? Sites { get; init; }

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

        public ClientModel? Build(YamlNode? paths, YamlNode? azurePaths, SpecContext context)
        {
            YamlNode? rootSecurity = _root.Get("security");

            // First pass: read every operation with its tag; names are given once the groups are known.
            var pending = new List<PendingOperation>();
            if (paths is not null)
            {
                ReadPaths(paths, azure: false, pending);
            }

            if (azurePaths is not null)
            {
                ReadPaths(azurePaths, azure: true, pending);
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
                _hasOperationServers)
            {
                ClientParameters = _clientParameterList.ToEquatableArray(),
            };
            return new ClientModel(info, groups.ToEquatableArray());
        }

        /// <summary>
        /// The operations of <c>paths</c>, or of AutoRest's <c>x-ms-paths</c> (<paramref name="azure"/>), whose keys may
        /// end in a query (<c>/jobs?op=cancel</c>) that tells operations on one path apart: its literal pairs are sent as
        /// constant query parameters, its templated ones (<c>?color={color}</c>) only name a declared parameter.
        /// </summary>
        private void ReadPaths(YamlNode paths, bool azure, List<PendingOperation> pending)
        {
            foreach (KeyValuePair<YamlNode, YamlNode> pathPair in paths.Pairs!)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                string key = pathPair.Key.Value ?? string.Empty;
                (string path, List<(string Name, string? Value)> query) = azure ? AzureExtensions.SplitPathKey(key) : (key, new List<(string Name, string? Value)>());
                if (!path.StartsWith("/", StringComparison.Ordinal))
                {
                    if (!path.StartsWith("x-", StringComparison.Ordinal))
                    {
                        _diagnostics.Report(DiagnosticDescriptors.InvalidSchema, pathPair.Key, $"The path '{key}' must start with '/'; it is left out");
                    }

                    continue;
                }

                YamlNode? item = Refs.Resolve(pathPair.Value);
                if (item is null || !item.IsMapping)
                {
                    continue;
                }

                List<YamlNode> shared = ParameterNodes(item.Get("parameters"));
                foreach (PathItemOperation operation in PathItemOperations.Of(item, _diagnostics))
                {
                    pending.Add(new PendingOperation(path, operation, shared) { Servers = item.Get("servers"), Query = query, QueryKey = azure ? pathPair.Key : null });
                }
            }
        }

        /// <summary>
        /// The group's documentation from its Tag Object: 3.2's <c>summary</c>, then the description, then where 3.2's
        /// <c>parent</c> and <c>kind</c> place it (groups stay flat: a child tag is a group of its own).
        /// </summary>
        private string? TagDescription(string tag)
        {
            if (_root.Get("tags") is { IsSequence: true } tags)
            {
                foreach (YamlNode item in tags.Items!)
                {
                    if (item.IsMapping && item.GetString("name") == tag)
                    {
                        var parts = new List<string>();
                        parts.AddRange(new[] { item.GetString("summary"), item.GetString("description") }.Where(text => !string.IsNullOrWhiteSpace(text))!);
                        string? parent = item.GetString("parent");
                        string? kind = item.GetString("kind");
                        if (parent is not null || kind is not null)
                        {
                            parts.Add("Tag " + tag + (parent is null ? string.Empty : ", under the tag " + parent) + (kind is null ? string.Empty : ", of the kind " + kind) + ".");
                        }

                        return parts.Count == 0 ? null : string.Join("\n\n", parts);
                    }
                }
            }

            return null;
        }

        private OperationModel? BuildOperation(PendingOperation pending, YamlNode? rootSecurity, NameScope names)
        {
            YamlNode operation = pending.Node;
            string method = pending.Method;
            string where = method + " " + pending.Path;
            string operationId;
            YamlNode? idNode = operation.Get("operationId");
            if (idNode is { IsScalar: true, Value: { Length: > 0 } id })
            {
                operationId = id;
                if (_operationIds.TryGetValue(id, out string? first))
                {
                    // Both operations are generated: the later one takes the first free id{N}, in spec order.
                    for (int suffix = 2; _operationIds.ContainsKey(operationId); suffix++)
                    {
                        operationId = id + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    }

                    _diagnostics.Report(DiagnosticDescriptors.DuplicateOperationId, idNode, id, first, operationId);
                }

                _operationIds.Add(operationId, where);
            }
            else
            {
                operationId = Identifiers.ToPascalCase(pending.Field) + PathName(pending.Path) + QueryName(pending.Query);
            }

            string baseName = Identifiers.ToPascalCase(operationId);
            string stem = ClaimStem(names, baseName, HasSequentialSuccess(operation.Get("responses")) ? StreamingMethodSuffixes : OperationMethodSuffixes);


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
            var built = new List<(ParameterModel Model, YamlNode Node)>();
            var templateNames = TemplateNames(pending.Path);
            foreach (string key in order)
            {
                if (BuildParameter(byKey[key], baseName, operationId, parameterNames, templateNames) is { } parameter)
                {
                    built.Add((parameter, byKey[key]));
                }
            }

            KeepQueryStringRules(built, operationId);
            List<ParameterModel> parameters = built.ConvertAll(p => p.Model);
            EquatableArray<QueryConstantModel> queryConstants = QueryConstants(pending, parameters, operationId);

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
                if (!TryBuildBody(bodyNode, operation, baseName, operationId, parameterNames, out body))
                {
                    return null;
                }
            }

            (ResponseModel? success, EquatableArray<ResponseModel> errors) = Responses(operation.Get("responses"), baseName, operationId);
            StreamModel? stream = Stream(operation.Get("responses"), baseName, stem);

            EquatableArray<string> security = Security(operation.Get("security") ?? rootSecurity, operationId);
            KeepQueryStringBesideQueryKeys(built, parameters, security, operationId);

            // Required parameters first (in spec order, path ones before others), then the body, then optional ones.
            var ordered = new List<ParameterModel>();
            ordered.AddRange(parameters.FindAll(p => p.Required && p.In == ParameterLocation.Path));
            ordered.AddRange(parameters.FindAll(p => p.Required && p.In != ParameterLocation.Path));
            ordered.AddRange(parameters.FindAll(p => !p.Required));

            string pathQuery = pending.QueryKey?.Value is { } azureKey && azureKey.IndexOf('?') is int mark and >= 0 ? azureKey.Substring(mark) : string.Empty;
            Sites?.Add(method, pending.Path + pathQuery, operation);
            return new OperationModel(
                stem + "Async",
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
                server,
                stem + "WithResponseAsync",
                IdempotencyKeyHeader(parameters),
                Stream: stream)
            {
                QueryConstants = queryConstants,
                PathQuery = pathQuery,
                LongRunning = LongRunning(operation, success, operationId, stem),
            };
        }

        /// <summary>The first of <c>baseName</c>, <c>baseName2</c>, ... for which every method name (stem + suffix) is free; claims them all.</summary>
        private static string ClaimStem(NameScope names, string baseName, string[] suffixes)
        {
            string stem = baseName;
            for (int number = 2; Array.Exists(suffixes, suffix => names.IsTaken(stem + suffix)); number++)
            {
                stem = baseName + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            foreach (string suffix in suffixes)
            {
                names.Reserve(stem + suffix);
            }

            return stem;
        }

        /// <summary>
        /// The header parameter that carries an idempotency key: named Idempotency-Key (the IETF httpapi draft's field, as
        /// Xero declares it) or X-Idempotency-Key, in any case. A POST or PATCH that sends it is retried like a PUT.
        /// </summary>
        private static string? IdempotencyKeyHeader(List<ParameterModel> parameters)
        {
            foreach (ParameterModel parameter in parameters)
            {
                string name = parameter.WireName.StartsWith("X-", StringComparison.OrdinalIgnoreCase) ? parameter.WireName.Substring(2) : parameter.WireName;
                if (parameter.In == ParameterLocation.Header && string.Equals(name, "Idempotency-Key", StringComparison.OrdinalIgnoreCase))
                {
                    return parameter.WireName;
                }
            }

            return null;
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
        public PendingOperation(string path, PathItemOperation operation, List<YamlNode> sharedParameters)
        {
            Path = path;
            Method = operation.Method;
            Field = operation.Field;
            Node = operation.Node;
            YamlNode node = operation.Node;
            SharedParameters = sharedParameters;
            Tag = node.Get("tags") is { IsSequence: true } tags && tags.Items!.Count > 0 && tags.Items[0].IsScalar ? tags.Items[0].Value : null;
        }

        public string Path { get; }

        /// <summary>The HTTP method as sent (<c>GET</c>, <c>QUERY</c>, an additional operation's key as written).</summary>
        public string Method { get; }

        /// <summary>The path item's field (<c>get</c>) or additionalOperations key, for the name of an operation without operationId.</summary>
        public string Field { get; }

        public YamlNode Node { get; }

        public List<YamlNode> SharedParameters { get; }

        public string? Tag { get; }

        /// <summary>The path item's <c>servers</c>, if any.</summary>
        public YamlNode? Servers { get; init; }

        /// <summary>The query pairs of an <c>x-ms-paths</c> key: name and literal value, or null for a template (<c>{color}</c>).</summary>
        public List<(string Name, string? Value)> Query { get; init; } = new();

        /// <summary>The <c>x-ms-paths</c> key, for diagnostics about its query; null for <c>paths</c>.</summary>
        public YamlNode? QueryKey { get; init; }
    }
}
