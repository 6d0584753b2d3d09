using System.Text;

namespace OpenApiSdk.Common;

/// <summary>
/// Compiled into both the generator (its own checks of patterns in the spec) and the runtime (the checks generated
/// code makes), so the two can never disagree on what a pattern means.
/// </summary>
internal static class EcmaPattern
{
    /// <summary>
    /// An ECMA-262 pattern (JSON Schema's dialect) as a .NET one: <c>$</c> outside a character class becomes <c>\z</c>,
    /// because .NET's <c>$</c> also matches before a final line break and ECMA-262's does not; the empty classes
    /// <c>[]</c> (nothing) and <c>[^]</c> (any character), which .NET does not have, become <c>(?!)</c> and <c>[\s\S]</c>.
    /// Applying it twice changes nothing.
    /// </summary>
    public static string ToDotNet(string pattern)
    {
        var builder = new StringBuilder(pattern.Length + 4);
        bool inClass = false;
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                builder.Append(c).Append(pattern[++i]);
                continue;
            }

            if (inClass)
            {
                inClass = c != ']';
                builder.Append(c);
            }
            else if (c == '[' && i + 1 < pattern.Length && pattern[i + 1] == ']')
            {
                builder.Append("(?!)"); // ECMA-262's empty class matches nothing; .NET would read "[]...]" as a class holding ']'
                i++;
            }
            else if (c == '[' && i + 2 < pattern.Length && pattern[i + 1] == '^' && pattern[i + 2] == ']')
            {
                builder.Append("[\\s\\S]"); // [^]: any character
                i += 2;
            }
            else if (c == '[')
            {
                inClass = true;
                builder.Append(c);
            }
            else if (c == '$')
            {
                builder.Append("\\z");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
