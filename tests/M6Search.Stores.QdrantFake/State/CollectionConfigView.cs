using Qdrant.Client.Grpc;

namespace M6Search.Stores.QdrantFake.State;

/// <summary>The vector layout of a collection, read from the request that created it.</summary>
public sealed class CollectionConfigView(CreateCollection created)
{
    public CreateCollection Created { get; } = created;

    public int? DenseSize(string name) =>
        Created.VectorsConfig?.ParamsMap?.Map.TryGetValue(name, out VectorParams? parameters) == true ? checked((int)parameters.Size) : null;

    public bool HasSparse(string name) => Created.SparseVectorsConfig?.Map.ContainsKey(name) == true;
}
