namespace M6Search.Stores.Qdrant.Json;

/// <summary>Qdrant's <c>CollectionsAliasesResponse</c>.</summary>
internal sealed record CollectionsAliasesDto(IReadOnlyList<AliasDescriptionDto> Aliases);
