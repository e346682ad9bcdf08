namespace M6Search.Evaluation.Input;

/// <summary>A catalog or query file that cannot be evaluated; the message names the file, the line and what is wrong.</summary>
public sealed class EvaluationInputException : Exception
{
    public EvaluationInputException(string filePath, int line, string problem, Exception? innerException = null)
        : base(line > 0 ? $"{filePath}:{line}: {problem}" : $"{filePath}: {problem}", innerException)
    {
        FilePath = filePath;
        Line = line;
        Problem = problem;
    }

    /// <summary>The file as it was named.</summary>
    public string FilePath { get; }

    /// <summary>1-based line number; 0 when the problem concerns the whole file.</summary>
    public int Line { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }
}
