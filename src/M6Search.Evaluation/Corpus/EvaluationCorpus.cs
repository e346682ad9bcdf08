namespace M6Search.Evaluation.Corpus;

/// <summary>
/// The catalog as the evaluator sees it: products and, when a model was used, their precomputed image and title
/// embeddings (each L2-normalised, so cosine similarity is a dot product). Built by <see cref="EvaluationCorpusBuilder"/>
/// or directly from vectors computed elsewhere.
/// </summary>
public sealed class EvaluationCorpus
{
    /// <summary>How far an embedding's length may stray from 1 before it is rejected as not normalised.</summary>
    public const float NormTolerance = 1e-3f;

    private readonly Dictionary<string, int> _indexById;

    /// <param name="products">The products; ids unique.</param>
    /// <param name="imageEmbeddings">Null when images were not embedded; otherwise one entry per product, null for a product without an image.</param>
    /// <param name="titleEmbeddings">Null when titles were not embedded; otherwise one per product.</param>
    /// <param name="modelVersion">The encoder's <c>ModelVersion</c>, reported with the results.</param>
    /// <exception cref="ArgumentException">Ids repeat, a list has the wrong length, or an embedding has the wrong dimension or is not normalised.</exception>
    public EvaluationCorpus(
        IReadOnlyList<CorpusProduct> products,
        IReadOnlyList<float[]?>? imageEmbeddings = null,
        IReadOnlyList<float[]>? titleEmbeddings = null,
        string? modelVersion = null)
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

        int? dimension = null;
        CheckEmbeddings(products, imageEmbeddings, "image", nameof(imageEmbeddings), ref dimension);
        CheckEmbeddings(products, titleEmbeddings, "title", nameof(titleEmbeddings), ref dimension);

        Products = products;
        ImageEmbeddings = imageEmbeddings;
        TitleEmbeddings = titleEmbeddings;
        ModelVersion = modelVersion;
        Dimension = dimension;
    }

    public IReadOnlyList<CorpusProduct> Products { get; }

    /// <summary>One per product (null entries: products without an image), or null when images were not embedded.</summary>
    public IReadOnlyList<float[]?>? ImageEmbeddings { get; }

    /// <summary>One per product, or null when titles were not embedded.</summary>
    public IReadOnlyList<float[]>? TitleEmbeddings { get; }

    public string? ModelVersion { get; }

    /// <summary>Length of every embedding; null when the corpus has none.</summary>
    public int? Dimension { get; }

    /// <summary>The product with this id, or null when the catalog has none.</summary>
    public CorpusProduct? Find(string productId) =>
        _indexById.TryGetValue(productId, out int index) ? Products[index] : null;

    private static void CheckEmbeddings(
        IReadOnlyList<CorpusProduct> products, IReadOnlyList<float[]?>? embeddings, string kind, string parameter, ref int? dimension)
    {
        if (embeddings is null)
        {
            return;
        }

        if (embeddings.Count != products.Count)
        {
            throw new ArgumentException(
                $"{embeddings.Count} {kind} embeddings for {products.Count} products: expected one per product.", parameter);
        }

        for (int i = 0; i < embeddings.Count; i++)
        {
            float[]? vector = embeddings[i];
            if (vector is null)
            {
                if (kind == "title")
                {
                    throw new ArgumentException($"Product '{products[i].Id}' has no title embedding.", parameter);
                }

                continue;
            }

            dimension ??= vector.Length;
            if (vector.Length != dimension || vector.Length == 0)
            {
                throw new ArgumentException(
                    $"Product '{products[i].Id}': {kind} embedding has {vector.Length} values, expected {dimension}.", parameter);
            }

            float norm = System.Numerics.Tensors.TensorPrimitives.Norm(vector);
            if (!(Math.Abs(norm - 1f) <= NormTolerance))
            {
                throw new ArgumentException(
                    $"Product '{products[i].Id}': {kind} embedding has length {norm}, expected an L2-normalised vector.", parameter);
            }
        }
    }
}
