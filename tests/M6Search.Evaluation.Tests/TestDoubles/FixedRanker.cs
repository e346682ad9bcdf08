using M6Search.Evaluation.Corpus;
using M6Search.Evaluation.Ranking;

namespace M6Search.Evaluation.Tests.TestDoubles;

/// <summary>Test double: returns a hand-written ranking per query id (empty for other queries).</summary>
internal sealed class FixedRanker(IReadOnlyDictionary<string, string[]> rankings) : IQueryRanker
{
    public IReadOnlyList<string> Rank(EvaluationQuery query, int depth) =>
        rankings.TryGetValue(query.Query.Id, out string[]? ranking) ? ranking.Take(depth).ToArray() : [];
}
