using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using OpenApiSdk.Generator.Diagnostics;
using OpenApiSdk.Generator.Model;
using OpenApiSdk.Generator.Yaml;

namespace OpenApiSdk.Generator.Building;

/// <summary>Collects diagnostics for one spec file, each pointing at the YAML node to fix.</summary>
internal sealed class DiagnosticBag
{
    // A hostile spec could otherwise produce millions of diagnostics; the first ones are what a user fixes first.
    private const int MaxDiagnostics = 500;

    private const int MaxArgumentLength = 300;

    private readonly string _path;
    private readonly List<DiagnosticInfo> _items = new();
    private readonly HashSet<DiagnosticInfo> _seen = new();

    public DiagnosticBag(string path) => _path = path;

    public bool HasErrors { get; private set; }

    public void Report(DiagnosticDescriptor descriptor, YamlNode? node, params string[] args) =>
        Report(descriptor, node is null ? null : At(node), args);

    public void Report(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] args)
    {
        if (descriptor.DefaultSeverity == DiagnosticSeverity.Error)
        {
            HasErrors = true;
        }

        // Spec text in a message is cut short: a hostile 1 MB name must not become a 1 MB error line.
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] is { Length: > MaxArgumentLength } text)
            {
                int cut = char.IsHighSurrogate(text[MaxArgumentLength - 4]) ? MaxArgumentLength - 4 : MaxArgumentLength - 3;
                args[i] = text.Substring(0, cut) + "...";
            }
        }

        // The same problem reached twice (a schema used from two places, a $ref followed twice) is reported once.
        var item = new DiagnosticInfo(descriptor.Id, location, args.ToEquatableArray());
        if (_items.Count < MaxDiagnostics && _seen.Add(item))
        {
            _items.Add(item);
        }
    }

    /// <summary>How many diagnostics are kept so far: a mark for <see cref="Retract"/>.</summary>
    public int Count => _items.Count;

    /// <summary>Takes back the diagnostics reported since <paramref name="mark"/> that <paramref name="which"/> picks; true when it took any.</summary>
    public bool Retract(int mark, System.Func<DiagnosticInfo, bool> which)
    {
        bool any = false;
        for (int i = _items.Count - 1; i >= mark; i--)
        {
            if (which(_items[i]))
            {
                _seen.Remove(_items[i]);
                _items.RemoveAt(i);
                any = true;
            }
        }

        return any;
    }

    public LocationInfo At(YamlNode node)
    {
        int endLine = node.EndLine > 0 ? node.EndLine : node.Line;
        int endColumn = node.EndLine > 0 ? node.EndColumn : node.Column;
        return new LocationInfo(_path, node.Line - 1, node.Column - 1, endLine - 1, endColumn - 1);
    }

    public LocationInfo At(int line, int column) => new(_path, line - 1, column - 1, line - 1, column - 1);

    public EquatableArray<DiagnosticInfo> ToArray() => _items.ToEquatableArray();
}
