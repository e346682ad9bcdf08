namespace M6Search.Search.Results;

/// <summary>A page of results.</summary>
public sealed record SearchResults
{
    public required IReadOnlyList<SearchResultItem> Items { get; init; }

    /// <summary>The query after normalisation (what was embedded and compared), or null for image searches.</summary>
    public string? NormalizedQuery { get; init; }

    /// <summary>True when a next page may have results (this page is full).</summary>
    public bool HasMore { get; init; }

    public required SearchTimings Timings { get; init; }
}
