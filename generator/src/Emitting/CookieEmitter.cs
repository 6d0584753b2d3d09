using System.Collections.Generic;
using OpenApiSdk.Generator.Model;

namespace OpenApiSdk.Generator.Emitting;

/// <summary>
/// Emits an operation's cookie parameters as its one <c>Cookie</c> header (RFC 6265 §4.2.1): <c>name=value</c> pairs
/// joined by <c>"; "</c>, each value percent-encoded by the runtime (<c>OpenApiParameters.AppendCookie</c>) so it holds
/// only cookie-octets. An array is one cookie of comma-joined items (form, explode false) or one cookie per item
/// (explode true); an object or untyped value is its compact JSON text, as in a header.
/// </summary>
internal static class CookieEmitter
{
    private const string Append = TypeSyntax.Runtime + "OpenApiParameters.AppendCookie(__cookie, ";

    public static void Emit(SourceWriter w, ClientJson json, IReadOnlyList<ParameterModel> cookies, IReadOnlyDictionary<ParameterModel, string> values)
    {
        if (cookies.Count == 0)
        {
            return;
        }

        w.Line("var __cookie = new global::System.Text.StringBuilder();");
        foreach (ParameterModel parameter in cookies)
        {
            string value = values[parameter];
            string name = Literals.String(parameter.WireName);
            if (!parameter.Required)
            {
                w.Open("if (" + value + " is not null)");
            }

            string present = !parameter.Required && parameter.Type.IsValueType ? value + ".GetValueOrDefault()" : value;
            if (parameter.AsJson)
            {
                string written = parameter.Type.Kind == TypeRefKind.Array ? "global::System.Linq.Enumerable.ToList(" + present + ")" : present;
                w.Open("using (var __stream = new global::System.IO.MemoryStream())");
                w.Open("using (var __writer = new global::System.Text.Json.Utf8JsonWriter(__stream))");
                w.Line(json.Writer(parameter.Type) + "(__writer, " + written + ");");
                w.Close();
                w.Line();
                w.Line(Append + name + ", global::System.Text.Encoding.UTF8.GetString(__stream.ToArray()));");
                w.Close();
            }
            else if (parameter.Type.Kind == TypeRefKind.Array)
            {
                string item = Item(parameter.Type.Element!, parameter.Type.ElementAllowsNull);
                if (parameter.Explode)
                {
                    w.Open("foreach (var __item in " + value + ")");
                    w.Line(Append + name + ", " + item + ");");
                    w.Close();
                }
                else
                {
                    w.Line(Append + name + ", string.Join(\",\", global::System.Linq.Enumerable.Select(" + value + ", __item => " + item + ")));");
                }
            }
            else
            {
                w.Line(Append + name + ", " + ClientTypes.Format(parameter.Type, present) + ");");
            }

            if (!parameter.Required)
            {
                w.Close();
            }
        }

        w.Open("if (__cookie.Length > 0)");
        w.Line("__request.Header(\"Cookie\", __cookie.ToString());");
        w.Close();
    }

    private static string Item(TypeRef element, bool allowsNull)
    {
        if (!allowsNull)
        {
            return ClientTypes.Format(element, "__item");
        }

        string value = element.IsValueType ? "__item.GetValueOrDefault()" : "__item";
        return "(__item is null ? string.Empty : " + ClientTypes.Format(element, value) + ")";
    }
}
