using M6Search.Encoder.Model;
using M6Search.Encoder.Tests.Training.Data;
using M6Search.Encoder.Tokenization;
using M6Search.Encoder.Training;
using M6Search.Encoder.Training.Data;
using M6Search.Imaging;

namespace M6Search.Encoder.Tests.Training;

[Collection(TorchStateCollection.Name)]
public sealed class TrainingLoopTests
{
    [Fact]
    public async Task AnInterruptedAndResumedLoop_EndsWithTheSameWeights_AsAnUninterruptedOne_AcrossEpochs()
    {
        using var folder = PairDatasetTests.TrainingFolder.Create(products: 10);
        using var scratch = new TempDirectory();
        EncoderConfig config = TestConfigs.Micro with { Dropout = 0.1, ExpertDropout = 0.2 };
        var dataset = await PairDataset.LoadAsync(folder.Path, config.ImageSize, new ImageLoader());
        var sampler = new PairBatchSampler(dataset, batchSize: 4);
        var tokenizer = new ProductTokenizer(TokenizerOptions.For(config));
        var options = new TrainerOptions { PeakLearningRate = 1e-3, WarmupSteps = 2, TotalSteps = 6 };

        float[][] straight;
        using (var trainer = new ContrastiveTrainer(new MultimodalEncoder(config, seed: 3), options, ownsModel: true))
        {
            var end = TrainingLoop.Run(trainer, sampler, dataset, tokenizer, DataPosition.Start(9),
                new TrainingLoopOptions { TotalSteps = 6, CheckpointPath = scratch.File("straight.ckpt"), CheckpointEvery = 0 });
            Assert.Equal(new DataPosition(3, 0, 9), end); // 2 batches per epoch: 6 steps end at the start of epoch 3
            straight = Weights(trainer.Model);
        }

        string checkpoint = scratch.File("interrupted.ckpt");
        using (var trainer = new ContrastiveTrainer(new MultimodalEncoder(config, seed: 3), options, ownsModel: true))
        {
            TrainingLoop.Run(trainer, sampler, dataset, tokenizer, DataPosition.Start(9),
                new TrainingLoopOptions { TotalSteps = 3, CheckpointPath = checkpoint, CheckpointEvery = 0 });
        }

        ResumedTraining resumed = ContrastiveTrainer.Resume(checkpoint);
        using (ContrastiveTrainer trainer = resumed.Trainer)
        {
            Assert.Equal(new DataPosition(1, 1, 9), resumed.Position);
            TrainingLoop.Run(trainer, sampler, dataset, tokenizer, resumed.Position,
                new TrainingLoopOptions { TotalSteps = 6, CheckpointPath = checkpoint, CheckpointEvery = 0 });

            float[][] continued = Weights(trainer.Model);
            for (int i = 0; i < straight.Length; i++)
            {
                float difference = straight[i].Zip(continued[i], (a, b) => Math.Abs(a - b)).Max();
                Assert.True(difference <= 1e-6, $"parameter {i} differs by {difference}");
            }
        }
    }

    [Fact]
    public async Task ACancelledLoop_WritesACheckpoint_BeforeItStops()
    {
        using var folder = PairDatasetTests.TrainingFolder.Create(products: 8);
        using var scratch = new TempDirectory();
        EncoderConfig config = TestConfigs.Micro;
        var dataset = await PairDataset.LoadAsync(folder.Path, config.ImageSize, new ImageLoader());
        var sampler = new PairBatchSampler(dataset, batchSize: 4);
        using var cancellation = new CancellationTokenSource();
        string checkpoint = scratch.File("cancelled.ckpt");
        using var trainer = new ContrastiveTrainer(new MultimodalEncoder(config, seed: 1), new TrainerOptions { WarmupSteps = 1, TotalSteps = 10 }, ownsModel: true);

        Assert.Throws<OperationCanceledException>(() => TrainingLoop.Run(
            trainer, sampler, dataset, new ProductTokenizer(TokenizerOptions.For(config)), DataPosition.Start(1),
            new TrainingLoopOptions { TotalSteps = 10, CheckpointPath = checkpoint, CheckpointEvery = 0 },
            onStep: (metrics, _) => { if (metrics.Step == 1) { cancellation.Cancel(); } },
            cancellationToken: cancellation.Token));

        Assert.True(File.Exists(checkpoint));
        ResumedTraining resumed = ContrastiveTrainer.Resume(checkpoint);
        using (resumed.Trainer)
        {
            Assert.Equal(2, resumed.Trainer.Step);
            Assert.Equal(new DataPosition(1, 0, 1), resumed.Position);
        }
    }

    [Fact]
    public async Task ALoopWhoseTimeLimitIsSpent_StopsBeforeTheNextStep_AndCheckpointsWhereItStopped()
    {
        using var folder = PairDatasetTests.TrainingFolder.Create(products: 8);
        using var scratch = new TempDirectory();
        EncoderConfig config = TestConfigs.Micro;
        var dataset = await PairDataset.LoadAsync(folder.Path, config.ImageSize, new ImageLoader());
        var sampler = new PairBatchSampler(dataset, batchSize: 4);
        string checkpoint = scratch.File("limited.ckpt");
        using var trainer = new ContrastiveTrainer(new MultimodalEncoder(config, seed: 1), new TrainerOptions { WarmupSteps = 1, TotalSteps = 10 }, ownsModel: true);

        // A zero budget is spent before the first step: nothing trains, and the checkpoint says so.
        DataPosition end = TrainingLoop.Run(
            trainer, sampler, dataset, new ProductTokenizer(TokenizerOptions.For(config)), DataPosition.Start(1),
            new TrainingLoopOptions { TotalSteps = 10, CheckpointPath = checkpoint, CheckpointEvery = 0, TimeLimit = TimeSpan.Zero });

        Assert.Equal(0, trainer.Step);
        Assert.Equal(DataPosition.Start(1), end);
        ResumedTraining resumed = ContrastiveTrainer.Resume(checkpoint);
        using (resumed.Trainer)
        {
            Assert.Equal(0, resumed.Trainer.Step);
            Assert.Equal(DataPosition.Start(1), resumed.Position);
        }
    }

    private static float[][] Weights(MultimodalEncoder model) =>
        model.parameters().Select(p => p.detach().cpu().data<float>().ToArray()).ToArray();
}
