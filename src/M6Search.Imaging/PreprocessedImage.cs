namespace M6Search.Imaging;

/// <summary>One image ready for the encoder: a square, normalised, channel-major RGB float array.</summary>
public sealed class PreprocessedImage
{
    /// <summary>3 x <see cref="Size"/> x <see cref="Size"/> floats: the R plane, then G, then B, each row by row.</summary>
    public required float[] Chw { get; init; }

    /// <summary>Side of the square in pixels.</summary>
    public required int Size { get; init; }

    /// <summary>Width of the original image as displayed (after EXIF orientation), at full resolution.</summary>
    public required int OriginalWidth { get; init; }

    /// <summary>Height of the original image as displayed (after EXIF orientation), at full resolution.</summary>
    public required int OriginalHeight { get; init; }

    /// <summary>The file path, URL or upload name the image came from.</summary>
    public required string Source { get; init; }
}
