using M6Search.Stores.Abstractions;
using M6Search.Stores.Embedded.Filtering;
using M6Search.Stores.Embedded.Index;
using M6Search.Stores.Embedded.Storage;
using M6Search.Stores.Embedded.Validation;
using M6Search.Stores.Fusion;

namespace M6Search.Stores.Embedded.Querying;

/// <summary>
/// The embedded store's read paths over one collection's in-memory index and a reader session: count, scroll, dense
/// search, and hybrid search (one ranking per dense vector and the lexical vector, fused by
/// <see cref="ReciprocalRankFusion"/>). Callers hold the store's read lock.
/// </summary>
internal static class CollectionQueries
{
    public static long Count(CollectionState state, ProductFilter? filter) => state.Count(Compile(filter, state));

    public static ScrollPage Scroll(CollectionState state, ReadSession session, ScrollRequest request, CancellationToken cancellationToken)
    {
        if (request.Limit < 1)
        {
            throw new StoreRequestException($"scroll limit must be at least 1, not {request.Limit}.");
        }

        string from = string.Empty;
        if (request.Offset is not null)
        {
            if (!Guid.TryParse(request.Offset, out Guid offset))
            {
                throw new StoreRequestException($"scroll offset '{request.Offset}' is not a cursor returned by this store (a point id).");
            }

            from = offset.ToString("D");
        }

        CompiledFilter? filter = Compile(request.Filter, state);
        if (filter?.MatchesNothing == true)
        {
            return new ScrollPage([], null);
        }

        var slots = new List<int>(request.Limit);
        string? next = null;
        foreach ((int slot, string pointId) in session.PointIdsFrom(from))
        {
            if (filter is not null && !filter.Matches(slot))
            {
                continue;
            }

            if (slots.Count == request.Limit)
            {
                next = pointId;
                break;
            }

            cancellationToken.ThrowIfCancellationRequested();
            slots.Add(slot);
        }

        ProductPoint[] points = slots.Select(slot => ReadExisting(session, slot, request.WithVectors)).ToArray();
        return new ScrollPage(points, next);
    }

    public static IReadOnlyList<SearchHit> Search(
        CollectionState state,
        ReadSession session,
        VectorQuery query,
        int rescoreMultiplier,
        CancellationToken cancellationToken)
    {
        InputChecks.CheckPage(query.Limit, query.Offset);
        int denseIndex = InputChecks.DenseIndexOf(state, query.Using);
        float[] unitQuery = InputChecks.UnitQuery(query.Vector, state.Schema.Dimensions[denseIndex], query.Using);
        if (query.ScoreThreshold is float threshold && float.IsNaN(threshold))
        {
            throw new StoreRequestException("score threshold is NaN.");
        }

        CompiledFilter? filter = Compile(query.Filter, state);
        if (filter?.MatchesNothing == true)
        {
            return [];
        }

        ScoredSlot[] best = SearchDense(
            state, session, denseIndex, unitQuery, query.Offset + query.Limit, filter, query.ScoreThreshold, rescoreMultiplier, cancellationToken);
        return ToHits(session, best.Skip(query.Offset), query.WithVectors);
    }

    public static IReadOnlyList<SearchHit> HybridSearch(
        CollectionState state,
        ReadSession session,
        HybridQuery query,
        int rescoreMultiplier,
        CancellationToken cancellationToken)
    {
        InputChecks.CheckPage(query.Limit, query.Offset);
        if (query.PrefetchLimit < 1)
        {
            throw new StoreRequestException($"prefetch limit must be at least 1, not {query.PrefetchLimit}.");
        }

        IReadOnlyDictionary<string, float[]> dense = query.Dense ?? new Dictionary<string, float[]>();
        if (dense.Count == 0 && query.Lexical is null)
        {
            throw new StoreRequestException("a hybrid query needs at least one dense or lexical search.");
        }

        string? fusionProblem = query.FusionProblem();
        if (fusionProblem is not null)
        {
            throw new StoreRequestException(fusionProblem);
        }

        // The searches in the query's fusion order, the order Qdrant gets them as prefetches: the float sums match.
        IReadOnlyList<string> order = query.FusionOrder();
        var searches = new List<(int DenseIndex, float[] UnitQuery)>();
        foreach (string name in order.Where(name => name != CollectionSchema.LexicalVector))
        {
            int denseIndex = InputChecks.DenseIndexOf(state, name);
            searches.Add((denseIndex, InputChecks.UnitQuery(dense[name], state.Schema.Dimensions[denseIndex], name)));
        }

        if (query.Lexical is not null)
        {
            if (state.Sparse is null)
            {
                throw new StoreRequestException($"the collection has no '{CollectionSchema.LexicalVector}' vector.");
            }

            InputChecks.CheckSparse(query.Lexical, "the lexical query");
        }

        CompiledFilter? filter = Compile(query.Filter, state);
        if (filter?.MatchesNothing == true)
        {
            return [];
        }

        var rankings = new List<IReadOnlyList<int>>();
        foreach ((int denseIndex, float[] unitQuery) in searches)
        {
            rankings.Add(Slots(SearchDense(state, session, denseIndex, unitQuery, query.PrefetchLimit, filter, null, rescoreMultiplier, cancellationToken)));
        }

        if (query.Lexical is not null)
        {
            rankings.Add(Slots(state.Sparse!.Search(query.Lexical, query.PrefetchLimit, state.ScanLimit, filter, cancellationToken)));
        }

        // Equal fused scores keep slot order, so results are deterministic (Qdrant leaves such ties unordered).
        IReadOnlyList<FusedHit<int>> fusedHits = ReciprocalRankFusion.Fuse(
            rankings, query.RrfK, query.Weights is null ? null : order.Select(query.WeightOf).ToArray(), Comparer<int>.Default);
        IEnumerable<ScoredSlot> fused = fusedHits.Select(hit => new ScoredSlot(hit.Key, hit.Score));
        return ToHits(session, fused.Skip(query.Offset).Take(query.Limit), query.WithVectors);
    }

    private static int[] Slots(IReadOnlyList<ScoredSlot> ranking) => ranking.Select(hit => hit.Slot).ToArray();

    // A slot the index holds must have its row; a missing one means the index and the file disagree.
    private static ProductPoint ReadExisting(ReadSession session, int slot, bool withVectors) =>
        session.ReadPoint(slot, withVectors)
        ?? throw new InvalidOperationException($"The index holds slot {slot} but the collection file does not; reopen the store.");

    private static CompiledFilter? Compile(ProductFilter? filter, CollectionState state) =>
        CompiledFilter.Compile(filter, state.Columns, productId => state.SlotOf(productId));

    private static ScoredSlot[] SearchDense(
        CollectionState state,
        ReadSession session,
        int denseIndex,
        float[] unitQuery,
        int k,
        CompiledFilter? filter,
        float? scoreThreshold,
        int rescoreMultiplier,
        CancellationToken cancellationToken) =>
        state.Dense[denseIndex].Search(
            unitQuery,
            k,
            state.ScanLimit,
            filter,
            scoreThreshold,
            rescoreMultiplier,
            slots => session.ReadDense(slots, denseIndex),
            cancellationToken);

    private static List<SearchHit> ToHits(ReadSession session, IEnumerable<ScoredSlot> hits, bool withVectors) =>
        hits.Select(hit => new SearchHit(ReadExisting(session, hit.Slot, withVectors), hit.Score)).ToList();
}
