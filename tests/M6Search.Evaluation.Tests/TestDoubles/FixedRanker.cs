using M6Search.Evaluation.Ranking;

namespace M6Search.Evaluation.Tests.TestDoubles;

/// <summary>Test double: returns a hand-written ranking per query text (empty for other queries).</summary>
internal sealed class FixedRanker(IReadOnlyDictionary<string, string[]> rankings) : IQueryRanker
{
    public Task<IReadOnlyList<string>> RankAsync(RankingQuery query, int depth, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>(rankings.TryGetValue(query.Text, out string[]? ranking) ? ranking.Take(depth).ToArray() : []);
}
