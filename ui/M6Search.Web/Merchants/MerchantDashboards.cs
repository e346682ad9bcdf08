using M6Search.Relevance.Dashboard;
using M6Search.Relevance.Judgments;
using M6Search.Relevance.Probing;
using M6Search.Relevance.Ranking;
using M6Search.Relevance.Traits;
using M6Search.Search.Searching;
using M6Search.Web.Configuration;
using M6Search.Web.Runtime;
using Microsoft.Extensions.Options;

namespace M6Search.Web.Merchants;

/// <summary>
/// Hands out the dashboard service once the search back end runs (null before), built on the running search service,
/// store and encoder. Rankings are cached across merchants (they do not depend on who asks); <see cref="InvalidateRankings"/>
/// forgets them after the catalog changes.
/// </summary>
public sealed class MerchantDashboards
{
    private readonly SearchRuntime _runtime;
    private readonly IJudgmentStore _judgments;
    private readonly IDashboardQueries _queries;
    private readonly DashboardOptions _options;
    private readonly SearchRequestValidator _validator;
    private readonly ITraitVocabularySource _traits;
    private readonly Lock _lock = new();
    private (IProductSearchService Search, MerchantDashboardService Service, CachingQueryRanker Cache)? _current;

    public MerchantDashboards(
        SearchRuntime runtime,
        IJudgmentStore judgments,
        IDashboardQueries queries,
        ITraitVocabularySource traits,
        IOptions<DashboardOptions> options,
        IOptions<M6Options> m6)
    {
        _runtime = runtime;
        _judgments = judgments;
        _queries = queries;
        _traits = traits;
        _options = options.Value;
        _validator = new SearchRequestValidator(m6.Value.Search);
    }

    /// <summary>What the search back end is doing (shown while <see cref="Current"/> is null).</summary>
    public string Status => _runtime.PublicStatus;

    /// <summary>The dashboard service, or null while the search back end is not running.</summary>
    public MerchantDashboardService? Current
    {
        get
        {
            if (_runtime.Search is not { } search || _runtime.Store is not { } store || _runtime.Embedder is not { } embedder)
            {
                return null;
            }

            lock (_lock)
            {
                if (_current is { } current && ReferenceEquals(current.Search, search))
                {
                    return current.Service;
                }

                _current?.Cache.Dispose();
                var cache = CachingQueryRanker.OverSearch(search, TimeSpan.FromSeconds(_options.RankingCacheSeconds), _options.RankingCacheEntries);
                var service = new MerchantDashboardService(
                    new StoreMerchantCatalog(store),
                    cache,
                    _judgments,
                    _queries,
                    new TraitProber(new RuntimeTextEmbedder(embedder), _traits),
                    _options,
                    _validator);
                _current = (search, service, cache);
                return service;
            }
        }
    }

    /// <summary>Forgets cached rankings (an indexing job changed the catalog).</summary>
    public void InvalidateRankings()
    {
        lock (_lock)
        {
            _current?.Cache.Clear();
        }
    }
}
