using System.Collections.Generic;
using System.Linq;
using OpenApiSdk.Generator.Diagnostics;
using OpenApiSdk.Generator.Model;
using OpenApiSdk.Generator.Naming;
using OpenApiSdk.Generator.Yaml;

namespace OpenApiSdk.Generator.Building;

/// <summary>
/// OpenAPI 3.2's <c>in: querystring</c>: one parameter that is the whole query string, described by <c>content</c>.
/// <c>application/x-www-form-urlencoded</c> sends an object's members as form fields (as a form body is sent); a JSON
/// media type sends the compact JSON text percent-encoded (the specification's example: <c>?%7B%22numbers%22...</c>);
/// any other media type with a string schema sends the string percent-encoded. The rules 3.2 states for it are checked
/// here and reported at the parameter when broken.
/// </summary>
internal static partial class OperationBuilder
{
    private sealed partial class Builder
    {
        private const string FormMediaType = "application/x-www-form-urlencoded";

        private ParameterModel? QueryStringParameter(YamlNode node, string? name, string owner, string operationId, NameScope names)
        {
            string described = name is null ? "The querystring parameter of " + operationId : $"The querystring parameter '{name}' of {operationId}";
            foreach (string field in new[] { "schema", "style", "explode", "allowReserved" })
            {
                // 3.2: "These fields MUST NOT be used with in: querystring"; content alone says how the value is serialized.
                if (node.Get(field) is { } ignored && node.Get("content") is not null)
                {
                    _diagnostics.Report(DiagnosticDescriptors.IgnoredValue, ignored, $"{described} has '{field}', which OpenAPI 3.2 forbids beside in: querystring ('content' alone describes the query string); it is ignored");
                }
            }

            if (node.Get("content") is not { IsMapping: true } content || content.Pairs!.Count == 0)
            {
                _diagnostics.Report(DiagnosticDescriptors.InvalidSchema, node.Get("schema") ?? node, $"{described} has no 'content'; OpenAPI 3.2 describes the whole query string by a media type and its schema ('content'), so the parameter is left out");
                return null;
            }

            QueryStringEncoding encoding;
            YamlNode media;
            string mediaType;
            if (Media(content, FormMediaType) is { } form)
            {
                (encoding, media, mediaType) = (QueryStringEncoding.Form, form, FormMediaType);
            }
            else if (JsonMedia(content) is { } json)
            {
                (encoding, media, mediaType) = (QueryStringEncoding.Json, json.Media, json.MediaType);
            }
            else
            {
                (encoding, media, mediaType) = (QueryStringEncoding.Text, Refs.Resolve(content.Pairs[0].Value) ?? content.Pairs[0].Value, content.Pairs[0].Key.Value ?? string.Empty);
            }

            string memberName = name is { Length: > 0 } ? Identifiers.ToPascalCase(name) : "QueryString";
            YamlNode schema = media.Get("schema") ?? YamlNode.Mapping(media.Line, media.Column);
            Shape shape = _schemas.OperationValueShape(schema, owner, memberName, TypedChecksLeaveOut, out JsonValueSchema? checkedAsJson);
            bool fits = encoding switch
            {
                QueryStringEncoding.Form => shape.Type.Kind is TypeRefKind.Model or TypeRefKind.Map,
                QueryStringEncoding.Text => shape.Type.Kind is TypeRefKind.String or TypeRefKind.Enum,
                _ => true,
            };
            if (!fits)
            {
                string what = encoding == QueryStringEncoding.Form ? "an object" : "a string";
                Unsupported(schema, $"A querystring parameter of type '{mediaType}' whose schema is not {what}", $"{described} is not sent");
                return null;
            }

            return new ParameterModel(
                names.Claim(Identifiers.ToCamelCase(name is { Length: > 0 } ? name : "queryString")),
                name ?? "querystring",
                ParameterLocation.QueryString,
                shape.Type,
                shape.Constraints,
                node.GetBool("required"),
                shape.AllowsNull,
                IsSecret: false,
                Style: mediaType,
                Explode: false,
                node.GetString("description"),
                DefaultJson: null,
                DefaultOption: null,
                AsJson: encoding == QueryStringEncoding.Json,
                QueryString: encoding)
            {
                JsonFallback = checkedAsJson,
            };
        }

        /// <summary>
        /// OpenAPI 3.2: a querystring parameter "MUST NOT appear more than once, and MUST NOT appear in the same operation (or
        /// in the operation's path-item) as any in: query parameters". A second one is left out; one beside query
        /// parameters is left out too, and the query parameters are sent.
        /// </summary>
        private void KeepQueryStringRules(List<(ParameterModel Model, YamlNode Node)> parameters, string operationId)
        {
            List<(ParameterModel Model, YamlNode Node)> queryStrings = parameters.FindAll(p => p.Model.In == ParameterLocation.QueryString);
            if (queryStrings.Count == 0)
            {
                return;
            }

            foreach ((ParameterModel Model, YamlNode Node) extra in queryStrings.Skip(1))
            {
                _diagnostics.Report(DiagnosticDescriptors.InvalidSchema, extra.Node.Get("in") ?? extra.Node, $"{operationId} has a second querystring parameter ('{extra.Model.WireName}'); OpenAPI 3.2 allows one, since it is the whole query string, so this one is left out");
                parameters.Remove(extra);
            }

            List<string> query = parameters.Where(p => p.Model.In == ParameterLocation.Query).Select(p => "'" + p.Model.WireName + "'").ToList();
            if (query.Count > 0)
            {
                (ParameterModel Model, YamlNode Node) first = queryStrings[0];
                _diagnostics.Report(DiagnosticDescriptors.InvalidSchema, first.Node.Get("in") ?? first.Node, $"{operationId} has the querystring parameter '{first.Model.WireName}' and the query parameters {string.Join(", ", query)}, which OpenAPI 3.2 forbids together (the querystring parameter is the whole query string); it is left out and the query parameters are sent");
                parameters.Remove(first);
            }
        }

        /// <summary>
        /// An <c>apiKey</c> in the query is one more query field: a form query string takes it after its own fields
        /// (<c>?q=a&amp;api_key=...</c>), but a JSON or text one is a single value that any addition would change. Such a
        /// querystring parameter is left out, as one beside <c>in: query</c> parameters is, and the credential is sent.
        /// </summary>
        private void KeepQueryStringBesideQueryKeys(List<(ParameterModel Model, YamlNode Node)> built, List<ParameterModel> parameters, EquatableArray<string> security, string operationId)
        {
            if (parameters.Find(p => p.In == ParameterLocation.QueryString && p.QueryString != QueryStringEncoding.Form) is not { } queryString)
            {
                return;
            }

            List<string> keys = security.Where(name => _schemes.TryGetValue(name, out SecuritySchemeModel? scheme) && scheme?.Kind == SecurityKind.ApiKeyQuery)
                .Select(name => "'" + name + "'").ToList();
            if (keys.Count > 0)
            {
                YamlNode node = built.Find(p => ReferenceEquals(p.Model, queryString)).Node;
                _diagnostics.Report(DiagnosticDescriptors.InvalidSchema, node.Get("in") ?? node, $"{operationId} has the querystring parameter '{queryString.WireName}' in {queryString.Style} and the security scheme {string.Join(", ", keys)}, an apiKey in the query; the key cannot be added to a query string that is one {(queryString.QueryString == QueryStringEncoding.Json ? "JSON" : "text")} value without changing it, so the parameter is left out and the key is sent (only a form query string takes both)");
                parameters.Remove(queryString);
            }
        }
    }
}
