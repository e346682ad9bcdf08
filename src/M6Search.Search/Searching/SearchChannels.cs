namespace M6Search.Search.Searching;

/// <summary>
/// The retrieval channels a text search fuses. The app searches with <see cref="All"/>; a single channel is what the
/// evaluator measures on its own (README, "Evaluation").
/// </summary>
[Flags]
public enum SearchChannels
{
    /// <summary>No channel (not a valid search).</summary>
    None = 0,

    /// <summary>The query's embedding against the product images' embeddings: finds what titles leave out.</summary>
    Image = 1,

    /// <summary>The query's embedding against the titles' embeddings.</summary>
    Text = 2,

    /// <summary>The query's words against the titles' words (the stores' sparse lexical vectors).</summary>
    Lexical = 4,

    /// <summary>Image, text and lexical, fused: the shopper search.</summary>
    All = Image | Text | Lexical,
}
