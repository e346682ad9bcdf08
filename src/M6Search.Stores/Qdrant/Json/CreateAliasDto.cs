namespace M6Search.Stores.Qdrant.Json;

/// <summary>Qdrant's <c>CreateAlias</c>.</summary>
internal sealed record CreateAliasDto(string CollectionName, string AliasName);
