using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Inheritance.Sdk;
using Xunit;

namespace OpenApiSdk.IntegrationTests;

/// <summary>
/// A discriminator on an allOf base (OpenAPI 3.0.3 "Discriminator Object", Specs/inheritance.yaml): Cat, Dog and
/// Lizard derive from Pet, Lion from Cat; petType's value chooses the runtime type wherever a Pet is read, each
/// subtype is checked against its own schema, and writing keeps the value that names it.
/// </summary>
public class InheritanceTests
{
    private static readonly JsonSerializerOptions SmallBuffers = new() { DefaultBufferSize = 16 };

    private static void AssertSameJson(string expected, string written) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(written)), written);

    private static string Errors(System.Collections.Generic.IEnumerable<ValidationError> errors) => string.Join(" | ", errors);

    [Theory]
    [InlineData("cat", typeof(Cat))]
    [InlineData("kitty", typeof(Cat))] // a second mapping key, given as a bare schema name
    [InlineData("dog", typeof(Dog))]
    [InlineData("lion", typeof(Lion))] // two levels down: Lion : Cat : Pet
    [InlineData("Lizard", typeof(Lizard))] // no mapping key points at Lizard: its component name
    [InlineData("Pet", typeof(Pet))] // the base's own name names the base
    public void The_discriminator_value_chooses_the_runtime_type(string tag, System.Type expected)
    {
        string json = "{\"petType\":\"" + tag + "\",\"name\":\"Tom\"" + (tag == "dog" ? ",\"bark\":\"soft\"" : tag == "lion" ? ",\"lives\":1" : string.Empty) + "}";
        Pet pet = Pet.FromJson(json);

        Assert.Equal(expected, pet.GetType());
        Assert.Equal(tag, pet.PetType);
        Assert.Empty(pet.Validate());
        Assert.Null(pet.AdditionalProperties);
    }

    [Fact]
    public void Subtype_members_are_read_into_typed_properties()
    {
        Pet pet = Pet.FromJson("{\"petType\":\"lion\",\"name\":\"Leo\",\"lives\":7,\"mane\":true}");

        Lion lion = Assert.IsType<Lion>(pet);
        Assert.Equal("Leo", lion.Name);
        Assert.Equal(7, lion.Lives);
        Assert.True(lion.Mane);
        Assert.Null(lion.AdditionalProperties);
    }

    [Fact]
    public void The_discriminator_is_found_wherever_it_sits_in_the_object()
    {
        Pet pet = Pet.FromJson("{\"name\":\"Rex\",\"extra\":{\"petType\":\"cat\",\"list\":[1,{\"a\":2}]},\"bark\":\"loud\",\"petType\":\"dog\"}");

        Dog dog = Assert.IsType<Dog>(pet);
        Assert.Equal(DogBark.Loud, dog.Bark);
        Assert.Equal("Rex", dog.Name);
        Assert.Equal("{\"petType\":\"cat\",\"list\":[1,{\"a\":2}]}", dog.AdditionalProperties!["extra"].GetRawText());
    }

    [Fact]
    public void A_subtype_reads_as_itself()
    {
        Cat cat = Cat.FromJson("{\"petType\":\"kitty\",\"name\":\"Tom\",\"lives\":3}");
        Assert.Equal(typeof(Cat), cat.GetType());
        Assert.Equal(3, cat.Lives);

        // Cat.FromJson returns a Cat or one of its own subtypes, never a sibling.
        Assert.IsType<Lion>(Cat.FromJson("{\"petType\":\"lion\",\"name\":\"Leo\"}"));
        Assert.Equal(typeof(Cat), Cat.FromJson("{\"petType\":\"dog\",\"name\":\"Rex\"}").GetType());
    }

    [Fact]
    public void A_value_that_names_no_subtype_reads_as_the_base_keeps_everything_and_is_reported()
    {
        string json = "{\"petType\":\"hamster\",\"name\":\"Hammy\",\"wheel\":true}";
        Pet pet = Pet.FromJson(json);

        Assert.Equal(typeof(Pet), pet.GetType());
        Assert.Equal("hamster", pet.PetType);
        Assert.True(pet.AdditionalProperties!["wheel"].GetBoolean());
        ValidationError error = Assert.Single(pet.Validate());
        Assert.Equal("/petType", error.Pointer);
        Assert.Contains("\"hamster\"", error.Message, System.StringComparison.Ordinal);
        Assert.False(pet.IsValid());
        AssertSameJson(json, pet.ToJson());
    }

    [Fact]
    public void A_missing_discriminator_reads_as_the_base_without_inventing_a_value()
    {
        Pet pet = Pet.FromJson("{\"name\":\"Nobody\"}");

        Assert.Equal(typeof(Pet), pet.GetType());
        Assert.Null(pet.PetType);
        ValidationError error = Assert.Single(pet.Validate());
        Assert.Equal("/petType", error.Pointer);
        Assert.Equal("{\"name\":\"Nobody\"}", pet.ToJson());
    }

    [Fact]
    public void A_subtype_read_with_a_sibling_s_value_is_reported()
    {
        Cat cat = Cat.FromJson("{\"petType\":\"dog\",\"name\":\"Rex\"}");
        ValidationError error = Assert.Single(cat.Validate());
        Assert.Equal("/petType", error.Pointer);
    }

    [Fact]
    public void A_subtype_is_checked_against_its_own_rules_and_the_base_s()
    {
        Pet pet = Pet.FromJson("{\"petType\":\"cat\",\"name\":\"\",\"lives\":10}");

        Assert.IsType<Cat>(pet);
        var errors = pet.Validate();
        Assert.Equal(new[] { "/lives", "/name" }, errors.Select(e => e.Pointer).OrderBy(p => p, System.StringComparer.Ordinal));

        // Dog's schema requires bark; Pet's does not.
        ValidationError missing = Assert.Single(Pet.FromJson("{\"petType\":\"dog\",\"name\":\"Rex\"}").Validate());
        Assert.Equal("/bark", missing.Pointer);
        Assert.Empty(Pet.FromJson("{\"petType\":\"Pet\",\"name\":\"Rex\"}").Validate());

        // Lion's schema requires lives, which Cat declares optional.
        Assert.Empty(Pet.FromJson("{\"petType\":\"cat\",\"name\":\"Tom\"}").Validate());
        ValidationError lives = Assert.Single(Pet.FromJson("{\"petType\":\"lion\",\"name\":\"Leo\"}").Validate());
        Assert.Equal("/lives", lives.Pointer);
    }

    [Fact]
    public void A_new_subtype_carries_its_discriminator_and_round_trips_with_its_runtime_type()
    {
        var lion = new Lion { Name = "Leo", Lives = 9, Mane = true };
        Assert.Equal("lion", lion.PetType);
        Assert.Equal("cat", new Cat().PetType);
        Assert.Equal("dog", new Dog().PetType);
        Assert.Equal("Lizard", new Lizard().PetType);

        string json = ((Pet)lion).ToJson();
        AssertSameJson("{\"petType\":\"lion\",\"name\":\"Leo\",\"lives\":9,\"mane\":true}", json);
        Pet back = Pet.FromJson(json);
        Assert.IsType<Lion>(back);
        Assert.Equal(lion, back);
        Assert.Empty(back.Validate());
    }

    [Fact]
    public void An_extensible_enum_discriminator_is_set_chosen_and_checked()
    {
        var car = new Car { Doors = 4 };
        Assert.Equal(VehicleKind.Car, car.Kind);
        Vehicle read = Vehicle.FromJson(car.ToJson());
        Assert.Equal(car, Assert.IsType<Car>(read));

        Vehicle bike = Vehicle.FromJson("{\"kind\":\"bike\",\"wheels\":2}");
        Assert.Equal(typeof(Vehicle), bike.GetType());
        ValidationError error = Assert.Single(bike.Validate()); // "bike" is in kind's enum but names no schema
        Assert.Equal("/kind", error.Pointer);

        ValidationError doors = Assert.Single(Vehicle.FromJson("{\"kind\":\"car\",\"doors\":0}").Validate());
        Assert.Equal("/doors", doors.Pointer);
    }

    [Fact]
    public void Pets_nested_in_properties_lists_and_maps_are_read_as_their_subtypes_and_validated_with_pointers()
    {
        string json = "{\"pet\":{\"name\":\"Tom\",\"petType\":\"cat\",\"lives\":0},"
            + "\"pets\":[{\"petType\":\"dog\",\"name\":\"Rex\",\"bark\":\"soft\"},{\"petType\":\"lion\",\"name\":\"Leo\"},{\"petType\":\"hamster\",\"name\":\"H\"}],"
            + "\"byName\":{\"rex\":{\"petType\":\"dog\",\"name\":\"Rex\"}},"
            + "\"favourite\":{\"petType\":\"dog\",\"name\":\"Rex\",\"bark\":\"loud\"}}";
        Owner owner = Owner.FromJson(json);

        Assert.IsType<Cat>(owner.Pet);
        Assert.Equal(new[] { typeof(Dog), typeof(Lion), typeof(Pet) }, owner.Pets!.Select(p => p.GetType()));
        Assert.IsType<Dog>(owner.ByName!["rex"]);
        Assert.True(owner.Favourite!.IsDog);
        Assert.Equal(
            new[] { "/byName/rex/bark", "/pet/lives", "/pets/1/lives", "/pets/2/petType" },
            owner.Validate().Select(e => e.Pointer).OrderBy(p => p, System.StringComparer.Ordinal));
        AssertSameJson(json, owner.ToJson());
        Assert.Equal(owner, Owner.FromJson(owner.ToJson()));
    }

    [Fact]
    public void JsonSerializer_reads_and_writes_through_the_converter_with_the_runtime_type()
    {
        Pet pet = JsonSerializer.Deserialize<Pet>("{\"name\":\"Tom\",\"lives\":2,\"petType\":\"kitty\"}")!;
        Cat cat = Assert.IsType<Cat>(pet);
        Assert.Equal(2, cat.Lives);

        Owner owner = JsonSerializer.Deserialize<Owner>("{\"pet\":{\"petType\":\"lion\",\"name\":\"Leo\",\"mane\":false}}")!;
        Assert.IsType<Lion>(owner.Pet);

        AssertSameJson("{\"petType\":\"lion\",\"name\":\"Leo\",\"mane\":true}", JsonSerializer.Serialize<Pet>(new Lion { Name = "Leo", Mane = true }));
        Pet[] pets = JsonSerializer.Deserialize<Pet[]>("[{\"petType\":\"dog\",\"name\":\"a\",\"bark\":\"soft\"},{\"petType\":\"cat\",\"name\":\"b\"}]")!;
        Assert.Equal(new[] { typeof(Dog), typeof(Cat) }, pets.Select(p => p.GetType()));
    }

    [Fact]
    public async System.Threading.Tasks.Task JsonSerializer_streaming_in_small_buffers_still_finds_a_discriminator_that_comes_last()
    {
        // JsonSerializer hands a converter the whole object, however small its buffer; the scan reads ahead on a copy.
        string json = "[{\"name\":\"" + new string('x', 200) + "\",\"lives\":4,\"petType\":\"cat\"},{\"name\":\"Rex\",\"bark\":\"soft\",\"petType\":\"dog\"}]";
        using var stream = new System.IO.MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));

        Pet[] pets = (await JsonSerializer.DeserializeAsync<Pet[]>(stream, SmallBuffers))!;

        Assert.Equal(4, Assert.IsType<Cat>(pets[0]).Lives);
        Assert.IsType<Dog>(pets[1]);
    }

    [Fact]
    public void Equality_is_type_exact()
    {
        var pet = new Pet { PetType = "cat", Name = "Tom" };
        var cat = new Cat { Name = "Tom" };
        Assert.NotEqual<Pet>(pet, cat);
        Assert.False(pet.Equals(cat));
        Assert.False(cat.Equals(pet));
        Assert.False(pet.Equals((object)cat));
        Assert.Equal(new Cat { Name = "Tom" }, cat);
        Assert.Equal(new Cat { Name = "Tom" }.GetHashCode(), cat.GetHashCode());
        Assert.NotEqual<Pet>(new Cat { Name = "Tom" }, new Lion { Name = "Tom", PetType = "cat" });
    }

    [Fact]
    public void ToString_names_the_runtime_type_and_masks_a_subtype_s_secret()
    {
        Pet pet = Pet.FromJson("{\"petType\":\"cat\",\"name\":\"Tom\",\"secret\":\"hunter2\"}");
        string text = pet.ToString();
        Assert.StartsWith("Cat", text, System.StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", text, System.StringComparison.Ordinal);
        Assert.Contains("***", text, System.StringComparison.Ordinal);
    }

    [Fact]
    public async System.Threading.Tasks.Task A_client_response_typed_Pet_is_read_as_its_subtype()
    {
        using var http = new System.Net.Http.HttpClient(new FixedResponse("{\"petType\":\"dog\",\"bark\":\"loud\",\"name\":\"Rex\"}")) { BaseAddress = new System.Uri("https://pets.example/") };
        var client = new InheritanceClient(http);

        Pet pet = await client.GetPetAsync("1");

        Assert.Equal(DogBark.Loud, Assert.IsType<Dog>(pet).Bark);
    }

    private sealed class FixedResponse : System.Net.Http.HttpMessageHandler
    {
        private readonly string _body;

        public FixedResponse(string body) => _body = body;

        protected override System.Threading.Tasks.Task<System.Net.Http.HttpResponseMessage> SendAsync(System.Net.Http.HttpRequestMessage request, System.Threading.CancellationToken cancellationToken) =>
            System.Threading.Tasks.Task.FromResult(new System.Net.Http.HttpResponseMessage(System.Net.HttpStatusCode.OK)
            {
                Content = new System.Net.Http.StringContent(_body, System.Text.Encoding.UTF8, "application/json"),
            });
    }
}
