using System;
using System.Collections.Generic;
using OpenApiSdk.Generator.Diagnostics;
using OpenApiSdk.Generator.Model;
using OpenApiSdk.Generator.Yaml;

namespace OpenApiSdk.Generator.Building;

/// <summary>
/// Streaming responses: the first success response (lowest 2xx) with a sequential media type (OpenAPI 3.2 "Sequential
/// Media Types") gets a method reading its items as they arrive. The item type is the 3.2 <c>itemSchema</c>'s; without
/// one, the <c>items</c> of an array <c>schema</c> (3.2: <c>schema</c> describes the whole stream as an array); and in a
/// 3.0/3.1 document, a <c>schema</c> that is not an array is taken as the item's, which is how specs before 3.2 (OpenAI's)
/// describe a stream (for <c>text/event-stream</c>: the JSON in each event's <c>data</c>).
/// </summary>
internal static partial class OperationBuilder
{
    private sealed partial class Builder
    {
        private bool? _isOpenApi32;

        private bool IsOpenApi32 => _isOpenApi32 ??= _root.GetString("openapi") is { } version && version.StartsWith("3.2", StringComparison.Ordinal);

        private StreamModel? Stream(YamlNode? responses, string owner, string stem)
        {
            if (responses is not { IsMapping: true })
            {
                return null;
            }

            StreamModel? chosen = null;
            int chosenCode = int.MaxValue;
            foreach (KeyValuePair<YamlNode, YamlNode> pair in responses.Pairs!)
            {
                string status = pair.Key.Value ?? string.Empty;
                if (Refs.Resolve(pair.Value) is not { IsMapping: true } response || response.Get("content") is not { IsMapping: true } content)
                {
                    continue;
                }

                bool isSuccess = status.Length == 3 && status[0] == '2';
                foreach (KeyValuePair<YamlNode, YamlNode> media in content.Pairs!)
                {
                    string mediaType = (media.Key.Value ?? string.Empty).Split(';')[0].Trim().ToLowerInvariant();
                    StreamFormat? format = SequentialFormat(mediaType);
                    if (format is null)
                    {
                        if (media.Value.Get("itemSchema") is { } misplaced)
                        {
                            _diagnostics.Report(DiagnosticDescriptors.IgnoredValue, misplaced, $"'itemSchema' describes the items of a sequential media type (text/event-stream, application/jsonl, application/x-ndjson, application/json-seq); '{mediaType}' is not one, so it is ignored");
                        }

                        continue;
                    }

                    int code = status.Equals("2XX", StringComparison.OrdinalIgnoreCase) ? 299 : int.TryParse(status, out int parsed) ? parsed : 299;
                    if (!isSuccess || code >= chosenCode || ItemSchema(media.Value, format.Value) is not ({ } schema, StreamFormat itemFormat))
                    {
                        continue;
                    }

                    TypeRef item = schema.IsMapping && schema.Pairs!.Count == 0 ? TypeRef.Any : _schemas.ShapeOf(schema, owner, itemFormat == StreamFormat.Events ? "Event" : "Item").Type;
                    chosen = new StreamModel(stem + "StreamingAsync", stem + "StreamingWithResponseAsync", status, mediaType, itemFormat, item);
                    chosenCode = code;
                }
            }

            return chosen;
        }

        /// <summary>A 2xx response offers a sequential media type: the operation may get streaming methods, whose names are claimed with the others.</summary>
        private bool HasSequentialSuccess(YamlNode? responses)
        {
            if (responses is not { IsMapping: true })
            {
                return false;
            }

            foreach (KeyValuePair<YamlNode, YamlNode> pair in responses.Pairs!)
            {
                if (pair.Key.Value is { Length: 3 } status && status[0] == '2' && Refs.Resolve(pair.Value)?.Get("content") is { IsMapping: true } content)
                {
                    foreach (KeyValuePair<YamlNode, YamlNode> media in content.Pairs!)
                    {
                        if (SequentialFormat((media.Key.Value ?? string.Empty).Split(';')[0].Trim().ToLowerInvariant()) is not null)
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        private static StreamFormat? SequentialFormat(string mediaType) => mediaType switch
        {
            "text/event-stream" => StreamFormat.Events,
            "application/jsonl" or "application/x-ndjson" or "application/x-jsonlines" => StreamFormat.JsonLines,
            "application/json-seq" => StreamFormat.JsonSequence,
            _ => mediaType.EndsWith("+json-seq", StringComparison.Ordinal) ? StreamFormat.JsonSequence : null,
        };

        /// <summary>The schema of one item and how it is read; null when the media type says nothing an item could be typed by.</summary>
        private (YamlNode Schema, StreamFormat Format)? ItemSchema(YamlNode media, StreamFormat format)
        {
            if (media.Get("itemSchema") is { } itemSchema)
            {
                return (itemSchema, format);
            }

            if (media.Get("schema") is not { } schema)
            {
                // A JSON sequence of anything: JsonElement items. An event stream of anything has no schema for its data.
                return format == StreamFormat.Events ? null : (YamlNode.Mapping(media.Line, media.Column), format);
            }

            if ((IsOpenApi32 || format != StreamFormat.Events) && Refs.Resolve(schema) is { } resolved && resolved.GetString("type") == "array" && resolved.Get("items") is { } items)
            {
                return (items, format);
            }

            if (IsOpenApi32)
            {
                // 3.2: 'schema' is the whole stream, as an array; anything else types no item.
                return null;
            }

            // A pre-3.2 schema that is already the event object (its 'data' declares its JSON with contentMediaType or
            // contentSchema, 3.2's way) is read as 3.2 reads an itemSchema: the event, not the JSON in its data.
            return (schema, format != StreamFormat.Events ? format : DescribesEvent(schema) ? StreamFormat.Events : StreamFormat.EventData);
        }

        /// <summary>An object schema (or a oneOf/anyOf of them) whose <c>data</c> property declares <c>contentMediaType</c> or <c>contentSchema</c>.</summary>
        private bool DescribesEvent(YamlNode schema)
        {
            if (Refs.Resolve(schema) is not { IsMapping: true } resolved)
            {
                return false;
            }

            YamlNode? alternatives = resolved.Get("oneOf") ?? resolved.Get("anyOf");
            return DataDeclaresContent(resolved) || (alternatives is { IsSequence: true } && alternatives.Items!.Exists(a => Refs.Resolve(a) is { IsMapping: true } alternative && DataDeclaresContent(alternative)));
        }

        private bool DataDeclaresContent(YamlNode objectSchema) =>
            objectSchema.Get("properties")?.Get("data") is { } data && Refs.Resolve(data) is { IsMapping: true } dataSchema
            && (dataSchema.Get("contentMediaType") is not null || dataSchema.Get("contentSchema") is not null);
    }
}
