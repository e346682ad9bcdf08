using M6Search.Catalog.Queries;
using M6Search.Catalog.Reading;
using M6Search.Relevance.QueryLog;
using M6Search.Relevance.Ranking;
using M6Search.Relevance.Traits;

namespace M6Search.Relevance.Dashboard;

/// <summary>
/// Labeled queries from a queries.jsonl file (re-read when the file changes; none while it does not exist) and logged
/// queries from the <see cref="IQueryLog"/>, whose traits are the words of the catalog's trait vocabulary
/// (<see cref="ITraitVocabularySource"/>) found in their text.
/// </summary>
public sealed class DashboardQuerySource : IDashboardQueries
{
    private readonly Func<string?> _labeledPath;
    private readonly IQueryLog _log;
    private readonly ITraitVocabularySource _traits;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string Path, DateTime Written, IReadOnlyList<LabeledQuery> Queries)? _cache;

    /// <param name="labeledPath">Where queries.jsonl is (asked each time: the demo catalog may appear later), or null.</param>
    /// <param name="log">The shopper query log.</param>
    /// <param name="traits">The catalog's trait vocabulary.</param>
    public DashboardQuerySource(Func<string?> labeledPath, IQueryLog log, ITraitVocabularySource traits)
    {
        ArgumentNullException.ThrowIfNull(labeledPath);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(traits);
        _labeledPath = labeledPath;
        _log = log;
        _traits = traits;
    }

    public async Task<IReadOnlyList<DashboardQuery>> LabeledAsync(int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 0);
        IReadOnlyList<LabeledQuery> labeled = await ReadLabeledAsync(cancellationToken).ConfigureAwait(false);
        return labeled.Take(limit).Select(q => new DashboardQuery
        {
            Text = q.Text,
            Source = QuerySource.Labeled,
            Labels = q,
            TraitWords = q.Traits,
        }).ToList();
    }

    public async Task<IReadOnlyList<DashboardQuery>> LoggedAsync(int limit, CancellationToken cancellationToken = default)
    {
        if (limit <= 0)
        {
            return [];
        }

        IReadOnlyList<LoggedQuery> top = await _log.TopAsync(limit, cancellationToken).ConfigureAwait(false);
        TraitVocabulary vocabulary = _traits.Current;
        return top.Select(q => new DashboardQuery
        {
            Text = q.Text,
            Source = QuerySource.Log,
            TimesSearched = q.Count,
            TraitWords = vocabulary.WordsNamedIn(q.Text),
        }).ToList();
    }

    public IReadOnlyList<string> TraitWordsOf(string text) => _traits.Current.WordsNamedIn(text);

    private async Task<IReadOnlyList<LabeledQuery>> ReadLabeledAsync(CancellationToken cancellationToken)
    {
        string? path = _labeledPath();
        if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
        {
            return [];
        }

        DateTime written = File.GetLastWriteTimeUtc(path);
        if (_cache is { } hit && hit.Path == path && hit.Written == written)
        {
            return hit.Queries;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            IReadOnlyList<LabeledQuery> queries = await LabeledQueryReader.ReadAllAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false);
            _cache = (path, written, queries);
            return queries;
        }
        finally
        {
            _gate.Release();
        }
    }
}
