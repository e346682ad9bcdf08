namespace M6Search.Stores.Qdrant.Json;

/// <summary>Qdrant's <c>Prefetch</c>: one candidate search of a hybrid query. <see cref="Query"/> is a <c>float[]</c> or a <see cref="SparseVectorDto"/>.</summary>
internal sealed record PrefetchDto
{
    public required object Query { get; init; }

    public required string Using { get; init; }

    public FilterDto? Filter { get; init; }

    public required int Limit { get; init; }
}
