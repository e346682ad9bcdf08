namespace M6Search.Stores.Qdrant.Json;

/// <summary>Qdrant's <c>UpdateResult</c>; with <c>wait=true</c> the status must be "completed".</summary>
internal sealed record UpdateResultDto(string Status, long? OperationId = null);
