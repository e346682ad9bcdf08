namespace M6Search.Indexing.Jobs;

/// <summary>Where a job is.</summary>
public enum IndexPhase
{
    /// <summary>Checking the collection and reading the deletions file.</summary>
    Starting,

    /// <summary>Reading the ids and content hashes already stored in this shard.</summary>
    LoadingExisting,

    /// <summary>Reading the catalog, decoding images, encoding and upserting.</summary>
    Indexing,

    /// <summary>Removing products that left the catalog or are listed in the deletions file.</summary>
    Deleting,

    /// <summary>Done (whatever the status).</summary>
    Finished,
}
