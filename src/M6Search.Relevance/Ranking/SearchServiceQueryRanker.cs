using M6Search.Search.Searching;

namespace M6Search.Relevance.Ranking;

/// <summary>Ranks through the shopper search itself (hybrid, relevance order, no filters), so the dashboard sees what shoppers see.</summary>
public sealed class SearchServiceQueryRanker : IQueryRanker
{
    private readonly IProductSearchService _search;

    public SearchServiceQueryRanker(IProductSearchService search)
    {
        ArgumentNullException.ThrowIfNull(search);
        _search = search;
    }

    public async Task<IReadOnlyList<string>> RankAsync(string query, int depth, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        var results = await _search.SearchAsync(
            new SearchQuery { Text = query, Limit = depth, IncludeMatchDetails = false },
            cancellationToken).ConfigureAwait(false);
        return results.Items.Select(item => item.Product.Id).ToList();
    }
}
