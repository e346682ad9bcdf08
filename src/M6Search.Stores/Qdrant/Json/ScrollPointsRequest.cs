namespace M6Search.Stores.Qdrant.Json;

/// <summary>
/// Body of <c>POST /collections/{name}/points/scroll</c> (Qdrant's <c>ScrollRequest</c>). <see cref="Offset"/> is a point
/// id: a UUID <c>string</c> or an unsigned <c>ulong</c>.
/// </summary>
internal sealed record ScrollPointsRequest
{
    public object? Offset { get; init; }

    public required int Limit { get; init; }

    public FilterDto? Filter { get; init; }

    public required bool WithPayload { get; init; }

    public required bool WithVector { get; init; }
}
