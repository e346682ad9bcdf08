namespace M6Search.Relevance.Dashboard;

/// <summary>Settings of the merchant dashboard, bound from the configuration section <see cref="SectionName"/>.</summary>
public sealed class DashboardOptions
{
    public const string SectionName = "M6:Dashboard";

    /// <summary>The labeled query set (queries.jsonl); empty means the demo catalog's (the web app's DataDir/demo).</summary>
    public string? LabeledQueries { get; set; }

    /// <summary>Ranks searched per query: where a merchant's products are looked for, and the hidden-trait recall depth.</summary>
    public int Depth { get; set; } = 100;

    /// <summary>Labeled queries analysed (the first ones of queries.jsonl).</summary>
    public int MaxLabeledQueries { get; set; } = 200;

    /// <summary>Most searched logged queries analysed.</summary>
    public int MaxLoggedQueries { get; set; } = 50;

    /// <summary>How long a query's ranking is reused across dashboards, in seconds.</summary>
    public int RankingCacheSeconds { get; set; } = 600;

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

        return errors;
    }
}
