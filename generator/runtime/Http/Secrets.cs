using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace OpenApiSdk.Runtime;

/// <summary>
/// The credentials of a request as text that must not leave the send path in an <see cref="ApiException"/>: each value the
/// spec's security schemes put on the wire (a token, an api key in a header or the query, Basic's user:password), in each
/// form it is sent (the query's percent-encoding, Basic's base64, and the password alone), and each of those as
/// System.Text.Json escapes it in a JSON string (a server that echoes <c>+</c> as <c>\u002B</c>).
/// </summary>
internal static class Secrets
{
    private const string Mask = "***";

    /// <summary>Adds the forms of <paramref name="credential"/>, sent as <paramref name="kind"/>, to <paramref name="secrets"/>.</summary>
    public static void Add(List<string> secrets, CredentialKind kind, string credential)
    {
        AddForm(secrets, credential);
        switch (kind)
        {
            case CredentialKind.Query:
                AddForm(secrets, Uri.EscapeDataString(credential));
                break;
            case CredentialKind.Basic:
                AddForm(secrets, Convert.ToBase64String(Encoding.UTF8.GetBytes(credential)));
                int colon = credential.IndexOf(':');
                if (colon >= 0)
                {
                    AddForm(secrets, credential.Substring(colon + 1));
                }

                break;
        }
    }

    /// <summary><paramref name="text"/> with every secret replaced by <c>***</c>.</summary>
    public static string? Redact(string? text, List<string> secrets)
    {
        if (text is null || secrets.Count == 0)
        {
            return text;
        }

        var builder = new StringBuilder(text);
        foreach (string secret in secrets)
        {
            builder.Replace(secret, Mask);
        }

        return builder.ToString();
    }

    /// <summary>A body (UTF-8) with every secret replaced by <c>***</c>; the same array when it holds none.</summary>
    public static byte[] Redact(byte[] body, List<string> secrets)
    {
        if (secrets.Count == 0 || body.Length == 0)
        {
            return body;
        }

        string text = Encoding.UTF8.GetString(body);
        string redacted = Redact(text, secrets)!;
        return ReferenceEquals(text, redacted) || text == redacted ? body : Encoding.UTF8.GetBytes(redacted);
    }

    // Longest first, so a password inside user:password does not leave the user name and a piece behind.
    private static void AddForm(List<string> secrets, string form)
    {
        Insert(secrets, form);
        Insert(secrets, JsonEncodedText.Encode(form).Value);
    }

    private static void Insert(List<string> secrets, string form)
    {
        if (form.Length == 0 || secrets.Contains(form))
        {
            return;
        }

        int at = secrets.FindIndex(existing => existing.Length < form.Length);
        secrets.Insert(at < 0 ? secrets.Count : at, form);
    }
}
