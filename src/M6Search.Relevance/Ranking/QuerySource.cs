namespace M6Search.Relevance.Ranking;

/// <summary>Where a dashboard query came from.</summary>
public enum QuerySource
{
    /// <summary>The labeled query set (queries.jsonl), with graded relevance for every product.</summary>
    Labeled,

    /// <summary>The shopper query log: what shoppers typed, without labels.</summary>
    Log,
}
