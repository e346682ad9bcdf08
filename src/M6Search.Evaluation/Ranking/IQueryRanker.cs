using M6Search.Evaluation.Corpus;

namespace M6Search.Evaluation.Ranking;

/// <summary>Ranks catalog products for a query: one retrieval mode, or a fusion of several.</summary>
public interface IQueryRanker
{
    /// <summary>At most <paramref name="depth"/> distinct product ids, best first.</summary>
    IReadOnlyList<string> Rank(EvaluationQuery query, int depth);
}
