namespace M6Search.Stores.Qdrant.Json;

/// <summary>Qdrant's <c>LocalShardInfo</c>.</summary>
internal sealed record LocalShardInfoDto(int ShardId, long PointsCount, string State);
