using SkiaSharp;

namespace M6Search.Synth.Rendering;

/// <summary>A rendered product photo, what was drawn, and optionally the body's coverage mask.</summary>
public sealed class RenderedProduct : IDisposable
{
    public RenderedProduct(SKBitmap image, RenderTrace trace, byte[]? mask)
    {
        Image = image;
        Trace = trace;
        Mask = mask;
    }

    /// <summary>RGBA8888, opaque, size x size.</summary>
    public SKBitmap Image { get; }

    public RenderTrace Trace { get; }

    /// <summary>Per pixel (row-major) coverage 0..255 of the product body; null unless asked for.</summary>
    public byte[]? Mask { get; }

    /// <summary>Encodes the photo as JPEG (deterministic for the same pixels and quality).</summary>
    public byte[] EncodeJpeg(int quality)
    {
        using SKData data = Image.Encode(SKEncodedImageFormat.Jpeg, quality)
            ?? throw new InvalidOperationException("SkiaSharp could not encode the image as JPEG.");
        return data.ToArray();
    }

    public void Dispose() => Image.Dispose();
}
