using M6Search.Encoder.Backbone.Import;
using M6Search.Encoder.Backbone.Modules;
using Onnx;
using TorchSharp;
using static TorchSharp.torch;

namespace M6Search.Encoder.Tests.Backbone;

[Collection(BackboneCollection.Name)]
public sealed class BatchNormFoldingTests(BackboneFixture fixture)
{
    [Fact]
    public void Fold_EqualsConvolutionThenBatchNormalization_ForEveryLayerOfThePackage()
    {
        Assert.Equal(22, fixture.Graph.Convolutions.Count);
        foreach (var layer in fixture.Graph.Convolutions.Values)
        {
            using var scope = torch.NewDisposeScope();
            var input = torch.randn([2, layer.Weight.Shape[1], 9, 9], generator: new Generator(11));
            var (weight, bias) = BatchNormFolding.Fold(layer);
            var folded = nn.functional.conv2d(input, weight, bias);

            // The unfolded network, in float64: convolution, then inference-mode BatchNormalization.
            var convolved = nn.functional.conv2d(input.to(float64), Tensor(layer.Weight));
            var expected = nn.functional.batch_norm(
                convolved, Tensor(layer.Mean), Tensor(layer.Variance), Tensor(layer.Scale), Tensor(layer.Shift),
                training: false, eps: layer.Epsilon);

            double maxDiff = (folded.to(float64) - expected).abs().max().item<double>();
            double scale = expected.abs().max().item<double>();
            Assert.True(maxDiff <= 1e-5 * Math.Max(1.0, scale), $"{layer.ModuleName}: folded differs by {maxDiff:E2} (values up to {scale:F1})");
        }
    }

    [Fact]
    public void Fold_GivesTheTextbookWeightAndBias_OnKnownNumbers()
    {
        // One 1x1 convolution of weight 3 with a bias of 1, then BN with gamma 2, beta 0.5, mean 4, variance 16 - eps.
        const float eps = 1e-5f;
        var layer = new ImportedConvBatchNorm
        {
            ModuleName = "test",
            ConvNode = "conv",
            BatchNormNode = "bn",
            Geometry = ConvGeometry.Square(1, 1, default),
            Weight = Vector("w", [1, 1, 1, 1], 3f),
            Bias = Vector("b", [1], 1f),
            Scale = Vector("gamma", [1], 2f),
            Shift = Vector("beta", [1], 0.5f),
            Mean = Vector("mean", [1], 4f),
            Variance = Vector("var", [1], 16f - eps),
            Epsilon = eps,
            OutputValue = "out",
        };

        var (weight, bias) = BatchNormFolding.Fold(layer);

        // W' = 3 * 2 / 4 = 1.5; b' = (1 - 4) * 2 / 4 + 0.5 = -1.
        Assert.Equal(1.5f, weight.item<float>(), 5);
        Assert.Equal(-1f, bias.item<float>(), 5);
    }

    private static Tensor Tensor(OnnxFloatTensor values) => torch.tensor(values.Values, values.Shape).to(float64);

    private static OnnxFloatTensor Vector(string name, long[] shape, float value)
    {
        var proto = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        proto.Dims.Add(shape);
        proto.FloatData.Add(value);
        return OnnxFloatTensor.Read(proto, "test.onnx");
    }
}
