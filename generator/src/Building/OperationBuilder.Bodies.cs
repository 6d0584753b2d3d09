using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using OpenApiSdk.Generator.Diagnostics;
using OpenApiSdk.Generator.Emitting;
using OpenApiSdk.Generator.Model;
using OpenApiSdk.Generator.Naming;
using OpenApiSdk.Generator.Yaml;

namespace OpenApiSdk.Generator.Building;

/// <summary>Request bodies: JSON, streamed items of a sequential media type, urlencoded forms, raw bytes and multipart/form-data (a model of the non-file fields plus file parameters).</summary>
internal static partial class OperationBuilder
{
    private sealed partial class Builder
    {
        private bool TryBuildBody(YamlNode node, YamlNode operation, string owner, string operationId, NameScope names, out BodyModel? body)
        {
            body = null;
            YamlNode? resolved = Refs.Resolve(node);
            if (resolved is null || !resolved.IsMapping)
            {
                return true;
            }

            string bodyName = AzureExtensions.RequestBodyName(resolved, operation, _diagnostics) is { } declaredName && Identifiers.ToCamelCase(declaredName) is { Length: > 0 } camel ? camel : "body";
            bool required = resolved.GetBool("required");
            if (resolved.Get("content") is not { IsMapping: true } content || content.Pairs!.Count == 0)
            {
                return true;
            }

            string? description = resolved.GetString("description");
            if (JsonMedia(content) is { } json)
            {
                YamlNode? schema = json.Media.Get("schema");
                JsonValueSchema? checkedAsJson = null;
                Shape shape = schema is null ? new Shape(TypeRef.Any, Constraints.None, true) : _schemas.OperationValueShape(schema, owner, "Request", BodyChecksLeaveOut, out checkedAsJson);
                body = new BodyModel(names.Claim(bodyName), shape.Type, required, json.MediaType, BodyEncoding.Json, description) { JsonFallback = checkedAsJson };
                return true;
            }

            // A sequential media type with an item schema (read as a streamed response's): the caller's items, sent as produced.
            if (SequentialMedia(content) is { } sequential && ItemSchema(sequential.Media, sequential.Format) is ({ } itemSchema, StreamFormat itemFormat))
            {
                TypeRef item = itemSchema.IsMapping && itemSchema.Pairs!.Count == 0 ? TypeRef.Any : _schemas.ShapeOf(itemSchema, owner, itemFormat == StreamFormat.Events ? "RequestEvent" : "RequestItem").Type;
                body = new BodyModel(names.Claim("body"), item, required, sequential.MediaType, BodyEncoding.Items, description) { Items = itemFormat };
                return true;
            }

            // A form of an object: written as JSON by the generated code, then sent as its members.
            if (Media(content, "application/x-www-form-urlencoded") is { } form && form.Get("schema") is { } formSchema
                && _schemas.ShapeOf(formSchema, owner, "Request") is { Type.Kind: TypeRefKind.Model or TypeRefKind.Map } formShape)
            {
                body = new BodyModel(names.Claim(bodyName), formShape.Type, required, "application/x-www-form-urlencoded", BodyEncoding.Form, description)
                {
                    JoinedFields = JoinedFields(form.Get("encoding")),
                };
                return true;
            }

            // multipart/form-data of an object: the non-file properties as a model, each file property a parameter.
            if (Media(content, "multipart/form-data") is { } multipart && MultipartBody(multipart, owner, operationId, names, bodyName, required, description) is { } multipartBody)
            {
                body = multipartBody;
                return true;
            }

            // Any other single-part media type (octet-stream, images, text): the caller's bytes as they are.
            foreach (KeyValuePair<YamlNode, YamlNode> pair in content.Pairs!)
            {
                string mediaType = pair.Key.Value ?? string.Empty;
                if (!mediaType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) && !mediaType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
                {
                    if (WireRules.IsStructuredXml(mediaType, pair.Value, Refs))
                    {
                        Unsupported(pair.Key, "An XML request body ('" + mediaType + "')", $"{operationId} takes the body as bytes: the SDK writes no XML from its schema (no 'xml' names, attributes or wrapping) and does not validate it");
                    }

                    string sent = mediaType.IndexOf('*') >= 0 ? "application/octet-stream" : mediaType;
                    body = new BodyModel(names.Claim(bodyName), new TypeRef(TypeRefKind.Bytes), required, sent, BodyEncoding.Binary, description);
                    return true;
                }
            }

            Unsupported(content, "A request body of type " + MediaTypes(content),
                required ? $"the operation {operationId} is left out" : $"{operationId} is sent without a body");
            return !required;
        }

        /// <summary>
        /// Whether a JSON body's typed checks leave a keyword out: a model or union checks itself (and the items of an array
        /// of them are checked one by one), but nothing states the rules of a body that is an array, a map or a scalar.
        /// </summary>
        private static bool BodyChecksLeaveOut(Shape shape) =>
            shape.Type.Kind is not (TypeRefKind.Model or TypeRefKind.Union)
            && (!shape.Constraints.IsEmpty || ElementChecksLeaveOut(shape.Type));

        /// <summary>Whether the items (or map values) of a value have rules the client's typed checks do not state: their own constraints, a string enum's known values, or those of nested items.</summary>
        private static bool ElementChecksLeaveOut(TypeRef type) =>
            type.Element is { } element
            && (type.ElementConstraints is { IsEmpty: false } || element.Kind == TypeRefKind.Enum || ElementChecksLeaveOut(element));

        /// <summary>
        /// The fields of a urlencoded form whose arrays are sent as one value, as pairs of name and separator: an
        /// <c>encoding</c> entry with <c>explode: false</c> (joined as its style joins: form ',', spaceDelimited ' ',
        /// pipeDelimited '|'), or with <c>x-collectionFormat</c>. Fields default to form, exploded (a field per item).
        /// </summary>
        private static EquatableArray<string> JoinedFields(YamlNode? encoding)
        {
            var joined = new List<string>();
            if (encoding is { IsMapping: true })
            {
                foreach (KeyValuePair<YamlNode, YamlNode> pair in encoding.Pairs!)
                {
                    if (pair.Key.Value is not { } name || !pair.Value.IsMapping)
                    {
                        continue;
                    }

                    string? style = pair.Value.GetString("style");
                    bool explode = pair.Value.Get("explode") is { IsScalar: true } explodeNode ? explodeNode.Value is "true" or "True" : style is null or "form";
                    string? separator = CollectionSeparator(pair.Value) ?? (explode ? null : style switch
                    {
                        "spaceDelimited" => " ",
                        "pipeDelimited" => "|",
                        _ => ",",
                    });
                    if (separator is not null)
                    {
                        joined.Add(name);
                        joined.Add(separator);
                    }
                }
            }

            return joined.ToEquatableArray();
        }

        /// <summary>
        /// The array fields of a multipart body sent as one part joined (pairs of field name and separator): those whose
        /// <c>encoding</c> has an <c>x-collectionFormat</c> (a Swagger 2.0 form parameter's csv, ssv, tsv or pipes; multi
        /// is a part per item). A 3.0 encoding's style and explode apply only to urlencoded bodies, so they do not count.
        /// </summary>
        private static EquatableArray<string> MultipartJoinedFields(YamlNode? encoding)
        {
            var joined = new List<string>();
            if (encoding is { IsMapping: true })
            {
                foreach (KeyValuePair<YamlNode, YamlNode> pair in encoding.Pairs!)
                {
                    if (pair.Key.Value is { } name && pair.Value.IsMapping && CollectionSeparator(pair.Value) is { } separator)
                    {
                        joined.Add(name);
                        joined.Add(separator);
                    }
                }
            }

            return joined.ToEquatableArray();
        }

        /// <summary>
        /// A <c>multipart/form-data</c> body whose schema is an object: one part per property. Properties that are
        /// files (<c>format: binary</c>; 3.1 <c>contentMediaType</c>/<c>contentEncoding</c>; an <c>encoding</c> content
        /// type that is neither text nor JSON) become <c>FileContent</c> parameters; the others stay in a generated
        /// model (the schema's own, or, when it has file properties, an inline copy without them) that is validated,
        /// written as JSON and sent member by member. Null when the schema is not an object.
        /// </summary>
        private BodyModel? MultipartBody(YamlNode media, string owner, string operationId, NameScope names, string declaredName, bool required, string? description)
        {
            YamlNode? schemaNode = media.Get("schema");
            YamlNode? schema = schemaNode is null ? null : Refs.Resolve(schemaNode);
            if (schemaNode is null || schema is not { IsMapping: true })
            {
                return null;
            }

            var collected = new List<KeyValuePair<YamlNode, YamlNode>>();
            var requiredNodes = new List<YamlNode>();
            _schemas.CollectObject(schema, collected, requiredNodes, 0, new HashSet<YamlNode>(ReferenceEqualityComparer.Instance));
            var properties = new List<KeyValuePair<YamlNode, YamlNode>>(collected.Count);
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (KeyValuePair<YamlNode, YamlNode> pair in collected)
            {
                string name = pair.Key.Value ?? string.Empty;
                if (index.TryGetValue(name, out int existing))
                {
                    properties[existing] = pair; // a later allOf part redefines it, as in the model
                }
                else
                {
                    index.Add(name, properties.Count);
                    properties.Add(pair);
                }
            }

            var requiredNames = new HashSet<string>(StringComparer.Ordinal);
            foreach (YamlNode node in requiredNodes)
            {
                if (node.Value is { } text)
                {
                    requiredNames.Add(text);
                }
            }

            if (properties.Count == 0 && SchemaBuilder.PrimaryType(schema) != "object")
            {
                return null;
            }

            // encoding: contentType per part; headers are not sent; style/explode/allowReserved only apply to urlencoded bodies.
            var encodings = new Dictionary<string, string>(StringComparer.Ordinal);
            if (media.Get("encoding") is { IsMapping: true } encoding)
            {
                foreach (KeyValuePair<YamlNode, YamlNode> pair in encoding.Pairs!)
                {
                    string part = pair.Key.Value ?? string.Empty;
                    if (pair.Value.Get("headers") is { } headers)
                    {
                        Unsupported(headers, "'headers' in a multipart encoding", $"the part '{part}' of {operationId} is sent without them");
                    }

                    if (pair.Value.Get("contentType") is { IsScalar: true, IsNull: false } contentType)
                    {
                        if (ContentTypes(contentType.Value!) is { Count: > 0 } types)
                        {
                            encodings[part] = types[0];
                        }
                        else
                        {
                            _diagnostics.Report(DiagnosticDescriptors.IgnoredValue, contentType, $"The contentType '{contentType.Value}' of the part '{part}' of {operationId} is not a media type; the part is sent with its default content type");
                        }
                    }
                }
            }

            var fields = new List<KeyValuePair<YamlNode, YamlNode>>();
            var files = new List<FilePartModel>();
            var contentTypes = new List<PartContentTypeModel>();
            var pendingFiles = new List<(string PartName, YamlNode Schema, bool IsArray, string ContentType)>();
            foreach (KeyValuePair<YamlNode, YamlNode> pair in properties)
            {
                string part = pair.Key.Value ?? string.Empty;
                encodings.TryGetValue(part, out string? declared);
                if (FilePart(pair.Value, declared) is { } file)
                {
                    pendingFiles.Add((part, pair.Value, file.IsArray, file.ContentType));
                    continue;
                }

                fields.Add(pair);
                if (declared is not null)
                {
                    contentTypes.Add(new PartContentTypeModel(part, declared));
                }
            }

            // The body model: the schema as it is when no property is a file (a $ref keeps its component type),
            // else an inline copy of it without the file properties.
            bool hasFields = pendingFiles.Count == 0 || fields.Count > 0 || schema.Get("additionalProperties") is { IsMapping: true };
            TypeRef type = TypeRef.Any;
            string bodyName = string.Empty; // no model of fields: only file parameters
            if (hasFields)
            {
                YamlNode modelSchema = pendingFiles.Count == 0 ? schemaNode : WithoutFiles(schema, fields, requiredNames);
                Shape shape = _schemas.ShapeOf(modelSchema, owner, "Request");
                if (shape.Type.Kind is not (TypeRefKind.Model or TypeRefKind.Map))
                {
                    return null;
                }

                type = shape.Type;
                bodyName = names.Claim(declaredName);
            }

            foreach ((string part, YamlNode fileSchema, bool isArray, string contentType) in pendingFiles)
            {
                YamlNode? resolved = Refs.Resolve(fileSchema);
                string? fileDescription = resolved?.GetString("description");
                Constraints counts = isArray && resolved is not null ? _schemas.ReadConstraints(resolved, TypeRefKind.Array) : Constraints.None;
                files.Add(new FilePartModel(names.Claim(Identifiers.ToCamelCase(part.Length == 0 ? "file" : part)), part, requiredNames.Contains(part), isArray, contentType, fileDescription, counts.MinItems, counts.MaxItems));
            }

            _usesMultipart = true;
            var multipart = new MultipartModel(hasFields, files.ToEquatableArray(), contentTypes.ToEquatableArray());
            return new BodyModel(bodyName, type, required, "multipart/form-data", BodyEncoding.Multipart, description, multipart)
            {
                JoinedFields = MultipartJoinedFields(media.Get("encoding")),
            };
        }

        /// <summary>A copy of an object schema without its file properties (the ones not in <paramref name="fields"/>).</summary>
        private static YamlNode WithoutFiles(YamlNode schema, List<KeyValuePair<YamlNode, YamlNode>> fields, HashSet<string> required)
        {
            YamlNode copy = YamlNode.Mapping(schema.Line, schema.Column);
            bool typed = false;
            foreach (KeyValuePair<YamlNode, YamlNode> pair in schema.Pairs!)
            {
                if (pair.Key.Value is "properties" or "required" or "allOf" or "$ref")
                {
                    continue;
                }

                typed |= pair.Key.Value == "type";
                copy.Pairs!.Add(pair);
            }

            if (!typed)
            {
                copy.Pairs!.Add(new KeyValuePair<YamlNode, YamlNode>(YamlNode.Scalar("type", true, schema.Line, schema.Column), YamlNode.Scalar("object", true, schema.Line, schema.Column)));
            }

            YamlNode properties = YamlNode.Mapping(schema.Line, schema.Column);
            YamlNode requiredList = YamlNode.Sequence(schema.Line, schema.Column);
            foreach (KeyValuePair<YamlNode, YamlNode> pair in fields)
            {
                properties.Pairs!.Add(pair);
                if (pair.Key.Value is { } name && required.Contains(name))
                {
                    requiredList.Items!.Add(YamlNode.Scalar(name, false, pair.Key.Line, pair.Key.Column));
                }
            }

            copy.Pairs!.Add(new KeyValuePair<YamlNode, YamlNode>(YamlNode.Scalar("properties", true, schema.Line, schema.Column), properties));
            if (requiredList.Items!.Count > 0)
            {
                copy.Pairs!.Add(new KeyValuePair<YamlNode, YamlNode>(YamlNode.Scalar("required", true, schema.Line, schema.Column), requiredList));
            }

            return copy;
        }

        /// <summary>
        /// The media types of an <c>encoding</c> contentType (a comma-separated list), each checked to be
        /// <c>type/subtype</c> with parameters in printable ASCII (no quotes or backslashes), so it is safe in a header;
        /// empty when any is not.
        /// </summary>
        private static List<string> ContentTypes(string text)
        {
            var types = new List<string>();
            foreach (string raw in text.Split(','))
            {
                string type = raw.Trim();
                int slash = type.IndexOf('/');
                bool valid = slash > 0 && slash < type.Length - 1 && type.Length <= 200;
                foreach (char c in type)
                {
                    valid &= c >= ' ' && c <= '~' && c != '"' && c != '\\';
                }

                if (!valid)
                {
                    return new List<string>();
                }

                types.Add(type);
            }

            return types;
        }

        private static bool IsTextOrJson(string contentType)
        {
            string bare = contentType.Split(';')[0].Trim().ToLowerInvariant();
            return bare.StartsWith("text/", StringComparison.Ordinal) || bare == "application/json" || bare.EndsWith("+json", StringComparison.Ordinal);
        }

        /// <summary>The Media Type Object of <paramref name="mediaType"/>, a 3.2 <c>$ref</c> to <c>components.mediaTypes</c> followed.</summary>
        private YamlNode? Media(YamlNode content, string mediaType)
        {
            foreach (KeyValuePair<YamlNode, YamlNode> pair in content.Pairs!)
            {
                if (pair.Key.Value is { } name && name.Split(';')[0].Trim().Equals(mediaType, StringComparison.OrdinalIgnoreCase))
                {
                    return Refs.Resolve(pair.Value) ?? pair.Value;
                }
            }

            return null;
        }

        private static string MediaTypes(YamlNode content)
        {
            var names = new List<string>();
            foreach (KeyValuePair<YamlNode, YamlNode> pair in content.Pairs!)
            {
                names.Add("'" + pair.Key.Value + "'");
            }

            return string.Join(", ", names);
        }

        /// <summary>
        /// A file part: a binary string (<c>format: binary</c>, or 3.1 <c>contentMediaType</c>/<c>contentEncoding</c>),
        /// an array of them, or any property whose <c>encoding</c> content type is neither text nor JSON. Null otherwise.
        /// </summary>
        private (bool IsArray, string ContentType)? FilePart(YamlNode schemaNode, string? declared)
        {
            YamlNode? schema = Refs.Resolve(schemaNode);
            bool isArray = schema is { IsMapping: true } && SchemaBuilder.PrimaryType(schema) == "array";
            YamlNode? item = isArray && schema!.Get("items") is { } items ? Refs.Resolve(items) : schema;
            if (declared is not null)
            {
                return IsTextOrJson(declared) ? null : (isArray, declared.IndexOf('*') >= 0 ? "application/octet-stream" : declared);
            }

            if (item is not { IsMapping: true } || SchemaBuilder.PrimaryType(item) is not (null or "string"))
            {
                return null;
            }

            string? mediaType = item.GetString("contentMediaType") is { } declaredMedia && ContentTypes(declaredMedia) is { Count: > 0 } types && types[0].IndexOf('*') < 0 ? types[0] : null;
            bool binary = item.GetString("format") == "binary" || item.Get("contentMediaType") is not null || item.Get("contentEncoding") is not null;
            return binary ? (isArray, mediaType ?? "application/octet-stream") : null;
        }

        /// <summary>The first sequential media type (<c>application/jsonl</c>, <c>text/event-stream</c>, ...), its format and its Media Type Object.</summary>
        private (string MediaType, StreamFormat Format, YamlNode Media)? SequentialMedia(YamlNode content)
        {
            foreach (KeyValuePair<YamlNode, YamlNode> pair in content.Pairs!)
            {
                string mediaType = (pair.Key.Value ?? string.Empty).Split(';')[0].Trim().ToLowerInvariant();
                if (SequentialFormat(mediaType) is { } format)
                {
                    return (mediaType, format, Refs.Resolve(pair.Value) ?? pair.Value);
                }
            }

            return null;
        }

        /// <summary>The first JSON media type and its Media Type Object (a 3.2 <c>$ref</c> to <c>components.mediaTypes</c> followed).</summary>
        private (string MediaType, YamlNode Media)? JsonMedia(YamlNode content)
        {
            foreach (KeyValuePair<YamlNode, YamlNode> pair in content.Pairs!)
            {
                string mediaType = pair.Key.Value ?? string.Empty;
                string bare = mediaType.Split(';')[0].Trim().ToLowerInvariant();
                if (bare == "application/json" || bare.EndsWith("+json", StringComparison.Ordinal) || bare == "*/*" || bare == "application/*")
                {
                    return (bare is "*/*" or "application/*" ? "application/json" : bare, Refs.Resolve(pair.Value) ?? pair.Value);
                }
            }

            return null;
        }
    }
}
