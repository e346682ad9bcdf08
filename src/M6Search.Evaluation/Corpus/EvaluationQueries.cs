using M6Search.Catalog.Queries;
using M6Search.Encoder;

namespace M6Search.Evaluation.Corpus;

/// <summary>Prepares labeled queries for ranking.</summary>
public static class EvaluationQueries
{
    /// <summary>The queries without embeddings: enough for the title mode.</summary>
    public static IReadOnlyList<EvaluationQuery> WithoutEmbeddings(IReadOnlyList<LabeledQuery> queries)
    {
        ArgumentNullException.ThrowIfNull(queries);
        return queries.Select(q => new EvaluationQuery(q)).ToArray();
    }

    /// <summary>Embeds every query text with the encoder, in batches.</summary>
    public static IReadOnlyList<EvaluationQuery> Embed(
        IReadOnlyList<LabeledQuery> queries,
        IProductEncoder encoder,
        int batchSize = 32,
        IProgress<EmbeddingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queries);
        float[][] embeddings = EvaluationCorpusBuilder.EmbedTexts(
            queries.Select(q => q.Text).ToArray(), encoder, batchSize, "queries", progress, cancellationToken);
        return queries.Select((q, i) => new EvaluationQuery(q, embeddings[i])).ToArray();
    }
}
