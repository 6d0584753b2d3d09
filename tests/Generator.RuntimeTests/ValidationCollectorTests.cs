using OpenApiSdk.Runtime;
using Xunit;

namespace OpenApiSdk.RuntimeTests;

public class ValidationCollectorTests
{
    [Fact]
    public void Pointers_escape_tilde_and_slash_as_RFC_6901_says()
    {
        var errors = new ValidationCollector();
        errors.Enter("a/b");
        errors.Enter(2);
        errors.Add("m~n", "is required");
        errors.Exit();
        errors.Exit();
        errors.Add(null, "is wrong");

        Assert.Equal(new[] { "/a~1b/2/m~0n", string.Empty }, new[] { errors.Errors[0].Pointer, errors.Errors[1].Pointer });
        Assert.Equal("/a~1b/2/m~0n: is required", errors.Errors[0].ToString());
        Assert.Equal("/: is wrong", errors.Errors[1].ToString());
    }

    [Fact]
    public void A_validation_exception_names_the_subject_and_every_error()
    {
        var errors = new ValidationCollector();
        errors.Add("name", "is required");
        errors.Add("age", "must be greater than or equal to 0");

        var exception = new ValidationException("The request", errors.Errors);

        Assert.Equal("The request is not valid (2 errors):\n  /name: is required\n  /age: must be greater than or equal to 0", exception.Message);
        Assert.Same(errors.Errors, exception.Errors);
    }
}
