using M6Search.Catalog.Products;
using M6Search.Search.Results;
using M6Search.Search.Searching;

namespace M6Search.Web.Tests.Components;

/// <summary>A search service whose answers the test chooses; it records the text queries it was asked.</summary>
internal sealed class FakeSearchService : IProductSearchService
{
    public List<SearchQuery> Queries { get; } = [];

    public Func<SearchQuery, SearchResults> OnSearch { get; set; } = _ => Page([]);

    public int ImageSize => 8;

    public static SearchResults Page(IReadOnlyList<SearchResultItem> items, bool hasMore = false) =>
        new() { Items = items, HasMore = hasMore, Timings = new SearchTimings(1, 1, 1) };

    public static SearchResultItem Item(string id, string title, IReadOnlyList<string>? missing = null) => new(
        new Product { Id = id, Title = title, Price = 9.5, Currency = "USD", Merchant = "m-a", Category = "cup", Image = $"images/{id}.jpg" },
        0.5f,
        new MatchDetails
        {
            Image = new ChannelMatch(1, 0.8f, 0.5),
            Text = new ChannelMatch(null, 0.1f, 0),
            Lexical = new ChannelMatch(3, 1.2f, 0.25),
            ImageShare = 2.0 / 3,
            TitleShare = 1.0 / 3,
            MatchedWords = ["cup"],
            MissingWords = missing ?? [],
        });

    public Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default)
    {
        Queries.Add(query);
        return Task.FromResult(OnSearch(query));
    }

    public List<float[]> Photos { get; } = [];

    public List<bool> PhotoDetails { get; } = [];

    public Task<SearchResults> SearchByImageAsync(
        float[] chw, int limit, int offset, SearchFilters filters, bool includeMatchDetails, CancellationToken cancellationToken = default)
    {
        Photos.Add(chw);
        PhotoDetails.Add(includeMatchDetails);
        return Task.FromResult(Page([Item("p-photo", "Red Cup")]));
    }

    public Task<SearchResults?> MoreLikeThisAsync(string productId, int limit, SearchFilters filters, CancellationToken cancellationToken = default) =>
        Task.FromResult<SearchResults?>(Page([Item("p-similar", "Similar Cup")]));

    public Task<Product?> GetProductAsync(string productId, CancellationToken cancellationToken = default) => Task.FromResult<Product?>(null);
}
