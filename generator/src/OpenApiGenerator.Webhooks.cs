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
            if (!model.Webhooks.IsEmpty)
            {
                AddSource(spc, prefix + model.WebhooksClass + ".g.cs", () => WebhookEmitter.Emit(output.Context, model.WebhooksClass, model.Webhooks, IncomingKind.Webhook));
            }

            if (!model.Callbacks.IsEmpty)
            {
                AddSource(spc, prefix + model.CallbacksClass + ".g.cs", () => WebhookEmitter.Emit(output.Context, model.CallbacksClass, model.Callbacks, IncomingKind.Callback));
            }

            if (output.HasAspNetCore && HasPayload(model))
            {
                AddSource(spc, prefix + model.EndpointsClass + ".g.cs", () => AspNetCoreEmitter.Emit(output.Context, model));
            }
        });
    }

    private static bool HasPayload(ReceiverModel model)
    {
        foreach (IncomingRequestModel request in model.Webhooks)
        {
            if (request.Payload is not null)
            {
                return true;
            }
        }

        foreach (IncomingRequestModel request in model.Callbacks)
        {
            if (request.Payload is not null)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>What the webhook and callback files are emitted from.</summary>
internal sealed record ReceiverOutput(SpecContext Context, ReceiverModel Receivers, bool HasAspNetCore);
