using M6Search.Catalog.Queries;
using M6Search.Evaluation.Corpus;
using M6Search.Evaluation.Metrics;
using M6Search.Evaluation.Ranking;
using M6Search.Evaluation.Reports;
using M6Search.Search.Searching;

namespace M6Search.Evaluation;

/// <summary>
/// Runs every labeled query through every mode's ranker (the search service, or the title baseline) and measures the
/// rankings against the judgments (README, "Evaluation").
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

    /// <summary>
    /// Ranks every query with every mode's ranker and measures the rankings; the report's search settings, model
    /// version and skipped products are the caller's to add (they describe how the rankers were built).
    /// </summary>
    /// <exception cref="EvaluationDataException">A query judges a product the catalog lacks, or the search rejects a query.</exception>
    /// <exception cref="InvalidOperationException">A ranker returned the same product twice, or more than asked.</exception>
    public async Task<EvaluationReport> EvaluateAsync(
        EvaluationCorpus corpus,
        IReadOnlyList<LabeledQuery> queries,
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
            hiddenByQuery[i] = HiddenTraits.Products(queries[i], id => corpus.Find(id)?.Title);
        }

        var perQuery = new List<QueryMetrics>(queries.Count * rankers.Count);
        foreach (RetrievalMode mode in RetrievalModes.All.Where(rankers.ContainsKey))
        {
            for (int i = 0; i < queries.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                IReadOnlyList<string> ranking = await RankAsync(rankers[mode], mode, queries[i], cancellationToken).ConfigureAwait(false);
                CheckRanking(ranking, mode, queries[i]);
                perQuery.Add(Measure(mode, queries[i], ranking, hiddenByQuery[i]));
            }
        }

        IReadOnlyList<MetricsRow> rows = MetricsAggregator.Rows(perQuery);
        return new EvaluationReport
        {
            K = _options.K,
            RecallDepth = _options.RecallDepth,
            Products = corpus.Products.Count,
            Queries = queries.Count,
            Rows = rows,
            Comparisons = MetricsAggregator.Comparisons(rows),
            PerQuery = perQuery,
        };
    }

    private async Task<IReadOnlyList<string>> RankAsync(
        IQueryRanker ranker, RetrievalMode mode, LabeledQuery query, CancellationToken cancellationToken)
    {
        try
        {
            return await ranker.RankAsync(new RankingQuery(query.Text, query.Lang), _options.RetrievalDepth, cancellationToken).ConfigureAwait(false);
        }
        catch (SearchValidationException exception)
        {
            throw new EvaluationDataException($"Query '{query.Id}' cannot be searched in the {RetrievalModes.Name(mode)} mode: {exception.Message}");
        }
    }

    private QueryMetrics Measure(RetrievalMode mode, LabeledQuery query, IReadOnlyList<string> ranking, IReadOnlySet<string> hidden)
    {
        IReadOnlyDictionary<string, int> judgments = query.Relevance;
        return new QueryMetrics
        {
            QueryId = query.Id,
            Lang = query.Lang.ToLowerInvariant(),
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

    private static void CheckJudgedProductsExist(LabeledQuery query, EvaluationCorpus corpus)
    {
        foreach (string productId in query.Relevance.Keys)
        {
            if (corpus.Find(productId) is null)
            {
                throw new EvaluationDataException(
                    $"Query '{query.Id}' judges product '{productId}', which is not in the catalog.");
            }
        }
    }

    private void CheckRanking(IReadOnlyList<string> ranking, RetrievalMode mode, LabeledQuery query)
    {
        if (ranking.Count > _options.RetrievalDepth)
        {
            throw new InvalidOperationException(
                $"The {RetrievalModes.Name(mode)} ranker returned {ranking.Count} products for query '{query.Id}'; " +
                $"{_options.RetrievalDepth} were asked for.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string id in ranking)
        {
            if (!seen.Add(id))
            {
                throw new InvalidOperationException(
                    $"The {RetrievalModes.Name(mode)} ranker returned product '{id}' twice for query '{query.Id}'.");
            }
        }
    }
}
