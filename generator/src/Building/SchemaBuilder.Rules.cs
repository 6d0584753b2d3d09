using System;
using System.Collections.Generic;
using System.Linq;
using OpenApiSdk.Generator.Diagnostics;
using OpenApiSdk.Generator.Model;
using OpenApiSdk.Generator.Validation;
using OpenApiSdk.Generator.Yaml;

namespace OpenApiSdk.Generator.Building;

/// <summary>The part of <see cref="SchemaBuilder"/> for if/then/else rules: the fragments they check, as RuleModels and SchemaChecks.</summary>
internal sealed partial class SchemaBuilder
{
    private IEnumerable<YamlNode> RuleNodes(YamlNode schema, int depth, HashSet<YamlNode> visited)
    {
        if (depth > 32 || _refs.Resolve(schema) is not { IsMapping: true } resolved || !visited.Add(resolved))
        {
            yield break;
        }

        if (resolved.Get("if") is not null)
        {
            yield return resolved;
        }

        if (resolved.Get("allOf") is { IsSequence: true } allOf)
        {
            foreach (YamlNode part in allOf.Items!)
            {
                foreach (YamlNode rule in RuleNodes(part, depth + 1, visited))
                {
                    yield return rule;
                }
            }
        }
    }

    private RuleModel? BuildRule(YamlNode ruleNode, PendingType subject)
    {
        SchemaCheck? condition = BuildCheck(ruleNode.Get("if")!, subject.Ref, subject, 0);
        if (condition is null)
        {
            return null;
        }

        SchemaCheck? then = ruleNode.Get("then") is { } thenNode ? BuildCheck(thenNode, subject.Ref, subject, 0) : null;
        SchemaCheck? otherwise = ruleNode.Get("else") is { } elseNode ? BuildCheck(elseNode, subject.Ref, subject, 0) : null;
        return then is null && otherwise is null ? null : new RuleModel(condition, then, otherwise);
    }

    /// <summary>The keywords an if/then/else fragment may use: structure, the catalogue's value keywords (but format), annotations.</summary>
    private static readonly HashSet<string> CheckKeywords = new(
        Catalogue.Names(JsonTypes.Any, withFormat: false).Concat(new[] { "required", "properties", "type", "description", "title", "$comment" }), StringComparer.Ordinal);

    /// <summary>A rule fragment checked against a value of <paramref name="subject"/>; null when it uses keywords outside the supported subset.</summary>
    private SchemaCheck? BuildCheck(YamlNode fragment, TypeRef subject, PendingType? subjectType, int depth)
    {
        YamlNode? resolved = _refs.Resolve(fragment);
        if (resolved is null || !resolved.IsMapping)
        {
            return null;
        }

        if (depth > MaxCheckDepth || ++_checks > MaxChecks)
        {
            ReportUnsupported(fragment, fragment, "An if/then/else rule that nests more than " + MaxCheckDepth + " levels deep or makes this spec's rules exceed " + MaxChecks + " checks", "the rule is not checked");
            return null;
        }

        foreach (KeyValuePair<YamlNode, YamlNode> pair in resolved.Pairs!)
        {
            if (!CheckKeywords.Contains(pair.Key.Value!))
            {
                _diagnostics.Report(DiagnosticDescriptors.UnsupportedConstruct, pair.Key, $"The keyword '{pair.Key.Value}' inside if/then/else", "the conditional rule is not checked");
                return null;
            }
        }

        EquatableArray<PropertyModel> subjectProperties = subjectType is null ? EquatableArray<PropertyModel>.Empty : PropertiesOf(subjectType);
        var required = new List<PropertyModel>();
        if (resolved.Get("required") is { IsSequence: true } names)
        {
            foreach (YamlNode name in names.Items!)
            {
                if (Find(subjectProperties, name.Value) is { } property)
                {
                    required.Add(property);
                }
                else
                {
                    // A conditional requirement on an undeclared member would need a check on AdditionalProperties in the rule.
                    _diagnostics.Report(DiagnosticDescriptors.UnsupportedConstruct, name, $"A 'required' inside if/then/else that names the undefined property '{ConstraintReader.Shorten(name.Value ?? string.Empty)}'", "the requirement is not checked");
                }
            }
        }

        var properties = new List<PropertyCheck>();
        if (resolved.Get("properties") is { IsMapping: true } declared)
        {
            foreach (KeyValuePair<YamlNode, YamlNode> pair in declared.Pairs!)
            {
                if (pair.Value is { IsScalar: true, Value: "true" } || IsAnnotationOnly(pair.Value))
                {
                    continue; // allows any value: nothing to check (the name still counts as evaluated, for unevaluatedProperties)
                }

                if (Find(subjectProperties, pair.Key.Value) is not { } property)
                {
                    _diagnostics.Report(DiagnosticDescriptors.UnsupportedConstruct, pair.Key, $"A rule on the undefined property '{pair.Key.Value}'", "the rule is not checked");
                    continue;
                }

                PendingType? nested = property.Type.ModelName is { } modelName && property.Type.Kind == TypeRefKind.Model && _typesByName.TryGetValue(modelName, out PendingType? found) ? found : null;
                if (BuildCheck(pair.Value, property.Type, nested, depth + 1) is { } check)
                {
                    properties.Add(new PropertyCheck(property, check));
                }
            }
        }

        TypeRefKind kind = subject.Kind == TypeRefKind.Enum ? TypeRefKind.String : subject.Kind;
        return new SchemaCheck(required.ToEquatableArray(), properties.ToEquatableArray(), _constraints.Read(resolved, kind));
    }

    private static PropertyModel? Find(EquatableArray<PropertyModel> properties, string? jsonName)
    {
        foreach (PropertyModel property in properties)
        {
            if (property.JsonName == jsonName)
            {
                return property;
            }
        }

        return null;
    }
}
