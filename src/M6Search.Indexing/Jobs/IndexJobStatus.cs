namespace M6Search.Indexing.Jobs;

/// <summary>How an indexing job ended.</summary>
public enum IndexJobStatus
{
    /// <summary>Every row of the catalog (shard) was indexed or found unchanged.</summary>
    Completed,

    /// <summary>The job ran to the end; some rows or images were rejected (see the error report).</summary>
    CompletedWithRejects,

    /// <summary>More rows were rejected than the job allows (<see cref="IndexJobOptions.MaxErrors"/>); stopped early.</summary>
    TooManyRejects,

    /// <summary>The job could not go on: the catalog could not be read, the store failed, the encoder failed.</summary>
    Failed,

    /// <summary>Stopped on request; run it again to finish.</summary>
    Cancelled,
}
