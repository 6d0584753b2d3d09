using System.Globalization;
using OpenApiSdk.Generator.Model;

namespace OpenApiSdk.Generator.Emitting;

/// <summary>
/// Emits a model's JSON reading and writing over <c>Utf8JsonReader</c>/<c>Utf8JsonWriter</c>: no reflection,
/// so trimmed and Native AOT apps work, and <c>JsonSerializer</c> with default options finds it through
/// <c>[JsonConverter]</c>. Reading never fails on a wrong-typed value: it records a read error that
/// <c>Validate()</c> reports with its pointer, so one pass names every problem in a payload.
/// </summary>
internal sealed class JsonEmitter
{
    private readonly SourceWriter _w;
    private readonly string _q;
    private int _depth;

    private JsonEmitter(SourceWriter writer, string qualifier)
    {
        _w = writer;
        _q = qualifier;
    }

    /// <param name="qualifier"><c>global::Namespace.</c>: generated names are qualified, so a property named like a type cannot hide it.</param>
    public static void Emit(SourceWriter w, TypeModel type, string qualifier) => new JsonEmitter(w, qualifier).EmitJson(type);

    private void EmitJson(TypeModel type)
    {
        string name = type.Name;
        _w.Line();
        _w.Line("/// <summary>Reads an instance from JSON text. Values of the wrong type are reported by <see cref=\"Validate\"/>, not thrown.</summary>");
        _w.Line("/// <exception cref=\"global::System.Text.Json.JsonException\">The text is not JSON, or its root is not an object.</exception>");
        _w.Line("public static " + name + " FromJson(string json) => FromJson(global::System.Text.Encoding.UTF8.GetBytes(json));");
        _w.Line();
        _w.Line("/// <summary>Reads an instance from UTF-8 JSON. Values of the wrong type are reported by <see cref=\"Validate\"/>, not thrown.</summary>");
        _w.Line("/// <exception cref=\"global::System.Text.Json.JsonException\">The text is not JSON, or its root is not an object.</exception>");
        _w.Open("public static " + name + " FromJson(global::System.ReadOnlySpan<byte> utf8Json)");
        _w.Line("var reader = new " + TypeSyntax.Reader + "(utf8Json);");
        _w.Line(TypeSyntax.Runtime + "OpenApiRuntime.ReadRootObject(ref reader, " + Literals.String(name) + ");");
        _w.Line("var result = ReadJson(ref reader);");
        _w.Line(TypeSyntax.Runtime + "OpenApiRuntime.ReadEnd(ref reader);");
        _w.Line("return result;");
        _w.Close();
        _w.Line();
        _w.Line("/// <summary>Writes this instance as JSON; properties that were never set are left out.</summary>");
        _w.Line("public string ToJson(bool indented = false) => " + TypeSyntax.Runtime + "OpenApiRuntime.ToJson(this, indented);");

        _w.Line();
        _w.Line("/// <summary>Reads the object the reader is on (its StartObject token) and leaves the reader on its EndObject.</summary>");
        _w.Open("internal static " + name + " ReadJson(ref " + TypeSyntax.Reader + " reader)");
        _w.Line("var result = new " + name + "();");
        _w.Open("while (reader.Read() && reader.TokenType == " + TypeSyntax.TokenType + ".PropertyName)");
        for (int i = 0; i < type.Properties.Count; i++)
        {
            PropertyModel property = type.Properties[i];
            // ValueTextEquals compares the unescaped name with plain UTF-8 (not JsonEncodedText's escaped bytes).
            _w.Open("if (reader.ValueTextEquals(__JsonConverter.U" + Int(i) + "))");
            _w.Line("reader.Read();");
            EmitReadProperty(property);
            _w.Line("continue;");
            _w.Close();
            _w.Line();
        }

        _w.Line("string __name = reader.GetString() ?? string.Empty;");
        _w.Line("reader.Read();");
        _w.Line("(result.AdditionalProperties ??= new global::System.Collections.Generic.Dictionary<string, global::System.Text.Json.JsonElement>())[__name] = " + TypeSyntax.Runtime + "OpenApiRuntime.ReadElement(ref reader);");
        _w.Close();
        _w.Line();
        _w.Line("return result;");
        _w.Close();

        _w.Line();
        _w.Line("/// <summary>Writes this instance as a JSON object.</summary>");
        _w.Open("public void WriteJson(" + TypeSyntax.Writer + " writer)");
        _w.Line("writer.WriteStartObject();");
        for (int i = 0; i < type.Properties.Count; i++)
        {
            PropertyModel property = type.Properties[i];
            _w.Open("if (" + TypeSyntax.Present(string.Empty, property) + ")");
            _w.Line("writer.WritePropertyName(__JsonConverter.N" + Int(i) + ");");
            string? isNull = TypeSyntax.PresentButNull(string.Empty, property);
            if (isNull is not null)
            {
                _w.Open("if (" + isNull + ")");
                _w.Line("writer.WriteNullValue();");
                _w.Close();
                _w.Open("else");
                EmitWrite(property.Type, TypeSyntax.Value(string.Empty, property));
                _w.Close();
            }
            else
            {
                EmitWrite(property.Type, TypeSyntax.Value(string.Empty, property));
            }

            _w.Close();
        }

        _w.Open("if (AdditionalProperties is not null)");
        _w.Open("foreach (var pair in AdditionalProperties)");
        _w.Line("writer.WritePropertyName(pair.Key);");
        _w.Line("pair.Value.WriteTo(writer);");
        _w.Close();
        _w.Close();
        _w.Line("writer.WriteEndObject();");
        _w.Close();

        _w.Line();
        _w.Line("/// <summary>Plugs the generated reader and writer into <c>JsonSerializer</c>.</summary>");
        _w.Open("internal sealed class __JsonConverter : global::System.Text.Json.Serialization.JsonConverter<" + name + ">");
        for (int i = 0; i < type.Properties.Count; i++)
        {
            _w.Line("internal static readonly global::System.Text.Json.JsonEncodedText N" + Int(i) + " = global::System.Text.Json.JsonEncodedText.Encode(" + Literals.String(type.Properties[i].JsonName) + ");");
            _w.Line("internal static readonly byte[] U" + Int(i) + " = global::System.Text.Encoding.UTF8.GetBytes(" + Literals.String(type.Properties[i].JsonName) + ");");
        }

        _w.Line();
        _w.Open("public override " + name + " Read(ref " + TypeSyntax.Reader + " reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options)");
        _w.Line(TypeSyntax.Runtime + "OpenApiRuntime.ExpectObject(ref reader, " + Literals.String(name) + ");");
        _w.Line("return ReadJson(ref reader);");
        _w.Close();
        _w.Line();
        _w.Line("public override void Write(" + TypeSyntax.Writer + " writer, " + name + " value, global::System.Text.Json.JsonSerializerOptions options) => value.WriteJson(writer);");
        _w.Close();
    }

    /// <summary>Reads the value the reader is on into <paramref name="store"/>; a mismatch is recorded on <c>result</c> at <paramref name="pointer"/> (a C# string expression).</summary>
    public static void EmitRead(SourceWriter w, string qualifier, TypeRef type, string pointer, System.Func<string, string> store) =>
        new JsonEmitter(w, qualifier).EmitReadValue(type, allowsNull: false, pointer, store);

    /// <summary>Writes the non-null <paramref name="value"/> of <paramref name="type"/> to <c>writer</c>.</summary>
    public static void EmitWriteValue(SourceWriter w, string qualifier, TypeRef type, string value) =>
        new JsonEmitter(w, qualifier).EmitWrite(type, value);

    private void EmitReadProperty(PropertyModel property)
    {
        string pointer = Literals.String("/" + EscapePointer(property.JsonName));
        EmitReadValue(property.Type, property.AllowsNull, pointer, value => "result." + property.Name + " = " + value + ";");
    }

    /// <summary>Reads the value the reader is on and hands it to <paramref name="store"/>, or records a read error at <paramref name="pointer"/>.</summary>
    private void EmitReadValue(TypeRef type, bool allowsNull, string pointer, System.Func<string, string> store)
    {
        if (type.Kind == TypeRefKind.Any)
        {
            _w.Line(store(TypeSyntax.Runtime + "OpenApiRuntime.ReadElement(ref reader)"));
            return;
        }

        _w.Open("if (reader.TokenType == " + TypeSyntax.TokenType + ".Null)");
        _w.Line(allowsNull ? store("null") : "result.AddReadError(" + pointer + ", \"must not be null\");");
        _w.Close();
        int depth = ++_depth;
        string v = "v" + Int(depth);
        switch (type.Kind)
        {
            case TypeRefKind.Model:
                _w.Open("else if (reader.TokenType == " + TypeSyntax.TokenType + ".StartObject)");
                _w.Line(store(_q + type.ModelName + ".ReadJson(ref reader)"));
                _w.Close();
                EmitMismatch(pointer, "must be an object");
                break;
            case TypeRefKind.Union:
                _w.Open("else");
                _w.Line(store(_q + type.ModelName + ".ReadJson(ref reader)"));
                _w.Close();
                break;
            case TypeRefKind.Enum:
                _w.Open("else if (" + TypeSyntax.Runtime + "OpenApiRuntime.TryReadString(ref reader, out string " + v + "))");
                _w.Line(store("new " + _q + type.ModelName + "(" + v + ")"));
                _w.Close();
                EmitMismatch(pointer, "must be a string");
                break;
            case TypeRefKind.Array:
                EmitReadArray(type, pointer, store, depth);
                break;
            case TypeRefKind.Map:
                EmitReadMap(type, pointer, store, depth);
                break;
            default:
                (string method, string clr, string message) = Scalar(type.Kind);
                _w.Open("else if (" + TypeSyntax.Runtime + "OpenApiRuntime." + method + "(ref reader, out " + clr + " " + v + "))");
                _w.Line(store(v));
                _w.Close();
                EmitMismatch(pointer, message);
                break;
        }

        _depth--;
    }

    private void EmitMismatch(string pointer, string message)
    {
        _w.Open("else");
        _w.Line(TypeSyntax.Runtime + "OpenApiRuntime.SkipValue(ref reader);");
        _w.Line("result.AddReadError(" + pointer + ", " + Literals.String(message) + ");");
        _w.Close();
    }

    private void EmitReadArray(TypeRef type, string pointer, System.Func<string, string> store, int depth)
    {
        string list = "list" + Int(depth), index = "index" + Int(depth);
        _w.Open("else if (reader.TokenType == " + TypeSyntax.TokenType + ".StartArray)");
        _w.Line("var " + list + " = new " + TypeSyntax.Of(type, _q) + "();");
        _w.Line("int " + index + " = 0;");
        _w.Open("while (reader.Read() && reader.TokenType != " + TypeSyntax.TokenType + ".EndArray)");
        EmitReadValue(type.Element!, type.ElementAllowsNull, pointer + " + \"/\" + " + index + ".ToString(global::System.Globalization.CultureInfo.InvariantCulture)", value => list + ".Add(" + value + ");");
        _w.Line(index + "++;");
        _w.Close();
        _w.Line(store(list));
        _w.Close();
        EmitMismatch(pointer, "must be an array");
    }

    private void EmitReadMap(TypeRef type, string pointer, System.Func<string, string> store, int depth)
    {
        string map = "map" + Int(depth), key = "key" + Int(depth);
        _w.Open("else if (reader.TokenType == " + TypeSyntax.TokenType + ".StartObject)");
        _w.Line("var " + map + " = new " + TypeSyntax.Of(type, _q) + "();");
        _w.Open("while (reader.Read() && reader.TokenType == " + TypeSyntax.TokenType + ".PropertyName)");
        _w.Line("string " + key + " = reader.GetString() ?? string.Empty;");
        _w.Line("reader.Read();");
        EmitReadValue(type.Element!, type.ElementAllowsNull, pointer + " + \"/\" + " + TypeSyntax.Runtime + "OpenApiRuntime.EscapePointer(" + key + ")", value => map + "[" + key + "] = " + value + ";");
        _w.Close();
        _w.Line(store(map));
        _w.Close();
        EmitMismatch(pointer, "must be an object");
    }

    private static (string Method, string Clr, string Message) Scalar(TypeRefKind kind) => kind switch
    {
        TypeRefKind.Int32 => ("TryReadInt32", "int", "must be a 32-bit integer"),
        TypeRefKind.Int64 => ("TryReadInt64", "long", "must be an integer"),
        TypeRefKind.Single => ("TryReadSingle", "float", "must be a number"),
        TypeRefKind.Double => ("TryReadDouble", "double", "must be a number"),
        TypeRefKind.Decimal => ("TryReadDecimal", "decimal", "must be a number"),
        TypeRefKind.Boolean => ("TryReadBoolean", "bool", "must be a boolean"),
        TypeRefKind.DateTimeOffset => ("TryReadDateTimeOffset", "global::System.DateTimeOffset", "must be a date-time string (RFC 3339)"),
        TypeRefKind.Guid => ("TryReadGuid", "global::System.Guid", "must be a UUID string"),
        TypeRefKind.Bytes => ("TryReadBytes", "byte[]", "must be a base64 string"),
        _ => ("TryReadString", "string", "must be a string"),
    };

    private void EmitWrite(TypeRef type, string value)
    {
        switch (type.Kind)
        {
            case TypeRefKind.String:
            case TypeRefKind.Guid:
                _w.Line("writer.WriteStringValue(" + value + ");");
                break;
            case TypeRefKind.DateTimeOffset:
                _w.Line(TypeSyntax.Runtime + "OpenApiRuntime.WriteDateTime(writer, " + value + ");");
                break;
            case TypeRefKind.Enum:
                _w.Line("writer.WriteStringValue(" + value + ".Value);");
                break;
            case TypeRefKind.Bytes:
                _w.Line("writer.WriteBase64StringValue(" + value + ");");
                break;
            case TypeRefKind.Boolean:
                _w.Line("writer.WriteBooleanValue(" + value + ");");
                break;
            case TypeRefKind.Model:
            case TypeRefKind.Union:
                _w.Line(value + ".WriteJson(writer);");
                break;
            case TypeRefKind.Any:
                _w.Line(value + ".WriteTo(writer);");
                break;
            case TypeRefKind.Array:
            case TypeRefKind.Map:
                EmitWriteCollection(type, value);
                break;
            default:
                _w.Line("writer.WriteNumberValue(" + value + ");");
                break;
        }
    }

    private void EmitWriteCollection(TypeRef type, string value)
    {
        int depth = ++_depth;
        string item = "item" + Int(depth);
        bool isMap = type.Kind == TypeRefKind.Map;
        _w.Line(isMap ? "writer.WriteStartObject();" : "writer.WriteStartArray();");
        _w.Open("foreach (var " + item + " in " + value + ")");
        string element = item;
        if (isMap)
        {
            _w.Line("writer.WritePropertyName(" + item + ".Key);");
            element = item + ".Value";
        }

        bool nullable = type.ElementAllowsNull && type.Element!.Kind != TypeRefKind.Any || !type.Element!.IsValueType;
        if (nullable)
        {
            _w.Open("if (" + element + " is null)");
            _w.Line("writer.WriteNullValue();");
            _w.Close();
            _w.Open("else");
            EmitWrite(type.Element!, type.Element!.IsValueType ? element + ".GetValueOrDefault()" : element);
            _w.Close();
        }
        else
        {
            EmitWrite(type.Element!, element);
        }

        _w.Close();
        _w.Line(isMap ? "writer.WriteEndObject();" : "writer.WriteEndArray();");
        _depth--;
    }

    private static string EscapePointer(string segment) => segment.Replace("~", "~0").Replace("/", "~1");

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
