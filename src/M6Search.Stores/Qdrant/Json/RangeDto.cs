namespace M6Search.Stores.Qdrant.Json;

/// <summary>Qdrant's <c>Range</c> with inclusive bounds.</summary>
internal sealed record RangeDto(double? Gte, double? Lte);
