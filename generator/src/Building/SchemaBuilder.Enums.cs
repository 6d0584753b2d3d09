using System;
using System.Collections.Generic;
using System.Linq;
using OpenApiSdk.Generator.Model;
using OpenApiSdk.Generator.Naming;
using OpenApiSdk.Generator.Yaml;

namespace OpenApiSdk.Generator.Building;

/// <summary>The part of <see cref="SchemaBuilder"/> for string enums: member names from the values (or x-enum-varnames, or x-ms-enum), and the member names every generated type reserves.</summary>
internal sealed partial class SchemaBuilder
{
    /// <summary>Enums named by <c>x-ms-enum</c>, by name and values: every schema with the same ones is one type (AutoRest's reading).</summary>
    private readonly Dictionary<string, PendingType> _namedEnums = new(StringComparer.Ordinal);

    /// <summary>The type of an inline string enum: named by its <c>x-ms-enum</c> (shared by every schema with that name and those values), else after where it is used.</summary>
    private PendingType InlineEnum(YamlNode schema, string owner, string member)
    {
        if (_typesByNode.TryGetValue(schema, out PendingType? known))
        {
            return known;
        }

        if (AzureExtensions.Enum(schema, _diagnostics) is not { Name: { } name } extension)
        {
            return Register(schema, null, owner + member, owner + "." + member, "inline enum");
        }

        string key = NamedEnumKey(name, schema);
        if (_namedEnums.TryGetValue(key, out PendingType? shared))
        {
            shared.Shared |= !shared.SchemaName.StartsWith("#/", StringComparison.Ordinal); // a component keeps its own description
            return shared;
        }

        PendingType named = Register(schema, extension.NameNode, Identifiers.ToPascalCase(name), owner + "." + member, "enum named by x-ms-enum");
        _namedEnums.Add(key, named);
        return named;
    }

    /// <summary>Registers a component schema; a string enum with an x-ms-enum name is named by it (and shared with the inline enums of that name and values).</summary>
    private void RegisterComponent(YamlNode schema, YamlNode keyNode, string key)
    {
        if (IsStringEnum(schema) && !IsObjectType(schema) && AzureExtensions.Enum(schema, _diagnostics) is { Name: { } name } extension)
        {
            PendingType named = Register(schema, extension.NameNode, Identifiers.ToPascalCase(name), "#/components/schemas/" + key, "enum named by x-ms-enum");
            string sharedKey = NamedEnumKey(name, schema);
            if (!_namedEnums.ContainsKey(sharedKey))
            {
                _namedEnums.Add(sharedKey, named);
            }

            return;
        }

        Register(schema, keyNode, Identifiers.ToPascalCase(key), "#/components/schemas/" + key, "schema");
    }

    private static string NamedEnumKey(string name, YamlNode schema)
    {
        var key = new System.Text.StringBuilder(Identifiers.ToPascalCase(name));
        foreach (YamlNode item in schema.Get("enum")?.Items ?? new List<YamlNode>())
        {
            key.Append('\0').Append(item.IsScalar ? item.Value : "?");
        }

        return key.ToString();
    }

    private EquatableArray<EnumMemberModel> EnumMembers(YamlNode schema, string typeName)
    {
        var values = new List<string>();
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        foreach (YamlNode item in schema.Get("enum")?.Items ?? ConstAlternatives(schema)!)
        {
            if (item.IsScalar && !item.IsNull && distinct.Add(item.Value!))
            {
                if (!SpendMember(item))
                {
                    break;
                }

                values.Add(item.Value!);
            }
        }

        Dictionary<string, EnumValueExtension>? azure = AzureExtensions.Enum(schema, _diagnostics)?.Values;
        YamlNode? varNames = schema.Get("x-enum-varnames");
        bool useVarNames = varNames is { IsSequence: true } && varNames.Items!.Count == values.Count;
        var preferred = new string[values.Count];
        var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < values.Count; i++)
        {
            EnumValueExtension? listed = azure is not null && azure.TryGetValue(values[i], out EnumValueExtension? entry) ? entry : null;
            preferred[i] = listed?.Name is { } azureName ? Identifiers.ToPascalCase(azureName)
                : useVarNames && varNames!.Items![i].Value is { Length: > 0 } given ? Identifiers.ToPascalCase(given)
                : MemberName(values[i], spelled: false);
            counts[preferred[i]] = counts.TryGetValue(preferred[i], out int count) ? count + 1 : 1;
        }

        var scope = new NameScope(ReservedEnumMemberNames);
        scope.Reserve(typeName); // a member cannot share its struct's name (CS0542)
        var members = new List<EnumMemberModel>(values.Count);
        for (int i = 0; i < values.Count; i++)
        {
            // Values that differ only in punctuation (Etc/GMT+1, Etc/GMT-1) are told apart by spelling it out.
            string name = counts[preferred[i]] > 1 || scope.IsTaken(preferred[i]) ? MemberName(values[i], spelled: true) : preferred[i];
            string? description = azure is not null && azure.TryGetValue(values[i], out EnumValueExtension? listed) ? listed.Description : null;
            members.Add(new EnumMemberModel(scope.Claim(name), values[i], description));
        }

        return members.ToEquatableArray();
    }

    private static readonly string[] ReservedUnionMemberNames = ReservedMemberNames.Concat(new[] { "Value", "UnmatchedJson" }).ToArray();

    /// <summary>The members every generated type of <paramref name="kind"/> declares, which its own name must not be.</summary>
    private static string[] FixedMemberNames(TypeModelKind kind) => kind switch
    {
        TypeModelKind.StringEnum => ReservedEnumMemberNames,
        TypeModelKind.Union => ReservedUnionMemberNames,
        _ => ReservedMemberNames,
    };

    private static readonly string[] ReservedEnumMemberNames = { "Value", "IsKnown", "KnownValues", "Equals", "GetHashCode", "ToString", "GetType", "Converter" };

    private static string MemberName(string value, bool spelled)
    {
        if (value.Length == 0)
        {
            return "Empty";
        }

        string name = spelled ? Identifiers.ToPascalCaseSpelled(value) : Identifiers.ToPascalCase(value);
        return name[0] == '_' ? "Value" + name.Substring(1) : name;
    }
}
