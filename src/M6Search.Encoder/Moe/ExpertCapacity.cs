namespace M6Search.Encoder.Moe;

/// <summary>How many tokens one expert takes in one forward pass.</summary>
public static class ExpertCapacity
{
    /// <summary>
    /// ceil(tokens / experts x factor), where experts is the number of experts the tokens are spread over (with expert
    /// prototyping: the experts of one group, since every group sees every token), raised to <paramref name="minimum"/>
    /// and never above <paramref name="tokens"/>.
    /// </summary>
    public static long Compute(long tokens, int experts, double factor, int minimum)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tokens);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(experts);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(factor);
        ArgumentOutOfRangeException.ThrowIfNegative(minimum);
        if (tokens == 0)
        {
            return 0;
        }

        // The small epsilon keeps 10 / 4 x 1.2 = 3.0000000000000004 at 3.
        long capacity = (long)Math.Ceiling((tokens * factor / experts) - 1e-9);
        return Math.Min(tokens, Math.Max(Math.Max(capacity, minimum), 1));
    }
}
