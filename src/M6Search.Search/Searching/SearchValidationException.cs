namespace M6Search.Search.Searching;

/// <summary>A search request with invalid input; <see cref="Errors"/> maps each bad field to what is wrong with it.</summary>
public sealed class SearchValidationException : Exception
{
    public SearchValidationException(IReadOnlyDictionary<string, string[]> errors)
        : base("Invalid search request: " + string.Join(" ", errors.SelectMany(e => e.Value.Select(message => $"{e.Key}: {message}"))))
    {
        Errors = errors;
    }

    public SearchValidationException(string field, string message)
        : this(new Dictionary<string, string[]> { [field] = [message] })
    {
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; }
}
