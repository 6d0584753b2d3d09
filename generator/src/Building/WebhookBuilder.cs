using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using OpenApiSdk.Generator.Diagnostics;
using OpenApiSdk.Generator.Model;
using OpenApiSdk.Generator.Naming;
using OpenApiSdk.Generator.Yaml;

namespace OpenApiSdk.Generator.Building;

/// <summary>
/// Builds the <see cref="ReceiverModel"/>: the requests the API sends to its user, from the document's 3.1
/// <c>webhooks</c> and from every operation's <c>callbacks</c>. Their JSON payloads are typed through
/// <see cref="SchemaBuilder.ShapeOf"/> (a component stays its type, an inline schema becomes <c>{Name}Payload</c>),
/// so they get the same models, validation and JSON code as request and response bodies; their header parameters
/// become one generated model, <c>{Name}Headers</c>, whose properties are the headers. Runs before
/// <see cref="SchemaBuilder.BuildTypes"/>.
/// </summary>
internal static class WebhookBuilder
{
    /// <summary>Members of a static class that a parser could otherwise be named like.</summary>
    private static readonly string[] ReservedMembers = { "Equals", "ReferenceEquals" };

    /// <summary>The type names the receiver classes take, reserved before any schema is named.</summary>
    public static IEnumerable<string> ReservedTypeNames(string clientName)
    {
        string stem = Stem(clientName);
        yield return stem + "Webhooks";
        yield return stem + "Callbacks";
        yield return stem + "WebhookEndpoints";
    }

    public static ReceiverModel? Build(YamlNode root, SpecContext context, SchemaBuilder schemas, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        var builder = new Builder(schemas, diagnostics, cancellationToken);
        var webhooks = new List<IncomingRequestModel>();
        var webhookNames = new NameScope(ReservedMembers);
        if (root.Get("webhooks") is { IsMapping: true } declared)
        {
            foreach (KeyValuePair<YamlNode, YamlNode> pair in declared.Pairs!)
            {
                cancellationToken.ThrowIfCancellationRequested();
                string key = pair.Key.Value ?? string.Empty;
                if (key.StartsWith("x-", StringComparison.Ordinal) || schemas.Refs.Resolve(pair.Value) is not { IsMapping: true } item)
                {
                    continue;
                }

                builder.AddPathItem(webhooks, webhookNames, item, IncomingKind.Webhook, key, Identifiers.ToPascalCase(key), null, null);
            }
        }

        var callbacks = new List<IncomingRequestModel>();
        var callbackNames = new NameScope(ReservedMembers);
        if (root.Get("paths") is { IsMapping: true } paths)
        {
            foreach (KeyValuePair<YamlNode, YamlNode> pathPair in paths.Pairs!)
            {
                string path = pathPair.Key.Value ?? string.Empty;
                if (!path.StartsWith("/", StringComparison.Ordinal) || schemas.Refs.Resolve(pathPair.Value) is not { IsMapping: true } pathItem)
                {
                    continue;
                }

                foreach (PathItemOperation pathOperation in PathItemOperations.Of(pathItem, diagnostics: null)) // the client reports a bad key
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    YamlNode operation = pathOperation.Node;
                    if (operation.Get("callbacks") is { IsMapping: true } declaredCallbacks)
                    {
                        string owner = operation.GetString("operationId") is { Length: > 0 } id ? id : Identifiers.ToPascalCase(pathOperation.Field) + PathName(path);
                        builder.AddCallbacks(callbacks, callbackNames, declaredCallbacks, owner);
                    }
                }
            }
        }

        if (webhooks.Count == 0 && callbacks.Count == 0)
        {
            return null;
        }

        string stem = Stem(context.ClientName);
        return new ReceiverModel(stem + "Webhooks", webhooks.ToEquatableArray(), stem + "Callbacks", callbacks.ToEquatableArray(), stem + "WebhookEndpoints");
    }

    /// <summary>The client's name without a trailing <c>Client</c>: <c>StarRocksClient</c> receives through <c>StarRocksWebhooks</c>.</summary>
    private static string Stem(string clientName) =>
        clientName.Length > "Client".Length && clientName.EndsWith("Client", StringComparison.Ordinal) ? clientName.Substring(0, clientName.Length - "Client".Length) : clientName;

    private static string PathName(string path)
    {
        var builder = new System.Text.StringBuilder();
        foreach (string segment in path.Split('/'))
        {
            if (segment.Length > 0)
            {
                builder.Append(segment.StartsWith("{", StringComparison.Ordinal) ? "By" + Identifiers.ToPascalCase(segment) : Identifiers.ToPascalCase(segment));
            }
        }

        return builder.Length == 0 ? "Root" : builder.ToString();
    }

    private sealed class Builder
    {
        private readonly SchemaBuilder _schemas;
        private readonly DiagnosticBag _diagnostics;
        private readonly CancellationToken _cancellationToken;

        public Builder(SchemaBuilder schemas, DiagnosticBag diagnostics, CancellationToken cancellationToken)
        {
            _schemas = schemas;
            _diagnostics = diagnostics;
            _cancellationToken = cancellationToken;
        }

        private RefResolver Refs => _schemas.Refs;

        /// <summary>The callbacks of one operation: each name maps runtime expressions to path items.</summary>
        public void AddCallbacks(List<IncomingRequestModel> into, NameScope names, YamlNode declared, string owner)
        {
            foreach (KeyValuePair<YamlNode, YamlNode> pair in declared.Pairs!)
            {
                string key = pair.Key.Value ?? string.Empty;
                if (key.StartsWith("x-", StringComparison.Ordinal) || Refs.Resolve(pair.Value) is not { IsMapping: true } callback)
                {
                    continue;
                }

                int expressions = 0;
                foreach (KeyValuePair<YamlNode, YamlNode> expression in callback.Pairs!)
                {
                    if (!(expression.Key.Value ?? string.Empty).StartsWith("x-", StringComparison.Ordinal))
                    {
                        expressions++;
                    }
                }

                foreach (KeyValuePair<YamlNode, YamlNode> expression in callback.Pairs!)
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                    string url = expression.Key.Value ?? string.Empty;
                    if (url.StartsWith("x-", StringComparison.Ordinal) || Refs.Resolve(expression.Value) is not { IsMapping: true } item)
                    {
                        continue;
                    }

                    // One expression: the callback's name says it all; several: they are told apart by position.
                    string name = Identifiers.ToPascalCase(owner) + Identifiers.ToPascalCase(key) + (expressions > 1 ? "Url" + (CountBefore(callback, expression.Key) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty);
                    AddPathItem(into, names, item, IncomingKind.Callback, key, name, url, owner);
                }
            }
        }

        private static int CountBefore(YamlNode callback, YamlNode key)
        {
            int count = 0;
            foreach (KeyValuePair<YamlNode, YamlNode> pair in callback.Pairs!)
            {
                if (ReferenceEquals(pair.Key, key))
                {
                    break;
                }

                if (!(pair.Key.Value ?? string.Empty).StartsWith("x-", StringComparison.Ordinal))
                {
                    count++;
                }
            }

            return count;
        }

        /// <summary>Each operation of a webhook's or callback's path item; the method is added to the name when there are several.</summary>
        public void AddPathItem(List<IncomingRequestModel> into, NameScope names, YamlNode item, IncomingKind kind, string key, string name, string? expression, string? owner)
        {
            List<PathItemOperation> operations = PathItemOperations.Of(item, _diagnostics);
            List<YamlNode> shared = Parameters(item.Get("parameters"));
            foreach (PathItemOperation operation in operations)
            {
                string preferred = operations.Count > 1 ? name + Identifiers.ToPascalCase(operation.Field) : name;
                into.Add(Request(operation.Node, shared, kind, key, names.Claim(preferred), operation.Method, expression, owner));
            }
        }

        private IncomingRequestModel Request(YamlNode operation, List<YamlNode> shared, IncomingKind kind, string key, string name, string method, string? expression, string? owner)
        {
            (TypeRef? payload, bool required, string? description) = Payload(operation.Get("requestBody"), name, kind, key);
            (TypeRef? headers, EquatableArray<IncomingHeaderModel> fields) = Headers(shared, Parameters(operation.Get("parameters")), operation, name);
            return new IncomingRequestModel(
                name,
                kind,
                key,
                method,
                expression,
                owner,
                operation.GetString("operationId"),
                operation.GetString("summary"),
                operation.GetString("description"),
                operation.GetBool("deprecated"),
                payload,
                required,
                description,
                headers,
                fields,
                Responses(operation.Get("responses")));
        }

        /// <summary>The JSON body's type. Another media type is reported: no parser is generated for it.</summary>
        private (TypeRef? Type, bool Required, string? Description) Payload(YamlNode? node, string name, IncomingKind kind, string key)
        {
            if (node is null || Refs.Resolve(node) is not { IsMapping: true } body || body.Get("content") is not { IsMapping: true } content || content.Pairs!.Count == 0)
            {
                return (null, false, null);
            }

            bool required = body.GetBool("required");
            string? description = body.GetString("description");
            foreach (KeyValuePair<YamlNode, YamlNode> pair in content.Pairs!)
            {
                if (IsJson(pair.Key.Value ?? string.Empty))
                {
                    YamlNode media = Refs.Resolve(pair.Value) ?? pair.Value; // 3.2: a $ref to components.mediaTypes
                    Shape shape = media.Get("schema") is { } schema ? _schemas.ShapeOf(schema, name, "Payload") : new Shape(TypeRef.Any, Constraints.None, true);
                    if (!shape.Constraints.IsEmpty && shape.Type.Kind is not (TypeRefKind.Model or TypeRefKind.Union or TypeRefKind.Array))
                    {
                        _diagnostics.Report(DiagnosticDescriptors.UnsupportedConstruct, media.Get("schema") ?? media, "Constraints on a " + What(kind) + " payload that is not an object or array", $"the payload of {key} is read, but its own constraints are not checked");
                    }

                    return (shape.Type, required, description);
                }
            }

            var types = new List<string>();
            foreach (KeyValuePair<YamlNode, YamlNode> pair in content.Pairs!)
            {
                types.Add("'" + pair.Key.Value + "'");
            }

            _diagnostics.Report(DiagnosticDescriptors.UnsupportedConstruct, content, "A " + What(kind) + " body of type " + string.Join(", ", types), $"no parser is generated for {key}; read its body as bytes");
            return (null, false, null);
        }

        private static string What(IncomingKind kind) => kind == IncomingKind.Webhook ? "webhook" : "callback";

        /// <summary>
        /// The header parameters as one synthetic object schema (property = header name, as declared), built
        /// through SchemaBuilder into <c>{Name}Headers</c>; each header's kind says how its text becomes JSON.
        /// </summary>
        private (TypeRef? Type, EquatableArray<IncomingHeaderModel> Fields) Headers(List<YamlNode> shared, List<YamlNode> own, YamlNode operation, string name)
        {
            var byName = new Dictionary<string, YamlNode>(StringComparer.OrdinalIgnoreCase);
            var order = new List<string>();
            foreach (YamlNode parameter in shared.Concat(own))
            {
                if (parameter.GetString("in") != "header" || parameter.GetString("name") is not { Length: > 0 } header
                    || header.Equals("Accept", StringComparison.OrdinalIgnoreCase) || header.Equals("Content-Type", StringComparison.OrdinalIgnoreCase) || header.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
                {
                    continue; // OpenAPI: these three header parameters are ignored
                }

                if (!byName.ContainsKey(header))
                {
                    order.Add(header);
                }

                byName[header] = parameter; // the operation's own override the path item's
            }

            if (order.Count == 0)
            {
                return (null, EquatableArray<IncomingHeaderModel>.Empty);
            }

            YamlNode schema = YamlNode.Mapping(operation.Line, operation.Column);
            YamlNode properties = YamlNode.Mapping(operation.Line, operation.Column);
            YamlNode required = YamlNode.Sequence(operation.Line, operation.Column);
            var fields = new List<IncomingHeaderModel>();
            foreach (string header in order)
            {
                YamlNode parameter = byName[header];
                YamlNode? headerSchema = parameter.Get("schema");
                bool json = false;
                if (headerSchema is null && parameter.Get("content") is { IsMapping: true } content && content.Pairs!.Count == 1 && IsJson(content.Pairs[0].Key.Value ?? string.Empty))
                {
                    headerSchema = content.Pairs[0].Value.Get("schema");
                    json = true;
                }

                headerSchema ??= YamlNode.Mapping(parameter.Line, parameter.Column); // any value
                YamlNode key = YamlNode.Scalar(header, false, parameter.Line, parameter.Column);
                properties.Pairs!.Add(new KeyValuePair<YamlNode, YamlNode>(key, headerSchema));
                if (parameter.GetBool("required"))
                {
                    required.Items!.Add(key);
                }

                fields.Add(new IncomingHeaderModel(header, json ? IncomingHeaderKind.Json : KindOf(headerSchema)));
            }

            schema.Pairs!.Add(Pair("type", YamlNode.Scalar("object", true, operation.Line, operation.Column), operation));
            schema.Pairs.Add(Pair("properties", properties, operation));
            if (required.Items!.Count > 0)
            {
                schema.Pairs.Add(Pair("required", required, operation));
            }

            Shape shape = _schemas.ShapeOf(schema, name, "Headers");
            return (shape.Type.Kind == TypeRefKind.Model ? shape.Type : null, fields.ToEquatableArray());
        }

        private static KeyValuePair<YamlNode, YamlNode> Pair(string key, YamlNode value, YamlNode at) =>
            new(YamlNode.Scalar(key, true, at.Line, at.Column), value);

        /// <summary>How a header's text is read: its type's primitives as JSON scalars, strings as strings, lists split at commas (the simple style).</summary>
        private IncomingHeaderKind KindOf(YamlNode schemaNode)
        {
            YamlNode? schema = Refs.Resolve(schemaNode);
            string? type = schema is { IsMapping: true } ? SchemaBuilder.PrimaryType(schema) : null;
            if (type == "array")
            {
                YamlNode? items = schema!.Get("items") is { } itemsNode ? Refs.Resolve(itemsNode) : null;
                string? itemType = items is { IsMapping: true } ? SchemaBuilder.PrimaryType(items) : null;
                return itemType is "integer" or "number" or "boolean" ? IncomingHeaderKind.ScalarList : IncomingHeaderKind.TextList;
            }

            return type switch
            {
                "integer" or "number" or "boolean" => IncomingHeaderKind.Scalar,
                "object" => IncomingHeaderKind.Json,
                _ => IncomingHeaderKind.Text,
            };
        }

        private EquatableArray<IncomingResponseModel> Responses(YamlNode? responses)
        {
            var result = new List<IncomingResponseModel>();
            if (responses is { IsMapping: true })
            {
                foreach (KeyValuePair<YamlNode, YamlNode> pair in responses.Pairs!)
                {
                    string status = pair.Key.Value ?? string.Empty;
                    if (!status.StartsWith("x-", StringComparison.Ordinal))
                    {
                        result.Add(new IncomingResponseModel(status, Refs.Resolve(pair.Value)?.GetString("description")));
                    }
                }
            }

            return result.ToEquatableArray();
        }

        private List<YamlNode> Parameters(YamlNode? node)
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

        private static bool IsJson(string mediaType)
        {
            string bare = mediaType.Split(';')[0].Trim().ToLowerInvariant();
            return bare == "application/json" || bare.EndsWith("+json", StringComparison.Ordinal) || bare == "*/*" || bare == "application/*";
        }
    }
}
