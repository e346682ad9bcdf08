namespace M6Search.Encoder.Training.Features;

/// <summary>What a <see cref="FeatureCachingPass"/> did, entry by entry (an entry is one view of one image).</summary>
public sealed record FeatureCachingReport
{
    /// <summary>Entries read from the cache.</summary>
    public long Hits { get; init; }

    /// <summary>Entries computed because none was cached.</summary>
    public long Computed { get; init; }

    /// <summary>Entries that failed their checks and were computed again.</summary>
    public long Recomputed { get; init; }

    /// <summary>Images that could not be read (listed in the dataset's rejections).</summary>
    public long Rejected { get; init; }

    /// <summary>Wall-clock time of the pass.</summary>
    public TimeSpan Elapsed { get; init; }
}
