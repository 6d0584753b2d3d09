using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using OpenApiSdk.Generator.Model;

namespace OpenApiSdk.Generator.Diagnostics;

/// <summary>An equatable stand-in for <see cref="Location"/>: a file and a 0-based line/column span.</summary>
internal sealed record LocationInfo(string FilePath, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    /// <summary>The first character of <paramref name="path"/>: where a problem with the whole file is shown.</summary>
    public static Location FileStart(string path) => new LocationInfo(path, 0, 0, 0, 0).ToLocation();

    public Location ToLocation() => Location.Create(
        FilePath,
        default,
        new LinePositionSpan(new LinePosition(StartLine, StartColumn), new LinePosition(EndLine, EndColumn)));
}

/// <summary>A diagnostic as data: which descriptor, where, and the message arguments.</summary>
internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> MessageArgs)
{
    public Diagnostic ToDiagnostic()
    {
        DiagnosticDescriptor descriptor = DiagnosticDescriptors.Get(Id);
        object?[] args = new object?[MessageArgs.Count];
        for (int i = 0; i < args.Length; i++)
        {
            args[i] = MessageArgs[i];
        }

        return Diagnostic.Create(descriptor, Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None, args);
    }
}
