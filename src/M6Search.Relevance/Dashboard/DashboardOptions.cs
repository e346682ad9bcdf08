namespace M6Search.Relevance.Dashboard;

/// <summary>Settings of the merchant dashboard, bound from the configuration section <see cref="SectionName"/>.</summary>
public sealed class DashboardOptions
{
    public const string SectionName = "M6:Dashboard";

    /// <summary>The labeled query set (queries.jsonl); empty means the demo catalog's (the web app's DataDir/demo).</summary>
    public string? LabeledQueries { get; set; }

    /// <summary>
    /// The catalog's trait vocabulary (traits.json: the traits probed in photos and recognised in queries); empty means
    /// the demo catalog's (the web app's DataDir/demo/traits.json, which <c>m6 synth</c> writes).
    /// </summary>
    public string? Traits { get; set; }

    /// <summary>Ranks searched per query: where a merchant's products are looked for, and the hidden-trait recall depth.</summary>
    public int Depth { get; set; } = 100;

    /// <summary>Labeled queries analysed (the first ones of queries.jsonl).</summary>
    public int MaxLabeledQueries { get; set; } = 200;

    /// <summary>Most searched logged queries analysed.</summary>
    public int MaxLoggedQueries { get; set; } = 50;

    /// <summary>How long a query's ranking is reused across dashboards, in seconds.</summary>
    public int RankingCacheSeconds { get; set; } = 600;

    /// <summary>Most rankings kept in the cache shared by all dashboards.</summary>
    public int RankingCacheEntries { get; set; } = 2000;

    /// <summary>
    /// Most distinct queries one merchant may judge (each adds a search to every build of its dashboard): a new query
    /// is refused past it, and a build ranks at most this many judged-only queries.
    /// </summary>
    public int MaxJudgedQueries { get; set; } = 100;

    /// <summary>Every problem with these settings, each naming its configuration key.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Depth is < 10 or > 100)
        {
            errors.Add($"{SectionName}:{nameof(Depth)} must be 10 to 100 (the search returns at most 100 results), not {Depth}.");
        }

        if (MaxLabeledQueries < 0)
        {
            errors.Add($"{SectionName}:{nameof(MaxLabeledQueries)} must be at least 0, not {MaxLabeledQueries}.");
        }

        if (MaxLoggedQueries < 0)
        {
            errors.Add($"{SectionName}:{nameof(MaxLoggedQueries)} must be at least 0, not {MaxLoggedQueries}.");
        }

        if (RankingCacheSeconds < 0)
        {
            errors.Add($"{SectionName}:{nameof(RankingCacheSeconds)} must be at least 0, not {RankingCacheSeconds}.");
        }

        if (RankingCacheEntries is < 1 or > 1_000_000)
        {
            errors.Add($"{SectionName}:{nameof(RankingCacheEntries)} must be 1 to 1000000, not {RankingCacheEntries}.");
        }

        if (MaxJudgedQueries is < 1 or > 10_000)
        {
            errors.Add($"{SectionName}:{nameof(MaxJudgedQueries)} must be 1 to 10000, not {MaxJudgedQueries}.");
        }

        return errors;
    }
}
