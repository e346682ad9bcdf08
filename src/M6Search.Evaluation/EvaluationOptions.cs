namespace M6Search.Evaluation;

/// <summary>Cut-offs and fusion settings of one evaluation (README, "Evaluation").</summary>
public sealed record EvaluationOptions
{
    /// <summary>Cut-off of nDCG and precision (<c>--k</c>).</summary>
    public int K { get; init; } = 10;

    /// <summary>Cut-off of recall and hidden-trait recall; 100 by the evaluation spec.</summary>
    public int RecallDepth { get; init; } = 100;

    /// <summary>
    /// The constant k of reciprocal-rank fusion: a product at rank r in one list adds 1 / (RrfK + r). The default is
    /// the app's (<see cref="Ranking.ReciprocalRankFusion.DefaultK"/>), so the hybrid figures describe the search
    /// shoppers get.
    /// </summary>
    public int RrfK { get; init; } = Ranking.ReciprocalRankFusion.DefaultK;

    /// <summary>How many products each ranking hands to the fusion; deeper lists let agreement further down count.</summary>
    public int FusionDepth { get; init; } = 1000;

    /// <summary>How much the image, text and title rankings count in the hybrid fusion.</summary>
    public FusionWeights FusionWeights { get; init; } = FusionWeights.Equal;

    /// <summary>How deep every ranking is read: the larger of <see cref="K"/> and <see cref="RecallDepth"/>.</summary>
    public int RetrievalDepth => Math.Max(K, RecallDepth);

    /// <summary>Throws when a setting is out of range, naming it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A cut-off or constant is below its minimum.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(K, 1, nameof(K));
        ArgumentOutOfRangeException.ThrowIfLessThan(RecallDepth, 1, nameof(RecallDepth));
        ArgumentOutOfRangeException.ThrowIfLessThan(RrfK, 0, nameof(RrfK));
        ArgumentOutOfRangeException.ThrowIfLessThan(FusionDepth, 1, nameof(FusionDepth));
        ArgumentNullException.ThrowIfNull(FusionWeights, nameof(FusionWeights));
    }
}
