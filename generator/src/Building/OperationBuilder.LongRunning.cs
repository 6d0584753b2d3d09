using System;
using System.Collections.Generic;
using OpenApiSdk.Generator.Diagnostics;
using OpenApiSdk.Generator.Model;
using OpenApiSdk.Generator.Yaml;

namespace OpenApiSdk.Generator.Building;

/// <summary>AutoRest's <c>x-ms-long-running-operation</c> and <c>x-ms-long-running-operation-options</c> on an operation.</summary>
internal static partial class OperationBuilder
{
    private const string LongRunningKey = "x-ms-long-running-operation";
    private const string LongRunningOptionsKey = "x-ms-long-running-operation-options";

    private sealed partial class Builder
    {
        /// <summary>The operation's long-running pattern, or null when it is not marked (or its result is not an object, reported).</summary>
        private LongRunningModel? LongRunning(YamlNode operation, ResponseModel? success, string operationId, string methodName)
        {
            YamlNode? marked = operation.Get(LongRunningKey);
            YamlNode? options = operation.Get(LongRunningOptionsKey);
            if (marked is null)
            {
                if (options is not null)
                {
                    _diagnostics.Report(DiagnosticDescriptors.IgnoredValue, options, $"'{LongRunningOptionsKey}' of {operationId} has no effect without '{LongRunningKey}: true'");
                }

                return null;
            }

            if (!(marked.IsScalar && marked.Value is "true" or "false" or "True" or "False"))
            {
                _diagnostics.Report(DiagnosticDescriptors.IgnoredValue, marked, $"'{LongRunningKey}' of {operationId} must be true or false; it is ignored");
                return null;
            }

            if (marked.Value is "false" or "False")
            {
                return null;
            }

            if (success?.Type is { } type && type.Kind != TypeRefKind.Model)
            {
                _diagnostics.Report(DiagnosticDescriptors.ExtensionNotApplied, marked, $"The {LongRunningKey} of {operationId} cannot be applied: its result must be an object schema (or none)", $"no WaitFor{methodName}Async is generated");
                return null;
            }

            (string finalState, string? declared) = FinalState(options, operationId);
            return new LongRunningModel(finalState, declared, success?.Type is not null && HasBodilessSuccess(operation.Get("responses")));
        }

        /// <summary><c>final-state-via</c> as the runtime's <c>LongRunningFinalState</c> member.</summary>
        private (string FinalState, string? Declared) FinalState(YamlNode? options, string operationId)
        {
            if (options is null)
            {
                return ("Default", null);
            }

            YamlNode? via = options.IsMapping ? options.Get("final-state-via") : null;
            string? value = via is { IsScalar: true, IsNull: false } ? via.Value : null;
            string? state = value switch
            {
                "azure-async-operation" => "AzureAsyncOperation",
                "location" => "Location",
                "original-uri" => "OriginalUri",
                "operation-location" => "OperationLocation",
                _ => null,
            };
            if (state is null && (via is not null || !options.IsMapping))
            {
                _diagnostics.Report(DiagnosticDescriptors.IgnoredValue, via ?? options, $"The 'final-state-via' of {operationId}'s '{LongRunningOptionsKey}' must be azure-async-operation, location, original-uri or operation-location; the result is read where the method's default says");
            }

            return state is null ? ("Default", null) : (state, value);
        }

        /// <summary>True when a declared 2xx response has no content (the 202 that accepts the work).</summary>
        private bool HasBodilessSuccess(YamlNode? responses)
        {
            if (responses is not { IsMapping: true })
            {
                return false;
            }

            foreach (KeyValuePair<YamlNode, YamlNode> pair in responses.Pairs!)
            {
                if (pair.Key.Value is { Length: 3 } status && status[0] == '2' && Refs.Resolve(pair.Value) is { IsMapping: true } response
                    && response.Get("content") is not { IsMapping: true, Pairs.Count: > 0 })
                {
                    return true;
                }
            }

            return false;
        }
    }
}
