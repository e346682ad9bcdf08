namespace M6Search.Stores.Qdrant.Json;

/// <summary>Qdrant's <c>ClusterStatus</c>: "disabled" (standalone), or "enabled" with this peer, its peers and the raft state.</summary>
internal sealed record ClusterStatusDto
{
    public required string Status { get; init; }

    public ulong? PeerId { get; init; }

    public IReadOnlyDictionary<string, PeerInfoDto>? Peers { get; init; }

    public RaftInfoDto? RaftInfo { get; init; }
}
