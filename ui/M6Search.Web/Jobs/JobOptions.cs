namespace M6Search.Web.Jobs;

/// <summary>Indexing jobs started from the jobs page, bound from the configuration section <see cref="SectionName"/> ("M6:Jobs").</summary>
public sealed class JobOptions
{
    public const string SectionName = "M6:Jobs";

    /// <summary>
    /// Folders a job's catalog must lie under (after resolving links); empty means M6:DataDir only. The page reads no
    /// file outside them.
    /// </summary>
    public List<string> CatalogRoots { get; set; } = [];

    /// <summary>Products per encoder batch and upsert.</summary>
    public int BatchSize { get; set; } = 32;

    /// <summary>Stop a job after this many rejected rows; null never stops for rejects.</summary>
    public long? MaxErrors { get; set; }

    /// <summary>Image readers and decoders per job (the web app shares the machine with shoppers).</summary>
    public int DegreeOfParallelism { get; set; } = 2;

    /// <summary>Past jobs listed on the page.</summary>
    public int HistoryLimit { get; set; } = 50;

    /// <summary>Every problem with these settings, each naming its configuration key.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (BatchSize is < 1 or > 4096)
        {
            errors.Add($"{SectionName}:{nameof(BatchSize)} must be 1 to 4096, not {BatchSize}.");
        }

        if (MaxErrors is < 0)
        {
            errors.Add($"{SectionName}:{nameof(MaxErrors)} must not be negative, not {MaxErrors}.");
        }

        if (DegreeOfParallelism is < 1 or > 64)
        {
            errors.Add($"{SectionName}:{nameof(DegreeOfParallelism)} must be 1 to 64, not {DegreeOfParallelism}.");
        }

        if (HistoryLimit < 1)
        {
            errors.Add($"{SectionName}:{nameof(HistoryLimit)} must be at least 1, not {HistoryLimit}.");
        }

        if (CatalogRoots.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add($"{SectionName}:{nameof(CatalogRoots)} must not hold blank entries.");
        }

        return errors;
    }
}
