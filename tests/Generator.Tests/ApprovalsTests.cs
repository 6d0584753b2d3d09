using Xunit;
using Xunit.Sdk;

namespace OpenApiSdk.Tests;

/// <summary>When the approval helper may rewrite a snapshot: only when asked, and never under CI.</summary>
public sealed class ApprovalsTests
{
    [Fact]
    public void Snapshots_are_accepted_only_when_asked_and_never_under_CI()
    {
        Assert.True(Approvals.Accepting("1", inCi: false));
        Assert.False(Approvals.Accepting(null, inCi: false));
        Assert.False(Approvals.Accepting("0", inCi: true));
        Assert.False(Approvals.Accepting(null, inCi: true));
        FailException failure = Assert.Throws<FailException>(() => Approvals.Accepting("1", inCi: true));
        Assert.Contains("CI=true", failure.Message, System.StringComparison.Ordinal);
    }
}
