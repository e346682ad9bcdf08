namespace M6Search.Stores.Qdrant.Json;

/// <summary>Qdrant's <c>MatchValue</c> (<see cref="Value"/>) or <c>MatchAny</c> (<see cref="Any"/>); exactly one is set.</summary>
internal sealed record MatchDto
{
    public string? Value { get; init; }

    public IReadOnlyList<string>? Any { get; init; }
}
