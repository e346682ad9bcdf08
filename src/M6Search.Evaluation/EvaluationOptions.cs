namespace M6Search.Evaluation;

/// <summary>
/// Cut-offs of one evaluation (README, "Evaluation"). How the search modes rank (candidates per channel, fusion k and
/// weights) is the search service's own configuration, <c>ProductSearchOptions</c>, as in the app.
/// </summary>
public sealed record EvaluationOptions
{
    /// <summary>Cut-off of nDCG and precision (<c>--k</c>).</summary>
    public int K { get; init; } = 10;

    /// <summary>Cut-off of recall and hidden-trait recall; 100 by the evaluation spec.</summary>
    public int RecallDepth { get; init; } = 100;

    /// <summary>How deep every ranking is read: the larger of <see cref="K"/> and <see cref="RecallDepth"/>.</summary>
    public int RetrievalDepth => Math.Max(K, RecallDepth);

    /// <summary>Throws when a setting is out of range, naming it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A cut-off is below 1.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(K, 1, nameof(K));
        ArgumentOutOfRangeException.ThrowIfLessThan(RecallDepth, 1, nameof(RecallDepth));
    }
}
