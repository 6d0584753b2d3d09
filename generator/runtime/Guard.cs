using System;

namespace OpenApiSdk.Runtime;

/// <summary>Argument checks that compile on netstandard2.0 (which has no ArgumentNullException.ThrowIfNull).</summary>
internal static class Guard
{
    public static T NotNull<T>(T? value, string name)
        where T : class =>
        value ?? throw new ArgumentNullException(name);
}
