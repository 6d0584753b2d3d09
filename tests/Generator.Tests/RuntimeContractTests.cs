using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using OpenApiSdk.Common;
using OpenApiSdk.Generator.Emitting;
using OpenApiSdk.Generator.Emitting.Code;
using OpenApiSdk.Generator.Model;
using OpenApiSdk.Generator.Validation;
using OpenApiSdk.Tests.Harness;
using Xunit;

namespace OpenApiSdk.Tests;

/// <summary>
/// The emitter↔runtime contract: every runtime member the emitters name (<see cref="RuntimeNames.Called"/>) exists in the
/// runtime assembly, every name the generated code and the rule catalogue call is in that list, and every file alias
/// (<see cref="Aliases"/>) names a type or namespace that exists.
/// </summary>
public class RuntimeContractTests
{
    private static readonly Assembly Runtime = typeof(OpenApiSdk.Runtime.OpenApiRuntime).Assembly;

    private static readonly Dictionary<string, HashSet<string>> Called =
        RuntimeNames.Called.ToDictionary(c => c.Type, c => c.Members.ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);

    [Fact]
    public void Every_runtime_member_the_emitters_call_exists_in_the_runtime()
    {
        var missing = new List<string>();
        foreach ((string typeName, string[] members) in RuntimeNames.Called)
        {
            Type? type = Runtime.GetType(typeName);
            if (type is null || !type.IsPublic)
            {
                missing.Add(typeName);
                continue;
            }

            missing.AddRange(members.Where(m => type.GetMember(m, BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance).Length == 0).Select(m => typeName + "." + m));
        }

        Assert.Empty(missing);
    }

    [Fact]
    public void Every_alias_names_a_type_or_namespace_that_exists()
    {
        Assembly[] assemblies = { Runtime, typeof(object).Assembly, typeof(System.Text.Json.JsonElement).Assembly, typeof(System.ComponentModel.DataAnnotations.RangeAttribute).Assembly, typeof(System.CodeDom.Compiler.GeneratedCodeAttribute).Assembly, typeof(List<>).Assembly };
        var namespaces = assemblies.SelectMany(a => a.GetExportedTypes()).Select(t => t.Namespace).ToHashSet(StringComparer.Ordinal);
        var missing = Aliases.All
            .Select(a => a.Target.Substring("global::".Length))
            .Where(target => !namespaces.Contains(target) && !assemblies.Any(a => a.GetType(target) is { IsPublic: true }))
            .ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_check_of_the_catalogue_is_a_listed_runtime_member()
    {
        var literal = new JsonLiteral(JsonLiteralKind.String, "a");
        var number = new JsonLiteral(JsonLiteralKind.Number, "1");
        var used = new List<(string Type, string Member)>();
        foreach (string? format in StringFormats.All.Select(f => f.Name).Append(null))
        {
            foreach (bool exclusive in new[] { false, true })
            {
                var constraints = new Constraints(1, 2, "a", "0.5", "3", exclusive, exclusive, "0.25", 1, 2, true, new[] { literal, number }.ToEquatableArray(), literal, format);
                foreach (TypeRefKind kind in Enum.GetValues<TypeRefKind>())
                {
                    var context = new RuleContext(new TypeRef(kind, "M"), constraints, p => ("__p0", v => Expr.Call("__p0.IsMatch", v)));
                    foreach (Rule rule in Catalogue.Rules(context))
                    {
                        if (rule.Check is { } check)
                        {
                            used.Add(("OpenApiSdk.Runtime.Validation", check.Method));
                        }

                        used.AddRange(RuntimeCalls(rule.Violated(Expr.Raw("x")).ToString()));
                    }
                }
            }
        }

        Assert.NotEmpty(used);
        Assert.Empty(used.Where(u => !Called[u.Type].Contains(u.Member)).Distinct().Select(u => u.Type + "." + u.Member));
    }

    [Theory]
    [MemberData(nameof(SnapshotTests.Specs), MemberType = typeof(SnapshotTests))]
    public void Every_runtime_call_in_generated_code_is_a_listed_member(string spec)
    {
        GeneratorRun run = GeneratorHarness.Run(new[] { SnapshotTests.Load(spec) });
        string text = string.Concat(run.Sources.Select(s => s.SourceText.ToString()));
        var used = RuntimeCalls(text)
            .Concat(Regex.Matches(text, @"\bv[0-9]*\.([A-Z][A-Za-z0-9]*)[(<]").Select(m => (Type: "OpenApiSdk.Runtime.Validation", Member: m.Groups[1].Value)))
            .Distinct()
            .ToList();
        Assert.NotEmpty(used);
        Assert.Empty(used.Where(u => !Called[u.Type].Contains(u.Member)).Select(u => u.Type + "." + u.Member));
    }

    private static IEnumerable<(string Type, string Member)> RuntimeCalls(string text) =>
        Regex.Matches(text, @"\b(OpenApiRuntime|FormatChecks|RequestValues)\.([A-Za-z0-9]+)").Select(m => ("OpenApiSdk.Runtime." + m.Groups[1].Value, m.Groups[2].Value));
}
