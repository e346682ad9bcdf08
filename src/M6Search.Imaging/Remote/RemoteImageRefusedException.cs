namespace M6Search.Imaging.Remote;

/// <summary>A connection <see cref="RemoteImagePolicy"/> does not allow; it is never opened.</summary>
public sealed class RemoteImageRefusedException : Exception
{
    public RemoteImageRefusedException(string message)
        : base(message)
    {
    }

    public RemoteImageRefusedException()
        : this("The outbound image policy refused the connection.")
    {
    }

    public RemoteImageRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
