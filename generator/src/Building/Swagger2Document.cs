using System;
using System.Collections.Generic;
using System.Threading;
using OpenApiSdk.Generator.Diagnostics;
using OpenApiSdk.Generator.Yaml;

namespace OpenApiSdk.Generator.Building;

/// <summary>
/// Reads a Swagger 2.0 document as the OpenAPI 3.0 document its faithful conversion is (the upgrading rules of the
/// OpenAPI 3.0 text, as swagger2openapi applies them): a new root of <see cref="YamlNode"/>s that shares every node the
/// conversion does not change with the 2.0 tree, and gives every node it builds the position of the 2.0 node it comes
/// from, so the builders run unchanged and every diagnostic points at the 2.0 file's line and column.
/// </summary>
/// <remarks>
/// What maps where: <c>host</c>/<c>basePath</c>/<c>schemes</c> → <c>servers</c> (https first); <c>definitions</c>,
/// <c>parameters</c>, <c>responses</c>, <c>securityDefinitions</c> → <c>components</c>, with every <c>$ref</c> to them
/// rewritten; <c>in: body</c> and <c>in: formData</c> parameters → the operation's <c>requestBody</c> (media types from
/// <c>consumes</c>); the other parameters' type keywords → their <c>schema</c>, <c>collectionFormat</c> → <c>style</c>/
/// <c>explode</c> (or <c>x-collectionFormat</c> where 3.0 has no style: tsv anywhere, ssv and pipes outside the query,
/// as swagger2openapi writes for tsv); response <c>schema</c> → <c>content</c> per <c>produces</c> type. Schemas: see
/// <see cref="Schema"/>. Work is one pass over the document, each node once (a YAML alias converts once).
/// </remarks>
internal sealed partial class Swagger2Document
{
    private static readonly string[] Methods = { "get", "put", "post", "delete", "options", "head", "patch" };
    private static readonly (string From, string To)[] ReferencePlaces =
    {
        ("#/definitions/", "#/components/schemas/"), ("#/parameters/", "#/components/parameters/"), ("#/responses/", "#/components/responses/"),
    };

    // Never changed: the media types of an operation that declares none (read only by the loops below).
    private static readonly List<string> JsonMediaType = new() { "application/json" };
    private static readonly List<string> AnyMediaType = new() { "*/*" };

    private readonly YamlNode _root;
    private readonly DiagnosticBag _diagnostics;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<YamlNode, YamlNode> _schemas = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<YamlNode, List<(string Value, string Subtype)>> _discriminatorValues = new(ReferenceEqualityComparer.Instance);
    private readonly List<string> _consumes;
    private readonly List<string> _produces;

    private Swagger2Document(YamlNode root, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        _root = root;
        _diagnostics = diagnostics;
        _cancellationToken = cancellationToken;
        _consumes = MediaTypes(root.Get("consumes"));
        _produces = MediaTypes(root.Get("produces"));
    }

    /// <summary>True for a root that declares <c>swagger: "2.0"</c>.</summary>
    public static bool IsSwagger2(YamlNode root) => root.IsMapping && root.Get("swagger") is { IsScalar: true, Value: "2.0" };

    /// <summary>The OpenAPI 3.0 root of a Swagger 2.0 root (see the class summary).</summary>
    public static YamlNode Convert(YamlNode root, DiagnosticBag diagnostics, CancellationToken cancellationToken) =>
        new Swagger2Document(root, diagnostics, cancellationToken).Root();

    private YamlNode Root()
    {
        YamlNode result = Like(_root);
        YamlNode swagger = _root.Get("swagger")!;
        Add(result, "openapi", Text("3.0.3", swagger), swagger);
        NoteDiscriminatorValues();
        bool serversAdded = false;
        YamlNode? components = null;
        foreach (KeyValuePair<YamlNode, YamlNode> pair in _root.Pairs!)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            switch (pair.Key.Value)
            {
                case "swagger" or "consumes" or "produces" or "openapi" or "components" or "servers":
                    break;
                case "host" or "basePath" or "schemes":
                    if (!serversAdded)
                    {
                        serversAdded = true;
                        Add(result, "servers", Servers(pair.Key), pair.Key);
                    }

                    break;
                case "paths" or "x-ms-paths":
                    result.Pairs!.Add(new(pair.Key, Paths(pair.Value)));
                    break;
                case "definitions" or "parameters" or "responses" or "securityDefinitions":
                    if (components is null)
                    {
                        components = Like(pair.Value);
                        Add(result, "components", components, pair.Key);
                    }

                    Component(components, pair.Key, pair.Value);
                    break;
                default:
                    result.Pairs!.Add(pair); // info, tags, security, externalDocs, vendor extensions: the same in 3.0
                    break;
            }
        }

        return result;
    }

    /// <summary>The server URL of <c>host</c>, <c>basePath</c> and <c>schemes</c>: https first when it is among several (or none is given).</summary>
    private YamlNode Servers(YamlNode at)
    {
        string? host = _root.GetString("host");
        string basePath = (_root.GetString("basePath") ?? string.Empty).TrimEnd('/');
        var schemes = new List<string>();
        if (_root.Get("schemes") is { IsSequence: true } declared)
        {
            foreach (YamlNode scheme in declared.Items!)
            {
                if (scheme is { IsScalar: true, Value: { Length: > 0 } name } && !schemes.Contains(name))
                {
                    schemes.Add(name);
                }
            }
        }

        // A 2.0 document without schemes is served with the scheme it was fetched with, which a build cannot know.
        if (schemes.Count == 0 || schemes.Remove("https"))
        {
            schemes.Insert(0, "https");
        }

        YamlNode servers = YamlNode.Sequence(at.Line, at.Column);
        IEnumerable<string> urls = host is null ? new[] { basePath.Length == 0 ? "/" : basePath } : schemes.ConvertAll(s => s + "://" + host + basePath);
        foreach (string url in urls)
        {
            YamlNode server = YamlNode.Mapping(at.Line, at.Column);
            Add(server, "url", Text(url, at), at);
            servers.Items!.Add(server);
        }

        return servers;
    }

    private void Component(YamlNode components, YamlNode key, YamlNode value)
    {
        if (!value.IsMapping)
        {
            return;
        }

        YamlNode converted = Like(value);
        switch (key.Value)
        {
            case "definitions":
                Add(components, "schemas", SchemaMap(value), key);
                break;
            case "parameters":
                // Body and form parameters have no 3.0 parameter form: an operation that refers to one gets its body (Operation).
                Add(components, "parameters", converted, key);
                foreach (KeyValuePair<YamlNode, YamlNode> pair in value.Pairs!)
                {
                    if (pair.Value.IsMapping && pair.Value.GetString("in") is not ("body" or "formData"))
                    {
                        converted.Pairs!.Add(new(pair.Key, Parameter(pair.Value)));
                    }
                }

                break;
            case "responses":
                Add(components, "responses", converted, key);
                foreach (KeyValuePair<YamlNode, YamlNode> pair in value.Pairs!)
                {
                    converted.Pairs!.Add(new(pair.Key, Response(pair.Value, _produces)));
                }

                break;
            default:
                Add(components, "securitySchemes", converted, key);
                foreach (KeyValuePair<YamlNode, YamlNode> pair in value.Pairs!)
                {
                    converted.Pairs!.Add(new(pair.Key, SecurityScheme(pair.Value)));
                }

                break;
        }
    }

    /// <summary><c>basic</c> → http basic; <c>apiKey</c> as it is; <c>oauth2</c>'s one flow → <c>flows</c> (application → clientCredentials, accessCode → authorizationCode).</summary>
    private static YamlNode SecurityScheme(YamlNode scheme)
    {
        if (!scheme.IsMapping)
        {
            return scheme;
        }

        YamlNode result = Like(scheme);
        string? type = scheme.GetString("type");
        YamlNode? flow = null;
        foreach (KeyValuePair<YamlNode, YamlNode> pair in scheme.Pairs!)
        {
            switch (pair.Key.Value)
            {
                case "type" when type == "basic":
                    Add(result, "type", Text("http", pair.Value), pair.Key);
                    Add(result, "scheme", Text("basic", pair.Value), pair.Key);
                    break;
                case "flow" or "authorizationUrl" or "tokenUrl" or "scopes" when type == "oauth2":
                    if (flow is null)
                    {
                        flow = Like(scheme);
                        YamlNode flows = Like(scheme);
                        string name = scheme.GetString("flow") switch
                        {
                            "application" => "clientCredentials",
                            "accessCode" => "authorizationCode",
                            { } other => other,
                            null => "implicit",
                        };
                        Add(flows, name, flow, pair.Key);
                        Add(result, "flows", flows, pair.Key);
                    }

                    if (pair.Key.Value != "flow")
                    {
                        flow.Pairs!.Add(pair);
                    }

                    break;
                default:
                    result.Pairs!.Add(pair);
                    break;
            }
        }

        return result;
    }

    private YamlNode Paths(YamlNode paths)
    {
        if (!paths.IsMapping)
        {
            return paths;
        }

        YamlNode result = Like(paths, paths.Pairs!.Count);
        foreach (KeyValuePair<YamlNode, YamlNode> pair in paths.Pairs!)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            result.Pairs!.Add(new(pair.Key, PathItem(pair.Value)));
        }

        return result;
    }

    private YamlNode PathItem(YamlNode item)
    {
        if (!item.IsMapping || item.Get("$ref") is not null)
        {
            return item; // a path item in another file: the builder reports it
        }

        // Body and form parameters of the path item belong to each operation's body.
        var bodyParameters = new List<YamlNode>();
        YamlNode result = Like(item, item.Pairs!.Count);
        foreach (KeyValuePair<YamlNode, YamlNode> pair in item.Pairs!)
        {
            if (pair.Key.Value == "parameters")
            {
                result.Pairs!.Add(new(pair.Key, Parameters(pair.Value, bodyParameters)));
            }
        }

        foreach (KeyValuePair<YamlNode, YamlNode> pair in item.Pairs!)
        {
            if (Array.IndexOf(Methods, pair.Key.Value) >= 0 && pair.Value.IsMapping)
            {
                result.Pairs!.Add(new(pair.Key, Operation(pair.Value, bodyParameters)));
            }
            else if (pair.Key.Value != "parameters")
            {
                result.Pairs!.Add(pair);
            }
        }

        return result;
    }

    private YamlNode Operation(YamlNode operation, List<YamlNode> pathBodyParameters)
    {
        YamlNode result = Like(operation, operation.Pairs!.Count + 1);
        var bodyParameters = new List<YamlNode>(pathBodyParameters);
        List<string> consumes = operation.Get("consumes") is { } declaredConsumes ? MediaTypes(declaredConsumes) : _consumes;
        List<string> produces = operation.Get("produces") is { } declaredProduces ? MediaTypes(declaredProduces) : _produces;
        foreach (KeyValuePair<YamlNode, YamlNode> pair in operation.Pairs!)
        {
            switch (pair.Key.Value)
            {
                case "consumes" or "produces" or "schemes":
                    break;
                case "parameters":
                    result.Pairs!.Add(new(pair.Key, Parameters(pair.Value, bodyParameters)));
                    break;
                case "responses" when pair.Value.IsMapping:
                    YamlNode responses = Like(pair.Value, pair.Value.Pairs!.Count);
                    foreach (KeyValuePair<YamlNode, YamlNode> response in pair.Value.Pairs!)
                    {
                        responses.Pairs!.Add(new(response.Key, response.Key.Value is { } code && code.StartsWith("x-", StringComparison.Ordinal) ? response.Value : Response(response.Value, produces)));
                    }

                    result.Pairs!.Add(new(pair.Key, responses));
                    break;
                default:
                    result.Pairs!.Add(pair);
                    break;
            }
        }

        if (RequestBody(bodyParameters, consumes, operation) is { } body)
        {
            Add(result, "requestBody", body, bodyParameters[0]);
        }

        return result;
    }

    /// <summary>The parameters that stay parameters; body and form parameters (followed through <c>$ref</c>) go to <paramref name="bodyParameters"/>.</summary>
    private YamlNode Parameters(YamlNode parameters, List<YamlNode> bodyParameters)
    {
        if (!parameters.IsSequence)
        {
            return parameters;
        }

        YamlNode result = YamlNode.Sequence(parameters.Line, parameters.Column);
        result.EndLine = parameters.EndLine;
        result.EndColumn = parameters.EndColumn;
        foreach (YamlNode parameter in parameters.Items!)
        {
            YamlNode? resolved = Follow(parameter);
            if (resolved is { IsMapping: true } && resolved.GetString("in") is "body" or "formData")
            {
                // An operation's parameter replaces the path item's one of the same name and location.
                bodyParameters.RemoveAll(p => p.GetString("name") == resolved.GetString("name") && p.GetString("in") == resolved.GetString("in"));
                bodyParameters.Add(resolved);
            }
            else
            {
                result.Items!.Add(parameter.IsMapping && parameter.Get("$ref") is { } reference ? Reference(parameter, reference) : Parameter(parameter));
            }
        }

        return result;
    }

    /// <summary>A query, path or header parameter: its type keywords become its <c>schema</c>, its collectionFormat a style.</summary>
    private YamlNode Parameter(YamlNode parameter)
    {
        if (!parameter.IsMapping)
        {
            return parameter;
        }

        YamlNode result = Like(parameter, parameter.Pairs!.Count);
        YamlNode schema = Like(parameter, parameter.Pairs!.Count);
        foreach (KeyValuePair<YamlNode, YamlNode> pair in parameter.Pairs!)
        {
            switch (pair.Key.Value)
            {
                case "collectionFormat" or "x-nullable" or "x-isnullable":
                    break;
                case "name" or "in" or "description" or "allowEmptyValue" or "x-ms-client-name" or "x-ms-parameter-location" or "x-ms-parameter-grouping" or "x-ms-skip-url-encoding":
                    result.Pairs!.Add(pair);
                    break;
                case "required":
                    result.Pairs!.Add(new(pair.Key, Boolean(pair.Value)));
                    break;
                case "x-ms-enum":
                    // On the schema, where a 3.0 document has its enum; swagger2openapi leaves it on the parameter: both.
                    result.Pairs!.Add(pair);
                    schema.Pairs!.Add(pair);
                    break;
                default:
                    // type, format, items, enum, default, the bounds, and extensions of the value
                    schema.Pairs!.Add(pair);
                    break;
            }
        }

        Add(result, "schema", Schema(Nullable(schema, parameter)), parameter);
        if (parameter.GetString("type") == "array")
        {
            CollectionFormat(result, parameter, parameter.GetString("in") ?? string.Empty);
        }

        return result;
    }

    /// <summary>
    /// <c>collectionFormat</c> (csv by default) as the 3.0 style and explode of <paramref name="location"/>; where 3.0
    /// has no style for it, <c>x-collectionFormat</c> tells the builder the separator.
    /// </summary>
    private void CollectionFormat(YamlNode target, YamlNode parameter, string location)
    {
        YamlNode at = parameter.Get("collectionFormat") ?? parameter;
        string format = parameter.GetString("collectionFormat") ?? "csv";
        bool query = location is "query" or "formData";
        if (format == "multi" && !query)
        {
            _diagnostics.Report(DiagnosticDescriptors.IgnoredValue, at, $"collectionFormat 'multi' is valid only for query and formData parameters; '{parameter.GetString("name")}' is sent as csv");
            format = "csv";
        }

        (string Style, bool Explode, string? Separator) wire = format switch
        {
            "multi" => ("form", true, null),
            "ssv" when query => ("spaceDelimited", false, null),
            "pipes" when query => ("pipeDelimited", false, null),
            "ssv" or "pipes" or "tsv" => (query ? "form" : "simple", false, format),
            "csv" => (query ? "form" : "simple", false, null),
            _ => (query ? "form" : "simple", false, null),
        };
        if (format is not ("csv" or "ssv" or "tsv" or "pipes" or "multi"))
        {
            _diagnostics.Report(DiagnosticDescriptors.IgnoredValue, at, $"The collectionFormat '{format}' of '{parameter.GetString("name")}' is not one of csv, ssv, tsv, pipes or multi; it is sent as csv");
        }

        Add(target, "style", Text(wire.Style, at, plain: true), at);
        Add(target, "explode", Text(wire.Explode ? "true" : "false", at, plain: true), at);
        if (wire.Separator is { } separator)
        {
            Add(target, "x-collectionFormat", Text(separator, at), at);
        }
    }

    /// <summary>
    /// The request body of an operation's <c>in: body</c> parameter (one media type per <c>consumes</c> entry, JSON when
    /// none) or of its <c>in: formData</c> parameters (one object schema, a property per parameter; multipart/form-data
    /// when a parameter is a file or <c>consumes</c> names it, else application/x-www-form-urlencoded).
    /// </summary>
    private YamlNode? RequestBody(List<YamlNode> parameters, List<string> consumes, YamlNode operation)
    {
        if (parameters.Count == 0)
        {
            return null;
        }

        YamlNode? body = parameters.Find(p => p.GetString("in") == "body");
        if (body is not null)
        {
            if (parameters.Exists(p => p.GetString("in") == "formData") || parameters.FindAll(p => p.GetString("in") == "body").Count > 1)
            {
                _diagnostics.Report(DiagnosticDescriptors.IgnoredValue, operation, "Swagger 2.0 allows one body parameter and no form parameters beside it; only the first body parameter is sent");
            }

            YamlNode result = Like(body);
            YamlNode content = Like(body);
            foreach (KeyValuePair<YamlNode, YamlNode> pair in body.Pairs!)
            {
                if (pair.Key.Value is "description" || (pair.Key.Value is { } key && key.StartsWith("x-", StringComparison.Ordinal)))
                {
                    result.Pairs!.Add(pair);
                }
                else if (pair.Key.Value == "required")
                {
                    result.Pairs!.Add(new(pair.Key, Boolean(pair.Value)));
                }
            }

            Add(result, "content", content, body);
            YamlNode? schema = body.Get("schema");
            foreach (string mediaType in consumes.Count == 0 ? JsonMediaType : consumes)
            {
                YamlNode media = Like(body);
                if (schema is not null)
                {
                    Add(media, "schema", Schema(schema), schema);
                }

                Add(content, mediaType, media, body);
            }

            return result;
        }

        bool multipart = consumes.Contains("multipart/form-data") || parameters.Exists(p => p.GetString("type") == "file");
        YamlNode formBody = Like(parameters[0]);
        YamlNode formContent = Like(parameters[0]);
        YamlNode formMedia = Like(parameters[0]);
        YamlNode objectSchema = Like(parameters[0]);
        YamlNode properties = Like(parameters[0]);
        YamlNode required = YamlNode.Sequence(parameters[0].Line, parameters[0].Column);
        YamlNode encoding = Like(parameters[0]);
        Add(objectSchema, "type", Text("object", parameters[0], plain: true), parameters[0]);
        Add(objectSchema, "properties", properties, parameters[0]);
        foreach (YamlNode parameter in parameters)
        {
            string name = parameter.GetString("name") ?? string.Empty;
            YamlNode nameNode = parameter.Get("name") ?? parameter;
            YamlNode property = Like(parameter);
            foreach (KeyValuePair<YamlNode, YamlNode> pair in parameter.Pairs!)
            {
                if (pair.Key.Value is not ("name" or "in" or "required" or "collectionFormat" or "allowEmptyValue"))
                {
                    property.Pairs!.Add(pair);
                }
            }

            properties.Pairs!.Add(new(Text(name, nameNode), Schema(Nullable(property, parameter))));
            if (parameter.Get("required") is { } isRequired && Boolean(isRequired) is { Value: "true" })
            {
                required.Items!.Add(Text(name, nameNode));
            }

            if (parameter.GetString("type") == "array")
            {
                YamlNode wire = Like(parameter);
                CollectionFormat(wire, parameter, "formData");
                Add(encoding, name, wire, nameNode);
            }
        }

        if (required.Items!.Count > 0)
        {
            Add(objectSchema, "required", required, parameters[0]);
            Add(formBody, "required", Text("true", parameters[0], plain: true), parameters[0]);
        }

        Add(formBody, "content", formContent, parameters[0]);
        Add(formContent, multipart ? "multipart/form-data" : "application/x-www-form-urlencoded", formMedia, parameters[0]);
        Add(formMedia, "schema", objectSchema, parameters[0]);
        if (encoding.Pairs!.Count > 0)
        {
            Add(formMedia, "encoding", encoding, parameters[0]);
        }

        return formBody;
    }

    /// <summary>A response: its <c>schema</c> becomes one media type per <c>produces</c> entry (<c>*/*</c> when none), <c>examples</c> their examples, each header's type keywords its schema.</summary>
    private YamlNode Response(YamlNode response, List<string> produces)
    {
        if (!response.IsMapping)
        {
            return response;
        }

        if (response.Get("$ref") is { } reference)
        {
            return Reference(response, reference);
        }

        YamlNode result = Like(response, response.Pairs!.Count);
        YamlNode? schema = response.Get("schema");
        YamlNode? examples = response.Get("examples") is { IsMapping: true } given ? given : null;
        foreach (KeyValuePair<YamlNode, YamlNode> pair in response.Pairs!)
        {
            switch (pair.Key.Value)
            {
                case "schema" or "examples":
                    break;
                case "headers" when pair.Value.IsMapping:
                    YamlNode headers = Like(pair.Value, pair.Value.Pairs!.Count);
                    foreach (KeyValuePair<YamlNode, YamlNode> header in pair.Value.Pairs!)
                    {
                        headers.Pairs!.Add(new(header.Key, Header(header.Value)));
                    }

                    result.Pairs!.Add(new(pair.Key, headers));
                    break;
                default:
                    result.Pairs!.Add(pair);
                    break;
            }
        }

        if (schema is not null)
        {
            List<string> mediaTypes = produces.Count == 0 ? AnyMediaType : produces;
            YamlNode content = Like(schema, mediaTypes.Count);
            YamlNode converted = Schema(schema);
            foreach (string mediaType in mediaTypes)
            {
                YamlNode media = Like(schema, examples is null ? 1 : 2);
                Add(media, "schema", converted, schema);
                if (examples?.Get(mediaType) is { } example)
                {
                    Add(media, "example", example, example);
                }

                Add(content, mediaType, media, schema);
            }

            Add(result, "content", content, schema);
        }

        return result;
    }

    private YamlNode Header(YamlNode header)
    {
        if (!header.IsMapping)
        {
            return header;
        }

        YamlNode result = Like(header, header.Pairs!.Count + 1);
        YamlNode schema = Like(header, header.Pairs!.Count);
        foreach (KeyValuePair<YamlNode, YamlNode> pair in header.Pairs!)
        {
            if (pair.Key.Value is "description" || (pair.Key.Value is { } key && key.StartsWith("x-", StringComparison.Ordinal)))
            {
                result.Pairs!.Add(pair);
            }
            else if (pair.Key.Value != "collectionFormat")
            {
                schema.Pairs!.Add(pair);
            }
        }

        Add(result, "schema", Schema(schema), header);
        return result;
    }

    /// <summary>The node a <c>$ref</c> to a 2.0 parameter leads to (2.0 has no chains of them); the node itself otherwise, null when broken.</summary>
    private YamlNode? Follow(YamlNode node)
    {
        if (!node.IsMapping || node.GetString("$ref") is not { } reference)
        {
            return node;
        }

        return reference.StartsWith("#/", StringComparison.Ordinal) ? Pointer(reference) : null;
    }

    private YamlNode? Pointer(string reference)
    {
        YamlNode? current = _root;
        foreach (string segment in reference.Substring(2).Split('/'))
        {
            current = current is { IsMapping: true } ? current.Get(RefResolver.Unescape(segment)) : null;
        }

        return current;
    }

    /// <summary>A <c>{$ref}</c> mapping with the reference rewritten to where the conversion put its target.</summary>
    private static YamlNode Reference(YamlNode node, YamlNode reference)
    {
        string text = reference.Value ?? string.Empty;
        string rewritten = Rewrite(text);
        if (ReferenceEquals(rewritten, text))
        {
            return node;
        }

        YamlNode result = Like(node);
        foreach (KeyValuePair<YamlNode, YamlNode> pair in node.Pairs!)
        {
            result.Pairs!.Add(pair.Key.Value == "$ref" ? new(pair.Key, Text(rewritten, reference)) : pair);
        }

        return result;
    }

    /// <summary><c>#/definitions/X</c>, <c>#/parameters/X</c>, <c>#/responses/X</c> → their place under <c>#/components/</c>; any other reference as it is.</summary>
    private static string Rewrite(string reference)
    {
        foreach ((string from, string to) in ReferencePlaces)
        {
            if (reference.StartsWith(from, StringComparison.Ordinal))
            {
                return to + reference.Substring(from.Length);
            }
        }

        return reference;
    }

    private static List<string> MediaTypes(YamlNode? list)
    {
        var result = new List<string>();
        if (list is { IsSequence: true })
        {
            foreach (YamlNode item in list.Items!)
            {
                if (item is { IsScalar: true, Value: { Length: > 0 } mediaType } && !result.Contains(mediaType))
                {
                    result.Add(mediaType);
                }
            }
        }

        return result;
    }

    /// <summary>An empty mapping at <paramref name="at"/>'s position, with room for <paramref name="capacity"/> pairs.</summary>
    private static YamlNode Like(YamlNode at, int capacity = 0)
    {
        YamlNode node = YamlNode.Mapping(at.Line, at.Column, capacity);
        node.EndLine = at.EndLine;
        node.EndColumn = at.EndColumn;
        return node;
    }

    private static YamlNode Text(string value, YamlNode at, bool plain = false)
    {
        YamlNode node = YamlNode.Scalar(value, plain, at.Line, at.Column);
        node.EndLine = at.EndLine;
        node.EndColumn = at.EndColumn;
        return node;
    }

    private static void Add(YamlNode mapping, string key, YamlNode value, YamlNode at) =>
        mapping.Pairs!.Add(new(Text(key, at, plain: true), value));
}
