namespace M6Search.Relevance.Probing;

/// <summary>Embeds texts into the encoder's joint space (the web app adapts its serialised query embedder).</summary>
public interface ITextEmbedder
{
    /// <summary>Identifies the weights: prompt embeddings are cached per model version.</summary>
    string ModelVersion { get; }

    /// <summary>One L2-normalised embedding per text.</summary>
    Task<float[][]> EmbedTextsAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default);
}
