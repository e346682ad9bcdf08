namespace M6Search.Synth.Generation;

/// <summary>A progress report: the stage and how many of its items are done.</summary>
public readonly record struct SynthProgress(SynthStage Stage, int Done, int Total);
