namespace M6Search.Stores.Qdrant.Json;

/// <summary>Qdrant's <c>FieldCondition</c>: a payload key with either a match or a range.</summary>
internal sealed record FieldConditionDto
{
    public required string Key { get; init; }

    public MatchDto? Match { get; init; }

    public RangeDto? Range { get; init; }
}
