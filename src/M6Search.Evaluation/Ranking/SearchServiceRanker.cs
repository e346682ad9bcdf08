using M6Search.Search.Results;
using M6Search.Search.Searching;

namespace M6Search.Evaluation.Ranking;

/// <summary>
/// Ranks through the shopper search itself (<see cref="IProductSearchService"/>: relevance order, no filters, no match
/// details), with all its channels fused as the app does or with one channel alone, so that a measured ranking is the
/// ranking the app gives.
/// </summary>
public sealed class SearchServiceRanker : IQueryRanker
{
    private readonly IProductSearchService _search;
    private readonly SearchChannels _channels;

    /// <param name="search">The search service, over the store that holds the catalog.</param>
    /// <param name="channels">The channels to fuse; <see cref="SearchChannels.All"/> is the shopper search.</param>
    public SearchServiceRanker(IProductSearchService search, SearchChannels channels = SearchChannels.All)
    {
        ArgumentNullException.ThrowIfNull(search);
        if (channels == SearchChannels.None)
        {
            throw new ArgumentException("At least one search channel is needed.", nameof(channels));
        }

        _search = search;
        _channels = channels;
    }

    /// <exception cref="SearchValidationException">The query or depth is outside what the search accepts.</exception>
    public async Task<IReadOnlyList<string>> RankAsync(RankingQuery query, int depth, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentException.ThrowIfNullOrWhiteSpace(query.Text);
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        SearchResults results = await _search.SearchAsync(
            new SearchQuery { Text = query.Text, Limit = depth, Channels = _channels, IncludeMatchDetails = false },
            cancellationToken).ConfigureAwait(false);
        return results.Items.Select(item => item.Product.Id).ToList();
    }
}
