namespace M6Search.Stores.Qdrant.Json;

/// <summary>Qdrant's <c>QueryResponse</c>.</summary>
internal sealed record QueryResultDto(IReadOnlyList<RecordDto> Points);
