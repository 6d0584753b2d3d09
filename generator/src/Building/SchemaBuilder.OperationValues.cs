using System;
using System.Collections.Generic;
using System.Linq;
using OpenApiSdk.Generator.Model;
using OpenApiSdk.Generator.Yaml;

namespace OpenApiSdk.Generator.Building;

/// <summary>
/// The part of <see cref="SchemaBuilder"/> for values an operation sends that are no model (a parameter, a body that is an
/// array, a map or a scalar): where their typed checks leave a keyword out, the client checks the value's JSON against its
/// whole schema (the JSON-value validator), as a model's <see cref="TypeModel.JsonFallback"/> does.
/// </summary>
internal sealed partial class SchemaBuilder
{
    /// <summary>
    /// The shape of an operation's value, and its whole schema compiled for the JSON-value validator when the typed checks
    /// leave a keyword out: a construct shaping reports about a validation keyword (held back while shaping, then taken
    /// back), or <paramref name="typedChecksLeaveOut"/> of the shape. Other reports are made as usual.
    /// </summary>
    public Shape OperationValueShape(YamlNode schema, string owner, string member, Func<Shape, bool> typedChecksLeaveOut, out JsonValueSchema? checkedAsJson)
    {
        Shape shape = HoldingLeftOut(() => ShapeOf(schema, owner, member), out List<LeftOut> held);
        bool asJson = held.Any(l => IsCheckedAsJson(l.Construct)) || typedChecksLeaveOut(shape);
        ReportHeld(held, asJson);
        checkedAsJson = asJson ? CompileJsonValue(schema) : null;
        return shape;
    }
}
