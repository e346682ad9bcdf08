using System.Buffers.Binary;
using M6Search.Encoder.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace M6Search.Encoder.Training.Features;

/// <summary>
/// The augmented views of an image for a feature cache with several views per image: view 0 is the image itself; view
/// v above 0 is a random crop of 70-100 % of the side at a random place, scaled back to the full side (bilinear), and
/// mirrored left to right half of the time. The draws depend only on the image's SHA-256 and v, so a view is the same
/// in every run and the cache can hold it.
/// </summary>
public static class ViewAugmentation
{
    /// <summary>Smallest crop, as a share of the side.</summary>
    public const double MinimumCrop = 0.7;

    /// <summary>The crop (left, top, side) and mirroring of view <paramref name="view"/> of an image of side <paramref name="size"/>.</summary>
    public static (int Left, int Top, int Side, bool Mirror) Plan(string imageSha256, int view, int size)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(imageSha256);
        if (view == 0)
        {
            return (0, 0, size, false);
        }

        byte[] hash = Convert.FromHexString(imageSha256);
        int seed = BinaryPrimitives.ReadInt32LittleEndian(hash) ^ (view * 0x2545F491);
        var random = new Random(seed);
        int side = (int)Math.Round(size * (MinimumCrop + ((1 - MinimumCrop) * random.NextDouble())));
        side = Math.Clamp(side, 1, size);
        int left = random.Next(size - side + 1);
        int top = random.Next(size - side + 1);
        return (left, top, side, random.Next(2) == 1);
    }

    /// <summary>[1, 3, S, S] pixels to the view (the same tensor for view 0).</summary>
    public static Tensor Apply(Tensor image, string imageSha256, int view)
    {
        ArgumentNullException.ThrowIfNull(image);
        long size = image.shape[3];
        (int left, int top, int side, bool mirror) = Plan(imageSha256, view, (int)size);
        if (view == 0)
        {
            return image;
        }

        Tensor crop = image.narrow(2, top, side).narrow(3, left, side);
        Tensor scaled = side == size ? crop : nn.functional.interpolate(crop, size: [size, size], mode: InterpolationMode.Bilinear, align_corners: false);
        return mirror ? scaled.flip(3) : scaled;
    }
}
