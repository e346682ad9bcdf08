using M6Search.Catalog.Queries;

namespace M6Search.Relevance.Ranking;

/// <summary>A shopper query the dashboard ranks the catalog for.</summary>
public sealed record DashboardQuery
{
    public required string Text { get; init; }

    public required QuerySource Source { get; init; }

    /// <summary>The labels of a <see cref="QuerySource.Labeled"/> query; null for logged queries.</summary>
    public LabeledQuery? Labels { get; init; }

    /// <summary>How often shoppers typed it (logged queries), or null.</summary>
    public int? TimesSearched { get; init; }

    /// <summary>The trait words of the query: its labels' traits, or the vocabulary words found in its text.</summary>
    public required IReadOnlyList<string> TraitWords { get; init; }
}
