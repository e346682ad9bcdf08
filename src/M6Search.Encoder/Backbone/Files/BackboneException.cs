namespace M6Search.Encoder.Backbone.Files;

/// <summary>Base of the backbone's errors: a missing, different or unreadable backbone file.</summary>
public abstract class BackboneException : Exception
{
    protected BackboneException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
