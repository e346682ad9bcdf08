namespace M6Search.Stores.Qdrant.Json;

/// <summary>Body of <c>POST /collections/aliases</c> (Qdrant's <c>ChangeAliasesOperation</c>): the actions apply atomically.</summary>
internal sealed record ChangeAliasesRequest(IReadOnlyList<AliasActionDto> Actions);
