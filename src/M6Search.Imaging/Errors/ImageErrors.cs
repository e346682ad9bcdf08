using System.Globalization;

namespace M6Search.Imaging.Errors;

/// <summary>Messages shared by the places that enforce the same limit (files, uploads, HTTP bodies).</summary>
internal static class ImageErrors
{
    public static ImageLoadException TooLarge(string source, long length, long maxBytes) =>
        new(
            ImageErrorKind.TooLarge,
            source,
            string.Create(CultureInfo.InvariantCulture, $"{length:N0} bytes is more than the limit of {maxBytes:N0} bytes (ImageLoadOptions.MaxBytes)."));

    public static ImageLoadException TooLargeWhileReading(string source, long maxBytes) =>
        new(
            ImageErrorKind.TooLarge,
            source,
            string.Create(CultureInfo.InvariantCulture, $"the data is longer than the limit of {maxBytes:N0} bytes (ImageLoadOptions.MaxBytes)."));

    public static ImageLoadException Empty(string source) =>
        new(ImageErrorKind.Empty, source, "the data has 0 bytes.");
}
