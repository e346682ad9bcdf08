using System.Diagnostics;
using System.Numerics.Tensors;
using M6Search.Catalog.Products;
using M6Search.Search.Encoding;
using M6Search.Stores.Lexical;
using M6Search.Search.Results;
using M6Search.Search.Telemetry;
using M6Search.Search.Text;
using M6Search.Stores.Abstractions;
using M6Search.Stores.Fusion;

namespace M6Search.Search.Searching;

/// <summary>
/// <see cref="IProductSearchService"/> over an <see cref="IProductVectorStore"/> and the encoder. A text query is
/// embedded once; that one vector searches both the image vectors (which find products whose titles omit what the
/// shopper typed) and the title vectors, and the query's words search the lexical vectors; the store fuses the three
/// rankings with <see cref="ReciprocalRankFusion"/> (Qdrant's <c>rrf</c>, k and per-channel weights from
/// <see cref="ProductSearchOptions"/>). The query's lexical vector comes from the same <see cref="LexicalVectorizer"/>
/// the indexer writes titles with, so its terms hash exactly as the stored title vectors do. Match details, computed
/// only when the caller asks (<see cref="SearchQuery.IncludeMatchDetails"/>), repeat each channel's search alone (same
/// filter, same candidate depth as the fusion) and score its ranks with the same fusion, so a result's channel
/// contributions add up to its fused score. This is the one code path that ranks products for a
/// query: the search page, the HTTP API, the merchant dashboard, <c>m6 search</c> and <c>m6 eval</c> all ask it.
/// </summary>
public sealed class ProductSearchService : IProductSearchService
{
    private readonly IProductVectorStore _store;
    private readonly QueryEmbedder _embedder;
    private readonly LexicalVectorizer _lexical;
    private readonly SearchText _text;
    private readonly TitleCoverageAnalyzer _coverage;
    private readonly ProductSearchOptions _options;
    private readonly SearchRequestValidator _validator;

    public ProductSearchService(
        IProductVectorStore store, QueryEmbedder embedder, LexicalVectorizer lexical, SearchText text, ProductSearchOptions options)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _embedder = embedder ?? throw new ArgumentNullException(nameof(embedder));
        _lexical = lexical ?? throw new ArgumentNullException(nameof(lexical));
        _text = text ?? throw new ArgumentNullException(nameof(text));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        IReadOnlyList<string> errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(options));
        }

        _coverage = new TitleCoverageAnalyzer(text);
        _validator = new SearchRequestValidator(options);
    }

    public int ImageSize => _embedder.ImageSize;

    public async Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default) =>
        (await MeasuredAsync(SearchTelemetry.TextKind, async () => await TextSearchAsync(query, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false))!;

    public async Task<SearchResults> SearchByImageAsync(
        float[] chw, int limit, int offset, SearchFilters filters, bool includeMatchDetails, CancellationToken cancellationToken = default) =>
        (await MeasuredAsync(
            SearchTelemetry.ImageKind,
            async () => await ImageSearchAsync(chw, limit, offset, filters, includeMatchDetails, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false))!;

    public Task<SearchResults?> MoreLikeThisAsync(string productId, int limit, SearchFilters filters, CancellationToken cancellationToken = default) =>
        MeasuredAsync(SearchTelemetry.SimilarKind, () => SimilarSearchAsync(productId, limit, filters, cancellationToken));

    /// <summary>Runs one search inside a <see cref="SearchMeasurement"/>, which records it when it ends, however it ends.</summary>
    private static async Task<SearchResults?> MeasuredAsync(string kind, Func<Task<SearchResults?>> search)
    {
        using var measurement = new SearchMeasurement(kind);
        try
        {
            return measurement.Completed(await search().ConfigureAwait(false));
        }
        catch (Exception exception)
        {
            measurement.Failed(exception);
            throw;
        }
    }

    private async Task<SearchResults> TextSearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        _validator.Validate(query);
        string normalized = _text.Normalize(query.Text).Trim();

        long start = Stopwatch.GetTimestamp();
        float[] vector = await _embedder.EmbedTextAsync(query.Text, cancellationToken).ConfigureAwait(false);
        SparseVector lexical = _lexical.Query(query.Text);
        double embeddingMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;

        SearchChannels wanted = query.Channels;
        var channels = new Channels(
            wanted.HasFlag(SearchChannels.Image) ? vector : null,
            wanted.HasFlag(SearchChannels.Text) ? vector : null,
            wanted.HasFlag(SearchChannels.Lexical) && lexical.Indices.Length > 0 ? lexical : null);
        Page page = await FusedSearchAsync(channels, query.Limit, query.Offset, query.Sort, query.Filters, query.IncludeMatchDetails, cancellationToken)
            .ConfigureAwait(false);

        start = Stopwatch.GetTimestamp();
        IReadOnlyList<SearchResultItem> items = query.IncludeMatchDetails
            ? await ExplainAsync(page, channels, query.Filters, query.Text, cancellationToken).ConfigureAwait(false)
            : WithoutDetails(page);
        double detailsMs = query.IncludeMatchDetails ? Stopwatch.GetElapsedTime(start).TotalMilliseconds : 0;

        return new SearchResults
        {
            Items = items,
            NormalizedQuery = normalized,
            HasMore = page.HasMore,
            Timings = new SearchTimings(embeddingMs, page.StoreMs, detailsMs),
        };
    }

    private async Task<SearchResults> ImageSearchAsync(
        float[] chw, int limit, int offset, SearchFilters filters, bool includeMatchDetails, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chw);
        ArgumentNullException.ThrowIfNull(filters);
        _validator.ValidatePageAndFilters(limit, offset, filters);
        int expected = 3 * ImageSize * ImageSize;
        if (chw.Length != expected)
        {
            throw new SearchValidationException("image", $"The preprocessed image has {chw.Length} values; the encoder takes 3 x {ImageSize} x {ImageSize} = {expected}.");
        }

        long start = Stopwatch.GetTimestamp();
        float[] vector = await _embedder.EmbedImageAsync(chw, cancellationToken).ConfigureAwait(false);
        double embeddingMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;

        var channels = new Channels(vector, vector, null);
        Page page = await FusedSearchAsync(channels, limit, offset, SearchSort.Relevance, filters, includeMatchDetails, cancellationToken).ConfigureAwait(false);
        start = Stopwatch.GetTimestamp();
        IReadOnlyList<SearchResultItem> items = includeMatchDetails
            ? await ExplainAsync(page, channels, filters, queryText: null, cancellationToken).ConfigureAwait(false)
            : WithoutDetails(page);
        return new SearchResults
        {
            Items = items,
            HasMore = page.HasMore,
            Timings = new SearchTimings(embeddingMs, page.StoreMs, includeMatchDetails ? Stopwatch.GetElapsedTime(start).TotalMilliseconds : 0),
        };
    }

    private async Task<SearchResults?> SimilarSearchAsync(string productId, int limit, SearchFilters filters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filters);
        if (string.IsNullOrWhiteSpace(productId))
        {
            throw new SearchValidationException("id", "The product id is empty.");
        }

        _validator.ValidatePageAndFilters(limit, 0, filters);
        ProductPoint? source = await _store.GetAsync(productId, withVectors: true, cancellationToken).ConfigureAwait(false);
        if (source is null)
        {
            return null;
        }

        // The image vector is the point of "more like this"; a product without an image falls back to its title vector.
        string channel = source.Vectors.ContainsKey(CollectionSchema.ImageVector) ? CollectionSchema.ImageVector : CollectionSchema.TextVector;
        if (!source.Vectors.TryGetValue(channel, out float[]? vector))
        {
            return new SearchResults { Items = [], HasMore = false, Timings = new SearchTimings(0, 0, 0) };
        }

        long start = Stopwatch.GetTimestamp();
        IReadOnlyList<SearchHit> hits = await _store.SearchAsync(
            new VectorQuery { Using = channel, Vector = vector, Limit = limit + 1, Filter = filters.ToProductFilter() },
            cancellationToken).ConfigureAwait(false);
        double storeMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;

        var items = new List<SearchResultItem>(limit);
        int rank = 0;
        foreach (SearchHit hit in hits)
        {
            rank++;
            if (hit.Point.Product.Id == productId || items.Count == limit)
            {
                continue;
            }

            var match = new ChannelMatch(rank, hit.Score, 0);
            items.Add(new SearchResultItem(hit.Point.Product, hit.Score, new MatchDetails
            {
                Image = channel == CollectionSchema.ImageVector ? match : null,
                Text = channel == CollectionSchema.TextVector ? match : null,
                ImageShare = channel == CollectionSchema.ImageVector ? 1 : 0,
                TitleShare = channel == CollectionSchema.TextVector ? 1 : 0,
            }));
        }

        return new SearchResults { Items = items, HasMore = hits.Count > limit, Timings = new SearchTimings(0, storeMs, 0) };
    }

    public async Task<Product?> GetProductAsync(string productId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(productId))
        {
            return null;
        }

        ProductPoint? point = await _store.GetAsync(productId, withVectors: false, cancellationToken).ConfigureAwait(false);
        return point?.Product;
    }

    private async Task<Page> FusedSearchAsync(
        Channels channels, int limit, int offset, SearchSort sort, SearchFilters filters, bool withVectors, CancellationToken cancellationToken)
    {
        // Sorting by price re-orders a window of the best relevance results, then pages through that window.
        bool byPrice = sort != SearchSort.Relevance;
        int fetchLimit = byPrice ? Math.Max(_options.SortWindow, offset + limit) : limit;
        int fetchOffset = byPrice ? 0 : offset;
        int prefetch = PrefetchFor(offset + limit);

        var dense = new Dictionary<string, float[]>(StringComparer.Ordinal);
        if (channels.Image is not null)
        {
            dense[CollectionSchema.ImageVector] = channels.Image;
        }

        if (channels.Text is not null)
        {
            dense[CollectionSchema.TextVector] = channels.Text;
        }

        if (dense.Count == 0 && channels.Lexical is null)
        {
            // Only the lexical channel was asked for and the query has no word the titles can have: nothing matches.
            return new Page([], false, prefetch, 0);
        }

        long start = Stopwatch.GetTimestamp();
        IReadOnlyList<SearchHit> hits = await _store.HybridSearchAsync(
            new HybridQuery
            {
                Dense = dense,
                Lexical = channels.Lexical,
                PrefetchLimit = prefetch,
                Limit = fetchLimit,
                Offset = fetchOffset,
                Filter = filters.ToProductFilter(),
                WithVectors = withVectors,
                RrfK = _options.RrfK,
                Weights = WeightsFor(dense.Keys, channels.Lexical is not null),
            },
            cancellationToken).ConfigureAwait(false);
        double storeMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;

        if (!byPrice)
        {
            return new Page(hits, hits.Count == limit, prefetch, storeMs);
        }

        IEnumerable<SearchHit> ordered = sort == SearchSort.PriceAscending
            ? hits.OrderBy(h => h.Point.Product.Price is null).ThenBy(h => h.Point.Product.Price)
            : hits.OrderBy(h => h.Point.Product.Price is null).ThenByDescending(h => h.Point.Product.Price);
        List<SearchHit> window = ordered.ToList();
        return new Page(window.Skip(offset).Take(limit).ToList(), offset + limit < window.Count, prefetch, storeMs);
    }

    private int PrefetchFor(int depth) => Math.Max(_options.PrefetchLimit, depth);

    /// <summary>The configured weights of the searches a fusion makes; null when they all weigh 1 (plain RRF).</summary>
    private Dictionary<string, float>? WeightsFor(IEnumerable<string> dense, bool lexical)
    {
        FusionWeightOptions weights = _options.FusionWeights;
        if (weights.AllOne)
        {
            return null;
        }

        var result = dense.ToDictionary(name => name, weights.Of, StringComparer.Ordinal);
        if (lexical)
        {
            result[CollectionSchema.LexicalVector] = weights.Lexical;
        }

        return result;
    }

    private static List<SearchResultItem> WithoutDetails(Page page) =>
        page.Hits.Select(hit => new SearchResultItem(hit.Point.Product, hit.Score, null)).ToList();

    private async Task<IReadOnlyList<SearchResultItem>> ExplainAsync(
        Page page, Channels channels, SearchFilters filters, string? queryText, CancellationToken cancellationToken)
    {
        ProductFilter? filter = filters.ToProductFilter();
        Dictionary<string, int> imageRanks = channels.Image is null ? [] : await DenseRanksAsync(CollectionSchema.ImageVector, channels.Image, page.Prefetch, filter, cancellationToken).ConfigureAwait(false);
        Dictionary<string, int> textRanks = channels.Text is null ? [] : await DenseRanksAsync(CollectionSchema.TextVector, channels.Text, page.Prefetch, filter, cancellationToken).ConfigureAwait(false);
        Dictionary<string, int> lexicalRanks = channels.Lexical is null ? [] : await LexicalRanksAsync(channels.Lexical, page.Prefetch, filter, cancellationToken).ConfigureAwait(false);

        var items = new List<SearchResultItem>(page.Hits.Count);
        foreach (SearchHit hit in page.Hits)
        {
            ProductPoint point = hit.Point;
            ChannelMatch? image = channels.Image is null ? null : DenseMatch(point, CollectionSchema.ImageVector, channels.Image, imageRanks);
            ChannelMatch? text = channels.Text is null ? null : DenseMatch(point, CollectionSchema.TextVector, channels.Text, textRanks);
            ChannelMatch? lexical = channels.Lexical is null ? null : LexicalMatch(point, channels.Lexical, lexicalRanks);

            double imagePart = image?.Contribution ?? 0;
            double titlePart = (text?.Contribution ?? 0) + (lexical?.Contribution ?? 0);
            double total = imagePart + titlePart;
            TitleCoverage? coverage = queryText is null ? null : _coverage.Analyze(queryText, point.Product.Title);
            items.Add(new SearchResultItem(point.Product, hit.Score, new MatchDetails
            {
                Image = image,
                Text = text,
                Lexical = lexical,
                ImageShare = total > 0 ? imagePart / total : 0,
                TitleShare = total > 0 ? titlePart / total : 0,
                MatchedWords = coverage?.MatchedWords ?? [],
                MissingWords = coverage?.MissingWords ?? [],
            }));
        }

        return items;
    }

    private async Task<Dictionary<string, int>> DenseRanksAsync(string name, float[] vector, int depth, ProductFilter? filter, CancellationToken cancellationToken)
    {
        IReadOnlyList<SearchHit> hits = await _store.SearchAsync(
            new VectorQuery { Using = name, Vector = vector, Limit = depth, Filter = filter }, cancellationToken).ConfigureAwait(false);
        return RankMap(hits);
    }

    private async Task<Dictionary<string, int>> LexicalRanksAsync(SparseVector lexical, int depth, ProductFilter? filter, CancellationToken cancellationToken)
    {
        // A fusion of one search keeps that search's order, which is the lexical ranking.
        IReadOnlyList<SearchHit> hits = await _store.HybridSearchAsync(
            new HybridQuery { Lexical = lexical, PrefetchLimit = depth, Limit = depth, Filter = filter, RrfK = _options.RrfK },
            cancellationToken).ConfigureAwait(false);
        return RankMap(hits);
    }

    private static Dictionary<string, int> RankMap(IReadOnlyList<SearchHit> hits)
    {
        var ranks = new Dictionary<string, int>(hits.Count, StringComparer.Ordinal);
        for (int i = 0; i < hits.Count; i++)
        {
            ranks.TryAdd(hits[i].Point.Product.Id, i + 1);
        }

        return ranks;
    }

    private ChannelMatch? DenseMatch(ProductPoint point, string name, float[] query, Dictionary<string, int> ranks)
    {
        if (!point.Vectors.TryGetValue(name, out float[]? stored) || stored.Length != query.Length)
        {
            return null;
        }

        int? rank = ranks.TryGetValue(point.Product.Id, out int r) ? r : null;
        return new ChannelMatch(rank, TensorPrimitives.Dot(query, stored), Contribution(rank, name));
    }

    private ChannelMatch LexicalMatch(ProductPoint point, SparseVector query, Dictionary<string, int> ranks)
    {
        int? rank = ranks.TryGetValue(point.Product.Id, out int r) ? r : null;
        float score = point.Lexical is null ? 0 : query.Dot(point.Lexical);
        return new ChannelMatch(rank, score, Contribution(rank, CollectionSchema.LexicalVector));
    }

    /// <summary>What a channel's rank adds to the fused score: the fusion's own position score (rank is 1-based here).</summary>
    private double Contribution(int? rank, string channel) =>
        rank is int r ? ReciprocalRankFusion.PositionScore(r - 1, _options.RrfK, _options.FusionWeights.Of(channel)) : 0;

    private sealed record Channels(float[]? Image, float[]? Text, SparseVector? Lexical);

    private sealed record Page(IReadOnlyList<SearchHit> Hits, bool HasMore, int Prefetch, double StoreMs);
}
