using M6Search.Encoder.Backbone.Modules;
using TorchSharp;
using static TorchSharp.torch;

namespace M6Search.Encoder.Tests.Backbone;

/// <summary>Our padded convolution and pooling against the plain definition: pad explicitly, then run unpadded.</summary>
public sealed class ExactPaddingTests
{
    public static TheoryData<int, int, int, int, int, int, int> Cases => new()
    {
        // kernel, stride, top, left, bottom, right, input side
        { 7, 2, 3, 3, 2, 2, 224 }, // the CNTK stem
        { 7, 2, 3, 3, 2, 2, 37 },  // odd side: the symmetric layout would give one output row too many
        { 3, 2, 1, 1, 0, 0, 56 },  // strided 3x3 of the export
        { 3, 2, 1, 1, 0, 0, 15 },
        { 3, 2, 0, 0, 1, 1, 16 },  // trailing side pads more: the explicit path
        { 3, 1, 2, 0, 1, 1, 9 },   // mixed
        { 3, 1, 1, 1, 1, 1, 12 },  // symmetric
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void PaddedConv2d_EqualsExplicitPaddingThenConvolution(int kernel, int stride, int top, int left, int bottom, int right, int side)
    {
        using var scope = torch.NewDisposeScope();
        var generator = new Generator(7);
        var geometry = ConvGeometry.Square(kernel, stride, new Padding2d(top, left, bottom, right));
        using var conv = new PaddedConv2d("conv", 3, 4, geometry);
        using (torch.no_grad())
        {
            conv.Weight.copy_(torch.randn(conv.Weight.shape, generator: generator));
            conv.Bias.copy_(torch.randn(4, generator: generator));
        }

        var input = torch.randn([2, 3, side, side], generator: generator);
        var expected = nn.functional.conv2d(
            nn.functional.pad(input, [left, right, top, bottom]), conv.Weight, conv.Bias, strides: [stride, stride]);

        var actual = conv.call(input);

        Assert.Equal(expected.shape, actual.shape);
        Assert.Equal(geometry.OutputHeight(side), actual.shape[2]);
        Assert.True(torch.allclose(expected, actual, rtol: 1e-5, atol: 1e-5), $"max diff {(expected - actual).abs().max().item<float>()}");
    }

    /// <summary>The cases whose padding is at most half a kernel, the most any pooling layout uses.</summary>
    public static TheoryData<int, int, int, int, int, int, int> PoolingCases
    {
        get
        {
            var cases = new TheoryData<int, int, int, int, int, int, int>();
            foreach (var row in Cases)
            {
                var (kernel, stride, top, left, bottom, right, side) = ((int)row[0], (int)row[1], (int)row[2], (int)row[3], (int)row[4], (int)row[5], (int)row[6]);
                if (Math.Max(Math.Max(top, left), Math.Max(bottom, right)) <= kernel / 2)
                {
                    cases.Add(kernel, stride, top, left, bottom, right, side);
                }
            }

            return cases;
        }
    }

    [Theory]
    [MemberData(nameof(PoolingCases))]
    public void PaddedMaxPool2d_NeverLetsPaddingWin_EvenOnNegativeInputs(int kernel, int stride, int top, int left, int bottom, int right, int side)
    {
        using var scope = torch.NewDisposeScope();
        var geometry = ConvGeometry.Square(kernel, stride, new Padding2d(top, left, bottom, right));
        using var pool = new PaddedMaxPool2d("pool", geometry);
        var input = torch.rand([1, 2, side, side], generator: new Generator(3)) - 2.0; // all in [-2, -1)
        var expected = nn.functional.max_pool2d(
            nn.functional.pad(input, [left, right, top, bottom], value: double.NegativeInfinity), [kernel, kernel], strides: [stride, stride]);

        var actual = pool.call(input);

        Assert.Equal(expected.shape, actual.shape);
        Assert.True(torch.equal(expected, actual).all().item<bool>());
        Assert.True(actual.max().item<float>() < -1f);
    }
}
