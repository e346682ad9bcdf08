namespace M6Search.Fuzzing.Targets;

/// <summary>The code under test answered an input in a way its documentation rules out.</summary>
public sealed class ContractViolationException : Exception
{
    public ContractViolationException(string target, string message, Exception? innerException = null)
        : base($"{target}: {message}", innerException)
    {
    }
}
