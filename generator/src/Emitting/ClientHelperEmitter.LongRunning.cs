using System.Collections.Generic;
using System.Linq;
using OpenApiSdk.Generator.Model;

namespace OpenApiSdk.Generator.Emitting;

/// <summary>
/// The wait of an <c>x-ms-long-running-operation</c>: <c>WaitFor{Operation}Async</c>, an extension on the operation's
/// group interface that hands the operation's initial response to the runtime's <c>LongRunningOperation</c>, and
/// <c>{Operation}PollAsync</c>, the group member that GETs the status monitor (or the result) through the pipeline with
/// the operation's credentials.
/// </summary>
internal sealed partial class ClientHelperEmitter
{
    private void EmitWait(OperationGroupModel group, OperationModel operation, LongRunningModel longRunning)
    {
        SourceWriter w = _w;
        string? result = operation.Success?.Type is { } type ? _types.Of(type) : null;
        string finalState = longRunning.FinalStateDeclared is { } declared
            ? "its result is read as final-state-via '" + declared + "' says"
            : "its result is read where Azure's default for " + operation.Method + " says";
        w.Summary(
            "Waits for the long-running " + operation.OperationId + " (x-ms-long-running-operation) that started began: polls the status monitor its response names "
            + "(Azure-AsyncOperation, else Operation-Location, else Location; a PUT or PATCH with none is followed through its provisioningState) until the status is Succeeded, Failed or Canceled; "
            + finalState + ".",
            "Each poll waits the service's Retry-After (capped by WaitOptions.MaxPollInterval), else WaitOptions.PollInterval, and goes through the client's pipeline with the operation's credentials; a status monitor must be on the base address's origin.");
        w.Line("/// <param name=\"client\">The operations to poll with.</param>");
        w.Line("/// <param name=\"started\">The response of " + operation.ResponseName + ".</param>");
        w.Line("/// <param name=\"waitOptions\">The poll interval and the overall timeout; null uses the defaults of WaitOptions.</param>");
        w.Line("/// <param name=\"requestOptions\">Per-call options (timeout, headers, retries) for every poll; null uses the client's.</param>");
        w.Line("/// <param name=\"cancellationToken\">Stops waiting and cancels the poll under way.</param>");
        if (result is not null)
        {
            w.Line("/// <returns>The operation's result; null when the service gives none.</returns>");
        }

        w.Line("/// <exception cref=\"" + TypeSyntax.Sdk + "JobFailedException\">The operation ended Failed or Canceled (the reason is the status's error message).</exception>");
        w.Line("/// <exception cref=\"" + TypeSyntax.Sdk + "JobTimeoutException\">The operation did not end within WaitOptions.Timeout.</exception>");
        w.Line("/// <exception cref=\"" + TypeSyntax.Sdk + "ApiException\">A poll was answered with an error status.</exception>");
        w.Line(TypeSyntax.GeneratedCode);
        string returns = result is null ? Task : Task + "<" + result + "?>";
        w.Open("public static async " + returns + " " + longRunning.WaitMethodName + "(this " + GroupInterface(group.Name) + " client, " + TypeSyntax.Sdk + "ApiResponse started, "
            + TypeSyntax.Sdk + "WaitOptions? waitOptions = null, " + TypeSyntax.Sdk + "RequestOptions? requestOptions = null, " + CancellationToken + " cancellationToken = default)");
        NullCheck("client");
        NullCheck("started");
        string call = TypeSyntax.Runtime + "LongRunningOperation.WaitAsync<" + (result ?? "object") + ">(";
        w.Line((result is null ? "await " : "return await ") + call);
        w.Line("    " + Literals.String(operation.OperationId) + ",");
        w.Line("    " + Literals.String(operation.Method) + ",");
        w.Line("    started,");
        w.Line("    " + (result is null ? "null" : "(started as " + TypeSyntax.Sdk + "ApiResponse<" + result + "?>)?.Value") + ",");
        w.Line("    " + TypeSyntax.Runtime + "LongRunningFinalState." + longRunning.FinalState + ",");
        w.Line("    (__link, __cancellationToken) => client." + longRunning.PollMethodName + "(__link, requestOptions, __cancellationToken),");
        w.Line("    " + (result is null ? "null" : "static (ref " + TypeSyntax.Reader + " __reader) => " + result + ".ReadJson(ref __reader)") + ",");
        w.Line("    waitOptions,");
        w.Line("    cancellationToken).ConfigureAwait(false);");
        w.Close();
    }

    /// <summary>The poll members: in the group's interface and class, since they send URLs no operation method takes.</summary>
    private void EmitPolls(OperationGroupModel group, List<OperationModel> operations) =>
        EmitGroupMembers(group, operations, DeclarePoll, EmitPoll);

    private void DeclarePoll(OperationModel operation)
    {
        SourceWriter w = _w;
        w.Summary("Sends a GET to a URL the long-running " + operation.OperationId + " gave (its status monitor or its result), with the client's credentials; the URL must be on the base address's origin. WaitFor" + ClientHelperResolverName(operation) + "Async calls it.");
        w.Line("/// <param name=\"link\">The URL, as the service gave it (absolute, or relative to the base address).</param>");
        w.Line("/// <param name=\"requestOptions\">Per-call options (timeout, headers, retries); null uses the client's.</param>");
        w.Line("/// <param name=\"cancellationToken\">Cancels the request.</param>");
        w.Line("/// <returns>The response with its body as bytes.</returns>");
        w.Line("/// <exception cref=\"" + TypeSyntax.Sdk + "ApiException\">The service answered a status other than success.</exception>");
        w.Line("/// <exception cref=\"global::System.InvalidOperationException\">The URL is not an http(s) URL on the base address's origin.</exception>");
        w.Line(Task + "<" + PollResponse + "> " + operation.LongRunning!.PollMethodName + "(string link, " + TypeSyntax.Sdk + "RequestOptions? requestOptions = null, " + CancellationToken + " cancellationToken = default);");
    }

    private void EmitPoll(OperationModel operation, string client)
    {
        SourceWriter w = _w;
        string responses = "__PollResponses" + ClientHelperResolverName(operation);
        w.Line("/// <inheritdoc/>");
        w.Open("public async " + Task + "<" + PollResponse + "> " + operation.LongRunning!.PollMethodName + "(string link, " + TypeSyntax.Sdk + "RequestOptions? requestOptions = null, " + CancellationToken + " cancellationToken = default)");
        NullCheck("link");
        w.Line("global::System.Uri __uri = " + TypeSyntax.Runtime + "Pager.NextLinkUri(" + OperationBaseUrl(operation, client) + ", link);");
        w.Line("var __request = " + TypeSyntax.Runtime + "ClientRequest.ForNextLink(" + Literals.String(operation.OperationId) + ", " + Literals.String(operation.Path) + ", __uri, \"application/json\");");
        EmitCredentials(operation, client);
        w.Line("return await " + client + ".__Pipeline.SendAsync(__request, " + responses + ", requestOptions, cancellationToken).ConfigureAwait(false);");
        w.Close();
        w.Line();
        EmitMapWithErrors("private static readonly " + TypeSyntax.Runtime + "ResponseMap<byte[]> " + responses + " = " + TypeSyntax.Runtime + "ResponseMap.Bytes()", operation);
    }

    private const string PollResponse = TypeSyntax.Sdk + "ApiResponse<byte[]>";

    private static string ClientHelperResolverName(OperationModel operation) => OpenApiSdk.Generator.Building.ClientHelperResolver.BaseName(operation);

    /// <summary>The base URL an operation's relative links resolve against: its own server's, else the client's.</summary>
    private static string OperationBaseUrl(OperationModel operation, string client) => operation.Server switch
    {
        null => client + ".__BaseUrl()",
        { Absolute: true } server => "(" + client + ".Options.UseOperationServers ? " + Literals.String(server.Url) + " : " + client + ".__BaseUrl())",
        { } server => client + ".__OperationServerUrl(" + Literals.String(server.Url) + ")",
    };

    /// <summary>The operation's credentials on a request the helper builds.</summary>
    private void EmitCredentials(OperationModel operation, string client)
    {
        foreach (SecuritySchemeModel scheme in operation.Security.Select(name => _client.Security.FirstOrDefault(s => s.Name == name)).Where(s => s is not null))
        {
            _w.Line("__request.Credential(" + client + ".__Credential" + scheme!.PropertyName + ");");
        }
    }
}
