using System.Collections.Generic;
using OpenApiSdk.Generator.Model;

namespace OpenApiSdk.Generator.Emitting;

/// <summary>
/// Emits <c>{Base}WebhookEndpoints</c>: for each webhook and callback with a JSON payload, an ASP.NET Core
/// <c>Map{Name}Webhook</c>/<c>Map{Name}Callback</c> extension of <c>IEndpointRouteBuilder</c> that reads the body,
/// answers 415 to a body that is not JSON and 400 (RFC 9457 problem details, the errors keyed by JSON Pointer) to a
/// payload that breaks the spec, and otherwise runs the user's handler with the typed payload. Emitted only into
/// projects that reference ASP.NET Core (<c>TargetInfo.HasAspNetCore</c>); the parsers themselves need nothing of it.
/// </summary>
internal static class AspNetCoreEmitter
{
    private const string Http = "global::Microsoft.AspNetCore.Http.";
    private const string Task = "global::System.Threading.Tasks.Task";

    public static string Emit(SpecContext context, ReceiverModel receivers)
    {
        var types = new ClientTypes(context.Namespace);
        var w = new SourceWriter();
        w.Line("namespace " + context.Namespace);
        w.Open();
        w.Summary(
            "ASP.NET Core endpoints that receive the webhooks and callbacks of " + context.Title + ".",
            "Each Map method reads the request body and checks it as the matching Parse method does: a Content-Type that is not JSON is answered 415, a payload that is not JSON or breaks the spec 400 with problem details (RFC 9457) whose errors are keyed by JSON Pointer (/body/...); a valid payload goes to the handler, whose result is the response.");
        w.Line(TypeSyntax.GeneratedCode);
        w.Open("public static partial class " + receivers.EndpointsClass);
        foreach ((IncomingRequestModel request, string parser, string suffix) in Requests(receivers))
        {
            EmitMap(w, types, request, parser, suffix);
            w.Line();
        }

        EmitHelpers(w);
        w.Close();
        w.Close();
        return SourceWriter.Header + w.ToString();
    }

    private static IEnumerable<(IncomingRequestModel Request, string Parser, string Suffix)> Requests(ReceiverModel receivers)
    {
        foreach (IncomingRequestModel webhook in receivers.Webhooks)
        {
            if (webhook.Payload is not null)
            {
                yield return (webhook, receivers.WebhooksClass, "Webhook");
            }
        }

        foreach (IncomingRequestModel callback in receivers.Callbacks)
        {
            if (callback.Payload is not null)
            {
                yield return (callback, receivers.CallbacksClass, "Callback");
            }
        }
    }

    private static void EmitMap(SourceWriter w, ClientTypes types, IncomingRequestModel request, string parser, string suffix)
    {
        string payload = WebhookEmitter.PayloadType(types, request);
        string handler = "global::System.Func<" + payload + ", " + Http + "HttpContext, " + Task + "<" + Http + "IResult>>";
        w.Line("/// <summary>");
        w.DocLines("Maps " + request.Method + " requests to pattern to a handler of the " + WebhookEmitter.Title(request) + ": the body is read and validated as " + parser + ".Parse" + request.Name + " does (415 when it is not JSON, 400 with the errors when it breaks the spec), then handed to handler.");
        foreach (IncomingResponseModel response in request.Responses)
        {
            w.Line("/// <para>");
            w.DocLines("The spec's answer " + response.Status + (response.Description is { } text ? ": " + text.Trim() : "."));
            w.Line("/// </para>");
        }

        w.Line("/// </summary>");
        w.Line("/// <param name=\"endpoints\">The application or route group to add the endpoint to.</param>");
        w.Line("/// <param name=\"pattern\">The route the API is configured to send the " + Literals.XmlText(WebhookEmitter.Title(request)) + " to.</param>");
        w.Line("/// <param name=\"handler\">Called with the validated payload" + (request.PayloadRequired ? string.Empty : " (null for an empty body, which the spec allows)") + " and the request; its result is the response.</param>");
        w.Line("/// <returns>The endpoint's builder, to add authorization, filters or metadata.</returns>");
        if (request.Deprecated)
        {
            w.Line("[global::System.Obsolete(\"Deprecated in the spec.\")]");
        }

        w.Open("public static global::Microsoft.AspNetCore.Builder.IEndpointConventionBuilder Map" + request.Name + suffix + "(this global::Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints, string pattern, " + handler + " handler)");
        w.Open("if (endpoints is null)");
        w.Line("throw new global::System.ArgumentNullException(nameof(endpoints));");
        w.Close();
        w.Line();
        w.Open("if (handler is null)");
        w.Line("throw new global::System.ArgumentNullException(nameof(handler));");
        w.Close();
        w.Line();

        // A typed RequestDelegate: the endpoint runs this code, not the reflection-based handler binding of minimal APIs.
        w.Line(Http + "RequestDelegate __receive = async context =>");
        w.Open();
        w.Open("if (!" + TypeSyntax.Runtime + "OpenApiReceiving.IsJsonMediaType(context.Request.ContentType))");
        w.Line("await " + Http + "Results.StatusCode(415).ExecuteAsync(context).ConfigureAwait(false);");
        w.Line("return;");
        w.Close();
        w.Line();
        w.Line("byte[] __body = await __ReadBodyAsync(context).ConfigureAwait(false);");
        w.Line(payload + " __payload;");
        w.Open("try");
        w.Line("__payload = " + types.Generated(parser) + ".Parse" + request.Name + "(__body, __Headers(context));");
        w.Close();
        w.Open("catch (" + TypeSyntax.Sdk + "ValidationException __invalid)");
        w.Line("await __Problem(__invalid).ExecuteAsync(context).ConfigureAwait(false);");
        w.Line("return;");
        w.Close();
        w.Line();
        w.Line(Http + "IResult __result = await handler(__payload, context).ConfigureAwait(false);");
        w.Line("await __result.ExecuteAsync(context).ConfigureAwait(false);");
        w.Close(";");
        w.Line("return global::Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions.MapMethods(endpoints, pattern, new[] { " + Literals.String(request.Method) + " }, __receive);");
        w.Close();
    }

    private static void EmitHelpers(SourceWriter w)
    {
        w.Open("private static async " + Task + "<byte[]> __ReadBodyAsync(" + Http + "HttpContext context)");
        w.Open("using (var buffer = new global::System.IO.MemoryStream())");
        w.Line("await context.Request.Body.CopyToAsync(buffer, 81920, context.RequestAborted).ConfigureAwait(false);");
        w.Line("return buffer.ToArray();");
        w.Close();
        w.Close();
        w.Line();
        w.Line("/// <summary>The request's headers by name, compared case-insensitively; repeated headers joined by commas (RFC 9110 §5.3).</summary>");
        w.Open("private static global::System.Collections.Generic.Dictionary<string, string> __Headers(" + Http + "HttpContext context)");
        w.Line("var headers = new global::System.Collections.Generic.Dictionary<string, string>(global::System.StringComparer.OrdinalIgnoreCase);");
        w.Open("foreach (var header in context.Request.Headers)");
        w.Line("headers[header.Key] = header.Value.ToString();");
        w.Close();
        w.Line();
        w.Line("return headers;");
        w.Close();
        w.Line();
        w.Line("/// <summary>400 with problem details: each JSON Pointer with the messages of the rules broken there.</summary>");
        w.Open("private static " + Http + "IResult __Problem(" + TypeSyntax.Sdk + "ValidationException invalid)");
        w.Line("var messages = new global::System.Collections.Generic.Dictionary<string, global::System.Collections.Generic.List<string>>(global::System.StringComparer.Ordinal);");
        w.Open("foreach (var error in invalid.Errors)");
        w.Open("if (!messages.TryGetValue(error.Pointer, out var list))");
        w.Line("list = new global::System.Collections.Generic.List<string>();");
        w.Line("messages.Add(error.Pointer, list);");
        w.Close();
        w.Line();
        w.Line("list.Add(error.Message);");
        w.Close();
        w.Line();
        w.Line("global::System.Collections.Generic.IDictionary<string, string[]> errors = new global::System.Collections.Generic.Dictionary<string, string[]>(global::System.StringComparer.Ordinal);");
        w.Open("foreach (var pair in messages)");
        w.Line("errors.Add(pair.Key, pair.Value.ToArray());");
        w.Close();
        w.Line();
        w.Line("return " + Http + "Results.ValidationProblem(errors);");
        w.Close();
    }
}
