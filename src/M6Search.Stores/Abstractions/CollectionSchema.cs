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

    /// <summary>True when both schemas have the same dense vector names and dimensions and the same lexical flag.</summary>
    public bool HasSameShapeAs(CollectionSchema other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (HasLexicalVector != other.HasLexicalVector || DenseVectors.Count != other.DenseVectors.Count)
        {
            return false;
        }

        foreach (KeyValuePair<string, int> vector in DenseVectors)
        {
            if (!other.DenseVectors.TryGetValue(vector.Key, out int dimension) || dimension != vector.Value)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A short description such as "image:512, text:512, lexical" for messages and stats.</summary>
    public string Describe()
    {
        IEnumerable<string> parts = DenseVectors
            .OrderBy(vector => vector.Key, StringComparer.Ordinal)
            .Select(vector => $"{vector.Key}:{vector.Value}");
        return string.Join(", ", HasLexicalVector ? parts.Append(LexicalVector) : parts);
    }

    /// <summary>The product schema for an encoder of the given embedding dimension.</summary>
    public static CollectionSchema ForProducts(int dimension) => new()
    {
        DenseVectors = new Dictionary<string, int> { [ImageVector] = dimension, [TextVector] = dimension },
        HasLexicalVector = true,
    };
}
