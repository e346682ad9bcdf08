using System.Text.Json;
using System.Text.Json.Nodes;

namespace M6Search.Stores.Qdrant.Json;

/// <summary>
/// Qdrant's <c>Record</c> and <c>ScoredPoint</c> (which adds <see cref="Score"/>). <see cref="Id"/> is a UUID string or an
/// integer; <see cref="Vector"/> is Qdrant's <c>VectorStructOutput</c> (for our collections a map of named vectors).
/// </summary>
internal sealed record RecordDto
{
    public required JsonElement Id { get; init; }

    public float Score { get; init; }

    public JsonObject? Payload { get; init; }

    public JsonElement? Vector { get; init; }
}
