namespace M6Search.Synth.Generation;

/// <summary>Settings of one synthetic catalog (<c>m6 synth</c>).</summary>
public sealed record SynthOptions
{
    public required int Products { get; init; }

    public long Seed { get; init; } = 42;

    /// <summary>Probability that a title leaves out a trait, drawn independently for colour, texture and material.</summary>
    public double OmitRate { get; init; } = 0.7;

    /// <summary>Side of the square JPEG images in pixels.</summary>
    public int ImageSize { get; init; } = 128;

    /// <summary>Number of labeled queries to aim for; null means min(400, Products / 5).</summary>
    public int? Queries { get; init; }

    /// <summary>Training descriptions per product (the first is English, the second Chinese).</summary>
    public int PairsPerProduct { get; init; } = 2;

    /// <summary>A query is kept only when at least this many products are fully relevant (grade 2).</summary>
    public int MinRelevantPerQuery { get; init; } = 3;

    /// <summary>When false, only the JSONL files are written (useful for text-only experiments).</summary>
    public bool WriteImages { get; init; } = true;

    /// <summary>
    /// Also write queries.heldout.jsonl: every query worded with held-out words (Vocabulary/HeldOutWording.cs) for an
    /// evaluation of wording the model never saw. For reporting only; never choose settings with it.
    /// </summary>
    public bool HeldOutWording { get; init; }

    /// <summary>Rendering threads; null uses every core. The output does not depend on it.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    public int EffectiveQueries => Queries ?? Math.Min(400, Products / 5);

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first setting that is out of range.</summary>
    public void Validate()
    {
        if (Products < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Products), Products, "--products must be at least 1.");
        }

        if (OmitRate is < 0 or > 1 || double.IsNaN(OmitRate))
        {
            throw new ArgumentOutOfRangeException(nameof(OmitRate), OmitRate, "--omit-rate must be between 0 and 1.");
        }

        if (ImageSize is < 32 or > 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(ImageSize), ImageSize, "--image-size must be between 32 and 1024 pixels.");
        }

        if (Queries is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Queries), Queries, "--queries must not be negative.");
        }

        if (PairsPerProduct < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(PairsPerProduct), PairsPerProduct, "--pairs-per-product must be at least 2 (one English, one Chinese).");
        }

        if (MinRelevantPerQuery < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MinRelevantPerQuery), MinRelevantPerQuery, "The minimum number of relevant products per query must be at least 1.");
        }

        if (MaxDegreeOfParallelism is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, "--threads must be at least 1.");
        }
    }
}
