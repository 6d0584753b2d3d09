using System.Collections.Generic;
using OpenApiSdk.Generator.Diagnostics;
using OpenApiSdk.Generator.Yaml;

namespace OpenApiSdk.Generator.Building;

/// <summary>
/// Swagger 2.0 servers as 3.0 servers: <c>host</c>, <c>basePath</c> and <c>schemes</c> (https first), AutoRest's
/// <c>x-ms-parameterized-host</c> (its template the URL, its parameters the variables), and an operation's own
/// <c>schemes</c> as its servers.
/// </summary>
internal sealed partial class Swagger2Document
{
    /// <summary>
    /// The servers of <c>host</c> (or AutoRest's <c>x-ms-parameterized-host</c>), <c>basePath</c> and the schemes
    /// <paramref name="schemes"/> (the document's, or an operation's own): one per scheme, https first when it is among
    /// several (or none is given).
    /// </summary>
    private YamlNode Servers(YamlNode at, YamlNode? schemes)
    {
        string basePath = (_root.GetString("basePath") ?? string.Empty).TrimEnd('/');
        YamlNode servers = YamlNode.Sequence(at.Line, at.Column);
        YamlNode? template = ParameterizedHost();
        string? host = template is null ? _root.GetString("host") : template.GetString("hostTemplate");
        if (host is null)
        {
            Server(servers, basePath.Length == 0 ? "/" : basePath, null, at);
            return servers;
        }

        // hostTemplate with its parameters as the server's variables: AutoRest's client properties, the client's options here.
        YamlNode? variables = template is null ? null : _hostVariables ??= HostVariables(template);
        if (template?.Get("useSchemePrefix") is { IsScalar: true, Value: "false" or "False" })
        {
            Server(servers, host + basePath, variables, at);
            return servers;
        }

        foreach (string scheme in Schemes(schemes))
        {
            Server(servers, scheme + "://" + host + basePath, variables, at);
        }

        return servers;
    }

    private static void Server(YamlNode servers, string url, YamlNode? variables, YamlNode at)
    {
        YamlNode server = YamlNode.Mapping(at.Line, at.Column, variables is null ? 1 : 2);
        Add(server, "url", Text(url, at), at);
        if (variables is not null)
        {
            Add(server, "variables", variables, at);
        }

        servers.Items!.Add(server);
    }

    /// <summary>The distinct schemes of a <c>schemes</c> list, https first (also when none is given: a 2.0 document without schemes is served with the scheme it was fetched with, which a build cannot know).</summary>
    private static List<string> Schemes(YamlNode? declared)
    {
        var schemes = new List<string>();
        if (declared is { IsSequence: true })
        {
            foreach (YamlNode scheme in declared.Items!)
            {
                if (scheme is { IsScalar: true, Value: { Length: > 0 } name } && !schemes.Contains(name))
                {
                    schemes.Add(name);
                }
            }
        }

        if (schemes.Count == 0 || schemes.Remove("https"))
        {
            schemes.Insert(0, "https");
        }

        return schemes;
    }

    /// <summary>
    /// An operation's own <c>schemes</c> (which override the document's, 2.0 says) as its <c>servers</c>; null when they
    /// give the document's servers, or when the document has no host (a relative URL has no scheme).
    /// </summary>
    private YamlNode? OperationServers(YamlNode schemes)
    {
        if (_root.Get("host") is null && ParameterizedHost() is null)
        {
            return null;
        }

        List<string> own = Schemes(schemes);
        List<string> document = Schemes(_root.Get("schemes"));
        return own.Count == document.Count && own.TrueForAll(document.Contains) ? null : Servers(schemes, schemes);
    }

    /// <summary><c>x-ms-parameterized-host</c> when it is a mapping with a <c>hostTemplate</c>; a malformed one is reported (once) and read as absent.</summary>
    private YamlNode? ParameterizedHost()
    {
        if (_root.Get(ParameterizedHostKey) is not { } host)
        {
            return null;
        }

        if (host.IsMapping && host.Get("hostTemplate") is { IsScalar: true, IsNull: false, Value.Length: > 0 })
        {
            return host;
        }

        if (!_reportedParameterizedHost)
        {
            _reportedParameterizedHost = true;
            _diagnostics.Report(DiagnosticDescriptors.IgnoredValue, host, $"'{ParameterizedHostKey}' must be a mapping with a non-empty 'hostTemplate'; it is ignored and the server comes from 'host'");
        }

        return null;
    }

    /// <summary>
    /// The server variables of the host template's <c>parameters</c> (each followed through its <c>$ref</c>): the
    /// parameter's <c>default</c> (else its first <c>enum</c> value, else empty: the option must be set), <c>enum</c>
    /// and <c>description</c>.
    /// </summary>
    private YamlNode HostVariables(YamlNode host)
    {
        YamlNode variables = Like(host);
        if (host.Get("parameters") is not { IsSequence: true } parameters)
        {
            return variables;
        }

        foreach (YamlNode declared in parameters.Items!)
        {
            if (Follow(declared) is not { IsMapping: true } parameter || parameter.Get("name") is not { IsScalar: true, Value.Length: > 0 } name)
            {
                continue;
            }

            if (declared.Get("$ref") is null && parameter.GetString("x-ms-parameter-location") != "client")
            {
                // AutoRest makes such a parameter an argument of every method (at positionInOperation); 3.0 has only server variables.
                _diagnostics.Report(DiagnosticDescriptors.IgnoredValue, name, $"The host parameter '{name.Value}' is a client option (a server variable), not an argument of each method as AutoRest makes it");
            }

            YamlNode variable = Like(parameter, 3);
            YamlNode? fallback = parameter.Get("enum") is { IsSequence: true, Items.Count: > 0 } values ? values.Items![0] : null;
            Add(variable, "default", parameter.Get("default") ?? fallback ?? Text(string.Empty, name), name);
            foreach (KeyValuePair<YamlNode, YamlNode> pair in parameter.Pairs!)
            {
                if (pair.Key.Value is "enum" or "description")
                {
                    variable.Pairs!.Add(pair);
                }
            }

            variables.Pairs!.Add(new(name, variable));
        }

        return variables;
    }
}
