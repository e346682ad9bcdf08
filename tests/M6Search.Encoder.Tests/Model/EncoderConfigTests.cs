using M6Search.Encoder.Backbone.Files;
using M6Search.Encoder.Backbone.Modules;
using M6Search.Encoder.Model;

namespace M6Search.Encoder.Tests.Model;

public sealed class EncoderConfigTests
{
    [Theory]
    [InlineData("tiny", 64, 8, 128, 4, 8)]
    [InlineData("small", 64, 8, 192, 6, 8)]
    [InlineData("base", 128, 16, 512, 8, 16)]
    [InlineData(" Small ", 64, 8, 192, 6, 8)]
    public void Named_GivesThePresets(string name, int image, int patch, int width, int layers, int experts)
    {
        EncoderConfig config = EncoderConfig.Named(name);

        config.Validate();
        Assert.Equal((image, patch, width, layers, experts), (config.ImageSize, config.PatchSize, config.ModelDim, config.Layers, config.Experts));
        Assert.Equal(256, config.EmbeddingDim);
        Assert.False(config.Dense);
    }

    [Fact]
    public void Named_WithDenseSuffix_GivesTheAblation()
    {
        EncoderConfig dense = EncoderConfig.Named("small-dense");

        Assert.True(dense.Dense);
        Assert.Equal("small-dense", dense.Name);
        Assert.All(Enumerable.Range(0, dense.Layers), layer => Assert.False(dense.IsMoeLayer(layer)));
    }

    [Fact]
    public void Named_RejectsAnUnknownName_ListingTheKnownOnes()
    {
        var error = Assert.Throws<ArgumentException>(() => EncoderConfig.Named("huge"));
        Assert.Contains("huge", error.Message, StringComparison.Ordinal);
        Assert.Contains("tiny, small, base", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EverySecondLayer_IsMoe()
    {
        EncoderConfig tiny = EncoderConfig.Tiny;

        Assert.Equal(new[] { false, true, false, true }, Enumerable.Range(0, 4).Select(tiny.IsMoeLayer).ToArray());
    }

    [Fact]
    public void DenseAblation_GivesMoeSlotsTheActiveWidthOfAllGroups()
    {
        EncoderConfig prototyped = EncoderConfig.Tiny with { ExpertGroups = 2 };
        EncoderConfig dense = prototyped.AsDense();

        // A token passes one expert per group: 2 x FeedForwardDim of work in a MoE slot, FeedForwardDim elsewhere.
        Assert.Equal(2 * prototyped.FeedForwardDim, dense.FeedForwardDimAt(1));
        Assert.Equal(prototyped.FeedForwardDim, dense.FeedForwardDimAt(0));
        Assert.Equal(prototyped.FeedForwardDim, prototyped.FeedForwardDimAt(1));
    }

    [Theory]
    [InlineData(nameof(EncoderConfig.PatchSize))]
    [InlineData(nameof(EncoderConfig.Heads))]
    [InlineData(nameof(EncoderConfig.ExpertGroups))]
    [InlineData(nameof(EncoderConfig.Dropout))]
    [InlineData(nameof(EncoderConfig.PatchStem))]
    public void Validate_NamesTheBadField(string field)
    {
        EncoderConfig bad = field switch
        {
            nameof(EncoderConfig.PatchSize) => EncoderConfig.Tiny with { PatchSize = 7 },
            nameof(EncoderConfig.Heads) => EncoderConfig.Tiny with { Heads = 3 },
            nameof(EncoderConfig.ExpertGroups) => EncoderConfig.Tiny with { ExpertGroups = 3 },
            nameof(EncoderConfig.PatchStem) => EncoderConfig.Tiny with { ImageSize = 60, PatchSize = 6, PatchStem = PatchStem.Conv },
            _ => EncoderConfig.Tiny with { Dropout = 1.5 },
        };

        var error = Assert.Throws<ArgumentException>(bad.Validate);
        Assert.Equal(field, error.ParamName);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AConfigWrittenBeforeThePatchStemExisted_ReadsAsTheLinearStem()
    {
        string json = System.Text.Json.JsonSerializer.Serialize(EncoderConfig.Tiny with { PatchStem = PatchStem.Conv });
        Assert.Contains("\"PatchStem\":\"Conv\"", json, StringComparison.Ordinal);
        string older = json.Replace(",\"PatchStem\":\"Conv\"", string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain("PatchStem", older, StringComparison.Ordinal);

        EncoderConfig? read = System.Text.Json.JsonSerializer.Deserialize<EncoderConfig>(older);

        Assert.Equal(EncoderConfig.Tiny, read);
    }

    [Fact]
    public void ABackboneConfig_SurvivesJson_AndCountsFeatureAndColourTokens()
    {
        EncoderConfig config = EncoderConfig.Tiny.WithBackbone(
            new ImageBackboneConfig { Identity = BackboneIdentity.ResNet18, ColorGrid = 4, ColorCell = 2 }, 160);

        EncoderConfig? read = System.Text.Json.JsonSerializer.Deserialize<EncoderConfig>(System.Text.Json.JsonSerializer.Serialize(config));

        Assert.Equal(config, read);
        Assert.Equal("tiny-resnet18-s3-c4x2-160px", config.Name);
        Assert.Equal((10 * 10) + 16, config.ImageTokenCount);
        Assert.Equal(5 * 5, (config with { Backbone = config.Backbone! with { Stage = BackboneStage.Stage4, ColorGrid = 0 } }).ImageTokenCount);
        Assert.Null(EncoderConfig.Tiny.Backbone);
    }

    [Theory]
    [InlineData(100, 4, 2, "multiple of 32")]
    [InlineData(160, 3, 2, "must divide ImageSize")]
    [InlineData(160, -1, 2, "ColorGrid must be at least 0")]
    public void ABackboneConfig_NamesWhatDoesNotFit(int imageSize, int colorGrid, int colorCell, string problem)
    {
        EncoderConfig bad = EncoderConfig.Tiny with
        {
            ImageSize = imageSize,
            Backbone = new ImageBackboneConfig { Identity = BackboneIdentity.ResNet18, ColorGrid = colorGrid, ColorCell = colorCell },
        };

        var error = Assert.Throws<ArgumentException>(bad.Validate);

        Assert.Equal(nameof(EncoderConfig.Backbone), error.ParamName);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }
}
