using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using OpenApiSdk.Runtime;
using Xunit;

namespace OpenApiSdk.RuntimeTests;

/// <summary>Which failures are retried (RetryOptions' rules) and how long the waits are.</summary>
public class RetryPolicyTests
{
    [Theory]
    [InlineData("GET", true)]
    [InlineData("HEAD", true)]
    [InlineData("PUT", true)]
    [InlineData("DELETE", true)]
    [InlineData("OPTIONS", true)]
    [InlineData("TRACE", true)]
    [InlineData("QUERY", true)] // OpenAPI 3.2's query operation: safe and idempotent (draft-ietf-httpbis-safe-method-w-body)
    [InlineData("POST", false)]
    [InlineData("PATCH", false)]
    [InlineData("query", false)] // method names are case-sensitive (RFC 9110 section 9.1): another method
    [InlineData("LINK", false)] // an additionalOperations method: nothing says it may be repeated
    public void The_idempotent_methods_are_those_of_RFC_9110_and_QUERY(string method, bool idempotent) =>
        Assert.Equal(idempotent, RetryPolicy.IsIdempotent(new HttpMethod(method)));

    [Theory]
    [InlineData(429, false, true)]
    [InlineData(503, false, true)]
    [InlineData(408, false, false)]
    [InlineData(500, false, false)]
    [InlineData(502, false, false)]
    [InlineData(504, false, false)]
    [InlineData(408, true, true)]
    [InlineData(500, true, true)]
    [InlineData(502, true, true)]
    [InlineData(504, true, true)]
    [InlineData(400, true, false)]
    [InlineData(401, true, false)]
    [InlineData(404, true, false)]
    [InlineData(501, true, false)]
    public void Statuses_are_retried_when_the_server_did_not_act_or_the_request_may_be_repeated(int status, bool repeatable, bool retried) =>
        Assert.Equal(retried, RetryPolicy.ShouldRetry(status, repeatable));

    [Fact]
    public void A_refused_connection_failed_before_sending_and_a_reset_one_may_not_have()
    {
        Assert.True(RetryPolicy.FailedBeforeSending(new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused))));
        Assert.True(RetryPolicy.FailedBeforeSending(new HttpRequestException("dns", new SocketException((int)SocketError.HostNotFound))));
        Assert.False(RetryPolicy.FailedBeforeSending(new HttpRequestException("reset", new System.IO.IOException("x", new SocketException((int)SocketError.ConnectionReset)))));
        Assert.False(RetryPolicy.FailedBeforeSending(new HttpRequestException("ended", null, null)));
    }

    [Fact]
    public void The_wait_doubles_per_retry_within_the_jitter_and_stops_at_the_maximum()
    {
        var options = new RetryOptions { BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromMilliseconds(1000), Jitter = 0.2 };
        for (int i = 0; i < 50; i++)
        {
            Assert.InRange(RetryPolicy.Delay(options, 1, null, DateTimeOffset.UtcNow).TotalMilliseconds, 80, 120);
            Assert.InRange(RetryPolicy.Delay(options, 3, null, DateTimeOffset.UtcNow).TotalMilliseconds, 320, 480);
            Assert.Equal(1000, RetryPolicy.Delay(options, 10, null, DateTimeOffset.UtcNow).TotalMilliseconds);
        }

        options.Jitter = 0;
        Assert.Equal(200, RetryPolicy.Delay(options, 2, null, DateTimeOffset.UtcNow).TotalMilliseconds);
    }

    [Fact]
    public void The_jitter_varies_the_wait_across_its_whole_range()
    {
        // 400 draws of a factor uniform in [0.8, 1.2]: a constant factor, or one that stays on one side of 1, fails;
        // the chance that no draw falls in the outer tenth on one side is 0.75^400 (about 1e-50).
        var options = new RetryOptions { BaseDelay = TimeSpan.FromMilliseconds(1000), Jitter = 0.2 };
        double[] waits = Enumerable.Range(0, 400).Select(_ => RetryPolicy.Delay(options, 1, null, DateTimeOffset.UtcNow).TotalMilliseconds).ToArray();

        Assert.All(waits, wait => Assert.InRange(wait, 800, 1200));
        Assert.True(waits.Min() < 900, "the shortest wait was " + waits.Min() + " ms");
        Assert.True(waits.Max() > 1100, "the longest wait was " + waits.Max() + " ms");
        Assert.True(waits.Distinct().Count() > 300, waits.Distinct().Count() + " distinct waits of 400");
    }

    [Fact]
    public void Retry_After_in_seconds_or_as_an_HTTP_date_is_honoured_up_to_the_maximum_delay()
    {
        var options = new RetryOptions { BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromSeconds(30) };
        var now = new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

        Assert.Equal(TimeSpan.FromSeconds(2), RetryPolicy.Delay(options, 1, RetryConditionHeaderValue.Parse("2"), now));
        Assert.Equal(TimeSpan.FromSeconds(7), RetryPolicy.Delay(options, 1, RetryConditionHeaderValue.Parse("Thu, 01 Jan 2026 12:00:07 GMT"), now));
        Assert.Equal(TimeSpan.FromSeconds(30), RetryPolicy.Delay(options, 1, RetryConditionHeaderValue.Parse("3600"), now));
        Assert.Equal(TimeSpan.Zero, RetryPolicy.Delay(options, 1, RetryConditionHeaderValue.Parse("Thu, 01 Jan 2026 11:00:00 GMT"), now));
    }

    [Fact]
    public void The_defaults_are_Azure_Cores()
    {
        var options = new RetryOptions();

        Assert.Equal(3, options.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(0.8), options.BaseDelay);
        Assert.Equal(TimeSpan.FromMinutes(1), options.MaxDelay);
        Assert.Equal(0.2, options.Jitter);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.MaxRetries = -1);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.Jitter = 1.5);
    }
}
