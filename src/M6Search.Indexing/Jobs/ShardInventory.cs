namespace M6Search.Indexing.Jobs;

/// <summary>
/// What a job knows about the product ids of its shard: those stored (with their content hashes), those the catalog
/// has (valid or rejected), those listed for deletion, and how many rejected rows had no readable id.
/// </summary>
/// <remarks>
/// <see cref="Stored"/> is filled before indexing and only read while the stages run; <see cref="Seen"/> is written by
/// the catalog reader alone.
/// </remarks>
internal sealed class ShardInventory
{
    private long _idlessRejects;

    /// <summary>Stored ids of this shard and their content hashes.</summary>
    public Dictionary<string, string?> Stored { get; } = new(StringComparer.Ordinal);

    /// <summary>Ids of this shard seen in the catalog, valid or rejected (a rejected row protects its stored product).</summary>
    public HashSet<string> Seen { get; } = new(StringComparer.Ordinal);

    /// <summary>Ids of this shard on the deletion list.</summary>
    public HashSet<string> Deletions { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Rejected rows without a readable id: any of them might be a stored product of any shard.</summary>
    public long IdlessRejects => Interlocked.Read(ref _idlessRejects);

    public void AddIdlessReject() => Interlocked.Increment(ref _idlessRejects);
}
