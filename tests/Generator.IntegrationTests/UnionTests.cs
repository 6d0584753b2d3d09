using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Polymorphism.Sdk;
using Xunit;

namespace OpenApiSdk.IntegrationTests;

/// <summary>
/// oneOf/anyOf from Specs/polymorphism.yaml: with a discriminator (typed alternatives chosen by petType, mapping and
/// implicit names), without one (chosen by what the JSON is valid against; oneOf rejects a value valid against two),
/// primitive-or-object unions, nullable unions, and JSON that fits no alternative (kept, written back, reported).
/// </summary>
public class UnionTests
{
    private static void AssertRoundTrips(string json, string written) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(written)), written);

    private static string Errors(System.Collections.Generic.IEnumerable<ValidationError> errors) => string.Join(" | ", errors);

    [Theory]
    [InlineData("cat")]
    [InlineData("kitten")] // a second mapping key to the same schema
    public void The_discriminator_mapping_chooses_the_alternative(string tag)
    {
        string json = "{\"petType\":\"" + tag + "\",\"name\":\"Tom\",\"lives\":9}";
        Pet pet = Pet.FromJson(json);

        Assert.True(pet.IsCat);
        Assert.False(pet.IsDog);
        Assert.Equal("Tom", pet.AsCat!.Name);
        Assert.Null(pet.AsDog);
        Assert.Empty(pet.Validate());
        AssertRoundTrips(json, pet.ToJson());
    }

    [Fact]
    public void A_mapping_value_given_as_a_bare_schema_name_and_an_unmapped_schema_name_both_choose()
    {
        Assert.True(Pet.FromJson("{\"petType\":\"dog\",\"bark\":\"loud\"}").IsDog);
        Assert.True(Pet.FromJson("{\"petType\":\"Lizard\"}").IsLizard); // OpenAPI: no mapping entry → the schema name
    }

    [Fact]
    public void The_chosen_alternative_is_validated_with_pointers_into_it()
    {
        Pet pet = Pet.FromJson("{\"petType\":\"cat\",\"name\":\"\",\"lives\":12}");

        Assert.True(pet.IsCat);
        Assert.Equal(new[] { "/lives", "/name" }, pet.Validate().Select(e => e.Pointer).OrderBy(p => p, System.StringComparer.Ordinal));
    }

    [Fact]
    public void An_unknown_discriminator_value_is_kept_written_back_and_reported()
    {
        const string json = "{\"petType\":\"bird\",\"wings\":2}";
        Pet pet = Pet.FromJson(json);

        Assert.Null(pet.Value);
        Assert.Equal(JsonValueKind.Object, pet.UnmatchedJson!.Value.ValueKind);
        ValidationError error = Assert.Single(pet.Validate());
        Assert.Equal("/petType", error.Pointer);
        Assert.Contains("cat, kitten, dog, Lizard", error.Message, System.StringComparison.Ordinal);
        AssertRoundTrips(json, pet.ToJson());
    }

    [Fact]
    public void A_missing_discriminator_is_reported_at_the_value()
    {
        ValidationError error = Assert.Single(Pet.FromJson("{\"name\":\"Tom\"}").Validate());
        Assert.Equal(string.Empty, error.Pointer);
        Assert.Contains("petType", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_union_is_built_from_an_alternative_and_serializes_as_it()
    {
        Pet pet = new Dog { PetType = "dog", Bark = DogBark.Soft };

        Assert.True(pet.IsDog);
        AssertRoundTrips("{\"petType\":\"dog\",\"bark\":\"soft\"}", pet.ToJson());
        Assert.Equal(pet, Pet.FromJson(pet.ToJson()));
        Assert.Equal(pet, JsonSerializer.Deserialize<Pet>(JsonSerializer.Serialize(pet)));
    }

    [Fact]
    public void Without_a_discriminator_the_alternative_the_json_is_valid_against_is_chosen()
    {
        Assert.True(Shape.FromJson("{\"radius\":2}").IsCircle);
        Assert.True(Shape.FromJson("{\"side\":3}").IsSquare);
        Assert.Empty(Shape.FromJson("{\"side\":3}").Validate());
    }

    [Fact]
    public void OneOf_rejects_json_that_is_valid_against_two_alternatives()
    {
        Shape shape = Shape.FromJson("{\"radius\":1,\"side\":1}");

        ValidationError error = Assert.Single(shape.Validate());
        Assert.Equal(string.Empty, error.Pointer);
        Assert.Contains("exactly one", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Json_valid_against_no_alternative_is_reported_against_the_first_it_fits()
    {
        Shape shape = Shape.FromJson("{\"radius\":-1}");

        Assert.True(shape.IsCircle);
        Assert.Contains(shape.Validate(), e => e.Pointer == "/radius");
    }

    [Fact]
    public void Json_of_a_type_no_alternative_has_is_kept_and_reported()
    {
        Shape shape = Shape.FromJson("\"round\"");

        Assert.Equal("round", shape.UnmatchedJson!.Value.GetString());
        ValidationError error = Assert.Single(shape.Validate());
        Assert.Equal("must be an object", error.Message);
        Assert.Equal("\"round\"", shape.ToJson());
    }

    [Fact]
    public void An_expandable_field_holds_either_the_id_or_the_object()
    {
        Charge byId = Charge.FromJson("{\"amount\":5,\"account\":\"acct_1\"}");
        Charge expanded = Charge.FromJson("{\"amount\":5,\"account\":{\"id\":\"acct_1\",\"email\":\"a@b.c\"}}");

        Assert.Equal("acct_1", byId.Account!.AsString);
        Assert.Equal("a@b.c", expanded.Account!.AsAccount!.Email);
        Assert.Empty(byId.Validate());
        Assert.Empty(expanded.Validate());
        AssertRoundTrips("{\"amount\":5,\"account\":{\"id\":\"acct_1\",\"email\":\"a@b.c\"}}", expanded.ToJson());
    }

    [Fact]
    public void An_inline_choice_written_twice_is_one_type_named_after_its_alternatives()
    {
        Assert.Equal(typeof(StringOrAccount), typeof(Charge).GetProperty(nameof(Charge.Account))!.PropertyType);
        Assert.Equal(typeof(StringOrAccount), typeof(Charge).GetProperty(nameof(Charge.OnBehalfOf))!.PropertyType);
        StringOrAccount id = "acct_2";
        Assert.Equal("\"acct_2\"", id.ToJson());
    }

    [Fact]
    public void AnyOf_reports_the_rules_of_the_alternative_the_json_fits()
    {
        Charge tooLong = Charge.FromJson("{\"amount\":5,\"account\":\"acct_123456789012345678901\"}");
        Charge badObject = Charge.FromJson("{\"amount\":5,\"account\":{\"id\":\"nope\",\"extra\":1}}");

        Assert.Equal("/account", Assert.Single(tooLong.Validate()).Pointer);
        Assert.Equal(new[] { "/account/extra", "/account/id" }, badObject.Validate().Select(e => e.Pointer).OrderBy(p => p, System.StringComparer.Ordinal));
    }

    [Fact]
    public void A_null_alternative_makes_the_property_nullable_and_null_round_trips()
    {
        const string json = "{\"amount\":5,\"shipping\":null}";
        Charge charge = Charge.FromJson(json);

        Assert.Null(charge.Shipping);
        Assert.Empty(charge.Validate());
        AssertRoundTrips(json, charge.ToJson());
        Assert.Equal("x", Charge.FromJson("{\"amount\":5,\"shipping\":{\"line1\":\"x\"}}").Shipping!.Line1);
    }

    [Theory]
    [InlineData("5", true)]
    [InlineData("\"unlimited\"", true)]
    [InlineData("-1", false)]      // an integer below the minimum
    [InlineData("\"lots\"", false)] // a string that is not the one enum value
    [InlineData("true", false)]     // fits neither alternative
    public void A_number_or_keyword_union_checks_each_alternative(string limit, bool valid)
    {
        string json = "{\"amount\":5,\"limit\":" + limit + "}";
        Charge charge = Charge.FromJson(json);

        Assert.Equal(valid, charge.IsValid());
        Assert.Equal(valid, charge.Validate().Count == 0);
        Assert.All(charge.Validate(), e => Assert.Equal("/limit", e.Pointer));
        AssertRoundTrips(json, charge.ToJson());
    }

    [Fact]
    public void A_limit_reads_as_a_typed_number_or_enum()
    {
        Assert.Equal(5L, Charge.FromJson("{\"amount\":5,\"limit\":5}").Limit!.AsInt64);
        Assert.Equal(Int64OrStringUnlimited.Unlimited, Charge.FromJson("{\"amount\":5,\"limit\":\"unlimited\"}").Limit!.AsUnlimited);
    }

    [Fact]
    public void A_map_or_empty_string_union_reads_both()
    {
        Charge map = Charge.FromJson("{\"amount\":5,\"metadata\":{\"k\":\"v\"}}");
        Charge cleared = Charge.FromJson("{\"amount\":5,\"metadata\":\"\"}");

        Assert.Equal("v", map.Metadata!.AsStringMap!["k"]);
        Assert.True(cleared.Metadata!.IsEmpty);
        Assert.Empty(map.Validate());
        Assert.Empty(cleared.Validate());
    }

    [Fact]
    public void Arrays_of_unions_read_each_item_and_point_into_them()
    {
        const string json = "{\"amount\":5,\"tags\":[\"x\",{\"label\":\"a\",\"colour\":\"#00ff00\"},\"\",{\"label\":\"b\",\"colour\":\"red\"}],\"pets\":[{\"petType\":\"dog\",\"bark\":\"soft\"},{\"petType\":\"cat\",\"name\":\"Tom\"}]}";
        Charge charge = Charge.FromJson(json);

        Assert.Equal("x", charge.Tags![0].AsString);
        Assert.Equal("a", charge.Tags[1].AsObject!.Label);
        Assert.True(charge.Pets![1].IsCat);
        Assert.Equal(new[] { "/tags/2", "/tags/3/colour" }, charge.Validate().Select(e => e.Pointer).OrderBy(p => p, System.StringComparer.Ordinal));
        AssertRoundTrips(json, charge.ToJson());
    }

    [Fact]
    public void A_union_of_a_union_and_an_array_of_it_reads_both()
    {
        const string many = "[{\"petType\":\"cat\",\"name\":\"Tom\"},{\"petType\":\"dog\",\"bark\":\"soft\"}]";
        PetOrPets one = PetOrPets.FromJson("{\"petType\":\"cat\",\"name\":\"Tom\"}");
        PetOrPets several = PetOrPets.FromJson(many);

        Assert.True(one.AsPet!.IsCat);
        Assert.True(several.AsPetList![1].IsDog);
        Assert.Empty(several.Validate());
        AssertRoundTrips(many, several.ToJson());
        Assert.Equal(new[] { "/1/bark is required" }, PetOrPets.FromJson("[{\"petType\":\"cat\",\"name\":\"Tom\"},{\"petType\":\"dog\"}]").Validate().Select(e => e.Pointer + " " + e.Message));
        Assert.Equal("must have at least 1 item", Assert.Single(PetOrPets.FromJson("[]").Validate()).Message);
    }

    [Fact]
    public void Unions_compare_by_value()
    {
        Assert.Equal(Pet.FromJson("{\"petType\":\"cat\",\"name\":\"Tom\"}"), Pet.FromJson("{\"name\":\"Tom\",\"petType\":\"cat\"}"));
        Assert.NotEqual(Pet.FromJson("{\"petType\":\"cat\",\"name\":\"Tom\"}"), Pet.FromJson("{\"petType\":\"cat\",\"name\":\"Tim\"}"));
        Assert.Contains("Cat", Pet.FromJson("{\"petType\":\"cat\",\"name\":\"Tom\"}").ToString(), System.StringComparison.Ordinal);
    }
}

/// <summary>Enums written as <c>oneOf</c> of <c>const</c>s, and <c>minProperties</c>/<c>maxProperties</c> on objects and maps.</summary>
public class ChoiceKeywordTests
{
    [Fact]
    public void An_enum_written_as_const_alternatives_is_an_enum()
    {
        Assert.Equal(WebhookEventEventType.Create, WebhookEvent.FromJson("{\"eventType\":\"CREATE\"}").EventType);
        Assert.Empty(WebhookEvent.FromJson("{\"eventType\":\"UPDATE\"}").Validate());
        Assert.Equal("/eventType", Assert.Single(WebhookEvent.FromJson("{\"eventType\":\"DELETE\"}").Validate()).Pointer);
    }

    [Theory]
    [InlineData("{}", "must have at least 1 property")]
    [InlineData("{\"note\":\"a\",\"eventType\":\"CREATE\",\"extra\":1}", "must have at most 2 properties")]
    public void An_object_counts_declared_and_additional_members(string json, string message)
    {
        ValidationError error = Assert.Single(WebhookEvent.FromJson(json).Validate());
        Assert.Equal(string.Empty, error.Pointer);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void A_map_counts_its_entries()
    {
        Assert.Empty(WebhookEvent.FromJson("{\"settings\":{\"a\":\"1\"}}").Validate());
        ValidationError error = Assert.Single(WebhookEvent.FromJson("{\"settings\":{\"a\":\"1\",\"b\":\"2\"}}").Validate());
        Assert.Equal("/settings", error.Pointer);
        Assert.Equal("must have at most 1 property", error.Message);
    }
}

/// <summary>The generated client sends a union body as the alternative it holds and reads a union response.</summary>
public class UnionClientTests
{
    private sealed class EchoHandler : System.Net.Http.HttpMessageHandler
    {
        public string? Received { get; private set; }

        protected override async System.Threading.Tasks.Task<System.Net.Http.HttpResponseMessage> SendAsync(System.Net.Http.HttpRequestMessage request, System.Threading.CancellationToken cancellationToken)
        {
            Received = await request.Content!.ReadAsStringAsync(cancellationToken);
            return new System.Net.Http.HttpResponseMessage(System.Net.HttpStatusCode.OK)
            {
                Content = new System.Net.Http.StringContent("{\"petType\":\"kitten\",\"name\":\"Tom\",\"lives\":3}", System.Text.Encoding.UTF8, "application/json"),
            };
        }
    }

    [Fact]
    public async System.Threading.Tasks.Task A_union_body_is_sent_as_its_alternative_and_the_response_read_by_its_discriminator()
    {
        var handler = new EchoHandler();
        using var http = new System.Net.Http.HttpClient(handler) { BaseAddress = new System.Uri("https://pets.example/") };
        var client = new PetsClient(http);

        Pet created = await client.CreatePetAsync(new Dog { PetType = "dog", Bark = DogBark.Loud });

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("{\"petType\":\"dog\",\"bark\":\"loud\"}"), JsonNode.Parse(handler.Received!)));
        Assert.Equal(3, created.AsCat!.Lives);
    }

    [Fact]
    public async System.Threading.Tasks.Task An_invalid_union_body_is_stopped_before_sending()
    {
        var handler = new EchoHandler();
        using var http = new System.Net.Http.HttpClient(handler) { BaseAddress = new System.Uri("https://pets.example/") };
        var client = new PetsClient(http);

        ValidationException error = await Assert.ThrowsAsync<ValidationException>(() => client.CreatePetAsync(new Cat { PetType = "cat", Name = string.Empty }));
        Assert.Contains(error.Errors, e => e.Pointer == "/body/name");
        Assert.Null(handler.Received);
    }
}

/// <summary>Formats: date, email, uri, ipv4 and ipv6 are checked; date-time needs an offset and UTC is written back as Z; unknown formats are plain strings.</summary>
public class FormatTests
{
    [Theory]
    [InlineData("birthday", "\"2024-02-29\"", true)]
    [InlineData("birthday", "\"2023-02-29\"", false)]
    [InlineData("birthday", "\"2024-2-1\"", false)]
    [InlineData("email", "\"ann@example.com\"", true)]
    [InlineData("email", "\"ann at example.com\"", false)]
    [InlineData("homepage", "\"https://example.com/a?b=c\"", true)]
    [InlineData("homepage", "\"<PREVIOUS-PAGE-URI>\"", false)]
    [InlineData("homepage", "\"/relative/path\"", false)]
    [InlineData("ipv4", "\"192.168.0.1\"", true)]
    [InlineData("ipv4", "\"256.1.1.1\"", false)]
    [InlineData("ipv4", "\"1\"", false)]
    [InlineData("ipv6", "\"2001:db8::1\"", true)]
    [InlineData("ipv6", "\"192.168.0.1\"", false)]
    [InlineData("seen", "\"2018-01-01T00:01:01Z\"", true)]
    [InlineData("seen", "\"2018-01-01T00:01:01+05:30\"", true)]
    [InlineData("seen", "\"2018-01-01T00:01:01\"", false)] // RFC 3339 needs the offset; the reader would assume the machine's
    [InlineData("nickname", "\"anything\"", true)]
    public void Formats_are_checked_with_a_pointer(string property, string value, bool valid)
    {
        Contact contact = Contact.FromJson("{\"" + property + "\":" + value + "}");

        System.Collections.Generic.IReadOnlyList<ValidationError> errors = contact.Validate();
        Assert.Equal(valid, errors.Count == 0);
        Assert.All(errors, e => Assert.Equal("/" + property, e.Pointer));
    }

    [Theory]
    [InlineData("\"2018-01-01T00:01:01Z\"")]
    [InlineData("\"2018-01-01T00:01:01.5Z\"")]
    [InlineData("\"2018-01-01T00:01:01+05:30\"")]
    public void Date_times_round_trip_with_their_offset(string value)
    {
        string json = "{\"seen\":" + value + "}";
        Assert.Equal(json, Contact.FromJson(json).ToJson());
    }
}
