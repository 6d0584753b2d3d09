using System.Linq;
using System.Text.Json.Nodes;
using DefaultMapping.Sdk;
using Xunit;

namespace OpenApiSdk.IntegrationTests;

/// <summary>
/// OpenAPI 3.2's <c>discriminator.defaultMapping</c> (Specs/default-mapping.yaml): "the schema ... expected to validate the
/// structure of the model when the discriminating property is not present in the payload or contains a value for which
/// there is no explicit or implicit mapping". On an allOf hierarchy (Pet, default OtherPet) and a oneOf union (Shape,
/// default OtherShape): reading chooses the default type, writing keeps what was read, Validate() checks its schema.
/// </summary>
public class DefaultMappingTests
{
    private static void AssertSameJson(string expected, string written) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(written)), written);

    private static string[] Pointers(System.Collections.Generic.IEnumerable<ValidationError> errors) => errors.Select(e => e.Pointer).ToArray();

    [Theory]
    [InlineData("{\"name\":\"Rex\"}")] // no discriminator
    [InlineData("{\"petType\":\"hamster\",\"name\":\"Hammy\"}")] // a value mapped to nothing
    public void A_pet_without_a_mapped_discriminator_reads_as_the_default_type_is_valid_and_writes_back_unchanged(string json)
    {
        Pet pet = Pet.FromJson(json);

        Assert.IsType<OtherPet>(pet);
        Assert.Empty(pet.Validate());
        AssertSameJson(json, pet.ToJson());
    }

    [Theory]
    [InlineData("cat", typeof(Cat))] // mapping
    [InlineData("Dog", typeof(Dog))] // implicit: the component name
    [InlineData("OtherPet", typeof(OtherPet))]
    public void A_mapped_value_still_chooses_its_type(string tag, System.Type expected)
    {
        Pet pet = Pet.FromJson("{\"petType\":\"" + tag + "\",\"name\":\"Tom\"}");

        Assert.Equal(expected, pet.GetType());
        Assert.Empty(pet.Validate());
    }

    [Fact]
    public void The_default_type_is_checked_against_its_own_schema()
    {
        Pet pet = Pet.FromJson("{\"name\":\"\",\"note\":\"longer than ten\"}");

        Assert.IsType<OtherPet>(pet);
        Assert.Equal(new[] { "/name", "/note" }, Pointers(pet.Validate()).OrderBy(p => p, System.StringComparer.Ordinal));
    }

    [Fact]
    public void A_default_type_instance_whose_value_names_another_type_is_reported()
    {
        var pet = new OtherPet { Name = "Tom", PetType = "cat" }; // would read back as a Cat

        Assert.Equal(new[] { "/petType" }, Pointers(pet.Validate()));
    }

    [Fact]
    public void Another_type_still_needs_its_value_since_without_it_it_would_read_back_as_the_default()
    {
        var cat = new Cat { Name = "Tom", PetType = null };

        Assert.Equal(new[] { "/petType" }, Pointers(cat.Validate()));
        Assert.IsType<OtherPet>(Pet.FromJson(cat.ToJson()));
        Assert.Empty(new Cat { Name = "Tom" }.Validate()); // the constructor names it
    }

    [Theory]
    [InlineData("{\"area\":2}")]
    [InlineData("{\"kind\":\"triangle\",\"area\":1}")]
    public void A_shape_without_a_mapped_discriminator_holds_the_default_alternative(string json)
    {
        Shape shape = Shape.FromJson(json);

        Assert.True(shape.IsOtherShape);
        Assert.Empty(shape.Validate());
        AssertSameJson(json, shape.ToJson());
    }

    [Fact]
    public void A_mapped_shape_holds_its_alternative_and_the_default_one_is_validated()
    {
        Assert.True(Shape.FromJson("{\"kind\":\"circle\",\"radius\":1}").IsCircle);
        Assert.True(Shape.FromJson("{\"kind\":\"square\",\"side\":1}").IsSquare);

        Shape negative = Shape.FromJson("{\"area\":-1}");
        Assert.True(negative.IsOtherShape);
        Assert.Equal(new[] { "/area" }, Pointers(negative.Validate()));
    }

    [Fact]
    public void A_value_that_is_not_an_object_still_fits_no_alternative()
    {
        Shape shape = Shape.FromJson("5");

        Assert.False(shape.IsOtherShape);
        Assert.NotEmpty(shape.Validate());
    }
}
