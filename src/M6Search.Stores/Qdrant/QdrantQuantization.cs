namespace M6Search.Stores.Qdrant;

/// <summary>How a collection that the store creates keeps its dense vectors (an existing collection keeps its own).</summary>
public enum QdrantQuantization
{
    /// <summary>float32 vectors in RAM (Qdrant's default).</summary>
    None,

    /// <summary>
    /// Scalar int8 quantisation: one byte per dimension kept in RAM (<c>always_ram</c>) and searched, the float32
    /// originals on disk (<c>on_disk</c>) for rescoring the best candidates. About 45 % of the RAM of
    /// <see cref="None"/> per product (deploy/OPERATIONS.md), at a small recall cost that rescoring mostly recovers.
    /// </summary>
    Int8,
}
