namespace M6Search.Stores.Abstractions;

/// <summary>The shape of a product collection: the dense vectors it holds and whether it has the sparse lexical vector.</summary>
public sealed record CollectionSchema
{
    /// <summary>Name of the dense image vector.</summary>
    public const string ImageVector = "image";

    /// <summary>Name of the dense title vector.</summary>
    public const string TextVector = "text";

    /// <summary>Name of the sparse lexical (BM25-weighted) vector.</summary>
    public const string LexicalVector = "lexical";

    /// <summary>Dense vector name to dimension; every dense vector is compared by cosine similarity.</summary>
    public required IReadOnlyDictionary<string, int> DenseVectors { get; init; }

    /// <summary>True when points carry the sparse <see cref="LexicalVector"/>.</summary>
    public bool HasLexicalVector { get; init; } = true;

    /// <summary>The product schema for an encoder of the given embedding dimension.</summary>
    public static CollectionSchema ForProducts(int dimension) => new()
    {
        DenseVectors = new Dictionary<string, int> { [ImageVector] = dimension, [TextVector] = dimension },
        HasLexicalVector = true,
    };
}
