namespace M6Search.Stores.Qdrant.Json;

/// <summary>Qdrant's <c>SnapshotDescription</c>.</summary>
internal sealed record SnapshotDescriptionDto(string Name, long Size, string? CreationTime = null, string? Checksum = null);
