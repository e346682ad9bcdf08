namespace M6Search.Search.Results;

/// <summary>
/// Why a product matched: each channel's view, how much of the fused score came from the image rather than the title
/// (text embedding and lexical match together), and the query words the title has and lacks.
/// </summary>
public sealed record MatchDetails
{
    /// <summary>The query against the product image's embedding; null when the search did not use that channel.</summary>
    public ChannelMatch? Image { get; init; }

    /// <summary>The query against the title's embedding.</summary>
    public ChannelMatch? Text { get; init; }

    /// <summary>The query's words against the title's words (BM25).</summary>
    public ChannelMatch? Lexical { get; init; }

    /// <summary>Share of the fused score from the image channel, 0 to 1.</summary>
    public double ImageShare { get; init; }

    /// <summary>Share of the fused score from the title (text and lexical channels), 0 to 1.</summary>
    public double TitleShare { get; init; }

    /// <summary>Query words the title contains (normalised).</summary>
    public IReadOnlyList<string> MatchedWords { get; init; } = [];

    /// <summary>Query words the title lacks: what only the image can have matched.</summary>
    public IReadOnlyList<string> MissingWords { get; init; } = [];
}
