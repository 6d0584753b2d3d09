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

/// <summary>Security requirements and schemes: which credentials an operation sends and the options properties that hold them.</summary>
internal static partial class OperationBuilder
{
    private sealed partial class Builder
    {
        private EquatableArray<string> Security(YamlNode? requirements, string operationId)
        {
            var names = new List<string>();
            if (requirements is not { IsSequence: true })
            {
                return names.ToEquatableArray();
            }

            foreach (YamlNode requirement in requirements.Items!)
            {
                if (!requirement.IsMapping)
                {
                    continue;
                }

                foreach (KeyValuePair<YamlNode, YamlNode> pair in requirement.Pairs!)
                {
                    string name = pair.Key.Value ?? string.Empty;
                    if (Scheme(name, pair.Key, operationId) is { } scheme && !names.Contains(scheme.Name))
                    {
                        names.Add(scheme.Name);
                    }
                }
            }

            return names.ToEquatableArray();
        }

        private SecuritySchemeModel? Scheme(string name, YamlNode at, string operationId)
        {
            if (_schemes.TryGetValue(name, out SecuritySchemeModel? known))
            {
                return known;
            }

            SecuritySchemeModel? model = null;
            YamlNode? node = _root.Get("components")?.Get("securitySchemes")?.Get(name);
            YamlNode? scheme = node is null ? null : Refs.Resolve(node);
            if (scheme is null || !scheme.IsMapping)
            {
                _diagnostics.Report(DiagnosticDescriptors.IgnoredValue, at, $"The security requirement of {operationId} names '{name}', which is not in components.securitySchemes; it is left out");
            }
            else
            {
                string? type = scheme.GetString("type");
                string? description = scheme.GetString("description");
                string? location = scheme.GetString("in");
                string? wireName = scheme.GetString("name");
                SecurityKind? kind = type switch
                {
                    "apiKey" when location == "header" && wireName is not null => SecurityKind.ApiKeyHeader,
                    "apiKey" when location == "query" && wireName is not null => SecurityKind.ApiKeyQuery,
                    "http" when string.Equals(scheme.GetString("scheme"), "bearer", StringComparison.OrdinalIgnoreCase) => SecurityKind.Bearer,
                    "http" when string.Equals(scheme.GetString("scheme"), "basic", StringComparison.OrdinalIgnoreCase) => SecurityKind.Basic,
                    "oauth2" or "openIdConnect" => SecurityKind.Bearer,
                    _ => null,
                };
                if (kind is null)
                {
                    string what = type == "apiKey" ? "An apiKey security scheme in '" + location + "'" : "The security scheme type '" + type + (type == "http" ? " " + scheme.GetString("scheme") : string.Empty) + "'";
                    Unsupported(node, what, $"no credential is sent for '{name}'");
                }
                else
                {
                    // The credential is {Property}, its provider {Property}Provider: both must be free.
                    string preferred = Identifiers.ToPascalCase(name);
                    string property = preferred;
                    for (int suffix = 2; _optionNames.IsTaken(property) || _optionNames.IsTaken(property + "Provider"); suffix++)
                    {
                        property = preferred + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    }

                    _optionNames.Reserve(property);
                    _optionNames.Reserve(property + "Provider");
                    model = new SecuritySchemeModel(name, property, kind.Value, wireName ?? "Authorization", description, SchemeRemarks(scheme));
                    _usedSchemes.Add(model);
                }
            }

            _schemes[name] = model;
            return model;
        }

        /// <summary>
        /// What the spec says about a scheme beyond where its credential goes, for the option's documentation: 3.2's
        /// <c>deprecated</c>, and for OAuth 2 where a token comes from (its flows' URLs, 3.2's device authorization flow and
        /// <c>oauth2MetadataUrl</c>). The client sends the token it is given; obtaining one is the caller's.
        /// </summary>
        private static EquatableArray<string> SchemeRemarks(YamlNode scheme)
        {
            var remarks = new List<string>();
            if (scheme.GetBool("deprecated"))
            {
                remarks.Add("Deprecated by the spec: the service may stop accepting this credential; prefer another security scheme an operation accepts.");
            }

            if (scheme.GetString("oauth2MetadataUrl") is { } metadata)
            {
                remarks.Add("The authorization server's metadata (RFC 8414): " + metadata + ".");
            }

            if (scheme.Get("flows") is { IsMapping: true } flows)
            {
                foreach (KeyValuePair<YamlNode, YamlNode> flow in flows.Pairs!)
                {
                    if (flow.Key.Value is not { } kind || kind.StartsWith("x-", StringComparison.Ordinal) || !flow.Value.IsMapping)
                    {
                        continue;
                    }

                    var urls = new List<string>();
                    foreach ((string field, string label) in new[] { ("deviceAuthorizationUrl", "device authorization (RFC 8628) at "), ("authorizationUrl", "authorization at "), ("tokenUrl", "token at "), ("refreshUrl", "refresh at ") })
                    {
                        if (flow.Value.GetString(field) is { } url)
                        {
                            urls.Add(label + url);
                        }
                    }

                    remarks.Add("OAuth 2 flow '" + kind + "'" + (urls.Count > 0 ? ": " + string.Join(", ", urls) : string.Empty) + ". The client sends the access token it is given; obtaining it is the caller's.");
                }
            }

            return remarks.ToEquatableArray();
        }
    }
}
