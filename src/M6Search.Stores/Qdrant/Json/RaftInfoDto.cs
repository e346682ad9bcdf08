namespace M6Search.Stores.Qdrant.Json;

/// <summary>Qdrant's <c>RaftInfo</c> (only what the stats show).</summary>
internal sealed record RaftInfoDto(ulong Term, ulong Commit, ulong? Leader = null, string? Role = null);
