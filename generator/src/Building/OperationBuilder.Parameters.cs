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

/// <summary>Parameters: path, query and header values with their style, their types and constraints, the header defaults the options carry, and what is left out (OAS010).</summary>
internal static partial class OperationBuilder
{
    private sealed partial class Builder
    {
        private List<YamlNode> ParameterNodes(YamlNode? node)
        {
            var result = new List<YamlNode>();
            if (node is { IsSequence: true })
            {
                foreach (YamlNode item in node.Items!)
                {
                    if (Refs.Resolve(item) is { IsMapping: true } resolved)
                    {
                        result.Add(resolved);
                    }
                }
            }

            return result;
        }

        private static void AddParameter(YamlNode parameter, Dictionary<string, YamlNode> byKey, List<string> order)
        {
            string key = (parameter.GetString("in") ?? string.Empty) + ":" + (parameter.GetString("name") ?? string.Empty);
            if (!byKey.ContainsKey(key))
            {
                order.Add(key);
            }

            byKey[key] = parameter;
        }

        private static List<string> TemplateNames(string path)
        {
            var names = new List<string>();
            int start = path.IndexOf('{');
            while (start >= 0)
            {
                int end = path.IndexOf('}', start);
                if (end < 0)
                {
                    break;
                }

                string name = path.Substring(start + 1, end - start - 1);
                if (!names.Contains(name))
                {
                    names.Add(name);
                }

                start = path.IndexOf('{', end);
            }

            return names;
        }

        private ParameterModel? BuildParameter(YamlNode node, string owner, string operationId, NameScope names, List<string> templateNames)
        {
            string? name = node.GetString("name");
            string? location = node.GetString("in");
            if (location == "querystring")
            {
                return QueryStringParameter(node, name, owner, operationId, names); // its name is not sent, so it may be left out
            }

            if (name is null || location is null)
            {
                _diagnostics.Report(DiagnosticDescriptors.IgnoredValue, node, $"A parameter of {operationId} has no 'name' or 'in'; it is left out");
                return null;
            }

            ParameterLocation kind;
            switch (location)
            {
                case "path":
                    kind = ParameterLocation.Path;
                    if (!templateNames.Contains(name))
                    {
                        _diagnostics.Report(DiagnosticDescriptors.IgnoredValue, node, $"The path parameter '{name}' of {operationId} does not appear in the path; it is left out");
                        return null;
                    }

                    break;
                case "query":
                    kind = ParameterLocation.Query;
                    break;
                case "header":
                    kind = ParameterLocation.Header;
                    if (name.Equals("Accept", StringComparison.OrdinalIgnoreCase) || name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase) || name.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
                    {
                        // OpenAPI: these header parameters are ignored; media types and security schemes express them.
                        return null;
                    }

                    break;
                case "cookie":
                    kind = ParameterLocation.Cookie;
                    if (!WireRules.IsCookieName(name))
                    {
                        _diagnostics.Report(DiagnosticDescriptors.InvalidSchema, node.Get("name") ?? node, $"The cookie name '{name}' of {operationId} is not an RFC 6265 token (visible ASCII without separators such as '=', ';', ',' or spaces); it is left out");
                        return null;
                    }

                    break;
                default:
                    _diagnostics.Report(DiagnosticDescriptors.IgnoredValue, node, $"The parameter '{name}' of {operationId} has the unknown location '{location}'; it is left out");
                    return null;
            }

            bool required = kind == ParameterLocation.Path || node.GetBool("required");
            YamlNode? schema = node.Get("schema");
            bool content = false;
            if (schema is null && node.Get("content") is { IsMapping: true } contentNode && contentNode.Pairs!.Count > 0 && JsonMedia(contentNode) is { } jsonMedia)
            {
                // content: {application/json: {schema}}: the value is sent as its JSON text, wherever it goes.
                schema = jsonMedia.Media.Get("schema") ?? YamlNode.Mapping(jsonMedia.Media.Line, jsonMedia.Media.Column);
                content = true;
            }

            if (schema is null)
            {
                string construct = node.Get("content") is { } otherContent
                    ? "A parameter with 'content'" + (otherContent is { IsMapping: true } ? " of type " + MediaTypes(otherContent) : string.Empty)
                    : "A parameter without a schema";
                Unsupported(node, construct, $"'{name}' of {operationId} is not sent");
                return null;
            }

            string clientName = AzureExtensions.ClientName(node, _diagnostics) ?? name;
            string memberName = Identifiers.ToPascalCase(clientName);
            // What the typed checks cannot carry (applicators, oneOf/anyOf, contains, a 'not' on items or on a JSON value, ...) is
            // checked on the value's JSON against its whole schema, as on a model (ClientOperationEmitter.Validation).
            Shape shape = _schemas.OperationValueShape(schema, owner, memberName, TypedChecksLeaveOut, out JsonValueSchema? checkedAsJson);
            TypeRef type = shape.Type;
            bool simpleArray = type.Kind == TypeRefKind.Array && type.Element is { } element && IsSimple(element);
            bool structured = !IsSimple(type) && !simpleArray;
            string defaultStyle = kind is ParameterLocation.Query or ParameterLocation.Cookie ? "form" : "simple";
            string style = node.GetString("style") ?? defaultStyle;
            bool explode = node.Get("explode") is { IsScalar: true } explodeNode ? explodeNode.Value is "true" or "True" : style == "form";
            bool queryObject = kind == ParameterLocation.Query && type.Kind is TypeRefKind.Model or TypeRefKind.Map or TypeRefKind.Any or TypeRefKind.Union;
            bool queryDeepArray = kind == ParameterLocation.Query && type.Kind == TypeRefKind.Array && !simpleArray && style == "deepObject";
            bool queryFormArray = kind == ParameterLocation.Query && type.Kind == TypeRefKind.Array && !simpleArray && style == "form"; // name[0].member=value

            // An object, untyped or array-of-objects value in a header or the path has no OpenAPI style that can carry
            // nested values ('simple' flattens one level to k,v,k2,v2): it is sent as its JSON text, as Linode's X-Filter documents.
            bool asJson = content || (structured && kind != ParameterLocation.Query);
            if (structured && !queryObject && !queryDeepArray && !queryFormArray && !asJson)
            {
                Unsupported(node, $"An array-of-objects query parameter in the style '{style}'", $"'{name}' of {operationId} is not sent (the styles form and deepObject can carry it)");
                return null;
            }

            bool styleSupported = asJson || kind switch
            {
                ParameterLocation.Query => style is "form"
                    || ((style is "spaceDelimited" or "pipeDelimited") && simpleArray)
                    || (style is "deepObject" && (queryObject || simpleArray || queryDeepArray)),
                ParameterLocation.Cookie => style == "form",
                _ => style == "simple",
            };
            if (!styleSupported)
            {
                Unsupported(node.Get("style") ?? node, $"The style '{style}'", $"'{name}' of {operationId} is sent in the default style '{defaultStyle}'");
                style = defaultStyle;
                explode = style == "form";
            }

            YamlNode? resolvedSchema = Refs.Resolve(schema);
            bool secret = resolvedSchema is not null && (resolvedSchema.GetString("format") == "password" || resolvedSchema.GetBool("writeOnly"));
            string? defaultJson = resolvedSchema?.Get("default") is { } defaultNode && JsonLiterals.From(defaultNode) is { } literal
                ? literal.Kind == JsonLiteralKind.String ? "\"" + literal.Text + "\"" : literal.Text
                : null;

            string? defaultOption = null;
            if (kind == ParameterLocation.Header && !required && !asJson && type.Kind is TypeRefKind.String or TypeRefKind.Enum && node.GetString(ParameterLocationKey) != "client")
            {
                defaultOption = HeaderDefault(name, node.GetString("description")).PropertyName;
            }

            var built = new ParameterModel(
                names.Claim(Identifiers.ToCamelCase(clientName)),
                name,
                kind,
                type,
                shape.Constraints,
                required,
                shape.AllowsNull,
                secret,
                style,
                explode,
                node.GetString("description"),
                defaultJson,
                defaultOption,
                asJson)
            {
                Separator = simpleArray && !asJson ? CollectionSeparator(node) : null,
                JsonFallback = checkedAsJson,
            };
            return ClientLocation(node, built, clientName, operationId);
        }

        /// <summary>
        /// The separator <c>x-collectionFormat</c> names (ssv, pipes, tsv, csv): how Swagger 2.0 joins array items where
        /// OpenAPI 3 has no style for it (tsv anywhere, ssv and pipes in a path or header); swagger2openapi writes it for tsv.
        /// </summary>
        internal static string? CollectionSeparator(YamlNode node) => node.GetString("x-collectionFormat") switch
        {
            "csv" => ",",
            "ssv" => " ",
            "pipes" => "|",
            "tsv" => "\t",
            _ => null,
        };

        /// <summary>
        /// Whether a parameter's typed checks (<c>ClientOperationEmitter.Validation</c>: the catalogue's rules on its own value,
        /// and a <c>not</c> on a typed value) leave a keyword of its shape out: a schema only the JSON-value validator states,
        /// a <c>oneOf</c>/<c>anyOf</c>, or any rule on its items or map values.
        /// </summary>
        private static bool TypedChecksLeaveOut(Shape shape)
        {
            Constraints own = shape.Constraints;
            Constraints? element = shape.Type.ElementConstraints;
            return own.Schema is not null || element?.Schema is not null
                || own.Choices.Any(c => !c.Negated) || (!own.Choices.IsEmpty && shape.Type.Kind == TypeRefKind.Any)
                || ElementChecksLeaveOut(shape.Type);
        }

        private static bool IsSimple(TypeRef type) => type.Kind is not (TypeRefKind.Model or TypeRefKind.Array or TypeRefKind.Map or TypeRefKind.Any or TypeRefKind.Union);

        private HeaderDefaultModel HeaderDefault(string wireName, string? description)
        {
            if (!_headerDefaults.TryGetValue(wireName, out HeaderDefaultModel? model))
            {
                model = new HeaderDefaultModel(wireName, _optionNames.Claim(Identifiers.ToPascalCase(wireName)), description);
                _headerDefaults.Add(wireName, model);
                _headerDefaultList.Add(model);
            }

            return model;
        }
    }
}
