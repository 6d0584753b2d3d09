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

/// <summary>Responses: the success type (any 2xx; the first documented one), the error statuses and their body types, and the request id header.</summary>
internal static partial class OperationBuilder
{
    private sealed partial class Builder
    {
        private (ResponseModel? Success, EquatableArray<ResponseModel> Errors) Responses(YamlNode? responses, string owner, string operationId)
        {
            ResponseModel? success = null;
            int successCode = int.MaxValue;
            var errors = new List<ResponseModel>();
            if (responses is not { IsMapping: true })
            {
                return (null, errors.ToEquatableArray());
            }

            foreach (KeyValuePair<YamlNode, YamlNode> pair in responses.Pairs!)
            {
                string status = pair.Key.Value ?? string.Empty;
                YamlNode? response = Refs.Resolve(pair.Value);
                if (response is null || !response.IsMapping || status.StartsWith("x-", StringComparison.Ordinal))
                {
                    continue;
                }

                NoteRequestIdHeader(response.Get("headers"));

                bool isSuccess = status.Length == 3 && status[0] == '2';
                TypeRef? type = null;
                bool binary = false;
                if (response.Get("content") is { IsMapping: true } content && content.Pairs!.Count > 0)
                {
                    if (JsonMedia(content) is { } json)
                    {
                        string member = isSuccess ? "Response" : "Error" + Identifiers.ToPascalCase(status);
                        type = json.Media.Get("schema") is { } schema ? _schemas.ShapeOf(schema, owner, member).Type : TypeRef.Any;
                    }
                    else if (isSuccess)
                    {
                        // Another media type: the success body is returned as its bytes; an error body stays in the exception.
                        type = new TypeRef(TypeRefKind.Bytes);
                        binary = true;
                        foreach (KeyValuePair<YamlNode, YamlNode> media in content.Pairs!)
                        {
                            if (WireRules.IsStructuredXml(media.Key.Value ?? string.Empty, media.Value, Refs))
                            {
                                Unsupported(media.Key, "An XML response body ('" + media.Key.Value + "')", $"the {status} response of {operationId} is returned as bytes: the SDK reads no XML into its schema's model and does not validate it");
                                break;
                            }
                        }
                    }
                }

                var model = new ResponseModel(status, type, response.GetString("description"), null, null, binary, response.GetString("summary"));
                if (isSuccess)
                {
                    int code = status.Equals("2XX", StringComparison.OrdinalIgnoreCase) ? 299 : int.TryParse(status, out int parsed) ? parsed : 299;
                    if (code < successCode)
                    {
                        successCode = code;
                        success = model;
                    }
                }
                else
                {
                    errors.Add(model);
                }
            }

            return (success, errors.ToEquatableArray());
        }

        private void NoteRequestIdHeader(YamlNode? headers)
        {
            if (_requestIdHeader is not null || headers is not { IsMapping: true })
            {
                return;
            }

            foreach (KeyValuePair<YamlNode, YamlNode> pair in headers.Pairs!)
            {
                if (pair.Key.Value is { } name && (name.Equals("X-Request-Id", StringComparison.OrdinalIgnoreCase) || name.Equals("Request-Id", StringComparison.OrdinalIgnoreCase)))
                {
                    _requestIdHeader = name;
                    return;
                }
            }
        }
    }
}
