using SkiaSharp;

namespace M6Search.Imaging.Preprocessing;

/// <summary>
/// Writes a square RGBA bitmap as channel-major (CHW) RGB floats, (x / 255 - mean[c]) / std[c]. The 256 possible
/// values of each channel are computed once into lookup tables, so the per-pixel work is three table reads over a
/// span of the pixel buffer. Immutable and thread-safe.
/// </summary>
public sealed class ChwNormalizer
{
    private readonly float[] _red;
    private readonly float[] _green;
    private readonly float[] _blue;

    public ChwNormalizer(IReadOnlyList<float> mean, IReadOnlyList<float> std)
    {
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(std);
        if (mean.Count != 3 || std.Count != 3)
        {
            throw new ArgumentException("Mean and std need exactly 3 values each (R, G, B).");
        }

        _red = BuildTable(mean[0], std[0]);
        _green = BuildTable(mean[1], std[1]);
        _blue = BuildTable(mean[2], std[2]);
    }

    /// <summary>Normalises an opaque square RGBA 8888 bitmap into a new array of 3 x side x side floats.</summary>
    public float[] Normalize(SKBitmap square)
    {
        ArgumentNullException.ThrowIfNull(square);
        var result = new float[3 * square.Width * square.Width];
        Normalize(square, result);
        return result;
    }

    /// <summary>
    /// Normalises into <paramref name="destination"/> (exactly 3 x side x side floats), e.g. one slot of a batch buffer.
    /// Alpha is ignored: the bitmap is expected to be opaque already (the loader composites over white).
    /// </summary>
    public void Normalize(SKBitmap square, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(square);
        if (square.ColorType != SKColorType.Rgba8888 || square.Width != square.Height)
        {
            throw new ArgumentException(
                $"Expected a square Rgba8888 bitmap, got {square.Width} x {square.Height} {square.ColorType}.", nameof(square));
        }

        var side = square.Width;
        var plane = side * side;
        if (destination.Length != 3 * plane)
        {
            throw new ArgumentException($"Destination must hold exactly {3 * plane} floats, has {destination.Length}.", nameof(destination));
        }

        ReadOnlySpan<byte> pixels = square.GetPixelSpan();
        var rowBytes = square.RowBytes;
        var red = destination[..plane];
        var green = destination.Slice(plane, plane);
        var blue = destination.Slice(2 * plane, plane);
        ReadOnlySpan<float> redTable = _red;
        ReadOnlySpan<float> greenTable = _green;
        ReadOnlySpan<float> blueTable = _blue;

        for (var y = 0; y < side; y++)
        {
            var row = pixels.Slice(y * rowBytes, side * 4);
            var rowStart = y * side;
            for (var x = 0; x < side; x++)
            {
                var p = x * 4;
                red[rowStart + x] = redTable[row[p]];
                green[rowStart + x] = greenTable[row[p + 1]];
                blue[rowStart + x] = blueTable[row[p + 2]];
            }
        }
    }

    private static float[] BuildTable(float mean, float std)
    {
        var table = new float[256];
        for (var value = 0; value < 256; value++)
        {
            table[value] = ((value / 255f) - mean) / std;
        }

        return table;
    }
}
