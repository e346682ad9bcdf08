namespace M6Search.Stores.Qdrant;

/// <summary>
/// Qdrant's write ordering guarantee, sent as the <c>ordering</c> query parameter of every write.
/// </summary>
public enum QdrantWriteOrdering
{
    /// <summary>Writes may be reordered between replicas; fastest (Qdrant's default).</summary>
    Weak,

    /// <summary>Writes go through a dynamically chosen leader; may be briefly inconsistent when the leader changes.</summary>
    Medium,

    /// <summary>Writes go through the permanent leader; consistent, but unavailable while that leader is down.</summary>
    Strong,
}
