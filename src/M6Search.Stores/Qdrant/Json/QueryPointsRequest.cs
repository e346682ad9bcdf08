namespace M6Search.Stores.Qdrant.Json;

/// <summary>
/// Body of <c>POST /collections/{name}/points/query</c> (Qdrant's <c>QueryRequest</c>). <see cref="Query"/> is a
/// <c>float[]</c> (nearest search) or a <see cref="FusionQueryDto"/> over <see cref="Prefetch"/>.
/// </summary>
internal sealed record QueryPointsRequest
{
    public IReadOnlyList<PrefetchDto>? Prefetch { get; init; }

    public required object Query { get; init; }

    public string? Using { get; init; }

    public FilterDto? Filter { get; init; }

    public float? ScoreThreshold { get; init; }

    public required int Limit { get; init; }

    public int? Offset { get; init; }

    public required bool WithPayload { get; init; }

    public required bool WithVector { get; init; }
}
