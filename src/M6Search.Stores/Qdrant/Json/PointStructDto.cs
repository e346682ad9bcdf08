using System.Text.Json.Nodes;

namespace M6Search.Stores.Qdrant.Json;

/// <summary>
/// Qdrant's <c>PointStruct</c>. <see cref="Vector"/> maps a vector name to a <c>float[]</c> (dense) or a
/// <see cref="SparseVectorDto"/>; both runtime types are registered in <see cref="QdrantJsonContext"/>.
/// </summary>
internal sealed record PointStructDto(string Id, IReadOnlyDictionary<string, object> Vector, JsonObject Payload);
