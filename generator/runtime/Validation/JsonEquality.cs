using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace OpenApiSdk.Runtime;

/// <summary>
/// Equality of JSON values as JSON Schema 2020-12 defines it (core §4.2.2, for <c>const</c>, <c>enum</c> and
/// <c>uniqueItems</c>): the same type and value; numbers by mathematical value (1 equals 1.0), objects whatever their
/// members' order; a boolean never equals a number.
/// </summary>
internal static class JsonEquality
{
    public static bool Equal(JsonElement left, JsonElement right)
    {
        if (left.ValueKind != right.ValueKind)
        {
            return false;
        }

        switch (left.ValueKind)
        {
            case JsonValueKind.Number:
                return left.TryGetDecimal(out decimal a) && right.TryGetDecimal(out decimal b) ? a == b : left.GetDouble() == right.GetDouble();
            case JsonValueKind.String:
                return left.GetString() == right.GetString();
            case JsonValueKind.Array:
                if (left.GetArrayLength() != right.GetArrayLength())
                {
                    return false;
                }

                using (JsonElement.ArrayEnumerator l = left.EnumerateArray(), r = right.EnumerateArray())
                {
                    while (l.MoveNext() && r.MoveNext())
                    {
                        if (!Equal(l.Current, r.Current))
                        {
                            return false;
                        }
                    }
                }

                return true;
            case JsonValueKind.Object:
                int count = 0;
                foreach (JsonProperty member in left.EnumerateObject())
                {
                    count++;
                    if (!right.TryGetProperty(member.Name, out JsonElement other) || !Equal(member.Value, other))
                    {
                        return false;
                    }
                }

                foreach (JsonProperty _ in right.EnumerateObject())
                {
                    count--;
                }

                return count == 0;
            default:
                return true; // true, false, null: the kind is the value
        }
    }

    /// <summary>A JSON number equals the number a spec wrote (<paramref name="number"/>, invariant notation).</summary>
    public static bool NumberEquals(JsonElement value, string number) =>
        value.TryGetDecimal(out decimal a) && decimal.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal b)
            ? a == b
            : value.GetDouble() == double.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary><c>uniqueItems</c> on an array kept as JSON: no two items are equal (pairwise, without allocating).</summary>
    public static bool AllUnique(JsonElement array)
    {
        int index = 0;
        foreach (JsonElement item in array.EnumerateArray())
        {
            int earlier = 0;
            foreach (JsonElement other in array.EnumerateArray())
            {
                if (earlier++ == index)
                {
                    break;
                }

                if (Equal(other, item))
                {
                    return false;
                }
            }

            index++;
        }

        return true;
    }

    /// <summary><c>uniqueItems</c> over JSON values: no two are equal (pairwise; a list of JSON values is small in practice).</summary>
    public static bool AllUnique(IEnumerable<JsonElement> items)
    {
        var seen = new List<JsonElement>();
        foreach (JsonElement item in items)
        {
            foreach (JsonElement earlier in seen)
            {
                if (Equal(earlier, item))
                {
                    return false;
                }
            }

            seen.Add(item);
        }

        return true;
    }
}
