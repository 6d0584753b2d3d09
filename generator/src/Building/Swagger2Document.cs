using System;
using System.Collections.Generic;
using System.Threading;
using OpenApiSdk.Generator.Diagnostics;
using OpenApiSdk.Generator.Yaml;

namespace OpenApiSdk.Generator.Building;

/// <summary>
/// Reads a Swagger 2.0 document as the OpenAPI 3.0 document its faithful conversion is (the upgrading rules of the
/// OpenAPI 3.0 text, as swagger2openapi applies them): the 2.0 tree converted in place, root included (the parse owns
/// it), every node it builds at the position of the 2.0 node it comes from, so the builders run unchanged and every
/// diagnostic points at the 2.0 file's line and column.
/// </summary>
/// <remarks>
/// What maps where: <c>host</c> (or AutoRest's <c>x-ms-parameterized-host</c>)/<c>basePath</c>/<c>schemes</c> →
/// <c>servers</c> (https first), an operation's own <c>schemes</c> → its <c>servers</c>; <c>definitions</c>,
/// <c>parameters</c>, <c>responses</c>, <c>securityDefinitions</c> → <c>components</c>, the first three staying where
/// they are too, so every <c>$ref</c> to them is read as written (<see cref="Root"/>); <c>in: body</c> and <c>in: formData</c> parameters → the operation's <c>requestBody</c> (media types from
/// <c>consumes</c>); the other parameters' type keywords → their <c>schema</c>, <c>collectionFormat</c> → <c>style</c>/
/// <c>explode</c> (or <c>x-collectionFormat</c> where 3.0 has no style: tsv anywhere, ssv and pipes outside the query,
/// as swagger2openapi writes for tsv); response <c>schema</c> → <c>content</c> per <c>produces</c> type. Schemas: see
/// <see cref="Schema"/>. Work is one pass over the document, each node once: only a node a YAML alias shares can be
/// reached again, and it is converted once (<see cref="FirstVisit"/>) or, where its conversion depends on where it is
/// reached, copied first (<see cref="Own"/>).
/// </remarks>
internal sealed partial class Swagger2Document
{
    private static readonly string[] Methods = { "get", "put", "post", "delete", "options", "head", "patch" };

    /// <summary>The places a 2.0 reference names that are components in 3.0; the converted root keeps them as the components' own mappings.</summary>
    private static readonly (string Place, string Component, string From, string To)[] ReferencePlaces =
    {
        ("definitions", "schemas", DefinitionsPrefix, "#/components/schemas/"),
        ("parameters", "parameters", "#/parameters/", "#/components/parameters/"),
        ("responses", "responses", "#/responses/", "#/components/responses/"),
    };

    private const string DefinitionsPrefix = "#/definitions/";

    private readonly YamlNode _root;
    private readonly DiagnosticBag _diagnostics;
    private readonly CancellationToken _cancellationToken;
    private Dictionary<string, YamlNode?>? _followed;
    private HashSet<YamlNode>? _visited;
    private List<(YamlNode Parameter, bool Owned)>? _bodyParameters;
    private YamlNode? _hostVariables;
    private bool _reportedParameterizedHost;
    private Dictionary<YamlNode, List<(string Value, string Subtype)>>? _discriminatorValues;
    private const string ParameterizedHostKey = "x-ms-parameterized-host";

    private readonly YamlNode? _consumes;
    private readonly YamlNode? _produces;

    private Swagger2Document(YamlNode root, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        _root = root;
        _diagnostics = diagnostics;
        _cancellationToken = cancellationToken;
        _consumes = root.Get("consumes");
        _produces = root.Get("produces");
    }

    /// <summary>True for a root that declares <c>swagger: "2.0"</c>.</summary>
    public static bool IsSwagger2(YamlNode root) => root.IsMapping && root.Get("swagger") is { IsScalar: true, Value: "2.0" };

    /// <summary>
    /// <c>#/definitions/</c> when <paramref name="root"/> is a converted 2.0 root (its <c>definitions</c> are its
    /// component schemas, so a reference starting so names a component schema), null otherwise.
    /// </summary>
    public static string? SchemasAlias(YamlNode root) => IsComponentsPlace(root, ReferencePlaces[0]) ? DefinitionsPrefix : null;

    /// <summary>
    /// The OpenAPI 3.0 form of a reference into one of the 2.0 places of a converted 2.0 root (<c>#/definitions/Pet</c>
    /// → <c>#/components/schemas/Pet</c>), to say where it was looked for; null for any other reference or root.
    /// </summary>
    public static string? OpenApi3Form(YamlNode root, string reference)
    {
        foreach ((string Place, string Component, string From, string To) place in ReferencePlaces)
        {
            if (reference.StartsWith(place.From, StringComparison.Ordinal) && IsComponentsPlace(root, place))
            {
                return place.To + reference.Substring(place.From.Length);
            }
        }

        return null;
    }

    private static bool IsComponentsPlace(YamlNode root, (string Place, string Component, string From, string To) place) =>
        root.IsMapping && root.Get(place.Place) is { IsMapping: true } mapping && ReferenceEquals(mapping, root.Get("components")?.Get(place.Component));

    /// <summary>The OpenAPI 3.0 root of a Swagger 2.0 root (see the class summary).</summary>
    public static YamlNode Convert(YamlNode root, DiagnosticBag diagnostics, CancellationToken cancellationToken) =>
        new Swagger2Document(root, diagnostics, cancellationToken).Root();

    private YamlNode Root()
    {
        NoteDiscriminatorValues();
        List<KeyValuePair<YamlNode, YamlNode>> pairs = _root.Pairs!;
        YamlNode? servers = null;
        YamlNode? componentsAt = null;
        int places = 0;
        foreach (KeyValuePair<YamlNode, YamlNode> pair in pairs)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            switch (pair.Key.Value)
            {
                case "host" or "basePath" or "schemes" or ParameterizedHostKey:
                    servers ??= Servers(pair.Key, _root.Get("schemes"));
                    break;
                case "paths" or "x-ms-paths":
                    Paths(pair.Value);
                    break;
                case "definitions" or "parameters" or "responses" or "securityDefinitions":
                    componentsAt ??= pair.Key;
                    places += pair.Value.IsMapping ? 1 : 0;
                    Component(pair.Key, pair.Value);
                    break;
            }
        }

        // The root itself, in place, once nothing reads it as 2.0 any more.
        YamlNode? components = componentsAt is null ? null : Like(componentsAt, places);
        int kept = 0;
        for (int i = 0; i < pairs.Count; i++)
        {
            KeyValuePair<YamlNode, YamlNode> pair = pairs[i];
            switch (pair.Key.Value)
            {
                case "swagger":
                    pair = new(Text("openapi", pair.Value, plain: true), Text("3.0.3", pair.Value));
                    break;
                case "consumes" or "produces" or "openapi" or "components" or "servers":
                    continue;
                case "host" or "basePath" or "schemes" or ParameterizedHostKey:
                    if (servers is null)
                    {
                        continue;
                    }

                    pair = new(Text("servers", pair.Key, plain: true), servers);
                    servers = null;
                    break;
                case "definitions" or "parameters" or "responses" or "securityDefinitions" when pair.Value.IsMapping:
                    // The components' own mappings. Definitions, parameters and responses also stay where 2.0 has them,
                    // so a 2.0 reference (#/definitions/Pet) is read as it is written and names what the 3.0 one
                    // (#/components/schemas/Pet) names: no reference is rewritten.
                    Add(components!, ComponentsPlace(pair.Key.Value!), pair.Value, pair.Key);
                    if (pair.Key.Value == "securityDefinitions")
                    {
                        continue;
                    }

                    if (pair.Key.Value == "parameters")
                    {
                        DropBodyParameters(pair.Value);
                    }

                    break;
                case "securityDefinitions":
                    continue;
            }

            Keep(pairs, ref kept, i, pair);
        }

        pairs.RemoveRange(kept, pairs.Count - kept);
        if (components is not null)
        {
            Add(_root, "components", components, componentsAt!);
        }

        _root.PairsEdited();
        return _root;
    }

    /// <summary>Drops the body and form parameters of the root's <c>parameters</c>: 3.0 has no parameter form for them (each operation that refers to one has its body).</summary>
    private static void DropBodyParameters(YamlNode parameters)
    {
        if (parameters.Pairs!.RemoveAll(p => p.Value.IsMapping && p.Value.GetString("in") is "body" or "formData") > 0)
        {
            parameters.PairsEdited();
        }
    }

    /// <summary>Where <c>components</c> holds a Swagger 2.0 root's <paramref name="place"/>.</summary>
    private static string ComponentsPlace(string place)
    {
        foreach ((string Place, string Component, string From, string To) known in ReferencePlaces)
        {
            if (known.Place == place)
            {
                return known.Component;
            }
        }

        return "securitySchemes"; // of securityDefinitions
    }

    /// <summary>A 2.0 place's entries converted in place (body and form parameters, which 3.0 has no parameter form for, dropped).</summary>
    private void Component(YamlNode key, YamlNode value)
    {
        if (!value.IsMapping)
        {
            return;
        }

        List<KeyValuePair<YamlNode, YamlNode>> pairs = value.Pairs!;
        switch (key.Value)
        {
            case "definitions":
                SchemaMap(value);
                break;
            case "parameters":
                // An operation that refers to a body or form parameter gets its body (Operation); they are dropped last
                // (DropBodyParameters), since until then a reference to one must find it.
                foreach (KeyValuePair<YamlNode, YamlNode> pair in pairs)
                {
                    if (pair.Value.IsMapping && pair.Value.GetString("in") is not ("body" or "formData"))
                    {
                        Parameter(pair.Value);
                    }
                }

                break;
            case "responses":
                for (int i = 0; i < pairs.Count; i++)
                {
                    Replace(pairs, i, Response(pairs[i].Value, _produces, shared: false));
                }

                break;
            default:
                for (int i = 0; i < pairs.Count; i++)
                {
                    Replace(pairs, i, SecurityScheme(pairs[i].Value));
                }

                break;
        }
    }

    /// <summary>
    /// In place: <c>basic</c> → http basic; <c>apiKey</c> as it is; <c>oauth2</c>'s one flow → <c>flows</c> (application →
    /// clientCredentials, accessCode → authorizationCode).
    /// </summary>
    private YamlNode SecurityScheme(YamlNode scheme)
    {
        if (!scheme.IsMapping || !FirstVisit(scheme))
        {
            return scheme;
        }

        string? type = scheme.GetString("type");
        if (type is not ("basic" or "oauth2"))
        {
            return scheme;
        }

        List<KeyValuePair<YamlNode, YamlNode>> pairs = scheme.Pairs!;
        if (type == "basic")
        {
            int at = pairs.FindLastIndex(p => p.Key.Value == "type");
            KeyValuePair<YamlNode, YamlNode> given = pairs[at];
            pairs[at] = With(given, Text("http", given.Value));
            pairs.Insert(at + 1, new(Text("scheme", given.Key, plain: true), Text("basic", given.Value)));
            scheme.PairsEdited();
            return scheme;
        }

        YamlNode? flow = null;
        int kept = 0;
        for (int i = 0; i < pairs.Count; i++)
        {
            KeyValuePair<YamlNode, YamlNode> pair = pairs[i];
            if (pair.Key.Value is "flow" or "authorizationUrl" or "tokenUrl" or "scopes")
            {
                bool first = flow is null; // becomes flows, holding the one flow 'flow' names
                if (first)
                {
                    flow = Like(scheme, 3);
                    YamlNode flows = Like(scheme, 1);
                    string name = scheme.GetString("flow") switch
                    {
                        "application" => "clientCredentials",
                        "accessCode" => "authorizationCode",
                        { } other => other,
                        null => "implicit",
                    };
                    Add(flows, name, flow, pair.Key);
                    pairs[kept++] = new(Text("flows", pair.Key, plain: true), flows);
                }

                if (pair.Key.Value != "flow")
                {
                    flow!.Pairs!.Add(pair);
                }

                continue;
            }

            Keep(pairs, ref kept, i, pair);
        }

        pairs.RemoveRange(kept, pairs.Count - kept);
        scheme.PairsEdited();
        return scheme;
    }

    private YamlNode Paths(YamlNode paths)
    {
        if (!paths.IsMapping)
        {
            return paths;
        }

        List<KeyValuePair<YamlNode, YamlNode>> pairs = paths.Pairs!;
        for (int i = 0; i < pairs.Count; i++)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            PathItem(pairs[i].Value);
        }

        return paths;
    }

    /// <summary>A path item, converted in place (context-free, so an aliased one converts once).</summary>
    private void PathItem(YamlNode item)
    {
        if (!item.IsMapping || item.Get("$ref") is not null || !FirstVisit(item))
        {
            return; // a path item in another file: the builder reports it
        }

        // Body and form parameters of the path item belong to each operation's body.
        List<(YamlNode Parameter, bool Owned)>? bodyParameters = null;
        List<KeyValuePair<YamlNode, YamlNode>> pairs = item.Pairs!;
        for (int i = 0; i < pairs.Count; i++)
        {
            if (pairs[i].Key.Value == "parameters")
            {
                bodyParameters ??= new();
                Replace(pairs, i, Parameters(pairs[i].Value, bodyParameters, shared: false, operation: false));
            }
        }

        for (int i = 0; i < pairs.Count; i++)
        {
            if (Array.IndexOf(Methods, pairs[i].Key.Value) >= 0 && pairs[i].Value.IsMapping)
            {
                Replace(pairs, i, Operation(pairs[i].Value, bodyParameters));
            }
        }
    }

    /// <summary>An operation, converted in place (a copy when aliased: its body depends on the path item it is reached from).</summary>
    private YamlNode Operation(YamlNode operation, List<(YamlNode Parameter, bool Owned)>? pathBodyParameters)
    {
        bool shared = operation.IsAliased; // then so is everything in it: each use converts a copy
        operation = Own(operation);
        List<(YamlNode Parameter, bool Owned)> bodyParameters = _bodyParameters ??= new(); // one list for every operation: none nests
        bodyParameters.Clear();
        if (pathBodyParameters is not null)
        {
            bodyParameters.AddRange(pathBodyParameters);
        }

        YamlNode? consumes = operation.Get("consumes") ?? _consumes;
        YamlNode? produces = operation.Get("produces") ?? _produces;
        List<KeyValuePair<YamlNode, YamlNode>> pairs = operation.Pairs!;
        int kept = 0;
        for (int i = 0; i < pairs.Count; i++)
        {
            KeyValuePair<YamlNode, YamlNode> pair = pairs[i];
            switch (pair.Key.Value)
            {
                case "consumes" or "produces":
                    continue;
                case "schemes":
                    if (OperationServers(pair.Value) is not { } servers)
                    {
                        continue;
                    }

                    pair = new(Text("servers", pair.Key, plain: true), servers);
                    break;
                case "parameters":
                    pair = With(pair, Parameters(pair.Value, bodyParameters, shared, operation: true));
                    break;
                case "responses" when pair.Value.IsMapping:
                    bool sharedResponses = shared || pair.Value.IsAliased;
                    YamlNode responses = Own(pair.Value, sharedResponses);
                    List<KeyValuePair<YamlNode, YamlNode>> responsePairs = responses.Pairs!;
                    for (int r = 0; r < responsePairs.Count; r++)
                    {
                        if (responsePairs[r].Key.Value is not { } code || !code.StartsWith("x-", StringComparison.Ordinal))
                        {
                            Replace(responsePairs, r, Response(responsePairs[r].Value, produces, sharedResponses));
                        }
                    }

                    pair = With(pair, responses);
                    break;
            }

            Keep(pairs, ref kept, i, pair);
        }

        pairs.RemoveRange(kept, pairs.Count - kept);
        if (RequestBody(bodyParameters, consumes, operation) is { } body)
        {
            Add(operation, "requestBody", body, bodyParameters[0].Parameter);
        }

        operation.PairsEdited();
        return operation;
    }

    /// <summary>
    /// The parameters that stay parameters, in place (a copy when aliased); body and form parameters (followed through
    /// <c>$ref</c>) go to <paramref name="bodyParameters"/>, owned by the body when written in this <paramref name="operation"/>'s
    /// own list (reached once, so the body converts them in place).
    /// </summary>
    private YamlNode Parameters(YamlNode parameters, List<(YamlNode Parameter, bool Owned)> bodyParameters, bool shared, bool operation)
    {
        if (!parameters.IsSequence)
        {
            return parameters;
        }

        bool own = operation && !shared && !parameters.IsAliased; // the list is reached once, from this operation
        parameters = Own(parameters, shared);
        List<YamlNode> items = parameters.Items!;
        int kept = 0;
        for (int i = 0; i < items.Count; i++)
        {
            YamlNode parameter = items[i];
            YamlNode? resolved = Follow(parameter);
            if (resolved is { IsMapping: true } && resolved.GetString("in") is "body" or "formData")
            {
                Replace(bodyParameters, resolved, owned: own && !parameter.IsAliased && ReferenceEquals(parameter, resolved));
            }
            else
            {
                items[kept++] = parameter.IsMapping && parameter.Get("$ref") is not null ? parameter : Parameter(parameter);
            }
        }

        items.RemoveRange(kept, items.Count - kept);
        return parameters;
    }

    /// <summary>Adds a body or form parameter, in place of one with the same name and location (an operation's replaces its path item's).</summary>
    private static void Replace(List<(YamlNode Parameter, bool Owned)> bodyParameters, YamlNode parameter, bool owned)
    {
        string? name = parameter.GetString("name");
        string? location = parameter.GetString("in");
        for (int i = bodyParameters.Count - 1; i >= 0; i--)
        {
            if (bodyParameters[i].Parameter.GetString("name") == name && bodyParameters[i].Parameter.GetString("in") == location)
            {
                bodyParameters.RemoveAt(i);
            }
        }

        bodyParameters.Add((parameter, owned));
    }

    /// <summary>The keys of a 2.0 parameter that a 3.0 parameter has too; the others (type keywords, their extensions) go to its schema.</summary>
    private static bool StaysOnParameter(string? key) =>
        key is "name" or "in" or "description" or "required" or "allowEmptyValue" or "x-ms-client-name" or "x-ms-parameter-location" or "x-ms-parameter-grouping" or "x-ms-skip-url-encoding";

    /// <summary>A query, path or header parameter, in place: its type keywords become its <c>schema</c>, its collectionFormat a style.</summary>
    private YamlNode Parameter(YamlNode parameter)
    {
        if (!parameter.IsMapping || !FirstVisit(parameter) || parameter.Get("schema") is not null)
        {
            return parameter; // a 2.0 parameter that stays one has no schema: this one is converted (reached again inside an aliased node)
        }

        bool array = parameter.GetString("type") == "array";
        YamlNode? format = parameter.Get("collectionFormat");
        List<KeyValuePair<YamlNode, YamlNode>> pairs = parameter.Pairs!;
        int schemaKeywords = 0;
        foreach (KeyValuePair<YamlNode, YamlNode> pair in pairs)
        {
            schemaKeywords += pair.Key.Value is "collectionFormat" || StaysOnParameter(pair.Key.Value) ? 0 : 1;
        }

        YamlNode schema = Like(parameter, schemaKeywords);
        int kept = 0;
        for (int i = 0; i < pairs.Count; i++)
        {
            KeyValuePair<YamlNode, YamlNode> pair = pairs[i];
            switch (pair.Key.Value)
            {
                case "collectionFormat":
                    continue;
                case "required":
                    pair = With(pair, Boolean(pair.Value));
                    break;
                case var key when StaysOnParameter(key):
                    break;
                case "x-ms-enum":
                    // On the schema, where a 3.0 document has its enum; swagger2openapi leaves it on the parameter: both.
                    schema.Pairs!.Add(pair);
                    break;
                default:
                    // type, format, items, enum, default, the bounds, x-nullable (on the parameter in 2.0) and extensions of the value
                    schema.Pairs!.Add(pair);
                    continue;
            }

            Keep(pairs, ref kept, i, pair);
        }

        pairs.RemoveRange(kept, pairs.Count - kept);
        parameter.PairsEdited();
        Add(parameter, "schema", Schema(schema), parameter);
        if (array)
        {
            CollectionFormat(parameter, parameter, parameter.GetString("name"), format, parameter.GetString("in") ?? string.Empty);
        }

        return parameter;
    }

    /// <summary>
    /// <c>collectionFormat</c> (csv by default) as the 3.0 style and explode of <paramref name="location"/>; where 3.0
    /// has no style for it, <c>x-collectionFormat</c> tells the builder the separator.
    /// </summary>
    private void CollectionFormat(YamlNode target, YamlNode parameter, string? name, YamlNode? collectionFormat, string location)
    {
        YamlNode at = collectionFormat ?? parameter;
        string format = collectionFormat is { IsScalar: true, IsNull: false } ? collectionFormat.Value! : "csv";
        bool query = location is "query" or "formData";
        if (format == "multi" && !query)
        {
            _diagnostics.Report(DiagnosticDescriptors.IgnoredValue, at, $"collectionFormat 'multi' is valid only for query and formData parameters; '{name}' is sent as csv");
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
            _diagnostics.Report(DiagnosticDescriptors.IgnoredValue, at, $"The collectionFormat '{format}' of '{name}' is not one of csv, ssv, tsv, pipes or multi; it is sent as csv");
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
    private YamlNode? RequestBody(List<(YamlNode Parameter, bool Owned)> parameters, YamlNode? consumes, YamlNode operation)
    {
        if (parameters.Count == 0)
        {
            return null;
        }

        (YamlNode Parameter, bool Owned)? body = null;
        bool extraBody = false, form = false;
        foreach ((YamlNode Parameter, bool Owned) parameter in parameters)
        {
            switch (parameter.Parameter.GetString("in"))
            {
                case "body":
                    extraBody |= body is not null;
                    body ??= parameter;
                    break;
                case "formData":
                    form = true;
                    break;
            }
        }

        if (body is not null)
        {
            if (form || extraBody)
            {
                _diagnostics.Report(DiagnosticDescriptors.IgnoredValue, operation, "Swagger 2.0 allows one body parameter and no form parameters beside it; only the first body parameter is sent");
            }

            return BodyParameter(body.Value.Parameter, consumes, body.Value.Owned);
        }

        YamlNode first = parameters[0].Parameter;
        bool multipart = HasMediaType(consumes, "multipart/form-data") || parameters.Exists(p => p.Parameter.GetString("type") == "file");
        YamlNode formBody = Like(first, 2);
        YamlNode formContent = Like(first, 1);
        YamlNode formMedia = Like(first, 2);
        YamlNode objectSchema = Like(first, 3);
        YamlNode properties = Like(first, parameters.Count);
        YamlNode required = YamlNode.Sequence(first.Line, first.Column);
        YamlNode? encoding = null;
        Add(objectSchema, "type", Text("object", first, plain: true), first);
        Add(objectSchema, "properties", properties, first);
        foreach ((YamlNode parameter, bool owned) in parameters)
        {
            // The name node is the property's key (and its required entry): the same text at the same place.
            YamlNode nameNode = parameter.Get("name") is { IsScalar: true } given ? given : Text(string.Empty, parameter);
            string? name = parameter.GetString("name");
            YamlNode? isRequired = parameter.Get("required");
            YamlNode? format = parameter.Get("collectionFormat");
            bool array = parameter.GetString("type") == "array";
            properties.Pairs!.Add(new(nameNode, Schema(FormProperty(parameter, owned))));
            if (isRequired is not null && Boolean(isRequired) is { Value: "true" })
            {
                required.Items!.Add(nameNode);
            }

            if (array)
            {
                YamlNode wire = Like(parameter, 4);
                CollectionFormat(wire, parameter, name, format, "formData");
                if (multipart && wire.Get("x-collectionFormat") is null && wire.GetString("explode") == "false")
                {
                    // 3.0 gives a multipart part no style: the extension says the items go in one part, joined.
                    string separator = format?.Value is "ssv" or "pipes" ? format.Value : "csv";
                    Add(wire, "x-collectionFormat", Text(separator, format ?? parameter), format ?? parameter);
                }
                encoding ??= Like(first);
                encoding.Pairs!.Add(new(nameNode, wire));
            }
        }

        if (required.Items!.Count > 0)
        {
            Add(objectSchema, "required", required, first);
            Add(formBody, "required", Text("true", first, plain: true), first);
        }

        Add(formBody, "content", formContent, first);
        Add(formContent, multipart ? "multipart/form-data" : "application/x-www-form-urlencoded", formMedia, first);
        Add(formMedia, "schema", objectSchema, first);
        if (encoding is not null)
        {
            Add(formMedia, "encoding", encoding, first);
        }

        return formBody;
    }

    /// <summary>
    /// A form parameter's schema: the parameter without the keys of a parameter, in place when the body
    /// <paramref name="owned"/> it (a copy when another operation reaches it too).
    /// </summary>
    private static YamlNode FormProperty(YamlNode parameter, bool owned)
    {
        List<KeyValuePair<YamlNode, YamlNode>> pairs = parameter.Pairs!;
        YamlNode property = owned ? parameter : Like(parameter, pairs.Count);
        int kept = 0;
        for (int i = 0; i < pairs.Count; i++)
        {
            if (pairs[i].Key.Value is not ("name" or "in" or "required" or "collectionFormat" or "allowEmptyValue"))
            {
                if (owned)
                {
                    pairs[kept++] = pairs[i];
                }
                else
                {
                    property.Pairs!.Add(pairs[i]);
                }
            }
        }

        if (owned)
        {
            pairs.RemoveRange(kept, pairs.Count - kept);
            parameter.PairsEdited();
        }

        return property;
    }

    /// <summary>
    /// The request body of an <c>in: body</c> parameter: its schema under each <c>consumes</c> media type (JSON when
    /// none), one media type object shared by all of them, since they are the same. The parameter itself when the body
    /// <paramref name="owned"/> it, else a new node.
    /// </summary>
    private YamlNode BodyParameter(YamlNode body, YamlNode? consumes, bool owned)
    {
        List<KeyValuePair<YamlNode, YamlNode>> pairs = body.Pairs!;
        int staying = 1; // content
        foreach (KeyValuePair<YamlNode, YamlNode> pair in pairs)
        {
            staying += StaysOnBody(pair.Key.Value) ? 1 : 0;
        }

        YamlNode result = owned ? body : Like(body, staying);
        KeyValuePair<YamlNode, YamlNode>? schema = null;
        int kept = 0;
        for (int i = 0; i < pairs.Count; i++)
        {
            KeyValuePair<YamlNode, YamlNode> pair = pairs[i];
            if (pair.Key.Value == "schema")
            {
                schema = With(pair, Schema(pair.Value));
                continue;
            }

            if (!StaysOnBody(pair.Key.Value))
            {
                continue;
            }

            pair = pair.Key.Value == "required" ? With(pair, Boolean(pair.Value)) : pair;
            if (owned)
            {
                Keep(pairs, ref kept, i, pair);
            }
            else
            {
                result.Pairs!.Add(pair);
            }
        }

        if (owned)
        {
            pairs.RemoveRange(kept, pairs.Count - kept);
            body.PairsEdited();
        }

        int count = CountMediaTypes(consumes);
        YamlNode content = Like(body, Math.Max(count, 1));
        YamlNode media = Like(body, 1);
        if (schema is { } given)
        {
            media.Pairs!.Add(given);
        }

        for (int i = 0; i < count; i++)
        {
            content.Pairs!.Add(new(MediaTypeAt(consumes!, i)!, media));
        }

        if (count == 0)
        {
            Add(content, "application/json", media, body);
        }

        Add(result, "content", content, body);
        return result;
    }

    /// <summary>What a 3.0 request body keeps of a 2.0 body parameter: its description, <c>required</c> and extensions.</summary>
    private static bool StaysOnBody(string? key) => key is "description" or "required" || (key is not null && key.StartsWith("x-", StringComparison.Ordinal));

    /// <summary>
    /// A response, in place (a copy when aliased: its media types depend on where it is reached): its <c>schema</c>
    /// becomes one media type per <c>produces</c> entry (<c>*/*</c> when none), <c>examples</c> their examples, each
    /// header's type keywords its schema.
    /// </summary>
    private YamlNode Response(YamlNode response, YamlNode? produces, bool shared)
    {
        if (!response.IsMapping)
        {
            return response;
        }

        if (response.Get("$ref") is not null)
        {
            return response;
        }

        response = Own(response, shared);
        KeyValuePair<YamlNode, YamlNode>? schema = null;
        YamlNode? examples = response.Get("examples") is { IsMapping: true } given ? given : null;
        List<KeyValuePair<YamlNode, YamlNode>> pairs = response.Pairs!;
        int kept = 0;
        for (int i = 0; i < pairs.Count; i++)
        {
            KeyValuePair<YamlNode, YamlNode> pair = pairs[i];
            switch (pair.Key.Value)
            {
                case "schema":
                    schema = pair;
                    continue;
                case "examples":
                    continue;
                case "headers" when pair.Value.IsMapping:
                    foreach (KeyValuePair<YamlNode, YamlNode> header in pair.Value.Pairs!)
                    {
                        Header(header.Value);
                    }

                    break;
            }

            Keep(pairs, ref kept, i, pair);
        }

        pairs.RemoveRange(kept, pairs.Count - kept);
        if (schema is { Key: { } schemaKey, Value: { } schemaValue })
        {
            // The media types share one media type object unless one has an example; its schema keeps the 2.0 key.
            int count = CountMediaTypes(produces);
            YamlNode content = Like(schemaValue, Math.Max(count, 1));
            KeyValuePair<YamlNode, YamlNode> converted = With(schema.Value, Schema(schemaValue));
            YamlNode? sharedMedia = null;
            for (int i = 0; i < Math.Max(count, 1); i++)
            {
                YamlNode key = count == 0 ? Text("*/*", schemaValue) : MediaTypeAt(produces!, i)!;
                YamlNode media;
                if (examples?.Get(key.Value!) is { } example)
                {
                    media = Like(schemaValue, 2);
                    media.Pairs!.Add(converted);
                    Add(media, "example", example, example);
                }
                else
                {
                    if (sharedMedia is null)
                    {
                        sharedMedia = Like(schemaValue, 1);
                        sharedMedia.Pairs!.Add(converted);
                    }

                    media = sharedMedia;
                }

                content.Pairs!.Add(new(key, media));
            }

            Add(response, "content", content, schemaKey);
        }

        response.PairsEdited();
        return response;
    }

    /// <summary>A header, in place: its type keywords become its schema.</summary>
    private void Header(YamlNode header)
    {
        if (!header.IsMapping || !FirstVisit(header) || header.Get("schema") is not null)
        {
            return; // converted already (reached again inside an aliased node): 2.0 headers have no schema
        }

        List<KeyValuePair<YamlNode, YamlNode>> pairs = header.Pairs!;
        YamlNode schema = Like(header, pairs.Count);
        int kept = 0;
        for (int i = 0; i < pairs.Count; i++)
        {
            KeyValuePair<YamlNode, YamlNode> pair = pairs[i];
            if (pair.Key.Value is "description" || (pair.Key.Value is { } key && key.StartsWith("x-", StringComparison.Ordinal)))
            {
                Keep(pairs, ref kept, i, pair);
            }
            else if (pair.Key.Value != "collectionFormat")
            {
                schema.Pairs!.Add(pair);
            }
        }

        pairs.RemoveRange(kept, pairs.Count - kept);
        Add(header, "schema", Schema(schema), header);
        header.PairsEdited();
    }

    /// <summary>The node a <c>$ref</c> to a 2.0 parameter leads to (2.0 has no chains of them); the node itself otherwise, null when broken.</summary>
    private YamlNode? Follow(YamlNode node)
    {
        if (!node.IsMapping || node.GetString("$ref") is not { } reference)
        {
            return node;
        }

        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            return null;
        }

        _followed ??= new Dictionary<string, YamlNode?>(StringComparer.Ordinal);
        if (!_followed.TryGetValue(reference, out YamlNode? target))
        {
            target = Pointer(reference);
            _followed.Add(reference, target);
        }

        return target;
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

    /// <summary>How many distinct media types a <c>consumes</c>/<c>produces</c> list names (repeated and empty entries are not counted).</summary>
    private static int CountMediaTypes(YamlNode? list)
    {
        int count = 0;
        while (list is not null && MediaTypeAt(list, count) is not null)
        {
            count++;
        }

        return count;
    }

    /// <summary>
    /// The list's <paramref name="index"/>th distinct media type: its scalar, which is the 3.0 <c>content</c> key (the
    /// same text, at the place the document names it); null past the end.
    /// </summary>
    private static YamlNode? MediaTypeAt(YamlNode list, int index)
    {
        if (!list.IsSequence)
        {
            return null;
        }

        List<YamlNode> items = list.Items!;
        int seen = 0;
        for (int i = 0; i < items.Count; i++)
        {
            if (items[i] is { IsScalar: true, Value: { Length: > 0 } mediaType } && !RepeatsEarlier(items, i, mediaType) && seen++ == index)
            {
                return items[i];
            }
        }

        return null;
    }

    private static bool RepeatsEarlier(List<YamlNode> items, int index, string mediaType)
    {
        for (int i = 0; i < index; i++)
        {
            if (items[i] is { IsScalar: true, Value: { } earlier } && earlier == mediaType)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasMediaType(YamlNode? list, string mediaType)
    {
        for (int i = 0; list is not null && MediaTypeAt(list, i) is { } item; i++)
        {
            if (item.Value == mediaType)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True the first time <paramref name="node"/> is converted in place. Only an aliased node can be reached again
    /// (the tree is a tree otherwise), so only those are remembered.
    /// </summary>
    private bool FirstVisit(YamlNode node) => !node.IsAliased || (_visited ??= new HashSet<YamlNode>(ReferenceEqualityComparer.Instance)).Add(node);

    /// <summary>
    /// The node to convert in place: itself, or a shallow copy when it is reached again (aliased, or <paramref name="shared"/>:
    /// inside an aliased node) and its conversion depends on where it is reached.
    /// </summary>
    private static YamlNode Own(YamlNode node, bool shared = false)
    {
        if (!node.IsAliased && !shared)
        {
            return node;
        }

        if (node.IsSequence)
        {
            YamlNode list = YamlNode.Sequence(node.Line, node.Column);
            list.EndLine = node.EndLine;
            list.EndColumn = node.EndColumn;
            list.Items!.AddRange(node.Items!);
            return list;
        }

        YamlNode copy = Like(node, node.Pairs!.Count + 1);
        copy.Pairs!.AddRange(node.Pairs);
        return copy;
    }

    /// <summary>
    /// Keeps <paramref name="pair"/>, the <paramref name="i"/>th pair as converted, as the next of the pairs kept (the list
    /// compacted in place). Writes only a pair that moved or changed: most stay as they are, and a write is two references
    /// with their write barriers.
    /// </summary>
    private static void Keep(List<KeyValuePair<YamlNode, YamlNode>> pairs, ref int kept, int i, KeyValuePair<YamlNode, YamlNode> pair)
    {
        if (kept != i || !ReferenceEquals(pairs[i].Key, pair.Key) || !ReferenceEquals(pairs[i].Value, pair.Value))
        {
            pairs[kept] = pair;
        }

        kept++;
    }

    private static KeyValuePair<YamlNode, YamlNode> With(KeyValuePair<YamlNode, YamlNode> pair, YamlNode value) =>
        ReferenceEquals(pair.Value, value) ? pair : new(pair.Key, value);

    private static void Replace(List<KeyValuePair<YamlNode, YamlNode>> pairs, int index, YamlNode value) => pairs[index] = With(pairs[index], value);

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
