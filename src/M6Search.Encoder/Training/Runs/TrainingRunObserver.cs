namespace M6Search.Encoder.Training.Runs;

/// <summary>
/// Watches a <see cref="TrainingRun"/>: its notes for the operator and its steps. The default ignores everything; a
/// host overrides what it shows (the <c>m6</c> CLI writes notes to stderr and draws a progress bar around the steps).
/// </summary>
public class TrainingRunObserver
{
    /// <summary>A line for the operator (resumed, data loaded, rejected products, the time limit reached ...).</summary>
    public virtual void Note(string message)
    {
    }

    /// <summary>
    /// Runs the training steps: call <paramref name="steps"/> exactly once, on this thread (each step computes inside one
    /// dispose scope). Override to put a live display around them.
    /// </summary>
    /// <param name="firstStep">The step the run starts at (above 0 after a resume).</param>
    /// <param name="totalSteps">The step the run trains to.</param>
    /// <param name="steps">The training loop.</param>
    public virtual void RunSteps(long firstStep, long totalSteps, Action steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        steps();
    }

    /// <summary>
    /// Runs a long preparation with a known amount of work (the feature-caching pass: <paramref name="total"/> images):
    /// call <paramref name="work"/> exactly once with a progress sink that receives the amount done. Override to show it.
    /// </summary>
    public virtual Task RunWithProgressAsync(string description, long total, Func<IProgress<int>, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return work(new Progress<int>());
    }

    /// <summary>A step finished (after its metrics row was written).</summary>
    public virtual void StepCompleted(TrainingStepMetrics metrics, long totalSteps)
    {
    }
}
