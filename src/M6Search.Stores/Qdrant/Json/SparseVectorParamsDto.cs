namespace M6Search.Stores.Qdrant.Json;

/// <summary>Qdrant's <c>SparseVectorParams</c>: the query-time weight modifier ("none" or "idf").</summary>
internal sealed record SparseVectorParamsDto(string? Modifier = null);
