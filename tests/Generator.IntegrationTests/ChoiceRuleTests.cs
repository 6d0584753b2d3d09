using System;
using System.Collections.Generic;
using System.Linq;
using ChoiceRules.Sdk;
using Xunit;

namespace OpenApiSdk.IntegrationTests;

/// <summary>
/// oneOf/anyOf beside a schema's own keywords (Specs/choice-rules.yaml), as JSON Schema 2020-12 core 10.2.1.2/10.2.1.3
/// define them: oneOf holds when exactly one alternative is valid, anyOf when at least one is. The value keeps its own
/// type (an object its properties, a string stays a string), and the rule is reported once, at the value's pointer.
/// </summary>
public class ChoiceRuleTests
{
    private const string OneOfNone = "must match exactly one of the alternatives (oneOf), but matches none of the 2";
    private const string OneOfBoth = "must match exactly one of the alternatives (oneOf), but matches 2 of the 2";
    private const string AnyOfNone = "must match at least one of the alternatives (anyOf), but matches none of the 2";

    private static List<string> Errors(OpenApiModel model) => model.Validate().Select(e => e.Pointer + ": " + e.Message).ToList();

    [Fact]
    public void An_object_with_oneOf_required_fragments_keeps_its_properties()
    {
        Payment payment = Payment.FromJson("""{"amount":5,"card":{"number":"4242424242424242"}}""");

        Assert.Equal("4242424242424242", payment.Card!.Number);
        Assert.Empty(Errors(payment));
        Assert.True(payment.IsValid());
    }

    [Theory]
    [InlineData("""{"amount":5}""", ": " + OneOfNone)]
    [InlineData("""{"amount":5,"card":{"number":"4242424242424242"},"bank_account":"DE89"}""", ": " + OneOfBoth)]
    [InlineData("""{"amount":5,"bank_account":"DE89"}""", null)]
    public void OneOf_required_fragments_need_exactly_one_member(string json, string? error)
    {
        Payment payment = Payment.FromJson(json);

        Assert.Equal(error is null ? Array.Empty<string>() : new[] { error }, Errors(payment));
        Assert.Equal(error is null, payment.IsValid());
    }

    [Theory]
    [InlineData(10, true)]
    [InlineData(11, false)]
    [InlineData(99, false)]
    [InlineData(100, true)]
    [InlineData(-3, true)]
    public void An_integer_with_anyOf_ranges_matches_either_range(long amount, bool valid)
    {
        var payment = new Payment { Amount = amount, BankAccount = "DE89" };

        Assert.Equal(valid ? Array.Empty<string>() : new[] { "/amount: " + AnyOfNone }, Errors(payment));
    }

    [Theory]
    [InlineData("2024-02-29", true)]
    [InlineData("2024-02-29T10:00:00Z", true)]
    [InlineData("2024-02-30", false)]
    [InlineData("tomorrow", false)]
    public void A_string_with_oneOf_formats_stays_a_string_and_matches_one(string due, bool valid)
    {
        var payment = new Payment { Amount = 1, BankAccount = "DE89", Due = due };

        Assert.Equal(due, Payment.FromJson(payment.ToJson()).Due);
        Assert.Equal(valid ? Array.Empty<string>() : new[] { "/due: " + OneOfNone }, Errors(payment));
    }

    [Fact]
    public void A_nested_object_reports_at_its_own_pointer()
    {
        Payment payment = Payment.FromJson("""{"amount":1,"bank_account":"x","shipping":{"address":{"street":"Main St 1","po_box":"12"}}}""");

        Assert.Equal(new[] { "/shipping/address: " + OneOfBoth, "/shipping: " + AnyOfNone }, Errors(payment).OrderBy(e => e, StringComparer.Ordinal));
    }

    [Fact]
    public void AnyOf_beside_properties_accepts_any_one_or_more()
    {
        Assert.Empty(Errors(Shipping.FromJson("""{"email":"a@example.com"}""")));
        Assert.Empty(Errors(Shipping.FromJson("""{"phone":"+1 555","email":"a@example.com"}""")));
        Assert.Equal(new[] { ": " + AnyOfNone }, Errors(Shipping.FromJson("""{}""")));
    }

    [Theory]
    [InlineData("""{"kind":"product","sku":"ABC-1"}""", null)]
    [InlineData("""{"kind":"discount","percent":10}""", null)]
    [InlineData("""{"kind":"product","sku":"AB"}""", OneOfNone)] // ProductLine's sku minLength 3
    [InlineData("""{"kind":"discount","percent":150}""", OneOfNone)] // DiscountLine's maximum 100
    [InlineData("""{"kind":"gift"}""", OneOfNone)]
    [InlineData("""{"kind":"product","sku":"ABC","percent":5}""", null)] // only ProductLine: its kind const
    public void Ref_alternatives_are_checked_with_their_required_names_and_property_rules(string json, string? error)
    {
        Line line = Line.FromJson(json);

        Assert.Equal(error is null ? Array.Empty<string>() : new[] { ": " + error }, Errors(line));
    }

    [Fact]
    public void Array_items_are_checked_under_their_index()
    {
        Payment payment = Payment.FromJson("""{"amount":1,"bank_account":"x","lines":[{"kind":"product","sku":"ABC"},{"kind":"gift"}],"codes":[0,1000,5]}""");

        Assert.Equal(new[] { "/codes/2: " + AnyOfNone, "/lines/1: " + OneOfNone }, Errors(payment).OrderBy(e => e, StringComparer.Ordinal));
    }

    [Fact]
    public void A_required_name_only_an_alternative_knows_is_found_among_the_additional_members()
    {
        Assert.Empty(Errors(Contact.FromJson("""{"email":"a@example.com"}""")));
        Assert.Empty(Errors(Contact.FromJson("""{"name":"Ann"}""")));
        Assert.Equal(new[] { ": " + AnyOfNone }, Errors(Contact.FromJson("""{"nickname":"A"}""")));
    }

    [Fact]
    public void A_valid_object_with_choice_rules_allocates_nothing_when_validated()
    {
        Payment payment = Payment.FromJson("""{"amount":5,"bank_account":"x","due":"2024-02-29","codes":[0,1000],"shipping":{"email":"a@example.com","address":{"street":"Main St 1"}},"lines":[{"kind":"discount","percent":10}]}""");
        Assert.Empty(payment.Validate()); // warm up: the static lambdas and patterns exist after the first run

        long before = GC.GetAllocatedBytesForCurrentThread();
        bool valid = payment.IsValid();
        int errors = payment.Validate().Count;
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(valid);
        Assert.Equal(0, errors);
        Assert.Equal(0, allocated);
    }
}
