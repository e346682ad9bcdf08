namespace M6Search.Indexing.Stores;

/// <summary>Which vector store a <see cref="StoreSpec"/> names.</summary>
public enum StoreKind
{
    /// <summary>The embedded (serverless) store in a local folder.</summary>
    Embedded,

    /// <summary>A Qdrant server.</summary>
    Qdrant,
}
