namespace M6Search.Indexing.Jobs;

/// <summary>The end of a job: how it ended, the counts, throughput and time per stage, and where its files are.</summary>
public sealed record IndexJobReport
{
    public required IndexJobStatus Status { get; init; }

    /// <summary>Why the job failed or stopped, or why deletions were skipped; null when there is nothing to say.</summary>
    public string? Message { get; init; }

    public required IndexCounts Counts { get; init; }

    /// <summary>The shard, as <c>I/N</c>.</summary>
    public required string Shard { get; init; }

    public required string Collection { get; init; }

    public required string ModelVersion { get; init; }

    public required DateTimeOffset StartedUtc { get; init; }

    public required double ElapsedSeconds { get; init; }

    /// <summary>Rows of this shard settled per second of wall time (indexed + unchanged + rejected).</summary>
    public double ProductsPerSecond { get; init; }

    /// <summary>Products encoded per second of wall time.</summary>
    public double EncodedPerSecond { get; init; }

    public required StageTimes Stages { get; init; }

    /// <summary>True when the job state showed that an earlier run of the same job was interrupted.</summary>
    public bool ResumedInterruptedRun { get; init; }

    /// <summary>True when the removal of products missing from a full catalog was run.</summary>
    public bool RemovedMissing { get; init; }

    /// <summary>The error report (JSON Lines: line, id, reason, kind).</summary>
    public required string ErrorReportPath { get; init; }

    /// <summary>This report as JSON.</summary>
    public required string ReportPath { get; init; }

    /// <summary>The job state file.</summary>
    public required string StatePath { get; init; }
}
