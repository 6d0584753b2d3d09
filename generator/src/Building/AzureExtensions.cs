using System;
using System.Collections.Generic;
using OpenApiSdk.Generator.Diagnostics;
using OpenApiSdk.Generator.Yaml;

namespace OpenApiSdk.Generator.Building;

/// <summary>
/// The AutoRest vendor extensions the builders read (Azure/autorest docs/extensions/readme.md), for every OpenAPI
/// version: a Swagger 2.0 document reaches the builders in the 3.0 shape, with each <c>x-ms-*</c> key where a 3.0
/// document carries it. Each reader checks the extension's value and reports a malformed one (OAS015) where it is;
/// what the extension would have changed is then left as the document says without it.
/// </summary>
internal static class AzureExtensions
{
    public const string ClientNameKey = "x-ms-client-name";
    public const string EnumKey = "x-ms-enum";
    public const string PathsKey = "x-ms-paths";
    public const string RequestBodyNameKey = "x-ms-requestBody-name";

    /// <summary>
    /// <c>x-ms-client-name</c> on a property's schema or on a parameter: the name to give the C# member instead of the
    /// wire name; null when there is none or it is not a non-empty string (reported).
    /// </summary>
    public static string? ClientName(YamlNode node, DiagnosticBag diagnostics)
    {
        if (node.Get(ClientNameKey) is not { } value)
        {
            return null;
        }

        if (value is { IsScalar: true, IsNull: false, Value.Length: > 0 } && !(value.IsPlain && value.Value is "true" or "false"))
        {
            return value.Value;
        }

        diagnostics.Report(DiagnosticDescriptors.IgnoredValue, value, $"'{ClientNameKey}' must be a non-empty string; it is ignored and the C# name comes from the wire name");
        return null;
    }

    /// <summary>
    /// <c>x-ms-requestBody-name</c> on a request body (where AutoRest's 2.0 → 3.0 conversion puts it) or on its
    /// operation (where 2.0 documents write it): the name of the body's method parameter; null when there is none or
    /// it is not a non-empty string (reported).
    /// </summary>
    public static string? RequestBodyName(YamlNode requestBody, YamlNode operation, DiagnosticBag diagnostics)
    {
        if ((requestBody.Get(RequestBodyNameKey) ?? operation.Get(RequestBodyNameKey)) is not { } value)
        {
            return null;
        }

        if (value is { IsScalar: true, IsNull: false, Value.Length: > 0 })
        {
            return value.Value;
        }

        diagnostics.Report(DiagnosticDescriptors.IgnoredValue, value, $"'{RequestBodyNameKey}' must be a non-empty string; it is ignored and the body parameter is named 'body'");
        return null;
    }

    /// <summary>
    /// <c>x-ms-enum</c> on a string enum schema: its <c>name</c> (the enum type's name) and, per value of <c>values</c>,
    /// a member name and a description. Null when the schema has no x-ms-enum; a malformed part is reported and left out.
    /// </summary>
    public static EnumExtension? Enum(YamlNode schema, DiagnosticBag diagnostics)
    {
        if (schema.Get(EnumKey) is not { } extension)
        {
            return null;
        }

        if (!extension.IsMapping)
        {
            diagnostics.Report(DiagnosticDescriptors.IgnoredValue, extension, $"'{EnumKey}' must be a mapping with 'name', 'modelAsString' and 'values'; it is ignored");
            return null;
        }

        string? name = null;
        if (extension.Get("name") is not { } nameNode)
        {
            diagnostics.Report(DiagnosticDescriptors.IgnoredValue, extension, $"'{EnumKey}' has no 'name' (AutoRest requires one); the enum is named after where it is used");
        }
        else if (nameNode is { IsScalar: true, IsNull: false, Value.Length: > 0 })
        {
            name = nameNode.Value;
        }
        else
        {
            diagnostics.Report(DiagnosticDescriptors.IgnoredValue, nameNode, $"The 'name' of '{EnumKey}' must be a non-empty string; the enum is named after where it is used");
        }

        if (extension.Get("modelAsString") is { } modelAsString && !(modelAsString.IsScalar && modelAsString.Value is "true" or "false" or "True" or "False"))
        {
            diagnostics.Report(DiagnosticDescriptors.IgnoredValue, modelAsString, $"The 'modelAsString' of '{EnumKey}' must be true or false; it is ignored (both give the same extensible enum)");
        }

        var members = new Dictionary<string, EnumValueExtension>(StringComparer.Ordinal);
        if (extension.Get("values") is { } values)
        {
            if (!values.IsSequence)
            {
                diagnostics.Report(DiagnosticDescriptors.IgnoredValue, values, $"The 'values' of '{EnumKey}' must be a list of {{value, name, description}}; it is ignored");
            }
            else
            {
                ReadValues(values, schema, members, diagnostics);
            }
        }

        return new EnumExtension(name, extension.Get("name"), members);
    }

    private static void ReadValues(YamlNode values, YamlNode schema, Dictionary<string, EnumValueExtension> members, DiagnosticBag diagnostics)
    {
        var listed = new HashSet<string>(StringComparer.Ordinal);
        if (schema.Get("enum") is { IsSequence: true } enumNode)
        {
            foreach (YamlNode item in enumNode.Items!)
            {
                if (item is { IsScalar: true, IsNull: false })
                {
                    listed.Add(item.Value!);
                }
            }
        }

        foreach (YamlNode entry in values.Items!)
        {
            if (!entry.IsMapping || entry.Get("value") is not { IsScalar: true, IsNull: false } value)
            {
                diagnostics.Report(DiagnosticDescriptors.IgnoredValue, entry, $"An entry of the 'values' of '{EnumKey}' must be a mapping with a string 'value'; it is ignored");
                continue;
            }

            if (!listed.Contains(value.Value!))
            {
                // AutoRest lets 'values' replace 'enum'; here 'enum' decides what is valid, so the two must agree.
                diagnostics.Report(DiagnosticDescriptors.IgnoredValue, value, $"The value '{value.Value}' of '{EnumKey}' is not in the schema's 'enum'; its entry is ignored (the schema's 'enum' lists the values)");
                continue;
            }

            string? memberName = entry.Get("name") is { } nameNode
                ? nameNode is { IsScalar: true, IsNull: false, Value.Length: > 0 } ? nameNode.Value : Malformed(nameNode, "name", diagnostics)
                : null;
            string? description = entry.Get("description") is { } descriptionNode
                ? descriptionNode is { IsScalar: true, IsNull: false } ? descriptionNode.Value : Malformed(descriptionNode, "description", diagnostics)
                : null;
            if (!members.ContainsKey(value.Value!))
            {
                members.Add(value.Value!, new EnumValueExtension(memberName, description));
            }
        }
    }

    private static string? Malformed(YamlNode node, string field, DiagnosticBag diagnostics)
    {
        diagnostics.Report(DiagnosticDescriptors.IgnoredValue, node, $"The '{field}' of an entry of '{EnumKey}' values must be a string; it is ignored");
        return null;
    }

    /// <summary>
    /// Splits an <c>x-ms-paths</c> key (<c>/pets?color=red&amp;kind={kind}</c>) into its path and the query pairs it
    /// fixes. A pair with a template value (<c>{kind}</c>) only disambiguates, as AutoRest's docs say: the parameter
    /// must be declared and sends the value; a pair with a literal value is sent as it is (percent-decoded here,
    /// encoded again when sent).
    /// </summary>
    public static (string Path, List<(string Name, string? Value)> Query) SplitPathKey(string key)
    {
        int mark = key.IndexOf('?');
        var query = new List<(string Name, string? Value)>();
        if (mark < 0)
        {
            return (key, query);
        }

        foreach (string pair in key.Substring(mark + 1).Split('&'))
        {
            if (pair.Length == 0)
            {
                continue;
            }

            int equals = pair.IndexOf('=');
            string name = Decode(equals < 0 ? pair : pair.Substring(0, equals));
            string value = equals < 0 ? string.Empty : pair.Substring(equals + 1);
            bool template = value.StartsWith("{", StringComparison.Ordinal) && value.EndsWith("}", StringComparison.Ordinal);
            query.Add((name, template ? null : Decode(value)));
        }

        return (key.Substring(0, mark), query);
    }

    private static string Decode(string text)
    {
        try
        {
            return Uri.UnescapeDataString(text);
        }
        catch (UriFormatException)
        {
            return text;
        }
    }
}

/// <param name="Name">The enum type's name (<c>name</c>); null when missing or malformed.</param>
/// <param name="NameNode">Where <c>name</c> is, for a rename's OAS012.</param>
/// <param name="Values">Per wire value listed in <c>values</c>: its member name and description.</param>
internal sealed record EnumExtension(string? Name, YamlNode? NameNode, Dictionary<string, EnumValueExtension> Values);

internal sealed record EnumValueExtension(string? Name, string? Description);
