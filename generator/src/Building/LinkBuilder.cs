using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OpenApiSdk.Generator.Diagnostics;
using OpenApiSdk.Generator.Model;
using OpenApiSdk.Generator.Naming;
using OpenApiSdk.Generator.Yaml;

namespace OpenApiSdk.Generator.Building;

/// <summary>
/// Reads the <c>links</c> of an operation's responses and decides, for each, whether generated code can follow it:
/// its target operation is generated, each parameter value is a <c>$response.body</c> pointer to a member of the
/// returned type, a <c>$request</c> value (which the follow method takes from its caller, as the request had it) or a
/// constant, and the types fit. Such a link gets a <c>Follow{Link}Async</c> method, and, when the target declares
/// <c>x-job-status</c>, a <c>WaitFor{Operation}Async</c> method that polls it; every other link is documented on the
/// operation (OAS021 says why it is not followed).
/// </summary>
internal sealed class LinkBuilder
{
    /// <summary>Follow method parameters that are not the target's.</summary>
    private static readonly string[] OwnParameters = { "client", "response", "requestOptions", "waitOptions", "progress", "cancellationToken" };

    private readonly ResponseMembers _members;
    private readonly RefResolver _refs;
    private readonly DiagnosticBag _diagnostics;
    private readonly Dictionary<string, (string Group, OperationModel Operation)> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Group, OperationModel Operation)> _byRoute = new(StringComparer.Ordinal);

    public LinkBuilder(ResponseMembers members, RefResolver refs, DiagnosticBag diagnostics)
    {
        _members = members;
        _refs = refs;
        _diagnostics = diagnostics;
    }

    /// <summary>Makes the operations (with their job status resolved) the targets links can name.</summary>
    public void Index(IEnumerable<(string Group, OperationModel Operation)> operations)
    {
        foreach ((string group, OperationModel operation) in operations)
        {
            if (!_byId.ContainsKey(operation.OperationId))
            {
                _byId[operation.OperationId] = (group, operation);
            }

            _byRoute[operation.Method + " " + operation.Path] = (group, operation);
        }
    }

    /// <summary>The links of every response of the operation, in document order, with their follow methods claimed in <paramref name="names"/>.</summary>
    public EquatableArray<LinkModel> Build(OperationModel operation, YamlNode? node, NameScope names)
    {
        var links = new List<LinkModel>();
        if (node?.Get("responses") is not { IsMapping: true } responses)
        {
            return links.ToEquatableArray();
        }

        foreach (KeyValuePair<YamlNode, YamlNode> response in responses.Pairs!)
        {
            string status = response.Key.Value ?? string.Empty;
            if (_refs.Resolve(response.Value) is not { IsMapping: true } resolved || resolved.Get("links") is not { IsMapping: true } declared)
            {
                continue;
            }

            foreach (KeyValuePair<YamlNode, YamlNode> pair in declared.Pairs!)
            {
                string name = pair.Key.Value ?? string.Empty;
                if (name.StartsWith("x-", StringComparison.Ordinal) || _refs.Resolve(pair.Value) is not { IsMapping: true } link)
                {
                    continue;
                }

                LinkModel model = Read(name, status, link);
                string? reason = null;
                FollowModel? follow = status == operation.Success?.Status && operation.Success?.Type is { } returned
                    ? Follow(operation, model, returned, names, out reason)
                    : null;
                if (follow is not null && _byId.TryGetValue(follow.TargetOperationId, out var target))
                {
                    // The link's own x-job-status overrides the target's: either describes the target's response.
                    JobStatusModel? job = link.Get("x-job-status") is { } declaredJob
                        ? JobStatus(declaredJob, follow.TargetOperationId, target.Operation.Success?.Type)
                        : target.Operation.JobStatus;
                    if (job is not null && follow.TargetReturn is not null)
                    {
                        follow = follow with { WaitMethodName = names.Claim("WaitFor" + ClientHelperResolver.BaseName(operation) + "Async"), Job = job };
                    }
                }
                if (follow is null)
                {
                    reason ??= operation.Success?.Type is null || operation.Success.Status != status
                        ? $"it belongs to the {status} response, whose body the generated method does not return"
                        : "it cannot be followed";
                    _diagnostics.Report(DiagnosticDescriptors.LinkDocumented, pair.Key, name, status, operation.OperationId, reason);
                }

                links.Add(model with { Follow = follow, NotFollowedReason = follow is null ? reason : null });
            }
        }

        return links.ToEquatableArray();
    }

    /// <summary>The <c>x-job-status</c> of an operation (or a link), resolved against the type the operation returns; null with a warning when it does not fit.</summary>
    public JobStatusModel? JobStatus(YamlNode declared, string operationId, TypeRef? returned)
    {
        string? Problem(out JobStatusModel? model)
        {
            model = null;
            if (!declared.IsMapping || declared.GetString("status") is not { } status)
            {
                return "it must be a mapping with a 'status' JSON Pointer";
            }

            EquatableArray<string> succeeded = Strings(declared.Get("succeeded"));
            EquatableArray<string> failed = Strings(declared.Get("failed"));
            if (succeeded.IsEmpty)
            {
                return "it lists no 'succeeded' values";
            }

            if (returned is null)
            {
                return $"{operationId} returns no JSON body";
            }

            AccessPath? statusPath = Text(returned, status);
            if (statusPath is null)
            {
                return $"the status '{status}' is not a string member of the response";
            }

            string? reason = declared.GetString("reason");
            string? progress = declared.GetString("progress");
            AccessPath? reasonPath = reason is null ? null : Text(returned, reason);
            AccessPath? progressPath = progress is null ? null : Text(returned, progress);
            if (reason is not null && reasonPath is null)
            {
                return $"the reason '{reason}' is not a string member of the response";
            }

            if (progress is not null && progressPath is null)
            {
                return $"the progress '{progress}' is not a string member of the response";
            }

            model = new JobStatusModel(status, succeeded, failed, reason, progress) { StatusPath = statusPath, ReasonPath = reasonPath, ProgressPath = progressPath };
            return null;
        }

        if (Problem(out JobStatusModel? job) is { } problem)
        {
            _diagnostics.Report(DiagnosticDescriptors.ExtensionNotApplied, declared, $"The x-job-status of {operationId} cannot be applied: {problem}", "no wait method is generated for links to it");
        }

        return job;
    }

    private AccessPath? Text(TypeRef returned, string pointer) =>
        _members.Path(returned, pointer) is { Type.Kind: TypeRefKind.String or TypeRefKind.Enum } path ? path : null;

    private static EquatableArray<string> Strings(YamlNode? node)
    {
        var values = new List<string>();
        if (node is { IsSequence: true })
        {
            foreach (YamlNode item in node.Items!)
            {
                if (item is { IsScalar: true, Value: { } text })
                {
                    values.Add(text);
                }
            }
        }
        else if (node is { IsScalar: true, IsNull: false, Value: { } single })
        {
            values.Add(single);
        }

        return values.ToEquatableArray();
    }

    private static LinkModel Read(string name, string status, YamlNode link)
    {
        var parameters = new List<LinkParameterModel>();
        if (link.Get("parameters") is { IsMapping: true } declared)
        {
            foreach (KeyValuePair<YamlNode, YamlNode> pair in declared.Pairs!)
            {
                // A non-scalar value is a constant object or array, which no parameter here can take: kept as "" (not followed).
                parameters.Add(new LinkParameterModel(pair.Key.Value ?? string.Empty, pair.Value.IsScalar ? pair.Value.Value ?? string.Empty : string.Empty));
            }
        }

        string? requestBody = link.Get("requestBody") is { } body ? (body.IsScalar ? body.Value ?? string.Empty : "(a constant)") : null;
        return new LinkModel(
            name,
            status,
            link.GetString("description"),
            link.GetString("operationId"),
            link.GetString("operationRef"),
            parameters.ToEquatableArray(),
            requestBody,
            link.Get("server")?.GetString("url"));
    }

    private FollowModel? Follow(OperationModel source, LinkModel link, TypeRef returned, NameScope names, out string? reason)
    {
        reason = null;
        (string Group, OperationModel Operation)? found = Target(link, out reason);
        if (found is not { } target)
        {
            return null;
        }

        OperationModel targetOperation = target.Operation;
        if (link.RequestBody is not null)
        {
            reason = "its requestBody is not supported (the follow method would have to build the body)";
            return null;
        }

        if (link.Server is not null)
        {
            reason = "it names a server of its own";
            return null;
        }

        if (targetOperation.Body is { Multipart: not null })
        {
            reason = $"{targetOperation.OperationId} sends a multipart body";
            return null;
        }

        if (targetOperation.Body is { Items: not null })
        {
            reason = $"{targetOperation.OperationId} sends streamed items";
            return null;
        }

        var given = new Dictionary<ParameterModel, LinkParameterModel>();
        foreach (LinkParameterModel parameter in link.Parameters)
        {
            if (TargetParameter(targetOperation, parameter.Name) is not { } matched)
            {
                reason = $"{targetOperation.OperationId} has no parameter '{parameter.Name}'";
                return null;
            }

            given[matched] = parameter;
        }

        var callerNames = new NameScope(OwnParameters);
        var arguments = new List<FollowArgument>();
        foreach (ParameterModel parameter in targetOperation.Parameters)
        {
            if (!given.TryGetValue(parameter, out LinkParameterModel? value))
            {
                arguments.Add(new FollowArgument(parameter, false, FollowValueKind.Caller, null, null, null, callerNames.Claim(parameter.Name)));
                continue;
            }

            if (Argument(parameter, value, returned, callerNames, out reason) is not { } argument)
            {
                return null;
            }

            arguments.Add(argument);
        }

        if (targetOperation.Body is { } body)
        {
            var stand = new ParameterModel(body.Name, body.Name, ParameterLocation.Query, body.Type, Constraints.None, body.Required, false, false, "form", true, body.Description, null, null);
            arguments.Add(new FollowArgument(stand, true, FollowValueKind.Caller, null, null, null, callerNames.Claim(body.Name)));
        }

        string method = names.Claim("Follow" + Identifiers.ToPascalCase(link.Name) + "Async");
        return new FollowModel(method, returned, target.Group, targetOperation.Name, targetOperation.ResponseName, targetOperation.OperationId, targetOperation.Success?.Type, arguments.ToEquatableArray(), null, null);
    }

    /// <summary>The link's target: by operationId, or by an operationRef that is a local pointer to an operation (<c>#/paths/~1jobs/get</c>).</summary>
    private (string Group, OperationModel Operation)? Target(LinkModel link, out string? reason)
    {
        reason = null;
        if (link.OperationId is { } id)
        {
            if (_byId.TryGetValue(id, out var byId))
            {
                return byId;
            }

            reason = $"its target operationId '{id}' names no generated operation";
            return null;
        }

        if (link.OperationRef is { } reference)
        {
            string[] parts = reference.StartsWith("#/paths/", StringComparison.Ordinal) ? reference.Substring("#/paths/".Length).Split('/') : Array.Empty<string>();
            if (parts.Length == 2)
            {
                string path = Uri.UnescapeDataString(parts[0]).Replace("~1", "/").Replace("~0", "~");
                if (_byRoute.TryGetValue(parts[1].ToUpperInvariant() + " " + path, out var byRoute))
                {
                    return byRoute;
                }
            }

            reason = $"its operationRef '{reference}' is not a pointer to an operation of this document";
            return null;
        }

        reason = "it names neither an operationId nor an operationRef";
        return null;
    }

    /// <summary>A target parameter by the link's name for it: <c>id</c>, or qualified by its location as <c>query.id</c>.</summary>
    private static ParameterModel? TargetParameter(OperationModel target, string name)
    {
        foreach (string location in new[] { "path", "query", "header" })
        {
            if (name.StartsWith(location + ".", StringComparison.Ordinal))
            {
                string wire = name.Substring(location.Length + 1);
                ParameterModel? qualified = target.Parameters.FirstOrDefault(p => p.WireName == wire && p.In.ToString().Equals(location, StringComparison.OrdinalIgnoreCase));
                if (qualified is not null)
                {
                    return qualified;
                }
            }
        }

        return target.Parameters.FirstOrDefault(p => p.WireName == name);
    }

    private FollowArgument? Argument(ParameterModel target, LinkParameterModel value, TypeRef returned, NameScope callerNames, out string? reason)
    {
        reason = null;
        string expression = value.Expression;
        if (expression.Length == 0)
        {
            reason = $"the value of '{value.Name}' is not a runtime expression or a constant text";
            return null;
        }

        if (expression.IndexOf("{$", StringComparison.Ordinal) >= 0)
        {
            reason = $"the value of '{value.Name}' embeds expressions in a text";
            return null;
        }

        if (expression == "$response.body" || expression.StartsWith("$response.body#", StringComparison.Ordinal))
        {
            string pointer = expression.Length > "$response.body#".Length ? expression.Substring("$response.body#".Length) : string.Empty;
            AccessPath? path = pointer.Length == 0 ? new AccessPath(string.Empty, EquatableArray<AccessStep>.Empty, returned) : _members.Path(returned, pointer);
            if (path is null)
            {
                reason = $"'{expression}' names no member of the response type";
                return null;
            }

            if (!Fits(path.Type, target.Type))
            {
                reason = $"'{expression}' does not have the type of the parameter '{value.Name}'";
                return null;
            }

            return new FollowArgument(target, false, FollowValueKind.Response, path, null, expression, null);
        }

        if (expression.StartsWith("$request.", StringComparison.Ordinal))
        {
            return new FollowArgument(target, false, FollowValueKind.Caller, null, null, expression, callerNames.Claim(target.Name));
        }

        if (expression.StartsWith("$", StringComparison.Ordinal))
        {
            reason = $"'{expression}' is not available to generated code (only $response.body and $request values are)";
            return null;
        }

        bool constantFits = target.Type.Kind switch
        {
            TypeRefKind.String or TypeRefKind.Enum => true,
            TypeRefKind.Int32 => int.TryParse(expression, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
            TypeRefKind.Int64 => long.TryParse(expression, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
            TypeRefKind.Boolean => expression is "true" or "false",
            _ => false,
        };
        if (!constantFits)
        {
            reason = $"the constant of '{value.Name}' does not fit its type";
            return null;
        }

        return new FollowArgument(target, false, FollowValueKind.Constant, null, expression, expression, null);
    }

    /// <summary>Whether a response value of type <paramref name="from"/> can be passed as <paramref name="to"/> (converted where a string and an enum meet, and from an integer to its text: a link's value stands for the text of the request).</summary>
    internal static bool Fits(TypeRef from, TypeRef to) =>
        from.Equals(to)
        || (from.Kind == TypeRefKind.Enum && to.Kind is TypeRefKind.String or TypeRefKind.Enum)
        || (from.Kind == TypeRefKind.String && to.Kind == TypeRefKind.Enum)
        || (from.Kind == TypeRefKind.Int32 && to.Kind == TypeRefKind.Int64)
        || (from.IsInteger && to.Kind == TypeRefKind.String)
        || (from.Kind == TypeRefKind.Array && to.Kind == TypeRefKind.Array && from.Element!.Equals(to.Element) && from.ElementAllowsNull == to.ElementAllowsNull);
}
