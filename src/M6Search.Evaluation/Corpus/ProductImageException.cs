namespace M6Search.Evaluation.Corpus;

/// <summary>A product's image could not be loaded or has the wrong shape for the encoder.</summary>
public sealed class ProductImageException : Exception
{
    public ProductImageException(string productId, string problem, Exception? innerException = null)
        : base($"product '{productId}': {problem}", innerException)
    {
        ProductId = productId;
    }

    public string ProductId { get; }
}
