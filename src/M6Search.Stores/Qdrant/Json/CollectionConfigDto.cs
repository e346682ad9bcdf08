namespace M6Search.Stores.Qdrant.Json;

/// <summary>Qdrant's <c>CollectionConfig</c> (only the params).</summary>
internal sealed record CollectionConfigDto(CollectionParamsDto Params);
