using System.Globalization;
using Google.Protobuf.Collections;
using M6Search.Catalog.Products;
using M6Search.Stores.Abstractions;
using Qdrant.Client.Grpc;

namespace M6Search.Stores.Qdrant.Mapping;

/// <summary>Point ids and scroll cursors, and a returned point read back into a <see cref="ProductPoint"/>.</summary>
internal static class PointReader
{
    public static PointId PointIdOf(string productId) => new() { Uuid = PointIds.FromProductId(productId).ToString("D") };

    /// <summary>The product, content hash and vectors of a point; a point M6Search did not write is reported.</summary>
    public static ProductPoint ToProductPoint(PointId id, MapField<string, Value> payload, VectorsOutput? vectors, string operation, string collection)
    {
        string pointId = IdText(id, operation, collection);
        (Product product, string? contentHash) = ProductPayload.FromPayload(payload, pointId, operation, collection);
        if (!string.Equals(PointIds.FromProductId(product.Id).ToString("D"), pointId, StringComparison.OrdinalIgnoreCase))
        {
            throw new VectorStoreException(operation, collection, $"point {pointId} holds product '{product.Id}', whose point id differs; the collection holds points M6Search did not write.");
        }

        (IReadOnlyDictionary<string, float[]> dense, Abstractions.SparseVector? lexical) = VectorMapper.FromQdrant(vectors, pointId, operation, collection);
        return new ProductPoint { Product = product, ContentHash = contentHash, Vectors = dense, Lexical = lexical };
    }

    /// <summary>A point id as the scroll cursor and messages show it: the uuid, or the number.</summary>
    public static string IdText(PointId id, string operation, string collection) => id.PointIdOptionsCase switch
    {
        PointId.PointIdOptionsOneofCase.Uuid => id.Uuid,
        PointId.PointIdOptionsOneofCase.Num => id.Num.ToString(CultureInfo.InvariantCulture),
        _ => throw new VectorStoreException(operation, collection, "Qdrant returned a point without an id."),
    };

    /// <summary>The point id a scroll cursor of <see cref="IdText"/> stands for; null for the first page.</summary>
    public static PointId? ParseCursor(string? offset)
    {
        if (offset is null)
        {
            return null;
        }

        if (Guid.TryParse(offset, out Guid uuid))
        {
            return new PointId { Uuid = uuid.ToString("D") };
        }

        if (ulong.TryParse(offset, NumberStyles.None, CultureInfo.InvariantCulture, out ulong number))
        {
            return new PointId { Num = number };
        }

        throw new ArgumentException($"'{offset}' is not a scroll cursor returned by this store.", nameof(ScrollRequest.Offset));
    }
}
