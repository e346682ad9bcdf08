using System.Globalization;
using M6Search.Search.Results;
using M6Search.Search.Searching;
using M6Search.Stores.Abstractions;
using M6Search.Web.Configuration;
using M6Search.Web.Facets;
using M6Search.Web.RateLimiting;
using M6Search.Web.Runtime;
using M6Search.Web.Uploads;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Options;

namespace M6Search.Web.Components.Pages;

/// <summary>
/// The shopper search page: a query box (English and Chinese), filters and sorting, a results grid with "show more"
/// paging, search by photo, "more like this", and each result's "why it matched". Reads the search service from
/// <see cref="SearchRuntime"/>, so it renders (with the indexing progress) before the back end is up.
/// </summary>
public sealed partial class SearchPage : IDisposable
{
    internal const int PageSize = 24;

    private static readonly string[] Examples = ["bumpy coffee cup", "凹凸的咖啡杯", "striped mug", "红色的包"];

    private readonly List<SearchResultItem> _items = [];
    private CancellationTokenSource? _pending;
    private Func<int, CancellationToken, Task<SearchResults>>? _nextPage;
    private string? _query;
    private string? _category;
    private string? _merchant;
    private double? _minPrice;
    private double? _maxPrice;
    private SearchSort _sort = SearchSort.Relevance;
    private CatalogFacets _facets = CatalogFacets.Empty;
    private bool _loading;
    private bool _searched;
    private bool _hasMore;
    private string? _error;
    private string? _heading;
    private SearchTimings? _timings;

    /// <summary>A query from the address (<c>/?q=bumpy+cup</c>) is searched on arrival.</summary>
    [SupplyParameterFromQuery(Name = "q")]
    public string? InitialQuery { get; set; }

    [Inject]
    private SearchRuntime Runtime { get; set; } = null!;

    [Inject]
    private PhotoPreparer Photos { get; set; } = null!;

    [Inject]
    private CatalogFacetsCache FacetsCache { get; set; } = null!;

    [Inject]
    private IOptions<M6Options> Options { get; set; } = null!;

    [Inject]
    private IServiceProvider Services { get; set; } = null!;

    [Inject]
    private InteractiveRateLimiter Limiter { get; set; } = null!;

    /// <summary>Where the page was loaded from: the interactive rate limit's key.</summary>
    [CascadingParameter]
    private ClientAddress? Client { get; set; }

    private int MaxQueryLength => Options.Value.Search.MaxQueryLength;

    private bool CanSearch => Runtime.Search is not null;

    private string TimingText => _timings is null
        ? string.Empty
        : string.Create(CultureInfo.InvariantCulture, $"{_timings.EmbeddingMs + _timings.StoreMs + _timings.DetailsMs:0} ms");

    public void Dispose()
    {
        Runtime.Changed -= OnRuntimeChanged;
        _pending?.Cancel();
        _pending?.Dispose();
    }

    protected override async Task OnInitializedAsync()
    {
        Runtime.Changed += OnRuntimeChanged;
        _query = InitialQuery;
        await LoadFacetsAsync();
        if (!string.IsNullOrWhiteSpace(InitialQuery) && CanSearch)
        {
            if (RendererInfo.IsInteractive)
            {
                await SearchAsync();
            }
            else
            {
                // Prerendering: the interactive render that follows searches (once); here the page only shows it is coming.
                _loading = true;
            }
        }
    }

    private async Task OnQueryKeyDownAsync(KeyboardEventArgs args)
    {
        if (args.Key == "Enter")
        {
            await SearchAsync();
        }
    }

    private async Task SearchForAsync(string example)
    {
        _query = example;
        await SearchAsync();
    }

    private Task ApplyFiltersAsync() => _nextPage is null ? Task.CompletedTask : SearchAsync();

    /// <summary>A new text search from the first page.</summary>
    private async Task SearchAsync()
    {
        IProductSearchService? search = Runtime.Search;
        if (search is null)
        {
            return;
        }

        string text = (_query ?? string.Empty).Trim();
        if (text.Length == 0)
        {
            ShowError("Type what you are looking for, for example “bumpy coffee cup”.");
            return;
        }

        if (!TakePermit())
        {
            return;
        }

        SearchFilters filters = Filters();
        SearchSort sort = _sort;
        bool answered = await StartAsync($"Results for “{text}”", (offset, token) => search.SearchAsync(
            new SearchQuery { Text = text, Filters = filters, Sort = sort, Limit = PageSize, Offset = offset, IncludeMatchDetails = true }, token));

        if (answered)
        {
            // Only a search that succeeded is logged (the API logs its searches the same way), after the results are
            // shown, off the shopper's wait: the merchant dashboard's query log; never throws.
            await M6Search.Web.Merchants.QueryLogging.RecordAsync(Services, text);
        }
    }

    private async Task OnPhotoChosenAsync(IBrowserFile? file)
    {
        IProductSearchService? search = Runtime.Search;
        if (file is null || search is null || !TakePermit())
        {
            return;
        }

        float[] chw;
        try
        {
            _error = null;
            await using Stream stream = file.OpenReadStream(Photos.MaxBytes + 1);
            chw = await Photos.PrepareAsync(stream, file.Size, file.ContentType, file.Name, search.ImageSize);
        }
        catch (PhotoUploadException exception)
        {
            ShowError(exception.Message);
            return;
        }
        catch (IOException exception)
        {
            ShowError($"The photo could not be read: {exception.Message}");
            return;
        }
        catch (TooManyRequestsException exception)
        {
            ShowError(exception.Message);
            return;
        }

        SearchFilters filters = Filters();
        await StartAsync($"Products that look like “{file.Name}”", (offset, token) => search.SearchByImageAsync(chw, PageSize, offset, filters, includeMatchDetails: true, token));
    }

    private async Task MoreLikeThisAsync(string productId)
    {
        IProductSearchService? search = Runtime.Search;
        if (search is null || !TakePermit())
        {
            return;
        }

        string title = _items.FirstOrDefault(i => i.Product.Id == productId)?.Product.Title ?? productId;
        SearchFilters filters = Filters();
        await StartAsync($"More like “{title}”", async (offset, token) =>
            offset > 0
                ? new SearchResults { Items = [], Timings = new SearchTimings(0, 0, 0) }
                : await search.MoreLikeThisAsync(productId, PageSize, filters, token)
                    ?? throw new SearchValidationException("id", $"The product {productId} is no longer in the catalog."));
    }

    private async Task LoadMoreAsync()
    {
        if (_nextPage is not null && TakePermit())
        {
            await RunAsync(_nextPage, _items.Count, append: true);
        }
    }

    /// <summary>Shows the first page of a new search; true when the search answered.</summary>
    private async Task<bool> StartAsync(string heading, Func<int, CancellationToken, Task<SearchResults>> page)
    {
        _heading = heading;
        _nextPage = page;
        return await RunAsync(page, 0, append: false);
    }

    /// <summary>Runs one page of a search and shows it; true when the search answered (false: refused, failed or replaced).</summary>
    private async Task<bool> RunAsync(Func<int, CancellationToken, Task<SearchResults>> page, int offset, bool append)
    {
        _pending?.Cancel();
        _pending?.Dispose();
        var pending = new CancellationTokenSource();
        _pending = pending;
        _loading = true;
        _error = null;
        if (!append)
        {
            _items.Clear();
            _hasMore = false;
        }

        StateHasChanged();
        try
        {
            SearchResults results = await page(offset, pending.Token);
            if (pending.IsCancellationRequested)
            {
                return false;
            }

            _items.AddRange(results.Items.Where(item => _items.All(existing => existing.Product.Id != item.Product.Id)));
            _hasMore = results.HasMore && results.Items.Count > 0;
            _timings = results.Timings;
            return true;
        }
        catch (OperationCanceledException) when (pending.IsCancellationRequested)
        {
            return false;
        }
        catch (SearchValidationException exception)
        {
            ShowError(string.Join(" ", exception.Errors.SelectMany(e => e.Value)));
            return false;
        }
        catch (VectorStoreException exception)
        {
            ShowError($"The product store did not answer: {exception.Reason}");
            return false;
        }
        catch (TooManyRequestsException exception)
        {
            ShowError(exception.Message);
            return false;
        }
        finally
        {
            if (!pending.IsCancellationRequested)
            {
                _loading = false;
                _searched = true;
            }
        }
    }

    /// <summary>One permit of the client's interactive window; false (and the reason shown) when it is used up.</summary>
    private bool TakePermit()
    {
        try
        {
            Limiter.Take(Client);
            return true;
        }
        catch (TooManyRequestsException exception)
        {
            ShowError(exception.Message);
            return false;
        }
    }

    private SearchFilters Filters() => new() { Category = _category, Merchant = _merchant, MinPrice = _minPrice, MaxPrice = _maxPrice };

    private void ShowError(string message)
    {
        _error = message;
        _loading = false;
    }

    private async Task LoadFacetsAsync()
    {
        if (Runtime.Store is { } store)
        {
            try
            {
                _facets = await FacetsCache.GetAsync(store);
            }
            catch (VectorStoreException)
            {
                _facets = CatalogFacets.Empty;
            }
        }
    }

    private void OnRuntimeChanged() => _ = InvokeAsync(async () =>
    {
        await LoadFacetsAsync();
        StateHasChanged();
    });
}
