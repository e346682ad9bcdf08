namespace M6Search.Stores.Qdrant.Json;

/// <summary>Qdrant's <c>PayloadIndexInfo</c> (only what the store checks).</summary>
internal sealed record PayloadIndexInfoDto(string DataType, long Points);
