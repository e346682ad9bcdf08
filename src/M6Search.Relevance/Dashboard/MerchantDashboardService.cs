using M6Search.Catalog.Products;
using M6Search.Evaluation.Ranking;
using M6Search.Relevance.Export;
using M6Search.Relevance.Judgments;
using M6Search.Relevance.Metrics;
using M6Search.Relevance.Probing;
using M6Search.Relevance.Ranking;
using M6Search.Search.Searching;

namespace M6Search.Relevance.Dashboard;

/// <summary>
/// Builds a merchant's relevance dashboard: ranks the catalog for each analysed query (as shoppers see it), finds the
/// merchant's products in the rankings, computes its metrics from the labeled set and from its own judgments, probes
/// its product photos for traits their titles omit, and records judgments. Every method takes the merchant id of the
/// signed-in user and touches only that merchant's products and judgments. A query that fails to rank is skipped and
/// reported in <see cref="MerchantDashboardReport.Skipped"/>, never allowed to stop the build; queries are stored
/// (judgments) only when the search accepts their normalised text.
/// </summary>
public sealed class MerchantDashboardService
{
    private readonly IMerchantCatalog _catalog;
    private readonly IQueryRanker _ranker;
    private readonly IJudgmentStore _judgments;
    private readonly IDashboardQueries _queries;
    private readonly TraitProber _prober;
    private readonly DashboardOptions _options;
    private readonly SearchRequestValidator _validator;

    /// <param name="validator">The search's own query rules (default: the default <see cref="ProductSearchOptions"/>).</param>
    public MerchantDashboardService(
        IMerchantCatalog catalog,
        IQueryRanker ranker,
        IJudgmentStore judgments,
        IDashboardQueries queries,
        TraitProber prober,
        DashboardOptions options,
        SearchRequestValidator? validator = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(ranker);
        ArgumentNullException.ThrowIfNull(judgments);
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(prober);
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyList<string> errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(options));
        }

        _catalog = catalog;
        _ranker = ranker;
        _judgments = judgments;
        _queries = queries;
        _prober = prober;
        _options = options;
        _validator = validator ?? new SearchRequestValidator(new ProductSearchOptions());
    }

    /// <summary>The merchant's dashboard; <paramref name="progress"/> gets (queries ranked, queries in all).</summary>
    public async Task<MerchantDashboardReport> BuildAsync(
        string merchantId,
        IProgress<(int Done, int Total)>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(merchantId);
        IReadOnlyList<Product> products = await _catalog.ProductsOfAsync(merchantId, cancellationToken).ConfigureAwait(false);
        var byId = products.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var ids = byId.Keys.ToHashSet(StringComparer.Ordinal);

        IReadOnlyList<Judgment> judgments = await _judgments.ListAsync(merchantId, cancellationToken).ConfigureAwait(false);
        var skipped = new List<SkippedQuery>();
        List<DashboardQuery> queries = await QueriesAsync(judgments, skipped, cancellationToken).ConfigureAwait(false);

        var rankings = new List<QueryRanking>(queries.Count);
        int total = queries.Count + skipped.Count;
        foreach (DashboardQuery query in queries)
        {
            if (_validator.CheckText(QueryText.Normalize(query.Text)) is { } refused)
            {
                skipped.Add(new SkippedQuery(query, refused));
            }
            else
            {
                try
                {
                    rankings.Add(await RankAsync(query, byId, cancellationToken).ConfigureAwait(false));
                }
                catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is not OutOfMemoryException)
                {
                    // One query the search cannot answer must not take every merchant's dashboard down with it.
                    skipped.Add(new SkippedQuery(query, ReasonOf(exception)));
                }
            }

            progress?.Report((rankings.Count + skipped.Count, total));
        }

        string? TitleOf(string id) => byId.TryGetValue(id, out Product? p) ? p.Title : null;
        var labelMetrics = rankings
            .Where(r => r.Query.Labels is not null)
            .Select(r => MerchantMetrics.ForQuery(r, MerchantMetrics.LabeledGrades(r.Query, ids), TitleOf))
            .ToList();
        var judgmentMetrics = JudgmentMetrics(rankings, judgments, ids, TitleOf);

        return new MerchantDashboardReport
        {
            MerchantId = merchantId,
            Depth = _options.Depth,
            Products = products.Select(p => new ProductReach(p, rankings
                    .SelectMany(r => r.Hits.Where(h => h.ProductId == p.Id).Select(h => (r.Query, h.Rank)))
                    .OrderBy(x => x.Rank)
                    .ToList()))
                .OrderBy(p => p.BestRank ?? int.MaxValue)
                .ThenBy(p => p.Product.Id, StringComparer.Ordinal)
                .ToList(),
            Rankings = rankings,
            LabelMetrics = labelMetrics,
            LabelSummary = MetricsSummary.Of(labelMetrics),
            JudgmentMetrics = judgmentMetrics,
            JudgmentSummary = MetricsSummary.Of(judgmentMetrics),
            Judgments = judgments,
            Skipped = skipped,
        };
    }

    /// <summary>
    /// The full ranking of any query with the merchant's products marked: what the judgments workflow shows. Other
    /// merchants' products appear only as ids in <see cref="QueryRanking.Ranking"/>, never with their details.
    /// </summary>
    public async Task<QueryRanking> RankQueryAsync(string merchantId, string query, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(merchantId);
        string text = CheckedQuery(query);
        IReadOnlyList<Product> products = await _catalog.ProductsOfAsync(merchantId, cancellationToken).ConfigureAwait(false);
        var dashboardQuery = new DashboardQuery
        {
            Text = text,
            Source = QuerySource.Log,
            TraitWords = _queries.TraitWordsOf(query),
        };
        return await RankAsync(dashboardQuery, products.ToDictionary(p => p.Id, StringComparer.Ordinal), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records the merchant's verdict (null clears it); false when the product is not the merchant's.</summary>
    /// <exception cref="SearchValidationException">
    /// The search would refuse the query, or it would be a new judged query past <see cref="DashboardOptions.MaxJudgedQueries"/>
    /// (field <c>query</c>).
    /// </exception>
    public async Task<bool> JudgeAsync(string merchantId, string query, string productId, bool? relevant, CancellationToken cancellationToken = default)
    {
        string text = CheckedQuery(query);
        if (await OwnProductAsync(merchantId, productId, cancellationToken).ConfigureAwait(false) is null)
        {
            return false;
        }

        if (relevant is { } verdict)
        {
            await CheckJudgedQueryCapAsync(merchantId, text, cancellationToken).ConfigureAwait(false);
            await _judgments.SetAsync(merchantId, query, productId, verdict, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await _judgments.RemoveAsync(merchantId, query, productId, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>The zero-shot trait probe of one of the merchant's products; null when it is not the merchant's or has no image vector.</summary>
    public async Task<TraitProbe?> ProbeAsync(string merchantId, string productId, CancellationToken cancellationToken = default)
    {
        Product? product = await OwnProductAsync(merchantId, productId, cancellationToken).ConfigureAwait(false);
        if (product is null)
        {
            return null;
        }

        float[]? vector = await _catalog.ImageVectorAsync(productId, cancellationToken).ConfigureAwait(false);
        return vector is null ? null : await _prober.ProbeAsync(product, vector, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The merchant's judgments (without building the report).</summary>
    public Task<IReadOnlyList<Judgment>> JudgmentsAsync(string merchantId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(merchantId);
        return _judgments.ListAsync(merchantId, cancellationToken);
    }

    /// <summary>The rankings export: one row per (query, merchant product in its ranking).</summary>
    public static IReadOnlyList<RankingCsvRow> RankingRows(MerchantDashboardReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Rankings
            .SelectMany(r => r.Hits.Select(h => new RankingCsvRow(r.Query.Text, r.Query.Source.ToString(), h.ProductId, h.Title, h.Rank)))
            .ToList();
    }

    /// <summary>The judgments export of the merchant.</summary>
    public async Task<IReadOnlyList<JudgmentCsvRow>> JudgmentRowsAsync(string merchantId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(merchantId);
        IReadOnlyList<Product> products = await _catalog.ProductsOfAsync(merchantId, cancellationToken).ConfigureAwait(false);
        var titles = products.ToDictionary(p => p.Id, p => p.Title, StringComparer.Ordinal);
        IReadOnlyList<Judgment> judgments = await _judgments.ListAsync(merchantId, cancellationToken).ConfigureAwait(false);
        return judgments
            .Select(j => new JudgmentCsvRow(
                j.Query,
                j.ProductId,
                titles.GetValueOrDefault(j.ProductId) ?? "",
                j.Relevant ? "relevant" : "not relevant",
                j.UpdatedUtc.ToString("O", System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
    }

    /// <summary>
    /// The queries a build analyses: the labeled ones, the most searched logged ones, and the merchant's judged queries
    /// that neither holds, the most recently judged first; those past <see cref="DashboardOptions.MaxJudgedQueries"/>
    /// (judged before the cap, or under a higher one) go to <paramref name="skipped"/>.
    /// </summary>
    private async Task<List<DashboardQuery>> QueriesAsync(IReadOnlyList<Judgment> judgments, List<SkippedQuery> skipped, CancellationToken cancellationToken)
    {
        var queries = new List<DashboardQuery>();
        queries.AddRange(await _queries.LabeledAsync(_options.MaxLabeledQueries, cancellationToken).ConfigureAwait(false));
        queries.AddRange(await _queries.LoggedAsync(_options.MaxLoggedQueries, cancellationToken).ConfigureAwait(false));
        var analysed = queries.Select(q => QueryText.Normalize(q.Text)).ToHashSet(StringComparer.Ordinal);
        IEnumerable<string> judgedOnly = judgments
            .Where(j => !analysed.Contains(j.Query))
            .GroupBy(j => j.Query, StringComparer.Ordinal)
            .OrderByDescending(g => g.Max(j => j.UpdatedUtc))
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key);
        int judgedQueries = 0;
        foreach (string text in judgedOnly)
        {
            var query = new DashboardQuery
            {
                Text = text,
                Source = QuerySource.Log,
                TraitWords = _queries.TraitWordsOf(text),
            };
            if (++judgedQueries <= _options.MaxJudgedQueries)
            {
                queries.Add(query);
            }
            else
            {
                skipped.Add(new SkippedQuery(
                    query, $"more judged queries than {DashboardOptions.SectionName}:{nameof(DashboardOptions.MaxJudgedQueries)} ({_options.MaxJudgedQueries})."));
            }
        }

        return queries;
    }

    /// <summary>Throws when <paramref name="text"/> would be a new judged query of a merchant already at the cap.</summary>
    private async Task CheckJudgedQueryCapAsync(string merchantId, string text, CancellationToken cancellationToken)
    {
        IReadOnlyList<Judgment> judgments = await _judgments.ListAsync(merchantId, cancellationToken).ConfigureAwait(false);
        var judged = judgments.Select(j => j.Query).ToHashSet(StringComparer.Ordinal);
        if (!judged.Contains(text) && judged.Count >= _options.MaxJudgedQueries)
        {
            throw new SearchValidationException(
                "query",
                $"You have judged {judged.Count} queries, the most allowed; clear the judgments of a query you no longer need first.");
        }
    }

    /// <summary>The normalised query, as stored and ranked; throws when the search would refuse it.</summary>
    private string CheckedQuery(string? query)
    {
        string text = QueryText.Normalize(query ?? string.Empty);
        return _validator.CheckText(text) is { } problem ? throw new SearchValidationException("query", problem) : text;
    }

    private static string ReasonOf(Exception exception) => exception is SearchValidationException refused
        ? string.Join(" ", refused.Errors.SelectMany(e => e.Value))
        : "the search failed on this query (" + exception.GetType().Name + ").";

    private async Task<QueryRanking> RankAsync(DashboardQuery query, IReadOnlyDictionary<string, Product> merchantProducts, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> ranking = await _ranker.RankAsync(new RankingQuery(query.Text, query.Labels?.Lang), _options.Depth, cancellationToken)
            .ConfigureAwait(false);
        var hits = new List<MerchantHit>();
        for (int i = 0; i < ranking.Count; i++)
        {
            if (merchantProducts.TryGetValue(ranking[i], out Product? product))
            {
                hits.Add(new MerchantHit(product.Id, product.Title, i + 1));
            }
        }

        return new QueryRanking { Query = query, Ranking = ranking, Hits = hits };
    }

    private static List<MerchantQueryMetrics> JudgmentMetrics(
        IReadOnlyList<QueryRanking> rankings,
        IReadOnlyList<Judgment> judgments,
        IReadOnlySet<string> ownProducts,
        Func<string, string?> titleOf)
    {
        var metrics = new List<MerchantQueryMetrics>();
        foreach (var group in judgments.Where(j => ownProducts.Contains(j.ProductId)).GroupBy(j => j.Query, StringComparer.Ordinal))
        {
            QueryRanking? ranking = rankings.FirstOrDefault(r => QueryText.Normalize(r.Query.Text) == group.Key);
            if (ranking is null)
            {
                continue;
            }

            var grades = group.ToDictionary(j => j.ProductId, j => j.Relevant ? 1 : 0, StringComparer.Ordinal);
            metrics.Add(MerchantMetrics.ForQuery(ranking, grades, titleOf));
        }

        return metrics;
    }

    private async Task<Product?> OwnProductAsync(string merchantId, string productId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(merchantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(productId);
        IReadOnlyList<Product> products = await _catalog.ProductsOfAsync(merchantId, cancellationToken).ConfigureAwait(false);
        return products.FirstOrDefault(p => p.Id == productId);
    }
}
