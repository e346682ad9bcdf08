namespace M6Search.Stores.Qdrant.Json;

/// <summary>Qdrant's <c>CountResult</c>.</summary>
internal sealed record CountResultDto(long Count);
