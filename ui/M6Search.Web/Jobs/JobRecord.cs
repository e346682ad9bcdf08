namespace M6Search.Web.Jobs;

/// <summary>One job of the history (SQLite), with its final counts once it has ended.</summary>
public sealed record JobRecord
{
    public required string Id { get; init; }

    public required string CatalogPath { get; init; }

    public required string StartedBy { get; init; }

    public required DateTimeOffset StartedUtc { get; init; }

    public DateTimeOffset? FinishedUtc { get; init; }

    public required JobState State { get; init; }

    public string? Message { get; init; }

    public long Indexed { get; init; }

    public long Unchanged { get; init; }

    public long Rejected { get; init; }

    public long Deleted { get; init; }

    /// <summary>The job's folder (state, error report, report), on the server; never sent to the browser.</summary>
    public required string StateDirectory { get; init; }
}
