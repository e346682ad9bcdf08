namespace M6Search.Stores.Qdrant.Json;

/// <summary>Body of <c>POST /collections/{name}/points/delete</c> (Qdrant's <c>PointIdsList</c>).</summary>
internal sealed record DeletePointsRequest(IReadOnlyList<string> Points);
