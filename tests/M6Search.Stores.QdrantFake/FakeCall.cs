using Google.Protobuf;

namespace M6Search.Stores.QdrantFake;

/// <summary>
/// One gRPC call the fake received: the method ("Points/Upsert", "Collections/Create", ...), the request message as
/// it arrived on the wire, the api-key header and the deadline the client set (null when none).
/// </summary>
public sealed record FakeCall(string Method, IMessage Request, string? ApiKey, DateTime? Deadline)
{
    /// <summary>The request as <typeparamref name="T"/>; throws when the call was of another kind.</summary>
    public T As<T>()
        where T : IMessage => Request is T typed
        ? typed
        : throw new InvalidOperationException($"{Method} carried a {Request.Descriptor.Name}, not a {typeof(T).Name}.");
}
