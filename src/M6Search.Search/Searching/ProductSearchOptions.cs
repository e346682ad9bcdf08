using M6Search.Search.Encoding;
using M6Search.Stores.Abstractions;

namespace M6Search.Search.Searching;

/// <summary>Settings of <see cref="ProductSearchService"/>, bound from the configuration section <see cref="SectionName"/>.</summary>
public sealed class ProductSearchOptions
{
    public const string SectionName = "M6:Search";

    /// <summary>Candidates each channel (image, text, lexical) contributes to the fusion.</summary>
    public int PrefetchLimit { get; set; } = 100;

    /// <summary>The k of reciprocal-rank fusion (Qdrant's default, 2, so both stores rank alike).</summary>
    public int RrfK { get; set; } = HybridQuery.DefaultRrfK;

    /// <summary>Each channel's weight in the fusion (section <c>M6:Search:FusionWeights</c>; 1 each by default).</summary>
    public FusionWeightOptions FusionWeights { get; set; } = new();

    /// <summary>Longest accepted query, in characters.</summary>
    public int MaxQueryLength { get; set; } = 256;

    /// <summary>Most results one request may ask for.</summary>
    public int MaxResults { get; set; } = 100;

    /// <summary>Deepest offset a request may page to.</summary>
    public int MaxOffset { get; set; } = 1000;

    /// <summary>Sorting by price re-orders the best this many relevance results.</summary>
    public int SortWindow { get; set; } = 100;

    /// <summary>Query embeddings computed at once (the rest wait their turn).</summary>
    public int MaxConcurrentEmbeddings { get; set; } = 1;

    /// <summary>The query-embedding cache (section <c>M6:Search:EmbeddingCache</c>).</summary>
    public QueryEmbeddingCacheOptions EmbeddingCache { get; set; } = new();

    /// <summary>Batching of query embeddings that arrive together (section <c>M6:Search:QueryBatching</c>).</summary>
    public QueryBatchingOptions QueryBatching { get; set; } = new();

    /// <summary>Every problem with these settings, each naming its configuration key.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        AtLeast(PrefetchLimit, 1, nameof(PrefetchLimit), errors);
        AtLeast(RrfK, 1, nameof(RrfK), errors);
        AtLeast(MaxQueryLength, 1, nameof(MaxQueryLength), errors);
        AtLeast(MaxResults, 1, nameof(MaxResults), errors);
        AtLeast(MaxOffset, 0, nameof(MaxOffset), errors);
        AtLeast(SortWindow, 1, nameof(SortWindow), errors);
        AtLeast(MaxConcurrentEmbeddings, 1, nameof(MaxConcurrentEmbeddings), errors);
        if (FusionWeights is null)
        {
            errors.Add($"{SectionName}:{nameof(FusionWeights)} must not be null.");
        }
        else
        {
            errors.AddRange(FusionWeights.Validate($"{SectionName}:{nameof(FusionWeights)}"));
        }

        if (EmbeddingCache is null)
        {
            errors.Add($"{SectionName}:{nameof(EmbeddingCache)} must not be null.");
        }
        else
        {
            errors.AddRange(EmbeddingCache.Validate($"{SectionName}:{nameof(EmbeddingCache)}"));
        }

        if (QueryBatching is null)
        {
            errors.Add($"{SectionName}:{nameof(QueryBatching)} must not be null.");
        }
        else
        {
            errors.AddRange(QueryBatching.Validate($"{SectionName}:{nameof(QueryBatching)}"));
        }

        return errors;
    }

    private static void AtLeast(int value, int minimum, string name, List<string> errors)
    {
        if (value < minimum)
        {
            errors.Add($"{SectionName}:{name} must be at least {minimum}, not {value}.");
        }
    }
}
