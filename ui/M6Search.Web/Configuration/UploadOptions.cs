namespace M6Search.Web.Configuration;

/// <summary>Limits of photo uploads (configuration section "M6:Upload").</summary>
public sealed class UploadOptions
{
    /// <summary>Largest accepted photo in bytes (default 5 MiB).</summary>
    public long MaxImageBytes { get; set; } = 5L * 1024 * 1024;

    /// <summary>Largest accepted photo in pixels (width x height, read from the header before decoding).</summary>
    public long MaxImagePixels { get; set; } = 40_000_000;

    /// <summary>The content types accepted; the bytes are checked too, by the decoder.</summary>
    public IReadOnlyList<string> AllowedContentTypes { get; } = ["image/jpeg", "image/png", "image/webp"];
}
