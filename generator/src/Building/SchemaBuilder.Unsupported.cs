using System;
using System.Collections.Generic;
using System.Linq;
using OpenApiSdk.Generator.Diagnostics;
using OpenApiSdk.Generator.Yaml;

namespace OpenApiSdk.Generator.Building;

/// <summary>The part of <see cref="SchemaBuilder"/> for keywords the generator does not enforce, reported as OAS010 where they appear (a capped number per construct).</summary>
internal sealed partial class SchemaBuilder
{
    /// <summary>Keywords that change what a value may be but that the generated code does not check (OAS010, once per schema and keyword).</summary>
    private static readonly (string Keyword, string LeftOut)[] UnsupportedKeywords =
    {
        ("not", "values matching the 'not' schema are not rejected"),
        ("discriminator", "the subtype is not chosen by it"),
        ("patternProperties", "members are not checked against it"),
        ("propertyNames", "member names are not checked"),
        ("unevaluatedProperties", "members are not checked against it"),
        ("dependentRequired", "the dependent requirements are not checked"),
        ("dependentSchemas", "the dependent schemas are not checked"),
        ("dependencies", "the dependencies are not checked"),
        ("minProperties", "the member count is not checked"),
        ("maxProperties", "the member count is not checked"),
        ("prefixItems", "the leading items are not checked against it"),
        ("additionalItems", "the extra items are not checked against it"),
        ("unevaluatedItems", "the items are not checked against it"),
        ("contains", "the items are not checked against it"),
        ("minContains", "the items are not checked against it"),
        ("maxContains", "the items are not checked against it"),
        ("$dynamicRef", "the reference is not followed (its target depends on the dynamic scope the schema is reached through, which the generator could not fix to one)"),
        ("$recursiveRef", "the reference is not followed"),
    };

    /// <summary>Reports each construct in <paramref name="schema"/> that the generated code leaves out.</summary>
    /// <param name="choiceHandled">The schema is a union (or an alias of its one alternative): its <c>oneOf</c>/<c>anyOf</c> and <c>discriminator</c> are honoured.</param>
    /// <param name="choiceRules">The schema is a string, number, boolean or array whose oneOf/anyOf are rules on the value (an object type's always are).</param>
    private void CheckUnsupported(YamlNode schema, string where, bool objectType, bool typedAsAny, bool choiceHandled = false, bool choiceRules = false)
    {
        if (!schema.IsMapping)
        {
            return;
        }

        foreach ((string keyword, string leftOut) in UnsupportedKeywords)
        {
            if ((keyword == "discriminator" && (choiceHandled || _discriminatorsHandled.Contains(schema)))
                || (keyword is "minProperties" or "maxProperties" && (objectType || typedAsAny || PrimaryType(schema) == "object"))
                || (keyword == "unevaluatedProperties" && objectType)
                || (keyword == "unevaluatedItems" && UnevaluatedItemsHonoured(schema))
                || (keyword == "not" && (objectType || choiceRules))
                || (typedAsAny && JsonValueKeywords.Contains(keyword)))
            {
                continue; // honoured: the union or the base's subtypes are chosen by it / Validate() counts an object's members / checks what is unevaluated (what it leaves out is reported where it is built)
            }

            if (KeyNode(schema, keyword) is { } key)
            {
                ReportUnsupported(schema, key, $"'{keyword}' (in {where})", leftOut);
            }
        }

        foreach (string keyword in new[] { "oneOf", "anyOf" })
        {
            if (choiceHandled && schema.Get("oneOf") is null == (keyword == "anyOf"))
            {
                continue; // the keyword the union is built from; a second one beside it is still reported
            }

            if (objectType || choiceRules || typedAsAny)
            {
                continue; // a rule on the value (SchemaBuilder.ChoiceRules, or the JSON-value validator's), which reports what its alternatives leave out
            }

            if (KeyNode(schema, keyword) is { } key)
            {
                ReportUnsupported(schema, key, $"'{keyword}' (in {where})", typedAsAny
                    ? "the value is typed as JsonElement and not checked against the alternatives"
                    : "the value is not checked against the alternatives");
            }
        }

        if (!objectType && !typedAsAny && KeyNode(schema, "if") is { } condition)
        {
            ReportUnsupported(schema, condition, $"'if' (in {where}, which is not an object type)", "the conditional rule is not checked");
        }

        // additionalProperties: false is checked by Validate(); a schema for the extra members is not.
        if (objectType && KeyNode(schema, "additionalProperties") is { } additionalKey && schema.Get("additionalProperties") is { IsMapping: true })
        {
            ReportUnsupported(schema, additionalKey, $"'additionalProperties' with a schema beside 'properties' (in {where})", "members not listed in 'properties' are kept in AdditionalProperties as JSON, not typed or checked against that schema");
        }

    }

    /// <summary>Schemas with <c>items</c> and no <c>type</c> already noted (OAS023, once per schema node).</summary>
    private readonly HashSet<YamlNode> _typelessArrays = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// In an OpenAPI 3.0 document a schema with <c>items</c> and no <c>type</c> becomes a typed list, as its author most often
    /// means; JSON Schema lets it hold any other JSON value (<c>items</c> applies to arrays only, 2020-12 core §10.3.1.2),
    /// which the list rejects (<c>must be an array</c>): an Info at <c>items</c>, so a strict build is not broken by a common
    /// spelling. In 3.1 and 3.2 such a schema has no type (<see cref="TypeOf"/>) and never gets here.
    /// </summary>
    private void ReportOnlyArraysAccepted(YamlNode schema)
    {
        if (schema.Get("type") is null && KeyNode(schema, "items") is { } items && _typelessArrays.Add(schema))
        {
            _diagnostics.Report(DiagnosticDescriptors.OnlyArraysAccepted, items,
                "'items' without 'type': JSON Schema also accepts a value that is not an array here, but the SDK holds a list and rejects such a value (must be an array); add 'type: array' to say only arrays are meant, or list the other types in 'type'");
        }
    }

    /// <summary>A construct left out while a type is built, held until <c>Build</c> knows whether the model is checked as JSON.</summary>
    private sealed record LeftOut(YamlNode Schema, YamlNode At, string Construct, string Consequence);

    /// <summary>Set while a type or an operation's value is shaped: what is left out goes here first (see <see cref="HoldingLeftOut"/>).</summary>
    private List<LeftOut>? _leftOut;

    /// <summary>Runs <paramref name="build"/> with what it leaves out held in <paramref name="held"/> instead of reported.</summary>
    private T HoldingLeftOut<T>(Func<T> build, out List<LeftOut> held)
    {
        List<LeftOut>? outer = _leftOut;
        held = new List<LeftOut>();
        _leftOut = held;
        try
        {
            return build();
        }
        finally
        {
            _leftOut = outer;
        }
    }

    /// <summary>Reports what was held, but for what the JSON-value validator checks when <paramref name="checkedAsJson"/>.</summary>
    private void ReportHeld(List<LeftOut> held, bool checkedAsJson)
    {
        foreach (LeftOut l in held)
        {
            if (!(checkedAsJson && IsCheckedAsJson(l.Construct)))
            {
                ReportUnsupported(l.Schema, l.At, l.Construct, l.Consequence);
            }
        }
    }

    private void ReportUnsupported(YamlNode schema, YamlNode at, string construct, string leftOut)
    {
        if (_leftOut is { } held)
        {
            held.Add(new LeftOut(schema, at, construct, leftOut));
            return;
        }

        if (!_reported.TryGetValue(schema, out HashSet<string>? done))
        {
            done = new HashSet<string>(StringComparer.Ordinal);
            _reported.Add(schema, done);
        }

        int where = construct.IndexOf(" (in ", StringComparison.Ordinal);
        string kind = where > 0 ? construct.Substring(0, where) : construct;
        if (!done.Add(kind))
        {
            return;
        }

        if (!_overflow.TryGetValue(kind, out Overflow? overflow))
        {
            overflow = new Overflow();
            _overflow.Add(kind, overflow);
        }

        if (++overflow.Reported <= MaxWarningsPerConstruct)
        {
            _diagnostics.Report(DiagnosticDescriptors.UnsupportedConstruct, at, construct, leftOut);
        }
        else
        {
            overflow.First ??= at;
            overflow.Count++;
        }
    }

    private static YamlNode? KeyNode(YamlNode mapping, string key)
    {
        List<KeyValuePair<YamlNode, YamlNode>> pairs = mapping.Pairs!;
        for (int i = pairs.Count - 1; i >= 0; i--)
        {
            if (string.Equals(pairs[i].Key.Value, key, StringComparison.Ordinal))
            {
                return pairs[i].Key;
            }
        }

        return null;
    }
}
