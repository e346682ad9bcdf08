using System.Text.Json;

namespace M6Search.Stores.Qdrant.Json;

/// <summary>Qdrant's <c>CollectionParams</c>; <see cref="Vectors"/> is a <c>VectorsConfig</c> (one unnamed vector or a map).</summary>
internal sealed record CollectionParamsDto
{
    public JsonElement? Vectors { get; init; }

    public IReadOnlyDictionary<string, SparseVectorParamsDto>? SparseVectors { get; init; }

    public int? ShardNumber { get; init; }

    public int? ReplicationFactor { get; init; }

    public int? WriteConsistencyFactor { get; init; }
}
