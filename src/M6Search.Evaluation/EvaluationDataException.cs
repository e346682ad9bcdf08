namespace M6Search.Evaluation;

/// <summary>The queries and the catalog do not fit together (for example a judged product the catalog lacks).</summary>
public sealed class EvaluationDataException : Exception
{
    public EvaluationDataException(string message)
        : base(message)
    {
    }
}
