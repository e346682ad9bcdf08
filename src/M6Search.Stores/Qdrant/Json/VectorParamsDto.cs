namespace M6Search.Stores.Qdrant.Json;

/// <summary>Qdrant's <c>VectorParams</c>: one dense vector's size and distance, and whether the originals live on disk.</summary>
internal sealed record VectorParamsDto(long Size, string Distance, bool? OnDisk = null);
