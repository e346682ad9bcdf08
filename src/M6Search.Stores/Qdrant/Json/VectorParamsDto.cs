namespace M6Search.Stores.Qdrant.Json;

/// <summary>Qdrant's <c>VectorParams</c>: one dense vector's size and distance (request and collection info).</summary>
internal sealed record VectorParamsDto(long Size, string Distance);
