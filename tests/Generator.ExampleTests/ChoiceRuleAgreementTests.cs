using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Xunit;
using Xunit.Abstractions;

namespace OpenApiSdk.ExampleTests;

/// <summary>
/// oneOf/anyOf beside a schema's own keywords (rules, not unions): ajv and <c>Validate()</c> judge the same instances
/// alike, error by error (AjvRules maps ajv's oneOf/anyOf errors to the runtime's OneOf/AnyOf messages).
/// </summary>
public class ChoiceRuleAgreementTests
{
    private const string Spec = """
        openapi: 3.1.0
        info: { title: t, version: "1" }
        paths: {}
        components:
          schemas:
            Payment:
              type: object
              properties:
                amount: { type: integer, anyOf: [{ maximum: 10 }, { minimum: 100 }] }
                card: { type: string }
                bank_account: { type: string }
                due: { type: string, oneOf: [{ format: date }, { format: date-time }] }
                address: { $ref: '#/components/schemas/Address' }
                codes: { type: array, items: { type: integer, anyOf: [{ minimum: 1000 }, { const: 0 }] } }
              oneOf:
                - required: [card]
                - required: [bank_account]
              examples:
                - { card: c, amount: 5 }
                - { amount: 5 }
                - { card: c, bank_account: b }
                - { card: c, amount: 50 }
                - { card: c, due: '2024-02-29' }
                - { card: c, due: '2024-02-29T10:00:00Z' }
                - { card: c, due: soon }
                - { card: c, address: { street: s } }
                - { card: c, address: { street: s, po_box: p } }
                - { card: c, codes: [0, 1000, 5] }
            Address:
              type: object
              properties:
                street: { type: string }
                po_box: { type: string }
              oneOf: [{ required: [street] }, { required: [po_box] }]
            Contact:
              type: object
              properties:
                email: { type: string }
                phone: { type: string }
              anyOf: [{ required: [email] }, { required: [phone] }]
              examples:
                - { email: a }
                - { email: a, phone: b }
                - { name: n }
            Line:
              allOf: [{ $ref: '#/components/schemas/LineBase' }]
              oneOf: [{ $ref: '#/components/schemas/ProductLine' }, { $ref: '#/components/schemas/DiscountLine' }]
              examples:
                - { kind: product, sku: ABC }
                - { kind: discount, percent: 10 }
                - { kind: product, sku: AB }
                - { kind: discount, percent: 150 }
                - { kind: gift }
            LineBase:
              type: object
              required: [kind]
              properties:
                kind: { type: string }
                sku: { type: string }
                percent: { type: integer }
            ProductLine:
              type: object
              required: [kind, sku]
              properties:
                kind: { const: product }
                sku: { type: string, minLength: 3 }
            DiscountLine:
              type: object
              required: [kind, percent]
              properties:
                kind: { const: discount }
                percent: { type: integer, maximum: 100 }
        """;

    private readonly ITestOutputHelper _output;

    public ChoiceRuleAgreementTests(ITestOutputHelper output) => _output = output;

    [SkippableFact]
    public void Ajv_and_Validate_agree_on_choice_rules_beside_properties_and_in_property_schemas()
    {
        AjvChecker.Require();
        Dictionary<string, (bool? Ajv, Outcome Outcome)> results = Judge(Spec);

        // ajv's verdicts, so that agreement means something: the examples are valid and invalid ones.
        bool?[] expected = { true, false, false, false, true, true, false, true, false, false };
        Assert.Equal(expected, Enumerable.Range(0, expected.Length).Select(i => results["#/components/schemas/Payment/examples/" + i].Ajv));
        Assert.Equal(new bool?[] { true, true, false }, Enumerable.Range(0, 3).Select(i => results["#/components/schemas/Contact/examples/" + i].Ajv));
        Assert.Equal(new bool?[] { true, true, false, false, false }, Enumerable.Range(0, 5).Select(i => results["#/components/schemas/Line/examples/" + i].Ajv));
        Assert.All(results, r => Assert.True(r.Value.Outcome.Verdict == Verdict.Agreed, r.Key + ": " + r.Value.Outcome.Detail));
    }

    private Dictionary<string, (bool? Ajv, Outcome Outcome)> Judge(string specText)
    {
        string directory = Path.Combine(Path.GetTempPath(), "choice-rules-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            string path = Path.Combine(directory, "choices.yaml");
            File.WriteAllText(path, specText);
            List<JsonObject> records = AjvChecker.Check(path);
            using GeneratedSdk sdk = GeneratedSdk.Generate(path);
            var check = new ExampleCheck(sdk);
            var plans = records.Select(r => (Record: r, Target: check.Plan(r, out string why), Why: why)).ToList();
            sdk.Compile(plans.Where(p => p.Target is not null).Select(p => p.Target!.Model));
            var results = plans.ToDictionary(
                p => (string)p.Record["example"]!,
                p => ((bool?)p.Record["valid"], check.Check(p.Record, p.Target, p.Why)));
            foreach (KeyValuePair<string, (bool? Ajv, Outcome Outcome)> pair in results)
            {
                _output.WriteLine($"{pair.Key}: ajv {pair.Value.Ajv}, {pair.Value.Outcome.Verdict} {pair.Value.Outcome.Detail}");
            }

            return results;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
