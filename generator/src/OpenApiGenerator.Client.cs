using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using OpenApiSdk.Generator.Emitting;
using OpenApiSdk.Generator.Model;

namespace OpenApiSdk.Generator;

public sealed partial class OpenApiGenerator
{
    /// <summary>Error-body properties that carry the error code, by wire name, most specific first.</summary>
    private static readonly string[] ErrorCodeNames = { "error_code", "errorCode", "code" };

    /// <summary>Error-body properties that carry the message, by wire name, most specific first.</summary>
    private static readonly string[] ErrorMessageNames = { "error_msg", "error_message", "errorMessage", "message", "msg", "detail" };

    /// <summary>
    /// The client: one file for what the client shares (options, interface, constructor, helpers, DI
    /// registration) and one per operation group, so editing one operation re-emits only its group.
    /// </summary>
    static partial void RegisterClients(IncrementalGeneratorInitializationContext context, IncrementalValuesProvider<ApiModel> models, IncrementalValueProvider<TargetInfo> target)
    {
        IncrementalValuesProvider<(SpecContext Context, ClientModel Client)> clients = models
            .Where(static model => model.Client is not null)
            .Select(static (model, _) => (model.Context, ResolveErrorProperties(model)));

        IncrementalValuesProvider<ClientCoreOutput> cores = clients
            .Select(static (pair, _) => (pair.Context, pair.Client.Info))
            .Combine(target.Select(static (info, _) => new ClientTarget(info.HasHttpClientFactory, info.HasLogging)))
            .Select(static (pair, _) => new ClientCoreOutput(pair.Left.Context, pair.Left.Info, pair.Right))
            .WithTrackingName(TrackingNames.Clients);
        context.RegisterSourceOutput(cores, static (spc, output) =>
            AddSource(spc, output.Context.HintPrefix + "." + output.Info.Name + ".g.cs", () => ClientEmitter.Emit(output.Context, output.Info, output.Target)));

        IncrementalValuesProvider<ClientGroupOutput> groups = clients
            .SelectMany(static (pair, _) => pair.Client.Groups.Select(group => new ClientGroupOutput(pair.Context, pair.Client.Info, group)))
            .WithTrackingName(TrackingNames.ClientGroups);
        context.RegisterSourceOutput(groups, static (spc, output) =>
            AddSource(
                spc,
                output.Context.HintPrefix + "." + output.Info.Name + "." + (output.Group.Name.Length == 0 ? "Operations" : output.Group.Name + "Operations") + ".g.cs",
                () => ClientOperationEmitter.Emit(output.Context, output.Info, output.Group)));

        // Paging, link and job helpers of the group (extension methods; next-link page fetches), in a file of their own.
        context.RegisterSourceOutput(groups.Where(static output => ClientHelperEmitter.HasHelpers(output.Group)), static (spc, output) =>
            AddSource(
                spc,
                output.Context.HintPrefix + "." + output.Info.Name + "." + (output.Group.Name.Length == 0 ? "Operations" : output.Group.Name + "Operations") + ".Helpers.g.cs",
                () => ClientHelperEmitter.Emit(output.Context, output.Info, output.Group)));
    }

    /// <summary>Fills in which property of each error body holds the error code and message, now that the types are built.</summary>
    private static ClientModel ResolveErrorProperties(ApiModel model)
    {
        ClientModel client = model.Client!;
        var types = new Dictionary<string, TypeModel>(StringComparer.Ordinal);
        foreach (TypeModel type in model.Types)
        {
            types[type.Name] = type;
        }

        ResponseModel Resolve(ResponseModel response)
        {
            if (response.Type is not { Kind: TypeRefKind.Model, ModelName: { } name } || !types.TryGetValue(name, out TypeModel? type))
            {
                return response;
            }

            return response with { ErrorCodeProperty = Find(type, ErrorCodeNames), ErrorMessageProperty = Find(type, ErrorMessageNames) };
        }

        var groups = client.Groups.Select(group => group with
        {
            Operations = group.Operations.Select(operation => operation with { Errors = operation.Errors.Select(Resolve).ToEquatableArray() }).ToEquatableArray(),
        });
        return client with { Groups = groups.ToEquatableArray() };
    }

    private static string? Find(TypeModel type, string[] names)
    {
        foreach (string name in names)
        {
            foreach (PropertyModel property in type.Properties)
            {
                if (property.JsonName == name && property.Type.Kind == TypeRefKind.String)
                {
                    return property.Name;
                }
            }
        }

        return null;
    }
}

/// <summary>What the shared part of a client is emitted from.</summary>
internal sealed record ClientCoreOutput(SpecContext Context, ClientInfo Info, ClientTarget Target);

/// <summary>The references of the project that change the client's shared part: DI registration, ILogger.</summary>
internal sealed record ClientTarget(bool HasHttpClientFactory, bool HasLogging);

/// <summary>One group of operations to emit.</summary>
internal sealed record ClientGroupOutput(SpecContext Context, ClientInfo Info, OperationGroupModel Group);
