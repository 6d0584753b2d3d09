using System;
using System.Collections.Generic;
using System.Linq;
using OpenApiSdk.Generator.Model;
using OpenApiSdk.Generator.Naming;
using OpenApiSdk.Generator.Yaml;

namespace OpenApiSdk.Generator.Building;

/// <summary>The part of <see cref="SchemaBuilder"/> for string enums: member names from the values (or x-enum-varnames), and the member names every generated type reserves.</summary>
internal sealed partial class SchemaBuilder
{
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

        YamlNode? varNames = schema.Get("x-enum-varnames");
        bool useVarNames = varNames is { IsSequence: true } && varNames.Items!.Count == values.Count;
        var preferred = new string[values.Count];
        var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < values.Count; i++)
        {
            preferred[i] = useVarNames && varNames!.Items![i].Value is { Length: > 0 } given ? Identifiers.ToPascalCase(given) : MemberName(values[i], spelled: false);
            counts[preferred[i]] = counts.TryGetValue(preferred[i], out int count) ? count + 1 : 1;
        }

        var scope = new NameScope(ReservedEnumMemberNames);
        scope.Reserve(typeName); // a member cannot share its struct's name (CS0542)
        var members = new List<EnumMemberModel>(values.Count);
        for (int i = 0; i < values.Count; i++)
        {
            // Values that differ only in punctuation (Etc/GMT+1, Etc/GMT-1) are told apart by spelling it out.
            string name = counts[preferred[i]] > 1 || scope.IsTaken(preferred[i]) ? MemberName(values[i], spelled: true) : preferred[i];
            members.Add(new EnumMemberModel(scope.Claim(name), values[i]));
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
