using System;
using System.Collections.Generic;
using OpenApiSdk.Generator.Diagnostics;
using OpenApiSdk.Generator.Yaml;

namespace OpenApiSdk.Generator.Building;

/// <summary>
/// Swagger 2.0 schemas as 3.0 schemas: <c>$ref</c>s as written (see <see cref="Root"/>), <c>discriminator</c> (a property name) → <c>{propertyName}</c>
/// with a <c>mapping</c> entry per subtype's <c>x-ms-discriminator-value</c>, <c>x-nullable</c>/<c>x-isnullable</c> →
/// <c>nullable</c>, <c>type: file</c> → a binary string; read leniently where real documents stray: a <c>type</c> list
/// (which 2.0's JSON Schema allows), YAML 1.1 booleans (<c>yes</c>/<c>no</c>), and <c>oneOf</c>/<c>anyOf</c>, which 2.0 does
/// not have, each an info (OAS015).
/// </summary>
internal sealed partial class Swagger2Document
{
    /// <summary>
    /// The 3.0 form of a 2.0 schema, edited in place (the same node): a schema that needs no change (most leaves,
    /// <c>{type: string}</c>) costs nothing. The edits are idempotent, and an aliased schema converts once (an alias
    /// cycle back into a schema being converted sees it half done, and ends).
    /// </summary>
    private YamlNode Schema(YamlNode schema)
    {
        if (!schema.IsMapping || !FirstVisit(schema))
        {
            return schema;
        }

        _cancellationToken.ThrowIfCancellationRequested();
        List<KeyValuePair<YamlNode, YamlNode>> pairs = schema.Pairs!;
        bool nullable = false;
        KeyValuePair<YamlNode, YamlNode>? binaryFormat = null; // after the type of a file
        int binaryAt = 0;
        int kept = 0;
        for (int i = 0; i < pairs.Count; i++)
        {
            KeyValuePair<YamlNode, YamlNode> pair = pairs[i];
            YamlNode value = pair.Value;
            YamlNode? replaced = value; // null: the keyword is dropped
            switch (pair.Key.Value)
            {
                case "x-nullable" or "x-isnullable":
                    nullable |= Boolean(value) is { Value: "true" };
                    replaced = null;
                    break;
                case "discriminator" when value.IsScalar:
                    replaced = Discriminator(schema, value);
                    break;
                case "type" when value.IsSequence:
                    replaced = TypeList(value, ref nullable);
                    break;
                case "type" when value is { IsScalar: true, Value: "file" }:
                    replaced = Text("string", value, plain: true);
                    if (schema.Get("format") is null) // looked up here, where it matters: the pairs kept so far and those to come hold any format
                    {
                        binaryFormat = new(Text("format", pair.Key, plain: true), Text("binary", value, plain: true));
                        binaryAt = kept + 1;
                    }

                    break;
                case "properties" or "definitions" when value.IsMapping:
                    SchemaMap(value);
                    break;
                case "items" or "allOf" or "not" when value.IsSequence:
                    foreach (YamlNode item in value.Items!)
                    {
                        Schema(item);
                    }

                    break;
                case "items" or "additionalProperties" or "not":
                    replaced = value.IsScalar ? Boolean(value) : Schema(value);
                    break;
                case "oneOf" or "anyOf":
                    _diagnostics.Report(DiagnosticDescriptors.IgnoredValue, pair.Key, $"Swagger 2.0 has no '{pair.Key.Value}'; it is ignored, as in a 2.0 document it has no meaning");
                    replaced = null;
                    break;
                case "collectionFormat":
                    replaced = null; // of items in a parameter: the parameter's own collectionFormat is what is sent
                    break;
                case "readOnly" or "uniqueItems" or "exclusiveMinimum" or "exclusiveMaximum" or "required" when value.IsScalar:
                    replaced = Boolean(value);
                    break;
            }

            // Otherwise the draft-04 keywords 3.0 shares, data (enum, default, example) and extensions, as they are.
            if (replaced is null)
            {
                continue;
            }

            Keep(pairs, ref kept, i, With(pair, replaced));
        }

        bool edited = kept < pairs.Count || binaryFormat is not null || nullable;
        pairs.RemoveRange(kept, pairs.Count - kept);
        if (binaryFormat is { } format)
        {
            pairs.Insert(binaryAt, format);
        }

        if (nullable)
        {
            pairs.Add(new(Text("nullable", schema, plain: true), Text("true", schema, plain: true)));
        }

        if (edited)
        {
            schema.PairsEdited();
        }

        return schema;
    }

    /// <summary>A mapping of names to schemas (<c>properties</c>), each converted in place.</summary>
    private YamlNode SchemaMap(YamlNode map)
    {
        foreach (KeyValuePair<YamlNode, YamlNode> pair in map.Pairs!)
        {
            Schema(pair.Value);
        }

        return map;
    }

    /// <summary>A <c>type</c> list, which 2.0's JSON Schema allows though its text does not: its first type, <c>null</c> as <c>nullable</c>.</summary>
    private YamlNode TypeList(YamlNode list, ref bool nullable)
    {
        YamlNode? chosen = null;
        foreach (YamlNode item in list.Items!)
        {
            if (item is { IsScalar: true, Value: "null" })
            {
                nullable = true;
            }
            else if (chosen is null && item.IsScalar)
            {
                chosen = item;
            }
        }

        _diagnostics.Report(DiagnosticDescriptors.IgnoredValue, list, "Swagger 2.0 gives a schema one 'type'; the list is read as '" + (chosen?.Value ?? "any") + "'" + (nullable ? " that may be null" : string.Empty));
        return chosen ?? Text("object", list, plain: true);
    }

    /// <summary>
    /// <c>discriminator: petType</c> → <c>{propertyName: petType}</c>; the subtypes' values stay their definition names
    /// (3.0's default), except where a subtype's <c>x-ms-discriminator-value</c> names another one (a <c>mapping</c> entry).
    /// </summary>
    private YamlNode Discriminator(YamlNode schema, YamlNode propertyName)
    {
        YamlNode result = Like(propertyName);
        Add(result, "propertyName", propertyName, propertyName);
        if (_discriminatorValues is not null && _discriminatorValues.TryGetValue(schema, out List<(string Value, string Subtype)>? values))
        {
            YamlNode mapping = Like(propertyName);
            foreach ((string value, string subtype) in values)
            {
                Add(mapping, value, Text("#/components/schemas/" + subtype.Replace("~", "~0").Replace("/", "~1"), propertyName), propertyName);
            }

            Add(result, "mapping", mapping, propertyName);
        }

        return result;
    }

    /// <summary>For each definition with a discriminator: the <c>x-ms-discriminator-value</c>s of the definitions whose allOf refers to it.</summary>
    private void NoteDiscriminatorValues()
    {
        if (_root.Get("definitions") is not { IsMapping: true } definitions)
        {
            return;
        }

        foreach (KeyValuePair<YamlNode, YamlNode> pair in definitions.Pairs!)
        {
            if (pair.Key.Value is not { } name || !pair.Value.IsMapping || pair.Value.GetString("x-ms-discriminator-value") is not { } value
                || pair.Value.Get("allOf") is not { IsSequence: true } allOf)
            {
                continue;
            }

            foreach (YamlNode part in allOf.Items!)
            {
                if (part.IsMapping && part.GetString("$ref") is { } reference && reference.StartsWith("#/definitions/", StringComparison.Ordinal)
                    && definitions.Get(RefResolver.Unescape(reference.Substring("#/definitions/".Length))) is { IsMapping: true } parent
                    && parent.Get("discriminator") is { IsScalar: true })
                {
                    _discriminatorValues ??= new Dictionary<YamlNode, List<(string Value, string Subtype)>>(ReferenceEqualityComparer.Instance);
                    if (!_discriminatorValues.TryGetValue(parent, out List<(string Value, string Subtype)>? values))
                    {
                        values = new List<(string Value, string Subtype)>();
                        _discriminatorValues.Add(parent, values);
                    }

                    values.Add((value, name));
                }
            }
        }
    }

    /// <summary>A boolean keyword's value: YAML 1.1's <c>yes</c>/<c>no</c>/<c>on</c>/<c>off</c> read as YAML 1.2's <c>true</c>/<c>false</c>, with an info.</summary>
    private YamlNode Boolean(YamlNode value)
    {
        if (!value.IsScalar || !value.IsPlain)
        {
            return value;
        }

        string? converted = value.Value switch
        {
            "yes" or "Yes" or "YES" or "on" or "On" or "ON" or "y" or "Y" => "true",
            "no" or "No" or "NO" or "off" or "Off" or "OFF" or "n" or "N" => "false",
            _ => null,
        };
        if (converted is null)
        {
            return value;
        }

        _diagnostics.Report(DiagnosticDescriptors.IgnoredValue, value, $"'{value.Value}' is a YAML 1.1 boolean; it is read as {converted}");
        return Text(converted, value, plain: true);
    }
}
