using System;
using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace OpenApiSdk.Runtime;

/// <summary>
/// Serializations of parameters that OpenAPI's styles leave open, called by generated clients. Each choice, and why,
/// is documented in the generator's README ("Parameters").
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class OpenApiParameters
{
    /// <summary>
    /// An array of objects in the query in <c>form</c> style (OpenAPI defines no serialization for it): one parameter
    /// per leaf value, named by index and member path, <c>name[0].member=value</c>; nested objects continue with
    /// <c>.member</c>, nested arrays with <c>[index]</c> (<c>name[0].price.currency=usd&amp;name[0].tags[1]=b</c>).
    /// This is the form ASP.NET Core's and Spring's model binders read into a list of objects. Nulls are left out.
    /// </summary>
    /// <param name="query">The query being built: <c>?</c> is added before the first parameter, <c>&amp;</c> before the others.</param>
    /// <param name="name">The parameter's name.</param>
    /// <param name="json">The array, as UTF-8 JSON written by the generated code.</param>
    public static void AppendIndexedForm(StringBuilder query, string name, byte[] json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        AppendIndexed(query, name, document.RootElement);
    }

    private static void AppendIndexed(StringBuilder query, string name, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (JsonProperty property in value.EnumerateObject())
                {
                    AppendIndexed(query, name + "." + property.Name, property.Value);
                }

                break;
            case JsonValueKind.Array:
                int index = 0;
                foreach (JsonElement item in value.EnumerateArray())
                {
                    AppendIndexed(query, name + "[" + index.ToString(CultureInfo.InvariantCulture) + "]", item);
                    index++;
                }

                break;
            case JsonValueKind.String:
                AppendQuery(query, name, value.GetString()!);
                break;
            case JsonValueKind.Number:
            case JsonValueKind.True:
            case JsonValueKind.False:
                AppendQuery(query, name, value.GetRawText());
                break;
        }
    }

    /// <summary>One query parameter, name and value percent-encoded (RFC 3986 unreserved characters stay as they are).</summary>
    public static void AppendQuery(StringBuilder query, string name, string value)
    {
        query.Append(query.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
    }

    /// <summary>
    /// One cookie of a <c>Cookie</c> request header (RFC 6265 §4.2.1: <c>name=value</c> pairs separated by <c>"; "</c>).
    /// The value is percent-encoded, so it holds only <c>cookie-octet</c>s whatever it contains (no quote, comma,
    /// semicolon, backslash, space or non-ASCII character is ever sent raw); ASP.NET Core decodes request cookie values
    /// this way. The name must be an RFC 6265 token, which the generator checks in the spec.
    /// </summary>
    public static void AppendCookie(StringBuilder cookie, string name, string value)
    {
        if (cookie.Length > 0)
        {
            cookie.Append("; ");
        }

        cookie.Append(name).Append('=').Append(Uri.EscapeDataString(value));
    }
}
