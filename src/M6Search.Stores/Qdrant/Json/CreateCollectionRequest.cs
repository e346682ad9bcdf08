namespace M6Search.Stores.Qdrant.Json;

/// <summary>Body of <c>PUT /collections/{name}</c> (Qdrant's <c>CreateCollection</c>).</summary>
internal sealed record CreateCollectionRequest
{
    public required IReadOnlyDictionary<string, VectorParamsDto> Vectors { get; init; }

    public IReadOnlyDictionary<string, SparseVectorParamsDto>? SparseVectors { get; init; }

    public int? ShardNumber { get; init; }

    public int? ReplicationFactor { get; init; }

    public int? WriteConsistencyFactor { get; init; }

    public QuantizationConfigDto? QuantizationConfig { get; init; }
}
