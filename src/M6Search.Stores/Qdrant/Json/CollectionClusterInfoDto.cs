using System.Text.Json;

namespace M6Search.Stores.Qdrant.Json;

/// <summary>Qdrant's <c>CollectionClusterInfo</c>.</summary>
internal sealed record CollectionClusterInfoDto
{
    public ulong PeerId { get; init; }

    public int ShardCount { get; init; }

    public IReadOnlyList<LocalShardInfoDto> LocalShards { get; init; } = [];

    public IReadOnlyList<RemoteShardInfoDto> RemoteShards { get; init; } = [];

    public IReadOnlyList<JsonElement> ShardTransfers { get; init; } = [];
}
