namespace M6Search.Stores.Qdrant.Json;

/// <summary>Qdrant's <c>PeerInfo</c>.</summary>
internal sealed record PeerInfoDto(string Uri);
