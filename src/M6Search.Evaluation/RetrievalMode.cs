namespace M6Search.Evaluation;

/// <summary>How a query is matched against the catalog (README, "Evaluation").</summary>
public enum RetrievalMode
{
    /// <summary>The baseline: Lucene BM25 over product titles, which cannot see unwritten traits. Not an app search.</summary>
    Title,

    /// <summary>The app's image channel alone: the query's embedding against the product images' embeddings.</summary>
    Image,

    /// <summary>The app's text channel alone: the query's embedding against the titles' embeddings.</summary>
    Text,

    /// <summary>The app's lexical channel alone: the query's words against the titles' hashed sparse vectors.</summary>
    Lexical,

    /// <summary>The shopper search: image, text and lexical channels fused as the app fuses them.</summary>
    Hybrid,
}
