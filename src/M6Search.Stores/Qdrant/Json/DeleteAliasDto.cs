namespace M6Search.Stores.Qdrant.Json;

/// <summary>Qdrant's <c>DeleteAlias</c> (no error when the alias does not exist).</summary>
internal sealed record DeleteAliasDto(string AliasName);
