using OpenApiSdk.Generator.Model;

namespace OpenApiSdk.Generator.Emitting;

/// <summary>
/// A request body in a sequential media type: the operation takes an <c>IAsyncEnumerable</c> of the item type and hands it
/// to the runtime's <c>RequestItems</c>, which validates (when the call validates), writes, frames and flushes each item as
/// the caller produces it.
/// </summary>
internal sealed partial class ClientOperationEmitter
{
    /// <summary>The <c>RequestItems</c> call that makes the body of <paramref name="body"/>'s items.</summary>
    private string RequestItems(OperationModel operation, BodyModel body)
    {
        string item = _types.Of(body.Type);
        string validate = body.Type.Kind is TypeRefKind.Model or TypeRefKind.Union
            ? "(" + _clientRef + ".__Pipeline.ShouldValidate(requestOptions) ? new global::System.Action<" + TypeSyntax.Runtime + "ValidationCollector, " + item + ">((__errors, __item) => ((" + TypeSyntax.Runtime + "IOpenApiModel)__item).ValidateCore(__errors)) : null)"
            : "null";
        string arguments = "(" + body.Name + ", " + _json.Writer(body.Type) + ", " + validate + ", ";
        string tail = Literals.String(operation.OperationId) + ", cancellationToken)";
        return TypeSyntax.Runtime + "RequestItems." + body.Items switch
        {
            StreamFormat.JsonLines => "JsonLines<" + item + ">" + arguments + Literals.String(body.MediaType) + ", " + tail,
            StreamFormat.JsonSequence => "JsonSequence<" + item + ">" + arguments + Literals.String(body.MediaType) + ", " + tail,
            StreamFormat.EventData => "EventData<" + item + ">" + arguments + tail,
            _ => "Events<" + item + ">" + arguments + tail,
        };
    }

    private static string ItemsDescription(StreamFormat format) => format switch
    {
        StreamFormat.EventData => "each item one event whose data is its JSON",
        StreamFormat.Events => "each item one event, its data, event, id and retry as the event's fields",
        StreamFormat.JsonSequence => "each item one JSON text of an RFC 7464 sequence",
        _ => "each item one line of JSON",
    };
}
