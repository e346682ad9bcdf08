namespace M6Search.Stores.Abstractions;

/// <summary>Every failure of a store, whatever the implementation: which operation, on which collection, and why.</summary>
public sealed class VectorStoreException : Exception
{
    public VectorStoreException(string operation, string collection, string message, Exception? innerException = null, int? statusCode = null)
        : base($"{operation} on collection '{collection}' failed: {message}", innerException)
    {
        Operation = operation;
        Collection = collection;
        StatusCode = statusCode;
        Reason = message;
    }

    public string Operation { get; }

    public string Collection { get; }

    /// <summary>The server's own message (for Qdrant, the gRPC status detail).</summary>
    public string Reason { get; }

    /// <summary>The gRPC status code (Grpc.Core.StatusCode as a number) for the Qdrant store; null otherwise.</summary>
    public int? StatusCode { get; }
}
