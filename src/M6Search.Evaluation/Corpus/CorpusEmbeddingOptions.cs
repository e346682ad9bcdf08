namespace M6Search.Evaluation.Corpus;

/// <summary>What <see cref="EvaluationCorpusBuilder"/> embeds and in what batches.</summary>
public sealed record CorpusEmbeddingOptions
{
    /// <summary>Embed every product image (needed by the image and hybrid modes).</summary>
    public bool Images { get; init; } = true;

    /// <summary>Embed every title (needed by the text and hybrid modes).</summary>
    public bool Titles { get; init; } = true;

    /// <summary>Images or texts per encoder call.</summary>
    public int BatchSize { get; init; } = 32;
}
