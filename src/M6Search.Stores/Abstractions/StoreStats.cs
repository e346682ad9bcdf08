namespace M6Search.Stores.Abstractions;

/// <summary>What <c>m6 store stats</c> shows.</summary>
public sealed record StoreStats
{
    public required string Store { get; init; }

    public required string Collection { get; init; }

    public required long Points { get; init; }

    public required IReadOnlyDictionary<string, int> DenseVectors { get; init; }

    public bool HasLexicalVector { get; init; }

    /// <summary>Implementation-specific settings (shards, replicas, quantisation, data directory, ...).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();
}
