using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Xunit;
using Receivers.Sdk;
using R = Receivers.Sdk;

namespace OpenApiSdk.ClientTests;

/// <summary>
/// Specs/receivers.yaml: a webhook (newPet, with header parameters), a webhook whose payload is an array, and a callback
/// of an operation, received through the generated parsers and through the generated ASP.NET Core endpoints on Kestrel.
/// </summary>
public sealed class ReceiverTests
{
    private const string Signature = "sha256=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);

    private static Dictionary<string, string> SignedHeaders(string? attempt = null)
    {
        var headers = new Dictionary<string, string> { ["X-Signature"] = Signature };
        if (attempt is not null)
        {
            headers["X-Attempt"] = attempt;
        }

        return headers;
    }

    private static string[] Errors(ValidationException invalid) => invalid.Errors.Select(e => e.Pointer + ": " + e.Message).OrderBy(e => e, StringComparer.Ordinal).ToArray();

    [Fact]
    public void A_valid_webhook_payload_becomes_its_component_model()
    {
        R.Pet pet = R.PetEventsWebhooks.ParseNewPet(Utf8("{\"id\":7,\"name\":\"Rex\",\"tag\":\"dog\",\"chip\":\"x1\"}"), SignedHeaders("2"));

        Assert.Equal(7, pet.Id);
        Assert.Equal("Rex", pet.Name);
        Assert.Equal(R.PetTag.Dog, pet.Tag);
        Assert.Equal("x1", pet.AdditionalProperties!["chip"].GetString()); // undeclared members are kept, as everywhere
    }

    [Fact]
    public void An_invalid_webhook_payload_throws_every_broken_rule_with_its_pointer_under_body()
    {
        var invalid = Assert.Throws<ValidationException>(() => R.PetEventsWebhooks.ParseNewPet(Utf8("{\"id\":\"seven\",\"name\":\"\",\"tag\":\"bird\"}"), SignedHeaders()));

        // id: type integer; name: minLength 2; tag: enum [dog, cat].
        Assert.Equal(
            new[] { "/body/id: must be an integer", "/body/name: must be at least 2 characters long", "/body/tag: must be one of the values the spec lists" },
            Errors(invalid));
        Assert.StartsWith("The webhook newPet request is not valid (3 errors)", invalid.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "/body: is required")] // requestBody.required: true
    [InlineData("{\"id\":1,", "/body: must be one JSON object")] // not JSON
    [InlineData("[{\"id\":1,\"name\":\"al\"}]", "/body: must be one JSON object")] // JSON, but not the schema's object
    [InlineData("{\"id\":1,\"name\":\"al\"} {}", "/body: must be one JSON object")] // something after the value
    public void A_body_that_is_missing_or_not_a_json_object_is_one_error_at_body(string body, string expected)
    {
        var invalid = Assert.Throws<ValidationException>(() => R.PetEventsWebhooks.ParseNewPet(Utf8(body), SignedHeaders()));
        Assert.Equal(new[] { expected }, Errors(invalid));
    }

    [Fact]
    public void Declared_headers_are_checked_by_their_schemas_and_named_under_header()
    {
        byte[] body = Utf8("{\"id\":1,\"name\":\"al\"}");

        // X-Signature: required, pattern ^sha256=[0-9a-f]{64}$; X-Attempt: integer, 1..5.
        var missing = Assert.Throws<ValidationException>(() => R.PetEventsWebhooks.ParseNewPet(body, new Dictionary<string, string> { ["X-Attempt"] = "9" }));
        Assert.Equal(new[] { "/header/X-Attempt: must be less than or equal to 5", "/header/X-Signature: is required" }, Errors(missing));

        var wrong = Assert.Throws<ValidationException>(() => R.PetEventsWebhooks.ParseNewPet(body, new Dictionary<string, string> { ["X-Signature"] = "md5=1", ["X-Attempt"] = "first" }));
        Assert.Equal(new[] { "/header/X-Attempt: must be an integer", "/header/X-Signature: must match the pattern ^sha256=[0-9a-f]{64}$" }, Errors(wrong));

        // Header names are case-insensitive (RFC 9110 §5.1), whatever the dictionary's comparer; no dictionary, no header checks.
        Assert.Equal("al", R.PetEventsWebhooks.ParseNewPet(body, new Dictionary<string, string>(StringComparer.Ordinal) { ["x-signature"] = Signature }).Name);
        Assert.Equal("al", R.PetEventsWebhooks.ParseNewPet(body).Name);
    }

    [Fact]
    public void The_headers_alone_are_read_into_their_typed_model()
    {
        R.NewPetHeaders headers = R.PetEventsWebhooks.ParseNewPetHeaders(new Dictionary<string, string> { ["x-signature"] = Signature, ["X-ATTEMPT"] = " 3 " });

        Assert.Equal(Signature, headers.XSignature);
        Assert.Equal(3, headers.XAttempt);
    }

    [Fact]
    public void An_array_payload_is_validated_item_by_item_and_an_optional_empty_body_is_no_payload()
    {
        List<R.Pet>? pets = R.PetEventsWebhooks.ParsePetsRemoved(Utf8("[{\"id\":1,\"name\":\"al\"},{\"id\":2,\"name\":\"bo\"}]"));
        Assert.Equal(new[] { "al", "bo" }, pets!.Select(p => p.Name));

        var invalid = Assert.Throws<ValidationException>(() => R.PetEventsWebhooks.ParsePetsRemoved(Utf8("[{\"id\":1,\"name\":\"al\"},{\"name\":\"\"}]")));
        Assert.Equal(new[] { "/body/1/id: is required", "/body/1/name: must be at least 2 characters long" }, Errors(invalid));

        // petsRemoved's requestBody is not required (OpenAPI's default): an empty body is valid and has no payload.
        Assert.Null(R.PetEventsWebhooks.ParsePetsRemoved(ReadOnlySpan<byte>.Empty));
    }

    [Fact]
    public void A_callback_payload_is_read_into_its_inline_model_and_validated()
    {
        R.SubscribeOnAdoptionPayload adoption = R.PetEventsCallbacks.ParseSubscribeOnAdoption(Utf8("{\"petId\":5,\"adoptedAt\":\"2024-05-01T10:00:00Z\",\"adopter\":\"Ann\"}"));
        Assert.Equal(5, adoption.PetId);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero), adoption.AdoptedAt);

        // petId: minimum 1; adoptedAt: required; adopter: maxLength 20.
        var invalid = Assert.Throws<ValidationException>(() => R.PetEventsCallbacks.ParseSubscribeOnAdoption(Utf8("{\"petId\":0,\"adopter\":\"" + new string('a', 21) + "\"}")));
        Assert.Equal(
            new[] { "/body/adoptedAt: is required", "/body/adopter: must be at most 20 characters long", "/body/petId: must be greater than or equal to 1" },
            Errors(invalid));
    }

    [Fact]
    public async Task The_generated_endpoints_hand_a_valid_payload_to_the_handler_and_answer_400_with_pointers_or_415_otherwise()
    {
        var received = new ConcurrentQueue<object>();
        await using WebApplication app = await StartAsync(app =>
        {
            app.MapNewPetWebhook("/hooks/pets", (pet, context) =>
            {
                received.Enqueue(pet);
                return Task.FromResult(Results.Ok(new { seen = pet.Name }));
            });
            app.MapSubscribeOnAdoptionCallback("/callbacks/adoptions", (adoption, context) =>
            {
                received.Enqueue(adoption);
                return Task.FromResult(Results.NoContent());
            });
        });
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        using HttpResponseMessage ok = await Post(http, "/hooks/pets", "{\"id\":3,\"name\":\"Tom\"}", Signature);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("{\"seen\":\"Tom\"}", await ok.Content.ReadAsStringAsync());

        using HttpResponseMessage bad = await Post(http, "/hooks/pets", "{\"id\":3,\"name\":\"\"}", "sha256=no");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType!.MediaType);
        using (JsonDocument problem = JsonDocument.Parse(await bad.Content.ReadAsStringAsync()))
        {
            JsonElement errors = problem.RootElement.GetProperty("errors");
            Assert.Equal(new[] { "/body/name", "/header/X-Signature" }, errors.EnumerateObject().Select(e => e.Name).OrderBy(n => n, StringComparer.Ordinal));
            Assert.Equal("must be at least 2 characters long", errors.GetProperty("/body/name")[0].GetString());
            Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
        }

        using (var text = new HttpRequestMessage(HttpMethod.Post, "/hooks/pets") { Content = new StringContent("id=3", Encoding.UTF8, "text/plain") })
        using (HttpResponseMessage unsupported = await http.SendAsync(text))
        {
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, unsupported.StatusCode);
        }

        using HttpResponseMessage callback = await Post(http, "/callbacks/adoptions", "{\"petId\":9,\"adoptedAt\":\"2024-05-01T10:00:00Z\"}", null);
        Assert.Equal(HttpStatusCode.NoContent, callback.StatusCode);

        using HttpResponseMessage badCallback = await Post(http, "/callbacks/adoptions", "{\"petId\":0}", null);
        Assert.Equal(HttpStatusCode.BadRequest, badCallback.StatusCode);

        // Only the two valid requests reached a handler, each as its typed payload.
        Assert.Collection(
            received,
            first => Assert.Equal("Tom", Assert.IsType<R.Pet>(first).Name),
            second => Assert.Equal(9, Assert.IsType<R.SubscribeOnAdoptionPayload>(second).PetId));
    }

    private static async Task<HttpResponseMessage> Post(HttpClient http, string path, string json, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Signature", signature);
        }

        return await http.SendAsync(request);
    }

    private static async Task<WebApplication> StartAsync(Action<WebApplication> map)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        WebApplication app = builder.Build();
        map(app);
        await app.StartAsync();
        return app;
    }
}
