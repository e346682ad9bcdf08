namespace M6Search.Stores.Qdrant.Json;

/// <summary>Qdrant's <c>CollectionExistence</c>.</summary>
internal sealed record CollectionExistenceDto(bool Exists);
