namespace M6Search.Stores.Qdrant.Json;

/// <summary>Qdrant's <c>SparseVector</c>: unique indices and their values, of equal length.</summary>
internal sealed record SparseVectorDto(uint[] Indices, float[] Values);
