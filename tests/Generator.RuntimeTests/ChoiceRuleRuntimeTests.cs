using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using OpenApiSdk.Runtime;
using Xunit;

namespace OpenApiSdk.RuntimeTests;

/// <summary>
/// A model written the way the generator writes oneOf/anyOf beside properties: <c>oneOf: [{required: [card]},
/// {required: [bank]}]</c> on the object, <c>anyOf: [{maximum: 10}, {minimum: 100}]</c> on <c>amount</c>, and a third
/// alternative <c>{required: [token], minProperties: 2}</c> of an <c>anyOf</c> whose <c>minProperties</c> is not checked
/// (undecided), counted as the generator counts it.
/// </summary>
public sealed class Pay : OpenApiObject<Pay>, IObjectMembers
{
    private static readonly JsonNames Table = new(new[] { "card", "bank", "amount" }, new[] { "Card", "Bank", "Amount" });

    public string? Card { get; set; }

    public string? Bank { get; set; }

    public long? Amount { get; set; }

    JsonNames IObjectMembers.Names => Table;

    bool IObjectMembers.Validate(ref Validation v) =>
        (Amount is not { } x || v.AnyOf("amount", (x <= 10 ? 1 : 0) + (x >= 100 ? 1 : 0), 2)) &&
        v.OneOf(null, (Card is not null ? 1 : 0) + (Bank is not null ? 1 : 0), 0, 2);

    void IObjectMembers.Read(ref Utf8JsonReader r, JsonMember m)
    {
        switch (m.Index)
        {
            case 0: if (m.String(ref r, out string v0)) Card = v0; break;
            case 1: if (m.String(ref r, out string v1)) Bank = v1; break;
            case 2: if (m.Int64(ref r, out long v2)) Amount = v2; break;
        }
    }

    void IObjectMembers.Write(JsonMemberWriter w)
    {
        w.String(0, Card);
        w.String(1, Bank);
        w.Number(2, Amount);
    }

    bool IObjectMembers.Equal(object o) => o is Pay other && Values.Equal(Card, other.Card) && Values.Equal(Bank, other.Bank) && Values.Equal(Amount, other.Amount);
}

public class ChoiceRuleRuntimeTests
{
    private static List<string> Errors(OpenApiModel model) => model.Validate().Select(e => e.ToString()).ToList();

    [Theory]
    [InlineData("""{"card":"c"}""", new string[0])]
    [InlineData("""{"bank":"b","amount":100}""", new string[0])]
    [InlineData("""{}""", new[] { "/: must match exactly one of the alternatives (oneOf), but matches none of the 2" })]
    [InlineData("""{"card":"c","bank":"b"}""", new[] { "/: must match exactly one of the alternatives (oneOf), but matches 2 of the 2" })]
    [InlineData("""{"card":"c","amount":50}""", new[] { "/amount: must match at least one of the alternatives (anyOf), but matches none of the 2" })]
    public void OneOf_and_anyOf_report_how_many_alternatives_matched_at_the_value(string json, string[] errors)
    {
        Pay pay = Pay.FromJson(json);

        Assert.Equal(errors, Errors(pay));
        Assert.Equal(errors.Length == 0, pay.IsValid());
    }

    [Theory]
    [InlineData(1, 0, true)]
    [InlineData(0, 1, true)]  // only an undecided alternative may match: not rejected
    [InlineData(1, 1, true)]  // one match, one undecided: "more than one" is not known
    [InlineData(0, 0, false)]
    [InlineData(2, 0, false)]
    [InlineData(2, 1, false)]
    public void An_undecided_alternative_can_satisfy_oneOf_but_never_break_it(int matched, int undecided, bool holds)
    {
        var model = new Pay();
        var collector = new ValidationCollector();
        var v = new Validation(model, collector, typeLevel: false);

        Assert.True(v.OneOf("x", matched, undecided, 3));
        Assert.Equal(holds, v.Valid);
        Assert.Equal(holds ? 0 : 1, collector.Errors.Count);
    }
}
