using System;
using System.ComponentModel;
using System.Text;

namespace OpenApiSdk.Runtime;

/// <summary>
/// Serializations of parameters outside the request URL, called by generated clients (query and path encoding is
/// <see cref="ClientRequest"/>'s). Each choice, and why, is documented in the generator's README ("Parameters").
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class OpenApiParameters
{
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
