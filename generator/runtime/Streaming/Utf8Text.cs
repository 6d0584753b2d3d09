namespace OpenApiSdk.Runtime.Streaming;

/// <summary>Whether a stream's bytes are valid UTF-8, for the fields written into JSON as they are.</summary>
internal static class Utf8Text
{
    /// <summary>True when <paramref name="utf8"/> is valid UTF-8; on netstandard2.0 (no validator), when it is ASCII.</summary>
    internal static bool IsValid(System.ReadOnlySpan<byte> utf8)
    {
#if NET8_0_OR_GREATER
        return System.Text.Unicode.Utf8.IsValid(utf8);
#else
        foreach (byte b in utf8)
        {
            if (b >= 0x80)
            {
                return false;
            }
        }

        return true;
#endif
    }
}
