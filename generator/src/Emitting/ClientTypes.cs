using System.Collections.Generic;
using System.Globalization;
using OpenApiSdk.Generator.Model;

namespace OpenApiSdk.Generator.Emitting;

/// <summary>
/// Type spellings and JSON read/write helpers for client code. Everything generated is referred to as
/// <c>global::Namespace.Name</c>: inside the client class a group property or nested class could otherwise
/// shadow a model or runtime type of the same name.
/// </summary>
internal sealed class ClientTypes
{
    private readonly string _namespace;

    public ClientTypes(string @namespace) => _namespace = @namespace;

    /// <summary>A type of the spec's namespace (model, enum or runtime helper), fully qualified.</summary>
    public string Generated(string name) => "global::" + _namespace + "." + name;

    public string Of(TypeRef type) => type.Kind switch
    {
        TypeRefKind.Model or TypeRefKind.Enum or TypeRefKind.Union => Generated(type.ModelName!),
        TypeRefKind.Array => TypeSyntax.List + "<" + Nullable(type.Element!, type.ElementAllowsNull) + ">",
        TypeRefKind.Map => TypeSyntax.Dictionary + "<string, " + Nullable(type.Element!, type.ElementAllowsNull) + ">",
        _ => TypeSyntax.Of(type),
    };

    /// <summary>The C# type of a body parameter: the body's type, or for streamed items an <c>IAsyncEnumerable</c> of them.</summary>
    public string Body(BodyModel body, bool nullable = false) => body.Items is null
        ? Nullable(body.Type, nullable)
        : "global::System.Collections.Generic.IAsyncEnumerable<" + Of(body.Type) + ">" + (nullable ? "?" : string.Empty);

    public string Nullable(TypeRef type, bool nullable) => nullable && type.Kind != TypeRefKind.Any ? Of(type) + "?" : Of(type);

    /// <summary>A parameter's C# type: arrays are taken as any sequence.</summary>
    public string Parameter(ParameterModel parameter)
    {
        string type = parameter.Type.Kind == TypeRefKind.Array
            ? "global::System.Collections.Generic.IEnumerable<" + Nullable(parameter.Type.Element!, parameter.Type.ElementAllowsNull) + ">"
            : Of(parameter.Type);
        return parameter.Required ? type : type + "?";
    }

    /// <summary>True when values of <paramref name="type"/> are reference types (so they can be null-checked and used as a class constraint).</summary>
    public static bool IsReference(TypeRef type) => !type.IsValueType;

    /// <summary>An expression formatting a non-null simple value as text, as it goes into a path, query or header.</summary>
    public static string Format(TypeRef type, string value) => type.Kind switch
    {
        TypeRefKind.String => value,
        TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Single or TypeRefKind.Double or TypeRefKind.Decimal =>
            value + ".ToString(global::System.Globalization.CultureInfo.InvariantCulture)",
        TypeRefKind.Boolean => "(" + value + " ? \"true\" : \"false\")",
        TypeRefKind.DateTimeOffset => value + ".ToString(\"O\", global::System.Globalization.CultureInfo.InvariantCulture)",
        TypeRefKind.Guid => value + ".ToString(\"D\", global::System.Globalization.CultureInfo.InvariantCulture)",
        TypeRefKind.Bytes => "global::System.Convert.ToBase64String(" + value + ")",
        TypeRefKind.Enum => value + ".Value",
        _ => value + ".ToString()",
    };
}

/// <summary>
/// Collects the JSON readers and writers one operations class needs, one static method per distinct
/// <see cref="TypeRef"/>, built on the models' generated <c>ReadJson</c>/<c>WriteJson</c> (no reflection).
/// </summary>
internal sealed class ClientJson
{
    private readonly ClientTypes _types;
    private readonly Dictionary<TypeRef, string> _readers = new();
    private readonly Dictionary<TypeRef, string> _writers = new();
    private readonly List<TypeRef> _readerOrder = new();
    private readonly List<TypeRef> _writerOrder = new();

    public ClientJson(ClientTypes types) => _types = types;

    /// <summary>The name of the method <c>static T Name(ref Utf8JsonReader reader)</c> reading a <paramref name="type"/> whose first token the reader is on.</summary>
    public string Reader(TypeRef type)
    {
        if (!_readers.TryGetValue(type, out string? name))
        {
            name = "__Read" + _readers.Count.ToString(CultureInfo.InvariantCulture);
            _readers.Add(type, name);
            _readerOrder.Add(type);
            if (type.Element is { } element)
            {
                Reader(element);
            }
        }

        return name;
    }

    /// <summary>The name of the method <c>static void Name(Utf8JsonWriter writer, T value)</c>.</summary>
    public string Writer(TypeRef type)
    {
        if (!_writers.TryGetValue(type, out string? name))
        {
            name = "__Write" + _writers.Count.ToString(CultureInfo.InvariantCulture);
            _writers.Add(type, name);
            _writerOrder.Add(type);
            if (type.Element is { } element)
            {
                Writer(element);
            }
        }

        return name;
    }

    public void Emit(SourceWriter w)
    {
        // Readers and writers can register their element types while being emitted; index loops see them.
        for (int i = 0; i < _readerOrder.Count; i++)
        {
            EmitReader(w, _readerOrder[i]);
        }

        for (int i = 0; i < _writerOrder.Count; i++)
        {
            EmitWriter(w, _writerOrder[i]);
        }
    }

    private void EmitReader(SourceWriter w, TypeRef type)
    {
        string clr = _types.Of(type);
        const string Token = "global::System.Text.Json.JsonTokenType";
        w.Line();
        w.Open("private static " + clr + " " + _readers[type] + "(ref " + TypeSyntax.Reader + " reader)");
        switch (type.Kind)
        {
            case TypeRefKind.Model:
                w.Open("if (reader.TokenType != " + Token + ".StartObject)");
                w.Line("throw new global::System.Text.Json.JsonException(\"Expected a JSON object.\");");
                w.Close();
                w.Line("return " + clr + ".ReadJson(ref reader);");
                break;
            case TypeRefKind.Union:
                w.Line("return " + clr + ".ReadJson(ref reader);"); // any JSON value: the union decides what it fits
                break;
            case TypeRefKind.Array:
            {
                TypeRef element = type.Element!;
                w.Open("if (reader.TokenType != " + Token + ".StartArray)");
                w.Line("throw new global::System.Text.Json.JsonException(\"Expected a JSON array.\");");
                w.Close();
                w.Line("var result = new " + clr + "();");
                w.Open("while (reader.Read() && reader.TokenType != " + Token + ".EndArray)");
                w.Line("result.Add(" + ElementRead(element, type.ElementAllowsNull) + ");");
                w.Close();
                w.Line("return result;");
                break;
            }

            case TypeRefKind.Map:
            {
                TypeRef element = type.Element!;
                w.Open("if (reader.TokenType != " + Token + ".StartObject)");
                w.Line("throw new global::System.Text.Json.JsonException(\"Expected a JSON object.\");");
                w.Close();
                w.Line("var result = new " + clr + "(global::System.StringComparer.Ordinal);");
                w.Open("while (reader.Read() && reader.TokenType == " + Token + ".PropertyName)");
                w.Line("string key = reader.GetString()!;");
                w.Line("reader.Read();");
                w.Line("result[key] = " + ElementRead(element, type.ElementAllowsNull) + ";");
                w.Close();
                w.Line("return result;");
                break;
            }

            case TypeRefKind.Any:
                w.Line("return " + TypeSyntax.Runtime + "OpenApiRuntime" + ".ReadElement(ref reader);");
                break;
            case TypeRefKind.Enum:
                w.Line("return new " + clr + "(reader.GetString()!);");
                break;
            default:
                w.Line("return " + ScalarRead(type.Kind) + ";");
                break;
        }

        w.Close();
    }

    private string ElementRead(TypeRef element, bool allowsNull)
    {
        string read = Reader(element) + "(ref reader)";
        if (!allowsNull)
        {
            return read;
        }

        string nullValue = element.Kind == TypeRefKind.Any ? "default" : "(" + _types.Nullable(element, true) + ")null";
        return "reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? " + nullValue + " : " + read;
    }

    private static string ScalarRead(TypeRefKind kind) => kind switch
    {
        TypeRefKind.String => "reader.GetString()!",
        TypeRefKind.Int32 => "reader.GetInt32()",
        TypeRefKind.Int64 => "reader.GetInt64()",
        TypeRefKind.Single => "reader.GetSingle()",
        TypeRefKind.Double => "reader.GetDouble()",
        TypeRefKind.Decimal => "reader.GetDecimal()",
        TypeRefKind.Boolean => "reader.GetBoolean()",
        TypeRefKind.DateTimeOffset => "reader.GetDateTimeOffset()",
        TypeRefKind.Guid => "reader.GetGuid()",
        TypeRefKind.Bytes => "reader.GetBytesFromBase64()",
        _ => "reader.GetString()!",
    };

    private void EmitWriter(SourceWriter w, TypeRef type)
    {
        string clr = _types.Of(type);
        w.Line();
        w.Open("private static void " + _writers[type] + "(" + TypeSyntax.Writer + " writer, " + clr + " value)");
        switch (type.Kind)
        {
            case TypeRefKind.Model:
            case TypeRefKind.Union:
                w.Line("value.WriteJson(writer);");
                break;
            case TypeRefKind.Array:
                w.Line("writer.WriteStartArray();");
                w.Open("foreach (var item in value)");
                ElementWrite(w, type.Element!, type.ElementAllowsNull, "item");
                w.Close();
                w.Line("writer.WriteEndArray();");
                break;
            case TypeRefKind.Map:
                w.Line("writer.WriteStartObject();");
                w.Open("foreach (var entry in value)");
                w.Line("writer.WritePropertyName(entry.Key);");
                ElementWrite(w, type.Element!, type.ElementAllowsNull, "entry.Value");
                w.Close();
                w.Line("writer.WriteEndObject();");
                break;
            case TypeRefKind.Any:
                w.Line("value.WriteTo(writer);");
                break;
            case TypeRefKind.Enum:
                w.Line("writer.WriteStringValue(value.Value);");
                break;
            case TypeRefKind.Boolean:
                w.Line("writer.WriteBooleanValue(value);");
                break;
            case TypeRefKind.Bytes:
                w.Line("writer.WriteBase64StringValue(value);");
                break;
            case TypeRefKind.String or TypeRefKind.DateTimeOffset or TypeRefKind.Guid:
                w.Line("writer.WriteStringValue(value);");
                break;
            default:
                w.Line("writer.WriteNumberValue(value);");
                break;
        }

        w.Close();
    }

    private void ElementWrite(SourceWriter w, TypeRef element, bool allowsNull, string value)
    {
        string write = Writer(element);
        if (allowsNull && element.Kind != TypeRefKind.Any)
        {
            w.Open("if (" + value + " is null)");
            w.Line("writer.WriteNullValue();");
            w.Close();
            w.Open("else");
            w.Line(write + "(writer, " + value + (element.IsValueType ? ".GetValueOrDefault()" : "!") + ");");
            w.Close();
        }
        else
        {
            w.Line(write + "(writer, " + value + ");");
        }
    }
}
