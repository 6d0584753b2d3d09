using Microsoft.CodeAnalysis;
using OpenApiSdk.Generator.Emitting;
using OpenApiSdk.Generator.Model;

namespace OpenApiSdk.Generator;

public sealed partial class OpenApiGenerator
{
    /// <summary>
    /// Webhooks and callbacks: one file per parser class, and the ASP.NET Core endpoints where the project references
    /// ASP.NET Core (a fact of <see cref="TargetInfo"/>, so editing C# code re-emits nothing).
    /// </summary>
    static partial void RegisterReceivers(IncrementalGeneratorInitializationContext context, IncrementalValuesProvider<ApiModel> models, IncrementalValueProvider<TargetInfo> target)
    {
        IncrementalValuesProvider<ReceiverOutput> receivers = models
            .Where(static model => model.Receivers is not null)
            .Combine(target.Select(static (info, _) => info.HasAspNetCore))
            .Select(static (pair, _) => new ReceiverOutput(pair.Left.Context, pair.Left.Receivers!, pair.Right))
            .WithTrackingName(TrackingNames.Receivers);
        context.RegisterSourceOutput(receivers, static (spc, output) =>
        {
            string prefix = output.Context.HintPrefix + ".";
            ReceiverModel model = output.Receivers;
            if (HasParser(model.Webhooks))
            {
                AddSource(spc, prefix + model.WebhooksClass + ".g.cs", () => WebhookEmitter.Emit(output.Context, model.WebhooksClass, model.Webhooks, IncomingKind.Webhook));
            }

            if (HasParser(model.Callbacks))
            {
                AddSource(spc, prefix + model.CallbacksClass + ".g.cs", () => WebhookEmitter.Emit(output.Context, model.CallbacksClass, model.Callbacks, IncomingKind.Callback));
            }

            if (output.HasAspNetCore && (HasPayload(model.Webhooks) || HasPayload(model.Callbacks)))
            {
                AddSource(spc, prefix + model.EndpointsClass + ".g.cs", () => AspNetCoreEmitter.Emit(output.Context, model));
            }
        });
    }

    /// <summary>Some request has a JSON payload (a Parse method and an endpoint).</summary>
    private static bool HasPayload(EquatableArray<IncomingRequestModel> requests)
    {
        foreach (IncomingRequestModel request in requests)
        {
            if (request.Payload is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Some request has something to parse: a JSON payload or declared headers. A request with neither gets no class.</summary>
    private static bool HasParser(EquatableArray<IncomingRequestModel> requests)
    {
        foreach (IncomingRequestModel request in requests)
        {
            if (request.Payload is not null || request.Headers is not null)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>What the webhook and callback files are emitted from.</summary>
internal sealed record ReceiverOutput(SpecContext Context, ReceiverModel Receivers, bool HasAspNetCore);
