using System.Linq;
using OpenApiSdk.Generator.Model;

namespace OpenApiSdk.Generator.Emitting;

/// <summary>
/// Emits the static classes that read requests the API sends: <c>{Base}Webhooks</c> for the document's
/// <c>webhooks</c>, <c>{Base}Callbacks</c> for its operations' <c>callbacks</c>. Each request with a JSON body gets
/// <c>Parse{Name}(body, headers)</c>, returning the payload read by its generated JSON code and validated by its
/// generated rules, or throwing the runtime's <c>ValidationException</c> with every error (JSON
/// Pointers under <c>/body</c> and <c>/header</c>); each request with header parameters gets
/// <c>Parse{Name}Headers(headers)</c>, returning them as their generated model.
/// </summary>
internal sealed class WebhookEmitter
{
    private const string Headers = "global::System.Collections.Generic.IReadOnlyDictionary<string, string>";
    private const string Collector = TypeSyntax.Runtime + "ValidationCollector";

    private static readonly char[] LineBreaks = { '\n', '\r' };

    private readonly SpecContext _context;
    private readonly ClientTypes _types;
    private readonly ClientJson _json;
    private readonly SourceWriter _w = new();

    private WebhookEmitter(SpecContext context)
    {
        _context = context;
        _types = new ClientTypes(context.Namespace);
        _json = new ClientJson(_types);
    }

    /// <summary>The file of one class: the webhooks' or the callbacks'.</summary>
    public static string Emit(SpecContext context, string className, EquatableArray<IncomingRequestModel> requests, IncomingKind kind) =>
        new WebhookEmitter(context).EmitClass(className, requests, kind);

    /// <summary>What the request is called in messages and documentation: <c>webhook newPet</c>, <c>callback onData of subscribe (POST {$request.query.url}/data)</c>.</summary>
    public static string Title(IncomingRequestModel request) => request.Kind == IncomingKind.Webhook
        ? "webhook " + request.Key + (request.Method == "POST" ? string.Empty : " (" + request.Method + ")")
        : "callback " + request.Key + " of " + request.Owner + " (" + request.Method + " " + request.Expression + ")";

    /// <summary>The type <c>Parse{Name}</c> returns: the payload, nullable when the request body is optional.</summary>
    public static string PayloadType(ClientTypes types, IncomingRequestModel request) => types.Nullable(request.Payload!, !request.PayloadRequired);

    private string EmitClass(string className, EquatableArray<IncomingRequestModel> requests, IncomingKind kind)
    {
        SourceWriter w = _w;
        w.Line("namespace " + _context.Namespace);
        w.Open();
        w.Summary(
            kind == IncomingKind.Webhook
                ? "Reads the webhooks of " + _context.Title + ": requests the API sends to an endpoint its user registers."
                : "Reads the callbacks of " + _context.Title + ": requests the API sends back to a URL given in an earlier request.",
            "Each Parse method takes a request's body as received (and its headers) and returns the payload read by the generated JSON code and checked against every rule of its schema; a payload that is not JSON or breaks a rule throws OpenApiSdk.ValidationException with every error and its JSON Pointer (/body/..., /header/...).");
        w.Line(TypeSyntax.GeneratedCode);
        w.Open("public static partial class " + className);
        bool first = true;
        foreach (IncomingRequestModel request in requests)
        {
            if (request.Payload is not null)
            {
                if (!first)
                {
                    w.Line();
                }

                first = false;
                EmitParse(request);
            }

            if (request.Headers is not null)
            {
                if (!first)
                {
                    w.Line();
                }

                first = false;
                EmitParseHeaders(request);
            }
        }

        _json.Emit(w);
        w.Close();
        w.Close();
        return SourceWriter.Header + w.ToString();
    }

    private void EmitDoc(IncomingRequestModel request, string what)
    {
        SourceWriter w = _w;
        w.Line("/// <summary>");
        w.DocLines(what + " of the " + Title(request) + ".");
        if (request.Summary is { } summary)
        {
            w.Line("/// <para>");
            w.DocLines(summary.Trim());
            w.Line("/// </para>");
        }

        if (request.Description is { } description && description != request.Summary)
        {
            w.Line("/// <para>");
            w.DocLines(description.Trim());
            w.Line("/// </para>");
        }

        if (request.Kind == IncomingKind.Callback)
        {
            w.Line("/// <para>");
            w.DocLines("Sent by the API to the URL " + request.Expression + " (an OpenAPI runtime expression, evaluated against the " + request.Owner + " request and its response) after a call to " + request.Owner + ".");
            w.Line("/// </para>");
        }

        if (request.OperationId is { } operationId)
        {
            w.Line("/// <para>" + Literals.XmlText("operationId: " + operationId) + "</para>");
        }

        foreach (IncomingResponseModel response in request.Responses)
        {
            w.Line("/// <para>");
            w.DocLines("Answer " + response.Status + (response.Description is { } text ? ": " + text.Trim() : "."));
            w.Line("/// </para>");
        }

        w.Line("/// </summary>");
    }

    private void EmitParse(IncomingRequestModel request)
    {
        SourceWriter w = _w;
        TypeRef payload = request.Payload!;
        string type = PayloadType(_types, request);
        EmitDoc(request, "Reads and validates the payload");
        w.Line("/// <param name=\"body\">The request body as received: UTF-8 JSON.</param>");
        w.Line("/// <param name=\"headers\">The request headers, names compared case-insensitively" + (request.Headers is null ? " (none are declared, so none are checked)" : "; null skips the header checks") + ".</param>");
        w.Line("/// <returns>The payload" + (request.PayloadDescription is { } description ? ": " + Literals.XmlText(FirstLine(description)) : string.Empty)
            + (request.PayloadRequired ? "." : "; null for an empty body, which the spec allows (the request body is not required).") + "</returns>");
        w.Line("/// <exception cref=\"" + TypeSyntax.Sdk + "ValidationException\">The body is not JSON of the payload's type, or the payload or a header breaks the spec; <c>Errors</c> lists every error with its JSON Pointer.</exception>");
        if (request.Deprecated)
        {
            w.Line("[global::System.Obsolete(\"Deprecated in the spec.\")]");
        }

        w.Open("public static " + type + " Parse" + request.Name + "(global::System.ReadOnlySpan<byte> body, " + Headers + "? headers = null)");
        w.Line("var __errors = new " + Collector + "();");
        if (request.Headers is not null)
        {
            w.Open("if (headers is not null)");
            w.Line("__errors.Enter(\"header\");");
            w.Line("((" + TypeSyntax.Runtime + "IOpenApiModel)__Read" + request.Name + "Headers(headers)).ValidateCore(__errors);");
            w.Line("__errors.Exit();");
            w.Close();
            w.Line();
        }

        w.Line(type + " __payload = " + (payload.Kind == TypeRefKind.Any || (payload.IsValueType && request.PayloadRequired) ? "default" : request.PayloadRequired ? "default!" : "null") + ";");
        w.Line("__errors.Enter(\"body\");");
        if (request.PayloadRequired)
        {
            w.Open("if (body.IsEmpty)");
            w.Line("__errors.Add(null, \"is required\");");
            w.Close();
            w.Open("else");
        }
        else
        {
            w.Open("if (!body.IsEmpty)"); // the request body is optional: no body, no payload
        }

        w.Open("try");
        EmitRead(payload);
        EmitValidate(payload);
        w.Close();
        // A fixed message: the reader's own names the offending text, which may be a secret.
        string expected = payload.Kind switch
        {
            TypeRefKind.Model or TypeRefKind.Map => "must be one JSON object",
            TypeRefKind.Array => "must be one JSON array",
            _ => "must be one JSON value of the payload's type",
        };
        w.Open("catch (global::System.Exception __exception) when (__exception is global::System.Text.Json.JsonException || __exception is global::System.InvalidOperationException || __exception is global::System.FormatException)");
        w.Line("__errors.Add(null, " + Literals.String(expected) + ");");
        w.Close();

        w.Close();
        w.Line();
        w.Line("__errors.Exit();");
        w.Open("if (__errors.Errors.Count > 0)");
        w.Line("throw new " + TypeSyntax.Sdk + "ValidationException(" + Literals.String("The " + Title(request) + " request") + ", __errors.Errors);");
        w.Close();
        w.Line();
        w.Line("return __payload;");
        w.Close();
    }

    /// <summary>Reads the whole body into <c>__payload</c>: models and unions through their FromJson, anything else through a generated reader.</summary>
    private void EmitRead(TypeRef payload)
    {
        SourceWriter w = _w;
        if (payload.Kind is TypeRefKind.Model or TypeRefKind.Union)
        {
            w.Line("var __value = " + _types.Of(payload) + ".FromJson(body);");
            w.Line("__payload = __value;");
            return;
        }

        w.Line("var __reader = new " + TypeSyntax.Reader + "(body);");
        w.Line(TypeSyntax.Runtime + "OpenApiRuntime.ReadRootValue(ref __reader, \"payload\");");
        w.Line("var __value = " + _json.Reader(payload) + "(ref __reader);");
        w.Line(TypeSyntax.Runtime + "OpenApiRuntime.ReadEnd(ref __reader);");
        w.Line("__payload = __value;");
    }

    /// <summary>Validates what was read: a model or union by its rules, each model in an array or map at its index or key.</summary>
    private void EmitValidate(TypeRef payload)
    {
        SourceWriter w = _w;
        string model = TypeSyntax.Runtime + "IOpenApiModel";
        if (payload.Kind is TypeRefKind.Model or TypeRefKind.Union)
        {
            w.Line("((" + model + ")__value).ValidateCore(__errors);");
        }
        else if (payload.Kind == TypeRefKind.Enum)
        {
            w.Open("if (!__value.IsKnown)");
            w.Line("__errors.Add(null, \"must be one of the values the spec lists\");");
            w.Close();
        }
        else if (payload.Kind == TypeRefKind.Array && payload.Element is { Kind: TypeRefKind.Model or TypeRefKind.Union })
        {
            w.Open("for (int __i = 0; __i < __value.Count; __i++)");
            w.Open("if (__value[__i] is { } __item)");
            w.Line("__errors.Enter(__i);");
            w.Line("((" + model + ")__item).ValidateCore(__errors);");
            w.Line("__errors.Exit();");
            w.Close();
            w.Close();
        }
        else if (payload.Kind == TypeRefKind.Map && payload.Element is { Kind: TypeRefKind.Model or TypeRefKind.Union })
        {
            w.Open("foreach (var __entry in __value)");
            w.Open("if (__entry.Value is { } __item)");
            w.Line("__errors.Enter(__entry.Key);");
            w.Line("((" + model + ")__item).ValidateCore(__errors);");
            w.Line("__errors.Exit();");
            w.Close();
            w.Close();
        }
    }

    private void EmitParseHeaders(IncomingRequestModel request)
    {
        SourceWriter w = _w;
        string type = _types.Of(request.Headers!);
        EmitDoc(request, "Reads and validates the headers");
        w.Line("/// <param name=\"headers\">The request headers, names compared case-insensitively.</param>");
        w.Line("/// <returns>The declared headers, typed; one that is absent is null (and an error when it is required).</returns>");
        w.Line("/// <exception cref=\"" + TypeSyntax.Sdk + "ValidationException\">A header breaks the spec; <c>Errors</c> lists every error with its JSON Pointer (/header/{name}).</exception>");
        w.Open("public static " + type + " Parse" + request.Name + "Headers(" + Headers + " headers)");
        w.Line("var __headers = __Read" + request.Name + "Headers(headers);");
        w.Line("var __errors = new " + Collector + "();");
        w.Line("__errors.Enter(\"header\");");
        w.Line("((" + TypeSyntax.Runtime + "IOpenApiModel)__headers).ValidateCore(__errors);");
        w.Line("__errors.Exit();");
        w.Open("if (__errors.Errors.Count > 0)");
        w.Line("throw new " + TypeSyntax.Sdk + "ValidationException(" + Literals.String("The headers of the " + Title(request)) + ", __errors.Errors);");
        w.Close();
        w.Line();
        w.Line("return __headers;");
        w.Close();

        // The headers as one JSON object, read by the headers model's generated reader: a wrong-typed header becomes
        // its read error, a missing required one a "required" error, each under the header's name.
        w.Line();
        w.Open("private static " + type + " __Read" + request.Name + "Headers(" + Headers + " headers)");
        w.Open("if (headers is null)");
        w.Line("throw new global::System.ArgumentNullException(nameof(headers));");
        w.Close();
        w.Line();
        w.Line("string[] __names = { " + string.Join(", ", request.HeaderFields.Select(h => Literals.String(h.WireName))) + " };");
        w.Line(TypeSyntax.Runtime + "HeaderText[] __kinds = { " + string.Join(", ", request.HeaderFields.Select(h => TypeSyntax.Runtime + "HeaderText." + h.Kind.ToString())) + " };");
        w.Line("return " + type + ".FromJson(" + TypeSyntax.Runtime + "OpenApiReceiving.HeadersJson(headers, __names, __kinds));");
        w.Close();
    }

    private static string FirstLine(string text)
    {
        string trimmed = text.Trim();
        int newline = trimmed.IndexOfAny(LineBreaks);
        return newline < 0 ? trimmed : trimmed.Substring(0, newline).Trim();
    }
}
