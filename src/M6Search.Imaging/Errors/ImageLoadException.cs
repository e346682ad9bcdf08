namespace M6Search.Imaging.Errors;

/// <summary>
/// The one exception the imaging library throws for bad input. <see cref="Source"/> names the file path, URL or upload
/// name so that a report over a whole catalogue can say which image was bad and why.
/// </summary>
public sealed class ImageLoadException : Exception
{
    public ImageLoadException(ImageErrorKind kind, string imageSource, string detail, Exception? innerException = null)
        : base($"Cannot load image '{imageSource}' ({kind}): {detail}", innerException)
    {
        Kind = kind;
        ImageSource = imageSource;
        Detail = detail;
    }

    /// <summary>What was wrong.</summary>
    public ImageErrorKind Kind { get; }

    /// <summary>The file path, URL or upload name the image came from.</summary>
    public string ImageSource { get; }

    /// <summary>The explanation without the source and kind prefix.</summary>
    public string Detail { get; }
}
