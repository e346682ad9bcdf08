namespace M6Search.Stores.Qdrant.Json;

/// <summary>Body of <c>POST /collections/{name}/points</c> (Qdrant's <c>PointRequest</c>).</summary>
internal sealed record RetrievePointsRequest(IReadOnlyList<string> Ids, bool WithPayload, bool WithVector);
