using System;
using System.Collections.Generic;
using System.Threading;
using OpenApiSdk.Generator.Diagnostics;
using OpenApiSdk.Generator.Yaml;

namespace OpenApiSdk.Generator.Building;

/// <summary>
/// Applies an <see cref="OperationFilter"/> before anything is built: a copy of the document's root whose
/// <c>paths</c> hold only the kept operations and whose <c>components.schemas</c> hold only the schemas they reach
/// (and those named), sharing every other node with the original, positions included. The builders then see a
/// smaller document and need no filter of their own; <c>$ref</c>s are still resolved against the whole document.
/// </summary>
/// <remarks>
/// Reach follows <c>$ref</c>s and the schema keywords that hold schemas (<c>properties</c>, <c>items</c>,
/// <c>additionalProperties</c>, <c>allOf</c>/<c>oneOf</c>/<c>anyOf</c>, <c>not</c>, <c>if</c>/<c>then</c>/<c>else</c>,
/// <c>prefixItems</c>, ...) and discriminator <c>mapping</c> values, from each kept operation's parameters (its path's
/// too), request body and responses, through their content, encodings and headers. Examples, defaults and enums are
/// data and are not followed; nor are callbacks, which are not generated. A reference into a component schema
/// (<c>#/components/schemas/Pet/properties/owner</c>) keeps the whole component.
/// </remarks>
internal static class FilteredDocument
{
    private const string SchemaPrefix = "#/components/schemas/";
    private const int MaxHops = 64;

    private static readonly HashSet<string> SchemaMaps = new(StringComparer.Ordinal)
    {
        "properties", "patternProperties", "dependentSchemas", "$defs", "definitions",
    };

    private static readonly HashSet<string> SchemaValues = new(StringComparer.Ordinal)
    {
        "items", "additionalProperties", "not", "if", "then", "else", "contains", "propertyNames", "unevaluatedItems",
        "unevaluatedProperties", "additionalItems", "contentSchema", "allOf", "oneOf", "anyOf", "prefixItems",
    };

    public static YamlNode Apply(YamlNode root, OperationFilter filter, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        var walk = new Reach(root, cancellationToken);
        var usedTags = new HashSet<string>(StringComparer.Ordinal);
        var usedPatterns = new HashSet<string>(StringComparer.Ordinal);
        KeyValuePair<YamlNode, YamlNode>? pathsPair = Pair(root, "paths");
        YamlNode? keptPaths = pathsPair is { Value.IsMapping: true } paths ? KeepOperations(paths.Value, filter, walk, usedTags, usedPatterns) : null;
        KeyValuePair<YamlNode, YamlNode>? azurePathsPair = Pair(root, AzureExtensions.PathsKey); // AutoRest's x-ms-paths: operations like those of paths
        YamlNode? keptAzurePaths = azurePathsPair is { Value.IsMapping: true } azurePaths ? KeepOperations(azurePaths.Value, filter, walk, usedTags, usedPatterns) : null;

        YamlNode? where = pathsPair?.Key ?? root;
        foreach (string tag in filter.Tags)
        {
            if (!usedTags.Contains(tag))
            {
                diagnostics.Report(DiagnosticDescriptors.FilterMatchesNothing, DeclaredTag(root, tag) ?? root.Get("tags") ?? where, OperationFilter.TagsMetadata, tag, "operation with that tag");
            }
        }

        foreach (string pattern in filter.Paths)
        {
            if (!usedPatterns.Contains(pattern))
            {
                diagnostics.Report(DiagnosticDescriptors.FilterMatchesNothing, where, OperationFilter.PathsMetadata, pattern, "path");
            }
        }

        KeyValuePair<YamlNode, YamlNode>? componentsPair = Pair(root, "components");
        KeyValuePair<YamlNode, YamlNode>? schemasPair = componentsPair is { Value.IsMapping: true } components ? Pair(components.Value, "schemas") : null;
        foreach (string name in filter.Schemas)
        {
            if (!walk.KeepSchema(name))
            {
                diagnostics.Report(DiagnosticDescriptors.FilterMatchesNothing, schemasPair?.Key ?? componentsPair?.Key ?? root, OperationFilter.SchemasMetadata, name, "schema in components.schemas");
            }
        }

        walk.Run();

        var copy = new List<KeyValuePair<YamlNode, YamlNode>>(root.Pairs!.Count);
        foreach (KeyValuePair<YamlNode, YamlNode> pair in root.Pairs!)
        {
            YamlNode value = pair.Value;
            if (keptPaths is not null && ReferenceEquals(value, pathsPair!.Value.Value))
            {
                value = keptPaths;
            }
            else if (keptAzurePaths is not null && ReferenceEquals(value, azurePathsPair!.Value.Value))
            {
                value = keptAzurePaths;
            }
            else if (schemasPair is { Value.IsMapping: true } schemas && ReferenceEquals(value, componentsPair!.Value.Value))
            {
                YamlNode keptSchemas = Copy(schemas.Value, schemas.Value.Pairs!.FindAll(p => p.Key.Value is { } name && walk.IsKept(name)));
                value = Copy(value, value.Pairs!.ConvertAll(p => ReferenceEquals(p.Value, schemas.Value) ? new KeyValuePair<YamlNode, YamlNode>(p.Key, keptSchemas) : p));
            }

            copy.Add(new KeyValuePair<YamlNode, YamlNode>(pair.Key, value));
        }

        return Copy(root, copy);
    }

    /// <summary>The kept operations of each path item, with the item's other fields; paths left with none are dropped.</summary>
    private static YamlNode KeepOperations(YamlNode paths, OperationFilter filter, Reach walk, HashSet<string> usedTags, HashSet<string> usedPatterns)
    {
        var keptPaths = new List<KeyValuePair<YamlNode, YamlNode>>();
        foreach (KeyValuePair<YamlNode, YamlNode> pathPair in paths.Pairs!)
        {
            string path = pathPair.Key.Value ?? string.Empty;
            YamlNode? item = walk.Follow(pathPair.Value);
            if (!path.StartsWith("/", StringComparison.Ordinal) || item is not { IsMapping: true })
            {
                keptPaths.Add(pathPair); // not an operation: left for the builder to report or skip, as unfiltered
                continue;
            }

            bool pathMatched = false;
            foreach (string pattern in filter.Paths)
            {
                if (OperationFilter.PathMatches(pattern, path.IndexOf('?') is int query and >= 0 ? path.Substring(0, query) : path)) // an x-ms-paths key's query is not part of the path
                {
                    pathMatched = true;
                    usedPatterns.Add(pattern);
                }
            }

            var keptItem = new List<KeyValuePair<YamlNode, YamlNode>>(item.Pairs!.Count);
            bool anyKept = false;
            foreach (KeyValuePair<YamlNode, YamlNode> field in item.Pairs!)
            {
                bool isOperation = Array.IndexOf(PathItemOperations.FixedFields, field.Key.Value) >= 0 && field.Value.IsMapping;
                if (field.Key.Value == PathItemOperations.AdditionalOperations && field.Value.IsMapping)
                {
                    // 3.2's map of further methods: kept with only the operations the filter keeps.
                    var keptAdditional = new List<KeyValuePair<YamlNode, YamlNode>>();
                    foreach (KeyValuePair<YamlNode, YamlNode> additional in field.Value.Pairs!)
                    {
                        if (!additional.Value.IsMapping || Keep(additional.Value, item, filter, walk, usedTags, pathMatched))
                        {
                            keptAdditional.Add(additional);
                        }
                    }

                    anyKept |= keptAdditional.Exists(pair => pair.Value.IsMapping);
                    keptItem.Add(new KeyValuePair<YamlNode, YamlNode>(field.Key, Copy(field.Value, keptAdditional)));
                    continue;
                }

                if (!isOperation)
                {
                    keptItem.Add(field);
                    continue;
                }

                if (Keep(field.Value, item, filter, walk, usedTags, pathMatched))
                {
                    keptItem.Add(field);
                    anyKept = true;
                }
            }

            if (anyKept)
            {
                keptPaths.Add(new KeyValuePair<YamlNode, YamlNode>(pathPair.Key, Copy(item, keptItem)));
            }
        }

        return Copy(paths, keptPaths);
    }

    /// <summary>Whether the operation is kept (a tag listed or its path matched); a kept one's schemas are walked.</summary>
    private static bool Keep(YamlNode operation, YamlNode item, OperationFilter filter, Reach walk, HashSet<string> usedTags, bool pathMatched)
    {
        bool tagMatched = false;
        if (operation.Get("tags") is { IsSequence: true } tags)
        {
            foreach (YamlNode tag in tags.Items!)
            {
                if (tag is { IsScalar: true, Value: { } name } && IndexOf(filter.Tags, name) >= 0)
                {
                    tagMatched = true;
                    usedTags.Add(name);
                }
            }
        }

        if (tagMatched || pathMatched)
        {
            walk.Operation(operation, item.Get("parameters"));
            return true;
        }

        return false;
    }

    private static int IndexOf(Model.EquatableArray<string> entries, string value)
    {
        for (int i = 0; i < entries.Count; i++)
        {
            if (string.Equals(entries[i], value, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static YamlNode? DeclaredTag(YamlNode root, string tag)
    {
        if (root.Get("tags") is { IsSequence: true } tags)
        {
            foreach (YamlNode declared in tags.Items!)
            {
                if (declared.IsMapping && declared.Get("name") is { IsScalar: true } name && name.Value == tag)
                {
                    return name;
                }
            }
        }

        return null;
    }

    private static KeyValuePair<YamlNode, YamlNode>? Pair(YamlNode mapping, string key)
    {
        KeyValuePair<YamlNode, YamlNode>? found = null;
        foreach (KeyValuePair<YamlNode, YamlNode> pair in mapping.Pairs!)
        {
            if (pair.Key.Value == key)
            {
                found = pair; // the last one, as YamlNode.Get
            }
        }

        return found;
    }

    /// <summary>A mapping at <paramref name="original"/>'s position holding <paramref name="pairs"/>.</summary>
    private static YamlNode Copy(YamlNode original, List<KeyValuePair<YamlNode, YamlNode>> pairs)
    {
        YamlNode copy = YamlNode.Mapping(original.Line, original.Column);
        copy.EndLine = original.EndLine;
        copy.EndColumn = original.EndColumn;
        copy.Pairs!.AddRange(pairs);
        return copy;
    }

    /// <summary>
    /// The walk from the kept operations to the component schemas they use: a work list rather than recursion, so a
    /// long chain of references cannot overflow the stack, and each node is visited once.
    /// </summary>
    private sealed class Reach
    {
        private readonly YamlNode _root;
        private readonly YamlNode? _schemas;
        private readonly CancellationToken _cancellationToken;
        private readonly HashSet<string> _kept = new(StringComparer.Ordinal);
        private readonly Dictionary<YamlNode, string> _componentOf = new(ReferenceEqualityComparer.Instance);
        private readonly HashSet<YamlNode> _visited = new(ReferenceEqualityComparer.Instance);
        private readonly Stack<(YamlNode Node, bool IsSchema)> _work = new();
        private readonly SelfUri? _self;
        private readonly string? _schemasAlias; // a Swagger 2.0 root's '#/definitions/', another name of the component schemas

        public Reach(YamlNode root, CancellationToken cancellationToken)
        {
            _root = root;
            _self = SelfUri.Of(root);
            _schemas = root.Get("components")?.Get("schemas") is { IsMapping: true } schemas ? schemas : null;
            _schemasAlias = Swagger2Document.SchemasAlias(root);
            _cancellationToken = cancellationToken;
            foreach (KeyValuePair<YamlNode, YamlNode> pair in _schemas?.Pairs ?? new List<KeyValuePair<YamlNode, YamlNode>>())
            {
                if (pair.Key.Value is { } name && !_componentOf.ContainsKey(pair.Value))
                {
                    _componentOf.Add(pair.Value, name);
                }
            }
        }

        public bool IsKept(string name) => _kept.Contains(name);

        /// <summary>Keeps the component schema <paramref name="name"/> and, once <see cref="Run"/> runs, what it reaches.</summary>
        public bool KeepSchema(string name)
        {
            if (_schemas?.Get(name) is not { } schema)
            {
                return false;
            }

            if (_kept.Add(name))
            {
                Push(schema, isSchema: true);
            }

            return true;
        }

        public void Operation(YamlNode operation, YamlNode? pathParameters)
        {
            foreach (YamlNode? parameters in new[] { pathParameters, operation.Get("parameters") })
            {
                if (parameters is { IsSequence: true })
                {
                    foreach (YamlNode parameter in parameters.Items!)
                    {
                        Push(parameter, isSchema: false);
                    }
                }
            }

            Push(operation.Get("requestBody"), isSchema: false);
            PushValues(operation.Get("responses"), isSchema: false);
            Run();
        }

        /// <summary>The node a chain of <c>$ref</c>s ends at, without diagnostics (the builders report broken ones).</summary>
        public YamlNode? Follow(YamlNode node)
        {
            YamlNode? current = node;
            for (int hop = 0; hop < MaxHops && current is { IsMapping: true } && current.GetString("$ref") is { } reference; hop++)
            {
                current = Pointer(reference);
            }

            return current;
        }

        public void Run()
        {
            while (_work.Count > 0)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                (YamlNode node, bool isSchema) = _work.Pop();
                if (!node.IsMapping)
                {
                    continue;
                }

                if (node.GetString("$ref") is { } reference)
                {
                    Reference(reference, isSchema);
                }

                if (isSchema)
                {
                    Schema(node);
                }
                else
                {
                    // A parameter, request body, response, header, media type or encoding.
                    Push(node.Get("schema"), isSchema: true);
                    PushValues(node.Get("content"), isSchema: false);
                    PushValues(node.Get("headers"), isSchema: false);
                    PushValues(node.Get("encoding"), isSchema: false);
                }
            }
        }

        private void Schema(YamlNode schema)
        {
            foreach (KeyValuePair<YamlNode, YamlNode> pair in schema.Pairs!)
            {
                string? keyword = pair.Key.Value;
                if (keyword is null)
                {
                    continue;
                }

                if (SchemaMaps.Contains(keyword))
                {
                    PushValues(pair.Value, isSchema: true);
                }
                else if (SchemaValues.Contains(keyword))
                {
                    Push(pair.Value, isSchema: true);
                    if (pair.Value.IsSequence)
                    {
                        foreach (YamlNode item in pair.Value.Items!)
                        {
                            Push(item, isSchema: true);
                        }
                    }
                }
                else if (keyword == "discriminator")
                {
                    if (pair.Value.Get("mapping") is { IsMapping: true } mapping)
                    {
                        foreach (KeyValuePair<YamlNode, YamlNode> entry in mapping.Pairs!)
                        {
                            if (entry.Value is { IsScalar: true, Value: { Length: > 0 } target })
                            {
                                // A mapping value is a reference ('#/components/schemas/Cat') or a bare schema name ('Cat').
                                Reference(target.IndexOf('/') >= 0 ? target : SchemaPrefix + target, isSchema: true);
                            }
                        }
                    }

                    if (_componentOf.TryGetValue(schema, out string? baseName))
                    {
                        KeepSubtypes(baseName);
                    }
                }
            }
        }

        /// <summary>
        /// A discriminator on an allOf base: the subtypes refer to the base, not the base to them, so every component
        /// schema whose allOf refers to it (and to those, for Lion : Cat : Pet) is kept: reading the base may choose any.
        /// </summary>
        private void KeepSubtypes(string baseName)
        {
            var bases = new Queue<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal) { baseName };
            bases.Enqueue(baseName);
            while (bases.Count > 0)
            {
                string current = bases.Dequeue();
                foreach (KeyValuePair<YamlNode, YamlNode> pair in _schemas?.Pairs ?? new List<KeyValuePair<YamlNode, YamlNode>>())
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                    if (pair.Key.Value is { } name && !seen.Contains(name) && RefersInAllOf(pair.Value, current))
                    {
                        seen.Add(name);
                        KeepSchema(name);
                        bases.Enqueue(name);
                    }
                }
            }
        }

        private bool RefersInAllOf(YamlNode schema, string name)
        {
            if (!schema.IsMapping || schema.Get("allOf") is not { IsSequence: true } allOf)
            {
                return false;
            }

            foreach (YamlNode part in allOf.Items!)
            {
                if (part.IsMapping && part.GetString("$ref") is { } reference && SchemaPrefixLength(reference) is > 0 and var prefix
                    && reference.IndexOf('/', prefix) < 0 && RefResolver.Unescape(reference.Substring(prefix)) == name)
                {
                    return true;
                }
            }

            return false;
        }

        private void Reference(string reference, bool isSchema)
        {
            reference = _self?.Localize(reference) ?? reference;
            if (SchemaPrefixLength(reference) is > 0 and var prefix)
            {
                int end = reference.IndexOf('/', prefix);
                string segment = end < 0 ? reference.Substring(prefix) : reference.Substring(prefix, end - prefix);
                KeepSchema(RefResolver.Unescape(segment));
                if (end < 0)
                {
                    return;
                }
            }

            Push(Pointer(reference), isSchema);
        }

        /// <summary>The length of <paramref name="reference"/>'s component schemas prefix (<c>#/components/schemas/</c>, or a 2.0 root's <c>#/definitions/</c>); 0 without one.</summary>
        private int SchemaPrefixLength(string reference) =>
            reference.StartsWith(SchemaPrefix, StringComparison.Ordinal) ? SchemaPrefix.Length
            : _schemasAlias is not null && reference.StartsWith(_schemasAlias, StringComparison.Ordinal) ? _schemasAlias.Length
            : 0;

        /// <summary>The node a local JSON Pointer names, as <see cref="RefResolver"/> walks it; null when there is none.</summary>
        private YamlNode? Pointer(string reference)
        {
            reference = _self?.Localize(reference) ?? reference;
            if (!reference.StartsWith("#/", StringComparison.Ordinal))
            {
                return null;
            }

            YamlNode? current = _root;
            foreach (string raw in reference.Substring(2).Split('/'))
            {
                string segment = RefResolver.Unescape(raw);
                current = current switch
                {
                    { IsMapping: true } mapping => mapping.Get(segment),
                    { IsSequence: true } sequence when int.TryParse(segment, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int index) && index < sequence.Items!.Count => sequence.Items[index],
                    _ => null,
                };
            }

            return current;
        }

        private void PushValues(YamlNode? mapping, bool isSchema)
        {
            if (mapping is { IsMapping: true })
            {
                foreach (KeyValuePair<YamlNode, YamlNode> pair in mapping.Pairs!)
                {
                    Push(pair.Value, isSchema);
                }
            }
        }

        private void Push(YamlNode? node, bool isSchema)
        {
            if (node is { IsMapping: true } && _visited.Add(node))
            {
                // A YAML alias of a component schema is that component: the builder types it by the component's name.
                if (isSchema && _componentOf.TryGetValue(node, out string? name))
                {
                    _kept.Add(name);
                }

                _work.Push((node, isSchema));
            }
        }
    }
}
