namespace M6Search.Stores.Qdrant.Json;

/// <summary>Qdrant's <c>ScalarQuantizationConfig</c>: <c>type</c> is "int8"; <c>quantile</c> clips outliers before scaling.</summary>
internal sealed record ScalarQuantizationConfigDto(string Type, float? Quantile, bool? AlwaysRam);
