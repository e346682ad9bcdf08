namespace M6Search.Stores.Qdrant.Json;

/// <summary>Qdrant's <c>RemoteShardInfo</c>.</summary>
internal sealed record RemoteShardInfoDto(int ShardId, ulong PeerId, string State);
