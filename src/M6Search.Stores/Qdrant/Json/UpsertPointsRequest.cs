namespace M6Search.Stores.Qdrant.Json;

/// <summary>Body of <c>PUT /collections/{name}/points</c> (Qdrant's <c>PointsList</c>).</summary>
internal sealed record UpsertPointsRequest(IReadOnlyList<PointStructDto> Points);
