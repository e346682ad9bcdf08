using System.Text.Json;

namespace M6Search.Stores.Qdrant.Json;

/// <summary>Qdrant's <c>ScrollResult</c>; <see cref="NextPageOffset"/> is a point id or null at the end.</summary>
internal sealed record ScrollResultDto(IReadOnlyList<RecordDto> Points, JsonElement? NextPageOffset = null);
