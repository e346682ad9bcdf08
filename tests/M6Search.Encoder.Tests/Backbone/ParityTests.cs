using M6Search.Encoder.Backbone.Modules;
using M6Search.Shared;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace M6Search.Encoder.Tests.Backbone;

/// <summary>
/// Our TorchSharp backbone against ONNX Runtime running the package's own two graphs, on real photos and clip art,
/// from the same decoded pixels: ours gets the encoder's normalised batch, ONNX Runtime the raw RGB values.
/// </summary>
[Collection(BackboneCollection.Name)]
public sealed class ParityTests(BackboneFixture fixture, ITestOutputHelper output)
{
    private const double Tolerance = 1e-3;

    [Theory]
    [InlineData(224)]
    [InlineData(160)]
    [InlineData(128)]
    public void TorchSharpBackbone_MatchesOnnxRuntime_OnRealImages(int side)
    {
        var (normalized, raw) = fixture.LoadBatch(side);
        int batch = fixture.ImagePaths.Count;
        Assert.True(batch >= 5, $"expected the committed test images, found {batch}");

        using var reference = new OnnxRuntimeReference(
            fixture.Files.PreprocessFile, fixture.Files.NetworkFile, fixture.Graph, side, threads: 2, exposeStages: true);
        var expected = reference.Run(raw, batch, side);

        using var scope = torch.NewDisposeScope();
        using var inference = torch.inference_mode();
        var pixels = torch.tensor(normalized, [batch, 3, side, side]);
        BackboneFeatures ours = fixture.Backbone.call(pixels);

        AssertClose("stage 3", [batch, 256, side / 16, side / 16], ours.Stage3, expected.Stage3!, side);
        AssertClose("stage 4", [batch, 512, side / 32, side / 32], ours.Stage4, expected.Stage4!, side);
        AssertClose("pooled", [batch, 512], ours.Pooled, expected.Pooled, side);
    }

    private void AssertClose(string what, long[] shape, Tensor actual, float[] expected, int side)
    {
        Assert.Equal(shape, actual.shape);
        var values = actual.contiguous().data<float>().ToArray();
        Assert.Equal(expected.Length, values.Length);
        double maxDiff = 0;
        double maxMagnitude = 0;
        for (int i = 0; i < values.Length; i++)
        {
            maxDiff = Math.Max(maxDiff, Math.Abs(values[i] - expected[i]));
            maxMagnitude = Math.Max(maxMagnitude, Math.Abs(expected[i]));
        }

        output.WriteLine($"{side} px, {what} [{string.Join(", ", shape)}]: max |ours - ONNX Runtime| = {maxDiff:E2} (largest value {maxMagnitude:F2})");
        Assert.True(maxMagnitude > 0.1, $"{what} at {side} px is all near zero: the comparison would prove nothing");
        Assert.True(maxDiff <= Tolerance, $"{what} at {side} px differs from ONNX Runtime by {maxDiff:E3} (> {Tolerance:E0})");
    }
}
