namespace M6Search.Stores.Qdrant.Json;

/// <summary>The envelope of every successful Qdrant reply: <c>{"result": ..., "status": "ok", "time": ...}</c>.</summary>
internal sealed record QdrantResponse<T>
{
    public T? Result { get; init; }

    public double? Time { get; init; }
}
