using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenApiSdk.ExampleTests;

internal enum Verdict
{
    /// <summary>No generated model to check the example with, or ajv could not judge it.</summary>
    NotApplicable,
    Agreed,
    Disagreed,
}

/// <summary>What became of one example.</summary>
internal sealed record Outcome(string Example, Verdict Verdict, string Detail, string Category = "")
{
    public static Outcome NotApplicable(string example, string reason) => new(example, Verdict.NotApplicable, reason);
}

/// <summary>
/// Checks one ajv record against the generated SDK. The example's schema is mapped to a generated model:
/// the model of the component it resolves to; or the component (or the operation's inline body) it sits
/// inside, with the example wrapped into that model's JSON along the way (<c>{"prop": value}</c>,
/// <c>[value]</c>), so that only errors at or under the example's place count; or, for an array of a
/// model, each item.
/// </summary>
internal sealed class ExampleCheck
{
    private readonly GeneratedSdk _sdk;

    public ExampleCheck(GeneratedSdk sdk) => _sdk = sdk;


    /// <summary>The model that checks <paramref name="record"/>, or null (not applicable) with the reason; needs no compiled code.</summary>
    public Target? Plan(JsonObject record, out string why)
    {
        why = string.Empty;
        string kind = (string)record["kind"]!;
        if (kind is "parameter" or "header")
        {
            why = "a " + kind + " example: no generated model";
            return null;
        }

        if (record["schema"] is null || !record.ContainsKey("value"))
        {
            why = (string?)record["note"] ?? "no schema";
            return null;
        }

        if (record["valid"] is not JsonValue)
        {
            why = "ajv could not judge it: " + (string?)record["errors"]?[0]?["message"];
            return null;
        }

        return Find(record, out why);
    }

    public Outcome Check(JsonObject record, Target? target, string why)
    {
        string example = (string)record["example"]!;
        if (target is null)
        {
            return Outcome.NotApplicable(example, why);
        }

        bool ajvValid = record["valid"]!.GetValue<bool>();
        JsonNode? value = record["value"];
        List<AjvError> ajvErrors = ajvValid ? new List<AjvError>() : AjvError.Of(record);

        (bool ours, string detail) = target.IsList ? CheckList(_sdk, target, value, ajvValid, ajvErrors) : CheckOne(_sdk, target, value, ajvErrors);
        if (ours == ajvValid && detail.Length == 0)
        {
            return new Outcome(example, Verdict.Agreed, string.Empty);
        }

        string ajvText = ajvValid ? "ajv: valid" : "ajv: invalid: " + string.Join("; ", ajvErrors.Take(6));
        string category = !ajvValid && ajvErrors.All(e => e.Keyword is "oneOf" or "anyOf" || e.InsideAlternative) ? "oneOf/anyOf" : string.Empty;
        return new Outcome(example, Verdict.Disagreed, ajvText + Environment.NewLine + "      ours (" + target.Describe() + "): " + detail, category);
    }

    /// <summary>
    /// An array of a model: each item against the model, with ajv's errors on that item (those whose
    /// instancePath starts with /i). Errors on the array itself (minItems, ...) need some item rejected.
    /// </summary>
    private static (bool Valid, string Detail) CheckList(GeneratedSdk sdk, Target target, JsonNode? value, bool ajvValid, List<AjvError> ajvErrors)
    {
        if (value is not JsonArray items)
        {
            return (false, ajvValid ? "an array of " + target.Model + " expected, got " + Kind(value) : string.Empty);
        }

        var problems = new List<string>();
        bool valid = true;
        for (int i = 0; i < items.Count; i++)
        {
            string prefix = "/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            List<AjvError> itemErrors = ajvErrors.Select(e => e.Within(prefix)).OfType<AjvError>().ToList();
            (bool itemValid, string detail) = CheckOne(sdk, target with { IsList = false }, items[i], itemErrors);
            valid &= itemValid;
            if (detail.Length > 0)
            {
                problems.Add("[" + i + "] " + (itemErrors.Count == 0 ? string.Empty : "ajv rejects this item, ") + detail);
            }
        }

        if (!ajvValid && valid && problems.Count == 0)
        {
            problems.Add("every item is valid");
        }

        return (valid, string.Join("; ", problems));
    }

    /// <summary>
    /// Our verdict on one value, and what is wrong when it differs from ajv's (empty when they agree). Where ajv
    /// rejects the value, <c>Validate()</c> must break the rule ajv names at the place ajv names (<see cref="AjvRules"/>),
    /// not just report something.
    /// </summary>
    private static (bool Valid, string Detail) CheckOne(GeneratedSdk sdk, Target target, JsonNode? value, List<AjvError> ajvErrors)
    {
        bool ajvValid = ajvErrors.Count == 0;
        JsonNode? wrapped = target.Wrap(value);
        string json = wrapped?.ToJsonString() ?? "null";
        object? model;
        try
        {
            model = GeneratedSdk.FromJson(sdk.Type(target.Model), json);
        }
        catch (JsonException e)
        {
            // A wrong-typed member is a read error that Validate() reports, never thrown (generator/README.md); only a root
            // that is not the model's JSON type, where there is no object to hold the error, throws: ajv's type rule at "/".
            bool rootType = target.Pointer.Length == 0 && ajvErrors.Any(a => a.InstancePath.Length == 0 && a.Keyword == "type");
            return (false, rootType ? string.Empty : "FromJson threw: " + e.Message);
        }

        if (model is null)
        {
            return (false, ajvValid ? "FromJson returned null" : string.Empty);
        }

        List<(string Pointer, string Message)> errors = GeneratedSdk.Validate(model)
            .Where(e => e.Pointer == target.Pointer || e.Pointer.StartsWith(target.Pointer + "/", StringComparison.Ordinal))
            .ToList();
        if (!ajvValid)
        {
            if (errors.Count == 0)
            {
                return (true, "Validate() found nothing");
            }

            List<string> missed = AjvRules.Expected(ajvErrors)
                .Where(place => !errors.Any(e => e.Pointer == target.Pointer + place.Key && place.Any(rule => AjvRules.Breaks(rule, e.Message))))
                .Select(place => (place.Key.Length == 0 ? "/" : place.Key) + " " + string.Join("/", place.Select(r => r.Keyword).Distinct()))
                .ToList();
            return missed.Count == 0
                ? (false, string.Empty)
                : (false, "Validate() does not break the rule ajv names at " + string.Join(", ", missed) + "; Validate(): " + Show(errors, target.Pointer));
        }

        if (errors.Count > 0)
        {
            return (false, "Validate(): " + Show(errors, target.Pointer));
        }

        JsonNode? written = JsonNode.Parse(GeneratedSdk.ToJson(model));
        (bool inputHas, JsonNode? input) = Target.At(wrapped, target.Pointer);
        (bool outputHas, JsonNode? output) = Target.At(written, target.Pointer);
        string? difference = inputHas == outputHas
            ? JsonSemantics.Difference(input, output, target.Pointer)
            : (target.Pointer.Length == 0 ? "/" : target.Pointer) + ": " + (outputHas ? "written although absent" : "not written back");
        return difference is null ? (true, string.Empty) : (true, "round trip: " + difference);
    }

    /// <summary>Validate()'s errors, with pointers relative to the example (as ajv's are).</summary>
    private static string Show(List<(string Pointer, string Message)> errors, string prefix) =>
        string.Join("; ", errors.Take(6).Select(e => (e.Pointer.Length == prefix.Length ? "/" : e.Pointer.Substring(prefix.Length)) + ": " + e.Message));

    private static string Kind(JsonNode? node) => node is null ? "null" : node.GetValueKind().ToString();

    /// <summary>The generated model that checks <paramref name="record"/>'s example, or null with the reason.</summary>
    private Target? Find(JsonObject record, out string why)
    {
        why = string.Empty;
        string resolved = (string)record["resolved"]!;
        if (ComponentModel(resolved) is { } model)
        {
            return new Target(model, Array.Empty<string>(), false);
        }

        if ((string?)record["itemsResolved"] is { } items && ComponentModel(items) is { } itemModel)
        {
            return new Target(itemModel, Array.Empty<string>(), true);
        }

        string[] rest = Segments(record["rest"]);
        if ((string?)record["component"] is { } component)
        {
            if (_sdk.Model("#/components/schemas/" + component) is { } owner)
            {
                return Along(owner, rest, out why);
            }

            why = "no generated model for the schema (a component that is not an object type, or inside one), and no model uses it";
            if (rest.Length > 0)
            {
                return null;
            }
        }

        // A component that is no model itself (a string, an enum, an array): through a model that uses it.
        if (record["users"] is JsonArray users)
        {
            foreach (JsonNode? user in users)
            {
                if (_sdk.Model("#/components/schemas/" + (string)user!["component"]!) is { } owner && Along(owner, Segments(user["rest"]), out _) is { } through)
                {
                    return through;
                }
            }
        }

        if (why.Length > 0)
        {
            return null;
        }

        if (record["sites"] is JsonArray sites)
        {
            string reason = "no generated model for this inline schema";
            foreach (JsonNode? site in sites)
            {
                if (site is null || !(bool)site["generated"]! || site["chosen"] is not JsonValue chosen || !chosen.GetValue<bool>())
                {
                    reason = site is not null && !(bool)site["generated"]! ? "in a callback or webhook, for which no client code is generated" : "not the operation's JSON media type: no generated model";
                    continue;
                }

                if (_sdk.BaseName((string)site["method"]!, (string)site["path"]!) is not { } baseName)
                {
                    reason = "the operation is not in the generated client";
                    continue;
                }

                string? status = (string?)site["status"];
                int rank = site["successRank"] is JsonValue r ? r.GetValue<int>() : 0;
                foreach (string member in Members(status))
                {
                    if (_sdk.Model(baseName + "." + member, rank) is { } inline)
                    {
                        return Along(inline, rest, out why);
                    }

                    if (_sdk.Model(baseName + "." + member + "Item") is { } item)
                    {
                        if (rest.Length == 0)
                        {
                            return new Target(item, Array.Empty<string>(), true);
                        }

                        if (rest[0] == "items")
                        {
                            return Along(item, rest.Skip(1).ToArray(), out why);
                        }
                    }
                }
            }

            why = reason;
            return null;
        }

        why = "no generated model for the schema";
        return null;
    }

    private static string[] Segments(JsonNode? node) => node?.AsArray().Select(s => (string)s!).ToArray() ?? Array.Empty<string>();

    private string? ComponentModel(string pointer)
    {
        const string Prefix = "#/components/schemas/";
        if (!pointer.StartsWith(Prefix, StringComparison.Ordinal) || pointer.IndexOf('/', Prefix.Length) >= 0)
        {
            return null;
        }

        string name = pointer.Substring(Prefix.Length).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
        return _sdk.Model(Prefix + name);
    }

    /// <summary>The members the generator names an operation's inline body and response types after (OperationBuilder).</summary>
    private static IEnumerable<string> Members(string? status)
    {
        if (status is null)
        {
            yield return "Request";
            yield break;
        }

        if (status.Length == 3 && status[0] == '2')
        {
            yield return "Response";
            yield break;
        }

        yield return "Error" + (status.Equals("default", StringComparison.OrdinalIgnoreCase) ? "Default" : status);
        if (status.Length == 3 && char.IsDigit(status[0]) && char.IsLetter(status[1]))
        {
            yield return "Error" + status[0] + "Xx";
        }
    }

    /// <summary>The target for a schema reached from <paramref name="owner"/> along <paramref name="rest"/>.</summary>
    private static Target? Along(string owner, string[] rest, out string why)
    {
        why = string.Empty;
        var path = new List<string>();
        for (int i = 0; i < rest.Length; i++)
        {
            switch (rest[i])
            {
                case "properties" when i + 1 < rest.Length:
                    path.Add("p:" + rest[++i]);
                    break;
                case "items":
                    path.Add("i:0");
                    break;
                case "additionalProperties":
                    path.Add("p:example-key");
                    break;
                case "allOf" when i + 1 < rest.Length:
                    if (i + 2 == rest.Length)
                    {
                        why = "an example of one allOf part: a fragment of the merged model";
                        return null;
                    }

                    i++; // allOf parts are merged into one model: the value sits at the same place
                    break;
                default:
                    // A value inside one alternative is checked only as part of a whole value: alone, the union
                    // around it would choose whichever alternative the fragment happens to fit.
                    why = "inside '" + rest[i] + "': a fragment of one alternative, not a value the union can be given alone";
                    return null;
            }
        }

        return new Target(owner, path.ToArray(), false);
    }
}

/// <summary>A model that checks an example, placed at <see cref="Path"/> inside it (or, for a list, each item).</summary>
internal sealed record Target(string Model, string[] Path, bool IsList)
{
    /// <summary>The JSON Pointer of the example inside the model's JSON.</summary>
    public string Pointer => string.Concat(Path.Select(p => "/" + p.Substring(2).Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)));

    public string Describe() => (IsList ? "each item as " : string.Empty) + Model + (Path.Length == 0 ? string.Empty : " at " + Pointer);

    public JsonNode? Wrap(JsonNode? value)
    {
        JsonNode? current = value?.DeepClone();
        for (int i = Path.Length - 1; i >= 0; i--)
        {
            current = Path[i][0] == 'p'
                ? new JsonObject { [Path[i].Substring(2)] = current }
                : new JsonArray(current);
        }

        return current;
    }

    /// <summary>The node at <paramref name="pointer"/>, and whether there is one (JSON null is a node).</summary>
    public static (bool Found, JsonNode? Node) At(JsonNode? root, string pointer)
    {
        JsonNode? current = root;
        foreach (string segment in pointer.Split('/').Skip(1))
        {
            string name = segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            switch (current)
            {
                case JsonObject o when o.TryGetPropertyValue(name, out JsonNode? child):
                    current = child;
                    break;
                case JsonArray a when int.TryParse(name, out int index) && index < a.Count:
                    current = a[index];
                    break;
                default:
                    return (false, null);
            }
        }

        return (true, current);
    }
}
