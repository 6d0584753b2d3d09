using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using OpenApiSdk.Generator.Diagnostics;
using OpenApiSdk.Generator.Model;
using OpenApiSdk.Generator.Naming;
using OpenApiSdk.Generator.Yaml;

namespace OpenApiSdk.Generator.Building;

/// <summary>
/// Runs once the types are built, since paging, links and jobs are about the members of response types: recognises
/// paged lists (<see cref="PagingDetector"/>), reads <c>x-job-status</c> and the responses' <c>links</c>
/// (<see cref="LinkBuilder"/>), and names the helper methods. The helpers are extension methods on the client's
/// interfaces (Emitting/ClientHelperEmitter): paging ones on the operation's own group, follow and wait methods on the
/// client's root interface, from which every group is reachable.
/// </summary>
internal static class ClientHelperResolver
{
    /// <summary>Members of the client and group classes that a helper name could hide or be hidden by.</summary>
    private static readonly string[] Reserved =
    {
        "Options", "HttpClient", "PrepareRequestAsync", "InspectResponseAsync", "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals",
    };

    /// <summary>Parameters of every helper besides the operation's own.</summary>
    private static readonly string[] HelperParameters = { "client", "requestOptions", "cancellationToken" };

    public static ClientModel Resolve(ClientModel client, EquatableArray<TypeModel> types, OperationSites sites, RefResolver refs, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        var members = new ResponseMembers(types);
        var links = new LinkBuilder(members, refs, diagnostics);

        // Names: each group's helpers share its scope with its operations; follow and wait methods live on the root interface.
        var scopes = new Dictionary<string, NameScope>(StringComparer.Ordinal);
        foreach (OperationGroupModel group in client.Groups)
        {
            scopes[group.Name] = new NameScope(Reserved.Concat(group.Operations.Select(o => o.Name)));
        }

        if (!scopes.TryGetValue(string.Empty, out NameScope? root))
        {
            root = new NameScope(Reserved);
            scopes[string.Empty] = root;
        }

        foreach (OperationGroupModel group in client.Groups.Where(g => g.Name.Length > 0))
        {
            root.Reserve(group.Name);
            root.Reserve(group.Name + "Operations");
        }

        // Pass 1: paging and job status, operation by operation.
        var groups = new List<(OperationGroupModel Group, List<OperationModel> Operations)>();
        foreach (OperationGroupModel group in client.Groups)
        {
            var operations = new List<OperationModel>();
            foreach (OperationModel operation in group.Operations)
            {
                cancellationToken.ThrowIfCancellationRequested();
                YamlNode? node = sites.Get(operation);
                OperationModel updated = operation;
                if (PagingDetector.Detect(operation, node, members, diagnostics, out YamlNode? site) is { } paging)
                {
                    updated = updated with { Paging = Name(paging, operation, scopes[group.Name]) };
                    diagnostics.Report(DiagnosticDescriptors.PagedList, site, operation.OperationId, Describe(paging), updated.Paging!.MethodName, paging.ItemsJson);
                }

                if (updated.LongRunning is { } longRunning)
                {
                    string baseName = BaseName(operation);
                    updated = updated with
                    {
                        LongRunning = longRunning with { WaitMethodName = scopes[group.Name].Claim("WaitFor" + baseName + "Async"), PollMethodName = scopes[group.Name].Claim(baseName + "PollAsync") },
                    };
                }

                if (node?.Get("x-job-status") is { } job)
                {
                    updated = updated with { JobStatus = links.JobStatus(job, operation.OperationId, operation.Success?.Type) };
                }

                operations.Add(updated);
            }

            groups.Add((group, operations));
        }

        // Pass 2: links, now that every target's job status is known.
        links.Index(groups.SelectMany(g => g.Operations.Select(o => (g.Group.Name, o))));
        var result = new List<OperationGroupModel>();
        foreach ((OperationGroupModel group, List<OperationModel> operations) in groups)
        {
            for (int i = 0; i < operations.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                EquatableArray<LinkModel> found = links.Build(operations[i], sites.Get(operations[i]), root);
                if (!found.IsEmpty)
                {
                    operations[i] = operations[i] with { Links = found };
                }
            }

            result.Add(group with { Operations = operations.ToEquatableArray() });
        }

        return client with { Groups = result.ToEquatableArray() };
    }

    /// <summary>The operation's C# name without its <c>Async</c> suffix.</summary>
    public static string BaseName(OperationModel operation) =>
        operation.Name.EndsWith("Async", StringComparison.Ordinal) ? operation.Name.Substring(0, operation.Name.Length - 5) : operation.Name;

    private static PagingModel Name(PagingModel paging, OperationModel operation, NameScope scope)
    {
        string baseName = BaseName(operation);
        string? pageSize = null;
        if (paging.LimitParameter is not null)
        {
            var parameters = new NameScope(HelperParameters.Concat(operation.Parameters.Where(p => !paging.Omitted.Contains(p.Name)).Select(p => p.Name)));
            if (operation.Body is { } body)
            {
                parameters.Reserve(body.Name);
            }

            pageSize = parameters.Claim("pageSize");
        }

        return paging with
        {
            MethodName = scope.Claim(baseName + "ItemsAsync"),
            NextPageMethodName = paging.Style == PagingStyle.NextLink && paging.NextLinkProperty is not null ? scope.Claim((paging.NextOperationName is { } next ? Identifiers.ToPascalCase(next) : baseName + "NextPage") + "Async") : null,
            PageSizeName = pageSize,
        };
    }

    internal static string Describe(PagingModel paging) => paging.Style switch
    {
        PagingStyle.Offset => paging.TotalJson is null ? "offset/limit" : "offset/limit with the total count '" + paging.TotalJson + "'",
        PagingStyle.Cursor => "cursor: '" + paging.CursorValueJson + "' of the last item, while '" + paging.HasMoreJson + "'",
        _ => paging.NextLinkJson is null ? "next link: one page" : "next link '" + paging.NextLinkJson + "'",
    };
}
