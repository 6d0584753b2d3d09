using System;
using System.Collections.Generic;
using OpenApiSdk.Generator.Model;
using OpenApiSdk.Generator.Yaml;

namespace OpenApiSdk.Generator.Building;

/// <summary>
/// The YAML node of every operation the client builder kept, by method and path (unique in a document; an <c>x-ms-paths</c> key's query included), for the
/// helper resolver that runs once the types are built. Lives only inside one parse, like the YAML itself.
/// </summary>
internal sealed class OperationSites
{
    private readonly Dictionary<string, YamlNode> _nodes = new(StringComparer.Ordinal);

    public void Add(string method, string path, YamlNode node) => _nodes[method + " " + path] = node;

    public YamlNode? Get(OperationModel operation) => _nodes.TryGetValue(operation.Method + " " + operation.Path + operation.PathQuery, out YamlNode? node) ? node : null;
}
