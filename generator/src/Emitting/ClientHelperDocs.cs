using System.Collections.Generic;
using System.Linq;
using OpenApiSdk.Generator.Model;

namespace OpenApiSdk.Generator.Emitting;

/// <summary>What an operation's XML docs say about its helpers: its paging method, its long-running wait, and every link of its responses (followed or not).</summary>
internal static class ClientHelperDocs
{
    public static IEnumerable<string> Paragraphs(OperationModel operation)
    {
        if (operation.Paging is { } paging)
        {
            yield return "A paged list: " + paging.MethodName + " returns the items of every page.";
        }

        if (operation.LongRunning is { } longRunning)
        {
            yield return "A long-running operation (x-ms-long-running-operation): pass the response of " + operation.ResponseName + " to " + longRunning.WaitMethodName + ", which polls until the service finishes and returns the result"
                + (longRunning.EmptyAccepted ? "; the response has no body (null) when the service accepts the work with a status that carries none." : ".");
        }

        foreach (LinkModel link in operation.Links)
        {
            string values = string.Join(", ", link.Parameters.Select(p => p.Name + " = " + p.Expression));
            string target = link.OperationId ?? link.OperationRef ?? "(no target)";
            string text = "Link '" + link.Name + "' (" + link.Status + " response): " + target + (values.Length == 0 ? string.Empty : " with " + values)
                + (link.RequestBody is null ? string.Empty : ", request body " + link.RequestBody)
                + (link.Server is null ? string.Empty : ", server " + link.Server) + ".";
            if (link.Description is { } description && description.Trim().Length > 0)
            {
                string trimmed = description.Trim();
                text += " " + trimmed + (trimmed.EndsWith(".", System.StringComparison.Ordinal) ? string.Empty : ".");
            }

            if (link.Follow is { } follow)
            {
                text += " Followed by " + follow.MethodName + (follow.WaitMethodName is null ? "." : "; " + follow.WaitMethodName + " polls it until the job ends.");
            }
            else if (link.NotFollowedReason is { } reason)
            {
                text += " No method follows it: " + reason + ".";
            }

            yield return text;
        }
    }
}
