using System.Text.Json;
using System.Text.Json.Serialization;
using M6Search.Stores.Abstractions;

namespace M6Search.Stores.Embedded.Storage;

/// <summary>
/// A collection's schema as the collection file records it: the dense vectors in a fixed order, each with the column
/// that holds it (<c>dense_0</c>, <c>dense_1</c>, ...), and whether points carry the sparse lexical vector.
/// </summary>
internal sealed class StoredSchema
{
    public const string FormatName = "m6search.embedded.v1";
    public const int MaxDimension = 65536;

    private StoredSchema(IReadOnlyList<string> denseNames, IReadOnlyList<int> dimensions, bool hasLexical)
    {
        DenseNames = denseNames;
        Dimensions = dimensions;
        HasLexicalVector = hasLexical;
        Schema = new CollectionSchema
        {
            DenseVectors = denseNames.Select((name, i) => (name, i)).ToDictionary(pair => pair.name, pair => dimensions[pair.i]),
            HasLexicalVector = hasLexical,
        };
    }

    public IReadOnlyList<string> DenseNames { get; }

    public IReadOnlyList<int> Dimensions { get; }

    public bool HasLexicalVector { get; }

    public CollectionSchema Schema { get; }

    public static string ColumnOf(int denseIndex) => $"dense_{denseIndex}";

    public int IndexOf(string name)
    {
        for (int i = 0; i < DenseNames.Count; i++)
        {
            if (string.Equals(DenseNames[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Checks a requested schema and fixes the column order (names in ordinal order).</summary>
    public static StoredSchema From(CollectionSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (schema.DenseVectors is null)
        {
            throw new StoreRequestException("the schema has no DenseVectors dictionary.");
        }

        if (schema.DenseVectors.Count == 0 && !schema.HasLexicalVector)
        {
            throw new StoreRequestException("the schema has no vectors at all.");
        }

        foreach (KeyValuePair<string, int> vector in schema.DenseVectors)
        {
            if (string.IsNullOrWhiteSpace(vector.Key))
            {
                throw new StoreRequestException("the schema has a dense vector with an empty name.");
            }

            if (vector.Key == CollectionSchema.LexicalVector)
            {
                throw new StoreRequestException($"'{CollectionSchema.LexicalVector}' is the sparse vector's name and cannot name a dense vector.");
            }

            if (vector.Value < 1 || vector.Value > MaxDimension)
            {
                throw new StoreRequestException($"dense vector '{vector.Key}' has dimension {vector.Value}; it must be between 1 and {MaxDimension}.");
            }
        }

        string[] names = schema.DenseVectors.Keys.Order(StringComparer.Ordinal).ToArray();
        return new StoredSchema(names, names.Select(name => schema.DenseVectors[name]).ToArray(), schema.HasLexicalVector);
    }

    public string ToJson() => JsonSerializer.Serialize(
        new Document(DenseNames.Select((name, i) => new DenseEntry(name, Dimensions[i], ColumnOf(i))).ToArray(), HasLexicalVector));

    public static StoredSchema FromJson(string json)
    {
        Document? document = JsonSerializer.Deserialize<Document>(json);
        if (document?.Dense is null)
        {
            throw new StoreRequestException("the collection file's schema record is empty.");
        }

        for (int i = 0; i < document.Dense.Length; i++)
        {
            DenseEntry entry = document.Dense[i];
            if (string.IsNullOrEmpty(entry.Name) || entry.Dimension < 1 || entry.Dimension > MaxDimension || entry.Column != ColumnOf(i))
            {
                throw new StoreRequestException($"the collection file's schema record is damaged at dense vector {i}.");
            }
        }

        return new StoredSchema(document.Dense.Select(entry => entry.Name).ToArray(), document.Dense.Select(entry => entry.Dimension).ToArray(), document.Lexical);
    }

    private sealed record Document(
        [property: JsonPropertyName("dense")] DenseEntry[] Dense,
        [property: JsonPropertyName("lexical")] bool Lexical);

    private sealed record DenseEntry(
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("dimension")] int Dimension,
        [property: JsonPropertyName("column")] string Column);
}
