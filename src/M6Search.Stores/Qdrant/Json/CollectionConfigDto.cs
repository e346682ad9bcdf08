using System.Text.Json;

namespace M6Search.Stores.Qdrant.Json;

/// <summary>Qdrant's <c>CollectionConfig</c> (the params, and the quantisation as sent back: null or one of its kinds).</summary>
internal sealed record CollectionConfigDto(CollectionParamsDto Params, JsonElement? QuantizationConfig = null);
