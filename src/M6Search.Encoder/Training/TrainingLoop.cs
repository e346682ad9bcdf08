using M6Search.Encoder.Tokenization;
using M6Search.Encoder.Training.Data;
using TorchSharp;

namespace M6Search.Encoder.Training;

/// <summary>
/// Drives a <see cref="ContrastiveTrainer"/> over a <see cref="PairBatchSampler"/> until the planned step, writing a
/// checkpoint every <see cref="TrainingLoopOptions.CheckpointEvery"/> steps, at the end, when its time limit is spent,
/// and when cancelled.
/// Synchronous on purpose: each step computes inside one dispose scope.
/// </summary>
public static class TrainingLoop
{
    /// <summary>Runs from <paramref name="start"/>; returns the data position after the last step.</summary>
    public static DataPosition Run(
        ContrastiveTrainer trainer,
        PairBatchSampler sampler,
        PairDataset dataset,
        ProductTokenizer tokenizer,
        DataPosition start,
        TrainingLoopOptions options,
        Action<TrainingStepMetrics, DataPosition>? onStep = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trainer);
        ArgumentNullException.ThrowIfNull(sampler);
        ArgumentNullException.ThrowIfNull(options);
        DataPosition position = start;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (trainer.Step < options.TotalSteps)
        {
            if (options.TimeLimit is { } limit && clock.Elapsed >= limit)
            {
                break;
            }

            if (cancellationToken.IsCancellationRequested)
            {
                trainer.SaveCheckpoint(options.CheckpointPath, position);
                cancellationToken.ThrowIfCancellationRequested();
            }

            TrainingStepMetrics metrics;
            using (torch.NewDisposeScope())
            {
                var batch = TrainingBatchBuilder.Build(dataset, sampler.Batch(position), tokenizer);
                metrics = trainer.TrainStep(batch);
            }

            position = sampler.Next(position);
            onStep?.Invoke(metrics, position);
            if (options.CheckpointEvery > 0 && trainer.Step % options.CheckpointEvery == 0)
            {
                trainer.SaveCheckpoint(options.CheckpointPath, position);
            }
        }

        trainer.SaveCheckpoint(options.CheckpointPath, position);
        return position;
    }
}
