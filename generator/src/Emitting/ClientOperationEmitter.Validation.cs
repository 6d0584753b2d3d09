using System.Collections.Generic;
using System.Linq;
using OpenApiSdk.Generator.Emitting.Code;
using OpenApiSdk.Generator.Model;
using OpenApiSdk.Generator.Validation;

namespace OpenApiSdk.Generator.Emitting;

/// <summary>
/// The validation of an operation's request before anything is sent: each parameter's rules at
/// <c>/{location}/{name}</c>, the body through its model's <c>ValidateCore</c> at <c>/body</c>, multipart files'
/// presence and counts; all errors are collected and thrown as one <c>ValidationException</c>.
/// </summary>
internal sealed partial class ClientOperationEmitter
{
    private void EmitValidation(OperationModel operation, Dictionary<ParameterModel, string> values)
    {
        SourceWriter w = _w;
        string collector = TypeSyntax.Runtime + "ValidationCollector";
        w.Line();
        w.Open("if (" + _clientRef + ".__Pipeline.ShouldValidate(requestOptions))");
        w.Line("var __errors = new " + collector + "();");
        foreach (IGrouping<ParameterLocation, ParameterModel> location in operation.Parameters.GroupBy(p => p.In))
        {
            var checks = location.Where(p => NeedsCheck(p)).ToList();
            if (checks.Count == 0)
            {
                continue;
            }

            w.Line("__errors.Enter(" + Literals.String(location.Key.ToString().ToLowerInvariant()) + ");");
            foreach (ParameterModel parameter in checks)
            {
                EmitParameterChecks(parameter, values[parameter]);
            }

            w.Line("__errors.Exit();");
        }

        if (operation.Body is { Multipart: { } multipart } multipartBody)
        {
            EmitMultipartChecks(multipartBody, multipart);
        }
        else if (operation.Body is { } body && BodyCheck(body) is { } check)
        {
            w.Line("__errors.Enter(" + Literals.String(body.Name) + ");");
            EmitBodyCheck(body, check);
            w.Line("__errors.Exit();");
        }
        else if (operation.Body is { JsonFallback: { } schema } jsonBody)
        {
            // A body that is no model: its JSON against its whole schema (an optional JsonElement is absent as default).
            bool valueType = jsonBody.Type.IsValueType && jsonBody.Type.Kind != TypeRefKind.Any;
            string present = !jsonBody.Required && valueType ? jsonBody.Name + ".GetValueOrDefault()" : jsonBody.Name;
            w.Line("__errors.Enter(" + Literals.String(jsonBody.Name) + ");");
            if (!jsonBody.Required)
            {
                w.Open("if (" + (jsonBody.Type.Kind == TypeRefKind.Any ? jsonBody.Name + ".ValueKind != global::System.Text.Json.JsonValueKind.Undefined" : jsonBody.Name + " is not null") + ")");
            }

            w.Line(JsonValueCheck(jsonBody.Type, schema, "null", present, sequence: false));
            if (!jsonBody.Required)
            {
                w.Close();
            }

            w.Line("__errors.Exit();");
        }

        w.Open("if (__errors.Errors.Count > 0)");
        w.Line("throw new " + TypeSyntax.Sdk + "ValidationException" + "(" + Literals.String("The " + operation.OperationId + " request") + ", __errors.Errors);");
        w.Close();
        w.Close();
    }

    /// <summary>Runs a body's validation statement, only when the body was given if it is optional.</summary>
    private void EmitBodyCheck(BodyModel body, string check)
    {
        if (!body.Required)
        {
            _w.Open("if (" + body.Name + " is not null)");
            _w.Line(check);
            _w.Close();
        }
        else
        {
            _w.Line(check);
        }
    }

    private void EmitMultipartChecks(BodyModel body, MultipartModel multipart)
    {
        SourceWriter w = _w;
        w.Line("__errors.Enter(\"body\");");
        if (multipart.HasFields && BodyCheck(body) is { } check)
        {
            EmitBodyCheck(body, check);
        }

        foreach (FilePartModel file in multipart.Files)
        {
            string name = Literals.String(file.PartName);
            if (file.Required && FileNullable(body, file))
            {
                w.Open("if ((" + SendCondition(body, multipart) + ") && " + file.Name + " is null)");
                w.Line("__errors.Add(" + name + ", \"is required\");");
                w.Close();
            }

            if (file.IsArray && (file.MinItems is not null || file.MaxItems is not null))
            {
                // A non-nullable parameter is not tested for null: the test would make the compiler think it may be.
                bool nullable = FileNullable(body, file);
                if (nullable)
                {
                    w.Open("if (" + file.Name + " is not null)");
                }

                var counts = new RuleContext(new TypeRef(TypeRefKind.Array), new Constraints(MinItems: file.MinItems, MaxItems: file.MaxItems), ClientPattern, Count);
                foreach (Rule rule in Catalogue.Rules(counts))
                {
                    w.Open("if (" + rule.Violated(Expr.Raw(file.Name)) + ")");
                    w.Line("__errors.Add(" + name + ", " + Literals.String(rule.Message) + ");");
                    w.Close();
                }

                if (nullable)
                {
                    w.Close();
                }
            }
        }

        w.Line("__errors.Exit();");
    }

    private static string? BodyCheck(BodyModel body)
    {
        if (body.Items is not null)
        {
            return null; // each item is checked as it is sent (RequestItems)
        }

        string model = "((" + TypeSyntax.Runtime + "IOpenApiModel" + ")" + body.Name + ")";
        return body.Type.Kind switch
        {
            TypeRefKind.Model or TypeRefKind.Union => model + ".ValidateCore(__errors);",
            TypeRefKind.Array when body.Type.Element is { Kind: TypeRefKind.Model or TypeRefKind.Union } =>
                "for (int __i = 0; __i < " + body.Name + ".Count; __i++) { if (" + body.Name + "[__i] is { } __item) { __errors.Enter(__i); ((" + TypeSyntax.Runtime + "IOpenApiModel" + ")__item).ValidateCore(__errors); __errors.Exit(); } }",
            _ => null,
        };
    }

    private static bool NeedsCheck(ParameterModel parameter) =>
        parameter.Type.Kind is TypeRefKind.Enum or TypeRefKind.Model or TypeRefKind.Union
        || parameter.In == ParameterLocation.Header
        || !parameter.Constraints.IsEmpty
        || (parameter.Type.Kind == TypeRefKind.Array && parameter.Type.Element is { Kind: TypeRefKind.Model or TypeRefKind.Union })
        || parameter.JsonFallback is not null;

    private void EmitParameterChecks(ParameterModel parameter, string value)
    {
        SourceWriter w = _w;
        string name = Literals.String(parameter.WireName);
        bool optional = !parameter.Required;
        if (optional)
        {
            w.Open("if (" + value + " is not null)");
        }

        string present = optional && parameter.Type.IsValueType ? value + ".GetValueOrDefault()" : value;
        if (parameter.Type.Kind is TypeRefKind.Model or TypeRefKind.Union)
        {
            w.Line("__errors.Enter(" + name + ");");
            w.Line("((" + TypeSyntax.Runtime + "IOpenApiModel" + ")" + value + ").ValidateCore(__errors);");
            w.Line("__errors.Exit();");
        }

        if (parameter.Type.Kind == TypeRefKind.Array && parameter.Type.Element is { Kind: TypeRefKind.Model or TypeRefKind.Union })
        {
            // An array of objects (deepObject in the query, JSON elsewhere): each item is checked at /{name}/{index}.
            w.Line("__errors.Enter(" + name + ");");
            w.Open();
            w.Line("int __position = 0;");
            w.Open("foreach (var __element in " + value + ")");
            w.Open("if (__element is not null)");
            w.Line("__errors.Enter(__position);");
            w.Line("((" + TypeSyntax.Runtime + "IOpenApiModel" + ")__element).ValidateCore(__errors);");
            w.Line("__errors.Exit();");
            w.Close();
            w.Line();
            w.Line("__position++;");
            w.Close();
            w.Close();
            w.Line();
            w.Line("__errors.Exit();");
        }

        var violations = new List<(string Condition, string Message)>(Violations(parameter.Type, parameter.Constraints, present));
        if (parameter.In == ParameterLocation.Header && parameter.Type.Kind is TypeRefKind.String or TypeRefKind.Enum)
        {
            violations.Add((Request + ".HasLineBreak(" + ClientTypes.Format(parameter.Type, present) + ")", "must not contain line breaks"));
        }

        foreach ((string condition, string message) in violations)
        {
            w.Open("if (" + condition + ")");
            w.Line("__errors.Add(" + name + ", " + Literals.String(message) + ");");
            w.Close();
        }

        if (parameter.JsonFallback is { } schema)
        {
            // What the typed checks leave out: the value's JSON against its whole schema, as a model property's would be.
            w.Line(JsonValueCheck(parameter.Type, schema, name, present, sequence: true));
        }

        if (optional)
        {
            w.Close();
        }
    }

    /// <summary>A statement that checks a value's JSON, written by the generated writer, against <paramref name="schema"/> under <paramref name="name"/>.</summary>
    /// <param name="sequence">The value is any sequence (an array parameter), which the writer of a list takes as a list.</param>
    private string JsonValueCheck(TypeRef type, JsonValueSchema schema, string name, string present, bool sequence)
    {
        string written = sequence && type.Kind == TypeRefKind.Array ? "global::System.Linq.Enumerable.ToList(" + present + ")" : present;
        return TypeSyntax.Runtime + "RequestValues.Check(__errors, " + name + ", " + _json.Writer(type) + ", " + written + ", " + JsonCheck(schema) + ");";
    }

    /// <summary>The catalogue's rules on a parameter, as conditions that hold when it is broken, with their messages.</summary>
    private IEnumerable<(string Condition, string Message)> Violations(TypeRef type, Constraints c, string value)
    {
        if (type.Kind == TypeRefKind.Enum)
        {
            yield return ("!" + value + ".IsKnown", "must be one of the values the spec lists");
        }

        if (type.Kind == TypeRefKind.Any)
        {
            // A value kept as JSON: its type list, then each keyword on the value read as the JSON type it applies to.
            if (c.Types is { } types)
            {
                Rule rule = JsonForms.TypeRule(types);
                yield return (rule.Violated(Expr.Raw(value)).ToString(), rule.Message);
            }

            foreach (Rule rule in JsonForms.ValueRules(c, (formType, read, count) => new RuleContext(formType, read, ClientPattern, count)))
            {
                yield return (rule.Violated(Expr.Raw(value)).ToString(), rule.Message); // the parameter's value is present here
            }

            foreach ((JsonForm form, List<Rule> rules) in JsonForms.Rules(c, (formType, read, count) => new RuleContext(formType, read, ClientPattern, count)))
            {
                foreach (Rule rule in rules)
                {
                    string typed = "__j" + Int(++_unique);
                    yield return (JsonForms.ReadCall(form, value) + " is { } " + typed + " && " + rule.Violated(Expr.Raw(typed)).Render(Precedence.And), rule.Message);
                }
            }

            yield break;
        }

        // A parameter's enum message names the values of its own JSON type (a null in the list is the parameter being optional).
        JsonLiteralKind own = type.Kind switch { TypeRefKind.String => JsonLiteralKind.String, TypeRefKind.Boolean => JsonLiteralKind.Boolean, _ => JsonLiteralKind.Number };
        Constraints stated = c with { Enum = c.Enum.Where(l => l.Kind == own).ToEquatableArray() };
        var context = new RuleContext(type, stated, ClientPattern, Count);
        foreach (Rule rule in Catalogue.Rules(context))
        {
            yield return (rule.Violated(Expr.Raw(value)).ToString(), rule.Message);
        }

        foreach (ChoiceRuleModel choice in c.Choices)
        {
            // not (2020-12 core §10.2.1.4): broken when the value matches its schema, i.e. breaks none of that schema's rules.
            // Only not reaches here (OperationBuilder reports oneOf/anyOf beside a parameter's type); an alternative that is not
            // fully checked, or can never match, is left out, as on a model (ValidationEmitter.ChoiceCheck).
            if (choice.Negated && choice.Alternatives[0] is { Complete: true, Check.Impossible: false } negated)
            {
                var schema = new RuleContext(type, negated.Check.Constraints, ClientPattern, Count);
                yield return (Expr.And(Catalogue.Rules(schema).Select(rule => rule.Holds(Expr.Raw(value)))).ToString(), ValidationEmitter.NotMessage);
            }
        }
    }

    /// <summary>A parameter's collection is any enumerable: counted through LINQ.</summary>
    private static Expr Count(Expr items) => Expr.Call("global::System.Linq.Enumerable.Count", items);

    /// <summary>A pattern of the client: a field of its <c>__Patterns</c> class, matched through the runtime.</summary>
    private (string Field, System.Func<Expr, Expr> Matches) ClientPattern(string pattern)
    {
        int index = _patterns.IndexOf(pattern);
        if (index < 0)
        {
            index = _patterns.Count;
            _patterns.Add(pattern);
        }

        string field = "__Patterns.P" + Int(index);
        return (field, value => Expr.Call(RuntimeNames.OpenApiRuntime + ".IsMatch", Expr.Raw(field), value));
    }
}
