namespace M6Search.Stores.Qdrant.Json;

/// <summary>Body of <c>POST /collections/{name}/points/count</c> (Qdrant's <c>CountRequest</c>).</summary>
internal sealed record CountPointsRequest(FilterDto? Filter, bool Exact);
