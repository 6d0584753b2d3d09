using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OpenApiSdk.Generator.Model;

namespace OpenApiSdk.Generator.Emitting;

/// <summary>
/// Emits one group of operations: for the group without a name, methods on the client itself (and the
/// interface); for a tag group, a nested <c>{Tag}Operations</c> class reached through a property of the
/// client, with its own nested interface, so a 400-operation API reads as <c>client.Tag.OperationAsync</c>.
/// </summary>
internal sealed class ClientOperationEmitter
{
    private const string CancellationToken = "global::System.Threading.CancellationToken";
    private const string Response = "global::System.Net.Http.HttpResponseMessage";

    private static readonly char[] LineBreaks = { '\n', '\r' };

    private readonly SpecContext _context;
    private readonly ClientInfo _client;
    private readonly ClientTypes _types;
    private readonly ClientJson _json;
    private readonly List<string> _patterns = new();
    private readonly string _clientRef;
    private SourceWriter _w = new();

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

        // The interface part.
        w.Open("public partial interface I" + _client.Name);
        if (nested)
        {
            w.Summary(group.Description ?? "The operations tagged " + group.Tag + ".");
            w.Line("I" + _client.Name + "." + interfaceName + " " + group.Name + " { get; }");
            w.Line();
            w.Summary(group.Description ?? "The operations tagged " + group.Tag + ".");
            w.Line(TypeSyntax.GeneratedCode);
            w.Open("public interface " + interfaceName);
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
            w.Line(Signature(operation, forInterface: true) + ";");
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
        }

        _json.Emit(w);
        if (_patterns.Count > 0)
        {
            w.Line();
            w.Open("private static class __Patterns");
            for (int i = 0; i < _patterns.Count; i++)
            {
                w.Line("internal static readonly global::System.Text.RegularExpressions.Regex P" + Int(i) + " = " + TypeSyntax.Runtime + "OpenApiRuntime"
                    + ".CreatePattern(" + Literals.String(Literals.DotNetPattern(_patterns[i])) + ");");
            }

            w.Close();
        }

        if (nested)
        {
            w.Close();
        }

        w.Close();
        w.Close();
        return SourceWriter.Header + w.ToString();
    }

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

        string? text = operation.Summary is null ? operation.Description : operation.Description is null ? operation.Summary : operation.Summary + "\n\n" + operation.Description;
        w.Summary(text, paragraphs.ToArray());
        foreach (ParameterModel parameter in operation.Parameters)
        {
            string where = parameter.In switch
            {
                ParameterLocation.Path => "Path parameter " + parameter.WireName + ".",
                ParameterLocation.Query => "Query parameter " + parameter.WireName + ".",
                ParameterLocation.Cookie => "Cookie " + parameter.WireName + ".",
                _ => "Header " + parameter.WireName + "." + (parameter.DefaultOption is { } option ? " When null, Options." + option + " is sent, if set." : string.Empty),
            };
            w.Line("/// <param name=\"" + parameter.Name.TrimStart('@') + "\">" + Literals.XmlText(where + (parameter.Description is { } d ? " " + FirstLine(d) : string.Empty)) + "</param>");
        }

        if (operation.Body is { } body && HasBodyParameter(body))
        {
            w.Line("/// <param name=\"" + body.Name + "\">The request body (" + Literals.XmlText(body.MediaType) + ")"
                + (body.Multipart is null ? "." : ": each member is one part (one per item of an array), primitives as text/plain, objects as application/json; unset and null members are not sent.")
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

        w.Line("/// <param name=\"cancellationToken\">Cancels the request.</param>");
        if (operation.Success?.Type is not null)
        {
            w.Line("/// <returns>The " + Literals.XmlText(operation.Success.Status) + " response body.</returns>");
        }

        w.Line("/// <exception cref=\"" + TypeSyntax.Sdk + "ValidationException" + "\">The request breaks the spec (when Options.ValidateRequests is on); nothing was sent.</exception>");
        w.Line("/// <exception cref=\"" + TypeSyntax.Sdk + "ApiException" + "\">The service answered a status other than success, or a body that is not the declared JSON.</exception>");
    }

    private static string FirstLine(string text)
    {
        string trimmed = text.Trim();
        int newline = trimmed.IndexOfAny(LineBreaks);
        return newline < 0 ? trimmed : trimmed.Substring(0, newline).Trim();
    }

    private string ReturnType(OperationModel operation) =>
        operation.Success?.Type is { } type
            ? "global::System.Threading.Tasks.Task<" + _types.Of(type) + ">"
            : "global::System.Threading.Tasks.Task";

    private string Signature(OperationModel operation, bool forInterface)
    {
        var parameters = new List<string>();
        foreach (ParameterModel parameter in operation.Parameters.Where(p => p.Required))
        {
            parameters.Add(_types.Parameter(parameter) + " " + parameter.Name);
        }

        if (operation.Body is { Required: true } requiredBody && HasBodyParameter(requiredBody))
        {
            parameters.Add(_types.Of(requiredBody.Type) + " " + requiredBody.Name);
        }

        if (operation.Body is { Multipart: { } requiredFiles } filesBody)
        {
            foreach (FilePartModel file in requiredFiles.Files.Where(f => !FileNullable(filesBody, f)))
            {
                parameters.Add(FileType(file) + " " + file.Name);
            }
        }

        foreach (ParameterModel parameter in operation.Parameters.Where(p => !p.Required))
        {
            parameters.Add(_types.Parameter(parameter) + " " + parameter.Name + " = null");
        }

        if (operation.Body is { Required: false } optionalBody && HasBodyParameter(optionalBody))
        {
            parameters.Add(_types.Nullable(optionalBody.Type, true) + " " + optionalBody.Name + " = " + (optionalBody.Type.Kind == TypeRefKind.Any ? "default" : "null"));
        }

        if (operation.Body is { Multipart: { } optionalFiles } optionalFilesBody)
        {
            foreach (FilePartModel file in optionalFiles.Files.Where(f => FileNullable(optionalFilesBody, f)))
            {
                parameters.Add(FileType(file) + "? " + file.Name + " = null");
            }
        }

        parameters.Add(CancellationToken + " cancellationToken = default");
        string prefix = forInterface ? string.Empty : "public async ";
        return prefix + ReturnType(operation) + " " + operation.Name + "(" + string.Join(", ", parameters) + ")";
    }

    private void EmitOperation(OperationModel operation)
    {
        SourceWriter w = _w;
        string client = _clientRef;
        string op = Literals.String(operation.OperationId);
        w.Line("/// <inheritdoc/>");
        w.Open(Signature(operation, forInterface: false));

        // Null checks for required reference values: a programming error, not a spec violation.
        foreach (ParameterModel parameter in operation.Parameters.Where(p => p.Required && !p.Type.IsValueType))
        {
            w.Open("if (" + parameter.Name + " is null)");
            w.Line("throw new global::System.ArgumentNullException(nameof(" + parameter.Name + "));");
            w.Close();
        }

        if (operation.Body is { Required: true } required && !required.Type.IsValueType && HasBodyParameter(required))
        {
            w.Open("if (" + required.Name + " is null)");
            w.Line("throw new global::System.ArgumentNullException(nameof(" + required.Name + "));");
            w.Close();
        }

        if (operation.Body is { Multipart: { } checkedFiles } checkedBody)
        {
            foreach (FilePartModel file in checkedFiles.Files.Where(f => !FileNullable(checkedBody, f)))
            {
                w.Open("if (" + file.Name + " is null)");
                w.Line("throw new global::System.ArgumentNullException(nameof(" + file.Name + "));");
                w.Close();
            }
        }

        // Optional headers fall back to the options' defaults.
        var values = new Dictionary<ParameterModel, string>();
        foreach (ParameterModel parameter in operation.Parameters)
        {
            values[parameter] = parameter.Name;
            if (parameter.DefaultOption is { } option)
            {
                string local = "__" + parameter.Name.TrimStart('@');
                string fallback = parameter.Type.Kind == TypeRefKind.Enum
                    ? "(" + client + ".Options." + option + " is { } __default" + local + " ? new " + _types.Of(parameter.Type) + "(__default" + local + ") : (" + _types.Of(parameter.Type) + "?)null)"
                    : client + ".Options." + option;
                w.Line("var " + local + " = " + parameter.Name + " ?? " + fallback + ";");
                values[parameter] = local;
            }
        }

        EmitValidation(operation, values);

        // URL: path segments percent-encoded, then the query.
        w.Line();
        w.Line("var __path = new global::System.Text.StringBuilder();");
        EmitPath(operation, values);
        w.Line("var __query = new global::System.Text.StringBuilder();");
        foreach (ParameterModel parameter in operation.Parameters.Where(p => p.In == ParameterLocation.Query))
        {
            EmitQuery(parameter, values[parameter]);
        }

        List<SecuritySchemeModel> schemes = operation.Security
            .Select(name => _client.Security.FirstOrDefault(s => s.Name == name))
            .Where(s => s is not null)
            .Select(s => s!)
            .ToList();
        for (int i = 0; i < schemes.Count; i++)
        {
            w.Line("string? __credential" + Int(i) + " = await " + client + ".__Credential" + schemes[i].PropertyName + "Async(cancellationToken).ConfigureAwait(false);");
            if (schemes[i].Kind == SecurityKind.ApiKeyQuery)
            {
                w.Open("if (__credential" + Int(i) + " is not null)");
                w.Line(_client.Name + ".__Query(__query, " + Literals.String(schemes[i].WireName) + ", __credential" + Int(i) + ");");
                w.Close();
            }
        }

        w.Line();
        string baseUrl = operation.Server switch
        {
            null => client + ".__BaseUrl()",
            { Absolute: true } server => "(" + client + ".Options.UseOperationServers ? " + Literals.String(server.Url) + " : " + client + ".__BaseUrl())",
            { } server => client + ".__OperationServerUrl(" + Literals.String(server.Url) + ")",
        };
        w.Line("var __uri = new global::System.Uri(" + baseUrl + " + __path.ToString() + __query.ToString(), global::System.UriKind.Absolute);");
        w.Open("using (var __request = new global::System.Net.Http.HttpRequestMessage(" + HttpMethod(operation.Method) + ", __uri))");
        w.Line("__request.Headers.TryAddWithoutValidation(\"Accept\", " + (operation.Success is { Binary: true } ? "\"*/*\"" : "\"application/json\"") + ");");
        foreach (ParameterModel parameter in operation.Parameters.Where(p => p.In == ParameterLocation.Header))
        {
            EmitHeader(parameter, values[parameter]);
        }

        CookieEmitter.Emit(w, _json, operation.Parameters.Where(p => p.In == ParameterLocation.Cookie).ToList(), values);

        for (int i = 0; i < schemes.Count; i++)
        {
            string credential = "__credential" + Int(i);
            switch (schemes[i].Kind)
            {
                case SecurityKind.ApiKeyHeader:
                    w.Open("if (" + credential + " is not null)");
                    w.Line("__request.Headers.TryAddWithoutValidation(" + Literals.String(schemes[i].WireName) + ", " + credential + ");");
                    w.Close();
                    break;
                case SecurityKind.Bearer:
                    w.Open("if (" + credential + " is not null)");
                    w.Line("__request.Headers.TryAddWithoutValidation(\"Authorization\", \"Bearer \" + " + credential + ");");
                    w.Close();
                    break;
                case SecurityKind.Basic:
                    w.Open("if (" + credential + " is not null)");
                    w.Line("__request.Headers.TryAddWithoutValidation(\"Authorization\", \"Basic \" + global::System.Convert.ToBase64String(global::System.Text.Encoding.UTF8.GetBytes(" + credential + ")));");
                    w.Close();
                    break;
            }
        }

        if (operation.Body is { Multipart: { } multipart } multipartBody)
        {
            EmitMultipartContent(multipartBody, multipart);
        }
        else if (operation.Body is { } body)
        {
            bool optional = !body.Required && body.Type.Kind != TypeRefKind.Any;
            if (optional)
            {
                w.Open("if (" + body.Name + " is not null)");
            }

            if (body.Encoding == BodyEncoding.Binary)
            {
                w.Line("__request.Content = " + _client.Name + ".__BinaryContent(" + body.Name + ", " + Literals.String(body.MediaType) + ");");
            }
            else
            {
                string writer = _json.Writer(body.Type);
                w.Open("using (var __stream = new global::System.IO.MemoryStream())");
                w.Open("using (var __writer = new global::System.Text.Json.Utf8JsonWriter(__stream))");
                w.Line(writer + "(__writer, " + body.Name + (optional && body.Type.IsValueType ? ".GetValueOrDefault()" : string.Empty) + ");");
                w.Close();
                w.Line();
                w.Line(body.Encoding == BodyEncoding.Form
                    ? "__request.Content = " + _client.Name + ".__FormContent(__stream.ToArray());"
                    : "__request.Content = " + _client.Name + ".__JsonContent(__stream.ToArray(), " + Literals.String(body.MediaType) + ");");
                w.Close();
            }

            if (optional)
            {
                w.Close();
            }
        }

        w.Line();
        w.Open("using (" + Response + " __response = await " + client + ".__SendAsync(__request, " + op + ", cancellationToken).ConfigureAwait(false))");
        w.Line("byte[] __body = await " + _client.Name + ".__ReadBodyAsync(__response).ConfigureAwait(false);");
        w.Line("int __status = (int)__response.StatusCode;");
        w.Open("if (" + SuccessCondition(operation.Success) + ")");
        if (operation.Success is { Binary: true })
        {
            w.Line("return __body;");
        }
        else if (operation.Success?.Type is { } successType)
        {
            string reader = _json.Reader(successType);
            w.Open("if (__TryRead" + reader + "(__body, out " + _types.Of(successType) + " __result))");
            w.Line("return __result;");
            w.Close();
            w.Line();
            w.Line("throw " + client + ".__ApiError(" + op + ", __response, __body, " + _client.Name + ".__Describe(__response, __body, true));");
        }
        else
        {
            w.Line("return;");
        }

        w.Close();
        w.Line();
        EmitErrors(operation, op);
        w.Close();
        w.Close();
        w.Close();
        EmitTryRead(operation);
    }

    private readonly HashSet<string> _tryReaders = new();

    /// <summary>A non-throwing reader for each body type the operation reads: never a JsonException.</summary>
    private void EmitTryRead(OperationModel operation)
    {
        var types = new List<TypeRef>();
        if (operation.Success is { Type: { } success, Binary: false })
        {
            types.Add(success);
        }

        types.AddRange(operation.Errors.Where(e => e.Type is not null).Select(e => e.Type!));
        foreach (TypeRef type in types)
        {
            string reader = _json.Reader(type);
            if (!_tryReaders.Add(reader))
            {
                continue;
            }

            SourceWriter w = _w;
            w.Line();
            w.Open("private static bool __TryRead" + reader + "(byte[] body, out " + _types.Of(type) + " value)");
            w.Open("try");
            w.Line("var reader = new global::System.Text.Json.Utf8JsonReader(body);");
            w.Open("if (reader.Read())");
            w.Line("value = " + reader + "(ref reader);");
            w.Open("if (!reader.Read())");
            w.Line("return true;");
            w.Close();
            w.Close();
            w.Close();
            w.Open("catch (global::System.Text.Json.JsonException)");
            w.Close();
            w.Open("catch (global::System.InvalidOperationException)");
            w.Close();
            w.Open("catch (global::System.FormatException)");
            w.Close();
            w.Line();
            w.Line("value = default!;");
            w.Line("return false;");
            w.Close();
        }
    }

    private void EmitErrors(OperationModel operation, string op)
    {
        SourceWriter w = _w;
        string client = _clientRef;

        // Exact codes first, then ranges (4XX), then default; each with its declared body type.
        IEnumerable<ResponseModel> ordered = operation.Errors.Where(e => e.Status.Length == 3 && char.IsDigit(e.Status[1]))
            .Concat(operation.Errors.Where(e => e.Status.Length == 3 && !char.IsDigit(e.Status[1])))
            .Concat(operation.Errors.Where(e => e.Status == "default"));
        foreach (ResponseModel error in ordered)
        {
            string condition = error.Status == "default" ? "true" : StatusCondition(error.Status);
            w.Open("if (" + condition + ")");
            if (error.Type is { } type)
            {
                string reader = _json.Reader(type);
                w.Open("if (__TryRead" + reader + "(__body, out " + _types.Of(type) + " __error))");
                if (ClientTypes.IsReference(type))
                {
                    string code = error.ErrorCodeProperty is { } c ? "__error." + c : "null";
                    string message = error.ErrorMessageProperty is { } m ? "__error." + m : "null";
                    w.Line("throw " + client + ".__ApiError(" + op + ", __response, __body, __error, " + code + ", " + message + ");");
                }
                else
                {
                    w.Line("throw " + client + ".__ApiError(" + op + ", __response, __body, null);");
                }

                w.Close();
                w.Line();
                w.Line("throw " + client + ".__ApiError(" + op + ", __response, __body, " + _client.Name + ".__Describe(__response, __body, true));");
            }
            else
            {
                w.Line("throw " + client + ".__ApiError(" + op + ", __response, __body, " + _client.Name + ".__Describe(__response, __body, false));");
            }

            w.Close();
            if (error.Status == "default")
            {
                return;
            }

            w.Line();
        }

        // An undocumented status: services answer 401, 404, 429 ... with the same error body as the documented
        // ones, so when the operation declares exactly one error body type, it is tried (and only kept if it parses).
        List<ResponseModel> typed = operation.Errors.Where(e => e.Type is not null).ToList();
        if (typed.Count > 0 && typed.All(e => e.Type!.Equals(typed[0].Type)) && ClientTypes.IsReference(typed[0].Type!))
        {
            ResponseModel error = typed[0];
            w.Open("if (__TryRead" + _json.Reader(error.Type!) + "(__body, out " + _types.Of(error.Type!) + " __undeclared))");
            string code = error.ErrorCodeProperty is { } c ? "__undeclared." + c : "null";
            string message = error.ErrorMessageProperty is { } m ? "__undeclared." + m : "null";
            w.Line("throw " + client + ".__ApiError(" + op + ", __response, __body, __undeclared, " + code + ", " + message + ");");
            w.Close();
            w.Line();
        }

        w.Line("throw " + client + ".__ApiError(" + op + ", __response, __body, " + _client.Name + ".__Describe(__response, __body, false));");
    }

    private static string SuccessCondition(ResponseModel? success)
    {
        // Any 2xx is success: the documented one is read; an undocumented 2xx with a body is read the same way.
        _ = success;
        return "__status >= 200 && __status <= 299";
    }

    private static string StatusCondition(string status)
    {
        if (char.IsDigit(status[1]))
        {
            return "__status == " + status;
        }

        int hundreds = status[0] - '0';
        return "__status >= " + Int(hundreds * 100) + " && __status <= " + Int(hundreds * 100 + 99);
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
                w.Line("__path.Append(" + Literals.String(path.Substring(position)) + ");");
                break;
            }

            if (open > position)
            {
                w.Line("__path.Append(" + Literals.String(path.Substring(position, open - position)) + ");");
            }

            string name = path.Substring(open + 1, close - open - 1);
            ParameterModel parameter = operation.Parameters.First(p => p.In == ParameterLocation.Path && p.WireName == name);
            string value = values[parameter];
            if (parameter.AsJson)
            {
                EmitJson(parameter, value, "__path.Append(" + _client.Name + ".__PathSegment(" + JsonText + "));");
            }
            else if (parameter.Type.Kind == TypeRefKind.Array)
            {
                TypeRef element = parameter.Type.Element!;
                w.Line("__path.Append(string.Join(\",\", global::System.Linq.Enumerable.Select(" + value + ", __item => " + _client.Name + ".__PathSegment(" + ItemText(element, parameter.Type.ElementAllowsNull, "__item") + "))));");
            }
            else
            {
                w.Line("__path.Append(" + _client.Name + ".__PathSegment(" + ClientTypes.Format(parameter.Type, value) + "));");
            }

            position = close + 1;
        }
    }

    private const string JsonText = "global::System.Text.Encoding.UTF8.GetString(__stream.ToArray())";

    private static bool IsStructured(TypeRef type) => type.Kind is TypeRefKind.Model or TypeRefKind.Array or TypeRefKind.Map or TypeRefKind.Any or TypeRefKind.Union;

    /// <summary>Writes a parameter's non-null value as JSON with the generated writer into <c>__stream</c>, then runs <paramref name="use"/>.</summary>
    private void EmitJson(ParameterModel parameter, string present, string use)
    {
        SourceWriter w = _w;
        string written = parameter.Type.Kind == TypeRefKind.Array ? "global::System.Linq.Enumerable.ToList(" + present + ")" : present; // the parameter is any sequence
        w.Open("using (var __stream = new global::System.IO.MemoryStream())");
        w.Open("using (var __writer = new global::System.Text.Json.Utf8JsonWriter(__stream))");
        w.Line(_json.Writer(parameter.Type) + "(__writer, " + written + ");");
        w.Close();
        w.Line();
        w.Line(use);
        w.Close();
    }

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
        bool optional = !parameter.Required || parameter.Type.IsValueType && parameter.AllowsNull;
        if (!parameter.Required)
        {
            w.Open("if (" + value + " is not null)");
        }

        string present = !parameter.Required && parameter.Type.IsValueType ? value + ".GetValueOrDefault()" : value;
        if (parameter.AsJson)
        {
            // content: application/json: the value's JSON text is the parameter's value.
            EmitJson(parameter, present, _client.Name + ".__Query(__query, " + name + ", " + JsonText + ");");
        }
        else if (parameter.Type.Kind is TypeRefKind.Model or TypeRefKind.Map or TypeRefKind.Any or TypeRefKind.Union
            || (parameter.Type.Kind == TypeRefKind.Array && parameter.Style == "deepObject" && IsStructured(parameter.Type.Element!)))
        {
            // An object (or any JSON value, or an array of objects in deepObject style): written as JSON by the generated
            // code, then spread into the query string (name[member]=value, name[0][member]=value, nested as name[a][b]).
            EmitJson(parameter, present, parameter.Style == "deepObject"
                ? _client.Name + ".__QueryDeepObject(__query, " + name + ", __stream.ToArray());"
                : _client.Name + ".__QueryFormObject(__query, " + name + ", __stream.ToArray(), " + (parameter.Explode ? "true" : "false") + ");");
        }
        else if (parameter.Type.Kind == TypeRefKind.Array && IsStructured(parameter.Type.Element!))
        {
            // An array of objects in form style, which OpenAPI leaves undefined: name[0].member=value, the form
            // ASP.NET Core's and Spring's binders read into a list of objects (generator/README.md, "Parameters").
            EmitJson(parameter, present, TypeSyntax.Runtime + "OpenApiParameters.AppendIndexedForm(__query, " + name + ", __stream.ToArray());");
        }
        else if (parameter.Type.Kind == TypeRefKind.Array && parameter.Style == "deepObject")
        {
            TypeRef element = parameter.Type.Element!;
            if (parameter.Required)
            {
                w.Open(); // its own scope: two required arrays in one operation would both declare __index
            }

            w.Line("int __index = 0;");
            w.Open("foreach (var __item in " + value + ")");
            w.Line(_client.Name + ".__Query(__query, " + name + " + \"[\" + __index.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \"]\", " + ItemText(element, parameter.Type.ElementAllowsNull, "__item") + ");");
            w.Line("__index++;");
            w.Close();
            if (parameter.Required)
            {
                w.Close();
            }
        }
        else if (parameter.Type.Kind == TypeRefKind.Array)
        {
            TypeRef element = parameter.Type.Element!;
            string item = ItemText(element, parameter.Type.ElementAllowsNull, "__item");
            if (parameter.Explode && parameter.Style == "form")
            {
                w.Open("foreach (var __item in " + value + ")");
                w.Line(_client.Name + ".__Query(__query, " + name + ", " + item + ");");
                w.Close();
            }
            else
            {
                string separator = parameter.Style switch
                {
                    "spaceDelimited" => "\" \"",
                    "pipeDelimited" => "\"|\"",
                    _ => "\",\"",
                };
                w.Line(_client.Name + ".__Query(__query, " + name + ", string.Join(" + separator + ", global::System.Linq.Enumerable.Select(" + value + ", __item => " + item + ")));");
            }
        }
        else
        {
            w.Line(_client.Name + ".__Query(__query, " + name + ", " + ClientTypes.Format(parameter.Type, present) + ");");
        }

        if (!parameter.Required)
        {
            w.Close();
        }

        _ = optional;
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
            EmitJson(parameter, present, "__request.Headers.TryAddWithoutValidation(" + name + ", " + JsonText + ");");
            if (!parameter.Required)
            {
                w.Close();
            }

            return;
        }

        string text = parameter.Type.Kind == TypeRefKind.Array
            ? "string.Join(\",\", global::System.Linq.Enumerable.Select(" + value + ", __item => " + ItemText(parameter.Type.Element!, parameter.Type.ElementAllowsNull, "__item") + "))"
            : ClientTypes.Format(parameter.Type, present);
        w.Line("__request.Headers.TryAddWithoutValidation(" + name + ", " + text + ");");
        if (!parameter.Required)
        {
            w.Close();
        }
    }

    private void EmitValidation(OperationModel operation, Dictionary<ParameterModel, string> values)
    {
        SourceWriter w = _w;
        string collector = TypeSyntax.Runtime + "ValidationCollector";
        w.Line();
        w.Open("if (" + _clientRef + ".Options.ValidateRequests)");
        w.Line("var __errors = new " + collector + "();");
        foreach (IGrouping<ParameterLocation, ParameterModel> location in operation.Parameters.GroupBy(p => p.In))
        {
            var checks = location.Where(p => NeedsCheck(p)).ToList();
            if (checks.Count == 0)
            {
                continue;
            }

            w.Line("__errors.Enter(" + Literals.String(location.Key.ToString().ToLowerInvariant()) + ");");
            foreach (ParameterModel parameter in checks)
            {
                EmitParameterChecks(parameter, values[parameter]);
            }

            w.Line("__errors.Exit();");
        }

        if (operation.Body is { Multipart: { } multipart } multipartBody)
        {
            EmitMultipartChecks(multipartBody, multipart);
        }
        else if (operation.Body is { } body && BodyCheck(body) is { } check)
        {
            w.Line("__errors.Enter(" + Literals.String(body.Name) + ");");
            EmitBodyCheck(body, check);
            w.Line("__errors.Exit();");
        }

        w.Open("if (__errors.Errors.Count > 0)");
        w.Line("throw new " + TypeSyntax.Sdk + "ValidationException" + "(" + Literals.String("The " + operation.OperationId + " request") + ", __errors.Errors);");
        w.Close();
        w.Close();
    }

    /// <summary>Runs a body's validation statement, only when the body was given if it is optional.</summary>
    private void EmitBodyCheck(BodyModel body, string check)
    {
        if (!body.Required)
        {
            _w.Open("if (" + body.Name + " is not null)");
            _w.Line(check);
            _w.Close();
        }
        else
        {
            _w.Line(check);
        }
    }

    /// <summary>The operation takes a body parameter: every body but a multipart one made only of files.</summary>
    private static bool HasBodyParameter(BodyModel body) => body.Multipart is not { HasFields: false };

    /// <summary>A file parameter may be null: the part is optional, or the whole body is.</summary>
    private static bool FileNullable(BodyModel body, FilePartModel file) => !(body.Required && file.Required);

    private string FileContentType => _types.Generated(_client.Name + "." + ClientTypes.FileContentName(_client.Name));

    private string FileType(FilePartModel file) =>
        file.IsArray ? "global::System.Collections.Generic.IEnumerable<" + FileContentType + ">" : FileContentType;

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

    private void EmitMultipartChecks(BodyModel body, MultipartModel multipart)
    {
        SourceWriter w = _w;
        w.Line("__errors.Enter(\"body\");");
        if (multipart.HasFields && BodyCheck(body) is { } check)
        {
            EmitBodyCheck(body, check);
        }

        foreach (FilePartModel file in multipart.Files)
        {
            string name = Literals.String(file.PartName);
            if (file.Required && FileNullable(body, file))
            {
                w.Open("if ((" + SendCondition(body, multipart) + ") && " + file.Name + " is null)");
                w.Line("__errors.Add(" + name + ", \"is required\");");
                w.Close();
            }

            if (file.IsArray && (file.MinItems is not null || file.MaxItems is not null))
            {
                // A non-nullable parameter is not tested for null: the test would make the compiler think it may be.
                bool nullable = FileNullable(body, file);
                if (nullable)
                {
                    w.Open("if (" + file.Name + " is not null)");
                }

                string count = "global::System.Linq.Enumerable.Count(" + file.Name + ")";
                if (file.MinItems is { } minItems)
                {
                    w.Open("if (" + count + " < " + Int(minItems) + ")");
                    w.Line("__errors.Add(" + name + ", " + Literals.String("must have at least " + Int(minItems) + " item" + (minItems == 1 ? string.Empty : "s")) + ");");
                    w.Close();
                }

                if (file.MaxItems is { } maxItems)
                {
                    w.Open("if (" + count + " > " + Int(maxItems) + ")");
                    w.Line("__errors.Add(" + name + ", " + Literals.String("must have at most " + Int(maxItems) + " item" + (maxItems == 1 ? string.Empty : "s")) + ");");
                    w.Close();
                }

                if (nullable)
                {
                    w.Close();
                }
            }
        }

        w.Line("__errors.Exit();");
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

        w.Line("var __form = new global::System.Net.Http.MultipartFormDataContent();");
        w.Line("__request.Content = __form;");
        if (multipart.HasFields)
        {
            if (!body.Required)
            {
                w.Open("if (" + body.Name + " is not null)");
            }

            string contentTypes = multipart.ContentTypes.IsEmpty
                ? "null"
                : "new string[] { " + string.Join(", ", multipart.ContentTypes.Select(c => Literals.String(c.PartName) + ", " + Literals.String(c.ContentType))) + " }";
            w.Open("using (var __stream = new global::System.IO.MemoryStream())");
            w.Open("using (var __writer = new global::System.Text.Json.Utf8JsonWriter(__stream))");
            w.Line(_json.Writer(body.Type) + "(__writer, " + body.Name + ");");
            w.Close();
            w.Line();
            w.Line(_client.Name + ".__MultipartFields(__form, __stream.ToArray(), " + contentTypes + ");");
            w.Close();
            if (!body.Required)
            {
                w.Close();
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
                w.Line(_client.Name + ".__MultipartFile(__form, " + partName + ", __file, " + contentType + ");");
                w.Close();
            }
            else
            {
                w.Line(_client.Name + ".__MultipartFile(__form, " + partName + ", " + file.Name + ", " + contentType + ");");
            }

            if (nullable)
            {
                w.Close();
            }
        }

        if (!body.Required)
        {
            w.Close();
        }
    }

    private static string? BodyCheck(BodyModel body)
    {
        string model = "((" + TypeSyntax.Runtime + "IOpenApiModel" + ")" + body.Name + ")";
        return body.Type.Kind switch
        {
            TypeRefKind.Model or TypeRefKind.Union => model + ".ValidateCore(__errors);",
            TypeRefKind.Array when body.Type.Element is { Kind: TypeRefKind.Model or TypeRefKind.Union } =>
                "for (int __i = 0; __i < " + body.Name + ".Count; __i++) { if (" + body.Name + "[__i] is { } __item) { __errors.Enter(__i); ((" + TypeSyntax.Runtime + "IOpenApiModel" + ")__item).ValidateCore(__errors); __errors.Exit(); } }",
            _ => null,
        };
    }

    private static bool NeedsCheck(ParameterModel parameter) =>
        parameter.Type.Kind is TypeRefKind.Enum or TypeRefKind.Model or TypeRefKind.Union
        || parameter.In == ParameterLocation.Header
        || (parameter.Type.Kind != TypeRefKind.Array && !parameter.Constraints.IsEmpty)
        || (parameter.Type.Kind == TypeRefKind.Array && (parameter.Constraints.MinItems is not null || parameter.Constraints.MaxItems is not null))
        || (parameter.Type.Kind == TypeRefKind.Array && parameter.Type.Element is { Kind: TypeRefKind.Model or TypeRefKind.Union });

    private void EmitParameterChecks(ParameterModel parameter, string value)
    {
        SourceWriter w = _w;
        string name = Literals.String(parameter.WireName);
        bool optional = !parameter.Required;
        if (optional)
        {
            w.Open("if (" + value + " is not null)");
        }

        string present = optional && parameter.Type.IsValueType ? value + ".GetValueOrDefault()" : value;
        if (parameter.Type.Kind is TypeRefKind.Model or TypeRefKind.Union)
        {
            w.Line("__errors.Enter(" + name + ");");
            w.Line("((" + TypeSyntax.Runtime + "IOpenApiModel" + ")" + value + ").ValidateCore(__errors);");
            w.Line("__errors.Exit();");
        }

        if (parameter.Type.Kind == TypeRefKind.Array && parameter.Type.Element is { Kind: TypeRefKind.Model or TypeRefKind.Union })
        {
            // An array of objects (deepObject in the query, JSON elsewhere): each item is checked at /{name}/{index}.
            w.Line("__errors.Enter(" + name + ");");
            w.Open();
            w.Line("int __position = 0;");
            w.Open("foreach (var __element in " + value + ")");
            w.Open("if (__element is not null)");
            w.Line("__errors.Enter(__position);");
            w.Line("((" + TypeSyntax.Runtime + "IOpenApiModel" + ")__element).ValidateCore(__errors);");
            w.Line("__errors.Exit();");
            w.Close();
            w.Line();
            w.Line("__position++;");
            w.Close();
            w.Close();
            w.Line();
            w.Line("__errors.Exit();");
        }

        var violations = new List<(string Condition, string Message)>(Violations(parameter.Type, parameter.Constraints, present));
        if (parameter.In == ParameterLocation.Header && parameter.Type.Kind is TypeRefKind.String or TypeRefKind.Enum)
        {
            violations.Add((_client.Name + ".__HasLineBreak(" + ClientTypes.Format(parameter.Type, present) + ")", "must not contain line breaks"));
        }

        foreach ((string condition, string message) in violations)
        {
            w.Open("if (" + condition + ")");
            w.Line("__errors.Add(" + name + ", " + Literals.String(message) + ");");
            w.Close();
        }

        if (optional)
        {
            w.Close();
        }
    }

    private IEnumerable<(string Condition, string Message)> Violations(TypeRef type, Constraints c, string value)
    {
        string runtime = TypeSyntax.Runtime + "OpenApiRuntime";
        if (type.Kind == TypeRefKind.Enum)
        {
            yield return ("!" + value + ".IsKnown", "must be one of the values the spec lists");
        }

        if (type.Kind == TypeRefKind.String)
        {
            if (c.MinLength is { } minLength)
            {
                yield return (runtime + ".Length(" + value + ") < " + Int(minLength), "must be at least " + Int(minLength) + " characters long");
            }

            if (c.MaxLength is { } maxLength)
            {
                yield return (runtime + ".Length(" + value + ") > " + Int(maxLength), "must be at most " + Int(maxLength) + " characters long");
            }

            if (c.Pattern is { } pattern)
            {
                int index = _patterns.IndexOf(pattern);
                if (index < 0)
                {
                    index = _patterns.Count;
                    _patterns.Add(pattern);
                }

                yield return ("!" + runtime + ".IsMatch(__Patterns.P" + Int(index) + ", " + value + ")", "must match the pattern " + pattern);
            }

            if (!c.Enum.IsEmpty)
            {
                var strings = c.Enum.Where(v => v.Kind == JsonLiteralKind.String).ToList();
                if (strings.Count > 0)
                {
                    yield return ("!(" + string.Join(" || ", strings.Select(v => value + " == " + Literals.String(v.Text))) + ")", "must be one of: " + string.Join(", ", strings.Select(v => v.Text)));
                }
            }

            if (c.Const is { Kind: JsonLiteralKind.String } constant)
            {
                yield return (value + " != " + Literals.String(constant.Text), "must be " + constant.Text);
            }
        }

        if (type.IsNumber)
        {
            if (c.Minimum is { } minimum)
            {
                yield return (value + (c.ExclusiveMinimum ? " <= " : " < ") + TypeSyntax.Number(minimum, type.Kind), (c.ExclusiveMinimum ? "must be greater than " : "must be greater than or equal to ") + minimum);
            }

            if (c.Maximum is { } maximum)
            {
                yield return (value + (c.ExclusiveMaximum ? " >= " : " > ") + TypeSyntax.Number(maximum, type.Kind), (c.ExclusiveMaximum ? "must be less than " : "must be less than or equal to ") + maximum);
            }

            if (c.MultipleOf is { } multipleOf)
            {
                bool integral = type.IsInteger && long.TryParse(multipleOf, NumberStyles.None, CultureInfo.InvariantCulture, out _);
                string violated = integral
                    ? value + " % " + TypeSyntax.Number(multipleOf, type.Kind) + " != 0"
                    : type.Kind == TypeRefKind.Decimal
                        ? value + " % " + TypeSyntax.Number(multipleOf, type.Kind) + " != 0m"
                        : "!" + runtime + ".IsMultipleOf(" + value + ", " + TypeSyntax.Number(multipleOf, TypeRefKind.Double) + ")";
                yield return (violated, "must be a multiple of " + multipleOf);
            }

            if (!c.Enum.IsEmpty)
            {
                var numbers = c.Enum.Where(v => v.Kind == JsonLiteralKind.Number).ToList();
                if (numbers.Count > 0)
                {
                    yield return ("!(" + string.Join(" || ", numbers.Select(v => value + " == " + TypeSyntax.Number(v.Text, type.Kind))) + ")", "must be one of: " + string.Join(", ", numbers.Select(v => v.Text)));
                }
            }
        }

        if (type.Kind == TypeRefKind.Array)
        {
            string count = "global::System.Linq.Enumerable.Count(" + value + ")";
            if (c.MinItems is { } minItems)
            {
                yield return (count + " < " + Int(minItems), "must have at least " + Int(minItems) + " item" + (minItems == 1 ? string.Empty : "s"));
            }

            if (c.MaxItems is { } maxItems)
            {
                yield return (count + " > " + Int(maxItems), "must have at most " + Int(maxItems) + " item" + (maxItems == 1 ? string.Empty : "s"));
            }
        }
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
