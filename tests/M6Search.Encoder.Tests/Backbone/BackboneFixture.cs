using M6Search.Encoder.Backbone;
using M6Search.Encoder.Backbone.Files;
using M6Search.Encoder.Backbone.Import;
using M6Search.Encoder.Backbone.Preprocessing;
using M6Search.Imaging;
using M6Search.Imaging.Preprocessing;
using Onnx;

namespace M6Search.Encoder.Tests.Backbone;

/// <summary>
/// The package's backbone, located the way the app does it, imported once for the whole collection (the network
/// file is 64 MB), plus the committed test images (Backbone/Images/SOURCES.md).
/// </summary>
public sealed class BackboneFixture : IDisposable
{
    public BackboneFixture()
    {
        Files = new BackboneLocator().Locate(BackboneIdentity.ResNet18);
        Graph = ResNetOnnxImporter.Import(Files.NetworkFile);
        Backbone = ImageBackbone.Load(Files, BackbonePixelInput.From(LoaderOptions));
        ImagePaths = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Backbone", "Images"))
            .Where(p => p.EndsWith(".jpg", StringComparison.Ordinal) || p.EndsWith(".png", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The encoder's default image options (mean 0.5, std 0.5).</summary>
    public ImageLoadOptions LoaderOptions { get; } = new();

    public BackboneFiles Files { get; }

    public ResNetOnnxGraph Graph { get; }

    /// <summary>Shared: tests that change its trainability put it back to locked.</summary>
    public ImageBackbone Backbone { get; }

    public IReadOnlyList<string> ImagePaths { get; }

    /// <summary>A fresh copy of the network file's graph, to change and write elsewhere.</summary>
    public ModelProto CopyOfNetwork() => (_network ??= ReadOnly(Files.NetworkFile)).Clone();

    private ModelProto? _network;

    /// <summary>
    /// Every test image decoded once at <paramref name="side"/>: the loader's normalised batch (what the encoder gets)
    /// and the same square's raw RGB pixels as 0-255 floats (what ONNX Runtime's preprocessing graph takes).
    /// </summary>
    public (float[] Normalized, float[] Raw) LoadBatch(int side)
    {
        var loader = new ImageLoader(LoaderOptions);
        int plane = side * side;
        var normalized = new float[ImagePaths.Count * 3 * plane];
        var raw = new float[normalized.Length];
        for (int i = 0; i < ImagePaths.Count; i++)
        {
            var bytes = File.ReadAllBytes(ImagePaths[i]);
            loader.Load(bytes, ImagePaths[i], side).Chw.CopyTo(normalized, i * 3 * plane);
            using var square = loader.LoadSquare(bytes, ImagePaths[i], side);
            var rgb = RgbPixels.ToRgbBytes(square);
            for (int p = 0; p < plane; p++)
            {
                for (int c = 0; c < 3; c++)
                {
                    raw[(i * 3 * plane) + (c * plane) + p] = rgb[(p * 3) + c];
                }
            }
        }

        return (normalized, raw);
    }

    public void Dispose() => Backbone.Dispose();

    private static ModelProto ReadOnly(string path)
    {
        using var stream = File.OpenRead(path);
        return ModelProto.Parser.ParseFrom(stream);
    }
}
