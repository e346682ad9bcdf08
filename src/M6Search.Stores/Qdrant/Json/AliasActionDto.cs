namespace M6Search.Stores.Qdrant.Json;

/// <summary>One of Qdrant's <c>AliasOperations</c>: exactly one member is set.</summary>
internal sealed record AliasActionDto
{
    public CreateAliasDto? CreateAlias { get; init; }

    public DeleteAliasDto? DeleteAlias { get; init; }
}
