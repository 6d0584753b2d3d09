using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OpenApiSdk.ExampleTests;

/// <summary>One error ajv reports, with its place in the value it judged.</summary>
internal sealed record AjvError(string InstancePath, string SchemaPath, string Keyword, string Message, JsonObject Params)
{
    public static List<AjvError> Of(JsonObject record) =>
        record["errors"] is JsonArray errors
            ? errors.Select(e => new AjvError(
                (string?)e!["instancePath"] ?? string.Empty,
                (string?)e["schemaPath"] ?? string.Empty,
                (string?)e["keyword"] ?? string.Empty,
                (string?)e["message"] ?? string.Empty,
                e["params"] as JsonObject ?? new JsonObject())).ToList()
            : new List<AjvError>();

    /// <summary>The error's pointer in the item at <paramref name="prefix"/>, or null when it is not inside it.</summary>
    public AjvError? Within(string prefix) =>
        InstancePath == prefix ? this with { InstancePath = string.Empty }
        : InstancePath.StartsWith(prefix + "/", StringComparison.Ordinal) ? this with { InstancePath = InstancePath.Substring(prefix.Length) }
        : null;

    /// <summary>Inside one alternative of a <c>oneOf</c>/<c>anyOf</c>: ajv reports what every alternative it tried rejects.</summary>
    public bool InsideAlternative => SchemaPath.Contains("/oneOf/", StringComparison.Ordinal) || SchemaPath.Contains("/anyOf/", StringComparison.Ordinal);

    /// <summary>
    /// Where <c>Validate()</c> reports the broken rule, relative to the value: a missing or unexpected member
    /// is reported at the member (ajv reports it at the object and names the member in its params).
    /// </summary>
    public string Pointer => Keyword switch
    {
        "required" => InstancePath + "/" + Escape(Param("missingProperty")),
        "additionalProperties" => InstancePath + "/" + Escape(Param("additionalProperty")),
        "unevaluatedProperties" => InstancePath + "/" + Escape(Param("unevaluatedProperty")),
        _ => InstancePath,
    };

    public string Param(string name) => Params[name] switch
    {
        JsonValue value when value.TryGetValue(out string? text) => text,
        JsonNode node => node.ToJsonString(),
        null => string.Empty,
    };

    public override string ToString() => (InstancePath.Length == 0 ? "/" : InstancePath) + " " + Keyword + ": " + Message + " [" + SchemaPath + "]";

    private static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}

/// <summary>
/// Which messages of the generated <c>Validate()</c> break the rule an ajv error names: the kind of rule and,
/// where ajv gives one, its limit. The messages are the generator's (ValidationEmitter for constraints,
/// JsonEmitter for values of the wrong type, read before validation, UnionEmitter for oneOf/anyOf unions, the runtime's
/// Validation.OneOf/AnyOf for oneOf/anyOf beside a schema's own keywords); a rule
/// from an <c>if</c>/<c>then</c> adds " (because ...)", which the prefixes here allow.
/// </summary>
internal static partial class AjvRules
{
    /// <summary>
    /// The ajv errors that <c>Validate()</c> must match, grouped by pointer: every place ajv names needs an error
    /// there that breaks one of the rules ajv names for it (a string of the wrong type may also break its enum
    /// in ajv, where the SDK, which cannot read it, reports the type only). Left out: ajv's <c>if</c> (it names
    /// no rule; the errors of the <c>then</c>/<c>else</c> it applied are listed beside it) and errors inside one
    /// <c>oneOf</c>/<c>anyOf</c> alternative, when the <c>oneOf</c>/<c>anyOf</c> error itself is there to match.
    /// </summary>
    public static List<IGrouping<string, AjvError>> Expected(IEnumerable<AjvError> errors)
    {
        List<AjvError> list = errors.ToList();
        bool hasUnionError = list.Any(e => e.Keyword is "oneOf" or "anyOf");
        return list
            .Where((e, i) => e.Keyword != "if" && !(hasUnionError && (e.InsideAlternative || InsideReferencedAlternative(list, i))))
            .GroupBy(e => e.Pointer, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// An error inside an alternative that is a <c>$ref</c>: ajv names it by the referenced schema's own path
    /// (<c>#/components/schemas/ProductLine/required</c>), not by <c>/oneOf/0/</c>. It comes before the oneOf/anyOf
    /// error it led to (ajv adds that error after trying every alternative), at or below that error's value, from
    /// another schema than the one the oneOf/anyOf is in.
    /// </summary>
    private static bool InsideReferencedAlternative(List<AjvError> list, int index)
    {
        AjvError error = list[index];
        for (int i = index + 1; i < list.Count; i++)
        {
            AjvError union = list[i];
            if (union.Keyword is "oneOf" or "anyOf"
                && (error.InstancePath == union.InstancePath || error.InstancePath.StartsWith(union.InstancePath + "/", StringComparison.Ordinal))
                && SchemaRoot(error.SchemaPath) != SchemaRoot(union.SchemaPath))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The component schema a schema path is in (<c>#/components/schemas/A</c>), or <c>#</c> for the schema judged.</summary>
    private static string SchemaRoot(string schemaPath)
    {
        const string components = "#/components/schemas/";
        if (!schemaPath.StartsWith(components, StringComparison.Ordinal))
        {
            return "#";
        }

        int end = schemaPath.IndexOf('/', components.Length);
        return end < 0 ? schemaPath : schemaPath.Substring(0, end);
    }

    /// <summary>Whether <paramref name="message"/> (a <c>Validate()</c> error at the place ajv names) breaks the rule of <paramref name="error"/>.</summary>
    public static bool Breaks(AjvError error, string message)
    {
        // A null where the schema allows none: read as a wrong type ("must not be null") whatever ajv names.
        if (message.StartsWith("must not be null", StringComparison.Ordinal))
        {
            return error.Keyword is "type" or "enum" or "const" or "oneOf" or "anyOf";
        }

        return error.Keyword switch
        {
            "type" => TypeMessage(error.Param("type")).IsMatch(message) || UnionRead().IsMatch(message),
            "required" => message.StartsWith("is required", StringComparison.Ordinal),
            "additionalProperties" => message.StartsWith("is not allowed", StringComparison.Ordinal),
            "unevaluatedProperties" => message.StartsWith("is not allowed: no keyword of the schema evaluates this property (unevaluatedProperties: false)", StringComparison.Ordinal),
            "unevaluatedItems" => Limit(message, "must have at most ", " item", error), // false: no items past items/prefixItems
            "minLength" => Limit(message, "must be at least ", " character", error),
            "maxLength" => Limit(message, "must be at most ", " character", error),
            "minItems" => Limit(message, "must have at least ", " item", error),
            "maxItems" => Limit(message, "must have at most ", " item", error),
            "minProperties" => Limit(message, "must have at least ", " propert", error),
            "maxProperties" => Limit(message, "must have at most ", " propert", error),
            "minimum" => Limit(message, "must be greater than or equal to ", string.Empty, error),
            "exclusiveMinimum" => Limit(message, "must be greater than ", string.Empty, error) && !message.Contains("or equal", StringComparison.Ordinal),
            "maximum" => Limit(message, "must be less than or equal to ", string.Empty, error),
            "exclusiveMaximum" => Limit(message, "must be less than ", string.Empty, error) && !message.Contains("or equal", StringComparison.Ordinal),
            "multipleOf" => Limit(message, "must be a multiple of ", string.Empty, error, "multipleOf"),
            "uniqueItems" => message.StartsWith("must not contain duplicate items", StringComparison.Ordinal),
            "pattern" => message.StartsWith("must match the pattern " + error.Param("pattern"), StringComparison.Ordinal),
            "format" => FormatMessage(error.Param("format")) is { } expected && message.StartsWith(expected, StringComparison.Ordinal),
            "enum" => message.StartsWith("must be one of", StringComparison.Ordinal),
            "const" => message.StartsWith("must be ", StringComparison.Ordinal),
            "oneOf" => message.StartsWith("must match exactly one of the alternatives", StringComparison.Ordinal) || UnionRead().IsMatch(message),
            "anyOf" => message.StartsWith("must match at least one of the alternatives", StringComparison.Ordinal) || UnionRead().IsMatch(message),
            _ => false,
        };
    }

    /// <summary>The read error for a value that is not of the JSON type ajv names (JsonEmitter's mismatch messages).</summary>
    private static Regex TypeMessage(string ajvType)
    {
        // ajv names one type, or a list ("string,null" for a nullable one).
        string type = ajvType.Trim('[', ']', '"').Split(',').Select(t => t.Trim('"')).FirstOrDefault(t => t != "null") ?? "null";
        return type switch
        {
            "string" => StringType(),
            "integer" => IntegerType(),
            "number" => NumberType(),
            "boolean" => BooleanType(),
            "object" => ObjectType(),
            "array" => ArrayType(),
            _ => NeverMatches(),
        };
    }

    /// <summary>The start of the message for a format the SDK checks; null for one it takes as an annotation.</summary>
    private static string? FormatMessage(string format) => format switch
    {
        "date-time" => "must be a date-time string (RFC 3339)",
        "uuid" => "must be a UUID string",
        "byte" => "must be a base64 string",
        "int32" => "must be a 32-bit integer",
        "int64" => "must be an integer",
        "date" => "must be a date (format: date",
        "email" or "uri" or "ipv4" or "ipv6" => "must be " + (format == "email" ? "an email address" : format == "uri" ? "an absolute URI" : format == "ipv4" ? "an IPv4 address" : "an IPv6 address") + " (format: " + format + ")",
        _ => null,
    };

    /// <summary>A message that starts with <paramref name="prefix"/> and a number equal to ajv's limit, then <paramref name="unit"/>.</summary>
    private static bool Limit(string message, string prefix, string unit, AjvError error, string limitParam = "limit")
    {
        if (!message.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        Match number = LeadingNumber().Match(message, prefix.Length);
        return number.Success
            && message.AsSpan(number.Index + number.Length).StartsWith(unit, StringComparison.Ordinal)
            && double.TryParse(number.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double ours)
            && double.TryParse(error.Param(limitParam), NumberStyles.Float, CultureInfo.InvariantCulture, out double theirs)
            && ours == theirs;
    }

    [GeneratedRegex(@"\G-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?")]
    private static partial Regex LeadingNumber();

    [GeneratedRegex(@"^must be an? ((date-time|UUID|base64) )?string\b")]
    private static partial Regex StringType();

    [GeneratedRegex(@"^must be an? (32-bit )?integer\b")]
    private static partial Regex IntegerType();

    [GeneratedRegex(@"^must be an? ((32-bit )?integer|number)\b")]
    private static partial Regex NumberType();

    [GeneratedRegex(@"^must be a boolean\b")]
    private static partial Regex BooleanType();

    [GeneratedRegex(@"^must be an object\b")]
    private static partial Regex ObjectType();

    [GeneratedRegex(@"^must be an array\b")]
    private static partial Regex ArrayType();

    [GeneratedRegex(@"(?!)")]
    private static partial Regex NeverMatches();

    /// <summary>What a union says when no alternative can read the JSON (UnionEmitter): "must be X or Y", or about the discriminator.</summary>
    [GeneratedRegex(@"^must be (.+ or .+|an object with the discriminator property|one of the discriminator values)")]
    private static partial Regex UnionRead();
}
