namespace M6Search.Encoder.Training.Runs;

/// <summary>
/// The files of a training run, all next to the model: <c>MODEL</c>, <c>MODEL.ckpt</c> (checkpoint),
/// <c>MODEL.metrics.csv</c> with the extension replaced (per-step metrics) and <c>MODEL.loss.svg</c> likewise (loss curve).
/// </summary>
/// <param name="Model">The model file written at the end.</param>
/// <param name="Checkpoint">The checkpoint a resume continues from.</param>
/// <param name="Metrics">One CSV row per step.</param>
/// <param name="LossCurve">The loss and accuracy curves as SVG.</param>
public sealed record TrainingRunFiles(string Model, string Checkpoint, string Metrics, string LossCurve)
{
    /// <summary>The files of a run that writes <paramref name="modelPath"/> (made absolute).</summary>
    public static TrainingRunFiles For(string modelPath)
    {
        string model = Path.GetFullPath(modelPath);
        return new TrainingRunFiles(model, model + ".ckpt", Path.ChangeExtension(model, ".metrics.csv"), Path.ChangeExtension(model, ".loss.svg"));
    }
}
