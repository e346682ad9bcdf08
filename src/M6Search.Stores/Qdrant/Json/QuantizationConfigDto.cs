namespace M6Search.Stores.Qdrant.Json;

/// <summary>Qdrant's <c>QuantizationConfig</c>, the scalar branch only (<c>ScalarQuantization</c>).</summary>
internal sealed record QuantizationConfigDto(ScalarQuantizationConfigDto Scalar);
