using System.Collections.Generic;
using System.Linq;
using OpenApiSdk.Generator.Diagnostics;
using OpenApiSdk.Generator.Model;
using OpenApiSdk.Generator.Yaml;

namespace OpenApiSdk.Generator.Building;

/// <summary>
/// Decides whether an operation is a paged list, and how its pages follow each other: declared by our
/// <c>x-pagination</c> (or turned off by <c>x-pagination: false</c>), declared by Azure's <c>x-ms-pageable</c>, or
/// recognised from its parameters and its response type:
/// <list type="bullet">
/// <item>offset/limit: optional integer query parameters <c>offset</c> and <c>limit</c>, a response with exactly one array
/// member and an integer <c>total_count</c> (the vendor's list calls: <c>offset</c> counts the items skipped);</item>
/// <item>cursor: an optional string query parameter <c>starting_after</c>, a response with a <c>data</c> array of objects
/// that have a string <c>id</c>, and a boolean <c>has_more</c> (Stripe's lists).</item>
/// </list>
/// Only GET operations are recognised; the paging parameters must be optional query parameters, and the response an object type.
/// </summary>
internal static class PagingDetector
{
    private const string Extension = "x-pagination";

    public static PagingModel? Detect(OperationModel operation, YamlNode? node, ResponseMembers members, DiagnosticBag diagnostics, out YamlNode? site)
    {
        site = node?.Get("operationId") ?? node;
        YamlNode? declared = node?.Get(Extension);
        if (declared is { IsScalar: true, Value: "false" or "False" or "FALSE" })
        {
            return null;
        }

        TypeModel? page = members.ObjectType(operation.Success?.Type);
        if (declared is not null)
        {
            site = declared;
            return Declared(operation, declared, page, members, diagnostics);
        }

        if (node?.Get("x-ms-pageable") is { IsMapping: true } azure)
        {
            site = azure;
            return Azure(operation, azure, page, diagnostics);
        }

        // Recognised lists are GETs: a list sent with another method is paged only when the spec says so.
        if (page is null || operation.Method != "GET")
        {
            return null;
        }

        return Offset(operation, page, "offset", "limit", "total_count", null, requireLimit: true, out _) ?? Cursor(operation, page, members, "starting_after", "limit", "data", "has_more", "id", out _);
    }

    private static PagingModel? Declared(OperationModel operation, YamlNode declared, TypeModel? page, ResponseMembers members, DiagnosticBag diagnostics)
    {
        string? problem;
        PagingModel? paging = null;
        string? style = declared.IsMapping ? declared.GetString("style") : null;
        if (!declared.IsMapping)
        {
            problem = "it must be false or a mapping with a 'style'";
        }
        else if (page is null)
        {
            problem = "the operation's success response is not an object type";
        }
        else
        {
            switch (style)
            {
                case "offset":
                    paging = Offset(operation, page, declared.GetString("offset") ?? "offset", declared.GetString("limit") ?? "limit", declared.GetString("total"), declared.GetString("items"), requireLimit: false, out problem);
                    break;
                case "cursor":
                    paging = Cursor(operation, page, members, declared.GetString("cursor") ?? "starting_after", declared.GetString("limit") ?? "limit", declared.GetString("items") ?? "data", declared.GetString("hasMore") ?? "has_more", declared.GetString("cursorValue") ?? "id", out problem);
                    break;
                case "nextLink":
                    paging = NextLink(page, declared.GetString("items") ?? "value", declared.Get("nextLink") is { IsNull: true } ? null : declared.GetString("nextLink") ?? "nextLink", out problem);
                    break;
                default:
                    problem = "its 'style' must be offset, cursor or nextLink";
                    break;
            }
        }

        if (paging is null)
        {
            diagnostics.Report(DiagnosticDescriptors.ExtensionNotApplied, declared, $"The {Extension} of {operation.OperationId} cannot be applied: {problem ?? "it does not fit the operation"}", $"no {StripAsync(operation.Name)}ItemsAsync is generated");
            return null;
        }

        return paging with { Explicit = true };
    }

    private static PagingModel? Azure(OperationModel operation, YamlNode azure, TypeModel? page, DiagnosticBag diagnostics)
    {
        string? problem = "the operation's success response is not an object type";
        PagingModel? paging = page is null
            ? null
            : NextLink(page, azure.GetString("itemName") ?? "value", azure.Get("nextLinkName") is { IsNull: true } ? null : azure.GetString("nextLinkName") ?? "nextLink", out problem);
        if (paging is null)
        {
            diagnostics.Report(DiagnosticDescriptors.ExtensionNotApplied, azure, $"The x-ms-pageable of {operation.OperationId} cannot be applied: {problem}", $"no {StripAsync(operation.Name)}ItemsAsync is generated");
            return null;
        }

        // operationName names the method that fetches a next page (AutoRest's default is {operation}Next).
        if (azure.Get("operationName") is { } next)
        {
            if (next is { IsScalar: true, IsNull: false, Value.Length: > 0 })
            {
                return paging with { NextOperationName = next.Value };
            }

            diagnostics.Report(DiagnosticDescriptors.IgnoredValue, next, $"The 'operationName' of the x-ms-pageable of {operation.OperationId} must be a non-empty string; the next-page method is named {StripAsync(operation.Name)}NextPageAsync");
        }

        return paging;
    }

    private static PagingModel? Offset(OperationModel operation, TypeModel page, string offsetName, string limitName, string? totalName, string? itemsName, bool requireLimit, out string? problem)
    {
        ParameterModel? offset = Query(operation, offsetName, integer: true);
        ParameterModel? limit = Query(operation, limitName, integer: true);
        PropertyModel? items = itemsName is null ? OnlyArray(page) : Array(page, itemsName);
        PropertyModel? total = totalName is null ? null : ResponseMembers.Property(page, totalName);
        problem = offset is null ? $"it has no optional integer query parameter '{offsetName}'"
            : limit is null && requireLimit ? $"it has no optional integer query parameter '{limitName}'"
            : items is null ? (itemsName is null ? "its response has not exactly one array member" : $"its response has no array member '{itemsName}'")
            : totalName is not null && total is not { Type.IsInteger: true } ? $"its response has no integer member '{totalName}'"
            : null;
        if (problem is not null)
        {
            return null;
        }

        var omitted = new List<string> { offset!.Name };
        if (limit is not null)
        {
            omitted.Add(limit.Name);
        }

        return new PagingModel(PagingStyle.Offset, items!.JsonName, offset.Name, limit?.Name, null, omitted.ToEquatableArray(), total?.JsonName, null, null, null, false)
        {
            TotalProperty = total?.Name,
        }.WithItems(items!);
    }

    private static PagingModel? Cursor(OperationModel operation, TypeModel page, ResponseMembers members, string cursorName, string limitName, string itemsName, string hasMoreName, string cursorValueName, out string? problem)
    {
        ParameterModel? cursor = Query(operation, cursorName, integer: false);
        ParameterModel? limit = Query(operation, limitName, integer: true);
        PropertyModel? items = Array(page, itemsName);
        PropertyModel? hasMore = ResponseMembers.Property(page, hasMoreName);
        TypeModel? item = items is null ? null : members.ObjectType(items.Type.Element);
        PropertyModel? value = item is null ? null : ResponseMembers.Property(item, cursorValueName);
        problem = cursor is null ? $"it has no optional string query parameter '{cursorName}'"
            : items is null ? $"its response has no array member '{itemsName}'"
            : hasMore is not { Type.Kind: TypeRefKind.Boolean } ? $"its response has no boolean member '{hasMoreName}'"
            : value is not { Type.Kind: TypeRefKind.String } ? $"the items of '{itemsName}' are not objects with a string member '{cursorValueName}'"
            : null;
        if (problem is not null)
        {
            return null;
        }

        var omitted = new List<string> { cursor!.Name };
        if (limit is not null)
        {
            omitted.Add(limit.Name);
        }

        // Stripe's lists also take ending_before, the cursor backwards: paging forwards leaves it out.
        if (Query(operation, "ending_before", integer: false) is { } backwards && cursorName == "starting_after")
        {
            omitted.Add(backwards.Name);
        }

        return new PagingModel(PagingStyle.Cursor, items!.JsonName, null, limit?.Name, cursor.Name, omitted.ToEquatableArray(), null, hasMore!.JsonName, value!.JsonName, null, false)
        {
            HasMoreProperty = hasMore.Name,
            CursorValueProperty = value.Name,
        }.WithItems(items!);
    }

    private static PagingModel? NextLink(TypeModel page, string itemsName, string? nextLinkName, out string? problem)
    {
        PropertyModel? items = Array(page, itemsName);
        PropertyModel? link = nextLinkName is null ? null : ResponseMembers.Property(page, nextLinkName);
        problem = items is null ? $"its response has no array member '{itemsName}'"
            : nextLinkName is not null && link is not { Type.Kind: TypeRefKind.String } ? $"its response has no string member '{nextLinkName}'"
            : null;
        if (problem is not null)
        {
            return null;
        }

        return new PagingModel(PagingStyle.NextLink, items!.JsonName, null, null, null, EquatableArray<string>.Empty, null, null, null, link?.JsonName, false)
        {
            NextLinkProperty = link?.Name,
        }.WithItems(items!);
    }

    private static PagingModel WithItems(this PagingModel paging, PropertyModel items) => paging with
    {
        ItemsProperty = items.Name,
        ItemType = items.Type.Element,
        ItemAllowsNull = items.Type.ElementAllowsNull,
    };

    /// <summary>An optional query parameter of the operation, by wire name, of an integer (or string) type.</summary>
    private static ParameterModel? Query(OperationModel operation, string wireName, bool integer) =>
        operation.Parameters.FirstOrDefault(p => p.In == ParameterLocation.Query && p.WireName == wireName && !p.Required && !p.AsJson
            && (integer ? p.Type.IsInteger : p.Type.Kind == TypeRefKind.String));

    private static PropertyModel? Array(TypeModel page, string jsonName) =>
        ResponseMembers.Property(page, jsonName) is { Type: { Kind: TypeRefKind.Array, Element: not null } } property ? property : null;

    private static PropertyModel? OnlyArray(TypeModel page)
    {
        List<PropertyModel> arrays = page.Properties.Where(p => p.Type is { Kind: TypeRefKind.Array, Element: not null }).ToList();
        return arrays.Count == 1 ? arrays[0] : null;
    }

    private static string StripAsync(string name) => name.EndsWith("Async", System.StringComparison.Ordinal) ? name.Substring(0, name.Length - 5) : name;
}
