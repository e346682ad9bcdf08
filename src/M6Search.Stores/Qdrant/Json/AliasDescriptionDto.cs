namespace M6Search.Stores.Qdrant.Json;

/// <summary>Qdrant's <c>AliasDescription</c>.</summary>
internal sealed record AliasDescriptionDto(string AliasName, string CollectionName);
