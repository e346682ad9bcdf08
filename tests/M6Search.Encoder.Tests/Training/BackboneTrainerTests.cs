using M6Search.Encoder.Backbone.Modules;
using M6Search.Encoder.Inference;
using M6Search.Encoder.Model;
using M6Search.Encoder.Runtime;
using M6Search.Encoder.Tests.Backbone;
using M6Search.Encoder.Tokenization;
using M6Search.Encoder.Training;
using TorchSharp;

namespace M6Search.Encoder.Tests.Training;

[Collection(BackboneCollection.Name)]
public sealed class BackboneTrainerTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Theory]
    [InlineData(BackboneTrainable.None)]
    [InlineData(BackboneTrainable.LastStage)]
    [InlineData(BackboneTrainable.All)]
    public void AStepOnPixels_ChangesOnlyTheBackboneWeightsItsModeNames_AndAlwaysTheEncoder(BackboneTrainable mode)
    {
        EncoderConfig config = TestConfigs.MicroBackbone(BackboneStage.Stage4, mode);
        ImageTower tower = ImageTower.Load(config.Backbone!, 32);
        using var trainer = new ContrastiveTrainer(
            new MultimodalEncoder(config, seed: 3), new TrainerOptions { WarmupSteps = 0, TotalSteps = 5 }, ownsModel: true, tower: tower);
        var tokenizer = new ProductTokenizer(TokenizerOptions.For(config));
        Dictionary<string, float[]> backboneBefore = Values(tower.Backbone.Network.named_parameters());
        Dictionary<string, float[]> encoderBefore = Values(trainer.Model.named_parameters());

        using (torch.NewDisposeScope())
        {
            Assert.False(trainer.TrainStep(SyntheticPairs.Batch(tokenizer, 32, 4, seed: 1)).Skipped);
        }

        Dictionary<string, float[]> backboneAfter = Values(tower.Backbone.Network.named_parameters());
        foreach ((string name, float[] before) in backboneBefore)
        {
            bool trains = mode == BackboneTrainable.All || (mode == BackboneTrainable.LastStage && name.StartsWith("layer4.", StringComparison.Ordinal));
            Assert.True(trains != before.SequenceEqual(backboneAfter[name]), $"{mode}: {name} {(trains ? "did not change" : "changed")}");
        }

        Assert.NotEqual(encoderBefore["backbone_tokens.feature_projection.weight"], Values(trainer.Model.named_parameters())["backbone_tokens.feature_projection.weight"]);
    }

    [Fact]
    public void ATrainerWithoutItsTower_IsRefused_WhenTheConfigTrainsTheBackbone()
    {
        using var model = new MultimodalEncoder(TestConfigs.MicroBackbone(trained: BackboneTrainable.LastStage), seed: 1);

        var error = Assert.Throws<ArgumentException>(() => new ContrastiveTrainer(model, new TrainerOptions { WarmupSteps = 0, TotalSteps = 1 }));

        Assert.Contains("last-stage", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ALastStageRun_ResumesWithItsTrainedStage_AndExportsAModelThatServesWithIt()
    {
        EncoderConfig config = TestConfigs.MicroBackbone(BackboneStage.Stage4, BackboneTrainable.LastStage);
        var options = new TrainerOptions { WarmupSteps = 0, TotalSteps = 5 };
        var tokenizer = new ProductTokenizer(TokenizerOptions.For(config));
        string checkpoint = _directory.File("run.ckpt");
        string modelPath = _directory.File("run.m6model");
        float[][] images = [Pixels(2), Pixels(3)];
        float[][] trained;
        Dictionary<string, float[]> layer4;
        using (var trainer = new ContrastiveTrainer(new MultimodalEncoder(config, seed: 5), options, ownsModel: true, tower: ImageTower.Load(config.Backbone!, 32)))
        {
            using (torch.NewDisposeScope())
            {
                trainer.TrainStep(SyntheticPairs.Batch(tokenizer, 32, 4, seed: 2));
            }

            trainer.SaveCheckpoint(checkpoint, DataPosition.Start(1));
            trainer.ExportModel(modelPath);
            layer4 = Values(trainer.Tower!.Backbone.Network.named_parameters().Where(p => p.name.StartsWith("layer4.", StringComparison.Ordinal)));
            using var serving = new MoeProductEncoder(trainer.Model, tokenizer, "in training", torch.CPU, tower: trainer.Tower);
            trained = serving.EmbedImages(images);
        }

        ResumedTraining resumed = ContrastiveTrainer.Resume(checkpoint);
        using (resumed.Trainer)
        {
            Dictionary<string, float[]> restored = Values(resumed.Trainer.Tower!.Backbone.Network.named_parameters());
            Assert.All(layer4, p => Assert.Equal(p.Value, restored[p.Key]));
            Assert.Equal(1, resumed.Trainer.Step);
        }

        using var loaded = MoeProductEncoder.Load(modelPath, DeviceChoice.Cpu, dropTokensAtCapacity: true);
        float[][] served = loaded.EmbedImages(images);
        for (int i = 0; i < images.Length; i++)
        {
            Assert.Equal(trained[i], served[i]);
        }
    }

    public void Dispose() => _directory.Dispose();

    private static Dictionary<string, float[]> Values(IEnumerable<(string name, TorchSharp.Modules.Parameter parameter)> parameters) =>
        parameters.ToDictionary(p => p.name, p => p.parameter.detach().contiguous().data<float>().ToArray(), StringComparer.Ordinal);

    private static float[] Pixels(int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, 3 * 32 * 32).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();
    }
}
