namespace M6Search.OpenClipart.Splitting;

/// <summary>How items are de-duplicated and divided.</summary>
public sealed record SplitOptions
{
    /// <summary>Seed of every random choice (series members kept, split of each series).</summary>
    public ulong Seed { get; init; } = 20261202;

    /// <summary>Share of series that go to the test split.</summary>
    public double TestFraction { get; init; } = 0.2;

    /// <summary>Share of series that go to the validation split.</summary>
    public double ValidationFraction { get; init; } = 0.1;

    /// <summary>Most items kept of one near-duplicate series (same raw title, keywords and folder).</summary>
    public int SeriesCap { get; init; } = 3;

    /// <exception cref="ArgumentException">A fraction is outside [0, 1), they sum to 1 or more, or the cap is below 1.</exception>
    public void Validate()
    {
        if (TestFraction is < 0 or >= 1 || ValidationFraction is < 0 or >= 1 || TestFraction + ValidationFraction >= 1)
        {
            throw new ArgumentException($"The test ({TestFraction}) and validation ({ValidationFraction}) fractions must each be in [0, 1) and leave room for training.");
        }

        if (SeriesCap < 1)
        {
            throw new ArgumentException($"The series cap must be at least 1, not {SeriesCap}.");
        }
    }
}
