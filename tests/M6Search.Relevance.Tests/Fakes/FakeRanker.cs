using M6Search.Relevance.Ranking;

namespace M6Search.Relevance.Tests.Fakes;

/// <summary>Returns a fixed ranking per query text; counts calls.</summary>
internal sealed class FakeRanker : IQueryRanker
{
    private readonly Dictionary<string, string[]> _rankings = new(StringComparer.Ordinal);

    public int Calls { get; private set; }

    public FakeRanker With(string query, params string[] ranking)
    {
        _rankings[query] = ranking;
        return this;
    }

    public Task<IReadOnlyList<string>> RankAsync(string query, int depth, CancellationToken cancellationToken = default)
    {
        Calls++;
        IReadOnlyList<string> ranking = _rankings.TryGetValue(query, out string[]? ids) ? ids.Take(depth).ToList() : [];
        return Task.FromResult(ranking);
    }
}
