namespace M6Search.Indexing.Jobs;

/// <summary>What happened to the catalog's rows so far.</summary>
public sealed record IndexCounts
{
    /// <summary>Catalog rows read (all shards, valid or not).</summary>
    public long Read { get; init; }

    /// <summary>Valid rows that belong to another shard and were left to its worker.</summary>
    public long OtherShard { get; init; }

    /// <summary>Products written to the store (encoded or with reused vectors).</summary>
    public long Indexed { get; init; }

    /// <summary>Of <see cref="Indexed"/>: products run through the encoder.</summary>
    public long Encoded { get; init; }

    /// <summary>Of <see cref="Indexed"/>: products whose payload changed but whose title and image did not (vectors reused).</summary>
    public long PayloadOnly { get; init; }

    /// <summary>Products already stored with the same content hash: nothing done.</summary>
    public long Unchanged { get; init; }

    /// <summary>Rows or images rejected (each one is a line of the error report).</summary>
    public long Rejected { get; init; }

    /// <summary>Products removed from the store.</summary>
    public long Deleted { get; init; }

    /// <summary>Rows of this shard whose fate is settled (indexed, unchanged, rejected, or listed for deletion).</summary>
    public long Done => Indexed + Unchanged + Rejected + ListedForDeletion;

    /// <summary>Catalog rows skipped because their id is in the deletions file.</summary>
    public long ListedForDeletion { get; init; }
}
