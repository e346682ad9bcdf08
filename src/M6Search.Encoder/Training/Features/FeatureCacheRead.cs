namespace M6Search.Encoder.Training.Features;

/// <summary>What <see cref="FeatureCache.TryRead"/> found.</summary>
public enum FeatureCacheRead
{
    /// <summary>A valid entry for the key.</summary>
    Hit,

    /// <summary>No entry.</summary>
    Missing,

    /// <summary>An entry that fails its checks (checksum, key, sizes): it is never used, and gets recomputed.</summary>
    Corrupt,
}
