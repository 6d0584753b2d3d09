using System;
using System.Collections;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using OpenApiSdk.Common;

namespace OpenApiSdk.Runtime;

/// <summary>Checks one item of a list or one value of a map (a static lambda in generated code, so it allocates nothing).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate bool ItemCheck<in T>(ref Validation validation, T item);

/// <summary>
/// One validation pass over a model: the collector (null when only asked whether the model is valid) and
/// whether a rule failed. Every check returns <c>true</c> to go on and <c>false</c> when the caller must stop
/// at once (a rule failed and nobody collects messages), so a generated validator is a chain of checks joined
/// by <c>&amp;&amp;</c>: a valid model allocates nothing, and an invalid one, when only asked, stops at its first
/// failure. Messages and JSON Pointers are built only when a collector is present. A check of an absent (null)
/// value passes: presence is the job of <see cref="Required"/>.
/// </summary>
/// <remarks>
/// In a type-level pass (for <see cref="OpenApiSdk.SchemaRulesAttribute"/>) only the rules no DataAnnotations
/// attribute states are checked: <see cref="RequiredValue"/>, <see cref="Rule"/>, <see cref="Fail"/> and read
/// errors; every other check passes, because a property attribute already checks it.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public ref partial struct Validation
{
    private readonly OpenApiModel _model;
    private readonly bool _typeLevel;

    internal Validation(OpenApiModel model, ValidationCollector? errors, bool typeLevel)
    {
        _model = model;
        Errors = errors;
        _typeLevel = typeLevel;
        Valid = true;
    }

    /// <summary>The collector; null when only asked whether the model is valid.</summary>
    public ValidationCollector? Errors { get; }

    /// <summary>False once a rule failed.</summary>
    public bool Valid { get; private set; }

    /// <summary>Records a failure at the current value (or its member <paramref name="name"/>); false when nobody collects.</summary>
    public bool Fail(string? name, string message)
    {
        Valid = false;
        if (Errors is null)
        {
            return false;
        }

        Errors.Add(name, message);
        return true;
    }

    /// <summary>A property rule given as a condition (the fallback for rules without their own check).</summary>
    public bool That(string? name, bool holds, string message) => holds || _typeLevel || Fail(name, message);

    /// <summary>An if/then/else rule or a property count: checked in every pass.</summary>
    public bool Rule(string? name, bool holds, string message) => holds || Fail(name, message);

    /// <summary>
    /// <c>oneOf</c> as a rule on a value that keeps its own type: exactly one alternative holds. <paramref name="matched"/>
    /// counts the alternatives that hold; <paramref name="undecided"/> those that may hold (not every keyword of theirs is
    /// checked), which satisfy the rule when none is matched but never break it. Checked in every pass.
    /// </summary>
    public bool OneOf(string? name, int matched, int undecided, int alternatives) =>
        matched == 1 || (matched == 0 && undecided > 0)
        || Fail(name, Errors is null ? string.Empty : "must match exactly one of the alternatives (oneOf), but matches " + (matched == 0 ? "none of the " + Text(alternatives) : Text(matched) + " of the " + Text(alternatives)));

    /// <summary><c>anyOf</c> as a rule on a value that keeps its own type: at least one of the alternatives holds. Checked in every pass.</summary>
    public bool AnyOf(string? name, int matched, int alternatives) =>
        matched > 0 || Fail(name, Errors is null ? string.Empty : "must match at least one of the alternatives (anyOf), but matches none of the " + Text(alternatives));

    /// <summary>Steps into a member (only when collecting).</summary>
    public void Enter(string name) => Errors?.Enter(name);

    /// <summary>Steps back out (only when collecting).</summary>
    public void Exit() => Errors?.Exit();

    /// <summary>Problems met while reading JSON (a wrong type, a null where none is allowed).</summary>
    internal bool ReadErrors()
    {
        if (_model.ReadErrorList is not { } errors)
        {
            return true;
        }

        Valid = false;
        if (Errors is null)
        {
            return false;
        }

        Errors.AddRelative(errors);
        return true;
    }

    // ---- presence ----

    /// <summary><c>required</c>: the member is present, unless reading it already failed (that error says more).</summary>
    public bool Required(string name, bool present) => present || _typeLevel || _model.HasReadError(name) || Fail(name, "is required");

    /// <summary><c>required</c> on a value-typed member, which DataAnnotations' <c>[Required]</c> cannot check: also checked in a type-level pass.</summary>
    public bool RequiredValue(string name, bool present) => present || _model.HasReadError(name) || Fail(name, "is required");

    /// <summary><c>additionalProperties: false</c>: every member the schema does not declare is reported.</summary>
    public bool NoAdditionalProperties(Dictionary<string, JsonElement>? additional)
    {
        if (_typeLevel || additional is null || additional.Count == 0)
        {
            return true;
        }

        Valid = false;
        if (Errors is null)
        {
            return false;
        }

        foreach (string name in additional.Keys)
        {
            Errors.Add(name, "is not allowed: the schema declares no such property (additionalProperties: false)");
        }

        return true;
    }

    /// <summary>
    /// <c>unevaluatedProperties: false</c>: every member kept in <paramref name="additional"/> that nothing else in the
    /// schema evaluates (<paramref name="evaluated"/>: a pattern, an if/then/else branch that applied) is reported.
    /// </summary>
    public bool NoUnevaluatedProperties<TModel>(Dictionary<string, JsonElement>? additional, TModel model, Func<TModel, string, bool>? evaluated)
    {
        if (_typeLevel || additional is null || additional.Count == 0)
        {
            return true;
        }

        foreach (string name in additional.Keys)
        {
            if ((evaluated is null || !evaluated(model, name)) && !Fail(name, "is not allowed: no keyword of the schema evaluates this property (unevaluatedProperties: false)"))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>unevaluatedProperties</c> with a schema: <paramref name="check"/> on each unevaluated member, under its name.</summary>
    public bool UnevaluatedProperties<TModel>(Dictionary<string, JsonElement>? additional, TModel model, Func<TModel, string, bool>? evaluated, ItemCheck<JsonElement> check)
    {
        if (_typeLevel || additional is null || additional.Count == 0)
        {
            return true;
        }

        foreach (KeyValuePair<string, JsonElement> member in additional)
        {
            if (evaluated is not null && evaluated(model, member.Key))
            {
                continue;
            }

            Errors?.Enter(member.Key);
            bool go = check(ref this, member.Value);
            Errors?.Exit();
            if (!go)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The JSON type of a value kept as JSON: "string", "integer", "number", "boolean", "object" or "array" (JSON Schema's names).</summary>
    public bool JsonType(string? name, JsonElement value, string type, bool allowsNull)
    {
        if (_typeLevel)
        {
            return true;
        }

        if (value.ValueKind == JsonValueKind.Null)
        {
            return allowsNull || Fail(name, "must not be null");
        }

        bool holds = type switch
        {
            "string" => value.ValueKind == JsonValueKind.String,
            "integer" => value.ValueKind == JsonValueKind.Number && OpenApiRuntime.IsInteger(value),
            "number" => value.ValueKind == JsonValueKind.Number,
            "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            "object" => value.ValueKind == JsonValueKind.Object,
            _ => value.ValueKind == JsonValueKind.Array,
        };
        return holds || Fail(name, type switch
        {
            "string" => "must be a string",
            "integer" => "must be an integer",
            "number" => "must be a number",
            "boolean" => "must be a boolean",
            "object" => "must be an object",
            _ => "must be an array",
        });
    }

    // ---- numbers ----

    /// <summary><c>minimum</c>.</summary>
    public bool Minimum(string? name, long? value, long minimum) =>
        _typeLevel || value is not { } x || x >= minimum || Fail(name, Errors is null ? string.Empty : "must be greater than or equal to " + Text(minimum));

    /// <summary><c>minimum</c>.</summary>
    public bool Minimum(string? name, double? value, double minimum) =>
        _typeLevel || value is not { } x || x >= minimum || Fail(name, Errors is null ? string.Empty : "must be greater than or equal to " + Text(minimum));

    /// <summary><c>minimum</c>.</summary>
    public bool Minimum(string? name, decimal? value, decimal minimum) =>
        _typeLevel || value is not { } x || x >= minimum || Fail(name, Errors is null ? string.Empty : "must be greater than or equal to " + Text(minimum));

    /// <summary><c>exclusiveMinimum</c>.</summary>
    public bool ExclusiveMinimum(string? name, long? value, long minimum) =>
        _typeLevel || value is not { } x || x > minimum || Fail(name, Errors is null ? string.Empty : "must be greater than " + Text(minimum));

    /// <summary><c>exclusiveMinimum</c>.</summary>
    public bool ExclusiveMinimum(string? name, double? value, double minimum) =>
        _typeLevel || value is not { } x || x > minimum || Fail(name, Errors is null ? string.Empty : "must be greater than " + Text(minimum));

    /// <summary><c>exclusiveMinimum</c>.</summary>
    public bool ExclusiveMinimum(string? name, decimal? value, decimal minimum) =>
        _typeLevel || value is not { } x || x > minimum || Fail(name, Errors is null ? string.Empty : "must be greater than " + Text(minimum));

    /// <summary><c>maximum</c>.</summary>
    public bool Maximum(string? name, long? value, long maximum) =>
        _typeLevel || value is not { } x || x <= maximum || Fail(name, Errors is null ? string.Empty : "must be less than or equal to " + Text(maximum));

    /// <summary><c>maximum</c>.</summary>
    public bool Maximum(string? name, double? value, double maximum) =>
        _typeLevel || value is not { } x || x <= maximum || Fail(name, Errors is null ? string.Empty : "must be less than or equal to " + Text(maximum));

    /// <summary><c>maximum</c>.</summary>
    public bool Maximum(string? name, decimal? value, decimal maximum) =>
        _typeLevel || value is not { } x || x <= maximum || Fail(name, Errors is null ? string.Empty : "must be less than or equal to " + Text(maximum));

    /// <summary><c>exclusiveMaximum</c>.</summary>
    public bool ExclusiveMaximum(string? name, long? value, long maximum) =>
        _typeLevel || value is not { } x || x < maximum || Fail(name, Errors is null ? string.Empty : "must be less than " + Text(maximum));

    /// <summary><c>exclusiveMaximum</c>.</summary>
    public bool ExclusiveMaximum(string? name, double? value, double maximum) =>
        _typeLevel || value is not { } x || x < maximum || Fail(name, Errors is null ? string.Empty : "must be less than " + Text(maximum));

    /// <summary><c>exclusiveMaximum</c>.</summary>
    public bool ExclusiveMaximum(string? name, decimal? value, decimal maximum) =>
        _typeLevel || value is not { } x || x < maximum || Fail(name, Errors is null ? string.Empty : "must be less than " + Text(maximum));

    /// <summary><c>multipleOf</c> with an integer divisor, exactly.</summary>
    public bool MultipleOf(string? name, long? value, long divisor) =>
        _typeLevel || value is not { } x || x % divisor == 0 || Fail(name, Errors is null ? string.Empty : "must be a multiple of " + Text(divisor));

    /// <summary><c>multipleOf</c> on floating-point values, with a relative tolerance for binary rounding.</summary>
    public bool MultipleOf(string? name, double? value, double divisor) =>
        _typeLevel || value is not { } x || OpenApiRuntime.IsMultipleOf(x, divisor) || Fail(name, Errors is null ? string.Empty : "must be a multiple of " + Text(divisor));

    /// <summary><c>multipleOf</c> on decimals, exactly.</summary>
    public bool MultipleOf(string? name, decimal? value, decimal divisor) =>
        _typeLevel || value is not { } x || x % divisor == 0m || Fail(name, Errors is null ? string.Empty : "must be a multiple of " + Text(divisor));

    // ---- strings ----

    /// <summary><c>minLength</c>, in Unicode code points.</summary>
    public bool MinLength(string? name, string? value, int minimum) =>
        _typeLevel || value is null || OpenApiRuntime.Length(value) >= minimum || Fail(name, Errors is null ? string.Empty : "must be at least " + Text(minimum) + " characters long");

    /// <summary><c>maxLength</c>, in Unicode code points.</summary>
    public bool MaxLength(string? name, string? value, int maximum) =>
        _typeLevel || value is null || OpenApiRuntime.Length(value) <= maximum || Fail(name, Errors is null ? string.Empty : "must be at most " + Text(maximum) + " characters long");

    /// <summary><c>pattern</c>: the value contains a match.</summary>
    public bool Pattern(string? name, string? value, SchemaPattern pattern) =>
        _typeLevel || value is null || pattern.IsMatch(value) || Fail(name, Errors is null ? string.Empty : "must match the pattern " + pattern.Source);

    // The string formats (the table is Common.StringFormats; the checks are FormatChecks).

    /// <summary><c>format: date</c>.</summary>
    public bool Date(string? name, string? value) =>
        _typeLevel || value is null || FormatChecks.IsDate(value) || Fail(name, StringFormats.Date.Message);

    /// <summary><c>format: date-time</c>.</summary>
    public bool DateTime(string? name, string? value) =>
        _typeLevel || value is null || FormatChecks.IsDateTime(value) || Fail(name, StringFormats.DateTime.Message);

    /// <summary><c>format: time</c>.</summary>
    public bool Time(string? name, string? value) =>
        _typeLevel || value is null || FormatChecks.IsTime(value) || Fail(name, StringFormats.Time.Message);

    /// <summary><c>format: duration</c>.</summary>
    public bool Duration(string? name, string? value) =>
        _typeLevel || value is null || FormatChecks.IsDuration(value) || Fail(name, StringFormats.Duration.Message);

    /// <summary><c>format: email</c>.</summary>
    public bool Email(string? name, string? value) =>
        _typeLevel || value is null || FormatChecks.IsEmail(value) || Fail(name, StringFormats.Email.Message);

    /// <summary><c>format: idn-email</c>.</summary>
    public bool IdnEmail(string? name, string? value) =>
        _typeLevel || value is null || FormatChecks.IsIdnEmail(value) || Fail(name, StringFormats.IdnEmail.Message);

    /// <summary><c>format: hostname</c>.</summary>
    public bool Hostname(string? name, string? value) =>
        _typeLevel || value is null || FormatChecks.IsHostname(value) || Fail(name, StringFormats.Hostname.Message);

    /// <summary><c>format: idn-hostname</c>.</summary>
    public bool IdnHostname(string? name, string? value) =>
        _typeLevel || value is null || FormatChecks.IsIdnHostname(value) || Fail(name, StringFormats.IdnHostname.Message);

    /// <summary><c>format: ipv4</c>.</summary>
    public bool IPv4(string? name, string? value) =>
        _typeLevel || value is null || FormatChecks.IsIPv4(value) || Fail(name, StringFormats.IPv4.Message);

    /// <summary><c>format: ipv6</c>.</summary>
    public bool IPv6(string? name, string? value) =>
        _typeLevel || value is null || FormatChecks.IsIPv6(value) || Fail(name, StringFormats.IPv6.Message);

    /// <summary><c>format: uri</c>.</summary>
    public bool Uri(string? name, string? value) =>
        _typeLevel || value is null || FormatChecks.IsUri(value) || Fail(name, StringFormats.Uri.Message);

    /// <summary><c>format: uri-reference</c>.</summary>
    public bool UriReference(string? name, string? value) =>
        _typeLevel || value is null || FormatChecks.IsUriReference(value) || Fail(name, StringFormats.UriReference.Message);

    /// <summary><c>format: iri</c>.</summary>
    public bool Iri(string? name, string? value) =>
        _typeLevel || value is null || FormatChecks.IsIri(value) || Fail(name, StringFormats.Iri.Message);

    /// <summary><c>format: iri-reference</c>.</summary>
    public bool IriReference(string? name, string? value) =>
        _typeLevel || value is null || FormatChecks.IsIriReference(value) || Fail(name, StringFormats.IriReference.Message);

    /// <summary><c>format: uuid</c>.</summary>
    public bool Uuid(string? name, string? value) =>
        _typeLevel || value is null || FormatChecks.IsUuid(value) || Fail(name, StringFormats.Uuid.Message);

    /// <summary><c>format: uri-template</c>.</summary>
    public bool UriTemplate(string? name, string? value) =>
        _typeLevel || value is null || FormatChecks.IsUriTemplate(value) || Fail(name, StringFormats.UriTemplate.Message);

    /// <summary><c>format: json-pointer</c>.</summary>
    public bool JsonPointer(string? name, string? value) =>
        _typeLevel || value is null || FormatChecks.IsJsonPointer(value) || Fail(name, StringFormats.JsonPointer.Message);

    /// <summary><c>format: relative-json-pointer</c>.</summary>
    public bool RelativeJsonPointer(string? name, string? value) =>
        _typeLevel || value is null || FormatChecks.IsRelativeJsonPointer(value) || Fail(name, StringFormats.RelativeJsonPointer.Message);

    /// <summary><c>format: regex</c>.</summary>
    public bool Regex(string? name, string? value) =>
        _typeLevel || value is null || FormatChecks.IsRegex(value) || Fail(name, StringFormats.Regex.Message);

    // ---- lists and maps ----

    /// <summary><c>minItems</c>.</summary>
    public bool MinItems(string? name, ICollection? items, int minimum) =>
        _typeLevel || items is null || items.Count >= minimum || Fail(name, Errors is null ? string.Empty : "must have at least " + Count(minimum, " item", " items"));

    /// <summary><c>maxItems</c>.</summary>
    public bool MaxItems(string? name, ICollection? items, int maximum) =>
        _typeLevel || items is null || items.Count <= maximum || Fail(name, Errors is null ? string.Empty : "must have at most " + Count(maximum, " item", " items"));

    /// <summary><c>minProperties</c> of a map.</summary>
    public bool MinProperties(string? name, ICollection? map, int minimum) =>
        _typeLevel || map is null || map.Count >= minimum || Fail(name, Errors is null ? string.Empty : "must have at least " + Count(minimum, " property", " properties"));

    /// <summary><c>maxProperties</c> of a map.</summary>
    public bool MaxProperties(string? name, ICollection? map, int maximum) =>
        _typeLevel || map is null || map.Count <= maximum || Fail(name, Errors is null ? string.Empty : "must have at most " + Count(maximum, " property", " properties"));

    /// <summary><c>uniqueItems</c>.</summary>
    public bool UniqueItems<T>(string? name, List<T>? items) =>
        _typeLevel || items is null || OpenApiRuntime.AllUnique(items) || Fail(name, "must not contain duplicate items");

    /// <summary>
    /// An inheritance hierarchy's discriminator: a present value names this very type (one of <paramref name="tags"/>).
    /// A value that names no subtype was read as the base (OpenAPI: validation should then fail); checked in every pass.
    /// </summary>
    public bool Discriminator(string name, string? value, string[] tags) =>
        value is null || Array.IndexOf(tags, value) >= 0 || Fail(name, Errors is null ? string.Empty : DiscriminatorMessage(value, tags));

    /// <summary>
    /// The discriminator of the default type of a hierarchy (OpenAPI 3.2's <c>defaultMapping</c>): absent, or any value
    /// that names no other type (<paramref name="others"/>), since then this is the type the value reads as.
    /// </summary>
    public bool DefaultDiscriminator(string name, string? value, string[] others) =>
        value is null || Array.IndexOf(others, value) < 0
        || Fail(name, Errors is null ? string.Empty : "is \"" + value + "\", which names another schema than " + _model.GetType().Name + ", the discriminator's default");

    private string DiscriminatorMessage(string value, string[] tags) =>
        "is \"" + value + "\", which does not name the schema " + _model.GetType().Name + ": the discriminator must be "
        + string.Join(" or ", Array.ConvertAll(tags, t => "\"" + t + "\""));

    // ---- nested values ----

    /// <summary>A nested model or union: its own rules, under its pointer.</summary>
    public bool Model(string? name, IOpenApiModel? value)
    {
        if (_typeLevel || value is null)
        {
            return true;
        }

        EnterMember(name);
        bool valid = value.ValidateCore(Errors);
        ExitMember(name);
        return valid || Failed();
    }

    /// <summary>A generated enum: the value is one the spec lists.</summary>
    public bool Known<T>(string? name, T? value)
        where T : struct, IOpenApiEnumValue =>
        _typeLevel || value is not { } x || x.IsKnown || Fail(name, "must be one of the values the spec lists");

    /// <summary>Every item: <paramref name="check"/> on each, under its index.</summary>
    public bool Items<T>(string? name, List<T>? items, ItemCheck<T> check)
    {
        if (_typeLevel || items is null)
        {
            return true;
        }

        EnterMember(name);
        for (int i = 0; i < items.Count; i++)
        {
            Errors?.Enter(i);
            bool go = check(ref this, items[i]);
            Errors?.Exit();
            if (!go)
            {
                return false;
            }
        }

        ExitMember(name);
        return true;
    }

    /// <summary>Every value of a map: <paramref name="check"/> on each, under its key.</summary>
    public bool Items<T>(string? name, Dictionary<string, T>? map, ItemCheck<T> check)
    {
        if (_typeLevel || map is null)
        {
            return true;
        }

        EnterMember(name);
        foreach (KeyValuePair<string, T> entry in map)
        {
            Errors?.Enter(entry.Key);
            bool go = check(ref this, entry.Value);
            Errors?.Exit();
            if (!go)
            {
                return false;
            }
        }

        ExitMember(name);
        return true;
    }

    /// <summary>A list of models: each one's rules; a null item is an error unless <paramref name="nullable"/>.</summary>
    public bool Models<T>(string? name, List<T>? items, bool nullable = false)
        where T : IOpenApiModel? =>
        Items(name, items, nullable ? NullableModelCheck<T>.Instance : ModelCheck<T>.Instance);

    /// <summary>A map of models: each one's rules; a null value is an error unless <paramref name="nullable"/>.</summary>
    public bool Models<T>(string? name, Dictionary<string, T>? map, bool nullable = false)
        where T : IOpenApiModel? =>
        Items(name, map, nullable ? NullableModelCheck<T>.Instance : ModelCheck<T>.Instance);

    /// <summary>A list of generated enums: each one is a value the spec lists.</summary>
    public bool Known<T>(string? name, List<T>? items)
        where T : struct, IOpenApiEnumValue =>
        Items(name, items, KnownCheck<T>.Instance);

    /// <summary>A list of generated enums that may hold null: each value is one the spec lists.</summary>
    public bool Known<T>(string? name, List<T?>? items)
        where T : struct, IOpenApiEnumValue =>
        Items(name, items, KnownCheck<T>.Nullable);

    /// <summary>A map of generated enums: each value is one the spec lists.</summary>
    public bool Known<T>(string? name, Dictionary<string, T>? map)
        where T : struct, IOpenApiEnumValue =>
        Items(name, map, KnownCheck<T>.Instance);

    /// <summary>A list whose items must not be null.</summary>
    public bool NoNullItems<T>(string? name, List<T>? items)
        where T : class? =>
        Items(name, items, NotNullCheck<T>.Instance);

    /// <summary>A map whose values must not be null.</summary>
    public bool NoNullItems<T>(string? name, Dictionary<string, T>? map)
        where T : class? =>
        Items(name, map, NotNullCheck<T>.Instance);

    /// <summary>One value that must not be null (an item, in an <see cref="ItemCheck{T}"/>).</summary>
    public bool NotNull(string? name, object? value) => _typeLevel || value is not null || Fail(name, "must not be null");

    private void EnterMember(string? name)
    {
        if (name is not null)
        {
            Errors?.Enter(name);
        }
    }

    private void ExitMember(string? name)
    {
        if (name is not null)
        {
            Errors?.Exit();
        }
    }

    // A nested model reported its own errors: only the outcome is recorded here.
    private bool Failed()
    {
        Valid = false;
        return Errors is not null;
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Count(int count, string one, string many) => Text(count) + (count == 1 ? one : many);

    private static class ModelCheck<T>
        where T : IOpenApiModel?
    {
        public static readonly ItemCheck<T> Instance = static (ref Validation v, T item) => v.NotNull(null, item) && v.Model(null, item);
    }

    private static class NullableModelCheck<T>
        where T : IOpenApiModel?
    {
        public static readonly ItemCheck<T> Instance = static (ref Validation v, T item) => v.Model(null, item);
    }

    private static class KnownCheck<T>
        where T : struct, IOpenApiEnumValue
    {
        public static readonly ItemCheck<T> Instance = static (ref Validation v, T item) => v.Known<T>(null, item);

        public static readonly ItemCheck<T?> Nullable = static (ref Validation v, T? item) => v.Known(null, item);
    }

    private static class NotNullCheck<T>
        where T : class?
    {
        public static readonly ItemCheck<T> Instance = static (ref Validation v, T item) => v.NotNull(null, item);
    }
}
