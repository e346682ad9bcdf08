using M6Search.Evaluation.Corpus;

namespace M6Search.Evaluation.Ranking;

/// <summary>
/// The rankers of the standard modes over one corpus: title = <see cref="Bm25TitleRanker"/>, image and text =
/// <see cref="DenseRanker"/> over image and title embeddings, hybrid = <see cref="FusionRanker"/> of those three.
/// Disposing it releases the BM25 index.
/// </summary>
public sealed class StandardRankers : IDisposable
{
    private readonly Bm25TitleRanker? _title;

    /// <exception cref="InvalidOperationException">A mode needs embeddings the corpus does not have.</exception>
    public StandardRankers(EvaluationCorpus corpus, IReadOnlyCollection<RetrievalMode> modes, EvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(modes);
        ArgumentNullException.ThrowIfNull(options);
        bool hybrid = modes.Contains(RetrievalMode.Hybrid);
        DenseRanker? image = hybrid || modes.Contains(RetrievalMode.Image) ? DenseRanker.OverImages(corpus) : null;
        DenseRanker? text = hybrid || modes.Contains(RetrievalMode.Text) ? DenseRanker.OverTitles(corpus) : null;
        _title = hybrid || modes.Contains(RetrievalMode.Title) ? new Bm25TitleRanker(corpus.Products) : null;

        var rankers = new Dictionary<RetrievalMode, IQueryRanker>();
        foreach (RetrievalMode mode in RetrievalModes.All.Where(modes.Contains))
        {
            rankers[mode] = mode switch
            {
                RetrievalMode.Title => _title!,
                RetrievalMode.Image => image!,
                RetrievalMode.Text => text!,
                _ => new FusionRanker([image!, text!, _title!], options.RrfK, options.FusionDepth, options.FusionWeights.InFusionOrder),
            };
        }

        Rankers = rankers;
    }

    public IReadOnlyDictionary<RetrievalMode, IQueryRanker> Rankers { get; }

    public void Dispose() => _title?.Dispose();
}
