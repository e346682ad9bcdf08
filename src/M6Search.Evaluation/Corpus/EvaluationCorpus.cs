using M6Search.Catalog.Products;

namespace M6Search.Evaluation.Corpus;

/// <summary>
/// The catalog as the evaluator sees it: every product's id, title and language, whether or not it could be indexed (a
/// product the search cannot find still counts in the judgments). Titles decide the hidden-trait products; the title
/// baseline indexes them.
/// </summary>
public sealed class EvaluationCorpus
{
    private readonly Dictionary<string, int> _indexById;

    /// <exception cref="ArgumentException">An id appears twice.</exception>
    public EvaluationCorpus(IReadOnlyList<CorpusProduct> products)
    {
        ArgumentNullException.ThrowIfNull(products);
        _indexById = new Dictionary<string, int>(products.Count, StringComparer.Ordinal);
        for (int i = 0; i < products.Count; i++)
        {
            if (!_indexById.TryAdd(products[i].Id, i))
            {
                throw new ArgumentException($"Product id '{products[i].Id}' appears twice in the corpus.", nameof(products));
            }
        }

        Products = products;
    }

    public IReadOnlyList<CorpusProduct> Products { get; }

    /// <summary>The corpus of catalog products.</summary>
    public static EvaluationCorpus Of(IReadOnlyList<Product> products)
    {
        ArgumentNullException.ThrowIfNull(products);
        return new EvaluationCorpus(products.Select(p => new CorpusProduct(p.Id, p.Title, p.Lang)).ToArray());
    }

    /// <summary>The product with this id, or null when the catalog has none.</summary>
    public CorpusProduct? Find(string productId) =>
        _indexById.TryGetValue(productId, out int index) ? Products[index] : null;
}
