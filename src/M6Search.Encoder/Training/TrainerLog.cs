using Microsoft.Extensions.Logging;

namespace M6Search.Encoder.Training;

/// <summary>Log messages of the trainer (event ids 3100-3199).</summary>
internal static partial class TrainerLog
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Warning, Message = "Training step {Step} skipped: {Reason}")]
    public static partial void StepSkipped(ILogger logger, long step, string reason);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Checkpoint written to {Path} at step {Step}")]
    public static partial void CheckpointSaved(ILogger logger, string path, long step);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "Resumed training from {Path} at step {Step}")]
    public static partial void Resumed(ILogger logger, string path, long step);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Information,
        Message = "Trainer ready: encoder {Config}, {Parameters} parameters, device {Device}, matmuls in {Precision}, activation checkpointing {Checkpointing}")]
    public static partial void Ready(ILogger logger, string config, long parameters, string device, string precision, bool checkpointing);
}
