using System.Collections.Generic;
using System.Linq;
using OpenApiSdk.Generator.Model;

namespace OpenApiSdk.Generator.Emitting;

/// <summary>
/// The response table of an operation, one static <c>ResponseMap</c> per operation: how a 2xx body is read, and
/// which type each declared error status's body is read as (the runtime matches exact codes, then ranges, then
/// default, and builds the <c>ApiException</c>).
/// </summary>
internal sealed partial class ClientOperationEmitter
{
    private const string ResponseMap = TypeSyntax.Runtime + "ResponseMap";

    /// <param name="errorsOnly">A streaming call's table: the success body is the stream, read elsewhere.</param>
    private void EmitResponseMap(OperationModel operation, string field, bool errorsOnly = false)
    {
        SourceWriter w = _w;
        string valueType;
        string start;
        if (errorsOnly)
        {
            valueType = "object?";
            start = ResponseMap + ".NoBody()";
        }
        else if (operation.Success is { Binary: true })
        {
            valueType = "byte[]";
            start = ResponseMap + ".Bytes()";
        }
        else if (operation.Success?.Type is { } success && operation.LongRunning is { EmptyAccepted: true })
        {
            // A long-running operation accepted with an empty 202: null, where its other success statuses carry the result.
            valueType = _types.Of(success) + "?";
            start = ResponseMap + ".JsonOrEmpty<" + _types.Of(success) + ">(" + _json.Reader(success) + ")";
        }
        else if (operation.Success?.Type is { } success2)
        {
            valueType = _types.Of(success2);
            start = ResponseMap + ".Json<" + valueType + ">(" + _json.Reader(success2) + ")";
        }
        else
        {
            valueType = "object?";
            start = ResponseMap + ".NoBody()";
        }

        var lines = new List<string>();
        foreach (ResponseModel error in operation.Errors)
        {
            string status = Literals.String(error.Status);
            if (error.Type is not { } type)
            {
                lines.Add(".Error(" + status + ")");
            }
            else if (ClientTypes.IsReference(type))
            {
                lines.Add(".Error<" + _types.Of(type) + ">(" + status + ", " + _json.Reader(type) + ErrorProperties(error) + ")");
            }
            else
            {
                lines.Add(".ErrorValue<" + _types.Of(type) + ">(" + status + ", " + _json.Reader(type) + ")");
            }
        }

        // An undeclared status: services answer 401, 404, 429 ... with the same error body as the documented ones, so
        // when the operation declares exactly one error body type, it is tried (and only kept if it parses).
        List<ResponseModel> typed = operation.Errors.Where(e => e.Type is not null).ToList();
        if (!operation.Errors.Any(e => e.Status == "default") && typed.Count > 0 && typed.All(e => e.Type!.Equals(typed[0].Type)) && ClientTypes.IsReference(typed[0].Type!))
        {
            lines.Add(".Undeclared<" + _types.Of(typed[0].Type!) + ">(" + _json.Reader(typed[0].Type!) + ErrorProperties(typed[0]) + ")");
        }

        w.Line();
        string declaration = "private static readonly " + ResponseMap + "<" + valueType + "> " + field + " = " + start;
        if (lines.Count == 0)
        {
            w.Line(declaration + ";");
            return;
        }

        w.Line(declaration);
        for (int i = 0; i < lines.Count; i++)
        {
            w.Line("    " + lines[i] + (i == lines.Count - 1 ? ";" : string.Empty));
        }
    }

    /// <summary>The arguments naming the error body's code and message properties, if it has them.</summary>
    private static string ErrorProperties(ResponseModel error)
    {
        if (error.ErrorCodeProperty is null && error.ErrorMessageProperty is null)
        {
            return string.Empty;
        }

        string code = error.ErrorCodeProperty is { } c ? "__e => __e." + c : "null";
        string message = error.ErrorMessageProperty is { } m ? "__e => __e." + m : "null";
        return ", " + code + ", " + message;
    }
}
