using System;
using System.Collections.Generic;
using System.Linq;
using Unevaluated.Sdk;
using Xunit;

namespace OpenApiSdk.IntegrationTests;

/// <summary>
/// unevaluatedProperties and unevaluatedItems (JSON Schema 2020-12 §11) from Specs/unevaluated.yaml: a member is
/// evaluated by the properties of the schema and its allOf parts and by the if/then/else branch that applied; the
/// others are errors at their own pointer (false) or checked against the schema.
/// </summary>
public class UnevaluatedTests
{
    private static List<ValidationError> Errors(OpenApiModel model) => model.Validate().ToList();

    private static string Pointers(OpenApiModel model) => string.Join(" ", Errors(model).Select(e => e.Pointer));

    [Fact]
    public void A_plain_object_rejects_each_unevaluated_member_at_its_pointer()
    {
        Assert.Empty(Errors(Closed.FromJson("{\"id\":\"a1\"}")));

        List<ValidationError> errors = Errors(Closed.FromJson("{\"id\":\"a1\",\"colour\":\"red\",\"size\":2}"));

        Assert.Equal(new[] { "/colour", "/size" }, errors.Select(e => e.Pointer).OrderBy(p => p, StringComparer.Ordinal));
        Assert.All(errors, e => Assert.Equal("is not allowed: no keyword of the schema evaluates this property (unevaluatedProperties: false)", e.Message));
    }

    [Fact]
    public void A_member_declared_in_an_allOf_part_is_evaluated()
    {
        Assert.Empty(Errors(Extended.FromJson("{\"id\":\"a1\",\"extra\":2}")));
        Assert.Equal("/other", Pointers(Extended.FromJson("{\"id\":\"a1\",\"extra\":2,\"other\":true}")));
    }

    [Theory]
    [InlineData("{\"kind\":\"card\",\"cardNumber\":\"4111\"}", "")]
    [InlineData("{\"kind\":\"bank\",\"iban\":\"DE00\"}", "")]
    [InlineData("{\"kind\":\"bank\",\"cardNumber\":\"4111\"}", "/cardNumber")] // then did not apply
    [InlineData("{\"kind\":\"card\",\"iban\":\"DE00\"}", "/iban")] // else did not apply
    public void A_member_an_if_then_else_branch_names_is_evaluated_only_when_that_branch_applied(string json, string pointers)
    {
        Assert.Equal(pointers, Pointers(Payment.FromJson(json)));
    }

    [Fact]
    public void With_a_schema_each_unevaluated_member_is_checked_against_it()
    {
        Assert.Empty(Errors(Counters.FromJson("{\"name\":\"c\",\"apples\":3,\"plums\":4.0}")));

        ValidationError wrongType = Assert.Single(Errors(Counters.FromJson("{\"name\":\"c\",\"apples\":\"three\"}")));
        Assert.Equal(("/apples", "must be an integer"), (wrongType.Pointer, wrongType.Message));

        ValidationError negative = Assert.Single(Errors(Counters.FromJson("{\"name\":\"c\",\"pears\":-1}")));
        Assert.Equal(("/pears", "must be greater than or equal to 0"), (negative.Pointer, negative.Message));

        ValidationError isNull = Assert.Single(Errors(Counters.FromJson("{\"name\":\"c\",\"pears\":null}")));
        Assert.Equal(("/pears", "must not be null"), (isNull.Pointer, isNull.Message));

        ValidationError notListed = Assert.Single(Errors(Labels.FromJson("{\"id\":\"l\",\"colour\":\"pink\"}")));
        Assert.Equal(("/colour", "must be one of: red, green, blue"), (notListed.Pointer, notListed.Message));
        Assert.Empty(Errors(Labels.FromJson("{\"id\":\"l\",\"colour\":\"red\"}")));
    }

    [Fact]
    public void Nested_objects_report_at_their_full_pointer()
    {
        Order order = Order.FromJson("{\"inner\":{\"a\":\"x\",\"b\":\"y\"},\"closed\":{\"id\":\"c\",\"z\":0},\"lines\":[{\"id\":\"b\"},{\"id\":\"c\",\"x\":1}]}");

        Assert.Equal(new[] { "/closed/z", "/inner/b", "/lines/1/x" }, Errors(order).Select(e => e.Pointer).OrderBy(p => p, StringComparer.Ordinal));
    }

    [Fact]
    public void UnevaluatedItems_shapes_the_items_without_items_and_false_allows_none()
    {
        Order order = Order.FromJson("{\"tags\":[\"abc\",\"abcd\"],\"none\":[1],\"counts\":[1,2,3]}");
        List<string>? tags = order.Tags; // typed by the unevaluatedItems schema

        Assert.Equal(new[] { "abc", "abcd" }, tags);
        List<ValidationError> errors = Errors(order).OrderBy(e => e.Pointer, StringComparer.Ordinal).ToList();
        Assert.Equal(new[] { ("/none", "must have at most 0 items"), ("/tags/1", "must be at most 3 characters long") }, errors.Select(e => (e.Pointer, e.Message)));
        Assert.Empty(Errors(Order.FromJson("{\"tags\":[\"abc\"],\"none\":[],\"counts\":[1,2,3]}"))); // with items, every item is evaluated
    }

    [Theory]
    [InlineData("{\"email\":\"a@b.c\"}", "")]
    [InlineData("{\"phone\":\"12\"}", "")]
    [InlineData("{\"phone\":\"12\",\"fax\":\"13\"}", "/fax: is not allowed: no keyword of the schema evaluates this property (unevaluatedProperties: false)")]
    [InlineData("{\"email\":\"a@b.c\",\"phone\":\"12\"}", ": must match exactly one of the alternatives (oneOf), but matches 2 of the 2")] // neither alternative holds alone: nothing evaluated, so only oneOf is said
    public void A_union_beside_unevaluatedProperties_rejects_a_member_the_alternative_that_holds_does_not_declare(string json, string errors)
    {
        Contact contact = Contact.FromJson(json);

        Assert.Equal(errors, string.Join(" | ", Errors(contact).Select(e => e.Pointer + ": " + e.Message)));
        Assert.Equal(errors.Length == 0, contact.IsValid());
    }

    [Fact]
    public void A_union_beside_unevaluatedProperties_inside_an_object_reports_at_the_members_full_pointer()
    {
        Order order = Order.FromJson("{\"contact\":{\"email\":\"a@b.c\",\"fax\":\"13\"}}");

        ValidationError error = Assert.Single(Errors(order));
        Assert.Equal(("/contact/fax", "is not allowed: no keyword of the schema evaluates this property (unevaluatedProperties: false)"), (error.Pointer, error.Message));
        Assert.True(order.Contact!.IsEmail); // reading still holds the alternative the JSON is valid against
    }

    [Fact]
    public void Validating_a_valid_object_allocates_nothing()
    {
        OpenApiModel[] valid =
        {
            Order.FromJson("{\"closed\":{\"id\":\"a\"},\"inner\":{\"a\":\"x\"},\"lines\":[{\"id\":\"b\"}],\"tags\":[\"abc\"],\"none\":[],\"counts\":[1]}"),
            Payment.FromJson("{\"kind\":\"card\",\"cardNumber\":\"4111\"}"),
            Counters.FromJson("{\"name\":\"c\",\"apples\":3}"),
            Labels.FromJson("{\"id\":\"l\",\"colour\":\"red\"}"),
        };
        foreach (OpenApiModel model in valid)
        {
            Assert.Empty(model.Validate()); // also warms up: patterns and static lambdas are created on first use
        }

        var allocated = new List<string>();
        foreach (OpenApiModel model in valid)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            bool isValid = model.IsValid();
            int errors = model.Validate().Count;
            long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
            if (!isValid || errors > 0 || bytes > 0)
            {
                allocated.Add(model.GetType().Name + ": valid " + isValid + ", " + errors + " errors, " + bytes + " bytes");
            }
        }

        Assert.Empty(allocated);
    }

    [Fact]
    public void A_valid_union_checked_as_its_JSON_allocates_only_the_parsed_documents()
    {
        // IsValid() and Validate() each parse the union's JSON once (ScratchJson: the buffer and writer are the thread's own).
        Contact contact = Contact.FromJson("{\"email\":\"a@b.c\"}");
        Assert.Empty(contact.Validate()); // warm up

        long before = GC.GetAllocatedBytesForCurrentThread();
        bool isValid = contact.IsValid();
        int errors = contact.Validate().Count;
        long bytes = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(isValid);
        Assert.Equal(0, errors);
        Assert.True(bytes <= 2 * DocumentBytes, bytes + " bytes, more than two parsed documents (" + DocumentBytes + " B each)");
    }

    /// <summary>What parsing a small JSON text into a <see cref="System.Text.Json.JsonDocument"/> allocates (the document object; its tables are pooled).</summary>
    private static long DocumentBytes
    {
        get
        {
            byte[] json = "{\"email\":\"a@b.c\"}"u8.ToArray();
            System.Text.Json.JsonDocument.Parse(json).Dispose(); // warm up
            long before = GC.GetAllocatedBytesForCurrentThread();
            System.Text.Json.JsonDocument.Parse(json).Dispose();
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }
    }
}
