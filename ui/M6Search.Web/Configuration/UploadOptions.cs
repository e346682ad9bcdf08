namespace M6Search.Web.Configuration;

/// <summary>Limits of photo uploads (configuration section "M6:Upload").</summary>
public sealed class UploadOptions
{
    /// <summary>Largest accepted photo in bytes (default 5 MiB).</summary>
    public long MaxImageBytes { get; set; } = 5L * 1024 * 1024;

    /// <summary>Largest accepted photo in pixels (width x height, read from the header before decoding).</summary>
    public long MaxImagePixels { get; set; } = 40_000_000;

    /// <summary>
    /// Largest bitmap one upload may decode to, in pixels (4 bytes each): JPEG and WebP decode at a reduced size, so
    /// only a large PNG meets it (default 16,000,000, 64 MB).
    /// </summary>
    public long MaxDecodedPixels { get; set; } = 16_000_000;

    /// <summary>Photos decoded at once in the whole app.</summary>
    public int MaxConcurrentDecodes { get; set; } = 2;

    /// <summary>Photos waiting to be decoded; past it an upload is refused at once (429).</summary>
    public int DecodeQueueLimit { get; set; } = 32;

    /// <summary>The content types accepted; the bytes are checked too, by the decoder.</summary>
    public IReadOnlyList<string> AllowedContentTypes { get; } = ["image/jpeg", "image/png", "image/webp"];
}
