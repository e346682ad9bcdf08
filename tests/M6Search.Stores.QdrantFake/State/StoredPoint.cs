using Google.Protobuf.Collections;
using Qdrant.Client.Grpc;

namespace M6Search.Stores.QdrantFake.State;

/// <summary>A point as the fake keeps it: dense vectors already normalised (Cosine), sparse vectors as sent.</summary>
public sealed class StoredPoint
{
    public required PointId Id { get; init; }

    /// <summary>The uuid (lower case) or the number as text, the key of the point.</summary>
    public required string Key { get; init; }

    public required MapField<string, Value> Payload { get; init; }

    public Dictionary<string, float[]> Dense { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, (uint[] Indices, float[] Values)> Sparse { get; } = new(StringComparer.Ordinal);

    /// <summary>The point as Qdrant returns it from Get and Scroll.</summary>
    public RetrievedPoint ToRetrieved(bool withPayload, bool withVectors)
    {
        var point = new RetrievedPoint { Id = Id.Clone() };
        if (withPayload)
        {
            point.Payload.Add(Payload);
        }

        if (withVectors)
        {
            point.Vectors = VectorsOutput();
        }

        return point;
    }

    /// <summary>The point as Qdrant returns it from Query.</summary>
    public ScoredPoint ToScored(float score, bool withPayload, bool withVectors)
    {
        var point = new ScoredPoint { Id = Id.Clone(), Score = score, Version = 1 };
        if (withPayload)
        {
            point.Payload.Add(Payload);
        }

        if (withVectors)
        {
            point.Vectors = VectorsOutput();
        }

        return point;
    }

    private VectorsOutput VectorsOutput()
    {
        // A current server fills the typed oneof (dense / sparse), not the deprecated flat "data".
        var named = new NamedVectorsOutput();
        foreach ((string name, float[] values) in Dense)
        {
            named.Vectors[name] = new VectorOutput { Dense = new DenseVector { Data = { values } } };
        }

        foreach ((string name, (uint[] indices, float[] values)) in Sparse)
        {
            named.Vectors[name] = new VectorOutput { Sparse = new SparseVector { Indices = { indices }, Values = { values } } };
        }

        return new VectorsOutput { Vectors = named };
    }
}
