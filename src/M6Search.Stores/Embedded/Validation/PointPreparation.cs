using M6Search.Stores.Abstractions;
using M6Search.Stores.Embedded.Filtering;
using M6Search.Stores.Embedded.Storage;

namespace M6Search.Stores.Embedded.Validation;

/// <summary>Checks a batch of points against the collection's schema and turns it into <see cref="PreparedPoint"/>s.</summary>
internal static class PointPreparation
{
    /// <summary>
    /// One prepared point per product; the last occurrence of a product in the batch wins, as if the points had been
    /// upserted one after another.
    /// </summary>
    public static List<PreparedPoint> Prepare(IReadOnlyList<ProductPoint> points, StoredSchema schema)
    {
        var byPoint = new Dictionary<Guid, int>();
        var prepared = new List<PreparedPoint>(points.Count);
        for (int index = 0; index < points.Count; index++)
        {
            PreparedPoint entry = PrepareOne(points[index], index, schema);
            if (byPoint.TryGetValue(entry.PointId, out int earlier))
            {
                prepared[earlier] = entry;
            }
            else
            {
                byPoint.Add(entry.PointId, prepared.Count);
                prepared.Add(entry);
            }
        }

        return prepared;
    }

    private static PreparedPoint PrepareOne(ProductPoint? point, int index, StoredSchema schema)
    {
        if (point is null)
        {
            throw new StoreRequestException($"point {index} is null.");
        }

        if (point.Product is null)
        {
            throw new StoreRequestException($"point {index} has no product.");
        }

        string productId = point.Product.Id;
        if (string.IsNullOrWhiteSpace(productId))
        {
            throw new StoreRequestException($"point {index} has an empty product id.");
        }

        var dense = new float[]?[schema.DenseNames.Count];
        foreach (KeyValuePair<string, float[]> vector in point.Vectors ?? new Dictionary<string, float[]>())
        {
            int denseIndex = schema.IndexOf(vector.Key);
            if (denseIndex < 0)
            {
                throw new StoreRequestException(
                    $"product '{productId}': vector '{vector.Key}' is not in the collection schema ({schema.Schema.Describe()}).");
            }

            dense[denseIndex] = InputChecks.UnitVector(vector.Value, schema.Dimensions[denseIndex], $"product '{productId}': vector '{vector.Key}'");
        }

        if (point.Lexical is not null)
        {
            if (!schema.HasLexicalVector)
            {
                throw new StoreRequestException($"product '{productId}' has a lexical vector; the collection has none.");
            }

            InputChecks.CheckSparse(point.Lexical, $"product '{productId}': lexical vector");
        }

        string payload = ProductPayload.Serialize(point.Product);
        return new PreparedPoint
        {
            ProductId = productId,
            PointId = PointIds.FromProductId(productId),
            PayloadJson = payload,
            ContentHash = point.ContentHash,
            Dense = dense,
            Lexical = point.Lexical is null ? null : new SparseVector([.. point.Lexical.Indices], [.. point.Lexical.Values]),
            Fields = PayloadFields.Parse(payload),
        };
    }
}
