using M6Search.Encoder.Model;
using M6Search.Encoder.Tokenization;
using TorchSharp;
using static TorchSharp.torch;

namespace M6Search.Encoder.Tests.Model;

public sealed class MultimodalEncoderTests
{
    [Fact]
    public void ImagesAndTexts_LandInOneSpace_AsUnitVectors()
    {
        using var scope = torch.NewDisposeScope();
        using var model = new MultimodalEncoder(TestConfigs.Micro, seed: 1);
        model.eval();
        TokenBatch texts = Tokenizer().EncodeBatch(["red cup", "blue bumpy mug", "杯子"]);

        EncoderOutput images = model.EncodeImages(torch.randn(2, 3, 16, 16, generator: new Generator(2)));
        EncoderOutput words = model.EncodeTexts(texts.IdsTensor(), texts.MaskTensor());

        Assert.Equal(new long[] { 2, 24 }, images.Embeddings.shape);
        Assert.Equal(new long[] { 3, 24 }, words.Embeddings.shape);
        Assert.True(torch.cat([images.Embeddings, words.Embeddings]).norm(dim: 1).sub(1).abs().max().item<float>() < 1e-5);
        Assert.Single(images.MoeLayers); // layer 1 of 2
        Assert.True(images.AuxiliaryLoss.item<float>() > 0);
    }

    [Fact]
    public void DenseAblation_HasNoMoeLayers_AndNoAuxiliaryLoss()
    {
        using var scope = torch.NewDisposeScope();
        using var model = new MultimodalEncoder(TestConfigs.Micro.AsDense(), seed: 1);

        EncoderOutput output = model.EncodeImages(torch.randn(2, 3, 16, 16));

        Assert.Empty(output.MoeLayers);
        Assert.Equal(0f, output.AuxiliaryLoss.item<float>());
        Assert.DoesNotContain(model.Layers, layer => layer.IsMoe);
    }

    [Fact]
    public void TextEmbedding_DoesNotDependOnPaddingOrBatchMates()
    {
        using var scope = torch.NewDisposeScope();
        // A capacity large enough that no token is ever dropped, so only the padding mask is under test.
        using var model = new MultimodalEncoder(TestConfigs.Micro with { EvalCapacityFactor = 100 }, seed: 3);
        model.eval();
        ProductTokenizer tokenizer = Tokenizer();
        TokenBatch alone = tokenizer.EncodeBatch(["cup"]);
        TokenBatch padded = tokenizer.EncodeBatch(["cup", "a much longer text about a white bumpy coffee cup"]);

        Tensor single = model.EncodeTexts(alone.IdsTensor(), alone.MaskTensor()).Embeddings[0];
        Tensor batched = model.EncodeTexts(padded.IdsTensor(), padded.MaskTensor()).Embeddings[0];

        Assert.True(padded.Length > alone.Length);
        Assert.True(single.allclose(batched, rtol: 1e-4, atol: 1e-5), "padding changed the embedding");
    }

    [Fact]
    public void SameSeed_GivesSameWeights_OtherSeed_OtherWeights()
    {
        using var a = new MultimodalEncoder(TestConfigs.Micro, seed: 5);
        using var b = new MultimodalEncoder(TestConfigs.Micro, seed: 5);
        using var c = new MultimodalEncoder(TestConfigs.Micro, seed: 6);

        var pa = a.parameters().ToList();
        var pb = b.parameters().ToList();
        var pc = c.parameters().ToList();
        Assert.All(pa.Zip(pb), pair => Assert.True(pair.First.eq(pair.Second).all().item<bool>()));
        Assert.Contains(pa.Zip(pc), pair => !pair.First.eq(pair.Second).all().item<bool>());
    }

    [Fact]
    public void EncodeImages_RejectsTheWrongSize_NamingBothShapes()
    {
        using var model = new MultimodalEncoder(TestConfigs.Micro);
        using var wrong = torch.zeros(1, 3, 32, 32);

        var error = Assert.Throws<ArgumentException>(() => model.EncodeImages(wrong));

        Assert.Contains("[batch, 3, 16, 16]", error.Message, StringComparison.Ordinal);
        Assert.Contains("[1, 3, 32, 32]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EncodeTexts_RejectsTooManyTokens()
    {
        using var model = new MultimodalEncoder(TestConfigs.Micro);
        using var ids = torch.ones(1, 17, ScalarType.Int64);
        using var mask = torch.ones(1, 17, ScalarType.Bool);

        var error = Assert.Throws<ArgumentException>(() => model.EncodeTexts(ids, mask));

        Assert.Contains("at most 16", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ActivationCheckpointing_GivesTheSameGradients_WithDropoutOn()
    {
        EncoderConfig config = TestConfigs.Micro with { Dropout = 0.2, ExpertDropout = 0.3 };
        float[][] plain = Gradients(config, checkpointing: false);
        float[][] recomputed = Gradients(config, checkpointing: true);

        Assert.Equal(plain.Length, recomputed.Length);
        for (int i = 0; i < plain.Length; i++)
        {
            float difference = plain[i].Zip(recomputed[i], (x, y) => Math.Abs(x - y)).Max();
            Assert.True(difference < 1e-6, $"parameter {i}: gradients differ by {difference}");
        }

        Assert.Contains(plain, g => g.Any(v => v != 0));
    }

    private static float[][] Gradients(EncoderConfig config, bool checkpointing)
    {
        using var scope = torch.NewDisposeScope();
        using var model = new MultimodalEncoder(config, seed: 9);
        model.train();
        model.ActivationCheckpointing = checkpointing;
        TokenBatch texts = Tokenizer().EncodeBatch(["red cup", "white bumpy coffee mug"]);
        Tensor images = torch.randn(2, 3, 16, 16, generator: new Generator(4));

        EncoderOutput image = model.EncodeImages(images);
        EncoderOutput text = model.EncodeTexts(texts.IdsTensor(), texts.MaskTensor());
        image.Embeddings.matmul(text.Embeddings.t()).sum().add(image.AuxiliaryLoss).add(text.AuxiliaryLoss).backward();

        return model.parameters()
            .Select(p => p.grad is null ? new float[p.numel()] : p.grad.data<float>().ToArray())
            .ToArray();
    }

    private static ProductTokenizer Tokenizer() => new(TokenizerOptions.For(TestConfigs.Micro));

    [Fact]
    public void ABackboneEncoder_ReadsFeatureMapsAndColourCells_AndRefusesPixelsOrOtherShapes()
    {
        using var model = new MultimodalEncoder(TestConfigs.MicroBackbone(), seed: 2);
        model.eval();
        using var scope = torch.NewDisposeScope();
        Tensor features = torch.rand([3, 256, 2, 2], generator: new Generator(1));
        Tensor cells = torch.rand([3, 3, 4, 4], generator: new Generator(2));

        EncoderOutput output = model.EncodeImageFeatures(features, cells);

        Assert.Equal([3L, 24], output.Embeddings.shape);
        Assert.Contains("feature maps", Assert.Throws<ArgumentException>(() => model.EncodeImages(torch.zeros(3, 3, 32, 32))).Message, StringComparison.Ordinal);
        Assert.Contains("[batch, 256, 2, 2]", Assert.Throws<ArgumentException>(() => model.EncodeImageFeatures(torch.zeros(3, 512, 1, 1), cells)).Message, StringComparison.Ordinal);
        Assert.Contains("Colour cells", Assert.Throws<ArgumentException>(() => model.EncodeImageFeatures(features, null)).Message, StringComparison.Ordinal);
        Assert.DoesNotContain(model.named_parameters(), p => p.name.StartsWith("patch_embedding", StringComparison.Ordinal) || p.name == "image_positions");
    }

    [Fact]
    public void ColourTokens_ChangeTheImageEmbedding_WhileTheFeatureMapStaysTheSame()
    {
        using var model = new MultimodalEncoder(TestConfigs.MicroBackbone(), seed: 2);
        model.eval();
        using var scope = torch.NewDisposeScope();
        Tensor features = torch.rand([1, 256, 2, 2], generator: new Generator(1));

        Tensor red = model.EncodeImageFeatures(features, torch.ones(1, 3, 4, 4) * torch.tensor(new[] { 1f, -1f, -1f }).reshape(1, 3, 1, 1)).Embeddings;
        Tensor blue = model.EncodeImageFeatures(features, torch.ones(1, 3, 4, 4) * torch.tensor(new[] { -1f, -1f, 1f }).reshape(1, 3, 1, 1)).Embeddings;

        Assert.True(red.sub(blue).abs().max().item<float>() > 1e-3);
    }
}
