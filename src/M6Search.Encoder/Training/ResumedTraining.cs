namespace M6Search.Encoder.Training;

/// <summary>A trainer restored from a checkpoint, and where its data pipeline should continue.</summary>
public sealed record ResumedTraining(ContrastiveTrainer Trainer, DataPosition Position);
