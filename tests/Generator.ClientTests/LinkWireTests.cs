using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Links.Sdk;
using Xunit;

namespace OpenApiSdk.ClientTests;

/// <summary>
/// Follow{Link}Async and WaitFor{Operation}Async from Specs/links.yaml against a real HTTP server (Kestrel on 127.0.0.1):
/// each link's parameters reach the target operation with the values its runtime expressions name (OpenAPI 3.0.3, Link Object).
/// </summary>
public sealed class LinkWireTests : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private LinksClient Client(HttpClient http) => new(http, new LinksClientOptions { BaseAddress = _server.BaseAddress });

    [Fact]
    public async Task Response_body_pointers_and_constants_become_the_targets_arguments()
    {
        _server.Answer(request => request.RawTarget.StartsWith("/users/ada/repositories", StringComparison.Ordinal)
            ? new Reply(200, "[{\"slug\":\"engine\"}]")
            : request.RawTarget.StartsWith("/teams/", StringComparison.Ordinal)
                ? new Reply(204, string.Empty, ContentType: null)
                : new Reply(200, "{\"username\":\"ada\",\"role\":\"maintainer\",\"team\":{\"slug\":\"analytical engines\"}}"));
        using HttpClient http = _server.CreateHttpClient();
        LinksClient client = Client(http);

        User user = await client.GetUserByNameAsync("ada");
        List<GetRepositoriesByOwnerResponseItem> repositories = await client.FollowUserRepositoriesAsync(user);
        await client.FollowUserTeamAsync(user);

        Assert.Equal("engine", Assert.Single(repositories).Slug);
        Assert.Equal(
            new[]
            {
                "/users/ada",
                "/users/ada/repositories?sort=updated",        // $response.body#/username, and the constant 'updated'
                "/teams/analytical%20engines?role=maintainer", // operationRef; a nested pointer; an enum of the response passed to the target's enum
            },
            _server.Requests.Select(r => r.RawTarget));
    }

    [Fact]
    public async Task A_request_value_is_taken_from_the_caller_and_a_missing_response_value_throws_before_sending()
    {
        _server.Answer(_ => new Reply(200, "{\"username\":\"grace\"}"));
        using HttpClient http = _server.CreateHttpClient();
        LinksClient client = Client(http);

        User same = await client.FollowSameUserAsync(new User(), "grace"); // $request.path.username: the caller gives it
        var missing = await Assert.ThrowsAsync<InvalidOperationException>(() => client.FollowUserTeamAsync(new User { Username = "x" }));

        Assert.Equal("grace", same.Username);
        Assert.Contains("/team/slug", missing.Message, StringComparison.Ordinal);
        Assert.Equal(new[] { "/users/grace" }, _server.Requests.Select(r => r.RawTarget));
    }

    [Fact]
    public void A_link_that_needs_a_response_header_has_no_follow_method()
    {
        MethodInfo[] helpers = typeof(LinksClientExtensions).GetMethods(BindingFlags.Public | BindingFlags.Static);

        Assert.Contains(helpers, m => m.Name == "FollowSameUserAsync");
        Assert.DoesNotContain(helpers, m => m.Name == "FollowFromHeaderAsync"); // $response.header.Location: documented on getUserByName instead
    }

    [Fact]
    public async Task A_job_wait_declared_on_the_link_polls_with_its_own_status_names()
    {
        int polls = 0;
        _server.Answer(request => request.Method == "POST"
            ? new Reply(202, "{\"task\":{\"id\":42}}")
            : Interlocked.Increment(ref polls) < 3
                ? new Reply(200, "{\"state\":\"running\"}")
                : new Reply(200, "{\"state\":\"cancelled\",\"error\":{\"message\":\"stopped by an administrator\"}}"));
        using HttpClient http = _server.CreateHttpClient();
        LinksClient client = Client(http);

        StartExportResponse started = await client.StartExportAsync();
        var failed = await Assert.ThrowsAsync<JobFailedException<GetTaskResponse>>(() =>
            client.WaitForStartExportAsync(started, waitOptions: new WaitOptions { PollInterval = TimeSpan.FromMilliseconds(10) }));

        Assert.Equal("cancelled", failed.Status);
        Assert.Equal("stopped by an administrator", failed.Reason);
        Assert.Equal(new[] { "/exports", "/tasks/42", "/tasks/42", "/tasks/42" }, _server.Requests.Select(r => r.RawTarget));
    }
}
