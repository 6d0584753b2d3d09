using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenApiSdk.ExampleTests;

/// <summary>JSON equality as JSON Schema sees it: object members in any order, numbers by value.</summary>
internal static class JsonSemantics
{
    /// <summary>The first difference between <paramref name="expected"/> and <paramref name="actual"/>, or null when they are equal.</summary>
    public static string? Difference(JsonNode? expected, JsonNode? actual, string pointer)
    {
        string at = pointer.Length == 0 ? "/" : pointer;
        if (expected is null || actual is null)
        {
            return expected is null && actual is null ? null : $"{at}: {Text(expected)} became {Text(actual)}";
        }

        JsonValueKind kind = expected.GetValueKind();
        JsonValueKind actualKind = actual.GetValueKind();
        bool bothBool = kind is JsonValueKind.True or JsonValueKind.False && actualKind is JsonValueKind.True or JsonValueKind.False;
        if (kind != actualKind && !bothBool)
        {
            return $"{at}: {Text(expected)} became {Text(actual)}";
        }

        switch (expected)
        {
            case JsonObject o:
            {
                JsonObject a = actual.AsObject();
                foreach ((string name, JsonNode? value) in o)
                {
                    string child = pointer + "/" + name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
                    if (!a.TryGetPropertyValue(name, out JsonNode? other))
                    {
                        return $"{child}: not written back";
                    }

                    if (Difference(value, other, child) is { } inner)
                    {
                        return inner;
                    }
                }

                string? extra = a.Select(p => p.Key).FirstOrDefault(name => !o.ContainsKey(name));
                return extra is null ? null : $"{at}: member '{extra}' written although absent";
            }

            case JsonArray e:
            {
                JsonArray a = actual.AsArray();
                if (e.Count != a.Count)
                {
                    return $"{at}: {e.Count} items became {a.Count}";
                }

                for (int i = 0; i < e.Count; i++)
                {
                    if (Difference(e[i], a[i], pointer + "/" + i.ToString(CultureInfo.InvariantCulture)) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            }

            default:
                return kind == JsonValueKind.Number ? (SameNumber(expected, actual) ? null : $"{at}: {Text(expected)} became {Text(actual)}")
                    : JsonNode.DeepEquals(expected, actual) ? null : $"{at}: {Text(expected)} became {Text(actual)}";
        }
    }

    private static bool SameNumber(JsonNode expected, JsonNode actual)
    {
        string x = expected.ToJsonString();
        string y = actual.ToJsonString();
        if (decimal.TryParse(x, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal dx) && decimal.TryParse(y, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal dy))
        {
            return dx == dy;
        }

        return double.TryParse(x, NumberStyles.Float, CultureInfo.InvariantCulture, out double fx) && double.TryParse(y, NumberStyles.Float, CultureInfo.InvariantCulture, out double fy) && fx.Equals(fy);
    }

    private static string Text(JsonNode? node)
    {
        string text = node?.ToJsonString() ?? "null";
        return text.Length > 120 ? string.Concat(text.AsSpan(0, 117), "...") : text;
    }
}
