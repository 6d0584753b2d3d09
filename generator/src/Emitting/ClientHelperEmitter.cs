using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OpenApiSdk.Generator.Model;

namespace OpenApiSdk.Generator.Emitting;

/// <summary>
/// Emits the helpers of one operation group as extension methods in <c>{Client}Extensions</c> (a static partial class
/// spread over the groups' files): <c>{Operation}ItemsAsync</c> for paged lists on the group's interface, and
/// <c>Follow{Link}Async</c> / <c>WaitFor{Operation}Async</c> for links on the client's root interface. They call the
/// generated operation methods, so mocks and decorators of the interfaces get them too, and they work over whatever the
/// send path does. Next-link paging also needs <c>{Operation}NextPageAsync</c>, a member of the group (it sends a URL the
/// service gave, which no operation method can).
/// </summary>
internal sealed partial class ClientHelperEmitter
{
    private const string CancellationToken = "global::System.Threading.CancellationToken";
    private const string Task = "global::System.Threading.Tasks.Task";

    private static readonly string[] PassCancellation = { "requestOptions: requestOptions", "cancellationToken: cancellationToken" };
    private static readonly string[] PassPollCancellation = { "requestOptions: requestOptions", "cancellationToken: __cancellationToken" };
    private static readonly char[] LineBreaks = { '\n', '\r' };

    private readonly SpecContext _context;
    private readonly ClientInfo _client;
    private readonly ClientTypes _types;
    private readonly SourceWriter _w = new();

    private ClientHelperEmitter(SpecContext context, ClientInfo client)
    {
        _context = context;
        _client = client;
        _types = new ClientTypes(context.Namespace);
    }

    /// <summary>True when the group has anything for this emitter (so its file is added).</summary>
    public static bool HasHelpers(OperationGroupModel group) =>
        group.Operations.Any(o => o.Paging is not null || o.LongRunning is not null || o.Links.Any(l => l.Follow is not null));

    public static string Emit(SpecContext context, ClientInfo client, OperationGroupModel group) =>
        new ClientHelperEmitter(context, client).EmitGroup(group);

    private string RootInterface => _types.Generated("I" + _client.Name);

    private string GroupInterface(string group) => group.Length == 0 ? RootInterface : RootInterface + ".I" + group + "Operations";

    private static string GroupAccess(string group) => group.Length == 0 ? "client" : "client." + group;

    private string EmitGroup(OperationGroupModel group)
    {
        SourceWriter w = _w;
        w.Line("namespace " + _context.Namespace);
        w.Open();
        w.Summary("Helpers over the operations of " + _client.Name + ": every item of paged lists, and the links of responses (following them, waiting for jobs).");
        w.Open("public static partial class " + _client.Name + "Extensions");
        bool first = true;
        foreach (OperationModel operation in group.Operations)
        {
            if (operation.Paging is { } paging)
            {
                Separate(ref first);
                EmitItems(group, operation, paging);
            }

            if (operation.LongRunning is { } longRunning)
            {
                Separate(ref first);
                EmitWait(group, operation, longRunning);
            }

            foreach (LinkModel link in operation.Links)
            {
                if (link.Follow is { } follow)
                {
                    Separate(ref first);
                    EmitFollow(operation, link, follow, wait: false);
                    if (follow.WaitMethodName is not null && follow.Job is not null)
                    {
                        w.Line();
                        EmitFollow(operation, link, follow, wait: true);
                    }
                }
            }
        }

        w.Close();
        List<OperationModel> nextPages = group.Operations.Where(o => o.Paging?.NextPageMethodName is not null).ToList();
        if (nextPages.Count > 0)
        {
            EmitNextPages(group, nextPages);
        }

        List<OperationModel> polled = group.Operations.Where(o => o.LongRunning is not null).ToList();
        if (polled.Count > 0)
        {
            EmitPolls(group, polled);
        }

        w.Close();
        return SourceWriter.Header + w.ToString();
    }

    private void Separate(ref bool first)
    {
        if (!first)
        {
            _w.Line();
        }

        first = false;
    }

    // ---- paging ----

    private void EmitItems(OperationGroupModel group, OperationModel operation, PagingModel paging)
    {
        SourceWriter w = _w;
        string item = _types.Nullable(paging.ItemType!, paging.ItemAllowsNull);
        string page = _types.Of(operation.Success!.Type!);
        List<ParameterModel> kept = operation.Parameters.Where(p => !paging.Omitted.Contains(p.Name)).ToList();
        ParameterModel? limit = paging.LimitParameter is null ? null : operation.Parameters.First(p => p.Name == paging.LimitParameter);
        string self = ClientParameter(kept.Select(p => p.Name).Concat(new[] { operation.Body?.Name ?? string.Empty, paging.PageSizeName ?? string.Empty }));

        w.Summary(
            "Every item of " + operation.OperationId + "'s pages (its '" + paging.ItemsJson + "'), fetched one page at a time as the enumeration goes on; the pages follow each other by " + Style(paging) + ".",
            "Takes the parameters of " + operation.Name + " except the paging ones; nothing is sent until the enumeration starts. Each page is an ordinary call of " + operation.Name + ", so it is validated, sent and checked like one.");
        w.Line("/// <param name=\"" + self + "\">The operations to call.</param>");
        EmitParameterDocs(kept, operation.Body);
        if (paging.PageSizeName is { } sizeDoc)
        {
            w.Line("/// <param name=\"" + sizeDoc + "\">The number of items per page, sent as " + Literals.XmlText(limit!.WireName) + "; null leaves it to the service.</param>");
        }

        w.Line("/// <param name=\"requestOptions\">Per-call options (timeout, headers, retries) for every page request; null uses the client's.</param>");
        w.Line("/// <param name=\"cancellationToken\">Stops the enumeration and cancels the page request under way.</param>");
        w.Line("/// <returns>The items, in the service's order.</returns>");
        w.Line(TypeSyntax.GeneratedCode);
        var parameters = new List<string> { "this " + GroupInterface(group.Name) + " " + self };
        parameters.AddRange(Declarations(kept, operation.Body));
        if (paging.PageSizeName is { } size)
        {
            parameters.Add(_types.Parameter(limit!) + " " + size + " = null");
        }

        parameters.Add(TypeSyntax.Sdk + "RequestOptions? requestOptions = null");
        parameters.Add(CancellationToken + " cancellationToken = default");
        w.Open("public static global::System.Collections.Generic.IAsyncEnumerable<" + item + "> " + paging.MethodName + "(" + string.Join(", ", parameters) + ")");
        NullCheck(self);
        var passed = new List<string>();
        foreach (ParameterModel parameter in kept)
        {
            passed.Add(parameter.Name + ": " + parameter.Name);
        }

        if (operation.Body is { } body && HasBodyParameter(body))
        {
            passed.Add(body.Name + ": " + body.Name);
        }

        if (limit is not null)
        {
            passed.Add(limit.Name + ": " + paging.PageSizeName);
        }

        string call = self + "." + operation.Name + "(";
        string items = "__page => __page." + paging.ItemsProperty;
        switch (paging.Style)
        {
            case PagingStyle.Offset:
            {
                ParameterModel offset = operation.Parameters.First(p => p.Name == paging.OffsetParameter);
                passed.Add(offset.Name + ": " + (offset.Type.Kind == TypeRefKind.Int32 ? "checked((int)__offset)" : "__offset"));
                string total = paging.TotalProperty is null ? "__page => null" : "__page => __page." + paging.TotalProperty;
                w.Line("return " + TypeSyntax.Runtime + "Pager.OffsetAsync<" + page + ", " + item + ">(");
                w.Line("    (__offset, __cancellationToken) => " + call + Arguments(passed) + "),");
                w.Line("    " + items + ",");
                w.Line("    " + total + ",");
                w.Line("    cancellationToken);");
                break;
            }

            case PagingStyle.Cursor:
            {
                passed.Add(paging.CursorParameter + ": __cursor");
                string member = paging.ItemAllowsNull ? "__item?." : "__item.";
                w.Line("return " + TypeSyntax.Runtime + "Pager.CursorAsync<" + page + ", " + item + ">(");
                w.Line("    (__cursor, __cancellationToken) => " + call + Arguments(passed) + "),");
                w.Line("    " + items + ",");
                w.Line("    __page => __page." + paging.HasMoreProperty + " == true,");
                w.Line("    __item => " + member + paging.CursorValueProperty + ",");
                w.Line("    cancellationToken);");
                break;
            }

            default:
            {
                string next = paging.NextPageMethodName is { } nextPage
                    ? "(__link, __cancellationToken) => " + self + "." + nextPage + "(__link, requestOptions, __cancellationToken)"
                    : "(__link, __cancellationToken) => throw new global::System.InvalidOperationException(\"The list has one page.\")";
                w.Line("return " + TypeSyntax.Runtime + "Pager.NextLinkAsync<" + page + ", " + item + ">(");
                w.Line("    __cancellationToken => " + call + Arguments(passed) + "),");
                w.Line("    " + next + ",");
                w.Line("    " + items + ",");
                w.Line("    " + (paging.NextLinkProperty is null ? "__page => null" : "__page => __page." + paging.NextLinkProperty) + ",");
                w.Line("    cancellationToken);");
                break;
            }
        }

        w.Close();
    }

    /// <summary>The name of the extension's <c>this</c> parameter: <c>client</c>, unless the operation has a parameter of that name.</summary>
    private static string ClientParameter(IEnumerable<string> taken)
    {
        var scope = new OpenApiSdk.Generator.Naming.NameScope(taken.Where(n => n.Length > 0).Select(n => n.TrimStart('@')));
        scope.Reserve("cancellationToken");
        scope.Reserve("requestOptions");
        return scope.Claim("client");
    }

    private static string Arguments(List<string> passed)
    {
        var all = new List<string>(passed) { "requestOptions: requestOptions", "cancellationToken: __cancellationToken" };
        return string.Join(", ", all);
    }

    private static string Style(PagingModel paging) => paging.Style switch
    {
        PagingStyle.Offset => "offset (the number of items skipped)" + (paging.TotalJson is null ? ", until a page is empty" : ", until it reaches '" + paging.TotalJson + "' or a page is empty"),
        PagingStyle.Cursor => "cursor: the next page starts after the '" + paging.CursorValueJson + "' of the last item, while '" + paging.HasMoreJson + "' is true",
        _ => paging.NextLinkJson is null ? "nothing: the list is one page" : "the URL in '" + paging.NextLinkJson + "', until a page has none",
    };

    /// <summary>The next-link page fetch: a member of the group's interface and class, since it sends a URL no operation method takes.</summary>
    private void EmitNextPages(OperationGroupModel group, List<OperationModel> operations) =>
        EmitGroupMembers(group, operations, DeclareNextPage, EmitNextPage);

    private void DeclareNextPage(OperationModel operation)
    {
        SourceWriter w = _w;
        w.Summary("Fetches the page at a next link that a page of " + operation.OperationId + " gave ('" + operation.Paging!.NextLinkJson + "'), with the client's credentials; the link must be on the base address's origin.");
        w.Line("/// <param name=\"nextLink\">The next link, as the previous page gave it (absolute, or relative to the base address).</param>");
        w.Line("/// <param name=\"requestOptions\">Per-call options (timeout, headers, retries); null uses the client's.</param>");
        w.Line("/// <param name=\"cancellationToken\">Cancels the request.</param>");
        w.Line("/// <returns>The page.</returns>");
        w.Line("/// <exception cref=\"" + TypeSyntax.Sdk + "ApiException\">The service answered a status other than success, or a body that is not the declared JSON.</exception>");
        w.Line("/// <exception cref=\"global::System.InvalidOperationException\">The link is not an http(s) URL on the base address's origin.</exception>");
        w.Line(Task + "<" + _types.Of(operation.Success!.Type!) + "> " + operation.Paging.NextPageMethodName + "(string nextLink, " + TypeSyntax.Sdk + "RequestOptions? requestOptions = null, " + CancellationToken + " cancellationToken = default);");
    }

    /// <summary>
    /// Members a group's interface declares and its class implements (in the nested group class when the group has
    /// a name), one per operation, followed by the shared page readers.
    /// </summary>
    private void EmitGroupMembers(OperationGroupModel group, List<OperationModel> operations, Action<OperationModel> declare, Action<OperationModel, string> implement)
    {
        SourceWriter w = _w;
        bool nested = group.Name.Length > 0;
        w.Line();
        w.Open("public partial interface I" + _client.Name);
        if (nested)
        {
            w.Open("public partial interface I" + group.Name + "Operations");
        }

        for (int i = 0; i < operations.Count; i++)
        {
            if (i > 0)
            {
                w.Line();
            }

            declare(operations[i]);
        }

        if (nested)
        {
            w.Close();
        }

        w.Close();
        w.Line();
        w.Open("public partial class " + _client.Name);
        if (nested)
        {
            w.Open("public sealed partial class " + group.Name + "Operations");
        }

        string client = nested ? "_client" : "this";
        for (int i = 0; i < operations.Count; i++)
        {
            if (i > 0)
            {
                w.Line();
            }

            implement(operations[i], client);
        }

        EmitPageReaders();
        if (nested)
        {
            w.Close();
        }

        w.Close();
    }

    private void EmitNextPage(OperationModel operation, string client)
    {
        SourceWriter w = _w;
        string page = _types.Of(operation.Success!.Type!);
        string op = Literals.String(operation.OperationId);
        string baseUrl = OperationBaseUrl(operation, client);
        string responses = "__NextPageResponses" + OpenApiSdk.Generator.Building.ClientHelperResolver.BaseName(operation);
        w.Line("/// <inheritdoc/>");
        w.Open("public async " + Task + "<" + page + "> " + operation.Paging!.NextPageMethodName + "(string nextLink, " + TypeSyntax.Sdk + "RequestOptions? requestOptions = null, " + CancellationToken + " cancellationToken = default)");
        NullCheck("nextLink");

        // Through the client's pipeline, like the operation itself (retries, signing, tracing), with the operation's credentials.
        w.Line("global::System.Uri __uri = " + TypeSyntax.Runtime + "Pager.NextLinkUri(" + baseUrl + ", nextLink);");
        w.Line("var __request = " + TypeSyntax.Runtime + "ClientRequest.ForNextLink(" + op + ", " + Literals.String(operation.Path) + ", __uri, \"application/json\");");
        EmitCredentials(operation, client);

        w.Line("return (await " + client + ".__Pipeline.SendAsync(__request, " + responses + ", requestOptions, cancellationToken).ConfigureAwait(false)).Value;");
        w.Close();

        // The operation's responses, read by each type's generated reader: success, then each declared error.
        w.Line();
        var map = new System.Text.StringBuilder();
        map.Append("private static readonly ").Append(TypeSyntax.Runtime).Append("ResponseMap<").Append(page).Append("> ").Append(responses).Append(" = ")
            .Append(TypeSyntax.Runtime).Append("ResponseMap.Json<").Append(page).Append(">(").Append(PageReader(operation.Success.Type!)).Append(')');
        EmitMapWithErrors(map.ToString(), operation);
    }

    /// <summary>A response map's declaration followed by the operation's error statuses, each read by its type's reader.</summary>
    private void EmitMapWithErrors(string declaration, OperationModel operation)
    {
        var lines = new List<string> { declaration };
        foreach (ResponseModel error in operation.Errors)
        {
            string status = Literals.String(error.Status);
            lines.Add(error.Type is { Kind: TypeRefKind.Model } type
                ? "    .Error<" + _types.Of(type) + ">(" + status + ", " + PageReader(type) + ErrorParts(error) + ")"
                : "    .Error(" + status + ")");
        }

        List<ResponseModel> typed = operation.Errors.Where(e => e.Type is { Kind: TypeRefKind.Model }).ToList();
        if (typed.Count > 0 && typed.All(e => e.Type!.Equals(typed[0].Type)))
        {
            // An undeclared status with the operation's one error body type, as the operation reads it.
            lines.Add("    .Undeclared<" + _types.Of(typed[0].Type!) + ">(" + PageReader(typed[0].Type!) + ErrorParts(typed[0]) + ")");
        }

        lines[lines.Count - 1] += ";";
        foreach (string line in lines)
        {
            _w.Line(line);
        }
    }

    private static string ErrorParts(ResponseModel error) =>
        (error.ErrorCodeProperty is { } code ? ", __e => __e." + code : ", null") + (error.ErrorMessageProperty is { } message ? ", __e => __e." + message : ", null");

    private readonly HashSet<string> _pageReaders = new();

    private readonly List<TypeRef> _pendingReaders = new();

    /// <summary>A reader of a model for a response map (the model's generated reader, after checking for an object), once per type and class.</summary>
    private string PageReader(TypeRef type)
    {
        string name = "__HelperRead" + type.ModelName;
        if (_pageReaders.Add(name))
        {
            _pendingReaders.Add(type);
        }

        return name;
    }

    private void EmitPageReaders()
    {
        SourceWriter w = _w;
        foreach (TypeRef type in _pendingReaders)
        {
            string clr = _types.Of(type);
            w.Line();
            w.Open("private static " + clr + " " + PageReader(type) + "(ref " + TypeSyntax.Reader + " reader)");
            w.Open("if (reader.TokenType != " + TypeSyntax.TokenType + ".StartObject)");
            w.Line("throw new global::System.Text.Json.JsonException(\"Expected a JSON object.\");");
            w.Close();
            w.Line();
            w.Line("return " + clr + ".ReadJson(ref reader);");
            w.Close();
        }

        _pendingReaders.Clear();
    }

    // ---- links ----

    private void EmitFollow(OperationModel source, LinkModel link, FollowModel follow, bool wait)
    {
        SourceWriter w = _w;
        string sourceType = _types.Of(follow.SourceType);
        string? targetReturn = follow.TargetReturn is null ? null : _types.Of(follow.TargetReturn);
        string target = GroupAccess(follow.TargetGroup) + "." + follow.TargetMethod;
        string values = string.Join(", ", follow.Arguments.Where(a => a.Kind != FollowValueKind.Caller || a.Expression is not null)
            .Select(a => a.Target.WireName + " = " + (a.Kind == FollowValueKind.Constant ? "'" + a.Constant + "'" : a.Expression)));
        string what = "The link '" + link.Name + "' of " + source.OperationId + "'s " + link.Status + " response: " + follow.TargetOperationId
            + (values.Length == 0 ? string.Empty : " with " + values) + ".";
        if (wait)
        {
            JobStatusModel job = follow.Job!;
            w.Summary(
                "Waits for the job a " + source.OperationId + " response names: polls " + follow.TargetOperationId + " through its link '" + link.Name + "' until '" + job.Status + "' is "
                + string.Join(" or ", job.Succeeded) + " (returns the last response) or " + (job.Failed.IsEmpty ? "the timeout passes" : string.Join(" or ", job.Failed) + " (throws JobFailedException with " + (job.Reason is null ? "no reason" : "the reason in '" + job.Reason + "'") + ")") + ".",
                what,
                "The first poll is sent at once, then one every WaitOptions.PollInterval; each is reported to progress" + (job.Progress is null ? "." : " with '" + job.Progress + "'."));
        }
        else
        {
            var paragraphs = new List<string> { what };
            if (link.Description is { } description)
            {
                paragraphs.Add("The spec says: " + description);
            }

            w.Summary("Follows the link '" + link.Name + "' of " + source.OperationId + "'s " + link.Status + " response: calls " + follow.TargetOperationId + " with the values the link names.", paragraphs.ToArray());
        }

        List<FollowArgument> callers = follow.Arguments.Where(a => a.Kind == FollowValueKind.Caller).ToList();
        List<FollowArgument> ordered = callers.Where(a => a.Target.Required).Concat(callers.Where(a => !a.Target.Required)).ToList();
        w.Line("/// <param name=\"client\">The client.</param>");
        w.Line("/// <param name=\"response\">The " + Literals.XmlText(link.Status) + " response of " + Literals.XmlText(source.OperationId) + ".</param>");
        foreach (FollowArgument argument in ordered)
        {
            string doc = argument.IsBody
                ? "The request body of " + follow.TargetOperationId + "."
                : (argument.Expression is { } expression ? "The value the link takes from " + expression + " (" + argument.Target.WireName + " of " + follow.TargetOperationId + ")." : ParameterDoc(argument.Target));
            w.Line("/// <param name=\"" + argument.CallerName!.TrimStart('@') + "\">" + Literals.XmlText(doc) + "</param>");
        }

        w.Line("/// <param name=\"requestOptions\">Per-call options (timeout, headers, retries)" + (wait ? " for every poll" : string.Empty) + "; null uses the client's.</param>");
        if (wait)
        {
            w.Line("/// <param name=\"waitOptions\">The poll interval and the overall timeout; null uses the defaults of WaitOptions.</param>");
            w.Line("/// <param name=\"progress\">Receives each poll's status and progress.</param>");
        }

        w.Line("/// <param name=\"cancellationToken\">" + (wait ? "Stops waiting and cancels the poll under way." : "Cancels the request.") + "</param>");
        if (targetReturn is not null)
        {
            w.Line("/// <returns>" + (wait ? "The last response of " : "The response of ") + Literals.XmlText(follow.TargetOperationId) + ".</returns>");
        }

        w.Line("/// <exception cref=\"global::System.InvalidOperationException\">The response lacks a value the link passes to a required parameter.</exception>");
        if (wait)
        {
            w.Line("/// <exception cref=\"" + TypeSyntax.Sdk + "JobFailedException\">The job ended in a failure status.</exception>");
            w.Line("/// <exception cref=\"" + TypeSyntax.Sdk + "JobTimeoutException\">The job did not end within WaitOptions.Timeout.</exception>");
        }

        w.Line(TypeSyntax.GeneratedCode);
        var parameters = new List<string> { "this " + RootInterface + " client", sourceType + " response" };
        foreach (FollowArgument argument in ordered)
        {
            parameters.Add(CallerDeclaration(argument));
        }

        parameters.Add(TypeSyntax.Sdk + "RequestOptions? requestOptions = null");
        if (wait)
        {
            parameters.Add(TypeSyntax.Sdk + "WaitOptions? waitOptions = null");
            parameters.Add("global::System.IProgress<" + TypeSyntax.Sdk + "JobProgress<" + targetReturn + ">>? progress = null");
        }

        parameters.Add(CancellationToken + " cancellationToken = default");
        string returns = targetReturn is null ? Task : Task + "<" + targetReturn + ">";
        w.Open("public static " + returns + " " + (wait ? follow.WaitMethodName : follow.MethodName) + "(" + string.Join(", ", parameters) + ")");
        NullCheck("client");
        if (!follow.SourceType.IsValueType)
        {
            NullCheck("response"); // a link can start from an enum or number body, which cannot be null
        }

        var passed = new List<string>();
        int index = 0;
        foreach (FollowArgument argument in follow.Arguments)
        {
            string name = argument.Target.Name;
            switch (argument.Kind)
            {
                case FollowValueKind.Caller:
                    passed.Add(name + ": " + argument.CallerName);
                    break;
                case FollowValueKind.Constant:
                    passed.Add(name + ": " + Constant(argument.Target.Type, argument.Constant!));
                    break;
                default:
                    string local = "__value" + index.ToString(CultureInfo.InvariantCulture);
                    index++;
                    EmitResponseValue(local, argument, link);
                    passed.Add(name + ": " + local);
                    break;
            }
        }

        if (!wait)
        {
            w.Line("return " + target + "(" + string.Join(", ", passed.Concat(PassCancellation)) + ");");
            w.Close();
            return;
        }

        JobStatusModel status = follow.Job!;
        string poll = GroupAccess(follow.TargetGroup) + "." + follow.TargetResponseMethod + "(" + string.Join(", ", passed.Concat(PassPollCancellation)) + ")";
        w.Line("return " + TypeSyntax.Runtime + "JobPoller.WaitAsync<" + targetReturn + ">(");
        w.Line("    " + Literals.String(follow.TargetOperationId) + ",");

        // Each poll is the target's WithResponse call, so the service's Retry-After can set the wait before the next one.
        w.Line("    async __cancellationToken =>");
        w.Line("    {");
        w.Line("        var __poll = await " + poll + ".ConfigureAwait(false);");
        w.Line("        return new " + TypeSyntax.Runtime + "JobPoll<" + targetReturn + ">(__poll.Value, " + TypeSyntax.Runtime + "JobPoller.RetryAfter(__poll, global::System.DateTimeOffset.UtcNow));");
        w.Line("    },");
        w.Line("    new " + TypeSyntax.Runtime + "JobStatusReader<" + targetReturn + ">(");
        w.Line("        __job => " + Text("__job", status.StatusPath!) + ",");
        w.Line("        new[] { " + string.Join(", ", status.Succeeded.Select(Literals.String)) + " },");
        w.Line("        " + (status.Failed.IsEmpty ? "global::System.Array.Empty<string>()" : "new[] { " + string.Join(", ", status.Failed.Select(Literals.String)) + " }") + ",");
        w.Line("        " + (status.ReasonPath is { } reason ? "__job => " + Text("__job", reason) : "null") + ",");
        w.Line("        " + (status.ProgressPath is { } progress ? "__job => " + Text("__job", progress) : "null") + "),");
        w.Line("    waitOptions,");
        w.Line("    progress,");
        w.Line("    cancellationToken);");
        w.Close();
    }

    private string CallerDeclaration(FollowArgument argument)
    {
        ParameterModel target = argument.Target;
        if (argument.IsBody)
        {
            return target.Required
                ? _types.Of(target.Type) + " " + argument.CallerName
                : _types.Nullable(target.Type, true) + " " + argument.CallerName + " = " + (target.Type.Kind == TypeRefKind.Any ? "default" : "null");
        }

        return _types.Parameter(target) + " " + argument.CallerName + (target.Required ? string.Empty : " = null");
    }

    /// <summary>Reads a value the link takes from the response into a local: a required parameter's missing value throws, an optional one stays null.</summary>
    private void EmitResponseValue(string local, FollowArgument argument, LinkModel link)
    {
        AccessPath path = argument.Source!;
        TypeRef to = argument.Target.Type;
        string read = Access("response", path, out bool nullable);
        bool required = argument.Target.Required;
        TypeRefKind from = path.Type.Kind;
        if (from == TypeRefKind.Enum && !path.Type.Equals(to))
        {
            // Another enum or a string: through the wire value.
            read = nullable ? read + "?.Value" : read + ".Value";
            nullable = true; // an unset struct's Value is null
            from = TypeRefKind.String;
        }

        if (path.Type.IsInteger && to.Kind == TypeRefKind.String)
        {
            // An integer passed as text: its invariant digits.
            read = nullable ? read + "?.ToString(global::System.Globalization.CultureInfo.InvariantCulture)" : read + ".ToString(global::System.Globalization.CultureInfo.InvariantCulture)";
            nullable = true;
        }

        if (required && nullable)
        {
            read += " ?? throw new global::System.InvalidOperationException(" + Literals.String("The response has no value at " + (path.Pointer.Length == 0 ? "its root" : path.Pointer) + ", which the link '" + link.Name + "' passes as " + argument.Target.WireName + ".") + ")";
        }

        if (from == TypeRefKind.String && to.Kind == TypeRefKind.Enum)
        {
            string type = _types.Of(to);
            _w.Line("string? " + local + "Text = " + read + ";");
            read = required ? "new " + type + "(" + local + "Text!)" : "(" + local + "Text is null ? (" + type + "?)null : new " + type + "(" + local + "Text))";
        }

        _w.Line("var " + local + " = " + read + ";");
    }

    /// <summary>A text member of a job response (a string, or an enum's wire value), null when absent.</summary>
    private static string Text(string root, AccessPath path)
    {
        string read = Access(root, path, out bool nullable);
        return path.Type.Kind == TypeRefKind.Enum ? read + (nullable ? "?.Value" : ".Value") : read;
    }

    /// <summary>
    /// The C# expression reading a member path from a non-null root. Every step after the first is through a model
    /// object, which may be missing in a lenient response, so it uses <c>?.</c>; the result is nullable from then on.
    /// </summary>
    private static string Access(string root, AccessPath path, out bool nullable)
    {
        string expression = root;
        nullable = false;
        for (int i = 0; i < path.Steps.Count; i++)
        {
            AccessStep step = path.Steps[i];
            expression += (i == 0 ? "." : "?.") + step.Name;
            nullable = i > 0 || step.Nullable || !step.IsValueType;
        }

        return expression;
    }

    private string Constant(TypeRef type, string text) => type.Kind switch
    {
        TypeRefKind.Enum => "new " + _types.Of(type) + "(" + Literals.String(text) + ")",
        TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Boolean => text, // checked by LinkBuilder: digits with a sign, true or false
        _ => Literals.String(text),
    };

    // ---- shared ----

    private void NullCheck(string name)
    {
        _w.Open("if (" + name + " is null)");
        _w.Line("throw new global::System.ArgumentNullException(nameof(" + name + "));");
        _w.Close();
    }

    private static bool HasBodyParameter(BodyModel body) => body.Multipart is null || body.Multipart.HasFields;

    /// <summary>The operation's own parameters, in its order: required ones, the body, optional ones.</summary>
    private IEnumerable<string> Declarations(List<ParameterModel> parameters, BodyModel? body)
    {
        foreach (ParameterModel parameter in parameters.Where(p => p.Required))
        {
            yield return _types.Parameter(parameter) + " " + parameter.Name;
        }

        if (body is { Required: true } required && HasBodyParameter(required))
        {
            yield return _types.Body(required) + " " + required.Name;
        }

        foreach (ParameterModel parameter in parameters.Where(p => !p.Required))
        {
            yield return _types.Parameter(parameter) + " " + parameter.Name + " = null";
        }

        if (body is { Required: false } optional && HasBodyParameter(optional))
        {
            yield return _types.Body(optional, nullable: true) + " " + optional.Name + " = " + (optional.Type.Kind == TypeRefKind.Any && optional.Items is null ? "default" : "null");
        }
    }

    private void EmitParameterDocs(List<ParameterModel> parameters, BodyModel? body)
    {
        foreach (ParameterModel parameter in parameters.Where(p => p.Required))
        {
            _w.Line("/// <param name=\"" + parameter.Name.TrimStart('@') + "\">" + Literals.XmlText(ParameterDoc(parameter)) + "</param>");
        }

        if (body is not null && HasBodyParameter(body))
        {
            _w.Line("/// <param name=\"" + body.Name + "\">The request body (" + Literals.XmlText(body.MediaType) + ").</param>");
        }

        foreach (ParameterModel parameter in parameters.Where(p => !p.Required))
        {
            _w.Line("/// <param name=\"" + parameter.Name.TrimStart('@') + "\">" + Literals.XmlText(ParameterDoc(parameter)) + "</param>");
        }
    }

    private static string ParameterDoc(ParameterModel parameter)
    {
        string where = parameter.In switch
        {
            ParameterLocation.Path => "Path parameter ",
            ParameterLocation.Query => "Query parameter ",
            ParameterLocation.QueryString => "The whole query string: ",
            ParameterLocation.Cookie => "Cookie ",
            _ => "Header ",
        };
        string text = where + parameter.WireName + ".";
        if (parameter.Description is { } description)
        {
            string trimmed = description.Trim();
            int newline = trimmed.IndexOfAny(LineBreaks);
            text += " " + (newline < 0 ? trimmed : trimmed.Substring(0, newline).Trim());
        }

        return text;
    }
}
