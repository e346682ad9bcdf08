namespace M6Search.Stores.Qdrant.Json;

/// <summary>Qdrant's <c>Filter</c>, used only with <c>must</c>: every condition has to hold.</summary>
internal sealed record FilterDto(IReadOnlyList<FieldConditionDto> Must);
