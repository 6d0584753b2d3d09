using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OpenApiSdk.Common;
using OpenApiSdk.Generator.Model;

namespace OpenApiSdk.Generator.Emitting;

/// <summary>
/// Emits one group of operations: for the group without a name, methods on the client itself (and the
/// interface); for a tag group, a nested <c>{Tag}Operations</c> class reached through a property of the
/// client, with its own nested interface, so a 400-operation API reads as <c>client.Tag.OperationAsync</c>.
/// Each operation is two methods: <c>{Name}Async</c> returning the body, and <c>{Name}WithResponseAsync</c>
/// returning <c>ApiResponse</c>; only the second holds code, the glue the runtime's <c>ClientPipeline</c> cannot
/// know (argument checks, validation, parameters to request parts, the response table). This file has the group
/// and the methods' shape; the request glue, the validation and the response table are in the other parts.
/// </summary>
internal sealed partial class ClientOperationEmitter
{
    private const string CancellationToken = "global::System.Threading.CancellationToken";
    private const string RequestOptions = TypeSyntax.Sdk + "RequestOptions";

    private static readonly char[] LineBreaks = { '\n', '\r' };

    private readonly SpecContext _context;
    private readonly ClientInfo _client;
    private readonly ClientTypes _types;
    private readonly ClientJson _json;
    private readonly List<string> _patterns = new();
    private readonly string _clientRef;
    private readonly SourceWriter _w = new();
    private readonly SourceWriter _jsonCheckWriter = new();
    private ValidationEmitter? _jsonChecks;
    private string _jsonChecksClass = string.Empty;
    private int _responseMaps;
    private int _unique;

    private ClientOperationEmitter(SpecContext context, ClientInfo client, bool nested)
    {
        _context = context;
        _client = client;
        _types = new ClientTypes(context.Namespace);
        _json = new ClientJson(_types);
        _clientRef = nested ? "_client" : "this";
    }

    public static string Emit(SpecContext context, ClientInfo client, OperationGroupModel group)
    {
        bool nested = group.Name.Length > 0;
        var emitter = new ClientOperationEmitter(context, client, nested);
        return emitter.EmitGroup(group, nested);
    }

    private string EmitGroup(OperationGroupModel group, bool nested)
    {
        SourceWriter w = _w;
        w.Line("namespace " + _context.Namespace);
        w.Open();
        string interfaceName = nested ? "I" + group.Name + "Operations" : "I" + _client.Name;
        string className = nested ? group.Name + "Operations" : _client.Name;
        _jsonChecksClass = "__" + _client.Name + (nested ? "_" + group.Name : string.Empty) + "JsonChecks";

        // The interface part.
        w.Open("public partial interface I" + _client.Name);
        if (nested)
        {
            w.Summary(group.Description ?? "The operations tagged " + group.Tag + ".");
            w.Line("I" + _client.Name + "." + interfaceName + " " + group.Name + " { get; }");
            w.Line();
            w.Summary(group.Description ?? "The operations tagged " + group.Tag + ".");
            w.Line(TypeSyntax.GeneratedCode);
            w.Open("public partial interface " + interfaceName); // partial: next-link page fetches are added beside (ClientHelperEmitter)
        }

        bool first = true;
        foreach (OperationModel operation in group.Operations)
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
            EmitDoc(operation);
            w.Line(Signature(operation, withResponse: false, forInterface: true) + ";");
            w.Line();
            EmitResponseDoc(operation);
            w.Line(Signature(operation, withResponse: true, forInterface: true) + ";");
            if (operation.Stream is { } stream)
            {
                EmitStreamingDeclarations(operation, stream);
            }
        }

        if (nested)
        {
            w.Close();
        }

        w.Close();
        w.Line();

        // The implementation part.
        w.Open("public partial class " + _client.Name);
        if (nested)
        {
            w.Line("private " + className + "? __" + group.Name + ";");
            w.Line();
            w.Summary(group.Description ?? "The operations tagged " + group.Tag + ".");
            w.Line("public " + className + " " + group.Name + " => __" + group.Name + " ??= new " + className + "(this);");
            w.Line();
            w.Line("I" + _client.Name + "." + interfaceName + " I" + _client.Name + "." + group.Name + " => " + group.Name + ";");
            w.Line();
            w.Summary(group.Description ?? "The operations tagged " + group.Tag + ".");
            w.Line(TypeSyntax.GeneratedCode);
            w.Open("public sealed partial class " + className + " : I" + _client.Name + "." + interfaceName);
            w.Line("private readonly " + _client.Name + " _client;");
            w.Line();
            w.Open("internal " + className + "(" + _client.Name + " client)");
            w.Line("_client = client;");
            w.Close();
            w.Line();
        }

        first = true;
        foreach (OperationModel operation in group.Operations)
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
            EmitOperation(operation);
            if (operation.Stream is { } stream)
            {
                EmitStreaming(operation, stream);
            }
        }

        _json.Emit(w);
        if (_patterns.Count > 0)
        {
            w.Line();
            w.Open("private static class __Patterns");
            for (int i = 0; i < _patterns.Count; i++)
            {
                w.Line("internal static readonly global::System.Text.RegularExpressions.Regex P" + Int(i) + " = " + TypeSyntax.Runtime + "OpenApiRuntime"
                    + ".CreatePattern(" + Literals.String(EcmaPattern.ToDotNet(_patterns[i])) + ");");
            }

            w.Close();
        }

        if (nested)
        {
            w.Close();
        }

        w.Close();
        w.Close();
        if (_jsonChecks is null)
        {
            return SourceWriter.Header + w.ToString();
        }

        // The JSON-value validator's methods (named __Check1_0, ... in every file that has them) and the model files' aliases
        // they use (__Validation, ...) live in a static class of this file's own, in a second block of the namespace: the
        // client and its group classes are partial across files, where the same method names would collide.
        SourceWriter checks = _jsonCheckWriter;
        checks.Line("namespace " + _context.Namespace);
        checks.Open();
        checks.Line(TypeSyntax.GeneratedCode);
        checks.Open("internal static class " + _jsonChecksClass);
        _jsonChecks.EmitJsonCheckMembers();
        checks.Close();
        checks.Close();
        string checksText = checks.ToString();
        return Aliases.Header(Aliases.Used(checksText)) + w.ToString() + "\n" + checksText;
    }

    /// <summary>The method that checks a JSON value against <paramref name="schema"/>, in this file's class of such checks.</summary>
    private string JsonCheck(JsonValueSchema schema) =>
        _types.Generated(_jsonChecksClass) + "." + (_jsonChecks ??= ValidationEmitter.ForJsonChecks(_jsonCheckWriter)).JsonCheckMethod(schema);

    private void EmitDoc(OperationModel operation)
    {
        SourceWriter w = _w;
        var paragraphs = new List<string> { operation.Method + " " + operation.Path + " (operationId " + operation.OperationId + ")." };
        if (operation.Deprecated)
        {
            paragraphs.Add("Deprecated by the spec.");
        }

        if (operation.Server is { } server)
        {
            paragraphs.Add("Sent to the server " + server.Declared + (server.Absolute ? " (as it is)" : " (resolved against the base address)") + " that the spec names for this operation, unless Options.UseOperationServers is false.");
        }

        if (operation.IdempotencyKeyHeader is { } key && operation.Method is "POST" or "PATCH")
        {
            paragraphs.Add("Retried after a 408, 500, 502, 504 or a lost connection only when " + key + " is given; without it, only when the server says it did not act (429, 503) or nothing was sent.");
        }

        paragraphs.AddRange(ClientHelperDocs.Paragraphs(operation));
        string? text = operation.Summary is null ? operation.Description : operation.Description is null ? operation.Summary : operation.Summary + "\n\n" + operation.Description;
        w.Summary(text, paragraphs.ToArray());
        EmitParameterDocs(operation);
        w.Line("/// <param name=\"requestOptions\">Settings of this call: timeout, extra headers, retries, validation.</param>");
        w.Line("/// <param name=\"cancellationToken\">Cancels the request.</param>");
        if (operation.Success?.Type is not null)
        {
            string summary = operation.Success.Summary is { } responseSummary ? ": " + FirstLine(responseSummary) : string.Empty;
            w.Line("/// <returns>" + Literals.XmlText("The " + operation.Success.Status + " response body" + summary + ".") + "</returns>");
        }

        EmitExceptionDocs();
    }

    /// <summary>The operation's own parameters (not the call's options and token).</summary>
    private void EmitParameterDocs(OperationModel operation)
    {
        SourceWriter w = _w;
        foreach (ParameterModel parameter in operation.Parameters)
        {
            string where = parameter.In switch
            {
                ParameterLocation.Path => "Path parameter " + parameter.WireName + ".",
                ParameterLocation.Query => "Query parameter " + parameter.WireName + ".",
                ParameterLocation.Cookie => "Cookie " + parameter.WireName + ".",
                ParameterLocation.QueryString => "The whole query string, as " + parameter.Style + (parameter.QueryString switch
                {
                    QueryStringEncoding.Form => " (its members as form fields).",
                    QueryStringEncoding.Json => " (its JSON text, percent-encoded).",
                    _ => " (percent-encoded).",
                }),
                _ => "Header " + parameter.WireName + "." + (parameter.DefaultOption is { } option ? " When null, Options." + option + " is sent, if set." : string.Empty),
            };
            string fallback = parameter.ClientOption is { } clientOption ? " When null, Options." + clientOption + " is sent" + (parameter.ClientOptionRequired ? " (one of them is required)." : ", if set.") : string.Empty;
            w.Line("/// <param name=\"" + parameter.Name.TrimStart('@') + "\">" + Literals.XmlText(where + fallback + (parameter.Description is { } d ? " " + FirstLine(d) : string.Empty)) + "</param>");
        }

        if (operation.Body is { } body && HasBodyParameter(body))
        {
            w.Line("/// <param name=\"" + body.Name + "\">The request body (" + Literals.XmlText(body.MediaType) + ")"
                + (body.Items is { } items ? ": " + ItemsDescription(items) + ", each validated, written and flushed as it is produced. The items are asked for once: once the first was, the request is never sent again."
                    : body.Multipart is null ? "." : ": each member is one part (one per item of an array), primitives as text/plain, objects as application/json; unset and null members are not sent.")
                + "</param>");
        }

        if (operation.Body?.Multipart is { } multipart)
        {
            foreach (FilePartModel file in multipart.Files)
            {
                string what = (file.IsArray ? "The files sent as parts named " : "The file sent as the part named ") + file.PartName
                    + " (" + file.DefaultContentType + " unless the file says otherwise)" + (file.Required ? "." : "; null sends none.")
                    + (file.Description is { } d ? " " + FirstLine(d) : string.Empty);
                w.Line("/// <param name=\"" + file.Name.TrimStart('@') + "\">" + Literals.XmlText(what) + "</param>");
            }
        }
    }

    /// <summary>The WithResponse form is documented by reference to the plain one (same parameters).</summary>
    private void EmitResponseDoc(OperationModel operation)
    {
        _w.Line("/// <summary>" + "<see cref=\"" + operation.Name + "\"/>" + ", returning the response's status code, headers and request id with " + (operation.Success?.Type is null ? "it." : "its body.") + "</summary>");
        EmitExceptionDocs();
    }

    private void EmitExceptionDocs()
    {
        _w.Line("/// <exception cref=\"" + TypeSyntax.Sdk + "ValidationException" + "\">The request breaks the spec (when validation is on); nothing was sent.</exception>");
        _w.Line("/// <exception cref=\"" + TypeSyntax.Sdk + "ApiException" + "\">The service answered a status other than success (after the retries the status allows), or a body that is not the declared JSON.</exception>");
    }

    private static string FirstLine(string text)
    {
        string trimmed = text.Trim();
        int newline = trimmed.IndexOfAny(LineBreaks);
        return newline < 0 ? trimmed : trimmed.Substring(0, newline).Trim();
    }

    private string ValueType(OperationModel operation) =>
        operation.Success?.Type is { } type ? _types.Of(type) + (operation.LongRunning is { EmptyAccepted: true } ? "?" : string.Empty) : string.Empty;

    private string ReturnType(OperationModel operation, bool withResponse)
    {
        string value = ValueType(operation);
        if (withResponse)
        {
            return "global::System.Threading.Tasks.Task<" + TypeSyntax.Sdk + "ApiResponse" + (value.Length == 0 ? string.Empty : "<" + value + ">") + ">";
        }

        return value.Length == 0 ? "global::System.Threading.Tasks.Task" : "global::System.Threading.Tasks.Task<" + value + ">";
    }

    /// <summary>The parameters, in order: required values, the required body and files, optional values, the optional body and files, the call's options, the token.</summary>
    private List<(string Declaration, string Name)> Parameters(OperationModel operation)
    {
        var parameters = new List<(string, string)>();
        foreach (ParameterModel parameter in operation.Parameters.Where(p => p.Required))
        {
            parameters.Add((_types.Parameter(parameter) + " " + parameter.Name, parameter.Name));
        }

        if (operation.Body is { Required: true } requiredBody && HasBodyParameter(requiredBody))
        {
            parameters.Add((_types.Body(requiredBody) + " " + requiredBody.Name, requiredBody.Name));
        }

        if (operation.Body is { Multipart: { } requiredFiles } filesBody)
        {
            foreach (FilePartModel file in requiredFiles.Files.Where(f => !FileNullable(filesBody, f)))
            {
                parameters.Add((FileType(file) + " " + file.Name, file.Name));
            }
        }

        foreach (ParameterModel parameter in operation.Parameters.Where(p => !p.Required))
        {
            parameters.Add((_types.Parameter(parameter) + " " + parameter.Name + " = null", parameter.Name));
        }

        if (operation.Body is { Required: false } optionalBody && HasBodyParameter(optionalBody))
        {
            parameters.Add((_types.Body(optionalBody, nullable: true) + " " + optionalBody.Name + " = " + (optionalBody.Type.Kind == TypeRefKind.Any && optionalBody.Items is null ? "default" : "null"), optionalBody.Name));
        }

        if (operation.Body is { Multipart: { } optionalFiles } optionalFilesBody)
        {
            foreach (FilePartModel file in optionalFiles.Files.Where(f => FileNullable(optionalFilesBody, f)))
            {
                parameters.Add((FileType(file) + "? " + file.Name + " = null", file.Name));
            }
        }

        parameters.Add((RequestOptions + "? requestOptions = null", "requestOptions"));
        parameters.Add((CancellationToken + " cancellationToken = default", "cancellationToken"));
        return parameters;
    }

    private string Signature(OperationModel operation, bool withResponse, bool forInterface)
    {
        string prefix = forInterface ? string.Empty : "public async ";
        string name = withResponse ? operation.ResponseName : operation.Name;
        return prefix + ReturnType(operation, withResponse) + " " + name + "(" + string.Join(", ", Parameters(operation).Select(p => p.Declaration)) + ")";
    }

    private void EmitOperation(OperationModel operation)
    {
        SourceWriter w = _w;

        // The plain form: the body of the WithResponse form.
        w.Line("/// <inheritdoc/>");
        w.Open(Signature(operation, withResponse: false, forInterface: false));
        string call = operation.ResponseName + "(" + string.Join(", ", Parameters(operation).Select(p => p.Name)) + ").ConfigureAwait(false)";
        w.Line(operation.Success?.Type is null ? "await " + call + ";" : "return (await " + call + ").Value;");
        w.Close();
        w.Line();

        w.Line("/// <inheritdoc/>");
        w.Open(Signature(operation, withResponse: true, forInterface: false));
        EmitArgumentChecks(operation);
        Dictionary<ParameterModel, string> values = EmitHeaderDefaults(operation);
        EmitValidation(operation, values);
        w.Line();
        EmitRequest(operation, values);
        string responses = "__Responses" + Int(_responseMaps++);
        w.Line("return await " + _clientRef + ".__Pipeline.SendAsync(__request, " + responses + ", requestOptions, cancellationToken).ConfigureAwait(false);");
        w.Close();
        EmitResponseMap(operation, responses);
    }

    /// <summary>Null checks for required reference values: a programming error, not a spec violation.</summary>
    private void EmitArgumentChecks(OperationModel operation)
    {
        SourceWriter w = _w;
        var names = new List<string>();
        names.AddRange(operation.Parameters.Where(p => p.Required && !p.Type.IsValueType).Select(p => p.Name));
        if (operation.Body is { Required: true } required && (!required.Type.IsValueType || required.Items is not null) && HasBodyParameter(required))
        {
            names.Add(required.Name);
        }

        if (operation.Body is { Multipart: { } checkedFiles } checkedBody)
        {
            names.AddRange(checkedFiles.Files.Where(f => !FileNullable(checkedBody, f)).Select(f => f.Name));
        }

        foreach (string name in names)
        {
            w.Open("if (" + name + " is null)");
            w.Line("throw new global::System.ArgumentNullException(nameof(" + name + "));");
            w.Close();
        }
    }

    /// <summary>Optional headers fall back to the options' defaults; returns the expression holding each parameter's value.</summary>
    private Dictionary<ParameterModel, string> EmitHeaderDefaults(OperationModel operation)
    {
        var values = new Dictionary<ParameterModel, string>();
        foreach (ParameterModel parameter in operation.Parameters)
        {
            values[parameter] = parameter.Name;
            if (parameter.ClientOption is { } clientOption)
            {
                // x-ms-parameter-location: client: the options' value unless the call gives one.
                string local = "__" + parameter.Name.TrimStart('@');
                string fromOptions = parameter.Type.Kind == TypeRefKind.Enum
                    ? "(" + _clientRef + ".Options." + clientOption + " is { } __option" + local + " ? new " + _types.Of(parameter.Type) + "(__option" + local + ") : (" + _types.Of(parameter.Type) + "?)null)"
                    : _clientRef + ".Options." + clientOption;
                string missing = parameter.ClientOptionRequired
                    ? " ?? throw new global::System.InvalidOperationException(" + Literals.String(parameter.WireName + " is required: set Options." + clientOption + " or pass " + parameter.Name.TrimStart('@') + ".") + ")"
                    : string.Empty;
                _w.Line("var " + local + " = " + parameter.Name + " ?? " + fromOptions + missing + ";");
                values[parameter] = local;
            }
            else if (parameter.DefaultOption is { } option)
            {
                string local = "__" + parameter.Name.TrimStart('@');
                string fallback = parameter.Type.Kind == TypeRefKind.Enum
                    ? "(" + _clientRef + ".Options." + option + " is { } __default" + local + " ? new " + _types.Of(parameter.Type) + "(__default" + local + ") : (" + _types.Of(parameter.Type) + "?)null)"
                    : _clientRef + ".Options." + option;
                _w.Line("var " + local + " = " + parameter.Name + " ?? " + fallback + ";");
                values[parameter] = local;
            }
        }

        return values;
    }

    /// <summary>The operation takes a body parameter: every body but a multipart one made only of files.</summary>
    private static bool HasBodyParameter(BodyModel body) => body.Multipart is not { HasFields: false };

    /// <summary>A file parameter may be null: the part is optional, or the whole body is.</summary>
    private static bool FileNullable(BodyModel body, FilePartModel file) => !(body.Required && file.Required);

    private const string FileContentType = TypeSyntax.Sdk + "FileContent";

    private static string FileType(FilePartModel file) =>
        file.IsArray ? "global::System.Collections.Generic.IEnumerable<" + FileContentType + ">" : FileContentType;

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
