namespace M6Search.Stores.Qdrant.Json;

/// <summary>Qdrant's <c>FusionQuery</c>, here always <c>{"fusion": "rrf"}</c>.</summary>
internal sealed record FusionQueryDto(string Fusion);
