namespace M6Search.Web.Uploads;

/// <summary>An uploaded photo that is refused: the HTTP status to answer with and a message for the shopper.</summary>
public sealed class PhotoUploadException : Exception
{
    public PhotoUploadException(int statusCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
    }

    public int StatusCode { get; }
}
