using System;
using System.Collections.Generic;
using OpenApiSdk.Generator.Diagnostics;
using OpenApiSdk.Generator.Yaml;

namespace OpenApiSdk.Generator.Building;

/// <summary>One operation of a path item: the method sent on the wire and the Operation Object.</summary>
/// <param name="Method">The HTTP method as sent: upper case for a fixed field (<c>GET</c>, <c>QUERY</c>), as written for a key of <c>additionalOperations</c>.</param>
/// <param name="Field">The field name that declares it (<c>get</c>, <c>query</c>, or the <c>additionalOperations</c> key), for names and the operation filter.</param>
internal sealed record PathItemOperation(string Method, string Field, YamlNode Node, bool Additional);

/// <summary>
/// The operations of a Path Item Object, for the client, the receivers and the operation filter alike: the eight
/// fixed fields of OpenAPI 3.0/3.1, 3.2's <c>query</c> (the QUERY method of draft-ietf-httpbis-safe-method-w-body, which
/// carries a body and is safe and idempotent) and 3.2's <c>additionalOperations</c> (a map of any other method, its key
/// the method name "with the same capitalization that is to be sent in the request"). Recognised in every 3.x document.
/// </summary>
internal static class PathItemOperations
{
    /// <summary>The fixed fields holding an Operation Object, in the order of the specification's table.</summary>
    internal static readonly string[] FixedFields = { "get", "put", "post", "delete", "options", "head", "patch", "trace", "query" };

    internal const string AdditionalOperations = "additionalOperations";

    /// <summary>
    /// The path item's operations in declaration order of the fixed fields, then the additional ones in document order.
    /// An additional key that is not an HTTP method token (RFC 9110 section 5.6.2), or that names a method a fixed field
    /// defines (3.2: "MUST NOT contain any entry for the methods that can be defined by other fixed fields"), is reported
    /// (OAS014) when <paramref name="diagnostics"/> is given, and left out.
    /// </summary>
    public static List<PathItemOperation> Of(YamlNode item, DiagnosticBag? diagnostics)
    {
        var operations = new List<PathItemOperation>();
        foreach (string field in FixedFields)
        {
            if (item.Get(field) is { IsMapping: true } operation)
            {
                operations.Add(new PathItemOperation(field.ToUpperInvariant(), field, operation, Additional: false));
            }
        }

        if (item.Get(AdditionalOperations) is { IsMapping: true } additional)
        {
            foreach (KeyValuePair<YamlNode, YamlNode> pair in additional.Pairs!)
            {
                string method = pair.Key.Value ?? string.Empty;
                if (!pair.Value.IsMapping || method.StartsWith("x-", StringComparison.Ordinal))
                {
                    continue;
                }

                if (!IsToken(method))
                {
                    diagnostics?.Report(DiagnosticDescriptors.InvalidSchema, pair.Key, $"The additional operation '{method}' is not an HTTP method name (letters, digits and !#$%&'*+-.^_`|~); it is left out");
                    continue;
                }

                if (Array.IndexOf(FixedFields, method.ToLowerInvariant()) >= 0)
                {
                    diagnostics?.Report(DiagnosticDescriptors.InvalidSchema, pair.Key, $"The additional operation '{method}' is a method the path item's '{method.ToLowerInvariant()}' field defines; OpenAPI 3.2 forbids it in additionalOperations, so it is left out");
                    continue;
                }

                operations.Add(new PathItemOperation(method, method, pair.Value, Additional: true));
            }
        }

        return operations;
    }

    /// <summary>An RFC 9110 token: what <c>System.Net.Http.HttpMethod</c> accepts as a method.</summary>
    private static bool IsToken(string value)
    {
        if (value.Length == 0)
        {
            return false;
        }

        foreach (char c in value)
        {
            bool tchar = c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9'
                or '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~';
            if (!tchar)
            {
                return false;
            }
        }

        return true;
    }
}
