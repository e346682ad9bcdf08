namespace M6Search.Synth.Generation;

/// <summary>The steps of generating a synthetic catalog, in order.</summary>
public enum SynthStage
{
    Planning,
    Rendering,
    Writing,
    Done,
}
