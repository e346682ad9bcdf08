using M6Search.Encoder.Model;
using M6Search.Encoder.Tokenization;
using M6Search.Encoder.Training.Data;
using TorchSharp;

namespace M6Search.Encoder.Training.Features;

/// <summary>
/// The image side of a dataset trained with a locked backbone: each product's cached features and colour cells in
/// every view, kept in half precision (a 160 px image's stage-3 map is 25,600 values, 51 KB) and widened to float32
/// per batch.
/// </summary>
public sealed class CachedFeatureImages : TrainingImages
{
    private readonly CachedFeatures?[][] _entries;

    internal CachedFeatureImages(ImageBackboneConfig backbone, int imageSize, CachedFeatures?[][] entries)
    {
        Backbone = backbone;
        ImageSize = imageSize;
        _entries = entries;
        Views = entries.Length == 0 ? 1 : entries[0].Length;
    }

    /// <summary>The backbone the features come from.</summary>
    public ImageBackboneConfig Backbone { get; }

    /// <summary>Side of the images the features were computed at.</summary>
    public int ImageSize { get; }

    /// <inheritdoc />
    public override int Views { get; }

    /// <summary>The cached entry of product <paramref name="index"/> in view <paramref name="view"/>.</summary>
    public CachedFeatures Entry(int index, int view) =>
        _entries[index][view] ?? throw new InvalidOperationException($"Product {index} has no features (it was rejected).");

    /// <inheritdoc />
    public override TrainingBatch Batch(IReadOnlyList<int> products, IReadOnlyList<int> views, TokenBatch texts)
    {
        ArgumentNullException.ThrowIfNull(products);
        ArgumentNullException.ThrowIfNull(views);
        int side = Backbone.FeatureSide(ImageSize);
        int featureLength = Backbone.FeatureChannels * side * side;
        int cellSide = Backbone.ColorSide;
        int cellLength = 3 * cellSide * cellSide;
        var features = new float[products.Count * featureLength];
        var cells = new float[products.Count * cellLength];
        for (int i = 0; i < products.Count; i++)
        {
            CachedFeatures entry = Entry(products[i], views[i]);
            Widen(entry.Features, features.AsSpan(i * featureLength, featureLength));
            Widen(entry.ColorCells, cells.AsSpan(i * cellLength, cellLength));
        }

        var featureTensor = torch.tensor(features, [products.Count, Backbone.FeatureChannels, side, side]);
        var cellTensor = cellLength == 0 ? null : torch.tensor(cells, [products.Count, 3, cellSide, cellSide]);
        return TrainingBatch.FromFeatures(featureTensor, cellTensor, texts);
    }

    internal override TrainingImages Select(IReadOnlyList<int> indices) =>
        new CachedFeatureImages(Backbone, ImageSize, indices.Select(i => _entries[i]).ToArray());

    private static void Widen(Half[] source, Span<float> target)
    {
        for (int i = 0; i < source.Length; i++)
        {
            target[i] = (float)source[i];
        }
    }
}
