using M6Search.Relevance.Probing;
using M6Search.Search.Encoding;

namespace M6Search.Web.Merchants;

/// <summary>The trait prober's texts go through the app's serialised query embedder, in turn with shopper queries.</summary>
public sealed class RuntimeTextEmbedder : ITextEmbedder
{
    private readonly QueryEmbedder _embedder;

    public RuntimeTextEmbedder(QueryEmbedder embedder)
    {
        _embedder = embedder;
    }

    public string ModelVersion => _embedder.ModelVersion;

    public Task<float[][]> EmbedTextsAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
        _embedder.RunAsync(encoder => encoder.EmbedTexts(texts), cancellationToken);
}
