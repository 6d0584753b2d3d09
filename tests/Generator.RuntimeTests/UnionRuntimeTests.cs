using System.Linq;
using OpenApiSdk.Runtime;
using Xunit;

namespace OpenApiSdk.RuntimeTests;

/// <summary>oneOf: a string (at most 3 characters) or a Volume, no discriminator; written as the generator writes a union.</summary>
public sealed class StringOrVolume : OpenApiUnion<StringOrVolume>, IUnionRules
{
    internal static readonly UnionShape<StringOrVolume> Shape = new(() => new StringOrVolume(), null, exactlyOne: true,
        UnionAlternative.Of("String", Json.String),
        UnionAlternative.Of("Volume", Json.Model<Volume>()));

    private StringOrVolume()
        : base(Shape)
    {
    }

    public string? AsString => __Holds(1) ? (string)Value! : null;

    public Volume? AsVolume => __Holds(2) ? (Volume)Value! : null;

    public static StringOrVolume FromString(string value) => __Hold(new StringOrVolume(), 1, value);

    public static StringOrVolume FromJson(string json) => Shape.FromJson(json);

    bool IUnionRules.Validate(ref Validation v, int variant, object value) => variant switch
    {
        1 => v.MaxLength(null, (string)value, 3),
        _ => true,
    };
}

/// <summary>oneOf: an integer or a number, which JSON 5 fits both of.</summary>
public sealed class IntegerOrNumber : OpenApiUnion<IntegerOrNumber>
{
    internal static readonly UnionShape<IntegerOrNumber> Shape = new(() => new IntegerOrNumber(), null, exactlyOne: true,
        UnionAlternative.Of("Int64", Json.Int64),
        UnionAlternative.Of("Double", Json.Double));

    private IntegerOrNumber()
        : base(Shape)
    {
    }

    public static IntegerOrNumber FromJson(string json) => Shape.FromJson(json);
}

/// <summary>A union chosen by "kind": "volume" (a Volume), or "label" (a union that holds another union).</summary>
public sealed class Tagged : OpenApiUnion<Tagged>
{
    internal static readonly UnionShape<Tagged> Shape = new(() => new Tagged(), "kind", exactlyOne: true,
        UnionAlternative.Of("Volume", Json.Model<Volume>(), "volume", "disk"),
        UnionAlternative.Of("Label", () => StringOrVolume.Shape.Item, "label"));

    private Tagged()
        : base(Shape)
    {
    }

    public static Tagged FromJson(string json) => Shape.FromJson(json);
}

public class UnionRuntimeTests
{
    [Fact]
    public void The_first_alternative_the_json_fits_is_held()
    {
        Assert.Equal("abc", StringOrVolume.FromJson("\"abc\"").AsString);
        StringOrVolume volume = StringOrVolume.FromJson("""{"io_type":"SSD","capacity_in_gb":50}""");
        Assert.Equal(50, volume.AsVolume!.CapacityInGb);
        Assert.True(volume.IsValid());
        Assert.Equal("""{"io_type":"SSD","capacity_in_gb":50}""", volume.ToJson());
    }

    [Fact]
    public void An_alternative_that_fits_but_breaks_its_rules_is_held_and_reported()
    {
        StringOrVolume value = StringOrVolume.FromJson("\"abcd\"");
        Assert.Equal("abcd", value.AsString);
        Assert.Equal(new[] { "/: must be at most 3 characters long" }, value.Validate().Select(e => e.ToString()));
    }

    [Fact]
    public void Json_that_fits_no_alternative_is_kept_and_reported()
    {
        StringOrVolume value = StringOrVolume.FromJson("[1]");
        Assert.Null(value.Value);
        Assert.Equal("[1]", value.ToJson());
        Assert.Equal(new[] { "/: must be a string or an object" }, value.Validate().Select(e => e.ToString()));
    }

    [Fact]
    public void OneOf_rejects_json_valid_against_two_alternatives()
    {
        Assert.Equal(
            new[] { "/: must match exactly one of the alternatives (oneOf), but the JSON that was read matches several" },
            IntegerOrNumber.FromJson("5").Validate().Select(e => e.ToString()));
        Assert.True(IntegerOrNumber.FromJson("5.5").IsValid());
    }

    [Fact]
    public void The_discriminator_chooses_and_unknown_or_missing_tags_are_reported()
    {
        Tagged disk = Tagged.FromJson("""{"kind":"disk","io_type":"SSD","capacity_in_gb":50}""");
        Assert.IsType<Volume>(disk.Value);
        Assert.Empty(disk.Validate()); // "kind" is no Volume property: kept, not an error
        Assert.IsType<StringOrVolume>(Tagged.FromJson("""{"kind":"label","io_type":"SSD","capacity_in_gb":50}""").Value);
        Assert.Equal(
            new[] { "/kind: must be one of the discriminator values: volume, disk, label" },
            Tagged.FromJson("""{"kind":"cat"}""").Validate().Select(e => e.ToString()));
        Assert.Equal(
            new[] { "/: must be an object with the discriminator property \"kind\" (a string)" },
            Tagged.FromJson("""{"io_type":"SSD"}""").Validate().Select(e => e.ToString()));
    }

    [Fact]
    public void Equal_when_holding_the_same_alternative_with_equal_values()
    {
        Assert.Equal(StringOrVolume.FromString("ab"), StringOrVolume.FromJson("\"ab\""));
        Assert.NotEqual(StringOrVolume.FromString("ab"), StringOrVolume.FromString("abc"));
        Assert.Equal("StringOrVolume { String = ab }", StringOrVolume.FromString("ab").ToString());
    }
}
