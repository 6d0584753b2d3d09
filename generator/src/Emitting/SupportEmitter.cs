namespace OpenApiSdk.Generator.Emitting;

/// <summary>
/// Emits the small runtime the models share, once per namespace: the validation result types, the
/// generated DataAnnotations attributes, and JSON helpers. Emitting it (instead of shipping a runtime
/// library) keeps the package an analyzer with nothing in the consumer's references.
/// </summary>
internal static class SupportEmitter
{
    /// <summary>The type names emitted here; schemas with these names are renamed.</summary>
    public static readonly string[] TypeNames =
    {
        "ValidationError", "ValidationException", "ValidationCollector", "IOpenApiModel", "IOpenApiEnum", "OpenApiRuntime",
        "SchemaLengthAttribute", "SchemaItemsAttribute", "SchemaPatternAttribute", "SchemaRangeAttribute", "MultipleOfAttribute", "UniqueItemsAttribute",
        "SchemaEnumAttribute", "SchemaRulesAttribute", "ApiException",
    };

    public static string Emit(string @namespace) =>
        SourceWriter.Header + "namespace " + @namespace + "\n{\n" + Body.Replace("[GeneratedCode]", TypeSyntax.GeneratedCode) + "}\n";

    private const string Body = """
    /// <summary>One broken rule: the JSON Pointer (RFC 6901) of the offending value, and the rule it breaks.</summary>
    [GeneratedCode]
    public sealed class ValidationError : global::System.IEquatable<ValidationError>
    {
        /// <summary>Creates an error.</summary>
        public ValidationError(string pointer, string message)
        {
            Pointer = pointer ?? throw new global::System.ArgumentNullException(nameof(pointer));
            Message = message ?? throw new global::System.ArgumentNullException(nameof(message));
        }

        /// <summary>Where: a JSON Pointer such as <c>/fe_volume/capacity_in_gb</c>; empty for the whole document.</summary>
        public string Pointer { get; }

        /// <summary>What: the rule, stated without the offending value (which may be a secret).</summary>
        public string Message { get; }

        /// <inheritdoc/>
        public bool Equals(ValidationError? other) => other is not null && Pointer == other.Pointer && Message == other.Message;

        /// <inheritdoc/>
        public override bool Equals(object? obj) => Equals(obj as ValidationError);

        /// <inheritdoc/>
        public override int GetHashCode() => unchecked((global::System.StringComparer.Ordinal.GetHashCode(Pointer) * 31) + global::System.StringComparer.Ordinal.GetHashCode(Message));

        /// <summary><c>POINTER: MESSAGE</c>.</summary>
        public override string ToString() => (Pointer.Length == 0 ? "/" : Pointer) + ": " + Message;
    }

    /// <summary>Thrown when a value breaks its schema; <see cref="Errors"/> lists every broken rule.</summary>
    [GeneratedCode]
    public sealed class ValidationException : global::System.Exception
    {
        /// <summary>Creates the exception for the given errors.</summary>
        public ValidationException(string subject, global::System.Collections.Generic.IReadOnlyList<ValidationError> errors)
            : base(OpenApiRuntime.DescribeErrors(subject, errors))
        {
            Errors = errors;
        }

        /// <summary>Every broken rule, each with its JSON Pointer.</summary>
        public global::System.Collections.Generic.IReadOnlyList<ValidationError> Errors { get; }
    }

    /// <summary>Collects errors while validating, tracking the JSON Pointer of the value being checked.</summary>
    [GeneratedCode]
    internal sealed class ValidationCollector
    {
        private readonly global::System.Collections.Generic.List<ValidationError> _errors = new global::System.Collections.Generic.List<ValidationError>();
        private readonly global::System.Collections.Generic.List<string> _path = new global::System.Collections.Generic.List<string>();

        public global::System.Collections.Generic.IReadOnlyList<ValidationError> Errors => _errors;

        public void Enter(string name) => _path.Add(OpenApiRuntime.EscapePointer(name));

        public void Enter(int index) => _path.Add(index.ToString(global::System.Globalization.CultureInfo.InvariantCulture));

        public void Exit() => _path.RemoveAt(_path.Count - 1);

        public void Add(string? name, string message)
        {
            string pointer = Current();
            if (name is not null)
            {
                pointer += "/" + OpenApiRuntime.EscapePointer(name);
            }

            _errors.Add(new ValidationError(pointer, message));
        }

        /// <summary>Adds errors whose pointers are relative to the current value.</summary>
        public void AddRelative(global::System.Collections.Generic.IEnumerable<ValidationError> errors)
        {
            string prefix = Current();
            foreach (ValidationError error in errors)
            {
                _errors.Add(new ValidationError(prefix + error.Pointer, error.Message));
            }
        }

        private string Current() => _path.Count == 0 ? string.Empty : "/" + string.Join("/", _path);
    }

    /// <summary>What every generated model can do, for the generated code that handles models generically.</summary>
    internal interface IOpenApiModel
    {
        bool ValidateCore(ValidationCollector? errors);

        bool ValidateTypeLevel(ValidationCollector? errors);

        void WriteJson(global::System.Text.Json.Utf8JsonWriter writer);
    }

    /// <summary>What every generated extensible enum can tell.</summary>
    internal interface IOpenApiEnum
    {
        bool IsKnown { get; }
    }

    /// <summary>Helpers the generated models call.</summary>
    [GeneratedCode]
    internal static class OpenApiRuntime
    {
        public static string EscapePointer(string name) =>
            name.IndexOf('~') < 0 && name.IndexOf('/') < 0 ? name : name.Replace("~", "~0").Replace("/", "~1");

        /// <summary>The length in Unicode code points, as JSON Schema counts it.</summary>
        public static int Length(string value)
        {
            int length = value.Length;
            for (int i = 1; i < value.Length; i++)
            {
                if (char.IsLowSurrogate(value[i]) && char.IsHighSurrogate(value[i - 1]))
                {
                    length--;
                }
            }

            return length;
        }

        public static global::System.Text.RegularExpressions.Regex CreatePattern(string pattern) =>
            new global::System.Text.RegularExpressions.Regex(pattern, global::System.Text.RegularExpressions.RegexOptions.CultureInvariant, global::System.TimeSpan.FromSeconds(2));

        /// <summary>A JSON Schema pattern match (a search, not a whole-string match); a match that runs out of time counts as no match.</summary>
        public static bool IsMatch(global::System.Text.RegularExpressions.Regex pattern, string value)
        {
            try
            {
                return pattern.IsMatch(value);
            }
            catch (global::System.Text.RegularExpressions.RegexMatchTimeoutException)
            {
                return false;
            }
        }

        /// <summary>RFC 3339 full-date: <c>YYYY-MM-DD</c>, a real calendar day.</summary>
        public static bool IsDate(string value) =>
            value.Length == 10 && global::System.DateTime.TryParseExact(value, "yyyy-MM-dd", global::System.Globalization.CultureInfo.InvariantCulture, global::System.Globalization.DateTimeStyles.None, out _);

        /// <summary>An addr-spec in its common form: a local part, one '@', a dotted domain; no spaces.</summary>
        public static bool IsEmail(string value)
        {
            int at = value.LastIndexOf('@');
            if (at <= 0 || at == value.Length - 1 || value.IndexOf('@') != at)
            {
                return false;
            }

            for (int i = 0; i < value.Length; i++)
            {
                if (char.IsWhiteSpace(value[i]) || char.IsControl(value[i]))
                {
                    return false;
                }
            }

            string domain = value.Substring(at + 1);
            return domain[0] != '.' && domain[domain.Length - 1] != '.' && domain.IndexOf("..", global::System.StringComparison.Ordinal) < 0;
        }

        /// <summary>RFC 3986 absolute URI: a scheme, then the rest (.NET alone would take "/a/b" as a file URI on Unix).</summary>
        public static bool IsUri(string value)
        {
            int colon = value.IndexOf(':');
            if (colon <= 0 || !IsAsciiLetter(value[0]))
            {
                return false;
            }

            for (int i = 1; i < colon; i++)
            {
                char c = value[i];
                if (!(IsAsciiLetter(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'))
                {
                    return false;
                }
            }

            return global::System.Uri.TryCreate(value, global::System.UriKind.Absolute, out _);
        }

        private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

        /// <summary>Dotted-quad IPv4 (four decimal numbers 0-255).</summary>
        public static bool IsIPv4(string value)
        {
            string[] parts = value.Split('.');
            if (parts.Length != 4)
            {
                return false;
            }

            foreach (string part in parts)
            {
                if (part.Length == 0 || part.Length > 3 || (part.Length > 1 && part[0] == '0'))
                {
                    return false;
                }

                foreach (char c in part)
                {
                    if (c < '0' || c > '9')
                    {
                        return false;
                    }
                }

                if (int.Parse(part, global::System.Globalization.CultureInfo.InvariantCulture) > 255)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>An IPv6 address (RFC 4291 text forms, no zone or prefix).</summary>
        public static bool IsIPv6(string value) =>
            value.IndexOf(':') >= 0 && value.IndexOf('%') < 0 && value.IndexOf('/') < 0
            && global::System.Net.IPAddress.TryParse(value, out global::System.Net.IPAddress? address)
            && address.AddressFamily == global::System.Net.Sockets.AddressFamily.InterNetworkV6;

        public static bool IsMultipleOf(double value, double divisor)
        {
            double quotient = value / divisor;
            return global::System.Math.Abs(quotient - global::System.Math.Round(quotient)) <= 1e-9 * global::System.Math.Max(1d, global::System.Math.Abs(quotient));
        }

        public static bool AllUnique<T>(global::System.Collections.Generic.IEnumerable<T> items)
        {
            var seen = new global::System.Collections.Generic.HashSet<T>();
            foreach (T item in items)
            {
                if (!seen.Add(item))
                {
                    return false;
                }
            }

            return true;
        }

        public static bool HasErrorAt(global::System.Collections.Generic.List<ValidationError> errors, string name)
        {
            string pointer = "/" + EscapePointer(name);
            foreach (ValidationError error in errors)
            {
                if (error.Pointer == pointer || error.Pointer.StartsWith(pointer + "/", global::System.StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        public static string DescribeErrors(string subject, global::System.Collections.Generic.IReadOnlyList<ValidationError> errors)
        {
            var text = new global::System.Text.StringBuilder(subject).Append(" is not valid (").Append(errors.Count).Append(errors.Count == 1 ? " error):" : " errors):");
            foreach (ValidationError error in errors)
            {
                text.Append('\n').Append("  ").Append(error);
            }

            return text.ToString();
        }

        public static bool SequenceEqual<T>(global::System.Collections.Generic.List<T>? left, global::System.Collections.Generic.List<T>? right)
        {
            if (left is null || right is null)
            {
                return left is null && right is null;
            }

            if (left.Count != right.Count)
            {
                return false;
            }

            for (int i = 0; i < left.Count; i++)
            {
                if (!ItemEquals(left[i], right[i]))
                {
                    return false;
                }
            }

            return true;
        }

        public static bool SequenceEqual(byte[]? left, byte[]? right) =>
            left is null || right is null ? left is null && right is null : global::System.Linq.Enumerable.SequenceEqual(left, right);

        public static bool DictionaryEqual<T>(global::System.Collections.Generic.Dictionary<string, T>? left, global::System.Collections.Generic.Dictionary<string, T>? right)
        {
            if (left is null || right is null)
            {
                return left is null && right is null;
            }

            if (left.Count != right.Count)
            {
                return false;
            }

            foreach (var pair in left)
            {
                if (!right.TryGetValue(pair.Key, out T? other) || !ItemEquals(pair.Value, other))
                {
                    return false;
                }
            }

            return true;
        }

        // JsonElement's own Equals compares positions in a document, not values.
        private static bool ItemEquals<T>(T left, T right) =>
            left is global::System.Text.Json.JsonElement leftElement && right is global::System.Text.Json.JsonElement rightElement
                ? leftElement.GetRawText() == rightElement.GetRawText()
                : global::System.Collections.Generic.EqualityComparer<T>.Default.Equals(left, right);

        public static bool JsonEqual(global::System.Text.Json.JsonElement? left, global::System.Text.Json.JsonElement? right) =>
            left is null || right is null ? left is null && right is null : left.Value.GetRawText() == right.Value.GetRawText();

        public static void AppendMember(global::System.Text.StringBuilder text, ref bool first, string name, object? value)
        {
            text.Append(first ? " " : ", ").Append(name).Append(" = ");
            first = false;
            AppendValue(text, value);
        }

        private static void AppendValue(global::System.Text.StringBuilder text, object? value)
        {
            switch (value)
            {
                case null:
                    text.Append("null");
                    break;
                case string s:
                    text.Append(s);
                    break;
                case bool b:
                    text.Append(b ? "true" : "false");
                    break;
                case global::System.IFormattable formattable:
                    text.Append(formattable.ToString(null, global::System.Globalization.CultureInfo.InvariantCulture));
                    break;
                case global::System.Collections.IDictionary dictionary:
                    text.Append('{');
                    bool firstEntry = true;
                    foreach (global::System.Collections.DictionaryEntry entry in dictionary)
                    {
                        text.Append(firstEntry ? " " : ", ").Append(entry.Key).Append(" = ");
                        AppendValue(text, entry.Value);
                        firstEntry = false;
                    }

                    text.Append(firstEntry ? "}" : " }");
                    break;
                case global::System.Collections.IEnumerable items:
                    text.Append('[');
                    bool firstItem = true;
                    foreach (object? item in items)
                    {
                        text.Append(firstItem ? string.Empty : ", ");
                        AppendValue(text, item);
                        firstItem = false;
                    }

                    text.Append(']');
                    break;
                default:
                    text.Append(value);
                    break;
            }
        }

        public static void ReadRootObject(ref global::System.Text.Json.Utf8JsonReader reader, string typeName)
        {
            if (!reader.Read() || reader.TokenType != global::System.Text.Json.JsonTokenType.StartObject)
            {
                throw new global::System.Text.Json.JsonException("Expected a JSON object for " + typeName + ".");
            }
        }

        public static void ReadRootValue(ref global::System.Text.Json.Utf8JsonReader reader, string typeName)
        {
            if (!reader.Read())
            {
                throw new global::System.Text.Json.JsonException("Expected a JSON value for " + typeName + ".");
            }
        }

        /// <summary>The string value of the object's <paramref name="propertyName"/> (a oneOf discriminator); null when absent or not a string.</summary>
        public static string? ReadDiscriminator(global::System.Text.Json.Utf8JsonReader reader, string propertyName)
        {
            if (reader.TokenType != global::System.Text.Json.JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == global::System.Text.Json.JsonTokenType.PropertyName)
            {
                bool found = reader.ValueTextEquals(propertyName);
                reader.Read();
                if (found)
                {
                    return reader.TokenType == global::System.Text.Json.JsonTokenType.String ? reader.GetString() : null;
                }

                reader.Skip();
            }

            return null;
        }

        public static void ReadEnd(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            if (reader.Read())
            {
                throw new global::System.Text.Json.JsonException("Unexpected content after the JSON value.");
            }
        }

        public static void ExpectObject(ref global::System.Text.Json.Utf8JsonReader reader, string typeName)
        {
            if (reader.TokenType != global::System.Text.Json.JsonTokenType.StartObject)
            {
                throw new global::System.Text.Json.JsonException("Expected a JSON object for " + typeName + ".");
            }
        }

        public static void SkipValue(ref global::System.Text.Json.Utf8JsonReader reader) => reader.Skip();

        public static global::System.Text.Json.JsonElement ReadElement(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            using (var document = global::System.Text.Json.JsonDocument.ParseValue(ref reader))
            {
                return document.RootElement.Clone();
            }
        }

        public static bool TryReadString(ref global::System.Text.Json.Utf8JsonReader reader, out string value)
        {
            if (reader.TokenType == global::System.Text.Json.JsonTokenType.String)
            {
                value = reader.GetString()!;
                return true;
            }

            value = string.Empty;
            reader.Skip();
            return false;
        }

        public static bool TryReadInt32(ref global::System.Text.Json.Utf8JsonReader reader, out int value)
        {
            if (reader.TokenType == global::System.Text.Json.JsonTokenType.Number && reader.TryGetInt32(out value))
            {
                return true;
            }

            value = 0;
            reader.Skip();
            return false;
        }

        public static bool TryReadInt64(ref global::System.Text.Json.Utf8JsonReader reader, out long value)
        {
            if (reader.TokenType == global::System.Text.Json.JsonTokenType.Number && reader.TryGetInt64(out value))
            {
                return true;
            }

            value = 0;
            reader.Skip();
            return false;
        }

        public static bool TryReadSingle(ref global::System.Text.Json.Utf8JsonReader reader, out float value)
        {
            if (reader.TokenType == global::System.Text.Json.JsonTokenType.Number && reader.TryGetSingle(out value))
            {
                return true;
            }

            value = 0;
            reader.Skip();
            return false;
        }

        public static bool TryReadDouble(ref global::System.Text.Json.Utf8JsonReader reader, out double value)
        {
            if (reader.TokenType == global::System.Text.Json.JsonTokenType.Number && reader.TryGetDouble(out value))
            {
                return true;
            }

            value = 0;
            reader.Skip();
            return false;
        }

        public static bool TryReadDecimal(ref global::System.Text.Json.Utf8JsonReader reader, out decimal value)
        {
            if (reader.TokenType == global::System.Text.Json.JsonTokenType.Number && reader.TryGetDecimal(out value))
            {
                return true;
            }

            value = 0;
            reader.Skip();
            return false;
        }

        public static bool TryReadBoolean(ref global::System.Text.Json.Utf8JsonReader reader, out bool value)
        {
            if (reader.TokenType == global::System.Text.Json.JsonTokenType.True || reader.TokenType == global::System.Text.Json.JsonTokenType.False)
            {
                value = reader.GetBoolean();
                return true;
            }

            value = false;
            reader.Skip();
            return false;
        }

        public static bool TryReadDateTimeOffset(ref global::System.Text.Json.Utf8JsonReader reader, out global::System.DateTimeOffset value)
        {
            if (reader.TokenType == global::System.Text.Json.JsonTokenType.String && HasTimeZone(ref reader) && reader.TryGetDateTimeOffset(out value))
            {
                return true;
            }

            value = default;
            reader.Skip();
            return false;
        }

        // RFC 3339 date-times carry their offset ("Z" or +hh:mm); without one Utf8JsonReader would assume the machine's.
        private static bool HasTimeZone(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            global::System.ReadOnlySpan<byte> text = reader.HasValueSequence ? default : reader.ValueSpan;
            if (reader.HasValueSequence || global::System.MemoryExtensions.IndexOf(text, (byte)'\\') >= 0)
            {
                text = global::System.Text.Encoding.UTF8.GetBytes(reader.GetString() ?? string.Empty); // escaped or split: rare
            }

            int n = text.Length;
            if (n < 20 || (text[10] != (byte)'T' && text[10] != (byte)'t'))
            {
                return false;
            }

            byte last = text[n - 1];
            return last == (byte)'Z' || last == (byte)'z' || ((text[n - 6] == (byte)'+' || text[n - 6] == (byte)'-') && text[n - 3] == (byte)':');
        }

        /// <summary>Writes a date-time as RFC 3339, with "Z" for UTC (as most APIs write it) rather than "+00:00".</summary>
        public static void WriteDateTime(global::System.Text.Json.Utf8JsonWriter writer, global::System.DateTimeOffset value)
        {
            if (value.Offset == global::System.TimeSpan.Zero)
            {
                writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", global::System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                writer.WriteStringValue(value);
            }
        }

        public static bool TryReadGuid(ref global::System.Text.Json.Utf8JsonReader reader, out global::System.Guid value)
        {
            if (reader.TokenType == global::System.Text.Json.JsonTokenType.String && reader.TryGetGuid(out value))
            {
                return true;
            }

            value = default;
            reader.Skip();
            return false;
        }

        public static bool TryReadBytes(ref global::System.Text.Json.Utf8JsonReader reader, out byte[] value)
        {
            if (reader.TokenType == global::System.Text.Json.JsonTokenType.String && reader.TryGetBytesFromBase64(out byte[]? bytes))
            {
                value = bytes!;
                return true;
            }

            value = global::System.Array.Empty<byte>();
            reader.Skip();
            return false;
        }

        // One stream and writer per thread, reset per call: a call allocates only its result string.
        [global::System.ThreadStatic]
        private static global::System.IO.MemoryStream? t_jsonStream;
        [global::System.ThreadStatic]
        private static global::System.Text.Json.Utf8JsonWriter? t_jsonWriter;
        [global::System.ThreadStatic]
        private static global::System.Text.Json.Utf8JsonWriter? t_indentedJsonWriter;

        public static string ToJson(IOpenApiModel model, bool indented)
        {
            global::System.IO.MemoryStream stream = t_jsonStream ??= new global::System.IO.MemoryStream(1024);
            stream.SetLength(0);
            global::System.Text.Json.Utf8JsonWriter writer = indented
                ? t_indentedJsonWriter ??= new global::System.Text.Json.Utf8JsonWriter(stream, new global::System.Text.Json.JsonWriterOptions { Indented = true })
                : t_jsonWriter ??= new global::System.Text.Json.Utf8JsonWriter(stream);
            writer.Reset(stream);
            try
            {
                model.WriteJson(writer);
                writer.Flush();
                return global::System.Text.Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
            }
            finally
            {
                if (stream.Capacity > 1 << 20)
                {
                    // Keep no megabyte buffers alive after one large document.
                    t_jsonStream = null;
                    t_jsonWriter = null;
                    t_indentedJsonWriter = null;
                }
            }
        }
    }

    /// <summary>JSON Schema <c>minLength</c>/<c>maxLength</c>, counted in code points as the spec counts them.</summary>
    [GeneratedCode]
    [global::System.AttributeUsage(global::System.AttributeTargets.Property | global::System.AttributeTargets.Field | global::System.AttributeTargets.Parameter)]
    public sealed class SchemaLengthAttribute : global::System.ComponentModel.DataAnnotations.ValidationAttribute
    {
        /// <summary>Creates the rule.</summary>
        public SchemaLengthAttribute(int minimumLength, int maximumLength)
        {
            MinimumLength = minimumLength;
            MaximumLength = maximumLength;
        }

        /// <summary>The least number of code points.</summary>
        public int MinimumLength { get; }

        /// <summary>The greatest number of code points.</summary>
        public int MaximumLength { get; }

        /// <inheritdoc/>
        public override string FormatErrorMessage(string name) => "The field " + name + " must be " + MinimumLength + " to " + MaximumLength + " characters long.";

        /// <inheritdoc/>
        public override bool IsValid(object? value) =>
            value is not string text || (OpenApiRuntime.Length(text) >= MinimumLength && OpenApiRuntime.Length(text) <= MaximumLength);
    }

    /// <summary>JSON Schema <c>minItems</c>/<c>maxItems</c>, without reflection.</summary>
    [GeneratedCode]
    [global::System.AttributeUsage(global::System.AttributeTargets.Property | global::System.AttributeTargets.Field | global::System.AttributeTargets.Parameter)]
    public sealed class SchemaItemsAttribute : global::System.ComponentModel.DataAnnotations.ValidationAttribute
    {
        /// <summary>Creates the rule.</summary>
        public SchemaItemsAttribute(int minimumCount, int maximumCount)
        {
            MinimumCount = minimumCount;
            MaximumCount = maximumCount;
        }

        /// <summary>The least number of items.</summary>
        public int MinimumCount { get; }

        /// <summary>The greatest number of items.</summary>
        public int MaximumCount { get; }

        /// <inheritdoc/>
        public override string FormatErrorMessage(string name) => "The field " + name + " must have " + MinimumCount + " to " + MaximumCount + " items.";

        /// <inheritdoc/>
        public override bool IsValid(object? value) =>
            value is not global::System.Collections.ICollection items || (items.Count >= MinimumCount && items.Count <= MaximumCount);
    }

    /// <summary>JSON Schema <c>pattern</c>: the value must contain a match (a search, unlike RegularExpressionAttribute's whole-string match).</summary>
    [GeneratedCode]
    [global::System.AttributeUsage(global::System.AttributeTargets.Property | global::System.AttributeTargets.Field | global::System.AttributeTargets.Parameter)]
    public sealed class SchemaPatternAttribute : global::System.ComponentModel.DataAnnotations.ValidationAttribute
    {
        private global::System.Text.RegularExpressions.Regex? _regex;

        /// <summary>Creates the rule.</summary>
        public SchemaPatternAttribute(string pattern)
        {
            Pattern = pattern;
        }

        /// <summary>The .NET regular expression.</summary>
        public string Pattern { get; }

        // The pattern is spec text: it is concatenated, never used as a format string.
        /// <inheritdoc/>
        public override string FormatErrorMessage(string name) => "The field " + name + " must match the pattern " + Pattern + ".";

        /// <inheritdoc/>
        public override bool IsValid(object? value) =>
            value is not string text || OpenApiRuntime.IsMatch(_regex ??= OpenApiRuntime.CreatePattern(Pattern), text);
    }

    /// <summary>JSON Schema <c>minimum</c>/<c>maximum</c> with the exclusive forms, on every target framework.</summary>
    [GeneratedCode]
    [global::System.AttributeUsage(global::System.AttributeTargets.Property | global::System.AttributeTargets.Field | global::System.AttributeTargets.Parameter)]
    public sealed class SchemaRangeAttribute : global::System.ComponentModel.DataAnnotations.ValidationAttribute
    {
        /// <summary>Creates the rule.</summary>
        public SchemaRangeAttribute(double minimum, double maximum)
        {
            Minimum = minimum;
            Maximum = maximum;
        }

        /// <summary>The lower bound.</summary>
        public double Minimum { get; }

        /// <summary>The upper bound.</summary>
        public double Maximum { get; }

        /// <inheritdoc/>
        public override string FormatErrorMessage(string name) => "The field " + name + " is out of range.";

        /// <summary>True when the value must be greater than <see cref="Minimum"/>.</summary>
        public bool MinimumIsExclusive { get; set; }

        /// <summary>True when the value must be less than <see cref="Maximum"/>.</summary>
        public bool MaximumIsExclusive { get; set; }

        /// <inheritdoc/>
        public override bool IsValid(object? value)
        {
            if (value is null)
            {
                return true;
            }

            double number = global::System.Convert.ToDouble(value, global::System.Globalization.CultureInfo.InvariantCulture);
            return (MinimumIsExclusive ? number > Minimum : number >= Minimum) && (MaximumIsExclusive ? number < Maximum : number <= Maximum);
        }
    }

    /// <summary>JSON Schema <c>multipleOf</c>.</summary>
    [GeneratedCode]
    [global::System.AttributeUsage(global::System.AttributeTargets.Property | global::System.AttributeTargets.Field | global::System.AttributeTargets.Parameter)]
    public sealed class MultipleOfAttribute : global::System.ComponentModel.DataAnnotations.ValidationAttribute
    {
        /// <summary>Creates the rule.</summary>
        public MultipleOfAttribute(double divisor)
        {
            Divisor = divisor;
        }

        /// <summary>The number the value must be a multiple of.</summary>
        public double Divisor { get; }

        /// <inheritdoc/>
        public override string FormatErrorMessage(string name) => "The field " + name + " must be a multiple of " + Divisor.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + ".";

        /// <inheritdoc/>
        public override bool IsValid(object? value) =>
            value is null || OpenApiRuntime.IsMultipleOf(global::System.Convert.ToDouble(value, global::System.Globalization.CultureInfo.InvariantCulture), Divisor);
    }

    /// <summary>JSON Schema <c>uniqueItems</c>.</summary>
    [GeneratedCode]
    [global::System.AttributeUsage(global::System.AttributeTargets.Property | global::System.AttributeTargets.Field | global::System.AttributeTargets.Parameter)]
    public sealed class UniqueItemsAttribute : global::System.ComponentModel.DataAnnotations.ValidationAttribute
    {
        /// <summary>Creates the rule.</summary>
        public UniqueItemsAttribute()
        {
        }

        /// <inheritdoc/>
        public override string FormatErrorMessage(string name) => "The field " + name + " must not contain duplicate items.";

        /// <inheritdoc/>
        public override bool IsValid(object? value) =>
            value is not global::System.Collections.IEnumerable items || OpenApiRuntime.AllUnique(global::System.Linq.Enumerable.Cast<object?>(items));
    }

    /// <summary>JSON Schema <c>enum</c>/<c>const</c>: the value must be one of the listed ones (or, for a generated enum, one the spec lists).</summary>
    [GeneratedCode]
    [global::System.AttributeUsage(global::System.AttributeTargets.Property | global::System.AttributeTargets.Field | global::System.AttributeTargets.Parameter)]
    public sealed class SchemaEnumAttribute : global::System.ComponentModel.DataAnnotations.ValidationAttribute
    {
        /// <summary>Creates the rule; with no values, the value's own type (a generated enum) knows what is allowed.</summary>
        public SchemaEnumAttribute(params string[] allowedValues)
        {
            AllowedValues = allowedValues;
        }

        /// <inheritdoc/>
        public override string FormatErrorMessage(string name) => "The field " + name + " must be one of the values the spec lists.";

        /// <summary>The allowed values, as JSON text.</summary>
        public global::System.Collections.Generic.IReadOnlyList<string> AllowedValues { get; }

        /// <inheritdoc/>
        public override bool IsValid(object? value)
        {
            if (value is null)
            {
                return true;
            }

            if (value is IOpenApiEnum known)
            {
                return known.IsKnown;
            }

            string text = value is bool flag ? (flag ? "true" : "false") : global::System.Convert.ToString(value, global::System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
            foreach (string allowed in AllowedValues)
            {
                if (allowed == text)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>The rules no property attribute can state: conditional (if/then/else) rules, required numbers and flags, and values of the wrong JSON type.</summary>
    [GeneratedCode]
    [global::System.AttributeUsage(global::System.AttributeTargets.Class)]
    public sealed class SchemaRulesAttribute : global::System.ComponentModel.DataAnnotations.ValidationAttribute
    {
        /// <inheritdoc/>
        protected override global::System.ComponentModel.DataAnnotations.ValidationResult? IsValid(object? value, global::System.ComponentModel.DataAnnotations.ValidationContext validationContext)
        {
            if (value is not IOpenApiModel model)
            {
                return global::System.ComponentModel.DataAnnotations.ValidationResult.Success;
            }

            var errors = new ValidationCollector();
            if (model.ValidateTypeLevel(errors))
            {
                return global::System.ComponentModel.DataAnnotations.ValidationResult.Success;
            }

            var pointers = new global::System.Collections.Generic.List<string>();
            foreach (ValidationError error in errors.Errors)
            {
                pointers.Add(error.Pointer);
            }

            return new global::System.ComponentModel.DataAnnotations.ValidationResult(string.Join("; ", errors.Errors), pointers);
        }
    }

    /// <summary>
    /// An API call that did not succeed: the service answered a status the operation does not document as success,
    /// or a body that is not the declared JSON. Carries the status, the error code and message of a parsed error body,
    /// the request id, and the start of the raw body. Never contains credentials or request values.
    /// </summary>
    [GeneratedCode]
    public class ApiException : global::System.Exception
    {
        /// <summary>Creates the exception; <paramref name="detail"/> says what went wrong when there is no error body.</summary>
        public ApiException(string operationId, int statusCode, string? reasonPhrase, string? requestId, string? errorCode, string? errorMessage, string? responseBody, bool responseBodyTruncated, string? detail, global::System.Exception? innerException = null)
            : base(Describe(operationId, statusCode, reasonPhrase, requestId, errorCode, errorMessage, detail), innerException)
        {
            OperationId = operationId;
            StatusCode = statusCode;
            ReasonPhrase = reasonPhrase;
            RequestId = requestId;
            ErrorCode = errorCode;
            ErrorMessage = errorMessage;
            ResponseBody = responseBody;
            ResponseBodyTruncated = responseBodyTruncated;
        }

        /// <summary>The operation that failed (its <c>operationId</c>).</summary>
        public string OperationId { get; }

        /// <summary>The HTTP status code of the response.</summary>
        public int StatusCode { get; }

        /// <summary>The HTTP reason phrase, if the server sent one.</summary>
        public string? ReasonPhrase { get; }

        /// <summary>The request id header of the response (for example <c>X-Request-Id</c>), for support requests.</summary>
        public string? RequestId { get; }

        /// <summary>The error code of the parsed error body (for example <c>error_code</c>), when there is one.</summary>
        public string? ErrorCode { get; }

        /// <summary>The error message of the parsed error body (for example <c>error_msg</c>), when there is one.</summary>
        public string? ErrorMessage { get; }

        /// <summary>The response body as text, cut at the client's <c>MaxErrorBodyLength</c>; empty when there was none.</summary>
        public string? ResponseBody { get; }

        /// <summary>True when <see cref="ResponseBody"/> was cut.</summary>
        public bool ResponseBodyTruncated { get; }

        private static string Describe(string operationId, int statusCode, string? reasonPhrase, string? requestId, string? errorCode, string? errorMessage, string? detail)
        {
            var text = new global::System.Text.StringBuilder(operationId).Append(" failed with HTTP ").Append(statusCode.ToString(global::System.Globalization.CultureInfo.InvariantCulture));
            if (!string.IsNullOrEmpty(reasonPhrase))
            {
                text.Append(' ').Append(Cut(reasonPhrase!, 100));
            }

            if (errorCode is not null || errorMessage is not null)
            {
                text.Append(": ").Append(Cut(errorCode ?? string.Empty, 100));
                if (errorMessage is not null)
                {
                    text.Append(errorCode is null ? string.Empty : " ").Append(Cut(errorMessage, 500));
                }
            }
            else if (detail is not null)
            {
                text.Append(": ").Append(detail);
            }

            if (!string.IsNullOrEmpty(requestId))
            {
                text.Append(" (request id ").Append(Cut(requestId!, 100)).Append(')');
            }

            return text.ToString();
        }

        private static string Cut(string value, int length)
        {
            var builder = new global::System.Text.StringBuilder(global::System.Math.Min(value.Length, length + 3));
            foreach (char c in value)
            {
                if (builder.Length == length)
                {
                    return builder.Append("...").ToString();
                }

                builder.Append(char.IsControl(c) ? ' ' : c);
            }

            return builder.ToString();
        }
    }

    /// <summary>An <see cref="ApiException"/> whose body was read as the error type the spec declares for its status.</summary>
    [GeneratedCode]
    public sealed class ApiException<TError> : ApiException
        where TError : class
    {
        /// <summary>Creates the exception with the parsed error body.</summary>
        public ApiException(string operationId, int statusCode, string? reasonPhrase, string? requestId, string? errorCode, string? errorMessage, string? responseBody, bool responseBodyTruncated, TError error)
            : base(operationId, statusCode, reasonPhrase, requestId, errorCode, errorMessage, responseBody, responseBodyTruncated, null)
        {
            Error = error;
        }

        /// <summary>The parsed error body.</summary>
        public TError Error { get; }
    }

""";
}
