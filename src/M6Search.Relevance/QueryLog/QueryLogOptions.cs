namespace M6Search.Relevance.QueryLog;

/// <summary>Bounds of the shopper query log, bound from the configuration section <see cref="SectionName"/>.</summary>
public sealed class QueryLogOptions
{
    public const string SectionName = "M6:QueryLog";

    /// <summary>Distinct queries kept; past it the least recently searched are dropped.</summary>
    public int MaxQueries { get; set; } = 10_000;

    /// <summary>Queries not searched for this many days are dropped.</summary>
    public int RetentionDays { get; set; } = 90;

    /// <summary>Every problem with these settings, each naming its configuration key.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MaxQueries is < 1 or > 10_000_000)
        {
            errors.Add($"{SectionName}:{nameof(MaxQueries)} must be 1 to 10000000, not {MaxQueries}.");
        }

        if (RetentionDays is < 1 or > 3650)
        {
            errors.Add($"{SectionName}:{nameof(RetentionDays)} must be 1 to 3650, not {RetentionDays}.");
        }

        return errors;
    }
}
