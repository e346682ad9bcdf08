namespace M6Search.Evaluation;

/// <summary>How a query is matched against the catalog (README, "Evaluation").</summary>
public enum RetrievalMode
{
    /// <summary>Lexical BM25 over product titles (Lucene.Net); the baseline that cannot see unwritten traits.</summary>
    Title,

    /// <summary>The query's text embedding against the product image embeddings.</summary>
    Image,

    /// <summary>The query's text embedding against the product title embeddings.</summary>
    Text,

    /// <summary>Reciprocal-rank fusion of the image, text and title rankings.</summary>
    Hybrid,
}
