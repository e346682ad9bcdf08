namespace M6Search.Stores.Embedded;

/// <summary>
/// A request the embedded store cannot carry out (bad input, missing collection, ...), raised by its internal parts and
/// turned into a <see cref="Abstractions.VectorStoreException"/> naming the operation and collection by the store.
/// </summary>
internal sealed class StoreRequestException : Exception
{
    public StoreRequestException(string message)
        : base(message)
    {
    }

    public StoreRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StoreRequestException()
    {
    }
}
