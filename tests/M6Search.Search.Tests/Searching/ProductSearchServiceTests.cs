using M6Search.Search.Encoding;
using M6Search.Stores.Lexical;
using M6Search.Search.Results;
using M6Search.Search.Searching;
using M6Search.Search.Tests.Fakes;
using M6Search.Search.Text;
using M6Search.Stores.Abstractions;

namespace M6Search.Search.Tests.Searching;

public sealed class ProductSearchServiceTests : IAsyncLifetime
{
    private TestCatalog _catalog = null!;
    private ProductSearchService _service = null!;
    private QueryEmbedder _embedder = null!;

    public async Task InitializeAsync()
    {
        _catalog = await TestCatalog.CreateAsync();
        var text = new SearchText();
        _embedder = new QueryEmbedder(new FakeEncoder());
        _service = new ProductSearchService(_catalog.Store, _embedder, LexicalVectorizer.Default, text, new ProductSearchOptions());
    }

    public async Task DisposeAsync()
    {
        _embedder.Dispose();
        await _catalog.DisposeAsync();
    }

    [Fact]
    public async Task Search_FindsTheBumpyCup_ThroughItsImage_WhenTheTitleOmitsBumpy()
    {
        SearchResults results = await _service.SearchAsync(new SearchQuery { Text = "bumpy coffee cup", Limit = 10, IncludeMatchDetails = true });

        SearchResultItem bumpy = Assert.Single(results.Items, item => item.Product.Id == "p-bumpy");
        Assert.Equal(1, bumpy.Match!.Image!.Rank);
        Assert.Equal(1f, bumpy.Match.Image.Score, 5);
        Assert.Equal(["bumpy"], bumpy.Match.MissingWords);
        Assert.Equal(["coffee", "cup"], bumpy.Match.MatchedWords);
        Assert.True(bumpy.Match.ImageShare > 0);
        Assert.Equal(1.0, bumpy.Match.ImageShare + bumpy.Match.TitleShare, 6);
    }

    [Fact]
    public async Task Search_RanksTitlesSharingTheQueryWords_InTheLexicalChannel()
    {
        SearchResults results = await _service.SearchAsync(new SearchQuery { Text = "Green Vase", Limit = 10, IncludeMatchDetails = true });

        SearchResultItem vase = Assert.Single(results.Items, item => item.Product.Id == "p-vase");
        Assert.Equal(1, vase.Match!.Lexical!.Rank);
        Assert.True(vase.Match.Lexical.Score > 0);
        Assert.All(results.Items.Where(i => i.Product.Id != "p-vase"), item => Assert.Null(item.Match!.Lexical!.Rank));
    }

    [Fact]
    public async Task Search_ChannelContributionsAddUpToTheFusedScore()
    {
        SearchResults results = await _service.SearchAsync(new SearchQuery { Text = "bumpy coffee cup", Limit = 10, IncludeMatchDetails = true });

        Assert.NotEmpty(results.Items);
        foreach (SearchResultItem item in results.Items)
        {
            MatchDetails match = item.Match!;
            double sum = (match.Image?.Contribution ?? 0) + (match.Text?.Contribution ?? 0) + (match.Lexical?.Contribution ?? 0);
            Assert.Equal(item.Score, sum, 5);
        }
    }

    [Fact]
    public async Task Search_ChannelContributionsAddUpToTheFusedScore_WithChannelWeights()
    {
        var options = new ProductSearchOptions { FusionWeights = new FusionWeightOptions { Image = 2f, Text = 1f, Lexical = 0.5f } };
        var weighted = new ProductSearchService(_catalog.Store, _embedder, LexicalVectorizer.Default, new SearchText(), options);

        SearchResults results = await weighted.SearchAsync(new SearchQuery { Text = "bumpy coffee cup", Limit = 10, IncludeMatchDetails = true });

        Assert.NotEmpty(results.Items);
        foreach (SearchResultItem item in results.Items)
        {
            MatchDetails match = item.Match!;
            Assert.Equal(item.Score, (match.Image?.Contribution ?? 0) + (match.Text?.Contribution ?? 0) + (match.Lexical?.Contribution ?? 0), 5);
        }

        // The image channel's first hit at weight 2: 1 / ((0 + 1) / 2 + 2 - 1).
        SearchResultItem bumpy = Assert.Single(results.Items, item => item.Product.Id == "p-bumpy");
        Assert.Equal(1 / 1.5, bumpy.Match!.Image!.Contribution, 5);
    }

    [Fact]
    public async Task Search_GivesAChannelOfWeightZeroNoShare()
    {
        var options = new ProductSearchOptions { FusionWeights = new FusionWeightOptions { Image = 0f } };
        var titlesOnly = new ProductSearchService(_catalog.Store, _embedder, LexicalVectorizer.Default, new SearchText(), options);

        SearchResults results = await titlesOnly.SearchAsync(new SearchQuery { Text = "bumpy coffee cup", Limit = 10, IncludeMatchDetails = true });

        Assert.All(results.Items, item =>
        {
            Assert.Equal(0.0, item.Match!.Image!.Contribution);
            Assert.Equal(0.0, item.Match.ImageShare);
        });
    }

    [Fact]
    public async Task Search_RanksByTheImageChannelAlone_WhenOnlyItIsAsked()
    {
        SearchResults results = await _service.SearchAsync(new SearchQuery { Text = "bumpy coffee cup", Limit = 4, Channels = SearchChannels.Image, IncludeMatchDetails = true });
        IReadOnlyList<SearchHit> byImage = await _catalog.Store.SearchAsync(new VectorQuery
        {
            Using = "image",
            Vector = await _embedder.EmbedTextAsync("bumpy coffee cup"),
            Limit = 4,
        });

        Assert.Equal(byImage.Select(h => h.Point.Product.Id), results.Items.Select(i => i.Product.Id));
        Assert.All(results.Items, item =>
        {
            Assert.Null(item.Match!.Text);
            Assert.Null(item.Match.Lexical);
            Assert.Equal(1.0, item.Match.ImageShare);
        });
    }

    [Fact]
    public async Task Search_FindsOnlyTitlesSharingAWord_WhenOnlyTheLexicalChannelIsAsked()
    {
        SearchResults results = await _service.SearchAsync(new SearchQuery { Text = "green vase", Channels = SearchChannels.Lexical });
        SearchResults none = await _service.SearchAsync(new SearchQuery { Text = "bumpy", Channels = SearchChannels.Lexical });

        Assert.Equal(["p-vase"], results.Items.Select(i => i.Product.Id));
        Assert.Empty(none.Items);
    }

    [Fact]
    public async Task Search_RejectsASearchWithoutAChannel()
    {
        var error = await Assert.ThrowsAsync<SearchValidationException>(() => _service.SearchAsync(new SearchQuery { Text = "cup", Channels = SearchChannels.None }));

        Assert.Contains("channels", error.Errors.Keys);
    }

    [Fact]
    public async Task Search_KeepsOnlyTheCategoryAsked()
    {
        SearchResults results = await _service.SearchAsync(new SearchQuery
        {
            Text = "bumpy",
            Filters = new SearchFilters { Category = "vase" },
        });

        Assert.Equal(["p-vase"], results.Items.Select(i => i.Product.Id));
    }

    [Fact]
    public async Task Search_KeepsOnlyThePriceRangeAndMerchantAsked()
    {
        SearchResults results = await _service.SearchAsync(new SearchQuery
        {
            Text = "coffee cup",
            Filters = new SearchFilters { Merchant = "m-a", MinPrice = 15, MaxPrice = 25 },
        });

        Assert.Equal(["p-plain"], results.Items.Select(i => i.Product.Id));
    }

    [Fact]
    public async Task Search_SortsByPrice_WhenAsked()
    {
        SearchResults ascending = await _service.SearchAsync(new SearchQuery { Text = "cup", Sort = SearchSort.PriceAscending });
        SearchResults descending = await _service.SearchAsync(new SearchQuery { Text = "cup", Sort = SearchSort.PriceDescending });

        double[] up = ascending.Items.Select(i => i.Product.Price!.Value).ToArray();
        Assert.True(up.Length >= 3);
        Assert.Equal(up.Order(), up);
        Assert.Equal(up.Reverse(), descending.Items.Select(i => i.Product.Price!.Value));
    }

    [Fact]
    public async Task Search_PagesWithoutOverlap()
    {
        SearchResults first = await _service.SearchAsync(new SearchQuery { Text = "coffee cup", Limit = 2 });
        SearchResults second = await _service.SearchAsync(new SearchQuery { Text = "coffee cup", Limit = 2, Offset = 2 });

        Assert.True(first.HasMore);
        Assert.Equal(2, first.Items.Count);
        Assert.Empty(first.Items.Select(i => i.Product.Id).Intersect(second.Items.Select(i => i.Product.Id)));
    }

    [Theory]
    [InlineData("", 10, "q")]
    [InlineData("cup", 0, "k")]
    [InlineData("cup", 101, "k")]
    public async Task Search_RejectsInvalidInput_NamingTheField(string text, int limit, string field)
    {
        var error = await Assert.ThrowsAsync<SearchValidationException>(() => _service.SearchAsync(new SearchQuery { Text = text, Limit = limit }));

        Assert.Contains(field, error.Errors.Keys);
    }

    [Fact]
    public async Task Search_RejectsAQueryLongerThanTheLimit()
    {
        var error = await Assert.ThrowsAsync<SearchValidationException>(() => _service.SearchAsync(new SearchQuery { Text = new string('a', 257) }));

        Assert.Contains("257", error.Errors["q"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_RejectsAMinimumPriceAboveTheMaximum()
    {
        var error = await Assert.ThrowsAsync<SearchValidationException>(() => _service.SearchAsync(new SearchQuery
        {
            Text = "cup",
            Filters = new SearchFilters { MinPrice = 30, MaxPrice = 10 },
        }));

        Assert.Contains("minPrice", error.Errors.Keys);
    }

    [Fact]
    public async Task SearchByImage_RanksProductsWithTheSameImageFirst()
    {
        SearchResults results = await _service.SearchByImageAsync([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 4, 0, new SearchFilters(), includeMatchDetails: true);

        string[] bestByImage = results.Items.Where(i => i.Match!.Image!.Rank <= 2).Select(i => i.Product.Id).Order().ToArray();
        Assert.Equal(["p-bumpy", "p-vase"], bestByImage);
        Assert.All(results.Items.Where(i => bestByImage.Contains(i.Product.Id)), item => Assert.Equal(1f, item.Match!.Image!.Score, 5));
        Assert.All(results.Items, item => Assert.Null(item.Match!.Lexical));
    }

    [Fact]
    public async Task Search_LeavesOutMatchDetails_UnlessAsked_AndRanksTheSame()
    {
        SearchResults plain = await _service.SearchAsync(new SearchQuery { Text = "bumpy coffee cup", Limit = 10 });
        SearchResults detailed = await _service.SearchAsync(new SearchQuery { Text = "bumpy coffee cup", Limit = 10, IncludeMatchDetails = true });

        Assert.All(plain.Items, item => Assert.Null(item.Match));
        Assert.All(detailed.Items, item => Assert.NotNull(item.Match));
        Assert.Equal(detailed.Items.Select(i => (i.Product.Id, i.Score)), plain.Items.Select(i => (i.Product.Id, i.Score)));
        Assert.Equal(0, plain.Timings.DetailsMs);
    }

    [Fact]
    public async Task SearchByImage_LeavesOutMatchDetails_UnlessAsked_AndRanksTheSame()
    {
        float[] photo = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        SearchResults plain = await _service.SearchByImageAsync(photo, 4, 0, new SearchFilters(), includeMatchDetails: false);
        SearchResults detailed = await _service.SearchByImageAsync(photo, 4, 0, new SearchFilters(), includeMatchDetails: true);

        Assert.All(plain.Items, item => Assert.Null(item.Match));
        Assert.All(detailed.Items, item => Assert.NotNull(item.Match));
        Assert.Equal(detailed.Items.Select(i => (i.Product.Id, i.Score)), plain.Items.Select(i => (i.Product.Id, i.Score)));
    }

    [Fact]
    public async Task SearchByImage_RejectsAnImageOfTheWrongSize()
    {
        await Assert.ThrowsAsync<SearchValidationException>(() => _service.SearchByImageAsync(new float[5], 10, 0, new SearchFilters(), includeMatchDetails: false));
    }

    [Fact]
    public async Task MoreLikeThis_FindsTheOtherBumpyProduct_AndLeavesOutTheProductItself()
    {
        SearchResults? results = await _service.MoreLikeThisAsync("p-bumpy", 1, new SearchFilters());

        Assert.NotNull(results);
        SearchResultItem item = Assert.Single(results.Items);
        Assert.Equal("p-vase", item.Product.Id);
    }

    [Fact]
    public async Task MoreLikeThis_ReturnsNull_ForAnUnknownProduct()
    {
        Assert.Null(await _service.MoreLikeThisAsync("nope", 5, new SearchFilters()));
    }

    [Fact]
    public async Task GetProduct_ReturnsTheStoredProduct_OrNull()
    {
        Assert.Equal("Green Vase", (await _service.GetProductAsync("p-vase"))?.Title);
        Assert.Null(await _service.GetProductAsync("p-missing"));
    }
}
