using M6Search.Encoder.Tokenization;
using TorchSharp;

namespace M6Search.Encoder.Training.Data;

/// <summary>Every product's image decoded once and kept as normalised pixels (3 x size x size, channel-major); one view.</summary>
public sealed class DecodedImages : TrainingImages
{
    private readonly float[][] _pixels;

    internal DecodedImages(int imageSize, float[][] pixels)
    {
        ImageSize = imageSize;
        _pixels = pixels;
    }

    /// <summary>Side of the square images.</summary>
    public int ImageSize { get; }

    /// <inheritdoc />
    public override int Views => 1;

    /// <summary>The pixels of product <paramref name="index"/>.</summary>
    public ReadOnlySpan<float> Pixels(int index) => _pixels[index];

    /// <inheritdoc />
    public override TrainingBatch Batch(IReadOnlyList<int> products, IReadOnlyList<int> views, TokenBatch texts)
    {
        ArgumentNullException.ThrowIfNull(products);
        int imageLength = 3 * ImageSize * ImageSize;
        var pixels = new float[products.Count * imageLength];
        for (int i = 0; i < products.Count; i++)
        {
            _pixels[products[i]].CopyTo(pixels.AsSpan(i * imageLength, imageLength));
        }

        return TrainingBatch.From(torch.tensor(pixels, [products.Count, 3, ImageSize, ImageSize]), texts);
    }

    internal override TrainingImages Select(IReadOnlyList<int> indices) =>
        new DecodedImages(ImageSize, indices.Select(i => _pixels[i]).ToArray());
}
