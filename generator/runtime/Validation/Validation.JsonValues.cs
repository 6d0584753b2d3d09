using System;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace OpenApiSdk.Runtime;

/// <summary>
/// The checks of the JSON-value validator: generated code has one static method per schema node of a value kept as JSON
/// (<c>__Value1_0(ref v, value)</c>), and these are the keywords that walk into the value (members, items) or ask whether a
/// subschema holds without reporting (<see cref="Holds(JsonElement, ItemCheck{JsonElement})"/>: a non-collecting pass that
/// stops at the first failure). Each keyword applies only to values of its JSON type (2020-12 §10); nested values are
/// reported under their JSON Pointers. The overloads with <see cref="JsonEvaluated"/> also record what they evaluated, for
/// <c>unevaluatedProperties</c>/<c>unevaluatedItems</c>; only schemas that use those pay for it.
/// </summary>
public ref partial struct Validation
{
    /// <summary>A value kept as JSON (absent: nothing to check) against its schema's method, under its member <paramref name="name"/>.</summary>
    public bool JsonValue(string? name, JsonElement? value, ItemCheck<JsonElement> check) =>
        value is not { } present || JsonValue(name, present, check);

    /// <summary>A value kept as JSON against its schema's method, under its member <paramref name="name"/> (null: at the current pointer).</summary>
    public bool JsonValue(string? name, JsonElement value, ItemCheck<JsonElement> check)
    {
        if (_typeLevel || value.ValueKind == JsonValueKind.Undefined)
        {
            return true;
        }

        EnterMember(name);
        bool go = check(ref this, value);
        ExitMember(name);
        return go;
    }

    /// <summary>
    /// A model whose schema has keywords its typed checks cannot carry (<c>patternProperties</c>, <c>dependentSchemas</c>,
    /// ...): its own JSON, written by its writer, against the whole schema's method. Read errors come first (a model that
    /// has them is not checked again), and an error the typed checks already reported is not repeated. Only such models
    /// pay for writing and parsing, and allocate only the parsed document (<see cref="ScratchJson"/>).
    /// </summary>
    public bool ModelJson(ItemCheck<JsonElement> check)
    {
        if (_typeLevel || _model.ReadErrorList is not null)
        {
            return true;
        }

        using ScratchJson json = ScratchJson.Rent();
        _model.WriteJson(json.Writer);
        JsonElement root = json.Parse();
        int before = Errors?.Count ?? 0;
        bool go = check(ref this, root);
        Errors?.RemoveRepeatedSince(before);
        return go;
    }

    /// <summary>Whether <paramref name="value"/> is valid against a subschema, asked without reporting (anyOf, oneOf, not, if, contains).</summary>
    public readonly bool Holds(JsonElement value, ItemCheck<JsonElement> check)
    {
        var probe = new Validation(_model, null, typeLevel: false);
        return check(ref probe, value) && probe.Valid;
    }

    /// <summary>Whether <paramref name="value"/> is valid against a subschema, asked without reporting; what it evaluated counts only if it is.</summary>
    public readonly bool Holds(JsonElement value, ref JsonEvaluated evaluated, JsonAnnotatedCheck check)
    {
        var probe = new Validation(_model, null, typeLevel: false);
        var own = default(JsonEvaluated);
        bool holds = check(ref probe, value, ref own) && probe.Valid;
        if (holds)
        {
            evaluated.Add(own);
        }

        return holds;
    }

    /// <summary>A subschema applied in place (allOf, $ref, then/else, dependentSchemas), its evaluations added to <paramref name="evaluated"/>.</summary>
    public bool Apply(JsonElement value, ref JsonEvaluated evaluated, JsonAnnotatedCheck check)
    {
        var own = default(JsonEvaluated);
        bool go = check(ref this, value, ref own);
        evaluated.Add(own);
        return go;
    }

    /// <summary>A subschema that records its evaluations, applied where nothing reads them (a member, an item, a root).</summary>
    public bool Apply(JsonElement value, JsonAnnotatedCheck check)
    {
        var own = default(JsonEvaluated);
        return check(ref this, value, ref own);
    }

    /// <summary><c>required</c> on a value kept as JSON: an object has the member.</summary>
    public bool RequiredMember(JsonElement value, string name) =>
        value.ValueKind != JsonValueKind.Object || value.TryGetProperty(name, out _) || Fail(name, "is required");

    /// <summary><c>dependentRequired</c>: an object that has <paramref name="name"/> also has <paramref name="required"/>.</summary>
    public bool DependentRequired(JsonElement value, string name, string required) =>
        value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(name, out _) || value.TryGetProperty(required, out _)
        || Fail(required, Errors is null ? string.Empty : "is required when \"" + name + "\" is present (dependentRequired)");

    /// <summary><c>dependentSchemas</c> and the like: whether an object has the member <paramref name="name"/>.</summary>
    public static bool HasMember(JsonElement value, string name) => value.ValueKind == JsonValueKind.Object && value.TryGetProperty(name, out _);

    /// <summary><c>properties</c>: the member <paramref name="name"/>, when present, against its subschema.</summary>
    public bool Property(JsonElement value, string name, ItemCheck<JsonElement> check)
    {
        var unused = default(JsonEvaluated);
        return Property(value, name, ref unused, check);
    }

    /// <summary><c>properties</c>, recording the member as evaluated.</summary>
    public bool Property(JsonElement value, string name, ref JsonEvaluated evaluated, ItemCheck<JsonElement> check)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        int position = 0;
        foreach (JsonProperty member in value.EnumerateObject())
        {
            if (member.NameEquals(name))
            {
                evaluated.Add(position);
                Errors?.Enter(name);
                bool go = check(ref this, member.Value);
                Errors?.Exit();
                return go;
            }

            position++;
        }

        return true;
    }

    /// <summary><c>patternProperties</c>: each member whose name matches <paramref name="pattern"/> against its subschema.</summary>
    public bool PatternProperties(JsonElement value, SchemaPattern pattern, ItemCheck<JsonElement> check)
    {
        var unused = default(JsonEvaluated);
        return PatternProperties(value, pattern, ref unused, check);
    }

    /// <summary><c>patternProperties</c>, recording the members it checked as evaluated.</summary>
    public bool PatternProperties(JsonElement value, SchemaPattern pattern, ref JsonEvaluated evaluated, ItemCheck<JsonElement> check)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        int position = 0;
        foreach (JsonProperty member in value.EnumerateObject())
        {
            if (pattern.IsMatch(member.Name))
            {
                evaluated.Add(position);
                if (!Member(member, check, null))
                {
                    return false;
                }
            }

            position++;
        }

        return true;
    }

    /// <summary>
    /// <c>additionalProperties</c>: each member that neither <c>properties</c> nor <c>patternProperties</c> names
    /// (<paramref name="declared"/>) against its subschema; <paramref name="check"/> null is the schema <c>false</c>.
    /// </summary>
    public bool AdditionalProperties(JsonElement value, Func<JsonProperty, bool>? declared, ItemCheck<JsonElement>? check)
    {
        var unused = default(JsonEvaluated);
        return AdditionalProperties(value, declared, ref unused, check);
    }

    /// <summary><c>additionalProperties</c>, recording the members it checked as evaluated.</summary>
    public bool AdditionalProperties(JsonElement value, Func<JsonProperty, bool>? declared, ref JsonEvaluated evaluated, ItemCheck<JsonElement>? check)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        int position = 0;
        foreach (JsonProperty member in value.EnumerateObject())
        {
            if (declared is null || !declared(member))
            {
                evaluated.Add(position);
                if (!Member(member, check, "is not allowed: the schema declares no such property (additionalProperties: false)"))
                {
                    return false;
                }
            }

            position++;
        }

        return true;
    }

    /// <summary><c>unevaluatedProperties</c>: each member no applicator that held evaluated, against its subschema (null: <c>false</c>).</summary>
    public bool UnevaluatedProperties(JsonElement value, ref JsonEvaluated evaluated, ItemCheck<JsonElement>? check)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        int position = 0;
        foreach (JsonProperty member in value.EnumerateObject())
        {
            if (!evaluated.Has(position))
            {
                evaluated.Add(position);
                if (!Member(member, check, "is not allowed: no keyword of the schema evaluates this property (unevaluatedProperties: false)"))
                {
                    return false;
                }
            }

            position++;
        }

        return true;
    }

    /// <summary><c>propertyNames</c>: each member's name, as a JSON string, against the subschema.</summary>
    public bool PropertyNames(JsonElement value, ItemCheck<JsonElement> check)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        foreach (JsonProperty member in value.EnumerateObject())
        {
            string name = member.Name;
            using JsonDocument text = JsonDocument.Parse(Encoding.UTF8.GetBytes("\"" + JsonEncodedText.Encode(name).ToString() + "\""));
            if (!Holds(text.RootElement, check) && !Fail(name, "has a name that does not match the schema in 'propertyNames'"))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>prefixItems</c>: the item at <paramref name="index"/>, when there is one, against its subschema.</summary>
    public bool PrefixItem(JsonElement value, int index, ItemCheck<JsonElement> check)
    {
        var unused = default(JsonEvaluated);
        return PrefixItem(value, index, ref unused, check);
    }

    /// <summary><c>prefixItems</c>, recording the item as evaluated.</summary>
    public bool PrefixItem(JsonElement value, int index, ref JsonEvaluated evaluated, ItemCheck<JsonElement> check)
    {
        if (value.ValueKind != JsonValueKind.Array || index >= value.GetArrayLength())
        {
            return true;
        }

        evaluated.Add(index);
        return Item(value[index], index, check, null);
    }

    /// <summary><c>items</c>: every item from <paramref name="start"/> (past <c>prefixItems</c>) against the subschema (null: <c>false</c>).</summary>
    public bool ItemsFrom(JsonElement value, int start, ItemCheck<JsonElement>? check)
    {
        var unused = default(JsonEvaluated);
        return ItemsFrom(value, start, ref unused, check);
    }

    /// <summary><c>items</c>, recording the items as evaluated.</summary>
    public bool ItemsFrom(JsonElement value, int start, ref JsonEvaluated evaluated, ItemCheck<JsonElement>? check)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return true;
        }

        // The message is built only to be collected: a check that only asks allocates nothing.
        string? forbidden = check is not null || Errors is null ? null
            : start == 0 ? "is not allowed: the schema allows no items (items: false)"
            : "is not allowed: the schema allows no items past the first " + Text(start) + " (items: false)";
        int index = 0;
        foreach (JsonElement item in value.EnumerateArray())
        {
            if (index >= start)
            {
                evaluated.Add(index);
                if (!Item(item, index, check, forbidden))
                {
                    return false;
                }
            }

            index++;
        }

        return true;
    }

    /// <summary><c>unevaluatedItems</c>: each item no applicator that held evaluated, against the subschema (null: <c>false</c>).</summary>
    public bool UnevaluatedItems(JsonElement value, ref JsonEvaluated evaluated, ItemCheck<JsonElement>? check)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return true;
        }

        int index = 0;
        foreach (JsonElement item in value.EnumerateArray())
        {
            if (!evaluated.Has(index))
            {
                evaluated.Add(index);
                if (!Item(item, index, check, "is not allowed: no keyword of the schema evaluates this item (unevaluatedItems: false)"))
                {
                    return false;
                }
            }

            index++;
        }

        return true;
    }

    /// <summary><c>contains</c> with <c>minContains</c>/<c>maxContains</c>: how many items hold against the subschema.</summary>
    public bool Contains(JsonElement value, int minimum, int maximum, ItemCheck<JsonElement> check)
    {
        var unused = default(JsonEvaluated);
        return Contains(value, minimum, maximum, ref unused, check);
    }

    /// <summary><c>contains</c>, recording the items that hold as evaluated.</summary>
    public bool Contains(JsonElement value, int minimum, int maximum, ref JsonEvaluated evaluated, ItemCheck<JsonElement> check)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return true;
        }

        int index = 0, matched = 0;
        foreach (JsonElement item in value.EnumerateArray())
        {
            if (Holds(item, check))
            {
                evaluated.Add(index);
                matched++;
            }

            index++;
        }

        return matched >= minimum && matched <= maximum
            || Fail(null, Errors is null ? string.Empty : (matched < minimum ? "must contain at least " + Count(minimum, " item", " items") : "must contain at most " + Count(maximum, " item", " items"))
                + " matching the schema in 'contains', but contains " + Text(matched));
    }

    private bool Member(JsonProperty member, ItemCheck<JsonElement>? check, string? forbidden)
    {
        if (check is null)
        {
            return Fail(Errors is null ? null : member.Name, forbidden ?? string.Empty);
        }

        if (Errors is not { } errors)
        {
            return check(ref this, member.Value); // the name is read only to report
        }

        errors.Enter(member.Name);
        bool go = check(ref this, member.Value);
        errors.Exit();
        return go;
    }

    private bool Item(JsonElement item, int index, ItemCheck<JsonElement>? check, string? forbidden)
    {
        if (check is null)
        {
            Errors?.Enter(index);
            bool reported = Fail(null, forbidden ?? string.Empty);
            Errors?.Exit();
            return reported;
        }

        Errors?.Enter(index);
        bool go = check(ref this, item);
        Errors?.Exit();
        return go;
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
