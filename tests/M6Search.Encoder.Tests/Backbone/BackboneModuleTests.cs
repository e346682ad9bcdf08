using M6Search.Encoder.Backbone.Modules;
using TorchSharp;
using static TorchSharp.torch;

namespace M6Search.Encoder.Tests.Backbone;

[Collection(BackboneCollection.Name)]
public sealed class BackboneModuleTests(BackboneFixture fixture)
{
    [Fact]
    public void Network_HasPytorchVisionNames_WithTheFilesShapes()
    {
        var parameters = fixture.Backbone.Network.named_parameters().ToDictionary(p => p.name, p => p.parameter.shape);

        Assert.Equal(44, parameters.Count); // 22 convolutions, each with its folded BatchNormalization as a bias
        Assert.Equal([64L, 3, 7, 7], parameters["conv1.weight"]);
        Assert.Equal([64L], parameters["conv1.bias"]);
        Assert.Equal([64L, 64, 3, 3], parameters["layer1.1.conv2.weight"]);
        Assert.Equal([128L, 64, 3, 3], parameters["layer2.0.conv1.weight"]);
        Assert.Equal([128L, 64, 1, 1], parameters["layer2.0.downsample.weight"]);
        Assert.Equal([256L, 256, 3, 3], parameters["layer3.1.conv1.weight"]);
        Assert.Equal([512L, 512, 3, 3], parameters["layer4.2.conv2.weight"]);
        Assert.Equal([2, 2, 2, 3], fixture.Backbone.Network.BlocksPerStage);
        Assert.Contains(fixture.Backbone.named_buffers(), b => b.name == "preprocess.mean_image");
    }

    [Fact]
    public void Backbone_StartsLockedAndInEvalMode()
    {
        Assert.Equal(BackboneTrainable.None, fixture.Backbone.Trainable);
        Assert.False(fixture.Backbone.training);
        Assert.All(fixture.Backbone.parameters(), p => Assert.False(p.requires_grad));
    }

    [Theory]
    [InlineData(128, 128)]
    [InlineData(160, 160)]
    [InlineData(224, 224)]
    [InlineData(96, 192)]
    public void Features_HaveTheStageShapes_ForSidesThatAreMultiplesOf32(int height, int width)
    {
        using var scope = torch.NewDisposeScope();
        using var inference = torch.inference_mode();
        var pixels = torch.rand([2, 3, height, width], generator: new Generator(5)) * 255;

        var all = fixture.Backbone.call(pixels);
        var stage3 = fixture.Backbone.Features(pixels, BackboneStage.Stage3);

        Assert.Equal([2L, 256, height / 16, width / 16], all.Stage3.shape);
        Assert.Equal([2L, 512, height / 32, width / 32], all.Stage4.shape);
        Assert.Equal([2L, 512], all.Pooled.shape);
        Assert.True(torch.equal(all.Stage3, stage3).all().item<bool>());
        Assert.True(torch.allclose(all.Pooled, all.Stage4.mean([2, 3]), rtol: 1e-5, atol: 1e-5));
        Assert.Equal(ResNetBackbone.Channels(BackboneStage.Stage3), all.Stage3.shape[1]);
        Assert.Equal(height / ResNetBackbone.Stride(BackboneStage.Stage4), all.Stage4.shape[2]);
    }

    [Theory]
    [InlineData(1, 3, 100, 128)]
    [InlineData(1, 3, 128, 130)]
    [InlineData(1, 1, 128, 128)]
    public void Forward_RefusesInputsItCannotRead(int batch, int channels, int height, int width)
    {
        using var scope = torch.NewDisposeScope();
        var pixels = torch.zeros(batch, channels, height, width);

        var error = Assert.ThrowsAny<ArgumentException>(() => fixture.Backbone.call(pixels));

        Assert.Contains($"{height}, {width}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SetTrainable_LastStage_LetsGradientsReachOnlyLayer4()
    {
        var backbone = fixture.Backbone;
        try
        {
            backbone.SetTrainable(BackboneTrainable.LastStage);
            using var scope = torch.NewDisposeScope();
            backbone.zero_grad();
            backbone.call(torch.rand([2, 3, 64, 64], generator: new Generator(1)) * 255).Pooled.square().sum().backward();

            foreach (var (name, parameter) in backbone.named_parameters())
            {
                bool layer4 = name.StartsWith("network.layer4.", StringComparison.Ordinal);
                Assert.Equal(layer4, parameter.requires_grad);
                if (layer4)
                {
                    Assert.True(parameter.grad is not null && parameter.grad.abs().sum().item<float>() > 0, $"{name} got no gradient");
                }
                else
                {
                    Assert.True(parameter.grad is null, $"{name} is locked but got a gradient");
                }
            }
        }
        finally
        {
            backbone.zero_grad();
            backbone.SetTrainable(BackboneTrainable.None);
        }
    }

    [Fact]
    public void SetTrainable_All_LetsGradientsReachTheStem()
    {
        var backbone = fixture.Backbone;
        try
        {
            backbone.SetTrainable(BackboneTrainable.All);
            using var scope = torch.NewDisposeScope();
            backbone.zero_grad();
            backbone.call(torch.rand([1, 3, 64, 64], generator: new Generator(2)) * 255).Stage3.sum().backward();

            var stem = backbone.Network.named_parameters().Single(p => p.name == "conv1.weight").parameter;
            Assert.True(stem.grad is not null && stem.grad.abs().sum().item<float>() > 0);
        }
        finally
        {
            backbone.zero_grad();
            backbone.SetTrainable(BackboneTrainable.None);
        }
    }

    [Fact]
    public void LockedBackbone_RecordsNoGraph_EvenWhenTheCallerRecordsGradients()
    {
        using var scope = torch.NewDisposeScope();
        var features = fixture.Backbone.call(torch.rand([1, 3, 64, 64], generator: new Generator(3)) * 255);

        Assert.False(features.Stage3.requires_grad);
        Assert.False(features.Pooled.requires_grad);
    }

    [Theory]
    [InlineData("none", BackboneTrainable.None)]
    [InlineData("Last-Stage", BackboneTrainable.LastStage)]
    [InlineData(" all ", BackboneTrainable.All)]
    public void TrainableNames_ParseTheCommandLineSpellings(string text, BackboneTrainable expected)
    {
        Assert.Equal(expected, BackboneTrainableNames.Parse(text));
        Assert.Equal(expected, BackboneTrainableNames.Parse(BackboneTrainableNames.ToName(expected)));
        Assert.Throws<ArgumentException>(() => BackboneTrainableNames.Parse("layer4"));
    }
}
