using System.Collections.Generic;
using System.Linq;
using OpenApiSdk.Generator.Model;

namespace OpenApiSdk.Generator.Emitting;

/// <summary>
/// The request glue of an operation: its parameters become the parts of a runtime <c>ClientRequest</c> (path
/// segments, query parameters in their OpenAPI style, headers, credentials, the body). The encoding itself
/// (RFC 3986 percent-encoding, deepObject and form objects, multipart parts) is the runtime's.
/// </summary>
internal sealed partial class ClientOperationEmitter
{
    private const string Request = TypeSyntax.Runtime + "ClientRequest";
    private const string RequestJson = TypeSyntax.Runtime + "RequestJson";
    private const string RequestBody = TypeSyntax.Runtime + "RequestBody";

    /// <param name="accept">The Accept header, when not the one of the operation's success response (a streaming call's media type).</param>
    private void EmitRequest(OperationModel operation, Dictionary<ParameterModel, string> values, string? accept = null)
    {
        SourceWriter w = _w;
        string client = _clientRef;
        string baseUrl = operation.Server switch
        {
            null => client + ".__BaseUrl()",
            { Absolute: true } server => "(" + client + ".Options.UseOperationServers ? " + Literals.String(server.Url) + " : " + client + ".__BaseUrl())",
            { } server => client + ".__OperationServerUrl(" + Literals.String(server.Url) + ")",
        };
        string acceptLiteral = accept is not null ? Literals.String(accept) : operation.Success is { Binary: true } ? "\"*/*\"" : "\"application/json\"";
        w.Line("var __request = new " + Request + "(" + Literals.String(operation.OperationId) + ", " + HttpMethod(operation.Method) + ", "
            + Literals.String(operation.Path) + ", " + baseUrl + ", " + acceptLiteral + ");");
        EmitPath(operation, values);
        foreach (QueryConstantModel constant in operation.QueryConstants)
        {
            w.Line("__request.Query(" + Literals.String(constant.Name) + ", " + Literals.String(constant.Value) + ");");
        }

        foreach (ParameterModel parameter in operation.Parameters.Where(p => p.In == ParameterLocation.Query))
        {
            EmitQuery(parameter, values[parameter]);
        }

        foreach (ParameterModel parameter in operation.Parameters.Where(p => p.In == ParameterLocation.QueryString))
        {
            EmitQueryString(parameter, values[parameter]);
        }

        foreach (ParameterModel parameter in operation.Parameters.Where(p => p.In == ParameterLocation.Header))
        {
            EmitHeader(parameter, values[parameter]);
        }

        CookieEmitter.Emit(w, _json, operation.Parameters.Where(p => p.In == ParameterLocation.Cookie).ToList(), values);

        foreach (string name in operation.Security)
        {
            if (_client.Security.FirstOrDefault(s => s.Name == name) is { } scheme)
            {
                w.Line("__request.Credential(" + client + ".__Credential" + scheme.PropertyName + ");");
            }
        }

        if (operation.IdempotencyKeyHeader is { } idempotencyKey && operation.Method is not ("GET" or "HEAD" or "PUT" or "DELETE" or "OPTIONS" or "TRACE" or "QUERY"))
        {
            w.Line("__request.IdempotencyKeyHeader = " + Literals.String(idempotencyKey) + ";");
        }

        if (operation.Body is { Multipart: { } multipart } multipartBody)
        {
            EmitMultipartContent(multipartBody, multipart);
        }
        else if (operation.Body is { } body)
        {
            bool optional = !body.Required && (body.Type.Kind != TypeRefKind.Any || body.Items is not null);
            if (optional)
            {
                w.Open("if (" + body.Name + " is not null)");
            }

            string value = body.Name + (optional && body.Type.IsValueType ? ".GetValueOrDefault()" : string.Empty);
            w.Line("__request.Body = " + body.Encoding switch
            {
                BodyEncoding.Binary => RequestBody + ".Binary(" + body.Name + ", " + Literals.String(body.MediaType) + ");",
                BodyEncoding.Items => RequestItems(operation, body) + ";",
                BodyEncoding.Form => RequestBody + ".Form<" + _types.Of(body.Type) + ">(" + _json.Writer(body.Type) + ", " + value
                    + (body.JoinedFields.IsEmpty ? string.Empty : ", new string[] { " + string.Join(", ", body.JoinedFields.Select(Literals.String)) + " }") + ");",
                _ => RequestBody + ".Json<" + _types.Of(body.Type) + ">(" + _json.Writer(body.Type) + ", " + value + ", " + Literals.String(body.MediaType) + ");",
            });
            if (optional)
            {
                w.Close();
            }
        }
    }

    private static string HttpMethod(string method) => method switch
    {
        "GET" => "global::System.Net.Http.HttpMethod.Get",
        "PUT" => "global::System.Net.Http.HttpMethod.Put",
        "POST" => "global::System.Net.Http.HttpMethod.Post",
        "DELETE" => "global::System.Net.Http.HttpMethod.Delete",
        "OPTIONS" => "global::System.Net.Http.HttpMethod.Options",
        "HEAD" => "global::System.Net.Http.HttpMethod.Head",
        "TRACE" => "global::System.Net.Http.HttpMethod.Trace",
        _ => "new global::System.Net.Http.HttpMethod(" + Literals.String(method) + ")",
    };

    private void EmitPath(OperationModel operation, Dictionary<ParameterModel, string> values)
    {
        SourceWriter w = _w;
        string path = operation.Path;
        int position = 0;
        while (position < path.Length)
        {
            int open = path.IndexOf('{', position);
            int close = open < 0 ? -1 : path.IndexOf('}', open);
            if (open < 0 || close < 0)
            {
                w.Line("__request.Path(" + Literals.String(path.Substring(position)) + ");");
                break;
            }

            if (open > position)
            {
                w.Line("__request.Path(" + Literals.String(path.Substring(position, open - position)) + ");");
            }

            string name = path.Substring(open + 1, close - open - 1);
            ParameterModel parameter = operation.Parameters.First(p => p.In == ParameterLocation.Path && p.WireName == name);
            string value = values[parameter];
            if (parameter.AsJson)
            {
                w.Line("__request.PathValue(" + JsonText(parameter, value) + ");");
            }
            else if (parameter.Type.Kind == TypeRefKind.Array)
            {
                w.Line("__request.PathValues(" + Items(parameter, value) + (parameter.Separator is { } separator ? ", " + Literals.String(separator) : string.Empty) + ");");
            }
            else
            {
                w.Line("__request.PathValue(" + ClientTypes.Format(parameter.Type, value) + ");");
            }

            position = close + 1;
        }
    }

    private static bool IsStructured(TypeRef type) => type.Kind is TypeRefKind.Model or TypeRefKind.Array or TypeRefKind.Map or TypeRefKind.Any or TypeRefKind.Union;

    /// <summary>The value's JSON written by the generated writer: as text, or as bytes for the query spreaders.</summary>
    private string JsonText(ParameterModel parameter, string present, bool bytes = false)
    {
        string written = parameter.Type.Kind == TypeRefKind.Array ? "global::System.Linq.Enumerable.ToList(" + present + ")" : present; // the parameter is any sequence
        return RequestJson + (bytes ? ".Bytes<" : ".Text<") + _types.Of(parameter.Type) + ">(" + _json.Writer(parameter.Type) + ", " + written + ")";
    }

    /// <summary>An array parameter's items as text.</summary>
    private static string Items(ParameterModel parameter, string value) =>
        "global::System.Linq.Enumerable.Select(" + value + ", __item => " + ItemText(parameter.Type.Element!, parameter.Type.ElementAllowsNull, "__item") + ")";

    private static string ItemText(TypeRef element, bool allowsNull, string item)
    {
        if (!allowsNull)
        {
            return ClientTypes.Format(element, item);
        }

        string value = element.IsValueType ? item + ".GetValueOrDefault()" : item;
        return "(" + item + " is null ? string.Empty : " + ClientTypes.Format(element, value) + ")";
    }

    private void EmitQuery(ParameterModel parameter, string value)
    {
        SourceWriter w = _w;
        string name = Literals.String(parameter.WireName);
        if (!parameter.Required)
        {
            w.Open("if (" + value + " is not null)");
        }

        string present = !parameter.Required && parameter.Type.IsValueType ? value + ".GetValueOrDefault()" : value;
        if (parameter.AsJson)
        {
            // content: application/json: the value's JSON text is the parameter's value.
            w.Line("__request.Query(" + name + ", " + JsonText(parameter, present) + ");");
        }
        else if (parameter.Type.Kind is TypeRefKind.Model or TypeRefKind.Map or TypeRefKind.Any or TypeRefKind.Union
            || (parameter.Type.Kind == TypeRefKind.Array && parameter.Style == "deepObject" && IsStructured(parameter.Type.Element!)))
        {
            // An object (or any JSON value, or an array of objects in deepObject style): written as JSON by the generated
            // code, then spread into the query string (name[member]=value, name[0][member]=value, nested as name[a][b]).
            w.Line(parameter.Style == "deepObject"
                ? "__request.QueryDeepObject(" + name + ", " + JsonText(parameter, present, bytes: true) + ");"
                : "__request.QueryFormObject(" + name + ", " + JsonText(parameter, present, bytes: true) + ", " + (parameter.Explode ? "true" : "false") + ");");
        }
        else if (parameter.Type.Kind == TypeRefKind.Array && IsStructured(parameter.Type.Element!))
        {
            // An array of objects in form style, which OpenAPI leaves undefined: name[0].member=value, the form
            // ASP.NET Core's and Spring's binders read into a list of objects (generator/README.md, "Parameters").
            w.Line("__request.QueryIndexedForm(" + name + ", " + JsonText(parameter, present, bytes: true) + ");");
        }
        else if (parameter.Type.Kind == TypeRefKind.Array && parameter.Style == "deepObject")
        {
            w.Line("__request.QueryIndexed(" + name + ", " + Items(parameter, value) + ");");
        }
        else if (parameter.Type.Kind == TypeRefKind.Array)
        {
            if (parameter.Separator is { } joinedWith)
            {
                w.Line("__request.QueryJoined(" + name + ", " + Items(parameter, value) + ", " + Literals.String(joinedWith) + ");");
            }
            else if (parameter.Explode && parameter.Style == "form")
            {
                w.Line("__request.QueryEach(" + name + ", " + Items(parameter, value) + ");");
            }
            else
            {
                string separator = parameter.Style switch
                {
                    "spaceDelimited" => "\" \"",
                    "pipeDelimited" => "\"|\"",
                    _ => "\",\"",
                };
                w.Line("__request.QueryJoined(" + name + ", " + Items(parameter, value) + ", " + separator + ");");
            }
        }
        else
        {
            w.Line("__request.Query(" + name + ", " + ClientTypes.Format(parameter.Type, present) + ");");
        }

        if (!parameter.Required)
        {
            w.Close();
        }
    }

    /// <summary>OpenAPI 3.2's <c>in: querystring</c>: the whole query string from the one value, by its media type.</summary>
    private void EmitQueryString(ParameterModel parameter, string value)
    {
        SourceWriter w = _w;
        if (!parameter.Required)
        {
            w.Open("if (" + value + " is not null)");
        }

        string present = !parameter.Required && parameter.Type.IsValueType ? value + ".GetValueOrDefault()" : value;
        w.Line(parameter.QueryString switch
        {
            QueryStringEncoding.Form => "__request.QueryStringForm(" + JsonText(parameter, present, bytes: true) + ");",
            QueryStringEncoding.Json => "__request.QueryString(" + JsonText(parameter, present) + ");",
            _ => "__request.QueryString(" + ClientTypes.Format(parameter.Type, present) + ");",
        });
        if (!parameter.Required)
        {
            w.Close();
        }
    }

    private void EmitHeader(ParameterModel parameter, string value)
    {
        SourceWriter w = _w;
        string name = Literals.String(parameter.WireName);
        if (!parameter.Required)
        {
            w.Open("if (" + value + " is not null)");
        }

        string present = !parameter.Required && parameter.Type.IsValueType ? value + ".GetValueOrDefault()" : value;
        if (parameter.AsJson)
        {
            // An object or untyped value (or content: application/json): its compact JSON text, which has no line breaks
            // and, written with the default encoder, no characters outside ASCII.
            w.Line("__request.Header(" + name + ", " + JsonText(parameter, present) + ");");
        }
        else if (parameter.Type.Kind == TypeRefKind.Array)
        {
            w.Line("__request.HeaderValues(" + name + ", " + Items(parameter, value) + (parameter.Separator is { } separator ? ", " + Literals.String(separator) : string.Empty) + ");");
        }
        else
        {
            w.Line("__request.Header(" + name + ", " + ClientTypes.Format(parameter.Type, present) + ");");
        }

        if (!parameter.Required)
        {
            w.Close();
        }
    }

    /// <summary>For an optional multipart body: the condition under which it is sent (the model or any file given).</summary>
    private static string SendCondition(BodyModel body, MultipartModel multipart)
    {
        var given = new List<string>();
        if (multipart.HasFields)
        {
            given.Add(body.Name + " is not null");
        }

        given.AddRange(multipart.Files.Select(f => f.Name + " is not null"));
        return given.Count == 0 ? "false" : string.Join(" || ", given);
    }

    /// <summary>
    /// A multipart/form-data body: the model written as JSON by the generated code and sent member by member
    /// (text or JSON parts, content types from the spec's encoding), then each file as its own part.
    /// </summary>
    private void EmitMultipartContent(BodyModel body, MultipartModel multipart)
    {
        SourceWriter w = _w;
        if (!body.Required)
        {
            w.Open("if (" + SendCondition(body, multipart) + ")");
        }

        w.Line("var __form = new " + TypeSyntax.Runtime + "MultipartBody();");
        if (multipart.HasFields)
        {
            string contentTypes = multipart.ContentTypes.IsEmpty
                ? "null"
                : "new string[] { " + string.Join(", ", multipart.ContentTypes.Select(c => Literals.String(c.PartName) + ", " + Literals.String(c.ContentType))) + " }";
            string joined = body.JoinedFields.IsEmpty ? string.Empty : ", new string[] { " + string.Join(", ", body.JoinedFields.Select(Literals.String)) + " }";
            string fields = "__form.Fields<" + _types.Of(body.Type) + ">(" + _json.Writer(body.Type) + ", " + body.Name + ", " + contentTypes + joined + ");";
            if (!body.Required)
            {
                w.Open("if (" + body.Name + " is not null)");
                w.Line(fields);
                w.Close();
            }
            else
            {
                w.Line(fields);
            }
        }

        foreach (FilePartModel file in multipart.Files)
        {
            bool nullable = FileNullable(body, file);
            if (nullable)
            {
                w.Open("if (" + file.Name + " is not null)");
            }

            string partName = Literals.String(file.PartName);
            string contentType = Literals.String(file.DefaultContentType);
            if (file.IsArray)
            {
                w.Open("foreach (var __file in " + file.Name + ")");
                w.Line("__form.File(" + partName + ", __file, " + contentType + ");");
                w.Close();
            }
            else
            {
                w.Line("__form.File(" + partName + ", " + file.Name + ", " + contentType + ");");
            }

            if (nullable)
            {
                w.Close();
            }
        }

        w.Line("__request.Body = __form;");
        if (!body.Required)
        {
            w.Close();
        }
    }
}
