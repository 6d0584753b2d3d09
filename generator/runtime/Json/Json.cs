using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace OpenApiSdk.Runtime;

/// <summary>The shared <see cref="JsonItem{T}"/> of every kind of value, for generated code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Each item is named after the C# type it reads.")]
public static class Json
{
    /// <summary>A JSON string.</summary>
    public static JsonItem<string> String { get; } = new ScalarItem<string>("a string", JsonRead.String, static (w, v) => w.WriteStringValue(v));

    /// <summary>A JSON number that fits a 32-bit integer.</summary>
    public static JsonItem<int> Int32 { get; } = new ScalarItem<int>("an integer", JsonRead.Int32, static (w, v) => w.WriteNumberValue(v));

    /// <summary>A JSON number that fits a 64-bit integer.</summary>
    public static JsonItem<long> Int64 { get; } = new ScalarItem<long>("an integer", JsonRead.Int64, static (w, v) => w.WriteNumberValue(v));

    /// <summary>A JSON number as a float.</summary>
    public static JsonItem<float> Single { get; } = new ScalarItem<float>("a number", JsonRead.Single, static (w, v) => w.WriteNumberValue(v));

    /// <summary>A JSON number as a double.</summary>
    public static JsonItem<double> Double { get; } = new ScalarItem<double>("a number", JsonRead.Double, static (w, v) => w.WriteNumberValue(v));

    /// <summary>A JSON number as a decimal.</summary>
    public static JsonItem<decimal> Decimal { get; } = new ScalarItem<decimal>("a number", JsonRead.Decimal, static (w, v) => w.WriteNumberValue(v));

    /// <summary>true or false.</summary>
    public static JsonItem<bool> Boolean { get; } = new ScalarItem<bool>("a boolean", JsonRead.Boolean, static (w, v) => w.WriteBooleanValue(v));

    /// <summary>An RFC 3339 date-time with its offset.</summary>
    public static JsonItem<DateTimeOffset> DateTime { get; } = new ScalarItem<DateTimeOffset>("a string", JsonRead.DateTime, OpenApiRuntime.WriteDateTime);

    /// <summary>A UUID string.</summary>
    public static JsonItem<Guid> Guid { get; } = new ScalarItem<Guid>("a string", JsonRead.Guid, static (w, v) => w.WriteStringValue(v));

    /// <summary>A base64 string.</summary>
    public static JsonItem<byte[]> Bytes { get; } = new BytesItem();

    /// <summary>Any JSON value, kept as it is (JSON null included).</summary>
    public static JsonItem<JsonElement> Any { get; } = new AnyItem();

    /// <summary>A generated object model.</summary>
    public static JsonItem<T> Model<T>()
        where T : OpenApiObject, new() => ModelItem<T>.Instance;

    /// <summary>A generated extensible enum.</summary>
    public static JsonItem<T> Enum<T>()
        where T : struct, IOpenApiEnumValue<T> => EnumItem<T>.Instance;

    /// <summary>The same kind of value, or JSON null (a value type).</summary>
    public static JsonItem<T?> Nullable<T>(JsonItem<T> item)
        where T : struct =>
        (JsonItem<T?>)(item.NullableForm ??= new NullableItem<T>(item));

    /// <summary>The same kind of value, or JSON null (a reference type).</summary>
    public static JsonItem<T?> OrNull<T>(JsonItem<T> item)
        where T : class =>
        (JsonItem<T?>)(item.NullableForm ??= new OrNullItem<T>(item));
}
