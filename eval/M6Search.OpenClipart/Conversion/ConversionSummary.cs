namespace M6Search.OpenClipart.Conversion;

/// <summary>The counts of a conversion run (written to summary.json and printed).</summary>
public sealed record ConversionSummary
{
    public required int SvgFiles { get; init; }

    public required int UnreadableMetadata { get; init; }

    public required int WithoutPng { get; init; }

    public required int WithoutTitle { get; init; }

    public required int TitlesFromFileName { get; init; }

    public required int DuplicatePictures { get; init; }

    public required int SeriesDropped { get; init; }

    public required int ImageFailures { get; init; }

    public required int TrainItems { get; init; }

    public required int TrainPairs { get; init; }

    public required int ValidationItems { get; init; }

    public required int ValidationQueries { get; init; }

    public required int TestItems { get; init; }

    public required int TestQueries { get; init; }

    /// <summary>Mean judged items (grade 1 or 2) per test query.</summary>
    public required double TestRelevantPerQuery { get; init; }

    /// <summary>Share of the test queries' judged items whose titles lack the query word.</summary>
    public required double TestHiddenShare { get; init; }
}
