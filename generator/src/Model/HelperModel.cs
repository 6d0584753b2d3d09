namespace OpenApiSdk.Generator.Model;

// The parts of the client model behind the generated helpers: paging (ItemsAsync), link follow methods and
// job waits. Building/PagingDetector and Building/LinkBuilder read them from the YAML with wire names;
// Building/ClientResolver, once the types are built, fills in the C# members they are reached through.

internal enum PagingStyle
{
    /// <summary><c>offset</c>/<c>limit</c> query parameters; the page has the items and, usually, a total count.</summary>
    Offset,

    /// <summary>A cursor query parameter (<c>starting_after</c>) set to the last item's id while the page says <c>has_more</c>.</summary>
    Cursor,

    /// <summary>The page gives the URL of the next one (Azure's <c>x-ms-pageable</c>).</summary>
    NextLink,
}

/// <param name="ItemsJson">The page's array member.</param>
/// <param name="OffsetParameter">The C# parameter carrying the offset (<see cref="PagingStyle.Offset"/>).</param>
/// <param name="LimitParameter">The C# parameter carrying the page size, set from <c>pageSize</c>; null when there is none.</param>
/// <param name="CursorParameter">The C# parameter carrying the cursor (<see cref="PagingStyle.Cursor"/>).</param>
/// <param name="Omitted">The C# parameters <c>{Name}ItemsAsync</c> does not take (the paging ones).</param>
/// <param name="TotalJson">The page's total count of matches (offset style), if it has one.</param>
/// <param name="HasMoreJson">The page's "more follow" flag (cursor style).</param>
/// <param name="CursorValueJson">The item member whose value is the next cursor (cursor style).</param>
/// <param name="NextLinkJson">The page's next-link member (next-link style); null: the list is one page.</param>
/// <param name="Explicit">Declared by <c>x-pagination</c> rather than recognised.</param>
internal sealed record PagingModel(
    PagingStyle Style,
    string ItemsJson,
    string? OffsetParameter,
    string? LimitParameter,
    string? CursorParameter,
    EquatableArray<string> Omitted,
    string? TotalJson,
    string? HasMoreJson,
    string? CursorValueJson,
    string? NextLinkJson,
    bool Explicit)
{
    /// <summary>The C# name of <c>{Name}ItemsAsync</c>.</summary>
    public string MethodName { get; init; } = string.Empty;

    /// <summary>For next links: the C# name of the method fetching a next link (<c>{Name}NextPageAsync</c>).</summary>
    public string? NextPageMethodName { get; init; }

    /// <summary>x-ms-pageable's <c>operationName</c>: names the next-page method (<c>{operationName}Async</c>).</summary>
    public string? NextOperationName { get; init; }

    /// <summary>The C# name of the page size parameter of <c>{Name}ItemsAsync</c>, when there is a limit parameter.</summary>
    public string? PageSizeName { get; init; }

    public string ItemsProperty { get; init; } = string.Empty;

    public TypeRef? ItemType { get; init; }

    public bool ItemAllowsNull { get; init; }

    public string? TotalProperty { get; init; }

    public string? HasMoreProperty { get; init; }

    public string? CursorValueProperty { get; init; }

    public string? NextLinkProperty { get; init; }
}

/// <summary>One property step of a path into a response (<c>response.Job?.Status</c>).</summary>
/// <param name="Name">The C# property name.</param>
/// <param name="IsValueType">The property's type is a struct (a number, bool or enum).</param>
/// <param name="Nullable">The property's C# type is nullable (<c>T?</c>).</param>
internal sealed record AccessStep(string Name, bool IsValueType, bool Nullable);

/// <summary>A value read from a response body through a JSON Pointer, as C# property steps.</summary>
/// <param name="Pointer">The JSON Pointer, for documentation and messages.</param>
/// <param name="Type">The type of the value at the end.</param>
internal sealed record AccessPath(string Pointer, EquatableArray<AccessStep> Steps, TypeRef Type);

/// <summary>The <c>x-job-status</c> extension: where a job's status is in the response and which values end it.</summary>
/// <param name="Status">JSON Pointer of the status (<c>/job/status</c>).</param>
/// <param name="Reason">JSON Pointer of the failure reason (<c>/job/fail_reason</c>), if any.</param>
/// <param name="Progress">JSON Pointer of the progress text (<c>/job/process</c>), if any.</param>
internal sealed record JobStatusModel(string Status, EquatableArray<string> Succeeded, EquatableArray<string> Failed, string? Reason, string? Progress)
{
    public AccessPath? StatusPath { get; init; }

    public AccessPath? ReasonPath { get; init; }

    public AccessPath? ProgressPath { get; init; }
}

/// <summary>One OpenAPI <c>link</c> of a response.</summary>
/// <param name="Name">The link's key.</param>
/// <param name="Status">The response status it belongs to.</param>
/// <param name="OperationId">The target's <c>operationId</c>, or null with <paramref name="OperationRef"/>.</param>
/// <param name="OperationRef">The target's <c>operationRef</c>: a local JSON Pointer to an operation.</param>
/// <param name="Parameters">The link's parameters: target parameter name and runtime expression (or constant).</param>
/// <param name="RequestBody">The link's <c>requestBody</c> expression, if any.</param>
/// <param name="Server">The link's <c>server</c> URL, if any.</param>
internal sealed record LinkModel(
    string Name,
    string Status,
    string? Description,
    string? OperationId,
    string? OperationRef,
    EquatableArray<LinkParameterModel> Parameters,
    string? RequestBody,
    string? Server)
{
    /// <summary>How the link is followed by generated code; null when it is only documented.</summary>
    public FollowModel? Follow { get; init; }

    /// <summary>Why no method follows the link, for its documentation.</summary>
    public string? NotFollowedReason { get; init; }
}

/// <param name="Name">The target parameter's name as the link writes it (<c>id</c> or <c>query.id</c>).</param>
/// <param name="Expression">A runtime expression (<c>$response.body#/job_id</c>) or a constant.</param>
internal sealed record LinkParameterModel(string Name, string Expression);

internal enum FollowValueKind
{
    /// <summary>From the source response's body (<c>$response.body#/...</c>).</summary>
    Response,

    /// <summary>Given by the caller of the follow method: the link takes it from the request (<c>$request...</c>), or does not give the target's parameter at all.</summary>
    Caller,

    /// <summary>A constant of the link.</summary>
    Constant,
}

/// <summary>One argument of the target call a follow method makes.</summary>
/// <param name="Target">The target's parameter (or, for a body, a stand-in parameter model named like the body).</param>
/// <param name="IsBody">The argument is the target's request body.</param>
/// <param name="Kind">Where its value comes from.</param>
/// <param name="Source">For <see cref="FollowValueKind.Response"/>: the path into the response body.</param>
/// <param name="Constant">For <see cref="FollowValueKind.Constant"/>: the link's text.</param>
/// <param name="Expression">The link's expression, for documentation.</param>
/// <param name="CallerName">For <see cref="FollowValueKind.Caller"/>: the follow method's parameter name.</param>
internal sealed record FollowArgument(ParameterModel Target, bool IsBody, FollowValueKind Kind, AccessPath? Source, string? Constant, string? Expression, string? CallerName);

/// <summary>A generated method that follows a link: it calls the target operation with values from the response.</summary>
/// <param name="MethodName">The follow method (<c>Follow{Link}Async</c>) on the client's root interface.</param>
/// <param name="SourceType">The type of the response the link starts from.</param>
/// <param name="TargetGroup">The C# group of the target operation (empty: the client itself).</param>
/// <param name="TargetMethod">The target operation's C# method.</param>
/// <param name="TargetResponseMethod">The target's method returning <c>ApiResponse</c> (its headers give the wait's <c>Retry-After</c>).</param>
/// <param name="TargetOperationId">The target's operationId.</param>
/// <param name="TargetReturn">The target's success body type, null when it has none.</param>
/// <param name="Arguments">The target's parameters (and body) in its signature order.</param>
/// <param name="WaitMethodName">When the target has <c>x-job-status</c>: the wait method (<c>WaitFor{Operation}Async</c>).</param>
/// <param name="Job">The job status rules the wait uses.</param>
internal sealed record FollowModel(
    string MethodName,
    TypeRef SourceType,
    string TargetGroup,
    string TargetMethod,
    string TargetResponseMethod,
    string TargetOperationId,
    TypeRef? TargetReturn,
    EquatableArray<FollowArgument> Arguments,
    string? WaitMethodName,
    JobStatusModel? Job);

/// <summary>
/// <c>x-ms-long-running-operation</c> (AutoRest): the operation starts work that the service finishes later; a wait
/// method polls the status monitor its response names and reads the result where <paramref name="FinalState"/> says.
/// </summary>
/// <param name="FinalState">The runtime's <c>LongRunningFinalState</c> member (<c>Default</c> when not declared).</param>
/// <param name="FinalStateDeclared">The <c>final-state-via</c> as the spec writes it, for the docs; null when not declared.</param>
/// <param name="EmptyAccepted">A declared success status has no body (Azure's 202) while another has the result: the operation returns null for it.</param>
internal sealed record LongRunningModel(string FinalState, string? FinalStateDeclared, bool EmptyAccepted)
{
    /// <summary>The C# name of <c>WaitFor{Operation}Async</c>, on the operation's group interface.</summary>
    public string WaitMethodName { get; init; } = string.Empty;

    /// <summary>The C# name of <c>{Operation}PollAsync</c>, the group member that GETs a status monitor or the result.</summary>
    public string PollMethodName { get; init; } = string.Empty;
}
