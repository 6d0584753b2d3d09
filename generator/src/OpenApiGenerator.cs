using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using OpenApiSdk.Generator.Building;
using OpenApiSdk.Generator.Diagnostics;
using OpenApiSdk.Generator.Emitting;
using OpenApiSdk.Generator.Model;

namespace OpenApiSdk.Generator;

/// <summary>
/// Reads each <c>OpenApiSpec</c> file and emits models, validators and a client. Stages: inputs (text +
/// metadata) → parse (YAML → equatable model + diagnostics) → fan out per type and per client →
/// emit. Diagnostics are reported from their own output, so moving one does not re-emit code.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class OpenApiGenerator : IIncrementalGenerator
{
    /// <summary>The lowest C# version the generated code compiles with.</summary>
    internal const int MinimumLanguageVersion = 9;

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<SpecInput> inputs = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => SpecInputReader.Read(pair.Left, pair.Right, cancellationToken))
            .Where(static input => input is not null)
            .Select(static (input, _) => input!)
            .WithTrackingName(TrackingNames.Inputs);

        IncrementalValuesProvider<SpecParseResult> parsed = inputs
            .Select(static (input, cancellationToken) => SpecParser.Parse(input, cancellationToken))
            .WithTrackingName(TrackingNames.Parse);

        IncrementalValueProvider<TargetInfo> target = context.CompilationProvider
            .Select(static (compilation, _) => TargetInfo.From(compilation))
            .WithTrackingName(TrackingNames.Target);

        IncrementalValuesProvider<EquatableArray<DiagnosticInfo>> diagnostics = parsed
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (spc, items) =>
        {
            foreach (DiagnosticInfo item in items)
            {
                spc.ReportDiagnostic(item.ToDiagnostic());
            }
        });

        // Only "is there any spec" matters here, as an equatable bool: a spec edit must not re-run this output.
        IncrementalValueProvider<bool> anySpec = inputs
            .Select(static (_, _) => true)
            .Collect()
            .Select(static (all, _) => !all.IsEmpty)
            .WithTrackingName(TrackingNames.AnySpec);
        context.RegisterSourceOutput(anySpec.Combine(target), static (spc, pair) =>
        {
            if (pair.Left && !pair.Right.LanguageVersionSupported)
            {
                spc.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.LanguageVersionTooLow,
                    Location.None,
                    MinimumLanguageVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    pair.Right.LanguageVersion));
            }
        });

        IncrementalValuesProvider<ApiModel> models = parsed
            .Where(static result => result.Model is not null)
            .Select(static (result, _) => result.Model!)
            .Combine(target)
            .Where(static pair => pair.Right.LanguageVersionSupported)
            .Select(static (pair, _) => pair.Left)
            .WithTrackingName(TrackingNames.Models);

        IncrementalValuesProvider<TypeOutput> types = models
            .SelectMany(static (model, _) => model.Types.Select(type => new TypeOutput(model.Context, type)))
            .WithTrackingName(TrackingNames.Types);

        // Each type is emitted in its own cached step, so a one-schema edit re-emits one type. The texts are
        // then written one file per type, or, for a spec with many types, into a fixed set of files by a
        // stable hash of the type name: Roslyn's driver checks each added hint name against every file added
        // before it (a linear scan), which made thousands of files cost O(n²) on every run, even a cached one.
        IncrementalValuesProvider<EmittedType> emitted = types
            .Select(static (output, _) => EmittedType.Emit(output))
            .WithTrackingName(TrackingNames.Emit);
        IncrementalValuesProvider<TypeFile> typeFiles = emitted
            .Collect()
            .SelectMany(static (all, _) => TypeFile.Group(all))
            .WithTrackingName(TrackingNames.TypeFiles);
        context.RegisterSourceOutput(typeFiles, static (spc, file) =>
        {
            foreach (string error in file.Errors)
            {
                spc.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InternalError, Location.None, error));
            }

            if (!file.Parts.IsEmpty)
            {
                AddSource(spc, file.HintName, () => string.Concat(file.Parts));
            }
        });

        RegisterClients(context, models, target);
        RegisterReceivers(context, models, target);
    }

    static partial void RegisterClients(IncrementalGeneratorInitializationContext context, IncrementalValuesProvider<ApiModel> models, IncrementalValueProvider<TargetInfo> target);

    static partial void RegisterReceivers(IncrementalGeneratorInitializationContext context, IncrementalValuesProvider<ApiModel> models, IncrementalValueProvider<TargetInfo> target);

    /// <summary>Adds one generated file; a failure becomes a diagnostic instead of a crashed generator.</summary>
    internal static void AddSource(SourceProductionContext context, string hintName, Func<string> emit)
    {
        try
        {
            context.AddSource(hintName, SourceText.From(emit(), Encoding.UTF8));
        }
        catch (OperationCanceledException)
        {
            throw;
        }
#pragma warning disable CA1031 // The generator must never crash the compiler.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InternalError, Location.None, hintName + ": " + ex.Message));
        }
    }
}

/// <summary>One type to emit, with the names it needs from its spec.</summary>
internal sealed record TypeOutput(SpecContext Context, TypeModel Type);

/// <summary>One type's generated text (or why it failed), keyed by its spec's hint prefix, with the file aliases it uses.</summary>
internal sealed record EmittedType(string HintPrefix, string Namespace, string Name, string? Text, string? Error, ulong Aliases = 0)
{
    public static EmittedType Emit(TypeOutput output)
    {
        try
        {
            string text = ModelEmitter.Emit(output.Context, output.Type);
            return new EmittedType(output.Context.HintPrefix, output.Context.Namespace, output.Type.Name, text, null, Emitting.Aliases.Used(text));
        }
        catch (OperationCanceledException)
        {
            throw;
        }
#pragma warning disable CA1031 // The generator must never crash the compiler.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return new EmittedType(output.Context.HintPrefix, output.Context.Namespace, output.Type.Name, null, output.Context.HintPrefix + "." + output.Type.Name + ".g.cs: " + ex.Message);
        }
    }
}

/// <summary>
/// One generated file of model types: its hint name, its header (with the aliases its types use) and the types'
/// texts in order. Parts compare by value, and unchanged parts are the same string instances, so comparing a cached
/// file is cheap.
/// </summary>
internal sealed record TypeFile(string HintName, EquatableArray<string> Parts, EquatableArray<string> Errors)
{
    /// <summary>Up to this many types in a spec, each type has its own file.</summary>
    public const int OneFilePerTypeUpTo = 128;

    /// <summary>Above it, types share this many files, chosen by a stable hash of the type name.</summary>
    public const int SharedFiles = 64;

    public static IEnumerable<TypeFile> Group(ImmutableArray<EmittedType> all)
    {
        foreach (IGrouping<string, EmittedType> spec in all.GroupBy(t => t.HintPrefix, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            List<EmittedType> types = spec.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
            if (types.Count <= OneFilePerTypeUpTo)
            {
                foreach (EmittedType type in types)
                {
                    yield return Create(spec.Key + "." + type.Name + ".g.cs", new[] { type });
                }

                continue;
            }

            foreach (IGrouping<int, EmittedType> bucket in types.GroupBy(t => Bucket(t.Name)).OrderBy(g => g.Key))
            {
                yield return Create(spec.Key + ".Models" + bucket.Key.ToString("D2", System.Globalization.CultureInfo.InvariantCulture) + ".g.cs", bucket);
            }
        }
    }

    private static TypeFile Create(string hintName, IEnumerable<EmittedType> types)
    {
        List<EmittedType> emitted = types.ToList();
        ulong aliases = 0;
        foreach (EmittedType type in emitted)
        {
            aliases |= type.Aliases;
        }

        List<string> texts = emitted.Where(t => t.Text is not null).Select(t => t.Text!).ToList();
        if (texts.Count > 0)
        {
            // One namespace block per file (a spec has one namespace), its types not indented.
            texts.Insert(0, Emitting.Aliases.Header(aliases) + "namespace " + emitted[0].Namespace + "\n{");
            texts.Add("}\n");
        }

        return new(hintName, texts.ToEquatableArray(), emitted.Where(t => t.Error is not null).Select(t => t.Error!).ToEquatableArray());
    }

    /// <summary>FNV-1a over the name's UTF-16 code units: the same in every process (string.GetHashCode is not).</summary>
    private static int Bucket(string name)
    {
        uint hash = 2166136261;
        foreach (char c in name)
        {
            hash = unchecked((hash ^ c) * 16777619);
        }

        return (int)(hash % SharedFiles);
    }
}

/// <summary>The few facts about the consuming compilation that change what is emitted; equatable, so edits don't re-emit.</summary>
/// <param name="HasAspNetCore">ASP.NET Core's routing and results are referenced: webhook endpoints (<c>Map...Webhook</c>) are emitted.</param>
/// <param name="HasLogging">Microsoft.Extensions.Logging.Abstractions is referenced: the client options get an ILogger.</param>
internal sealed record TargetInfo(bool LanguageVersionSupported, string LanguageVersion, bool HasServiceCollection, bool HasHttpClientFactory, bool HasLogging, bool HasAspNetCore)
{
    public static TargetInfo From(Compilation compilation)
    {
        LanguageVersion version = compilation is CSharpCompilation csharp ? csharp.LanguageVersion : Microsoft.CodeAnalysis.CSharp.LanguageVersion.Default;
        bool supported = version >= Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp9;
        return new TargetInfo(
            supported,
            version.ToDisplayString(),
            compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.IServiceCollection") is not null,
            compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions") is not null,
            compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.ILogger") is not null,
            compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions") is not null
                && compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.Results") is not null
                && compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.IResult") is not null);
    }
}
