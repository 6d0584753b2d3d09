using System.Linq;
using OpenApiSdk.Generator.Model;

namespace OpenApiSdk.Generator.Emitting;

/// <summary>
/// The streaming form of an operation whose success response is in a sequential media type: <c>{Name}StreamingAsync</c>
/// returns the items as an <c>IAsyncEnumerable</c> (the request is sent when the enumeration starts, the connection closed
/// when it ends), <c>{Name}StreamingWithResponseAsync</c> the runtime's <c>ApiStreamResponse</c> once the headers have
/// arrived. The request glue is the operation's own (same checks, validation, parameters, credentials); only the
/// <c>Accept</c> header (the sequential media type), the response table (errors only) and the item reader differ.
/// </summary>
internal sealed partial class ClientOperationEmitter
{
    private const string StreamItems = TypeSyntax.Runtime + "StreamItems";

    private void EmitStreamingDeclarations(OperationModel operation, StreamModel stream)
    {
        SourceWriter w = _w;
        w.Line();
        string what = "The items of the " + stream.Status + " " + stream.MediaType + " response, each as soon as it has arrived (" + ItemDescription(stream) + ").";
        w.Summary(operation.Summary ?? operation.Description ?? operation.Method + " " + operation.Path + ".", new[]
        {
            what,
            "The request is sent when the enumeration starts; leaving the enumeration (or cancelling) closes the connection at once. Retries happen only before the stream starts.",
        });
        EmitParameterDocs(operation);
        w.Line("/// <param name=\"requestOptions\">Settings of this call: timeout (until the headers arrive), extra headers, retries, validation.</param>");
        w.Line("/// <param name=\"cancellationToken\">Cancels the request and the enumeration.</param>");
        EmitExceptionDocs();
        w.Line(StreamingSignature(operation, stream, withResponse: false, forInterface: true) + ";");
        w.Line();
        w.Line("/// <summary><see cref=\"" + stream.Name + "\"/>, returning once the response's headers have arrived: its status code, headers and request id, and the items to enumerate once. Dispose it.</summary>");
        EmitExceptionDocs();
        w.Line(StreamingSignature(operation, stream, withResponse: true, forInterface: true) + ";");
    }

    private void EmitStreaming(OperationModel operation, StreamModel stream)
    {
        SourceWriter w = _w;
        string item = _types.Of(stream.Item);
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line(StreamingSignature(operation, stream, withResponse: false, forInterface: false) + " =>");
        w.Line("    " + StreamItems + ".Enumerate(__token => " + stream.ResponseName + "("
            + string.Join(", ", Parameters(operation).Select(p => p.Name == "cancellationToken" ? "__token" : p.Name)) + "), cancellationToken);");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Open(StreamingSignature(operation, stream, withResponse: true, forInterface: false));
        EmitArgumentChecks(operation);
        var values = EmitHeaderDefaults(operation);
        EmitValidation(operation, values);
        w.Line();
        EmitRequest(operation, values, stream.MediaType);
        string responses = "__Responses" + Int(_responseMaps++);
        string items = responses.Replace("__Responses", "__Items");
        w.Line("return await " + _clientRef + ".__Pipeline.SendStreamingAsync(__request, " + responses + ", " + items + ", requestOptions, cancellationToken).ConfigureAwait(false);");
        w.Close();
        EmitResponseMap(operation, responses, errorsOnly: true);
        string factory = stream.Format switch
        {
            StreamFormat.JsonLines => "JsonLines<" + item + ">(" + _json.Reader(stream.Item) + ", " + Literals.String(stream.MediaType) + ")",
            StreamFormat.JsonSequence => "JsonSequence<" + item + ">(" + _json.Reader(stream.Item) + ", " + Literals.String(stream.MediaType) + ")",
            StreamFormat.EventData => "EventData<" + item + ">(" + _json.Reader(stream.Item) + ")",
            _ => "Events<" + item + ">(" + _json.Reader(stream.Item) + EventFiller(stream.Item, item) + ")",
        };
        w.Line("private static readonly " + StreamItems + "<" + item + "> " + items + " = " + StreamItems + "." + factory + ";");
    }

    /// <summary>
    /// For an event item that is a model or a union of models, the runtime's <c>JsonItem</c> of it, which fills the item
    /// straight from the event's fields (no event object written and parsed); nothing for any other item.
    /// </summary>
    private static string EventFiller(TypeRef type, string item) => type.Kind switch
    {
        TypeRefKind.Model => ", " + TypeSyntax.Runtime + "Json.Model<" + item + ">()",
        TypeRefKind.Union => ", " + item + ".__Shape.Item",
        _ => string.Empty,
    };

    private string StreamingSignature(OperationModel operation, StreamModel stream, bool withResponse, bool forInterface)
    {
        string item = _types.Of(stream.Item);
        string returns = withResponse
            ? "global::System.Threading.Tasks.Task<" + TypeSyntax.Sdk + "ApiStreamResponse<" + item + ">>"
            : "global::System.Collections.Generic.IAsyncEnumerable<" + item + ">";
        string prefix = forInterface ? string.Empty : withResponse ? "public async " : "public ";
        return prefix + returns + " " + (withResponse ? stream.ResponseName : stream.Name) + "(" + string.Join(", ", Parameters(operation).Select(p => p.Declaration)) + ")";
    }

    private static string ItemDescription(StreamModel stream) => stream.Format switch
    {
        StreamFormat.EventData => "each event's data read as JSON; an event whose data is [DONE] ends the stream",
        StreamFormat.Events => "each event as its data, event, id and retry fields",
        StreamFormat.JsonSequence => "each JSON text of the RFC 7464 sequence",
        _ => "each line's JSON",
    };
}
