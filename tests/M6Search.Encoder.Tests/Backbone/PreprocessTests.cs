using M6Search.Encoder.Backbone.Import;
using M6Search.Encoder.Backbone.Preprocessing;
using M6Search.Imaging;
using TorchSharp;
using static TorchSharp.torch;

namespace M6Search.Encoder.Tests.Backbone;

[Collection(BackboneCollection.Name)]
public sealed class PreprocessTests(BackboneFixture fixture)
{
    [Fact]
    public void Preprocess_IsBgrMinusTheStoredMeanImage_ForRawPixels()
    {
        using var scope = torch.NewDisposeScope();
        var meanImage = ResNetPreprocessImporter.ImportMeanImage(fixture.Files.PreprocessFile);
        using var preprocess = new ResNetPreprocess("preprocess", meanImage, BackbonePixelInput.Raw);
        var pixels = torch.randint(0, 256, [2, 3, 224, 224], generator: new Generator(9)).to(float32);

        var output = preprocess.call(pixels);

        var mean = torch.tensor(meanImage.Values, meanImage.Shape);
        var red = pixels[.., 0];
        var blue = pixels[.., 2];
        Assert.True(torch.equal(output[.., 0], blue - mean[0, 0]).all().item<bool>());
        Assert.True(torch.equal(output[.., 1], pixels[.., 1] - mean[0, 1]).all().item<bool>());
        Assert.True(torch.equal(output[.., 2], red - mean[0, 2]).all().item<bool>());
    }

    [Fact]
    public void Preprocess_UndoesTheLoadersNormalisation()
    {
        using var scope = torch.NewDisposeScope();
        var meanImage = ResNetPreprocessImporter.ImportMeanImage(fixture.Files.PreprocessFile);
        var options = new ImageLoadOptions { Mean = [0.485f, 0.456f, 0.406f], Std = [0.229f, 0.224f, 0.225f] };
        using var fromRaw = new ResNetPreprocess("raw", meanImage, BackbonePixelInput.Raw);
        using var fromNormalized = new ResNetPreprocess("normalized", meanImage, BackbonePixelInput.From(options));
        var pixels = torch.randint(0, 256, [1, 3, 160, 160], generator: new Generator(4)).to(float32);
        var mean = torch.tensor(options.Mean).reshape(1, 3, 1, 1);
        var std = torch.tensor(options.Std).reshape(1, 3, 1, 1);

        var expected = fromRaw.call(pixels);
        var actual = fromNormalized.call(((pixels / 255) - mean) / std);

        Assert.True(torch.allclose(expected, actual, rtol: 0, atol: 1e-3), $"max diff {(expected - actual).abs().max().item<float>()}");
    }

    [Fact]
    public void Preprocess_GivesTheSameValuesOnEveryCallAndSide_WhenItsMeanImageShiftIsReused()
    {
        using var scope = torch.NewDisposeScope();
        var meanImage = ResNetPreprocessImporter.ImportMeanImage(fixture.Files.PreprocessFile);
        using var preprocess = new ResNetPreprocess("preprocess", meanImage, BackbonePixelInput.Raw);
        var mean = torch.tensor(meanImage.Values, meanImage.Shape);
        foreach (int side in new[] { 128, 224, 128, 160, 224 })
        {
            var pixels = torch.randint(0, 256, [1, 3, side, side], generator: new Generator((ulong)side)).to(float32);
            var resized = side == 224 ? mean : nn.functional.interpolate(mean, size: [side, side], mode: InterpolationMode.Bilinear, align_corners: false);

            // Computed once in inference mode, the cached shift must still serve a later pass that records gradients.
            using (side == 128 ? torch.inference_mode() : null)
            {
                var output = preprocess.call(pixels);
                Assert.True(torch.equal(output, pixels.flip(1) - resized).all().item<bool>(), $"side {side}");
            }
        }
    }

    [Fact]
    public void PixelInput_RejectsEncodingsItCannotUndo()
    {
        Assert.Throws<ArgumentException>(() => new BackbonePixelInput([0f, 0f], [1f, 1f, 1f], 1f));
        Assert.Throws<ArgumentException>(() => new BackbonePixelInput([0f, 0f, 0f], [1f, 0f, 1f], 1f));
        Assert.Throws<ArgumentException>(() => new BackbonePixelInput([0f, 0f, 0f], [1f, 1f, 1f], float.NaN));
    }
}
