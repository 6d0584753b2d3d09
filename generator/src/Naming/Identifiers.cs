using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace OpenApiSdk.Generator.Naming;

/// <summary>
/// Turns spec names into C# identifiers. Every result is a valid identifier that is never a keyword:
/// PascalCase names start with an upper-case letter or '_' + digit, and camelCase names that hit a
/// keyword get an '@'. Nothing else from the spec reaches an identifier.
/// </summary>
internal static class Identifiers
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
        "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
        "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
        "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
        "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "virtual", "void", "volatile", "while",

        // Contextual keywords that are errors as names in some places the generated code uses them (async methods).
        "await",
    };

    /// <summary>Words for punctuation, used when a name would otherwise be empty or collide (<c>+1</c> / <c>-1</c>).</summary>
    private static readonly Dictionary<char, string> SymbolWords = new()
    {
        ['+'] = "Plus", ['-'] = "Minus", ['*'] = "Star", ['/'] = "Slash", ['.'] = "Dot", ['<'] = "Lt", ['>'] = "Gt",
        ['='] = "Eq", ['!'] = "Not", ['@'] = "At", ['#'] = "Hash", ['$'] = "Dollar", ['%'] = "Percent", ['&'] = "And",
        ['|'] = "Or", ['~'] = "Tilde", ['^'] = "Caret", [':'] = "Colon", [','] = "Comma", ['?'] = "Question",
    };

    public static bool IsKeyword(string name) => Keywords.Contains(name);

    /// <summary><c>capacity_in_gb</c> → <c>CapacityInGb</c>, <c>X-Language</c> → <c>XLanguage</c>.</summary>
    public static string ToPascalCase(string raw) => ToPascalCase(raw, spellSymbols: false);

    /// <summary>Like <see cref="ToPascalCase(string)"/>, but punctuation is spelled out: <c>Etc/GMT+1</c> → <c>EtcSlashGmtPlus1</c>.</summary>
    public static string ToPascalCaseSpelled(string raw) => ToPascalCase(raw, spellSymbols: true);

    private static string ToPascalCase(string raw, bool spellSymbols)
    {
        var builder = new StringBuilder(raw.Length + 4);
        bool startWord = true;
        char previous = '\0';
        for (int i = 0; i < raw.Length; i++)
        {
            char c = raw[i];
            if (IsIdentifierPart(c) && c != '_')
            {
                bool boundary = startWord
                    || (char.IsUpper(c) && char.IsLower(previous))
                    || (char.IsDigit(previous) && char.IsLetter(c));
                if (boundary)
                {
                    builder.Append(char.ToUpperInvariant(c));
                }
                else if (char.IsUpper(c) && char.IsUpper(previous) && i + 1 < raw.Length && char.IsLower(raw[i + 1]))
                {
                    // "HTTPServer": the last capital starts a new word.
                    builder.Append(c);
                }
                else
                {
                    builder.Append(char.IsUpper(previous) && char.IsUpper(c) ? char.ToLowerInvariant(c) : c);
                }

                startWord = false;
                previous = c;
            }
            else
            {
                if (spellSymbols && SymbolWords.TryGetValue(c, out string? word))
                {
                    builder.Append(word);
                }

                startWord = true;
                previous = c;
            }
        }

        if (builder.Length == 0)
        {
            return "Value";
        }

        // A digit or a combining mark may continue an identifier but not start one.
        if (!IsIdentifierStart(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return Truncate(builder.ToString(), MaxLength);
    }

    /// <summary>
    /// Longest generated identifier. C# allows 512 characters, but type names also make up hint names
    /// and nested inline types concatenate their owners' names.
    /// </summary>
    /// <remarks>Leaves room for a numeric suffix from <see cref="NameScope"/>.</remarks>
    public const int MaxLength = 120;

    /// <summary>Cuts <paramref name="name"/> to <paramref name="maxLength"/> characters without splitting a surrogate pair.</summary>
    public static string Truncate(string name, int maxLength)
    {
        if (name.Length <= maxLength)
        {
            return name;
        }

        int length = maxLength;
        if (char.IsHighSurrogate(name[length - 1]))
        {
            length--;
        }

        return name.Substring(0, length);
    }

    /// <summary>A parameter or local name: camelCase, with '@' before a keyword.</summary>
    public static string ToCamelCase(string raw)
    {
        string pascal = ToPascalCase(raw);
        if (pascal[0] == '_')
        {
            return pascal;
        }

        string camel = char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
        return IsKeyword(camel) ? "@" + camel : camel;
    }

    /// <summary>True when <paramref name="name"/> is a valid C# identifier (no '@', no keyword).</summary>
    public static bool IsValidIdentifier(string name)
    {
        if (name.Length == 0 || IsKeyword(name) || !IsIdentifierStart(name[0]))
        {
            return false;
        }

        for (int i = 1; i < name.Length; i++)
        {
            if (!IsIdentifierPart(name[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Contextual keywords that are valid identifiers but, as a namespace segment, would capture names the
    /// generated code uses (<c>nameof(...)</c>, <c>global::</c>, <c>var</c>).
    /// </summary>
    private static readonly HashSet<string> ReservedNamespaceSegments = new(StringComparer.Ordinal)
    {
        "global", "nameof", "var", "dynamic", "value", "field", "await", "async", "yield", "record", "required", "scoped", "file", "_",
    };

    /// <summary>True when <paramref name="name"/> can name a generated type (the client): a valid identifier that is no contextual keyword the generated code uses.</summary>
    public static bool IsValidTypeName(string name) => IsValidIdentifier(name) && !ReservedNamespaceSegments.Contains(name);

    /// <summary>True when <paramref name="name"/> is a dotted namespace of valid identifiers that the generated code can live in.</summary>
    public static bool IsValidNamespace(string name)
    {
        foreach (string part in name.Split('.'))
        {
            if (!IsValidIdentifier(part) || ReservedNamespaceSegments.Contains(part))
            {
                return false;
            }
        }

        return name.Length > 0;
    }

    private static bool IsIdentifierStart(char c) => c == '_' || char.IsLetter(c);

    private static bool IsIdentifierPart(char c)
    {
        switch (CharUnicodeInfo.GetUnicodeCategory(c))
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter:
            case UnicodeCategory.LetterNumber:
            case UnicodeCategory.DecimalDigitNumber:
            case UnicodeCategory.ConnectorPunctuation:
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.SpacingCombiningMark:
                return c != '\u2040' && (c < 0x80 ? char.IsLetterOrDigit(c) || c == '_' : true);
            default:
                return false;
        }
    }
}

/// <summary>
/// Hands out names unique within one scope, case-insensitively (hint names must be unique on
/// case-insensitive file systems). A taken name gets the first free numeric suffix: the same input
/// order always gives the same names.
/// </summary>
internal sealed class NameScope
{
    private readonly HashSet<string> _taken = new(StringComparer.OrdinalIgnoreCase);

    // The next suffix to try per preferred name: names are only ever added, so every suffix below it is
    // still taken, and a thousand names that all map to "Value" cost linear, not quadratic, time.
    private readonly Dictionary<string, int> _nextSuffix = new(StringComparer.OrdinalIgnoreCase);

    public NameScope(IEnumerable<string>? reserved = null)
    {
        if (reserved is not null)
        {
            foreach (string name in reserved)
            {
                _taken.Add(name);
            }
        }
    }

    public bool IsTaken(string name) => _taken.Contains(name);

    public void Reserve(string name) => _taken.Add(name);

    /// <summary>Claims <paramref name="preferred"/> or, when taken, the first free <c>preferred2</c>, <c>preferred3</c>, ...</summary>
    public string Claim(string preferred)
    {
        if (_taken.Add(preferred))
        {
            return preferred;
        }

        for (int suffix = _nextSuffix.TryGetValue(preferred, out int next) ? next : 2; ; suffix++)
        {
            string candidate = preferred + suffix.ToString(CultureInfo.InvariantCulture);
            if (_taken.Add(candidate))
            {
                _nextSuffix[preferred] = suffix + 1;
                return candidate;
            }
        }
    }
}
