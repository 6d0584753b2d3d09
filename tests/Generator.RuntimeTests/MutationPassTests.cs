using System;
using System.Net.Http;
using System.Text;
using OpenApiSdk.Runtime;
using Xunit;

namespace OpenApiSdk.RuntimeTests;

/// <summary>
/// Checks added by the mutation pass (dotnet-stryker, tests/Generator.RuntimeTests/stryker-config.json): each one kills
/// a mutant of the send path that every other test let live.
/// </summary>
public class MutationPassTests
{
    // netstandard2.0 has no HttpRequestError: its build knows a failure to connect by the inner SocketException or WebException only.
#if RUNTIME_NETSTANDARD
    private const bool ReadsHttpRequestError = false;
#else
    private const bool ReadsHttpRequestError = true;
#endif

    private static ClientRequest Request() => new("Op", HttpMethod.Get, "/a", "https://h.example/base", "application/json");

    [Theory]
    [InlineData(HttpRequestError.NameResolutionError, true)]
    [InlineData(HttpRequestError.ConnectionError, true)]
    [InlineData(HttpRequestError.SecureConnectionError, true)]
    [InlineData(HttpRequestError.ProxyTunnelError, true)]
    [InlineData(HttpRequestError.ResponseEnded, false)]
    [InlineData(HttpRequestError.Unknown, false)]
    public void Only_a_failure_to_connect_is_known_to_have_sent_nothing(HttpRequestError error, bool notSent) =>
        Assert.Equal(notSent && ReadsHttpRequestError, RetryPolicy.FailedBeforeSending(new HttpRequestException(error, "failed")));

    [Fact]
    public void A_doubled_wait_beyond_what_a_TimeSpan_holds_is_the_maximum_not_an_overflow()
    {
        var options = new RetryOptions { BaseDelay = TimeSpan.FromDays(3650), MaxDelay = TimeSpan.FromMinutes(1), Jitter = 0 };

        Assert.Equal(TimeSpan.FromMinutes(1), RetryPolicy.Delay(options, 31, null, DateTimeOffset.UtcNow));
    }

    [Theory]
    [InlineData("\rX-B: 1", true)]
    [InlineData("\nX-B: 1", true)]
    [InlineData("a\r", true)]
    [InlineData("ab", false)]
    public void A_line_break_anywhere_in_a_header_value_is_found(string value, bool found) =>
        Assert.Equal(found, ClientRequest.HasLineBreak(value));

    [Fact]
    public void An_empty_object_in_form_style_without_explode_adds_no_parameter()
    {
        ClientRequest request = Request();
        request.QueryFormObject("page", Encoding.UTF8.GetBytes("{}"), explode: false);

        Assert.Equal("https://h.example/base", request.Url);
    }
}
