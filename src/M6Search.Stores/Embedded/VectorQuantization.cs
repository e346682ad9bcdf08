namespace M6Search.Stores.Embedded;

/// <summary>How the embedded store keeps dense vectors in memory for scanning.</summary>
public enum VectorQuantization
{
    /// <summary>32-bit floats in memory: exact scores, 4 bytes per dimension.</summary>
    None,

    /// <summary>
    /// 8-bit integers with one scale per vector in memory (1 byte per dimension); the best candidates are rescored with
    /// the float vectors read from the collection file, so returned scores are exact cosine similarities.
    /// </summary>
    Int8,
}
