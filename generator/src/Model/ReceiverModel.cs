namespace OpenApiSdk.Generator.Model;

// Requests the API sends to the SDK's user rather than receives: 3.1 `webhooks` and the `callbacks` of
// operations. Like the rest of the model, only strings, TypeRefs and EquatableArrays.

/// <summary>Everything a spec's user may receive: its webhooks and its operations' callbacks.</summary>
/// <param name="WebhooksClass">The name of the class that parses webhooks (<c>{Base}Webhooks</c>).</param>
/// <param name="Webhooks">The webhooks, in document order.</param>
/// <param name="CallbacksClass">The name of the class that parses callbacks (<c>{Base}Callbacks</c>).</param>
/// <param name="Callbacks">The callbacks, in document order of their operations.</param>
/// <param name="EndpointsClass">The class of ASP.NET Core <c>Map...</c> extensions, emitted only where ASP.NET Core is referenced.</param>
internal sealed record ReceiverModel(
    string WebhooksClass,
    EquatableArray<IncomingRequestModel> Webhooks,
    string CallbacksClass,
    EquatableArray<IncomingRequestModel> Callbacks,
    string EndpointsClass);

internal enum IncomingKind
{
    /// <summary>An entry of the document's <c>webhooks</c>.</summary>
    Webhook,

    /// <summary>An operation of an operation's <c>callbacks</c>.</summary>
    Callback,
}

/// <summary>One request the API sends: a webhook's or a callback's operation.</summary>
/// <param name="Name">The C# name in <c>Parse{Name}</c>, <c>TryParse{Name}</c> and <c>Map{Name}Webhook</c>.</param>
/// <param name="Key">The webhook's name, or the callback's name under <c>callbacks</c>.</param>
/// <param name="Method">The HTTP method, upper case.</param>
/// <param name="Expression">For a callback: the runtime expression of its URL (<c>{$request.query.callbackUrl}/data</c>).</param>
/// <param name="Owner">For a callback: the operationId (or method and path) of the operation that registers it.</param>
/// <param name="Payload">The JSON body's type; null when the request has no JSON body.</param>
/// <param name="PayloadRequired">The request body is <c>required: true</c>; otherwise an empty body is no payload (null).</param>
/// <param name="Headers">The header parameters, as a generated model (<c>{Name}Headers</c>) whose properties are the headers; null when none are declared.</param>
/// <param name="HeaderFields">The declared headers in order, with how each is turned into JSON for that model.</param>
/// <param name="Responses">What the receiver should answer, by status, for documentation.</param>
internal sealed record IncomingRequestModel(
    string Name,
    IncomingKind Kind,
    string Key,
    string Method,
    string? Expression,
    string? Owner,
    string? OperationId,
    string? Summary,
    string? Description,
    bool Deprecated,
    TypeRef? Payload,
    bool PayloadRequired,
    string? PayloadDescription,
    TypeRef? Headers,
    EquatableArray<IncomingHeaderModel> HeaderFields,
    EquatableArray<IncomingResponseModel> Responses);

/// <param name="WireName">The header's name as declared (compared case-insensitively at run time).</param>
/// <param name="Kind">How its text becomes JSON: a string, a JSON scalar (number or boolean), a comma-separated list of either, or JSON text.</param>
internal sealed record IncomingHeaderModel(string WireName, IncomingHeaderKind Kind);

/// <summary>How a header's text is read; numbers and booleans that do not parse stay strings, so validation names them.</summary>
internal enum IncomingHeaderKind
{
    Text,
    Scalar,
    TextList,
    ScalarList,

    /// <summary>An object (or <c>content: application/json</c>): the header holds JSON text, as the client sends such headers.</summary>
    Json,
}

internal sealed record IncomingResponseModel(string Status, string? Description);
