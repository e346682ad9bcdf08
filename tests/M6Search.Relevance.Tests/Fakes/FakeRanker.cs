using M6Search.Evaluation.Ranking;

namespace M6Search.Relevance.Tests.Fakes;

/// <summary>Returns a fixed ranking per query text (or throws for a failing one); counts calls.</summary>
internal sealed class FakeRanker : IQueryRanker
{
    private readonly Dictionary<string, string[]> _rankings = new(StringComparer.Ordinal);

    public int Calls { get; private set; }

    private readonly HashSet<string> _failing = new(StringComparer.Ordinal);

    /// <summary>Ranking this query throws, as the search does for a query it refuses.</summary>
    public FakeRanker Failing(string query)
    {
        _failing.Add(query);
        return this;
    }

    public FakeRanker With(string query, params string[] ranking)
    {
        _rankings[query] = ranking;
        return this;
    }

    public Task<IReadOnlyList<string>> RankAsync(RankingQuery query, int depth, CancellationToken cancellationToken = default)
    {
        Calls++;
        if (_failing.Contains(query.Text))
        {
            throw new InvalidOperationException($"The search refused '{query.Text}'.");
        }

        IReadOnlyList<string> ranking = _rankings.TryGetValue(query.Text, out string[]? ids) ? ids.Take(depth).ToList() : [];
        return Task.FromResult(ranking);
    }
}
