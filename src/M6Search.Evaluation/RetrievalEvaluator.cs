using M6Search.Evaluation.Corpus;
using M6Search.Evaluation.Metrics;
using M6Search.Evaluation.Ranking;
using M6Search.Evaluation.Reports;

namespace M6Search.Evaluation;

/// <summary>
/// Runs every labeled query through every mode's ranker and measures the rankings against the judgments
/// (README, "Evaluation").
/// </summary>
public sealed class RetrievalEvaluator
{
    private readonly EvaluationOptions _options;

    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public RetrievalEvaluator(EvaluationOptions? options = null)
    {
        _options = options ?? new EvaluationOptions();
        _options.Validate();
    }

    /// <summary>Evaluates the standard rankers of <paramref name="modes"/> over the corpus.</summary>
    /// <exception cref="InvalidOperationException">A mode needs embeddings the corpus or the queries lack.</exception>
    /// <exception cref="EvaluationDataException">A query judges a product the catalog lacks.</exception>
    public EvaluationReport Evaluate(
        EvaluationCorpus corpus,
        IReadOnlyList<EvaluationQuery> queries,
        IReadOnlyCollection<RetrievalMode> modes,
        CancellationToken cancellationToken = default)
    {
        using var rankers = new StandardRankers(corpus, modes, _options);
        return Evaluate(corpus, queries, rankers.Rankers, cancellationToken);
    }

    /// <summary>Evaluates the given rankers, one per mode.</summary>
    /// <exception cref="EvaluationDataException">A query judges a product the catalog lacks.</exception>
    /// <exception cref="InvalidOperationException">A ranker returned the same product twice.</exception>
    public EvaluationReport Evaluate(
        EvaluationCorpus corpus,
        IReadOnlyList<EvaluationQuery> queries,
        IReadOnlyDictionary<RetrievalMode, IQueryRanker> rankers,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(rankers);

        // Judgments and hidden-trait products depend on the query only: computed once, shared by every mode.
        var hiddenByQuery = new IReadOnlySet<string>[queries.Count];
        for (int i = 0; i < queries.Count; i++)
        {
            CheckJudgedProductsExist(queries[i], corpus);
            hiddenByQuery[i] = HiddenTraits.Products(queries[i].Query, id => corpus.Find(id)?.Title);
        }

        var perQuery = new List<QueryMetrics>(queries.Count * rankers.Count);
        foreach (RetrievalMode mode in RetrievalModes.All.Where(rankers.ContainsKey))
        {
            for (int i = 0; i < queries.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                IReadOnlyList<string> ranking = rankers[mode].Rank(queries[i], _options.RetrievalDepth);
                CheckRanking(ranking, mode, queries[i]);
                perQuery.Add(Measure(mode, queries[i], ranking, hiddenByQuery[i]));
            }
        }

        IReadOnlyList<MetricsRow> rows = MetricsAggregator.Rows(perQuery);
        return new EvaluationReport
        {
            K = _options.K,
            RecallDepth = _options.RecallDepth,
            RrfK = _options.RrfK,
            FusionDepth = _options.FusionDepth,
            FusionWeights = _options.FusionWeights,
            ModelVersion = corpus.ModelVersion,
            Products = corpus.Products.Count,
            Queries = queries.Count,
            Rows = rows,
            Comparisons = MetricsAggregator.Comparisons(rows),
            PerQuery = perQuery,
        };
    }

    private QueryMetrics Measure(RetrievalMode mode, EvaluationQuery query, IReadOnlyList<string> ranking, IReadOnlySet<string> hidden)
    {
        IReadOnlyDictionary<string, int> judgments = query.Query.Relevance;
        return new QueryMetrics
        {
            QueryId = query.Query.Id,
            Lang = query.Query.Lang.ToLowerInvariant(),
            Mode = mode,
            RelevantProducts = judgments.Values.Count(g => g >= RankingMetrics.RelevantGrade),
            Ndcg = RankingMetrics.Ndcg(ranking, judgments, _options.K),
            Precision = RankingMetrics.PrecisionAt(ranking, judgments, _options.K),
            Recall = RankingMetrics.RecallAt(ranking, judgments, _options.RecallDepth),
            ReciprocalRank = RankingMetrics.ReciprocalRank(ranking, judgments),
            HiddenTraitProducts = hidden.Count,
            HiddenTraitFound = RankingMetrics.CountFound(ranking, hidden, _options.RecallDepth),
        };
    }

    private static void CheckJudgedProductsExist(EvaluationQuery query, EvaluationCorpus corpus)
    {
        foreach (string productId in query.Query.Relevance.Keys)
        {
            if (corpus.Find(productId) is null)
            {
                throw new EvaluationDataException(
                    $"Query '{query.Query.Id}' judges product '{productId}', which is not in the catalog.");
            }
        }
    }

    private void CheckRanking(IReadOnlyList<string> ranking, RetrievalMode mode, EvaluationQuery query)
    {
        if (ranking.Count > _options.RetrievalDepth)
        {
            throw new InvalidOperationException(
                $"The {RetrievalModes.Name(mode)} ranker returned {ranking.Count} products for query '{query.Query.Id}'; " +
                $"{_options.RetrievalDepth} were asked for.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string id in ranking)
        {
            if (!seen.Add(id))
            {
                throw new InvalidOperationException(
                    $"The {RetrievalModes.Name(mode)} ranker returned product '{id}' twice for query '{query.Query.Id}'.");
            }
        }
    }
}
