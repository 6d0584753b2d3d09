namespace OpenApiSdk.Generator.Model;

/// <summary>How the items of a sequential response are framed and read (mirrors the runtime's <c>StreamItems</c> factories).</summary>
internal enum StreamFormat
{
    /// <summary><c>application/jsonl</c>, <c>application/x-ndjson</c>: one JSON text per line.</summary>
    JsonLines,

    /// <summary><c>application/json-seq</c> (RFC 7464): RS-prefixed JSON texts.</summary>
    JsonSequence,

    /// <summary><c>text/event-stream</c> under a pre-3.2 <c>schema</c>: each event's data is one JSON item; <c>[DONE]</c> ends.</summary>
    EventData,

    /// <summary><c>text/event-stream</c> with an item schema: each event is the object of <c>data</c>, <c>event</c>, <c>id</c>, <c>retry</c>.</summary>
    Events,
}

/// <summary>
/// A success response in a sequential media type, read item by item by <c>{Name}StreamingAsync</c> (and
/// <c>{Name}StreamingWithResponseAsync</c>).
/// </summary>
/// <param name="Name">The C# name of the method returning the items, <c>ChatStreamingAsync</c>.</param>
/// <param name="ResponseName">The C# name of the method returning the <c>ApiStreamResponse</c>, <c>ChatStreamingWithResponseAsync</c>.</param>
/// <param name="MediaType">The media type, as sent in <c>Accept</c>.</param>
/// <param name="Item">The type of one item.</param>
internal sealed record StreamModel(string Name, string ResponseName, string Status, string MediaType, StreamFormat Format, TypeRef Item);
