using SkiaSharp;

namespace M6Search.Imaging.Decoding;

/// <summary>Maps stored pixel coordinates to displayed ones for each EXIF orientation.</summary>
internal static class ImageOrientation
{
    /// <summary>True for the four orientations (5 to 8) that turn the image a quarter, swapping width and height.</summary>
    public static bool SwapsAxes(SKEncodedOrigin origin) =>
        origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;

    /// <summary>
    /// The affine map from stored coordinates (x, y) of a <paramref name="width"/> x <paramref name="height"/> image to
    /// displayed coordinates (X, Y), as X = a x + b y + c and Y = d x + e y + f. EXIF names an orientation by where
    /// the stored first row and first column end up: RightTop (6) means the first row becomes the right edge and the
    /// first column the top edge, i.e. a 90 degree clockwise turn.
    /// </summary>
    public static (float A, float B, float C, float D, float E, float F) Map(SKEncodedOrigin origin, int width, int height) =>
        origin switch
        {
            SKEncodedOrigin.TopRight => (-1, 0, width, 0, 1, 0),
            SKEncodedOrigin.BottomRight => (-1, 0, width, 0, -1, height),
            SKEncodedOrigin.BottomLeft => (1, 0, 0, 0, -1, height),
            SKEncodedOrigin.LeftTop => (0, 1, 0, 1, 0, 0),
            SKEncodedOrigin.RightTop => (0, -1, height, 1, 0, 0),
            SKEncodedOrigin.RightBottom => (0, -1, height, -1, 0, width),
            SKEncodedOrigin.LeftBottom => (0, 1, 0, -1, 0, width),
            _ => (1, 0, 0, 0, 1, 0),
        };
}
