using M6Search.Encoder.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace M6Search.Encoder.Tests.Model;

public sealed class ConvStemTests
{
    [Theory]
    [InlineData(2, 1)]
    [InlineData(4, 2)]
    [InlineData(8, 3)]
    [InlineData(16, 4)]
    public void Stages_AreLog2OfThePatchSize(int patchSize, int stages) =>
        Assert.Equal(stages, ConvStem.StageCount(patchSize));

    [Theory]
    [InlineData(1)]
    [InlineData(6)]
    [InlineData(12)]
    public void APatchSizeThatIsNotAPowerOfTwo_IsRefused_NamingIt(int patchSize)
    {
        var error = Assert.Throws<ArgumentException>(() => ConvStem.StageCount(patchSize));
        Assert.Contains(patchSize.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ChannelsDoublePerStage_EndingAtTheOutputWidth_NeverBelow16()
    {
        Assert.Equal(new long[] { 32, 64, 128 }, Enumerable.Range(0, 3).Select(i => ConvStem.ChannelsAt(i, 3, 128)).ToArray());
        Assert.Equal(new long[] { 16, 16, 32 }, Enumerable.Range(0, 3).Select(i => ConvStem.ChannelsAt(i, 3, 32)).ToArray());
    }

    [Fact]
    public void TheStem_GivesOneCellPerPatch()
    {
        using var scope = torch.NewDisposeScope();
        using var stem = new ConvStem("stem", patchSize: 4, outChannels: 24, init: new Generator(3));

        Tensor cells = stem.call(torch.randn(2, 3, 16, 16, generator: new Generator(4)));

        Assert.Equal(new long[] { 2, 24, 4, 4 }, cells.shape);
    }

    [Fact]
    public void EachTokenDependsOnlyOnItsOwnPatchAndItsBorder()
    {
        // Four 4-px patches per row of a 16-px image: changing the pixels of the bottom-right patch may change that
        // token (and, through the 3x3 kernels' reach, its neighbours) but never the far top-left one.
        using var scope = torch.NewDisposeScope();
        using var embedding = new PatchEmbedding("patch_embedding", PatchStem.Conv, 4, 32, 0.1, new ComputePrecision(), new Generator(5));
        Tensor image = torch.randn(1, 3, 16, 16, generator: new Generator(6));
        Tensor changed = image.clone();
        changed[.., .., 12.., 12..] = torch.randn(1, 3, 4, 4, generator: new Generator(7));

        Tensor before = embedding.call(image);
        Tensor after = embedding.call(changed);

        Assert.Equal(new long[] { 1, 16, 32 }, before.shape);
        Assert.True(before[0, 0].allclose(after[0, 0]));
        Assert.False(before[0, 15].allclose(after[0, 15]));
    }

    [Fact]
    public void AnEncoderWithTheConvStem_TrainsItsConvolutions()
    {
        using var scope = torch.NewDisposeScope();
        using var model = new MultimodalEncoder(TestConfigs.Micro with { PatchStem = PatchStem.Conv }, seed: 8);
        model.train();

        EncoderOutput output = model.EncodeImages(torch.randn(3, 3, 16, 16, generator: new Generator(9)));
        output.Embeddings.sum().backward();

        var stemParameters = model.named_parameters().Where(p => p.name.Contains(".stem.", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, stemParameters.Count); // two stages (4-px patches), weight and bias each
        Assert.All(stemParameters, p => Assert.True(p.parameter.grad is not null && p.parameter.grad.abs().sum().item<float>() > 0, p.name));
    }
}
