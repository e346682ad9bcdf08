namespace M6Search.Stores.Qdrant.Json;

/// <summary>Qdrant's <c>CollectionInfo</c> (only what the store checks and reports).</summary>
internal sealed record CollectionInfoDto
{
    public required string Status { get; init; }

    public long? PointsCount { get; init; }

    public long? IndexedVectorsCount { get; init; }

    public long SegmentsCount { get; init; }

    public required CollectionConfigDto Config { get; init; }

    public IReadOnlyDictionary<string, PayloadIndexInfoDto>? PayloadSchema { get; init; }
}
