using M6Search.Encoder.Model;
using M6Search.Encoder.Serialization;
using M6Search.Encoder.Tokenization;
using M6Search.Encoder.Training;
using M6Search.Encoder.Training.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace M6Search.Encoder.Tests.Training;

[Collection(TorchStateCollection.Name)]
public sealed class ContrastiveTrainerTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public void TinyConfig_LearnsToMatchColourImagesWithColourWords()
    {
        EncoderConfig config = EncoderConfig.Tiny;
        var options = new TrainerOptions { PeakLearningRate = 2e-3, WarmupSteps = 5, TotalSteps = 40, WeightDecay = 0.01 };
        using var model = new MultimodalEncoder(config, seed: 1);
        using var trainer = new ContrastiveTrainer(model, options);
        var tokenizer = new ProductTokenizer(TokenizerOptions.For(config));

        var metrics = new List<TrainingStepMetrics>();
        for (int step = 0; step < 40; step++)
        {
            using var scope = torch.NewDisposeScope();
            metrics.Add(trainer.TrainStep(SyntheticPairs.Batch(tokenizer, config.ImageSize, 8, seed: step)));
        }

        double first = metrics.Take(3).Average(m => m.ContrastiveLoss);
        double last = metrics.TakeLast(5).Average(m => m.ContrastiveLoss);
        Assert.True(last < first * 0.5, $"contrastive loss went from {first:F3} to {last:F3}");
        Assert.True(metrics.TakeLast(5).Average(m => m.Accuracy) > 0.6, "accuracy stayed low");
        Assert.DoesNotContain(metrics, m => m.Skipped);

        TrainingStepMetrics final = metrics[^1];
        Assert.Equal(2, final.ImageExpertLoad.Count); // tiny: MoE at layers 1 and 3
        Assert.All(final.ImageExpertLoad.Concat(final.TextExpertLoad), load => Assert.Equal(1.0, load.Sum(), 3));
        Assert.InRange(final.ImageDropRate, 0, 1);
        Assert.True(final.AuxiliaryLoss > 0);
        Assert.Equal(options.MinLearningRate + ((options.PeakLearningRate - options.MinLearningRate) * 0.5 * (1 + Math.Cos(Math.PI * 34 / 35))), final.LearningRate, 10);
        Assert.InRange(final.Temperature, 0.01, 0.07 * 1.5);
    }

    [Fact]
    public void NonFiniteLoss_SkipsTheStep_AndLeavesTheWeightsAlone()
    {
        using var model = new MultimodalEncoder(TestConfigs.Micro, seed: 2);
        using var trainer = new ContrastiveTrainer(model, new TrainerOptions { WarmupSteps = 0, TotalSteps = 10 });
        var tokenizer = new ProductTokenizer(TokenizerOptions.For(TestConfigs.Micro));
        using var scope = torch.NewDisposeScope();
        TrainingBatch good = SyntheticPairs.Batch(tokenizer, 16, 4, seed: 1);
        var poisoned = good with { Images = good.Images!.clone().index_fill_(0, torch.tensor(new long[] { 2 }), float.NaN) };
        float[][] before = Weights(model);

        TrainingStepMetrics metrics = trainer.TrainStep(poisoned);

        Assert.True(metrics.Skipped);
        Assert.Contains("NaN", metrics.SkipReason, StringComparison.Ordinal);
        Assert.Equal(before, Weights(model));
        Assert.Equal(1, trainer.Step);
        Assert.False(trainer.TrainStep(good).Skipped);
        Assert.NotEqual(before, Weights(model));
    }

    [Fact]
    public void GradientAccumulation_OptimisesTheMeanOfTheMicroBatchLosses()
    {
        EncoderConfig config = TestConfigs.Micro with { Dropout = 0, ExpertDropout = 0 };
        var tokenizer = new ProductTokenizer(TokenizerOptions.For(config));
        using var scope = torch.NewDisposeScope();
        TrainingBatch batch = SyntheticPairs.Batch(tokenizer, 16, 8, seed: 3);
        TrainingBatch firstHalf = Slice(batch, 0, 4);
        TrainingBatch secondHalf = Slice(batch, 4, 4);

        using var accumulating = new ContrastiveTrainer(new MultimodalEncoder(config, 4), new TrainerOptions { AccumulationSteps = 2, WarmupSteps = 1, TotalSteps = 10 }, ownsModel: true);
        using var first = new ContrastiveTrainer(new MultimodalEncoder(config, 4), new TrainerOptions { WarmupSteps = 1, TotalSteps = 10 }, ownsModel: true);
        using var second = new ContrastiveTrainer(new MultimodalEncoder(config, 4), new TrainerOptions { WarmupSteps = 1, TotalSteps = 10 }, ownsModel: true);

        TrainingStepMetrics combined = accumulating.TrainStep(batch);
        double expected = (first.TrainStep(firstHalf).Loss + second.TrainStep(secondHalf).Loss) / 2;

        Assert.Equal(expected, combined.Loss, 4);
        Assert.Equal(8, combined.Examples);
    }

    [Fact]
    public void ARouterLearningRateScale_MovesOnlyTheRoutersFurtherInAStep()
    {
        EncoderConfig config = TestConfigs.Micro with { Dropout = 0, ExpertDropout = 0 };
        var tokenizer = new ProductTokenizer(TokenizerOptions.For(config));
        (float Router, float Other) Moves(double scale)
        {
            // Warm-up of 1 step: the first step runs at the peak rate (times the scale for the routers).
            var options = new TrainerOptions { PeakLearningRate = 1e-3, WarmupSteps = 0, TotalSteps = 4, RouterLearningRateScale = scale };
            using var trainer = new ContrastiveTrainer(new MultimodalEncoder(config, seed: 7), options, ownsModel: true);
            var named = trainer.Model.named_parameters().ToList();
            var before = named.Select(p => p.parameter.detach().clone()).ToList();
            Step(trainer, tokenizer, 0);
            float router = 0, other = 0;
            for (int i = 0; i < named.Count; i++)
            {
                using var scope = torch.NewDisposeScope();
                float moved = (named[i].parameter.detach() - before[i]).abs().max().item<float>();
                if (named[i].name.EndsWith(".router", StringComparison.Ordinal))
                {
                    router = Math.Max(router, moved);
                }
                else
                {
                    other = Math.Max(other, moved);
                }
            }

            before.ForEach(t => t.Dispose());
            return (router, other);
        }

        var plain = Moves(1);
        var scaled = Moves(10);

        // Adam's first update is about lr x sign(gradient) per element: 1e-3 for everything, 1e-2 for scaled routers.
        Assert.InRange(plain.Router, 5e-4, 1.5e-3);
        Assert.InRange(scaled.Router, 5e-3, 1.5e-2);
        Assert.Equal(plain.Other, scaled.Other, 6);
    }

    [Fact]
    public void AResume_KeepsTheCheckpointsRouterLearningRateScale_EvenWhenTheNewOptionsDoNotSayIt()
    {
        EncoderConfig config = TestConfigs.Micro with { Dropout = 0, ExpertDropout = 0 };
        var tokenizer = new ProductTokenizer(TokenizerOptions.For(config));
        string checkpoint = _directory.File("routers.m6ckpt");
        var options = new TrainerOptions { PeakLearningRate = 1e-3, WarmupSteps = 0, TotalSteps = 4, RouterLearningRateScale = 10 };
        using (var trainer = new ContrastiveTrainer(new MultimodalEncoder(config, seed: 7), options, ownsModel: true))
        {
            Step(trainer, tokenizer, 0);
            trainer.SaveCheckpoint(checkpoint, DataPosition.Start(1));
        }

        ResumedTraining resumed = ContrastiveTrainer.Resume(checkpoint, options: options with { RouterLearningRateScale = 1, TotalSteps = 8 });
        using ContrastiveTrainer again = resumed.Trainer;

        Assert.Equal(10, again.Options.RouterLearningRateScale);
        Assert.Equal(8, again.Options.TotalSteps);
        Step(again, tokenizer, 1);
    }

    [Fact]
    public void ResumedTraining_MatchesAnUninterruptedRun()
    {
        EncoderConfig config = TestConfigs.Micro with { Dropout = 0.1, ExpertDropout = 0.2 };
        var options = new TrainerOptions { PeakLearningRate = 1e-3, WarmupSteps = 2, TotalSteps = 6 };
        var tokenizer = new ProductTokenizer(TokenizerOptions.For(config));
        string checkpoint = _directory.File("step3.m6ckpt");

        float[][] straight;
        using (var trainer = new ContrastiveTrainer(new MultimodalEncoder(config, seed: 7), options, ownsModel: true))
        {
            for (int step = 0; step < 6; step++)
            {
                Step(trainer, tokenizer, step);
            }

            straight = Weights(trainer.Model);
        }

        using (var trainer = new ContrastiveTrainer(new MultimodalEncoder(config, seed: 7), options, ownsModel: true))
        {
            for (int step = 0; step < 3; step++)
            {
                Step(trainer, tokenizer, step);
            }

            trainer.SaveCheckpoint(checkpoint, new DataPosition(0, 3, 42, new BatchGrouping("category,color", 8)));
        }

        ResumedTraining resumed = ContrastiveTrainer.Resume(checkpoint);
        using (ContrastiveTrainer trainer = resumed.Trainer)
        {
            Assert.Equal(new DataPosition(0, 3, 42, new BatchGrouping("category,color", 8)), resumed.Position);
            Assert.Equal(3, trainer.Step);
            for (long step = resumed.Position.NextBatch; step < 6; step++)
            {
                Step(trainer, tokenizer, (int)step);
            }

            float[][] continued = Weights(trainer.Model);
            for (int i = 0; i < straight.Length; i++)
            {
                float difference = straight[i].Zip(continued[i], (a, b) => Math.Abs(a - b)).Max();
                Assert.True(difference <= 1e-6, $"parameter {i} differs by {difference}");
            }
        }
    }

    [Fact]
    public void Resume_ReportsACorruptCheckpoint_NamingTheFile()
    {
        string checkpoint = _directory.File("bad.m6ckpt");
        using (var trainer = new ContrastiveTrainer(new MultimodalEncoder(TestConfigs.Micro), new TrainerOptions { WarmupSteps = 1, TotalSteps = 10 }, ownsModel: true))
        {
            trainer.SaveCheckpoint(checkpoint, DataPosition.Start(1));
        }

        byte[] bytes = File.ReadAllBytes(checkpoint);
        File.WriteAllBytes(checkpoint, bytes[..^100]);

        var error = Assert.Throws<ModelFileException>(() => ContrastiveTrainer.Resume(checkpoint));
        Assert.Contains(checkpoint, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BFloat16Precision_TrainsWithFiniteLoss_AndExportsAServableModel()
    {
        using var model = new MultimodalEncoder(TestConfigs.Micro, seed: 5);
        using var trainer = new ContrastiveTrainer(
            model, new TrainerOptions { Precision = PrecisionMode.BFloat16, ActivationCheckpointing = true, WarmupSteps = 1, TotalSteps = 10 });
        var tokenizer = new ProductTokenizer(TokenizerOptions.For(TestConfigs.Micro));
        using var scope = torch.NewDisposeScope();

        TrainingStepMetrics metrics = trainer.TrainStep(SyntheticPairs.Batch(tokenizer, 16, 4, seed: 9));
        ModelFileHeader header = trainer.ExportModel(_directory.File("bf16.m6model"), new TrainingProvenance { Steps = 1 });

        Assert.Equal(ScalarType.BFloat16, model.Precision.Type);
        Assert.False(metrics.Skipped);
        Assert.True(double.IsFinite(metrics.Loss));
        Assert.Equal(ScalarType.Float32, model.parameters().First().dtype);
        Assert.Equal(1, ModelFile.ReadHeader(_directory.File("bf16.m6model")).Provenance!.Steps);
        Assert.StartsWith("micro-", header.ModelVersion, StringComparison.Ordinal);
    }

    [Fact]
    public void A_trainer_initialised_from_a_model_file_starts_from_its_weights_at_step_zero_and_trains()
    {
        EncoderConfig config = TestConfigs.Micro with { Dropout = 0.1 };
        var options = new TrainerOptions { PeakLearningRate = 1e-3, WarmupSteps = 1, TotalSteps = 4 };
        var tokenizer = new ProductTokenizer(TokenizerOptions.For(config));
        string modelPath = _directory.File("start.m6model");
        float[][] exported;
        using (var first = new ContrastiveTrainer(new MultimodalEncoder(config, seed: 3), options, ownsModel: true))
        {
            Step(first, tokenizer, 0);
            Step(first, tokenizer, 1);
            first.ExportModel(modelPath, new TrainingProvenance { Steps = 2 });
            exported = Weights(first.Model);
        }

        using ContrastiveTrainer second = ContrastiveTrainer.InitializeFrom(
            modelPath, options, adjust: c => c with { Dropout = 0, LoadBalanceWeight = 0.05 });

        Assert.Equal(0, second.Step);
        Assert.Equal(0, second.Model.Config.Dropout);
        Assert.Equal(0.05, second.Model.Config.LoadBalanceWeight);
        Assert.True(second.Model.training);
        float[][] initial = Weights(second.Model);
        Assert.Equal(exported.Length, initial.Length);
        for (int i = 0; i < exported.Length; i++)
        {
            Assert.Equal(exported[i], initial[i]);
        }

        Step(second, tokenizer, 2);
        Assert.Equal(1, second.Step);
        Assert.Contains(Weights(second.Model).Zip(initial), pair => !pair.First.SequenceEqual(pair.Second));
    }

    [Fact]
    public void A_run_initialised_from_a_model_file_names_it_and_keeps_that_lineage_across_a_resume()
    {
        EncoderConfig config = TestConfigs.Micro;
        var options = new TrainerOptions { PeakLearningRate = 1e-3, WarmupSteps = 1, TotalSteps = 4 };
        var tokenizer = new ProductTokenizer(TokenizerOptions.For(config));
        string modelPath = _directory.File("parent.m6model");
        string version;
        using (var first = new ContrastiveTrainer(new MultimodalEncoder(config, seed: 3), options, ownsModel: true))
        {
            Step(first, tokenizer, 0);
            version = first.ExportModel(modelPath, new TrainingProvenance { Steps = 7, Notes = "batches grouped by color" }).ModelVersion;
            Assert.Null(first.Lineage);
        }

        string checkpoint = _directory.File("child.ckpt");
        using (ContrastiveTrainer child = ContrastiveTrainer.InitializeFrom(modelPath, options))
        {
            Assert.Equal($"initialised from parent.m6model ({version}, 7 steps; that model: batches grouped by color)", child.Lineage);
            Step(child, tokenizer, 1);
            child.SaveCheckpoint(checkpoint, DataPosition.Start(1));
        }

        ResumedTraining resumed = ContrastiveTrainer.Resume(checkpoint);
        using (resumed.Trainer)
        {
            Assert.Equal($"initialised from parent.m6model ({version}, 7 steps; that model: batches grouped by color)", resumed.Trainer.Lineage);
        }
    }

    [Fact]
    public void Initialising_from_a_model_refuses_a_config_change_that_reshapes_a_weight()
    {
        string modelPath = _directory.File("shape.m6model");
        var options = new TrainerOptions { WarmupSteps = 1, TotalSteps = 4 };
        using (var trainer = new ContrastiveTrainer(new MultimodalEncoder(TestConfigs.Micro), options, ownsModel: true))
        {
            trainer.ExportModel(modelPath);
        }

        var error = Assert.Throws<ArgumentException>(() =>
            ContrastiveTrainer.InitializeFrom(modelPath, options, adjust: c => c with { FeedForwardDim = c.FeedForwardDim * 2 }));

        Assert.Contains(modelPath, error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();

    private static void Step(ContrastiveTrainer trainer, ProductTokenizer tokenizer, int step)
    {
        using var scope = torch.NewDisposeScope();
        TrainingStepMetrics metrics = trainer.TrainStep(SyntheticPairs.Batch(tokenizer, 16, 6, seed: 100 + step));
        Assert.False(metrics.Skipped);
    }

    private static float[][] Weights(MultimodalEncoder model) =>
        model.parameters().Select(p => p.detach().cpu().data<float>().ToArray()).ToArray();

    private static TrainingBatch Slice(TrainingBatch batch, long start, long length) => new(
        batch.Images!.narrow(0, start, length),
        batch.TokenIds.narrow(0, start, length),
        batch.TokenMask.narrow(0, start, length));
}
