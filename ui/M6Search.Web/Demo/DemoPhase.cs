namespace M6Search.Web.Demo;

/// <summary>Where the demo catalog bootstrap is.</summary>
public enum DemoPhase
{
    /// <summary>Not started yet (the store is still opening).</summary>
    Pending,

    /// <summary>Nothing to do: the store already holds products, the demo is off, or the store is Qdrant.</summary>
    NotNeeded,

    /// <summary>Drawing the synthetic catalog's images and writing its files.</summary>
    Generating,

    /// <summary>Embedding and storing the demo products.</summary>
    Indexing,

    /// <summary>The demo catalog is indexed.</summary>
    Done,

    /// <summary>The bootstrap failed; the message says why.</summary>
    Failed,
}
