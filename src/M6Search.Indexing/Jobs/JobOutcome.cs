namespace M6Search.Indexing.Jobs;

/// <summary>How a job's phases ended, before the report is written.</summary>
/// <param name="Status">The job's end state.</param>
/// <param name="Message">Why it stopped, or what it left undone; null when there is nothing to say.</param>
/// <param name="Resumed">Whether it continued an interrupted run of the same job.</param>
/// <param name="RemovedMissing">Whether products missing from a full catalog were removed.</param>
internal sealed record JobOutcome(IndexJobStatus Status, string? Message, bool Resumed, bool RemovedMissing);
