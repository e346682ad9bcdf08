using M6Search.Evaluation.Corpus;

namespace M6Search.Evaluation.Ranking;

/// <summary>Ranks products by the cosine similarity of the query embedding to one kind of product embedding.</summary>
public sealed class DenseRanker : IQueryRanker
{
    private readonly IReadOnlyList<CorpusProduct> _products;
    private readonly ExactCosineSearch _search;

    /// <param name="products">The corpus products.</param>
    /// <param name="embeddings">One per product (null: the product cannot be found this way).</param>
    public DenseRanker(IReadOnlyList<CorpusProduct> products, IReadOnlyList<float[]?> embeddings)
    {
        ArgumentNullException.ThrowIfNull(products);
        ArgumentNullException.ThrowIfNull(embeddings);
        if (products.Count != embeddings.Count)
        {
            throw new ArgumentException($"{embeddings.Count} embeddings for {products.Count} products.", nameof(embeddings));
        }

        _products = products;
        _search = new ExactCosineSearch(embeddings);
    }

    /// <summary>Ranks against the image embeddings.</summary>
    /// <exception cref="InvalidOperationException">The corpus has no image embeddings.</exception>
    public static DenseRanker OverImages(EvaluationCorpus corpus) => new(
        corpus.Products,
        corpus.ImageEmbeddings ?? throw new InvalidOperationException("The corpus has no image embeddings: the image mode needs them."));

    /// <summary>Ranks against the title embeddings.</summary>
    /// <exception cref="InvalidOperationException">The corpus has no title embeddings.</exception>
    public static DenseRanker OverTitles(EvaluationCorpus corpus) => new(
        corpus.Products,
        corpus.TitleEmbeddings ?? throw new InvalidOperationException("The corpus has no title embeddings: the text mode needs them."));

    /// <exception cref="InvalidOperationException">The query has no embedding.</exception>
    public IReadOnlyList<string> Rank(EvaluationQuery query, int depth)
    {
        ArgumentNullException.ThrowIfNull(query);
        float[] embedding = query.Embedding
            ?? throw new InvalidOperationException($"Query '{query.Query.Id}' has no embedding; embedding modes need one.");
        return _search.Search(embedding, depth).Select(hit => _products[hit.Index].Id).ToArray();
    }
}
