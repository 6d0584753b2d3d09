using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OpenApiSdk.Common;
using OpenApiSdk.Generator.Model;

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

                string count = "global::System.Linq.Enumerable.Count(" + file.Name + ")";
                if (file.MinItems is { } minItems)
                {
                    w.Open("if (" + count + " < " + Int(minItems) + ")");
                    w.Line("__errors.Add(" + name + ", " + Literals.String("must have at least " + Int(minItems) + " item" + (minItems == 1 ? string.Empty : "s")) + ");");
                    w.Close();
                }

                if (file.MaxItems is { } maxItems)
                {
                    w.Open("if (" + count + " > " + Int(maxItems) + ")");
                    w.Line("__errors.Add(" + name + ", " + Literals.String("must have at most " + Int(maxItems) + " item" + (maxItems == 1 ? string.Empty : "s")) + ");");
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
        || (parameter.Type.Kind != TypeRefKind.Array && !parameter.Constraints.IsEmpty)
        || (parameter.Type.Kind == TypeRefKind.Array && (parameter.Constraints.MinItems is not null || parameter.Constraints.MaxItems is not null))
        || (parameter.Type.Kind == TypeRefKind.Array && parameter.Type.Element is { Kind: TypeRefKind.Model or TypeRefKind.Union });

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

        if (optional)
        {
            w.Close();
        }
    }

    private IEnumerable<(string Condition, string Message)> Violations(TypeRef type, Constraints c, string value)
    {
        string runtime = TypeSyntax.Runtime + "OpenApiRuntime";
        if (type.Kind == TypeRefKind.Enum)
        {
            yield return ("!" + value + ".IsKnown", "must be one of the values the spec lists");
        }

        if (type.Kind == TypeRefKind.String)
        {
            if (c.MinLength is { } minLength)
            {
                yield return (runtime + ".Length(" + value + ") < " + Int(minLength), "must be at least " + Int(minLength) + " characters long");
            }

            if (c.MaxLength is { } maxLength)
            {
                yield return (runtime + ".Length(" + value + ") > " + Int(maxLength), "must be at most " + Int(maxLength) + " characters long");
            }

            if (c.Pattern is { } pattern)
            {
                int index = _patterns.IndexOf(pattern);
                if (index < 0)
                {
                    index = _patterns.Count;
                    _patterns.Add(pattern);
                }

                yield return ("!" + runtime + ".IsMatch(__Patterns.P" + Int(index) + ", " + value + ")", "must match the pattern " + pattern);
            }

            if (!c.Enum.IsEmpty)
            {
                var strings = c.Enum.Where(v => v.Kind == JsonLiteralKind.String).ToList();
                if (strings.Count > 0)
                {
                    yield return ("!(" + string.Join(" || ", strings.Select(v => value + " == " + Literals.String(v.Text))) + ")", "must be one of: " + string.Join(", ", strings.Select(v => v.Text)));
                }
            }

            if (c.Const is { Kind: JsonLiteralKind.String } constant)
            {
                yield return (value + " != " + Literals.String(constant.Text), "must be " + constant.Text);
            }

            if (StringFormats.Find(c.Format) is { } format)
            {
                yield return (ValidationEmitter.FormatViolated(format, value), format.Message);
            }
        }

        if (type.IsNumber)
        {
            if (c.Minimum is { } minimum)
            {
                yield return (value + (c.ExclusiveMinimum ? " <= " : " < ") + TypeSyntax.Number(minimum, type.Kind), (c.ExclusiveMinimum ? "must be greater than " : "must be greater than or equal to ") + minimum);
            }

            if (c.Maximum is { } maximum)
            {
                yield return (value + (c.ExclusiveMaximum ? " >= " : " > ") + TypeSyntax.Number(maximum, type.Kind), (c.ExclusiveMaximum ? "must be less than " : "must be less than or equal to ") + maximum);
            }

            if (c.MultipleOf is { } multipleOf)
            {
                bool integral = type.IsInteger && long.TryParse(multipleOf, NumberStyles.None, CultureInfo.InvariantCulture, out _);
                string violated = integral
                    ? value + " % " + TypeSyntax.Number(multipleOf, type.Kind) + " != 0"
                    : type.Kind == TypeRefKind.Decimal
                        ? value + " % " + TypeSyntax.Number(multipleOf, type.Kind) + " != 0m"
                        : "!" + runtime + ".IsMultipleOf(" + value + ", " + TypeSyntax.Number(multipleOf, TypeRefKind.Double) + ")";
                yield return (violated, "must be a multiple of " + multipleOf);
            }

            if (!c.Enum.IsEmpty)
            {
                var numbers = c.Enum.Where(v => v.Kind == JsonLiteralKind.Number).ToList();
                if (numbers.Count > 0)
                {
                    yield return ("!(" + string.Join(" || ", numbers.Select(v => value + " == " + TypeSyntax.Number(v.Text, type.Kind))) + ")", "must be one of: " + string.Join(", ", numbers.Select(v => v.Text)));
                }
            }
        }

        if (type.Kind == TypeRefKind.Array)
        {
            string count = "global::System.Linq.Enumerable.Count(" + value + ")";
            if (c.MinItems is { } minItems)
            {
                yield return (count + " < " + Int(minItems), "must have at least " + Int(minItems) + " item" + (minItems == 1 ? string.Empty : "s"));
            }

            if (c.MaxItems is { } maxItems)
            {
                yield return (count + " > " + Int(maxItems), "must have at most " + Int(maxItems) + " item" + (maxItems == 1 ? string.Empty : "s"));
            }
        }
    }
}
