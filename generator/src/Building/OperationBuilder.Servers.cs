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

/// <summary>The servers of the document and of operations: the client's base address and its variables, and where an operation with servers of its own is sent (OAS014 for a URL that cannot be used).</summary>
internal static partial class OperationBuilder
{
    private sealed partial class Builder
    {
        private EquatableArray<ServerModel> Servers(YamlNode? node)
        {
            var servers = new List<ServerModel>();
            if (node is not { IsSequence: true })
            {
                return servers.ToEquatableArray();
            }

            foreach (YamlNode server in node.Items!)
            {
                if (!server.IsMapping || server.GetString("url") is not { } url)
                {
                    continue;
                }

                var variables = new List<ServerVariableModel>();
                if (server.Get("variables") is { IsMapping: true } declared)
                {
                    foreach (KeyValuePair<YamlNode, YamlNode> pair in declared.Pairs!)
                    {
                        string name = pair.Key.Value ?? string.Empty;
                        YamlNode variable = pair.Value;
                        var values = new List<string>();
                        if (variable.Get("enum") is { IsSequence: true } allowed)
                        {
                            foreach (YamlNode value in allowed.Items!)
                            {
                                if (value.IsScalar && value.Value is { } text)
                                {
                                    values.Add(text);
                                }
                            }
                        }

                        // Only the first server's variables become options; the others are documentation.
                        string property = servers.Count == 0 ? _optionNames.Claim(Identifiers.ToPascalCase(name)) : Identifiers.ToPascalCase(name);
                        variables.Add(new ServerVariableModel(name, property, variable.GetString("default") ?? string.Empty, values.ToEquatableArray(), variable.GetString("description")));
                    }
                }

                servers.Add(new ServerModel(url, server.GetString("description"), variables.ToEquatableArray()));
            }

            return servers.ToEquatableArray();
        }

        private static YamlNode? NonEmpty(YamlNode? servers) => servers is { IsSequence: true } && servers.Items!.Count > 0 ? servers : null;

        /// <summary>
        /// Where an operation with its own first server goes. Its variables take their defaults. A URL under the client's
        /// (first document) server becomes the rest of its path, relative to the client's base address, so a configured
        /// BaseAddress still applies; a relative URL is resolved against the base address too; an absolute URL on another
        /// origin is used as it is. Null (the base address) when it is the client's server, or when the extra path is a
        /// single segment the operation's path already starts with through a parameter that takes it (Linode: the server
        /// https://api.linode.com/v4 for the path /{apiVersion}/account, apiVersion being v4 or v4beta).
        /// </summary>
        private OperationServerModel? OperationServer(YamlNode server, string declared, string path, Dictionary<string, YamlNode> parameters, string operationId)
        {
            YamlNode at = server.Get("url") ?? server;
            YamlNode? variables = server.Get("variables");
            string? url = Substitute(declared, name => variables?.Get(name) is { IsMapping: true } variable ? variable.GetString("default") : null);
            bool absolute = url is not null && Uri.TryCreate(url, UriKind.Absolute, out Uri? parsed) && (parsed.Scheme == "http" || parsed.Scheme == "https")
                && parsed.Query.Length == 0 && parsed.Fragment.Length == 0;
            if (url is null || !IsUrlText(url) || (!absolute && (url.IndexOf(':') >= 0 || url.StartsWith("//", StringComparison.Ordinal))))
            {
                _diagnostics.Report(DiagnosticDescriptors.IgnoredValue, at, $"The server URL '{declared}' of {operationId} is not an http(s) URL or a relative path once its variables take their defaults; {operationId} is sent to the client's base address");
                return null;
            }

            if (!absolute)
            {
                return new OperationServerModel(url, false, declared);
            }

            string trimmed = url.TrimEnd('/');
            if (_rootServerUrl is { } root)
            {
                if (string.Equals(trimmed, root, StringComparison.OrdinalIgnoreCase))
                {
                    return null;
                }

                if (trimmed.StartsWith(root + "/", StringComparison.OrdinalIgnoreCase))
                {
                    string rest = trimmed.Substring(root.Length + 1);
                    return RepeatedByPath(rest, path, parameters) ? null : new OperationServerModel(rest, false, declared);
                }
            }

            return new OperationServerModel(trimmed, true, declared);
        }

        /// <summary>The path starts with a parameter ({apiVersion}) whose default or enum holds the one segment <paramref name="rest"/>.</summary>
        private bool RepeatedByPath(string rest, string path, Dictionary<string, YamlNode> parameters)
        {
            if (rest.IndexOf('/') >= 0 || !path.StartsWith("/{", StringComparison.Ordinal))
            {
                return false;
            }

            int close = path.IndexOf('}');
            if (close < 0 || (close + 1 < path.Length && path[close + 1] != '/')
                || !parameters.TryGetValue("path:" + path.Substring(2, close - 2), out YamlNode? parameter)
                || parameter.Get("schema") is not { } schemaNode || Refs.Resolve(schemaNode) is not { IsMapping: true } schema)
            {
                return false;
            }

            if (schema.GetString("default") == rest || schema.GetString("const") == rest)
            {
                return true;
            }

            if (schema.Get("enum") is { IsSequence: true } values)
            {
                foreach (YamlNode value in values.Items!)
                {
                    if (value.IsScalar && value.Value == rest)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>A server URL with its variables replaced by their defaults; null when one is not declared.</summary>
        private static string? Substitute(string url, Func<string, string?> defaults)
        {
            var text = new System.Text.StringBuilder();
            int position = 0;
            while (position < url.Length)
            {
                int open = url.IndexOf('{', position);
                int close = open < 0 ? -1 : url.IndexOf('}', open);
                if (open < 0 || close < 0)
                {
                    text.Append(url, position, url.Length - position);
                    break;
                }

                text.Append(url, position, open - position);
                string name = url.Substring(open + 1, close - open - 1);
                if (defaults(name) is not { } value)
                {
                    return null;
                }

                text.Append(value);
                position = close + 1;
            }

            return text.ToString();
        }

        /// <summary>Printable ASCII without the characters that would end or reshape a URL once a path is appended.</summary>
        private static bool IsUrlText(string url)
        {
            foreach (char c in url)
            {
                if (c <= ' ' || c > '~' || c is '"' or '\\' or '{' or '}' or '?' or '#' or '<' or '>' or '`' or '^' or '|')
                {
                    return false;
                }
            }

            return url.Length <= 2000;
        }
    }
}
