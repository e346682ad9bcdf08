namespace M6Search.Encoder.Serialization;

/// <summary>A model or checkpoint file that cannot be read: missing, truncated, corrupt, or incompatible with this build.</summary>
public sealed class ModelFileException : Exception
{
    /// <summary>A failure of <paramref name="filePath"/> described by <paramref name="problem"/>.</summary>
    public ModelFileException(string filePath, string problem, Exception? innerException = null)
        : base($"Model file '{filePath}': {problem}", innerException)
    {
        FilePath = filePath;
        Problem = problem;
    }

    /// <summary>The file that failed.</summary>
    public string FilePath { get; }

    /// <summary>What is wrong with it.</summary>
    public string Problem { get; }
}
